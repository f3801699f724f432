//! Mini-batch training: batch sizes and epochs, schedules, early stopping with restored weights,
//! a diverging run stopping cleanly, and optimizer steps on the flat per-tensor slices.
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::{Activation, NetworkConfig, Output, Status, TrainConfig, TrainData, Trainer};
use trainlab::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use trainlab::core::schedule::{ScheduleConfig, ScheduleKind};

/// y = 2 x0 - x1 + noise, n rows.
fn regression(n: usize, seed: u64) -> TrainData<f64> {
    let mut rng = seeded(seed);
    let mut x = Vec::new();
    let mut y = Vec::new();
    for _ in 0..n {
        let (a, b) = (standard_normal(&mut rng), standard_normal(&mut rng));
        x.extend([a, b]);
        y.push(2.0 * a - b + 0.3 * standard_normal(&mut rng));
    }
    TrainData { x, y, rows: n }
}

fn linear_net() -> trainlab::core::nn::Network<f64> {
    NetworkConfig {
        inputs: 2,
        hidden: vec![],
        outputs: 1,
        output: Output::LinearSquaredError,
        ..NetworkConfig::default()
    }
    .validate(&mut seeded(1))
    .unwrap()
}

fn sgd(lr: f64) -> OptimizerConfig {
    OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, lr)
}

#[test]
fn batch_size_sets_the_steps_per_epoch() {
    for (bs, steps) in [(1, 50), (7, 8), (50, 1), (1000, 1)] {
        let cfg = TrainConfig {
            batch_size: bs,
            optimizer: sgd(0.01),
            ..TrainConfig::default()
        };
        let mut tr = Trainer::new(linear_net(), cfg, regression(50, 2), None).unwrap();
        let rec = tr.epoch().unwrap();
        assert_eq!((rec.epoch, tr.steps()), (1, steps), "batch {bs}");
    }
}

#[test]
fn full_batch_gradient_descent_recovers_the_linear_weights() {
    let cfg = TrainConfig {
        batch_size: 200,
        optimizer: sgd(0.1),
        ..TrainConfig::default()
    };
    let mut tr = Trainer::new(linear_net(), cfg, regression(200, 3), None).unwrap();
    for _ in 0..300 {
        tr.epoch();
    }
    let w = &tr.net.params()[0];
    assert!((w[0] - 2.0).abs() < 0.1 && (w[1] + 1.0).abs() < 0.1, "{w:?}");
    // the training cost ends near half the noise variance, 0.5 * 0.3^2 = 0.045
    let last = tr.history().last().unwrap().train_loss;
    assert!((last - 0.045).abs() < 0.015, "{last}");
    assert_eq!(tr.status(), Status::Running);
}

#[test]
fn schedules_set_each_epochs_learning_rate() {
    let cfg = TrainConfig {
        batch_size: 10,
        optimizer: sgd(0.2),
        schedule: ScheduleConfig {
            kind: ScheduleKind::InverseTime,
            decay_rate: 1.0,
            ..ScheduleConfig::default()
        },
        ..TrainConfig::default()
    };
    let mut tr = Trainer::new(linear_net(), cfg, regression(30, 4), None).unwrap();
    let lrs: Vec<f64> = (0..4).map(|_| tr.epoch().unwrap().lr).collect();
    // the notes' example: 0.2 / (1 + epoch) = 0.1, 0.0667, 0.05, 0.04
    for (a, b) in lrs.iter().zip([0.1, 0.2 / 3.0, 0.05, 0.04]) {
        assert!((a - b).abs() < 1e-12);
    }
}

#[test]
fn a_diverging_run_stops_cleanly() {
    let cfg = TrainConfig {
        batch_size: 50,
        optimizer: sgd(10.0),
        ..TrainConfig::default()
    };
    let mut tr = Trainer::new(linear_net(), cfg, regression(50, 5), None).unwrap();
    for _ in 0..2000 {
        tr.step();
    }
    let Status::Diverged { step } = tr.status() else {
        panic!("expected divergence, got {:?}", tr.status())
    };
    assert!(step < 2000);
    assert_eq!(tr.step(), None);
    assert_eq!(tr.steps(), step);
}

