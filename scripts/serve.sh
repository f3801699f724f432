#!/usr/bin/env bash
# Builds the lab and serves dist/ on http://127.0.0.1:${PORT:-8000} (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
PORT=${PORT:-8000}
echo
echo "trainlab is at http://127.0.0.1:$PORT/  (for example http://127.0.0.1:$PORT/?view=ewma&beta=0.98&bias_correction=1&seed=7)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
