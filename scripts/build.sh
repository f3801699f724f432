#!/usr/bin/env bash
# Builds the release wasm (SIMD, wasm-opt from npm's binaryen) and assembles the static site in dist/:
#   dist/index.html, dist/www/* (catalog.json, view-css.js, thumbs/), and one wasm module per group
#   of views, dist/pkg/<module>/trainlab_wasm.js + trainlab_wasm_bg.wasm (the cargo features of the
#   same crate, see Cargo.toml; a page loads a module only when it mounts one of its views).
# No bundler, no CDN: the page loads only these files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# module     cargo profile   wasm-opt   (what a page of the module loads is mostly the module)
# The views that do little compute are built for size (opt-level "z", wasm-opt -Oz); the views
# that train networks keep the GEMM path at full speed (opt-level 3, wasm-opt -O3). bench/page.mjs
# alone loads `bench`, so it is built only for `make bench` (WITH_BENCH=1, set by scripts/bench.sh).
MODULES="
ewma         release-small   -Oz
math         release-small   -Oz
search       release-small   -Oz
nn           release         -O3
train        release         -O3
engine       release         -O3
bench        release         -O3
"
rm -rf pkg
started=$SECONDS
while read -r m profile opt; do
  [ -n "$m" ] || continue
  if [ "$m" = bench ] && [ "${WITH_BENCH:-0}" != 1 ]; then continue; fi
  t0=$SECONDS
  echo "[build] module $m: cargo build --profile $profile, wasm-opt $opt (simd128 from .cargo/config.toml)"
  cargo build --quiet --lib --target wasm32-unknown-unknown --profile "$profile" --no-default-features --features "$m"
  wasm-bindgen "target/wasm32-unknown-unknown/$profile/trainlab.wasm" --target web --no-typescript \
    --out-dir "pkg/$m" --out-name trainlab_wasm
  # Debian's binaryen 108 emits modules that fail at load; this is npm's (see scripts/setup.sh).
  wasm-opt "$opt" "pkg/$m/trainlab_wasm_bg.wasm" -o "pkg/$m/trainlab_wasm_bg.opt.wasm"
  mv "pkg/$m/trainlab_wasm_bg.opt.wasm" "pkg/$m/trainlab_wasm_bg.wasm"
  echo "[build] module $m: $((SECONDS - t0)) s"
done <<< "$MODULES"
echo "[build] wasm-opt $(wasm-opt --version); the modules took $((SECONDS - started)) s"

rm -rf dist
mkdir -p dist/pkg
cp index.html dist/
cp -r www dist/www
# the views' style sheet as a module (trainlab.js adopts it into the document or a shadow root)
node -e "const fs=require('fs');fs.writeFileSync('dist/www/view-css.js','// generated from www/view.css by scripts/build.sh\nexport const VIEW_CSS = '+JSON.stringify(fs.readFileSync('www/view.css','utf8'))+';\n')"
cp -r examples dist/examples
rm -f dist/examples/*.rs
for m in pkg/*/; do
  m=$(basename "$m")
  mkdir -p "dist/pkg/$m"
  cp "pkg/$m/trainlab_wasm.js" "pkg/$m/trainlab_wasm_bg.wasm" "dist/pkg/$m/"
done
# the catalogue of every view (parameters, actions, stage, module, data), read before any module
cargo run --quiet --example catalog > dist/www/catalog.json
# host examples: the reveal.js deck loads reveal.js (an npm devDependency) from beside itself
if [ -f node_modules/reveal.js/dist/reveal.mjs ]; then
  mkdir -p dist/examples/slides/reveal/theme
  cp node_modules/reveal.js/dist/reveal.mjs node_modules/reveal.js/dist/reveal.css node_modules/reveal.js/LICENSE dist/examples/slides/reveal/
  cp node_modules/reveal.js/dist/theme/white.css dist/examples/slides/reveal/theme/
fi
# the course map's pictures: each view's figure at its defaults (after a little of its long work),
# drawn by the same chart code natively
cargo run --quiet --example export_svg -- dist/www/thumbs "" 400 > /dev/null
# the formulas of the page's words: TeX in www/text/*.js -> MathML in dist/ (temml, from npm)
node scripts/math.mjs dist
# the scripts without their comments and indentation (each keeps its header; www/ keeps all)
node scripts/strip.mjs dist/www dist/pkg
node scripts/standalone.mjs dist
echo "[build] dist/ ready ($(du -sh dist | cut -f1))"
