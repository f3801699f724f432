#!/usr/bin/env bash
# Installs the Python engines the exported studies run on (numpy, scikit-learn, Optuna, Ray Tune;
# pins in tests/python/requirements.txt) from PyPI into a virtualenv of their own (never the
# system Python), kept per machine in ~/.cache/trainlab/venv-studies (TRAINLAB_STUDY_VENV), so
# CI's fresh clones reuse it: rebuilt only when the pins change (their hash is kept inside it).
# Used by tests/e2e/studies.test.mjs (which also runs tests/python/). Prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${TRAINLAB_STUDY_VENV:-$HOME/.cache/trainlab/venv-studies}
REQS=tests/python/requirements.txt

say() { printf '[setup-python] %s\n' "$*"; }

want=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ "$(cat "$VENV/.pins" 2>/dev/null)" != "$want" ] || [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    say "apt-get install python3-venv"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-venv
  fi
  say "pip install -r $REQS into $VENV (about two minutes)"
  t0=$SECONDS
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  echo "$want" > "$VENV/.pins"
  say "  took $((SECONDS - t0)) s"
fi
say "$("$VENV/bin/python" -c 'import numpy, sklearn, optuna, ray; print("numpy", numpy.__version__, "scikit-learn", sklearn.__version__, "optuna", optuna.__version__, "ray", ray.__version__)')"
