#!/usr/bin/env bash
# Benchmarks print numbers; nothing here is asserted. PEERS=1 also runs the peer harness
# (../shared/peers/run_all.sh: TensorFlow.js, ConvNetJS, numpy, native Rust) in the same invocation.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
WITH_BENCH=1 scripts/build.sh
echo
echo "== trainlab in headless Chromium ($(/usr/bin/chromium --version 2>/dev/null | head -1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p bench/results
mine=bench/results/trainlab-$(date +%Y%m%d-%H%M%S).jsonl
BENCH_JSON=$mine node bench/page.mjs "${BENCH:-.}"
echo
echo "== page weight"
scripts/size.sh
if [ "${PEERS:-0}" = 1 ]; then
  echo
  echo "== peers (../shared/peers/run_all.sh)"
  bash ../shared/peers/run_all.sh
  raw=$(ls -t ../shared/peers/results/raw-*.jsonl | head -1)
  echo
  echo "== trainlab vs peers, same invocation ($mine vs $raw)"
  node bench/ratios.mjs "$mine" "$raw"
fi
