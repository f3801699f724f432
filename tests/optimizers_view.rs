//! view=optimizers: the DLFS comparison against independent scalar re-computations, bad input,
//! divergence in the figure, the schema and its relevance rules. The figure's geometry, ticks and
//! readouts: tests/optimizers_figure.rs.
use trainlab::app::params::{ParamSet, Problem};
use trainlab::app::Mounted;
use trainlab::chart::Lang;

fn view(query: &str) -> Mounted {
    let mut v = Mounted::new("optimizers").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

const DLFS: &str = "surface=bowl&x0=-7&y0=2&steps=30&convention=dlfs&sgd=1&lr_sgd=0.95&momentum=1&lr_momentum=0.1\
&nesterov=0&adagrad=1&lr_adagrad=1.5&rmsprop=0&adam=1&lr_adam=0.3&layout=multiples";

fn points(d: &serde_json::Value, i: usize) -> Vec<[f64; 2]> {
    serde_json::from_value(d["optimizers"][i]["points"].clone()).unwrap()
}

#[test]
fn dlfs_comparison_matches_scalar_recomputations_of_each_rule() {
    let d = view(DLFS).data();
    let kinds: Vec<&str> = d["optimizers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["sgd", "momentum", "adagrad", "adam"]);
    let grad = |x: f64, y: f64| [x / 10.0, 2.0 * y];
    // Independent scalar loops of DLFS common/optimizer.py on f = x^2/20 + y^2 from (-7, 2).
    let mut sgd = [-7.0, 2.0];
    let (mut mom, mut v) = ([-7.0, 2.0], [0.0; 2]);
    let (mut ada, mut h) = ([-7.0, 2.0], [0.0; 2]);
    let (mut adam, mut m1, mut m2) = ([-7.0f64, 2.0f64], [0.0; 2], [0.0; 2]);
    let got: Vec<Vec<[f64; 2]>> = (0..4).map(|i| points(&d, i)).collect();
    for t in 1..=30 {
        let g = grad(sgd[0], sgd[1]);
        for k in 0..2 {
            sgd[k] -= 0.95 * g[k];
        }
        let g = grad(mom[0], mom[1]);
        for k in 0..2 {
            v[k] = 0.9 * v[k] - 0.1 * g[k];
            mom[k] += v[k];
        }
        let g = grad(ada[0], ada[1]);
        for k in 0..2 {
            h[k] += g[k] * g[k];
            ada[k] -= 1.5 * g[k] / (h[k].sqrt() + 1e-7);
        }
        let g = grad(adam[0], adam[1]);
        let lr_t = 0.3 * (1.0 - 0.999f64.powi(t)).sqrt() / (1.0 - 0.9f64.powi(t));
        for k in 0..2 {
            m1[k] += (1.0 - 0.9) * (g[k] - m1[k]);
            m2[k] += (1.0 - 0.999) * (g[k] * g[k] - m2[k]);
            adam[k] -= lr_t * m1[k] / (m2[k].sqrt() + 1e-7);
        }
        for (i, want) in [sgd, mom, ada, adam].iter().enumerate() {
            let p = got[i][t as usize];
            assert!(
                (p[0] - want[0]).abs() < 1e-9 && (p[1] - want[1]).abs() < 1e-9,
                "{} step {t}: {p:?} vs {want:?}",
                kinds[i]
            );
        }
    }
    // Adam's first step is lr * sign(g) up to eps: g = (-0.7, 4), so (-7 + 0.3, 2 - 0.3). The
    // folded form's step is lr g/(|g| + eps/sqrt(1 - b2)): off by 0.3 * 3.2e-6/0.7 = 1.4e-6 in x.
    let a1 = got[3][1];
    assert!((a1[0] + 6.7).abs() < 2e-6 && (a1[1] - 1.7).abs() < 1e-6, "{a1:?}");
    assert_eq!(d["geometry"].as_array().unwrap().len(), 4, "2 x 2 small multiples");
    let svg = view(DLFS).svg(760, 440, Lang::En).unwrap();
    for title in ["SGD lr=0.95", "Momentum lr=0.1 μ=0.9", "AdaGrad lr=1.5", "Adam lr=0.3"] {
        assert!(svg.contains(title), "{title}");
    }
}

#[test]
fn bad_input_gives_a_clear_notice_and_keeps_the_previous_figure() {
    for (query, param, problems) in [
        ("lr_sgd=0", "lr_sgd", vec![Problem::Inconsistent]),
        ("lr_sgd=-1", "lr_sgd", vec![Problem::OutOfRange, Problem::Inconsistent]),
        ("lr_adam=NaN", "lr_adam", vec![Problem::Malformed]),
        ("lr_momentum=inf", "lr_momentum", vec![Problem::Malformed]),
        ("adam_beta1=1", "adam_beta1", vec![Problem::Inconsistent]),
        ("momentum_beta=-0.5", "momentum_beta", vec![Problem::Inconsistent]),
        (
            "adam_beta2=1.5",
            "adam_beta2",
            vec![Problem::OutOfRange, Problem::Inconsistent],
        ),
        ("steps=20000", "steps", vec![Problem::Inconsistent]),
        ("sgd=0&momentum=0&adagrad=0&adam=0", "sgd", vec![Problem::Inconsistent]),
    ] {
        let mut v = view("lr_sgd=0.5&steps=40");
        let before = (v.params().to_query(), v.data());
        let n = v.set(query);
        for p in problems {
            assert!(n.iter().any(|x| x.param == param && x.problem == p), "{query}: {n:?}");
        }
        assert!(
            n.iter().all(|x| !x.detail.is_empty()),
            "{query}: every notice says why: {n:?}"
        );
        assert_eq!(
            (v.params().to_query(), v.data()),
            before,
            "{query}: previous state kept"
        );
    }
    let mut v = view("");
    let n = v.set("steps=20000");
    assert!(n[0].detail.contains("10000"), "{n:?}");
    let n = v.set("adam_beta1=1");
    assert!(n[0].detail.contains("[0, 1)"), "{n:?}");
}

#[test]
fn a_diverging_path_stops_is_marked_and_draws_nothing_non_finite() {
    let v = view("lr_sgd=9&steps=200&momentum=0&adagrad=0");
    let d = v.data();
    let sgd = &d["optimizers"][0];
    assert_eq!(sgd["diverged"], true);
    // y_t = 2 (1 - 18)^t: |y| > 1e6 first at t = 5 (2 * 17^5 = 2.8e6; 2 * 17^4 = 167,042)
    assert_eq!(sgd["diverged_at"], 5);
    assert_eq!(points(&d, 0).len(), 5);
    assert_eq!(d["optimizers"][1]["diverged"], false, "Adam is unaffected");
    let svg = v.svg(760, 440, Lang::En).unwrap();
    assert!(svg.contains("diverged at step 5"));
    assert!(
        !svg.contains("NaN") && !svg.contains("inf"),
        "nothing non-finite in the SVG"
    );
    assert!(v.describe(Lang::En).contains("diverged at step 5"));
}

#[test]
fn same_seed_same_noisy_race() {
    let q = "noise=0.8&seed=5&steps=100&surface=multimodal";
    assert_eq!(view(q).data(), view(q).data());
    assert_ne!(
        view(q).data()["optimizers"],
        view("noise=0.8&seed=6&steps=100&surface=multimodal").data()["optimizers"]
    );
}

#[test]
fn the_schedule_panel_data_follows_the_formula_and_drives_the_race() {
    let d = view("schedule=exponential&decay_base=0.9&steps=20&lr_sgd=0.5").data();
    let f: Vec<f64> = serde_json::from_value(d["schedule"]["factors"].clone()).unwrap();
    let lrs: Vec<f64> = serde_json::from_value(d["optimizers"][0]["lrs"].clone()).unwrap();
    for e in 1..=20 {
        assert!((f[e - 1] - 0.9f64.powi(e as i32)).abs() < 1e-15);
        assert!((lrs[e - 1] - 0.5 * 0.9f64.powi(e as i32)).abs() < 1e-15);
    }
}

#[test]
fn csv_is_one_row_per_optimizer_and_step() {
    let v = view("steps=12&lr_sgd=9");
    let d = v.data();
    let total: usize = d["optimizers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["points"].as_array().unwrap().len())
        .sum();
    let csv = v.csv();
    assert_eq!(csv.lines().next().unwrap(), "optimizer,step,x,y,loss,lr");
    assert_eq!(csv.lines().count(), total + 1);
}

#[test]
fn switching_the_convention_with_the_rescaled_lr_keeps_the_momentum_paths() {
    // lr_dlfs = (1 - beta) lr_ng: beta 0.9, so DLFS 0.1 is the course's 1.0.
    let q = "sgd=0&adagrad=0&adam=0&momentum=1&nesterov=1&steps=60";
    let dl = view(&format!("{q}&convention=dlfs&lr_momentum=0.1&lr_nesterov=0.1")).data();
    let ng = view(&format!("{q}&convention=ng&lr_momentum=1&lr_nesterov=1")).data();
    for i in 0..2 {
        for (a, b) in points(&dl, i).iter().zip(points(&ng, i)) {
            assert!((a[0] - b[0]).abs() < 1e-10 && (a[1] - b[1]).abs() < 1e-10);
        }
    }
    assert!(view(&format!("{q}&convention=ng&lr_momentum=1"))
        .describe(Lang::En)
        .contains("course form"));
}

/// The schema as it was before the parameters were built from `OptimizerKind::ALL`: same names,
/// same order (the URL and the page depend on both).
const NAMES: [&str; 34] = [
    "surface",
    "condition",
    "x0",
    "y0",
    "steps",
    "convention",
    "sgd",
    "lr_sgd",
    "momentum",
    "lr_momentum",
    "momentum_beta",
    "nesterov",
    "lr_nesterov",
    "nesterov_beta",
    "adagrad",
    "lr_adagrad",
    "rmsprop",
    "lr_rmsprop",
    "rmsprop_beta2",
    "adam",
    "lr_adam",
    "adam_beta1",
    "adam_beta2",
    "bias_correction",
    "layout",
    "schedule",
    "decay_rate",
    "decay_base",
    "decay_k",
    "stair_drop",
    "stair_every",
    "noise",
    "seed",
    "grid",
];

#[test]
fn the_schema_keeps_its_names_order_and_options() {
    use trainlab::app::params::ParamKind;
    use trainlab::core::schedule::ScheduleKind;
    use trainlab::core::surface::SurfaceKind;
    let params = trainlab::app::optimizers::PARAMS;
    let names: Vec<&str> = params.iter().map(|p| p.name).collect();
    assert_eq!(names, NAMES);
    let options = |name: &str| match params.iter().find(|p| p.name == name).unwrap().kind {
        ParamKind::Choice { options } => options.to_vec(),
        _ => panic!("{name} is not a choice"),
    };
    assert_eq!(
        options("surface"),
        ["bowl", "rotated", "rosenbrock", "saddle", "multimodal"]
    );
    assert_eq!(options("surface"), SurfaceKind::IDS);
    assert_eq!(
        options("schedule"),
        ["constant", "inverse_time", "exponential", "inverse_sqrt", "staircase"]
    );
    assert_eq!(options("schedule"), ScheduleKind::IDS);
    assert_eq!(options("convention"), ["dlfs", "ng"]);
    assert_eq!(options("layout"), ["overlay", "multiples"]);
}

/// `query` applied to the defaults, and whether `name` matters then.
fn relevant(query: &str, name: &str) -> bool {
    let mut p = ParamSet::defaults(trainlab::app::optimizers::PARAMS);
    assert!(p.apply_query(query).is_empty(), "{query}");
    p.relevant(name)
}

/// What the race computes: every path and the schedule (not the settings it echoes).
fn race(query: &str) -> (serde_json::Value, serde_json::Value) {
    let d = view(query).data();
    let paths: Vec<_> = d["optimizers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["points"].clone(), o["lrs"].clone()))
        .collect();
    (serde_json::json!(paths), d["schedule"]["factors"].clone())
}

#[test]
fn each_setting_matters_exactly_when_the_race_reads_it() {
    // the condition number: only the rotated surface
    assert!(!relevant("", "condition") && relevant("surface=rotated", "condition"));
    assert_eq!(race("condition=50"), race(""));
    assert_ne!(race("surface=rotated&condition=50"), race("surface=rotated"));
    // an optimizer's settings: only while it races
    for (flag, names) in [
        ("nesterov", &["lr_nesterov", "nesterov_beta"][..]),
        ("rmsprop", &["lr_rmsprop", "rmsprop_beta2"][..]),
        ("adam", &["lr_adam", "adam_beta1", "adam_beta2", "bias_correction"][..]),
        ("momentum", &["lr_momentum", "momentum_beta"][..]),
    ] {
        for name in names {
            assert!(relevant(&format!("{flag}=1"), name), "{name} with {flag} on");
            assert!(!relevant(&format!("{flag}=0"), name), "{name} with {flag} off");
            let other = if *name == "bias_correction" { "0" } else { "0.5" };
            assert_eq!(
                race(&format!("{flag}=0&{name}={other}")),
                race(&format!("{flag}=0")),
                "{name} changes nothing while {flag} is off"
            );
            assert_ne!(
                race(&format!("{flag}=1&{name}={other}&steps=10")),
                race(&format!("{flag}=1&steps=10")),
                "{name} changes {flag}'s path"
            );
        }
    }
    // a schedule's settings: only for that schedule (what core::schedule really reads)
    let settings = [
        ("decay_rate", "2"),
        ("decay_base", "0.8"),
        ("decay_k", "3"),
        ("stair_drop", "0.25"),
        ("stair_every", "3"),
    ];
    for (schedule, reads) in [
        ("constant", &[][..]),
        ("inverse_time", &["decay_rate"][..]),
        ("exponential", &["decay_base"][..]),
        ("inverse_sqrt", &["decay_k"][..]),
        ("staircase", &["stair_drop", "stair_every"][..]),
    ] {
        let base = format!("schedule={schedule}&steps=20");
        for (name, other) in settings {
            let reads_it = reads.contains(&name);
            assert_eq!(relevant(&base, name), reads_it, "{schedule}: {name}");
            assert_eq!(
                race(&format!("{base}&{name}={other}")) != race(&base),
                reads_it,
                "{schedule}: does {name} change the race?"
            );
        }
    }
}

#[test]
fn a_refused_setting_is_noted_on_the_parameter_that_holds_it() {
    let mut v = view("");
    for (query, param) in [
        ("nesterov=1&nesterov_beta=1", "nesterov_beta"),
        ("rmsprop=1&rmsprop_beta2=-0.1", "rmsprop_beta2"),
        ("nesterov=1&lr_nesterov=0", "lr_nesterov"),
    ] {
        let n = v.set(query);
        assert!(
            n.iter().any(|x| x.param == param && x.problem == Problem::Inconsistent),
            "{query}: {n:?}"
        );
    }
}
