//! The search-space exporters (src/core/search_space.rs) and view=space: every exported Python
//! snippet compiles (`python3 -m py_compile`, no execution, no installs), uses each engine's
//! log-scale spelling, and the 1 - x rule is exported as a correct transformation.
use std::process::Command;
use trainlab::app::Mounted;
use trainlab::core::sampling::Scale;
use trainlab::core::search_space::{HyperParam, SearchSpace, SpaceError};

fn hp(name: &str, scale: Scale, low: f64, high: f64, options: &[&str]) -> HyperParam {
    HyperParam {
        name: name.into(),
        scale,
        low,
        high,
        options: options.iter().map(|s| s.to_string()).collect(),
    }
}

fn full_space() -> SearchSpace {
    SearchSpace::validate(vec![
        hp("learning_rate", Scale::Log, 1e-4, 1.0, &[]),
        hp("beta", Scale::LogOneMinus, 0.9, 0.999, &[]),
        hp("dropout", Scale::Linear, 0.1, 0.5, &[]),
        hp("hidden_units", Scale::Integer, 50.0, 100.0, &[]),
        hp("epsilon", Scale::Log, 1e-10, 1e-6, &[]),
        hp(
            "optimizer",
            Scale::Choice { count: 0 },
            0.0,
            0.0,
            &["adam", "sgd", "it's \"quoted\"\\"],
        ),
    ])
    .unwrap()
}

