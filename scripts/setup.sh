#!/usr/bin/env bash
# Installs whatever trainlab needs that is missing, on a fresh Debian machine as root.
#   scripts/setup.sh build   toolchain to build the wasm and the static site
#   scripts/setup.sh test    the above plus Chromium, ChromeDriver and playwright-core
# Each step checks first, so a second run costs seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml / Cargo.lock
WASM_PACK_VERSION=0.15.1
what=${1:-build}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    say "rustup component add $comp"
    rustup component add "$comp"
  fi
done
if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  say "cargo install wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # No --locked: the CLI's own lock file pins a crate version the registry no longer serves.
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2-3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
# npm tools: wasm-opt (binaryen from npm, never Debian's 108, which emits modules that fail to load)
# and playwright-core. package-lock.json pins them.
npm_missing=0
for pkg in $(node -e 'console.log(Object.keys(require("./package.json").devDependencies).join(" "))' 2>/dev/null || echo binaryen); do
  [ -f "node_modules/$pkg/package.json" ] || npm_missing=1
done
if [ "$npm_missing" = 1 ] || [ ! -x node_modules/.bin/wasm-opt ]; then
  if ! command -v npm >/dev/null; then
    say "apt-get install nodejs npm"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
  fi
  say "npm ci"
  npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "apt-get install chromium chromium-driver (1-2 minutes)"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi
  # Korean words in the test screenshots: real glyphs, not boxes
  if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    say "apt-get install fonts-noto-cjk"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk
  fi
  if ! command -v python3 >/dev/null; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3
  fi
  scripts/setup-hosts.sh   # reveal.js, mdbook, JupyterLab + anywidget for tests/e2e/hosts-*.test.mjs
  scripts/setup-python.sh  # numpy, scikit-learn, Optuna, Ray Tune for tests/e2e/studies.test.mjs
fi
say "ok ($what)"
