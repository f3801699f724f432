//! Writes the page's catalogue (`www/catalog.json` in dist/, by scripts/build.sh): every view's
//! parameters, actions, stage, wasm module and data, so the page knows them all before it loads
//! any module. `cargo run --example catalog > dist/www/catalog.json`
fn main() {
    println!("{}", trainlab::app::catalog_json());
}
