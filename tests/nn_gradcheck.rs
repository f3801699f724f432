//! Gradient checks in f64: backpropagation against two-sided differences, for every activation,
//! output/loss pairing, batch norm, L2 and dropout with frozen masks; planted bugs must fail.
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::{
    grad_check, one_hot, Activation, GradCheckConfig, Init, NetworkConfig, Output, PlantedBug, Verdict,
};

/// A batch of `m` rows with N(0, 1) inputs and targets suited to `output`.
fn batch(cfg: &NetworkConfig, m: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = seeded(seed);
    let x: Vec<f64> = (0..m * cfg.inputs).map(|_| standard_normal(&mut rng)).collect();
    let y = match cfg.output {
        Output::SoftmaxCrossEntropy => {
            let labels: Vec<usize> = (0..m).map(|i| (i * 7 + 3) % cfg.outputs).collect();
            one_hot(&labels, cfg.outputs)
        }
        Output::SigmoidBinaryCrossEntropy => (0..m * cfg.outputs).map(|i| ((i * 5) % 3 == 0) as u8 as f64).collect(),
        Output::LinearSquaredError => (0..m * cfg.outputs).map(|_| standard_normal(&mut rng)).collect(),
    };
    (x, y)
}

fn check(cfg: &NetworkConfig, seed: u64) -> trainlab::core::nn::GradCheckReport {
    let mut rng = seeded(seed);
    let net = cfg.validate::<f64, _>(&mut rng).expect("valid config");
    let m = 6;
    let (x, y) = batch(cfg, m, seed + 100);
    grad_check(&net, &x, &y, m, &GradCheckConfig::default(), &mut rng).expect("check runs")
}

fn base() -> NetworkConfig {
    NetworkConfig {
        inputs: 4,
        hidden: vec![5, 3],
        outputs: 3,
        init: Init::XavierCourse,
        ..NetworkConfig::default()
    }
}

#[test]
fn every_activation_and_output_passes_below_1e_7() {
    for act in Activation::ALL {
        for out in [
            Output::SoftmaxCrossEntropy,
            Output::SigmoidBinaryCrossEntropy,
            Output::LinearSquaredError,
        ] {
            let cfg = NetworkConfig {
                activation: act,
                output: out,
                ..base()
            };
            let r = check(&cfg, 1);
            assert!(r.rel_diff < 1e-7, "{act:?} {out:?}: {r:#?}");
            assert_eq!(r.verdict, Verdict::Fine);
            assert!(r.groups.iter().all(|g| g.rel_diff < 1e-7), "{act:?} {out:?}: {r:#?}");
            assert_eq!(r.checked, r.total);
        }
    }
}

#[test]
fn batch_norm_l2_and_frozen_dropout_pass_below_1e_7() {
    let cases = [
        NetworkConfig {
            batch_norm: true,
            ..base()
        },
        NetworkConfig { l2: 0.7, ..base() },
        // Sigmoid, not ReLU: a row whose layer-1 units are all dropped gives z2 = b2 = 0 exactly,
        // ReLU's kink, where a two-sided difference sees half the slope (a true non-smoothness).
        NetworkConfig {
            keep_prob: 0.6,
            activation: Activation::Sigmoid,
            ..base()
        },
        NetworkConfig {
            batch_norm: true,
            l2: 0.3,
            keep_prob: 0.8,
            activation: Activation::Tanh,
            ..base()
        },
    ];
    for cfg in &cases {
        let r = check(cfg, 2);
        assert!(r.rel_diff < 1e-7, "{cfg:?}: {r:#?}");
        assert!(r.groups.iter().all(|g| g.rel_diff < 1e-7), "{r:#?}");
    }
    // batch norm replaces the hidden biases by gamma and beta
    let r = check(&cases[0], 2);
    let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["W1", "gamma1", "beta1", "W2", "gamma2", "beta2", "W3", "b3"]);
}

#[test]
fn planted_bugs_are_caught() {
    for (bug, extra) in [
        (PlantedBug::ActivationSign, NetworkConfig::default()),
        (
            PlantedBug::MissingL2Gradient,
            NetworkConfig {
                l2: 1.0,
                ..NetworkConfig::default()
            },
        ),
        (PlantedBug::BiasNotAveraged, NetworkConfig::default()),
        (
            PlantedBug::DropoutMaskIgnored,
            NetworkConfig {
                keep_prob: 0.5,
                ..NetworkConfig::default()
            },
        ),
    ] {
        let cfg = NetworkConfig {
            bug,
            l2: extra.l2,
            keep_prob: extra.keep_prob,
            activation: Activation::Tanh,
            ..base()
        };
        let r = check(&cfg, 3);
        assert_eq!(r.verdict, Verdict::Bug, "{bug:?}: {r:#?}");
    }
}

#[test]
fn fresh_dropout_masks_make_the_check_fail() {
    // With a new mask at every evaluation, J(theta + eps) and J(theta - eps) come from different
    // networks: their difference is noise of order J, divided by 2 eps.
    let cfg = NetworkConfig {
        keep_prob: 0.5,
        activation: Activation::Tanh,
        ..base()
    };
    let mut rng = seeded(4);
    let net = cfg.validate::<f64, _>(&mut rng).unwrap();
    let (x, y) = batch(&cfg, 6, 104);
    let fresh = GradCheckConfig {
        freeze_dropout: false,
        ..Default::default()
    };
    let r = grad_check(&net, &x, &y, 6, &fresh, &mut rng).unwrap();
    assert_eq!(r.verdict, Verdict::Bug, "{r:#?}");
}

