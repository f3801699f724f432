//! The training session of `view=train` (`core::lab::train`) on its own: training reaches the
//! accuracy it should, a panda change matches a trainer changed by hand, early stopping puts
//! back the best dev epoch, a restored checkpoint replays the same way, bad panda settings are
//! refused with nothing changed.
use trainlab::core::data::{Shape, SyntheticConfig};
use trainlab::core::lab::train::{MarkKind, RunStatus, SessionConfig};
use trainlab::core::math::rng::seeded;

#[test]
fn separable_2d_set_reaches_99_percent_train_accuracy() {
    // Two Gaussian blobs at (2, 2) and (-2, -2) with variance 0.5 (noise 0): the classes are
    // separated by a margin of several standard deviations, so a small network can fit them.
    let data = SyntheticConfig {
        shape: Shape::Gaussians,
        samples: 400,
        noise: 0.0,
    }
    .generate(&mut seeded(5))
    .unwrap();
    let mut s = SessionConfig {
        epochs: 30,
        seed: 3,
        ..SessionConfig::default()
    }
    .start(&data)
    .unwrap();
    while s.running() {
        s.advance(10_000);
    }
    assert_eq!(s.status, RunStatus::Done);
    let last = s.epochs.last().unwrap();
    assert_eq!(last.epoch, 30);
    assert!(last.train_error <= 0.01, "train error {}", last.train_error);
    // The stored error is recomputed here from the network's own predictions.
    let t = s.train_data().clone();
    s.trainer.net.predict(&t.x, t.rows).unwrap();
    let acc = s.trainer.net.accuracy(&t.y).unwrap();
    assert!((1.0 - acc - last.train_error).abs() < 1e-12);
}

#[test]
fn panda_lr_change_matches_a_trainer_changed_by_hand() {
    // Independent reference: the same session config, trained step by step, with the optimizer
    // changed on the Trainer directly; both must give the same weights bit for bit.
    use trainlab::core::lab::train::SessionConfig;
    let data = SyntheticConfig::default().generate(&mut seeded(9)).unwrap();
    let mut cfg = SessionConfig {
        epochs: 5,
        ..SessionConfig::default()
    };
    cfg.train.optimizer.lr = 0.05;
    let mut a = cfg.start(&data).unwrap();
    let mut b = cfg.start(&data).unwrap();
    for _ in 0..10 {
        a.step();
        b.step();
    }
    let w_before = a.trainer.net.params().to_vec();
    let mut next = cfg.clone();
    next.train.optimizer.lr = 0.5;
    a.retune(&next).unwrap();
    assert_eq!(
        a.trainer.net.params(),
        &w_before[..],
        "retune does not touch the weights"
    );
    let mut opt = cfg.train.optimizer;
    opt.lr = 0.5;
    b.trainer.set_optimizer(opt, cfg.train.schedule, 0).unwrap();
    a.step();
    b.step();
    assert_eq!(a.trainer.net.params(), b.trainer.net.params());
    // And the step really used the new rate: with the old one the weights differ.
    let mut c = cfg.start(&data).unwrap();
    for _ in 0..11 {
        c.step();
    }
    assert_ne!(c.trainer.net.params(), a.trainer.net.params());
}

#[test]
fn early_stopping_stops_after_patience_epochs_and_puts_back_the_best_dev_epoch() {
    // A big network on noisy blobs overfits: the dev cost reaches a minimum and then rises.
    let data = SyntheticConfig {
        shape: Shape::Gaussians,
        samples: 200,
        noise: 0.5,
    }
    .generate(&mut seeded(4))
    .unwrap();
    let mut cfg = SessionConfig {
        epochs: 2000,
        ..SessionConfig::default()
    };
    cfg.network.hidden = vec![64, 64, 64];
    cfg.train.patience = 10;
    cfg.train.optimizer.lr = 0.01;
    let mut s = cfg.start(&data).unwrap();
    while s.running() {
        s.advance(10_000);
    }
    assert_eq!(s.status, RunStatus::EarlyStopped);
    // Best epoch recomputed from the recorded curve (epochs from 1; the first minimum wins).
    let best = s.epochs[1..]
        .iter()
        .fold(None::<(f64, u64)>, |b, e| {
            let d = e.dev_loss.unwrap();
            if b.is_none_or(|b| d < b.0) {
                Some((d, e.epoch))
            } else {
                b
            }
        })
        .unwrap();
    assert_eq!(
        s.epochs_done(),
        best.1 + 10,
        "stopped exactly `patience` epochs after the best"
    );
    assert!(s.epochs_done() < 2000);
    // The network now is the best epoch's: its dev cost, evaluated again in one batch, matches.
    let dev = s.dev_data().clone();
    let (cost, _) = s.trainer.evaluate(&dev).unwrap();
    assert!((cost - best.0).abs() < 1e-6 * best.0.max(1.0), "{cost} vs {}", best.0);
    assert!(s
        .marks
        .iter()
        .any(|m| m.kind == MarkKind::EarlyStopped { epoch: best.1 }));
}