/// Writes each snippet to `dir` and compiles them all with one `python3 -m py_compile` (which
/// names the file that fails).
fn py_compile(snippets: &[(String, String)], dir: &std::path::Path) {
    let mut cmd = Command::new("python3");
    cmd.args(["-m", "py_compile"]);
    for (label, code) in snippets {
        let path = dir.join(format!("{label}.py"));
        std::fs::write(&path, code).unwrap();
        cmd.arg(&path);
    }
    let out = cmd.output().expect("python3 must be installed to check the exports");
    assert!(
        out.status.success(),
        "an export does not compile:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("trainlab-exports-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_exported_snippet_compiles_with_python() {
    let dir = temp_dir("core");
    let mut snippets = Vec::new();
    let spaces = [
        full_space(),
        SearchSpace::validate(vec![hp("layers", Scale::Integer, 2.0, 4.0, &[])]).unwrap(),
        SearchSpace::default(),
    ];
    for (i, space) in spaces.iter().enumerate() {
        for (engine, code) in space.exports(25) {
            snippets.push((format!("{engine}_{i}"), code));
        }
    }
    // and the view's own exports, at its defaults and with other slots
    for (i, q) in [
        "",
        "hp1=weight_decay&scale1=log&range1=1e-6,1e-2&hp4=activation&hp2=none",
        "hp1=none&hp2=none&hp3=none&hp4=none",
    ]
    .iter()
    .enumerate()
    {
        let mut v = Mounted::new("space").unwrap();
        assert!(v.set(q).is_empty(), "{q}");
        let code = v.summary()["code"].clone();
        for engine in ["optuna", "ray_tune", "sklearn", "keras_tuner"] {
            snippets.push((format!("view_{i}_{engine}"), code[engine].as_str().unwrap().to_string()));
        }
    }
    assert_eq!(snippets.len(), 24);
    py_compile(&snippets, &dir);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn exports_use_each_engines_log_scale_and_a_correct_one_minus_rule() {
    let s = full_space();
    let optuna = s.optuna(25);
    assert!(
        optuna.contains("trial.suggest_float(\"learning_rate\", 0.0001, 1.0, log=True)"),
        "{optuna}"
    );
    assert!(optuna.contains("trial.suggest_int(\"hidden_units\", 50, 100)"));
    // 1 - beta in [1 - 0.999, 1 - 0.9] = [0.001, 0.1], written without the float noise of the
    // subtraction (1 - 0.999 = 0.0010000000000000009), then beta = 1 - it
    assert!(
        optuna.contains("one_minus_beta = trial.suggest_float(\"one_minus_beta\", 0.001, 0.1, log=True)"),
        "{optuna}"
    );
    assert!(!optuna.contains("0.00100000000000000"), "{optuna}");
    // the trial count is the one asked for
    assert!(optuna.contains("n_trials=25") && s.optuna(100).contains("n_trials=100"));
    assert!(s.ray_tune(100).contains("num_samples=100") && s.sklearn(100).contains("n_iter=100"));
    assert!(s.keras_tuner(100).contains("max_trials=100"));
    assert!(optuna.contains("beta = 1.0 - one_minus_beta"));
    let ray = s.ray_tune(25);
    assert!(ray.contains("\"learning_rate\": tune.loguniform(0.0001, 1.0)"));
    assert!(
        ray.contains("tune.randint(50, 101)"),
        "randint's upper end is exclusive: {ray}"
    );
    let sk = s.sklearn(25);
    assert!(sk.contains("\"learning_rate\": loguniform(0.0001, 1.0)"));
    assert!(sk.contains("RandomizedSearchCV"));
    assert!(
        sk.contains("\"dropout\": uniform(0.1, 0.4)"),
        "uniform(loc, scale): {sk}"
    );
    let keras = s.keras_tuner(25);
    assert!(keras.contains("hp.Float(\"learning_rate\", min_value=0.0001, max_value=1.0, sampling=\"log\")"));
    assert!(
        keras.contains("reverse_log") && keras.contains("different rule"),
        "{keras}"
    );
    assert!(
        keras.contains("hp.Choice(\"optimizer\", [\"adam\", \"sgd\", \"it's \\\"quoted\\\"\\\\\"])"),
        "{keras}"
    );
}

#[test]
fn bad_spaces_are_refused_with_the_hyperparameter_named() {
    // (name, problem as text) of the refused hyperparameter
    let bad = |p: HyperParam| match SearchSpace::validate(vec![p]).unwrap_err() {
        SpaceError::Param { name, problem, .. } => (name, problem.to_string()),
        e => panic!("not a hyperparameter's error: {e}"),
    };
    assert!(bad(hp("lr", Scale::Log, 0.0, 1.0, &[])).1.contains("low > 0"));
    assert!(bad(hp("b", Scale::LogOneMinus, 0.9, 1.0, &[])).1.contains("1 − x"));
    assert!(bad(hp("x", Scale::Linear, 2.0, 1.0, &[])).1.contains("below"));
    assert_eq!(bad(hp("class", Scale::Linear, 0.0, 1.0, &[])).0, "class");
    assert!(bad(hp("1x", Scale::Linear, 0.0, 1.0, &[])).1.contains("identifier"));
    let dup = SearchSpace::validate(vec![
        hp("a", Scale::Linear, 0.0, 1.0, &[]),
        hp("a", Scale::Linear, 0.0, 1.0, &[]),
    ]);
    assert!(dup.is_err());
}

#[test]
fn the_space_view_refuses_bad_rows_and_keeps_its_figure() {
    let mut v = Mounted::new("space").unwrap();
    let before = v.data();
    for q in [
        "range1=0,1",             // log with low <= 0
        "range2=0.9,1",           // 1 - x outside (0, 1)
        "range3=100,50",          // low >= high
        "scale4=log",             // a categorical name on a numeric scale
        "hp1=optimizer&hp4=none", // choice needed for optimizer
    ] {
        let notices = v.set(q);
        assert!(!notices.is_empty(), "{q}: no notice");
        assert_eq!(notices[0].problem, trainlab::app::params::Problem::Inconsistent, "{q}");
        assert_eq!(v.data(), before, "{q}: the previous figure must stay");
    }
    assert!(v.set("samples=20&seed=4").is_empty());
    assert_eq!(v.data()["samples"][0]["values"].as_array().unwrap().len(), 20);
}

#[test]
fn a_slots_scale_and_range_matter_only_for_a_name_and_a_numeric_scale() {
    let specs = trainlab::app::entry("space").unwrap().params;
    let relevant = |query: &str, name: &str| {
        let mut p = trainlab::app::params::ParamSet::defaults(specs);
        assert!(p.apply_query(query).is_empty(), "{query}");
        p.relevant(name)
    };
    assert!(relevant("", "scale1") && relevant("", "range1"));
    assert!(!relevant("hp1=none", "scale1") && !relevant("hp1=none", "range1"));
    // the optimizer is a choice: its range is not read
    assert!(relevant("", "scale4") && !relevant("", "range4"));
    // a repeated name is noted on the second slot's name, a bad range on the range
    let mut v = Mounted::new("space").unwrap();
    let n = v.set("hp2=learning_rate&scale2=log&range2=0.001,0.1");
    assert!(n.iter().any(|x| x.param == "hp2" && x.detail.contains("once")), "{n:?}");
    let n = v.set("range3=5,2");
    assert!(
        n.iter().any(|x| x.param == "range3" && x.detail.contains("below")),
        "{n:?}"
    );
}

#[test]
fn the_text_alternative_words_each_scale() {
    use trainlab::chart::Lang;
    let v = Mounted::new("space").unwrap();
    let en = v.describe(Lang::En);
    for words in [
        "learning_rate on a log scale in [0.0001, 1]",
        "beta on a log scale of 1 − x",
        "hidden_units as whole numbers in [50, 100]",
    ] {
        assert!(en.contains(words), "{en}");
    }
    for debug in ["Log", "LogOneMinus", "Integer", "Linear"] {
        assert!(
            !en.split(|c: char| !c.is_alphanumeric()).any(|w| w == debug),
            "{debug} in {en}"
        );
    }
    assert!(v.describe(Lang::Ko).contains("learning_rate: 로그 척도 [0.0001, 1]"));
}

#[test]
fn the_space_views_code_carries_its_trial_count_and_no_float_noise() {
    let mut v = Mounted::new("space").unwrap();
    assert!(v.set("samples=100").is_empty());
    let code = v.summary()["code"].clone();
    let text = |engine: &str| code[engine].as_str().unwrap().to_string();
    // the view drew 100 samples: the exported searches run 100 trials, not 25
    assert!(text("optuna").contains("n_trials=100"), "{}", text("optuna"));
    assert!(text("ray_tune").contains("num_samples=100"));
    assert!(text("sklearn").contains("n_iter=100"));
    assert!(text("keras_tuner").contains("max_trials=100"));
    // beta in [0.9, 0.999]: 1 - beta in [0.001, 0.1], as written, without 0.0010000000000000009
    for engine in ["optuna", "ray_tune", "sklearn", "keras_tuner"] {
        assert!(!text(engine).contains("00000000"), "{engine}: {}", text(engine));
    }
    assert!(text("optuna").contains("suggest_float(\"one_minus_beta\", 0.001, 0.1, log=True)"));
    assert!(text("ray_tune").contains("tune.loguniform(0.001, 0.1)"));
}
