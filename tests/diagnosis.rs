//! Bias/variance diagnosis (table-driven, the notes' cases) and successive halving schedules.
use trainlab::core::diagnosis::{DiagnosisConfig, FitState, Remedy};
use trainlab::core::halving::{promote, HalvingConfig, Rung};

#[test]
fn diagnosis_names_the_notes_cases() {
    // Seed 001's table (Bayes error ~0): (train, dev) -> state
    let cases = [
        (0.01, 0.11, FitState::HighVariance),        // 1% / 11%: overfitting
        (0.15, 0.16, FitState::HighBias),            // 15% / 16%: underfitting
        (0.15, 0.30, FitState::HighBiasAndVariance), // 15% / 30%: both
        (0.005, 0.01, FitState::Good),               // 0.5% / 1%: the unicorn
    ];
    let cfg = DiagnosisConfig::default();
    for (train, dev, want) in cases {
        assert_eq!(cfg.diagnose(train, dev).unwrap().state, want, "train {train} dev {dev}");
    }
    // With a human-level error of 15% (a blurry data set), 15% / 16% is no longer high bias.
    let blurry = DiagnosisConfig {
        bayes_error: 0.15,
        ..cfg
    };
    assert_eq!(blurry.diagnose(0.15, 0.16).unwrap().state, FitState::Good);
    assert_eq!(blurry.diagnose(0.15, 0.30).unwrap().state, FitState::HighVariance);
}

#[test]
fn recipe_fixes_bias_first() {
    let d = DiagnosisConfig::default().diagnose(0.15, 0.30).unwrap();
    assert_eq!(d.remedies[0], Remedy::BiggerNetwork);
    let first_variance = d.remedies.iter().position(|r| *r == Remedy::MoreData).unwrap();
    let last_bias = d.remedies.iter().rposition(|r| *r == Remedy::TrainLonger).unwrap();
    assert!(last_bias < first_variance);
    assert!((d.avoidable_bias - 0.15).abs() < 1e-12 && (d.variance.unwrap() - 0.15).abs() < 1e-12);
    assert!(DiagnosisConfig::default()
        .diagnose(0.005, 0.01)
        .unwrap()
        .remedies
        .is_empty());
    assert!(DiagnosisConfig::default().diagnose(1.5, 0.1).is_err());
    assert!(DiagnosisConfig::default().diagnose(f64::NAN, 0.1).is_err());
}

#[test]
fn halving_rungs_follow_eta() {
    // 27 trials, eta 3, 1..27 epochs: 27@1, 9@3, 3@9, 1@27 (Hyperband's bracket s = 3).
    let rungs = HalvingConfig::default().rungs().unwrap();
    let want = [(27, 1), (9, 3), (3, 9), (1, 27)].map(|(trials, epochs)| Rung { trials, epochs });
    assert_eq!(rungs, want);
    // cost: 27*1 + 9*2 + 3*6 + 1*18 = 81 epochs, against 27*27 = 729 for training all fully
    assert_eq!(HalvingConfig::default().cost().unwrap(), (81, 729));
    // 100 trials, eta 4, 1..50: 100@1, 25@4, 6@16, 1@50 (capped at max)
    let r = HalvingConfig {
        trials: 100,
        eta: 4,
        min_epochs: 1,
        max_epochs: 50,
    }
    .rungs()
    .unwrap();
    assert_eq!(
        r.iter().map(|r| (r.trials, r.epochs)).collect::<Vec<_>>(),
        vec![(100, 1), (25, 4), (6, 16), (1, 50)]
    );
    for bad in [
        HalvingConfig {
            trials: 0,
            ..Default::default()
        },
        HalvingConfig {
            eta: 1,
            ..Default::default()
        },
        HalvingConfig {
            min_epochs: 5,
            max_epochs: 2,
            ..Default::default()
        },
        HalvingConfig {
            trials: 1_000_000,
            ..Default::default()
        },
    ] {
        assert!(bad.rungs().is_err(), "{bad:?}");
    }
}

#[test]
fn promotion_keeps_the_best_and_ranks_diverged_last() {
    let scores = [0.30, 0.10, f64::NAN, 0.20, 0.10, f64::INFINITY];
    assert_eq!(promote(&scores, 2), vec![1, 4]);
    assert_eq!(promote(&scores, 3), vec![1, 3, 4]);
    assert_eq!(promote(&scores, 10), vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(promote(&[], 3), Vec::<usize>::new());
}
