//! Native timing of the peers' workloads on the engine (the browser numbers come from
//! `make bench`): `cargo run --release --example bench_native [workloads.json]`.
use std::time::Instant;
use trainlab::core::lab::workload::{Workload, WorkloadConfig};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/peers/workloads.json".into());
    let text = std::fs::read_to_string(&path).expect("workloads.json");
    let all: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for name in ["mnist-mlp-sgd", "mnist-mlp-adam", "playground-tiny", "act-hist"] {
        let entry = &all[name];
        let config: WorkloadConfig = serde_json::from_value(entry.clone()).expect("entry");
        let mut w = Workload::new(name, &config, 1).expect("workload");
        let warm = entry["warmup"].as_u64().unwrap_or(10);
        let steps = entry["steps"].as_u64().unwrap_or(100);
        let mut sink = 0.0;
        for _ in 0..warm {
            sink += w.step();
        }
        let mut t: Vec<f64> = (0..steps)
            .map(|_| {
                let t0 = Instant::now();
                sink += w.step();
                t0.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        t.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{name:22} trainlab-native {:10.4} ms (sink {})",
            t[t.len() / 2],
            sink.is_finite()
        );
    }
}
