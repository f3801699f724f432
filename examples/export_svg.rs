//! Writes every registered view's default figure as SVG:
//! `cargo run --example export_svg -- OUT_DIR [QUERY] [WORK_UNITS]` (WORK_UNITS: long work done first).
use trainlab::app::{Mounted, DEFAULT_SIZE, VIEWS};
use trainlab::chart::Lang;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target/svg".to_string());
    let query = args.next().unwrap_or_default();
    let work: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    std::fs::create_dir_all(&dir).expect("create output directory");
    for info in VIEWS {
        let mut view = Mounted::new(info.id).unwrap_or_else(|n| panic!("{}: {n:?}", info.id));
        for notice in view.set(&query) {
            eprintln!("{}: {notice:?}", info.id);
        }
        if work > 0 {
            view.advance(work);
        }
        let svg = view.svg(DEFAULT_SIZE.0, DEFAULT_SIZE.1, Lang::En).expect("draw");
        let path = format!("{dir}/{}.svg", info.id);
        std::fs::write(&path, svg).expect("write svg");
        println!("{path}");
    }
}