#[test]
fn a_restored_checkpoint_continues_the_same_way_every_time() {
    let data = SyntheticConfig::default().generate(&mut seeded(2)).unwrap();
    let mut cfg = SessionConfig {
        epochs: 50,
        ..SessionConfig::default()
    };
    cfg.network.keep_prob = 0.8; // dropout masks come from the RNG: the reseeded copy must replay
    let mut s = cfg.start(&data).unwrap();
    for _ in 0..30 {
        s.step();
    }
    s.finish_pending();
    let id = s.checkpoint();
    let run = |s: &mut trainlab::core::lab::train::TrainSession| {
        s.restore(id).unwrap();
        for _ in 0..50 {
            s.step();
        }
        s.finish_pending();
        (s.trainer.net.params().to_vec(), s.step_losses.clone())
    };
    let first = run(&mut s);
    let second = run(&mut s);
    assert_eq!(first, second);
    assert_eq!(s.steps(), 80);
}

#[test]
fn panda_settings_out_of_range_are_refused_and_change_nothing() {
    let data = SyntheticConfig::default().generate(&mut seeded(2)).unwrap();
    let cfg = SessionConfig::default();
    let mut s = cfg.start(&data).unwrap();
    s.step();
    let w = s.trainer.net.params().to_vec();
    let before = s.config.clone();
    for bad in [
        |c: &mut SessionConfig| c.network.keep_prob = 0.0,
        |c: &mut SessionConfig| c.network.l2 = -1.0,
        |c: &mut SessionConfig| c.train.optimizer.lr = 0.0,
        |c: &mut SessionConfig| c.train.optimizer.beta1 = 1.0,
        |c: &mut SessionConfig| c.epochs = 0,
    ] {
        let mut next = cfg.clone();
        bad(&mut next);
        assert!(s.retune(&next).is_err());
        assert_eq!(s.config, before);
        assert_eq!(s.trainer.net.config().keep_prob, 1.0);
        assert_eq!(s.trainer.net.config().l2, 0.0);
        assert_eq!(s.trainer.config().optimizer, cfg.train.optimizer);
        assert_eq!(s.trainer.net.params(), &w[..]);
        assert!(s.marks.is_empty());
    }
}

#[test]
fn a_refused_setting_names_its_field_and_the_view_maps_it_to_a_parameter() {
    use trainlab::app::train::{param_of, PARAMS};
    use trainlab::core::lab::train::Field;
    let data = SyntheticConfig::default().generate(&mut seeded(2)).unwrap();
    /// A bad setting, the field the refusal names, the view's parameter for it.
    type Case = (fn(&mut SessionConfig), Field, &'static str);
    let cases: [Case; 10] = [
        (|c| c.train.optimizer.lr = 0.0, Field::Lr, "lr"),
        (|c| c.train.optimizer.beta1 = 1.0, Field::Beta1, "momentum"),
        (|c| c.train.optimizer.beta2 = -0.5, Field::Beta2, "beta2"),
        (|c| c.train.schedule.decay_rate = -1.0, Field::Schedule, "decay"),
        (|c| c.network.keep_prob = 0.0, Field::KeepProb, "keep_prob"),
        (|c| c.network.l2 = -1.0, Field::L2, "lambda"),
        (|c| c.network.hidden = vec![300], Field::Hidden, "hidden"),
        (|c| c.train.batch_size = 0, Field::BatchSize, "batch"),
        (|c| c.epochs = 0, Field::Epochs, "epochs"),
        (|c| c.split.train = 0.0, Field::Split, "train"),
    ];
    for (bad, field, param) in cases {
        let mut cfg = SessionConfig::default();
        bad(&mut cfg);
        let e = cfg.start(&data).unwrap_err();
        assert_eq!(e.field, field, "{e}");
        assert_eq!(param_of(e.field), param);
        assert!(PARAMS.iter().any(|p| p.name == param));
    }
    // A regression set is refused as data.
    let plane = SyntheticConfig {
        shape: Shape::Plane,
        ..SyntheticConfig::default()
    }
    .generate(&mut seeded(2))
    .unwrap();
    let e = SessionConfig::default().start(&plane).unwrap_err();
    assert_eq!((e.field, param_of(e.field)), (Field::Data, "dataset"));
    // The same fields from a running session's panda change.
    let mut s = SessionConfig::default().start(&data).unwrap();
    s.step();
    let mut next = SessionConfig::default();
    next.network.keep_prob = 2.0;
    assert_eq!(s.retune(&next).unwrap_err().field, Field::KeepProb);
    next = SessionConfig::default();
    next.train.optimizer.beta2 = 1.0;
    assert_eq!(s.retune(&next).unwrap_err().field, Field::Beta2);
    assert!(s.marks.is_empty());
}
