#!/usr/bin/env bash
# Every test trainlab has, in the order a failure is cheapest to find. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings
step "cargo clippy (wasm32, all targets)"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step "cargo test (native)"
cargo test
step "wasm-pack test --headless --chrome (real browser)"
wasm-pack test --headless --chrome
step "build dist/ (release wasm)"
scripts/build.sh
step "end-to-end tests (playwright-core + /usr/bin/chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/