#[test]
fn sampled_check_of_a_bigger_net_stays_fine() {
    let cfg = NetworkConfig {
        inputs: 30,
        hidden: vec![40],
        outputs: 4,
        activation: Activation::Sigmoid,
        ..NetworkConfig::default()
    };
    let mut rng = seeded(5);
    let net = cfg.validate::<f64, _>(&mut rng).unwrap();
    let (x, y) = batch(&cfg, 8, 9);
    let r = grad_check(
        &net,
        &x,
        &y,
        8,
        &GradCheckConfig {
            max_entries: 200,
            ..Default::default()
        },
        &mut rng,
    )
    .unwrap();
    assert!(r.checked < r.total && r.checked >= 200, "{} of {}", r.checked, r.total);
    assert!(r.groups.iter().all(|g| g.checked >= 1));
    assert_eq!(r.verdict, Verdict::Fine, "{r:#?}");
}

#[test]
fn verdict_thresholds_follow_the_notes() {
    assert_eq!(Verdict::of(1e-9), Verdict::Fine);
    assert_eq!(Verdict::of(1e-7), Verdict::Fine);
    assert_eq!(Verdict::of(1e-5), Verdict::LookCloser);
    assert_eq!(Verdict::of(1e-3), Verdict::Bug);
    assert_eq!(Verdict::of(f64::NAN), Verdict::Bug);
}

#[test]
fn the_view_experiment_names_the_setting_it_refuses() {
    use trainlab::core::lab::gradcheck_study::{GradCheckStudyConfig, MAX_HIDDEN_LAYERS};
    let ok = GradCheckStudyConfig::default();
    assert_eq!(ok.run().unwrap().verdict, Verdict::Fine);
    let field = |cfg: GradCheckStudyConfig| cfg.run().unwrap_err().field();
    assert_eq!(
        field(GradCheckStudyConfig {
            layers: 0,
            batch_norm: true,
            ..ok
        }),
        "batch_norm"
    );
    assert_eq!(
        field(GradCheckStudyConfig {
            layers: MAX_HIDDEN_LAYERS + 1,
            ..ok
        }),
        "layers"
    );
    assert_eq!(field(GradCheckStudyConfig { keep_prob: 0.0, ..ok }), "keep_prob");
    assert_eq!(field(GradCheckStudyConfig { l2: -1.0, ..ok }), "l2");
    let mut no_step = ok;
    no_step.check.epsilon = 0.0;
    assert_eq!(field(no_step), "epsilon");
    // The view turns the field into a notice on the parameter of that name, and keeps its figure.
    let mut v = trainlab::app::Mounted::new("gradcheck").unwrap();
    let before = v.data();
    let notices = v.set("layers=0&batch_norm=1");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].param, "batch_norm");
    assert_eq!(v.data(), before);
}

#[test]
fn the_layer_and_dropout_settings_matter_only_when_there_is_a_layer_and_dropout() {
    let mut v = trainlab::app::Mounted::new("gradcheck").unwrap();
    let relevant =
        |v: &trainlab::app::Mounted| ["units", "keep_prob", "freeze_masks"].map(|name| v.params().relevant(name));
    assert_eq!(relevant(&v), [true, true, false], "no dropout at keep_prob = 1");
    assert!(v.set("keep_prob=0.5").is_empty());
    assert_eq!(relevant(&v), [true, true, true]);
    assert!(v.set("layers=0").is_empty());
    assert_eq!(
        relevant(&v),
        [false, false, false],
        "no hidden layer: nothing to widen or drop"
    );
    assert!(["epsilon", "bug", "l2", "seed"].iter().all(|n| v.params().relevant(n)));
}

#[test]
fn the_view_names_each_tensor_and_reads_out_each_bar() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("gradcheck").unwrap();
    let t = &v.summary()["tables"][0];
    let names: Vec<&str> = t["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["W1", "b1", "W2", "b2", "W3", "b3", "all"],
        "W1 and b1 no longer both read 1"
    );
    assert_eq!(
        t["columns"],
        serde_json::json!(["tensor", "entries", "rel_diff", "max_abs_diff"])
    );
    for width in [1000.0, 372.0] {
        let height = v.height_for(width);
        let arg = format!(r#"{{"width": {width}, "height": {height}, "lang": "en"}}"#);
        let answer = v.command("targets", &arg).unwrap();
        let targets = answer["targets"].as_array().unwrap();
        assert_eq!(targets.len(), 7, "one per bar");
        let label = targets[0]["label"].as_str().unwrap();
        assert!(
            label.starts_with("W1 (20 entries): relative difference ") && label.ends_with("× 10⁻⁹, fine"),
            "{label}"
        );
        // bars top to bottom, each its own row
        for pair in targets.windows(2) {
            assert!(pair[0]["y1"].as_f64().unwrap() <= pair[1]["y0"].as_f64().unwrap() + 1.0);
        }
    }
    let ko = v
        .command("targets", r#"{"width": 760, "height": 440, "lang": "ko"}"#)
        .unwrap();
    assert!(ko["targets"][6]["label"]
        .as_str()
        .unwrap()
        .starts_with("전체 (원소 73개): 상대 차이 "));
    assert!(
        v.describe(trainlab::chart::Lang::En).contains("× 10⁻⁹"),
        "{}",
        v.describe(trainlab::chart::Lang::En)
    );
    assert!(v.command("targets", "not json").is_err());
}
