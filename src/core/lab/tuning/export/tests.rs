//! The exported files: the searched ranges in each engine's words, halving as the engine's
//! pruner, no float noise, and the space designer's spaces with and without a model.
use super::*;
use crate::core::lab::tuning::config::TuningConfig;

fn tuning_study(config: &TuningConfig) -> StudyExport {
    let p = |name: &str, low: f64, high: f64| HyperParam {
        name: name.into(),
        scale: Scale::Log,
        low,
        high,
        options: Vec::new(),
    };
    let space = SearchSpace::validate(vec![p("lr", 1e-6, 0.01), p("weight_decay", 1e-8, 1e-4)]).unwrap();
    StudyExport::of_tuning(config, space)
}

#[test]
fn the_optuna_file_draws_the_ranges_and_prunes_by_halving() {
    let config = TuningConfig {
        halving: true,
        ..TuningConfig::default()
    };
    let code = tuning_study(&config).optuna();
    assert!(
        code.contains("hp[\"lr\"] = trial.suggest_float(\"lr\", 1e-6, 0.01, log=True)"),
        "{code}"
    );
    assert!(code.contains("suggest_float(\"weight_decay\", 1e-8, 0.0001, log=True)"));
    assert!(code.contains("SuccessiveHalvingPruner(min_resource=2, reduction_factor=3, min_early_stopping_rate=0)"));
    assert!(code.contains("n_trials=100)"));
    assert!(code.contains("\"layers\": 6,") && code.contains("\"units\": 100,") && code.contains("\"batch\": 100,"));
    assert!(code.contains("\"samples\": 500,") && code.contains("\"val_fraction\": 0.2,"));
    assert!(code.contains("--storage") && code.contains("--study-name") && code.contains("--n-trials"));
    assert!(!code.contains("{draws}") && !code.contains("{pruner}"));
}

#[test]
fn the_ray_file_draws_the_ranges_and_stops_by_asha() {
    let config = TuningConfig {
        halving: true,
        eta: 2,
        min_epochs: 1,
        epochs: 8,
        ..TuningConfig::default()
    };
    let code = tuning_study(&config).ray_tune();
    assert!(
        code.contains("\"weight_decay\": tune.loguniform(1e-8, 0.0001),"),
        "{code}"
    );
    assert!(
        code.contains("ASHAScheduler(time_attr=\"training_iteration\", max_t=8, grace_period=1, reduction_factor=2)")
    );
    assert!(code.contains("num_samples=100)"));
    assert!(code.contains("ray.init(address=args.address)"));
    let plain = tuning_study(&TuningConfig::default()).ray_tune();
    assert!(plain.contains("    return None\n"), "no scheduler without halving");
}

#[test]
fn numbers_carry_no_float_noise_and_floats_stay_floats() {
    assert_eq!(py_float(1.0), "1.0");
    assert_eq!(py_float(0.1 + 0.2), "0.3");
    assert_eq!(py_float(1e-8), "1e-8");
    let code = tuning_study(&TuningConfig::default()).optuna();
    assert!(!code.contains("0000000") && !code.contains("9999999"));
}

#[test]
fn a_designed_space_has_a_model_when_the_network_has_every_name() {
    let p = |name: &str, scale: Scale, low: f64, high: f64, options: &[&str]| HyperParam {
        name: name.into(),
        scale,
        low,
        high,
        options: options.iter().map(|s| s.to_string()).collect(),
    };
    let space = SearchSpace::validate(vec![
        p("learning_rate", Scale::Log, 1e-4, 1.0, &[]),
        p("beta", Scale::LogOneMinus, 0.9, 0.999, &[]),
        p("hidden_units", Scale::Integer, 50.0, 100.0, &[]),
        p("optimizer", Scale::Choice { count: 2 }, 0.0, 1.0, &["adam", "sgd"]),
    ])
    .unwrap();
    let study = StudyExport::of_space(&space, 25).unwrap();
    let code = study.optuna();
    assert!(
        code.contains("hp[\"beta\"] = 1.0 - trial.suggest_float(\"one_minus_beta\", 0.001, 0.1, log=True)"),
        "{code}"
    );
    assert!(code.contains("hp[\"units\"] = int(trial.suggest_int(\"hidden_units\", 50, 100))"));
    assert!(code.contains("suggest_categorical(\"optimizer\", [\"adam\", \"sgd\"])"));
    let ray = study.ray_tune();
    assert!(ray.contains("\"hidden_units\": tune.randint(50, 101),"), "{ray}");
    assert!(ray.contains("hp[\"beta\"] = 1.0 - config[\"one_minus_beta\"]"));
    // too many layers for the lab's network: no model, the skeletons only
    let deep = SearchSpace::validate(vec![p("layers", Scale::Integer, 1.0, 50.0, &[])]).unwrap();
    assert_eq!(StudyExport::of_space(&deep, 25).unwrap_err().name, "layers");
}

/// The files in `examples/studies/` are the exports of the tuning view's defaults (with
/// successive halving on); `UPDATE_STUDIES=1 cargo test --lib export` rewrites them.
#[test]
fn the_example_studies_are_the_exports_of_the_defaults() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/studies");
    let config = TuningConfig {
        halving: true,
        ..TuningConfig::default()
    };
    let study = tuning_study(&config);
    for (file, code) in [
        (study.file_name("optuna"), study.optuna()),
        (study.file_name("ray"), study.ray_tune()),
    ] {
        let path = dir.join(&file);
        if std::env::var_os("UPDATE_STUDIES").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &code).unwrap();
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == code,
            "{file} is not the export of the defaults: UPDATE_STUDIES=1 cargo test --lib export"
        );
    }
}
