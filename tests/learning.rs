//! `view=learning` (issue 14): DLFS's `smooth_curve` against an independent reimplementation of
//! its numpy code, the run queue of the run protocol, the study on the digits with a fixed seed
//! (SGD ends highest; std 0.01 stays at ln 10 while Xavier and He learn), the runs a worker
//! computes against the page's own, and the view's notices and bookkeeping.
use trainlab::app::{runs, Mounted};
use trainlab::core::data::digits::embedded as digits;
use trainlab::core::lab::learning::smooth::{bessel_i0, kaiser};
use trainlab::core::lab::learning::{
    rows, smooth_curve, Compare, InitActivation, LearningConfig, LearningRun, LearningStudy, RunKind, CURVE_RUNS, RUNS,
};
use trainlab::core::lab::runs::{Run, RunQueue, RunState};

/// `I0(x) = (1/π) ∫₀^π e^{x cos θ} dθ` (Abramowitz & Stegun 9.6.19) by Simpson's rule on 2,000
/// intervals: an independent route to the Bessel function the Kaiser window is made of.
fn i0_by_integral(x: f64) -> f64 {
    let n = 2000;
    let h = std::f64::consts::PI / n as f64;
    let f = |k: usize| (x * (k as f64 * h).cos()).exp();
    let inner: f64 = (1..n).map(|k| if k % 2 == 1 { 4.0 } else { 2.0 } * f(k)).sum();
    (f(0) + inner + f(n)) * h / 3.0 / std::f64::consts::PI
}

/// numpy's `smooth_curve` step by step: `s = np.r_[x[10:0:-1], x, x[-1:-11:-1]]`, then
/// `np.convolve(w / w.sum(), s, mode='valid')[5:-5]` with the window reversed as convolve does.
fn smooth_like_numpy(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut s: Vec<f64> = (1..=10).rev().map(|i| x[i]).collect();
    s.extend_from_slice(x);
    s.extend((1..=10).map(|i| x[n - i]));
    let w = kaiser(11, 2.0);
    let sum: f64 = w.iter().sum();
    let valid: Vec<f64> = (0..=s.len() - 11)
        .map(|i| (0..11).map(|j| w[10 - j] / sum * s[i + j]).sum())
        .collect();
    valid[5..valid.len() - 5].to_vec()
}

#[test]
fn the_kaiser_window_and_smooth_curve_are_dlfs_s() {
    for x in [0.0, 0.5, 1.0, 2.0, 3.5] {
        let (a, b) = (bessel_i0(x), i0_by_integral(x));
        assert!((a - b).abs() < 1e-12 * b, "I0({x}): series {a}, integral {b}");
    }
    let w = kaiser(11, 2.0);
    // np.kaiser(11, 2): the ends are 1 / I0(2), the middle 1, symmetric
    assert!((w[0] - 1.0 / i0_by_integral(2.0)).abs() < 1e-12, "{w:?}");
    assert!((w[5] - 1.0).abs() < 1e-15);
    for j in 0..11 {
        assert!((w[j] - w[10 - j]).abs() < 1e-15);
    }
    let x: Vec<f64> = (0..40)
        .map(|i| (i as f64 * 0.7).sin() + 0.03 * (i * i) as f64)
        .collect();
    let ours = smooth_curve(&x);
    let theirs = smooth_like_numpy(&x);
    assert_eq!(ours.len(), x.len());
    for (a, b) in ours.iter().zip(&theirs) {
        assert!((a - b).abs() < 1e-12, "{a} vs {b}");
    }
    // a constant stays; a short curve (a run's first iterations) keeps its length
    assert!(smooth_curve(&[2.5; 30]).iter().all(|v| (v - 2.5).abs() < 1e-12));
    assert_eq!(smooth_curve(&[1.0, 2.0, 3.0]).len(), 3);
    assert!(smooth_curve(&[]).is_empty());
}

