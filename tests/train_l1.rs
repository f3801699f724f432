//! L1 in view=train (seed 001 "Regularization"): the weight histogram and its share of weights
//! below the threshold against a count over the weights the view lists, L1 on the DLFS
//! overfitting digits leaving far more weights near 0 than no regulariser and than L2 (measured
//! with fixed seeds), a change of L1 while training kept as a panda change, bad L1 and threshold
//! values refused with a notice and the default kept, the session naming `l1` when it refuses.
use trainlab::app::Mounted;
use trainlab::chart::Lang;

fn train_view(query: &str) -> Mounted {
    let mut v = Mounted::new("train").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

fn run_to_end(v: &mut Mounted) -> serde_json::Value {
    for _ in 0..1_000_000 {
        let p = v.advance(1000).unwrap();
        if p.done >= p.total {
            break;
        }
    }
    v.data()
}

/// Every weight the view lists in `data().network.layers[].weights` (rows of `n_out`).
fn listed_weights(d: &serde_json::Value) -> Vec<f64> {
    d["network"]["layers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| {
            l["weights"]
                .as_array()
                .expect("small layers are listed in full")
                .clone()
        })
        .flat_map(|row| row.as_array().unwrap().clone())
        .map(|w| w.as_f64().unwrap())
        .collect()
}