#[test]
fn early_stopping_restores_the_best_dev_weights() {
    // A wide net on 20 noisy rows overfits: the dev cost turns up, training stops after
    // `patience` worse epochs and the best epoch's weights come back.
    let mut rng = seeded(6);
    let cfg = NetworkConfig {
        inputs: 2,
        hidden: vec![64, 64],
        outputs: 1,
        activation: Activation::Tanh,
        output: Output::LinearSquaredError,
        ..NetworkConfig::default()
    };
    let net = cfg.validate::<f64, _>(&mut rng).unwrap();
    let noisy = |n, seed| {
        let mut d = regression(n, seed);
        let mut r = seeded(seed + 50);
        d.y.iter_mut().for_each(|v| *v += 1.5 * standard_normal(&mut r));
        d
    };
    let tc = TrainConfig {
        batch_size: 20,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam, Convention::Ng, 0.01),
        patience: 10,
        ..TrainConfig::default()
    };
    let dev = noisy(200, 8);
    let mut tr = Trainer::new(net, tc, noisy(20, 7), Some(dev.clone())).unwrap();
    for _ in 0..3000 {
        if tr.epoch().is_none() {
            break;
        }
    }
    let Status::EarlyStopped { best_epoch } = tr.status() else {
        panic!("expected early stopping, got {:?}", tr.status())
    };
    let h = tr.history();
    assert_eq!(h.len() as u64, best_epoch + 10);
    let best = h[best_epoch as usize - 1].dev_loss.unwrap();
    assert!(h.iter().all(|r| r.dev_loss.unwrap() >= best));
    let (now, _) = tr.evaluate(&dev).unwrap();
    assert!((now - best).abs() < 1e-12, "restored {now} vs best {best}");
}

#[test]
fn bad_training_settings_are_refused() {
    let bad_batch = TrainConfig {
        batch_size: 0,
        ..TrainConfig::default()
    };
    assert!(Trainer::new(linear_net(), bad_batch, regression(5, 1), None).is_err());
    let bad_lr = TrainConfig {
        optimizer: sgd(-1.0),
        ..TrainConfig::default()
    };
    assert!(Trainer::new(linear_net(), bad_lr, regression(5, 1), None).is_err());
    let mut ragged = regression(5, 1);
    ragged.y.pop();
    assert!(Trainer::new(linear_net(), TrainConfig::default(), ragged, None).is_err());
}

#[test]
fn peer_workloads_build_run_and_refuse_huge_sizes() {
    use trainlab::core::lab::workload::{Workload, WorkloadConfig};
    let mnist = WorkloadConfig {
        sizes: vec![784, 100, 10],
        opt: "adam".into(),
        lr: 0.001,
        batch: 8,
        pool: 2,
        ..WorkloadConfig::default()
    };
    let mut w = Workload::new("mnist-mlp-adam", &mnist, 1).unwrap();
    // random labels: the first cost is near ln 10 = 2.3
    let first = w.step();
    assert!((first - 10f64.ln()).abs() < 1.0, "{first}");
    assert!((0..5).map(|_| w.step()).all(f64::is_finite));
    let tiny = WorkloadConfig {
        sizes: vec![2, 8, 8, 1],
        opt: "sgd".into(),
        lr: 0.03,
        batch: 10,
        pool: 4,
        ..WorkloadConfig::default()
    };
    assert!(Workload::new("playground-tiny", &tiny, 1).unwrap().step().is_finite());
    let act = WorkloadConfig {
        n: 50,
        width: 100,
        layers: 5,
        w_std: 1.0,
        ..WorkloadConfig::default()
    };
    let mean = Workload::new("act-hist", &act, 1).unwrap().step();
    assert!(mean > 0.0 && mean < 1.0);
    let huge = WorkloadConfig {
        n: usize::MAX / 2,
        ..act
    };
    assert!(Workload::new("act-hist", &huge, 1).is_err());
    assert!(Workload::new("nope", &WorkloadConfig::default(), 1).is_err());
}

#[test]
fn new_training_rows_mid_epoch_restart_that_epoch_under_its_number() {
    // 50 rows in batches of 10: five steps an epoch. Two steps into epoch 1 the rows change
    // (a clicked point in view=train); the epoch starts again and is still epoch 1.
    let cfg = TrainConfig {
        optimizer: sgd(0.01),
        batch_size: 10,
        ..TrainConfig::default()
    };
    let mut tr = Trainer::new(linear_net(), cfg, regression(50, 2), None).unwrap();
    tr.step();
    tr.step();
    tr.set_train_data(regression(51, 2)).unwrap();
    let records: Vec<u64> = (0..3).filter_map(|_| tr.epoch()).map(|r| r.epoch).collect();
    assert_eq!(records, vec![1, 2, 3]);
    // at an epoch boundary nothing restarts: the next epoch is 4
    tr.set_train_data(regression(52, 2)).unwrap();
    assert_eq!(tr.epoch().map(|r| r.epoch), Some(4));
}
