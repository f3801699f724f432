#!/usr/bin/env bash
# Installs the host tools the host tests drive (tests/e2e/hosts-*.test.mjs), from the registries
# only, each pinned and skipped when already present at its pin (a second run costs seconds):
#   reveal.js  npm devDependency (package.json / package-lock.json), installed by scripts/setup.sh's npm ci
#   mdbook     cargo install mdbook --locked --no-default-features (~/.cargo/bin; no serve/watch/search)
#   anywidget + jupyterlab   pip, into a virtualenv of their own (never the system Python), kept per
#              machine in ~/.cache/trainlab/venv-hosts (TRAINLAB_VENV), so CI's fresh clones reuse it
#   quarto     not installed: PyPI's quarto-cli is a source package whose build downloads the
#              binary from outside the registries; the Quarto test runs only where `quarto` is on PATH.
# Prints how long each install took.
set -euo pipefail
cd "$(dirname "$0")/.."

MDBOOK_VERSION=0.5.4
VENV=${TRAINLAB_VENV:-$HOME/.cache/trainlab/venv-hosts}
REQS=examples/jupyter/requirements.txt
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '[setup-hosts] %s\n' "$*"; }
timed() { local t0=$SECONDS; "$@"; say "  took $((SECONDS - t0)) s"; }

if [ ! -f node_modules/reveal.js/package.json ]; then
  say "npm ci (reveal.js is a devDependency)"
  timed npm ci --no-audit --no-fund
fi
say "reveal.js $(node -p 'require("./node_modules/reveal.js/package.json").version')"

if ! mdbook --version 2>/dev/null | grep -q "v$MDBOOK_VERSION\$"; then
  say "cargo install mdbook $MDBOOK_VERSION --no-default-features (3-6 minutes on 2 cores)"
  timed cargo install mdbook --version "$MDBOOK_VERSION" --locked --no-default-features --force
fi
say "$(mdbook --version)"

# The virtualenv is rebuilt only when the pins change (their hash is kept inside it).
want=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ "$(cat "$VENV/.pins" 2>/dev/null)" != "$want" ] || [ ! -x "$VENV/bin/jupyter-lab" ]; then
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    say "apt-get install python3-venv"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
  fi
  say "pip install -r $REQS into $VENV (one to two minutes)"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  timed bash -c "python3 -m venv '$VENV' && '$VENV/bin/pip' install --quiet --disable-pip-version-check -r '$REQS'"
  echo "$want" > "$VENV/.pins"
fi
say "$("$VENV/bin/python" -c 'import anywidget, jupyterlab; print("anywidget", anywidget.__version__, "jupyterlab", jupyterlab.__version__)')"

if command -v quarto >/dev/null; then say "quarto $(quarto --version)"; else say "quarto: not available from the registries (the Quarto test is skipped)"; fi
say ok
