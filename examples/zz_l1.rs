use trainlab::app::Mounted;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    for extra in &args[1..] {
        let mut v = Mounted::new("train").unwrap();
        let q = v.command("preset", "overfit_weight_decay_off").unwrap()["query"]
            .as_str()
            .unwrap()
            .to_string();
        let n = v.set(&format!("{q}{extra}"));
        assert!(n.is_empty(), "{n:?}");
        let t = std::time::Instant::now();
        for _ in 0..1_000_000 {
            let p = v.advance(1000).unwrap();
            if p.done >= p.total {
                break;
            }
        }
        let d = v.data();
        let last = d["epochs"].as_array().unwrap().last().unwrap().clone();
        let w = &d["weights"];
        println!(
            "{extra}: train {:.3} dev {:.3} share<0.01 {:.3} (total {}) {:?}",
            last["train_error"],
            last["dev_error"],
            w["share"],
            w["total"],
            t.elapsed()
        );
        for th in ["0.001", "0.01", "0.05"] {
            v.set(&format!("{q}{extra}&threshold={th}"));
            print!(" t{th}={:.3}", v.data()["weights"]["share"]);
        }
        println!();
    }
}