#[test]
fn the_histogram_counts_every_weight_and_its_share_is_the_count_below_the_threshold() {
    let mut v = train_view("epochs=20&l1=0.3&threshold=0.05");
    let d = run_to_end(&mut v);
    let w = listed_weights(&d);
    // 2-8-8-1: 16 + 64 + 8 weights (the biases are not in the histogram)
    assert_eq!(w.len(), 88);
    let h = &d["weights"];
    assert_eq!(h["total"], 88);
    let counts: Vec<u64> = h["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap())
        .collect();
    assert_eq!(counts.iter().sum::<u64>(), 88);
    // the range is the largest |w|; every bin's count recomputed here from the listed weights
    let r = w.iter().fold(0.0f64, |a, w| a.max(w.abs()));
    assert!((h["range"].as_f64().unwrap() - r).abs() < 1e-12);
    let n = counts.len();
    let mut mine = vec![0u64; n];
    for x in &w {
        mine[(((x + r) / (2.0 * r) * n as f64).floor() as usize).min(n - 1)] += 1;
    }
    assert_eq!(mine, counts);
    let below = w.iter().filter(|x| x.abs() < 0.05).count();
    assert_eq!(h["below"], below);
    assert!((h["share"].as_f64().unwrap() - below as f64 / 88.0).abs() < 1e-12);
    // the threshold is a figure setting: changing it keeps the run and recounts
    let step = d["step"].clone();
    assert!(v.set("threshold=0.5").is_empty());
    let d2 = v.data();
    assert_eq!(d2["step"], step);
    let below = w.iter().filter(|x| x.abs() < 0.5).count();
    assert_eq!(d2["weights"]["below"], below);
    assert_eq!(d2["network"]["l1"], 0.3);
}

/// The DLFS overfitting preset `id` (with `extra`) trained to the end: (dev error, share of
/// weights with |w| < 0.01).
fn preset_sparsity(id: &str, extra: &str) -> (f64, f64) {
    let mut v = Mounted::new("train").unwrap();
    let q = v.command("preset", id).unwrap()["query"].as_str().unwrap().to_string();
    assert!(v.set(&format!("{q}{extra}&threshold=0.01")).is_empty());
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done", "{id}");
    let last = d["epochs"].as_array().unwrap().last().unwrap().clone();
    (
        last["dev_error"].as_f64().unwrap(),
        d["weights"]["share"].as_f64().unwrap(),
    )
}

#[test]
fn l1_leaves_far_more_weights_near_zero_than_l2_or_no_regulariser() {
    // 300 digits, 6 x 100 ReLU, SGD 0.01, batches of 100, 201 epochs, seed 1 (57,400 weights).
    // Measured on this setup (share of |w| < 0.01, dev error):
    //   no regulariser (overfit_weight_decay_off)  5.4%  dev 6.9%
    //   L2 lambda = 10 (overfit_weight_decay)      9.7%  dev 16.9%
    //   L1 lambda_1 = 1 (overfit_l1)              36.5%  dev 12.8%
    // L2 of this strength costs as much dev accuracy as L1 (more, here), yet leaves a quarter of
    // L1's share of near-zero weights: L2's pull lambda/m w fades as w shrinks, L1's lambda/m
    // sign(w) does not.
    let (off_dev, off) = preset_sparsity("overfit_weight_decay_off", "");
    let (l2_dev, l2) = preset_sparsity("overfit_weight_decay", "");
    let (l1_dev, l1) = preset_sparsity("overfit_l1", "");
    eprintln!("# share |w| < 0.01: none {off:.3} (dev {off_dev:.3}), L2 {l2:.3} (dev {l2_dev:.3}), L1 {l1:.3} (dev {l1_dev:.3})");
    assert!(l1 > 2.0 * off && l1 > 2.0 * l2, "L1 {l1} vs none {off}, L2 {l2}");
    assert!(l1 > 0.25, "a clear spike at 0: {l1}");
    assert!(
        l1_dev <= l2_dev + 0.02,
        "L1's dev error {l1_dev} is no worse than L2's {l2_dev}"
    );
}

#[test]
fn changing_l1_while_training_keeps_the_weights_and_marks_the_change() {
    let mut v = train_view("epochs=50");
    v.advance(20);
    let step = v.data()["step"].as_u64().unwrap();
    assert!(step > 0);
    assert!(v.set("l1=0.5").is_empty());
    let d = v.data();
    assert_eq!(d["step"].as_u64().unwrap(), step, "the run goes on");
    assert_eq!(d["network"]["l1"], 0.5);
    let marks: Vec<&str> = d["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap())
        .collect();
    assert!(marks.contains(&"λ₁ 0 → 0.5"), "{marks:?}");
}

#[test]
fn bad_l1_and_threshold_get_a_notice_and_keep_the_default() {
    for (q, param) in [("l1=-1", "l1"), ("l1=abc", "l1"), ("threshold=abc", "threshold")] {
        let mut v = Mounted::new("train").unwrap();
        let n = v.set(q);
        assert!(n.iter().any(|n| n.param == param), "{q}: {n:?}");
        assert_eq!(v.data()["network"]["l1"], 0.0, "{q}");
        assert_eq!(v.data()["weights"]["threshold"], 0.01, "{q}");
    }
    // past the slider's ends: a notice, and the nearest value taken (as for lambda)
    let mut v = Mounted::new("train").unwrap();
    assert!(v.set("l1=1e9").iter().any(|n| n.param == "l1"));
    assert_eq!(v.data()["network"]["l1"], 100.0);
    assert!(v.set("threshold=0").iter().any(|n| n.param == "threshold"));
    assert_eq!(v.data()["weights"]["threshold"], 1e-4);
}

#[test]
fn the_session_refuses_a_negative_l1_naming_the_l1_parameter() {
    use trainlab::app::train::param_of;
    use trainlab::core::data::SyntheticConfig;
    use trainlab::core::lab::train::{Field, SessionConfig};
    use trainlab::core::math::rng::seeded;
    let data = SyntheticConfig::default().generate(&mut seeded(2)).unwrap();
    let mut cfg = SessionConfig::default();
    cfg.network.l1 = -1.0;
    let e = cfg.start(&data).unwrap_err();
    assert_eq!((e.field, param_of(e.field)), (Field::L1, "l1"));
    // and from a running session's panda change, with nothing changed
    let mut s = SessionConfig::default().start(&data).unwrap();
    s.step();
    let mut next = SessionConfig::default();
    next.network.l1 = f64::NAN;
    assert_eq!(s.retune(&next).unwrap_err().field, Field::L1);
    assert_eq!(s.trainer.net.config().l1, 0.0);
    assert!(s.marks.is_empty());
}

#[test]
fn the_text_alternative_gives_the_share_in_both_languages() {
    let mut v = train_view("epochs=5&l1=0.2");
    let d = run_to_end(&mut v);
    let pct = format!("{:.0}%", 100.0 * d["weights"]["share"].as_f64().unwrap());
    let en = v.describe(Lang::En);
    assert!(en.contains(&format!("{pct} of the 88 weights have |w| < 0.01")), "{en}");
    let ko = v.describe(Lang::Ko);
    assert!(ko.contains(&format!("가중치 88개 중 {pct}가 |w| < 0.01")), "{ko}");
}
