//! view=train and its core (`core::train_session`, `core::presets`): training reaches the
//! accuracy it should, regularisers shrink the train/dev gap (measured with fixed seeds), panda
//! changes act at the next step without resetting the weights, checkpoints go back, bad input is
//! refused with the run kept.
use trainlab::app::Mounted;
use trainlab::core::data::{Shape, SyntheticConfig};
use trainlab::core::lab::train_session::{RunStatus, SessionConfig};
use trainlab::core::math::rng::seeded;

fn train_view(query: &str) -> Mounted {
    let mut v = Mounted::new("train").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

fn run_to_end(v: &mut Mounted) -> serde_json::Value {
    for _ in 0..100_000 {
        let p = v.advance(1000).unwrap();
        if p.done >= p.total {
            break;
        }
    }
    v.data()
}

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
fn the_view_trains_the_circle_by_default_and_its_curves_add_up() {
    let mut v = train_view("epochs=40");
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done");
    let epochs = d["epochs"].as_array().unwrap();
    assert_eq!(epochs.len(), 41, "epoch 0 (initial weights) + 40");
    let spe = d["steps_per_epoch"].as_u64().unwrap();
    // 400 points, 60% train = 240 rows in batches of 16 = 15 steps.
    assert_eq!(d["rows"]["train"], 240);
    assert_eq!(spe, 15);
    assert_eq!(d["step"].as_u64().unwrap(), 40 * spe);
    let err = |e: &serde_json::Value, k: &str| e[k].as_f64().unwrap();
    let (first, last) = (&epochs[0], &epochs[40]);
    assert!(err(last, "train_error") < err(first, "train_error"));
    assert!(err(last, "train_error") < 0.05, "{last}");
    assert!(err(last, "dev_error") < 0.1, "{last}");
    assert_eq!(d["step_losses"].as_array().unwrap().len() as u64, 40 * spe);
    // The diagnosis reads the last epoch.
    assert_eq!(d["diagnosis"]["train_error"], last["train_error"]);
}

#[test]
fn panda_change_acts_at_the_next_step_without_resetting_the_weights() {
    let mut v = train_view("epochs=20&optimizer=sgd&lr=0.1");
    for _ in 0..3 {
        v.advance(7);
    }
    let before = v.data();
    let step = before["step"].as_u64().unwrap();
    assert!(step > 0);
    let notices = v.set("lr=0.02&lambda=0.5&keep_prob=0.9");
    assert!(notices.is_empty(), "{notices:?}");
    let after = v.data();
    // Same run: the step count, the curves so far and the checkpointable state are kept.
    assert_eq!(after["step"].as_u64().unwrap(), step);
    assert_eq!(after["step_losses"], before["step_losses"]);
    assert_eq!(after["network"]["l2"], 0.5);
    assert_eq!(after["network"]["keep_prob"], 0.9);
    let marks = after["marks"].as_array().unwrap();
    let labels: Vec<&str> = marks.iter().map(|m| m["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["lr 0.1 → 0.02", "λ 0 → 0.5", "keep_prob 1 → 0.9"]);
    assert!(marks.iter().all(|m| m["step"].as_u64().unwrap() == step));
    // A structural change starts a new run.
    v.set("hidden=4");
    assert_eq!(v.data()["step"], 0);
}

#[test]
fn panda_lr_change_matches_a_trainer_changed_by_hand() {
    // Independent reference: the same session config, trained step by step, with the optimizer
    // changed on the Trainer directly; both must give the same weights bit for bit.
    use trainlab::core::lab::train_session::SessionConfig;
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
fn checkpoint_and_restore_go_back_to_the_saved_weights_and_curves() {
    let mut v = train_view("epochs=30");
    v.advance(40);
    let id = v.command("checkpoint", "").unwrap()["id"].as_u64().unwrap();
    let saved = v.data();
    v.advance(200);
    assert!(v.data()["step"].as_u64() > saved["step"].as_u64());
    v.command("restore", &id.to_string()).unwrap();
    let back = v.data();
    assert_eq!(back["step"], saved["step"]);
    assert_eq!(back["epochs"], saved["epochs"]);
    assert_eq!(back["step_losses"], saved["step_losses"]);
    let labels: Vec<String> = back["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(labels, [format!("restored checkpoint {id}")]);
    assert!(v.command("restore", "99").is_err());
    assert_eq!(v.data()["step"], saved["step"], "a bad restore changes nothing");
}

#[test]
fn a_huge_learning_rate_diverges_stops_and_is_marked() {
    let mut v = train_view(
        "optimizer=sgd&lr=10&activation=relu&init=he&epochs=200&batch=240&normalise=0&dataset=gaussians&noise=0.5",
    );
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "diverged", "{}", d["epochs"]);
    assert!(d["epoch"].as_u64().unwrap() < 200);
    assert!(d["marks"].as_array().unwrap().iter().any(|m| m["label"] == "diverged"));
    // The page stays usable: a smaller rate starts a fresh run that trains.
    assert!(v.set("lr=0.01&optimizer=adam&normalise=1").is_empty());
    let d = v.data();
    assert_ne!(d["status"], "diverged");
}

#[test]
fn malformed_csv_is_refused_with_its_line_and_the_previous_data_kept() {
    let mut v = train_view("epochs=5");
    v.advance(10);
    let before = v.data();
    let bad = "a,b,label\n1,2,x\n3,oops,y\n";
    let n = v.command("csv", bad).unwrap_err();
    assert!(n[0].detail.contains("line 3"), "{n:?}");
    assert_eq!(v.data()["rows"], before["rows"]);
    assert_eq!(v.data()["step"], before["step"]);
    // A good file with three classes: softmax with three outputs.
    let good = "x,y,c\n0,0,a\n1,0,b\n0,1,c\n1,1,a\n2,2,b\n2,0,c\n0,2,a\n3,1,b\n1,3,c\n";
    let r = v.command("csv", good).unwrap();
    assert_eq!(r["classes"], 3);
    assert!(v.set(r["query"].as_str().unwrap()).is_empty());
    let d = v.data();
    assert_eq!(d["dataset"], "csv");
    assert_eq!(d["network"]["output"], "softmax");
    assert_eq!(d["network"]["sizes"].as_array().unwrap().last().unwrap(), 3);
}

#[test]
fn clicked_points_join_the_training_rows() {
    let mut v = train_view("epochs=5");
    let rows = v.data()["rows"]["train"].as_u64().unwrap();
    // The centre of the plot in a 760 x 440 figure (see chart::train::plot_rect).
    let (l, t, side) = trainlab::chart::train::plot_rect(760.0, 440.0);
    let arg = format!(
        "{{\"x\":{},\"y\":{},\"width\":760,\"height\":440,\"class\":0}}",
        l + side / 2.0,
        t + side / 2.0
    );
    let r = v.command("add_point", &arg).unwrap();
    let vb = v.data()["view_box"].clone();
    let mid = |k: usize| (vb[k][0].as_f64().unwrap() + vb[k][1].as_f64().unwrap()) / 2.0;
    assert!((r["x"].as_f64().unwrap() - mid(0)).abs() < 1e-9);
    assert!((r["y"].as_f64().unwrap() - mid(1)).abs() < 1e-9);
    assert_eq!(v.data()["rows"]["train"].as_u64().unwrap(), rows + 1);
    assert!(
        v.command("add_point", "{\"x\":1,\"y\":1,\"width\":760,\"height\":440}")
            .is_err(),
        "outside the plot"
    );
    assert!(v.command("add_point", "not json").is_err());
    assert!(v
        .command("add_point", &arg.replace("\"class\":0", "\"class\":7"))
        .is_err());
}

#[test]
fn bad_settings_give_notices_and_keep_the_run() {
    let mut v = train_view("epochs=5");
    v.advance(5);
    let step = v.data()["step"].clone();
    let n = v.set("train=0.9&dev=0.5");
    assert!(n.iter().any(|n| n.param == "dev"), "{n:?}");
    assert_eq!(v.data()["step"], step);
    let n = v.set("hidden=900,512,512,512,512,512,512,512,512,512,512,512,512,512");
    assert!(n.iter().any(|n| n.param == "hidden"), "{n:?}");
    // Cut to 10 layers, each clamped to 256 units: 2-256x10-1.
    let sizes = v.data()["network"]["sizes"].clone();
    assert_eq!(sizes.as_array().unwrap().len(), 12, "{sizes}");
    assert!(sizes.as_array().unwrap()[1..11].iter().all(|u| u == 256), "{sizes}");
    assert_eq!(
        v.data()["network"]["params"],
        2 * 256 + 256 + 9 * (256 * 256 + 256) + 256 + 1
    );
    let n = v.set("dataset=csv");
    assert!(n.iter().any(|n| n.param == "dataset"), "{n:?}");
    assert!(v.command("nope", "").is_err());
    assert!(v.command("preset", "nope").is_err());
}

/// Runs a DLFS preset through the view (its query, with `extra` appended) and returns the
/// last epoch's (train error, dev error).
fn preset_gap(id: &str, extra: &str) -> (f64, f64) {
    let mut v = Mounted::new("train").unwrap();
    let q = v.command("preset", id).unwrap()["query"].as_str().unwrap().to_string();
    let notices = v.set(&format!("{q}{extra}"));
    assert!(notices.is_empty(), "{notices:?}");
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done", "{id}");
    assert_eq!(d["rows"]["train"], 300, "DLFS trains on 300 samples");
    let last = d["epochs"].as_array().unwrap().last().unwrap().clone();
    (
        last["train_error"].as_f64().unwrap(),
        last["dev_error"].as_f64().unwrap(),
    )
}

#[test]
fn weight_decay_and_dropout_presets_shrink_the_train_dev_gap() {
    // Measured, not assumed: each preset with and without its regulariser, same seed, same data,
    // same epochs; the gap is dev error - train error (DLFS: test accuracy - train accuracy).
    let epochs = std::env::var("TRAIN_PRESET_EPOCHS").unwrap_or_else(|_| "201".into());
    let extra = format!("&epochs={epochs}");
    let (wd_train, wd_dev) = preset_gap("overfit_weight_decay", &extra);
    let (off_train, off_dev) = preset_gap("overfit_weight_decay_off", &extra);
    let (do_train, do_dev) = preset_gap("overfit_dropout", &extra);
    eprintln!(
        "# {epochs} epochs: no regulariser train {off_train:.3} dev {off_dev:.3}; L2 train {wd_train:.3} dev {wd_dev:.3}; \
         dropout train {do_train:.3} dev {do_dev:.3}"
    );
    assert!(
        off_train < 0.01,
        "without a regulariser the 300 digits are learnt by heart: {off_train}"
    );
    let gap = |t: f64, d: f64| d - t;
    assert!(gap(wd_train, wd_dev) < gap(off_train, off_dev), "L2 shrinks the gap");
    assert!(
        gap(do_train, do_dev) < gap(off_train, off_dev),
        "dropout shrinks the gap"
    );
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
    assert!(s.marks.iter().any(|m| m.label.starts_with("early stop")));
}

#[test]
fn batch_of_one_gives_a_noisier_cost_curve_than_the_full_batch() {
    // Mean absolute change of the mini-batch cost between consecutive steps, over the first 200
    // steps of each run (same data, network and seed).
    let jitter = |q: &str| {
        let mut v = train_view(q);
        v.advance(5000);
        let d = v.data();
        let l: Vec<f64> = d["step_losses"]
            .as_array()
            .unwrap()
            .iter()
            .take(200)
            .map(|p| p[1].as_f64().unwrap())
            .collect();
        assert!(l.len() >= 100, "{q}: {} steps", l.len());
        l.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (l.len() - 1) as f64
    };
    let sgd = jitter("batch=1&epochs=2&optimizer=sgd&lr=0.05&noise=0.2");
    let full = jitter("batch=8192&epochs=300&optimizer=sgd&lr=0.05&noise=0.2");
    assert!(sgd > 10.0 * full, "batch 1: {sgd}, full batch: {full}");
}

#[test]
fn normalisation_uses_the_training_rows_statistics() {
    let v = train_view("dataset=digits&samples=500&epochs=1");
    let d = v.data();
    // The digits' first pixel is 0 in every image: a constant feature is only centred (shift =
    // its mean 0, scale 1), never divided by a zero standard deviation.
    let shift = d["scaler"]["shift"].as_array().unwrap();
    let scale = d["scaler"]["scale"].as_array().unwrap();
    assert_eq!(shift.len(), 64);
    assert_eq!(shift[0], 0.0);
    assert_eq!(scale[0], 1.0);
    let v = train_view("dataset=digits&samples=500&epochs=1&normalise=0");
    let d = v.data();
    assert!(d["scaler"]["scale"].as_array().unwrap().iter().all(|s| s == 1.0));
    assert!(d["scaler"]["shift"].as_array().unwrap().iter().all(|s| s == 0.0));
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
    let run = |s: &mut trainlab::core::lab::train_session::TrainSession| {
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
