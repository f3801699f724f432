#!/usr/bin/env bash
# Builds the release wasm (SIMD, wasm-opt from npm's binaryen) and assembles the static site in dist/:
#   dist/index.html, dist/www/*, dist/pkg/trainlab_wasm.js, dist/pkg/trainlab_wasm_bg.wasm
# No bundler, no CDN: the page loads only these files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "[build] wasm-pack build --release (simd128 from .cargo/config.toml)"
wasm-pack --quiet build --release --target web --no-pack --out-dir pkg --out-name trainlab_wasm
# Debian's binaryen 108 emits modules that fail at load; this is npm's (see scripts/setup.sh).
echo "[build] wasm-opt $(wasm-opt --version)"
wasm-opt -O3 pkg/trainlab_wasm_bg.wasm -o pkg/trainlab_wasm_bg.opt.wasm
mv pkg/trainlab_wasm_bg.opt.wasm pkg/trainlab_wasm_bg.wasm

rm -rf dist
mkdir -p dist/pkg
cp index.html dist/
cp -r www dist/www
cp -r examples dist/examples
rm -f dist/examples/*.rs
# host examples: the reveal.js deck loads reveal.js (an npm devDependency) from beside itself
if [ -f node_modules/reveal.js/dist/reveal.mjs ]; then
  mkdir -p dist/examples/slides/reveal/theme
  cp node_modules/reveal.js/dist/reveal.mjs node_modules/reveal.js/dist/reveal.css node_modules/reveal.js/LICENSE dist/examples/slides/reveal/
  cp node_modules/reveal.js/dist/theme/white.css dist/examples/slides/reveal/theme/
fi
cp pkg/trainlab_wasm.js pkg/trainlab_wasm_bg.wasm dist/pkg/
# the course map's pictures: each view's figure at its defaults (after a little of its long work),
# drawn by the same chart code natively
cargo run --quiet --example export_svg -- dist/www/thumbs "" 400 > /dev/null
# the formulas of the page's words: TeX in www/text/*.js -> MathML in dist/ (temml, from npm)
node scripts/math.mjs dist
node scripts/standalone.mjs dist
echo "[build] dist/ ready ($(du -sh dist | cut -f1))"