#[test]
fn the_run_queue_hands_each_run_out_once() {
    let mut q = RunQueue::new(4);
    assert_eq!(q.take(), Some(0), "in the page by default");
    q.set_external(true);
    assert_eq!(q.state(0), Some(RunState::Waiting), "the page's run waits again");
    assert_eq!(q.take(), None, "the page takes none while workers compute");
    assert_eq!(q.claim_where(|i| i % 2 == 1), Some(1));
    assert_eq!(q.claim(), Some(0));
    assert_eq!(q.pending(), 2);
    assert!(q.finish(1));
    assert!(!q.finish(1), "a second result is stale");
    assert!(!q.finish(9));
    q.release();
    assert_eq!(q.state(0), Some(RunState::Waiting));
    assert_eq!(
        (q.claim(), q.claim(), q.claim(), q.claim()),
        (Some(0), Some(2), Some(3), None)
    );
    q.put_back(2);
    assert_eq!(q.claim(), Some(2));
    for i in [0, 2, 3] {
        assert!(q.finish(i));
    }
    assert!(q.finished() && q.done() == 4);
}

#[test]
fn every_run_starts_from_the_same_weights_on_the_same_mini_batches() {
    let d = digits().unwrap();
    let config = LearningConfig {
        iterations: 3,
        ..LearningConfig::default()
    };
    let data = rows(&d);
    let first: Vec<Vec<f64>> = (0..RUNS)
        .map(|i| {
            let mut run = LearningRun::new(&config, &data, i).unwrap();
            run.advance(&data, 3);
            run.curve().loss.clone()
        })
        .collect();
    // the first loss comes before any update: the same weights on the same batch give the same
    // number for the four optimizers (and for He + SGD, which is the SGD run)
    for i in 1..4 {
        assert_eq!(first[i][0], first[0][0], "run {i}");
    }
    assert_eq!(first[6], first[0], "He + SGD + ReLU is the SGD run, bit for bit");
    // std 0.01: the outputs are nearly 0, the softmax nearly uniform, the loss nearly ln 10
    assert!((first[4][0] - 10f64.ln()).abs() < 1e-3, "{}", first[4][0]);
    assert!(matches!(RunKind::of(4), Some(RunKind::Init(_))) && RunKind::of(RUNS).is_none());
}

#[test]
fn with_seed_1_sgd_ends_highest_and_std_001_stays_at_ln_10() {
    // DLFS's defaults (2,000 iterations of 4 x 100 ReLU, batches of 128) on the 1,797 digits.
    // Measured (seed 1): last smoothed loss SGD 0.0745, Momentum 0.0022, AdaGrad 0.0004, Adam
    // 0.0001; std 0.01 2.3020 (ln 10 = 2.3026), Xavier 0.125, He 0.0745.
    let d = digits().unwrap();
    let mut s = LearningStudy::new(LearningConfig::default(), Compare::Both, &d).unwrap();
    while !s.finished() {
        s.advance(500).unwrap();
    }
    let last = |i: usize| *smooth_curve(&s.curve(i).unwrap().loss).last().unwrap();
    let ends: Vec<f64> = (0..CURVE_RUNS).map(last).collect();
    println!("last smoothed losses (sgd, momentum, adagrad, adam, std 0.01, xavier, he): {ends:.4?}");
    assert!(
        (1..4).all(|i| ends[0] > ends[i]),
        "SGD ends highest of the four: {ends:?}"
    );
    let std001 = smooth_curve(&s.curve(4).unwrap().loss);
    let ln10 = 10f64.ln();
    assert!(
        std001.iter().all(|v| (v - ln10).abs() < 0.01),
        "std 0.01 never leaves ln 10"
    );
    assert!(ends[5] < 0.5 && ends[6] < 0.5, "Xavier and He learn: {ends:?}");
    assert!(ends[6] < ends[5], "He, made for ReLU, ends below Xavier");
    assert!(ends[0] < 0.5, "SGD learns too, only slower");
    assert!((0..CURVE_RUNS).all(|i| s.curve(i).unwrap().diverged.is_none()));
}

