#!/usr/bin/env bash
# What the page loads (dist/ after a release build): the raw and gzipped bytes of each wasm module
# and its glue, then what each page of issue 13 fetched in Chromium, every response gzipped at
# level 9 and summed, against its budget (scripts/weight.mjs; tests/e2e/weight.test.mjs asserts
# the same sums). FILES=1 lists every file of every page.
set -euo pipefail
cd "$(dirname "$0")/.."
ls dist/pkg/*/trainlab_wasm_bg.wasm >/dev/null 2>&1 || scripts/build.sh >/dev/null
printf '%-40s %10s %10s\n' "module file" raw gzip
for f in dist/pkg/*/trainlab_wasm_bg.wasm dist/pkg/*/trainlab_wasm.js; do
  printf '%-40s %10d %10d\n' "${f#dist/}" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
done
sa=dist/trainlab.html
[ -f "$sa" ] && printf '%-40s %10d %10d   (the single-file build: everything, loaded by no page)\n' "${sa#dist/}" "$(stat -c %s "$sa")" "$(gzip -9 -c "$sa" | wc -c)"
echo
node scripts/weight.mjs ${FILES:+--files}
