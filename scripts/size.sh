#!/usr/bin/env bash
# Raw and gzipped bytes of everything the page loads (dist/ after a release build).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/pkg/trainlab_wasm_bg.wasm ] || scripts/build.sh >/dev/null
total_raw=0
total_gz=0
printf '%-36s %10s %10s\n' file raw gzip
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-36s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' \) ! -name trainlab.html | sort)
printf "%-36s %10d %10d   (%s KB gzipped; target < 250 KB)\n" "total (page)" "$total_raw" "$total_gz" "$(awk -v b="$total_gz" 'BEGIN { printf "%.1f", b / 1024 }')"
sa=dist/trainlab.html
[ -f "$sa" ] && printf '%-36s %10d %10d   (single-file build, not loaded by the page)\n' "${sa#dist/}" "$(stat -c %s "$sa")" "$(gzip -9 -c "$sa" | wc -c)"