#[test]
fn sigmoid_initialisation_runs_and_a_worker_gives_the_page_s_numbers() {
    let q = "iterations=250&batch=32&layers=2&units=32&init_activation=sigmoid&seed=4";
    let mut page = Mounted::new("learning").unwrap();
    assert!(page.set(q).is_empty());
    page.command("workers", "0").unwrap();
    while page.advance(100).is_some_and(|p| !p.finished()) {}
    let mut view = Mounted::new("learning").unwrap();
    assert!(view.set(q).is_empty());
    view.command("workers", "2").unwrap();
    assert_eq!(
        view.advance(1000).unwrap().done,
        0,
        "with workers the page trains nothing"
    );
    let mut handed = 0;
    loop {
        let claim = view.command("claim", "").unwrap();
        if claim["run"].is_null() {
            break;
        }
        let run: Run = serde_json::from_value(claim["run"].clone()).unwrap();
        // what a worker does: the one entry point, from the run's text alone
        let mut partials = Vec::new();
        let report = runs::compute(&claim["run"].to_string(), &mut |p| partials.push(p.to_string())).unwrap();
        assert_eq!(
            partials.len(),
            2,
            "a partial curve every 100 iterations before the last"
        );
        let before = view.advance(0).unwrap().done;
        assert_eq!(view.command("partial", &partials[1]).unwrap()["accepted"], true);
        assert_eq!(
            view.advance(0).unwrap().done,
            before + 200,
            "live curves count in the progress"
        );
        assert_eq!(view.command("result", &report).unwrap()["accepted"], true);
        assert_eq!(view.command("result", &report).unwrap()["accepted"], false, "once");
        assert_eq!(
            view.command("partial", &partials[0]).unwrap()["accepted"],
            false,
            "stale"
        );
        handed += 1;
        assert!(run.index < CURVE_RUNS && handed <= CURVE_RUNS);
    }
    assert_eq!(handed, CURVE_RUNS, "compare=both hands out the loss panels' runs only");
    assert!(view.advance(0).unwrap().finished());
    assert_eq!(view.data()["runs"], page.data()["runs"], "bit for bit");
    assert_eq!(view.csv(), page.csv());
    let d = page.data();
    assert_eq!(d["config"]["init_activation"], "sigmoid");
    assert_eq!(d["runs"].as_array().unwrap().len(), CURVE_RUNS);
    assert_eq!(InitActivation::from_id("sigmoid"), Some(InitActivation::Sigmoid));
}

#[test]
fn the_view_keeps_its_curves_for_what_is_only_shown_and_refuses_bad_reports() {
    let mut v = Mounted::new("learning").unwrap();
    assert!(v
        .set("iterations=20&batch=16&layers=1&units=8&compare=optimizers&workers=0")
        .is_empty());
    assert_eq!(v.advance(0).unwrap().total, 4 * 20, "only the optimizers' runs");
    while v.advance(50).is_some_and(|p| !p.finished()) {}
    let before = v.data()["runs"].clone();
    v.set("axis=linear&workers=3&compare=both");
    let both = v.data();
    assert_eq!(
        both["runs"].as_array().unwrap()[..4],
        before.as_array().unwrap()[..4],
        "kept"
    );
    assert_eq!(both["progress"]["done"], 4 * 20, "the initialisation runs start now");
    // reports that do not fit change nothing
    let d = v.data();
    assert!(v.command("result", "{not json").is_err());
    assert!(v.command("partial", &"x".repeat(2 << 20)).is_err());
    let stale = r#"{"run":{"view":"learning","params":"iterations=5","seed":1,"index":0},"result":{"index":0,"loss":[1.0],"diverged":null}}"#;
    assert_eq!(v.command("result", stale).unwrap()["stale"], true);
    v.command("workers", "1").unwrap();
    let claim = v.command("claim", "").unwrap();
    let mut bad: serde_json::Value = serde_json::json!({"run": claim["run"], "result": {"index": claim["run"]["index"], "loss": [-1.0], "diverged": null}});
    assert!(v.command("partial", &bad.to_string()).is_err(), "a negative loss");
    bad["result"]["loss"] = serde_json::json!([0.5, 0.5, 0.5]);
    assert!(v.command("result", &bad.to_string()).is_err(), "too short for a result");
    assert_eq!(v.data()["runs"], d["runs"]);
    // caps and notices name the parameter
    let n = v.set("iterations=99999&momentum=1.5&batch=0");
    for p in ["iterations", "momentum", "batch"] {
        assert!(n.iter().any(|n| n.param == p), "{p}: {n:?}");
    }
    assert!(v.command("frobnicate", "").is_err());
    assert!(!v.params().relevant("adam_lr") || v.params().choice("compare") != "init");
    v.set("compare=init");
    assert!(!v.params().relevant("adam_lr") && v.params().relevant("init_lr"));
    assert!(v.describe(trainlab::chart::Lang::Ko).contains("DLFS"));
}
