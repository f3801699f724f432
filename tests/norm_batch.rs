//! Batch norm against layer norm over batch sizes 1..128 (`core::lab::norm_batch`): where batch
//! norm fails (a batch of 1) and layer norm does not, the unit statistics against identities
//! that hold exactly, and a worker's run equal to the page's.
use trainlab::core::data::digits::parse;
use trainlab::core::data::Dataset;
use trainlab::core::lab::norm_batch::{
    batch_size, norm_of, Norm, NormBatchConfig, NormCurve, NormRun, BATCH_SIZES, RUNS,
};
use trainlab::core::lab::norm_batch_study::NormBatchStudy;

const BIN: &[u8] = include_bytes!("../www/data/digits.bin");

fn digits() -> Dataset {
    parse(BIN).expect("the committed asset parses").dataset()
}

/// 512 training rows: every batch size divides them, so one epoch's batches are equal in size.
fn config() -> NormBatchConfig {
    NormBatchConfig {
        epochs: 2,
        samples: 512,
        ..NormBatchConfig::default()
    }
}

fn all_runs(cfg: NormBatchConfig) -> Vec<NormCurve> {
    let d = digits();
    let mut study = NormBatchStudy::new(cfg, &d).expect("valid");
    while study.done_runs() < RUNS {
        study.work(1_000_000);
    }
    let (done, total) = study.progress();
    assert_eq!(done, total);
    (0..RUNS).map(|i| study.curve(i).expect("done").clone()).collect()
}

#[test]
fn batch_norm_fails_at_batch_1_and_layer_norm_does_not() {
    let runs = all_runs(config());
    for pair in runs.chunks(2) {
        let (bn, ln) = (&pair[0], &pair[1]);
        eprintln!(
            "b = {:3}: BN {:?}, LN {:?}",
            bn.batch_size,
            bn.accuracy
                .iter()
                .map(|a| (a * 1000.0).round() / 10.0)
                .collect::<Vec<_>>(),
            ln.accuracy
                .iter()
                .map(|a| (a * 1000.0).round() / 10.0)
                .collect::<Vec<_>>()
        );
        assert_eq!((bn.norm, ln.norm), (Norm::Batch, Norm::Layer));
        assert_eq!(bn.accuracy[0], bn.accuracy[0], "finite");
    }
    let last = |c: &NormCurve| *c.accuracy.last().expect("epochs");
    let (bn1, ln1) = (last(&runs[0]), last(&runs[1]));
    assert!(bn1 < 0.3, "batch norm at batch 1: {bn1}");
    assert!(ln1 > 0.8, "layer norm at batch 1: {ln1}");
    assert!(ln1 > bn1 + 0.5);
    // From batch 4 to 16 both learn (larger batches take fewer steps in two epochs).
    for pair in runs[4..10].chunks(2) {
        assert!(
            last(&pair[0]) > 0.7 && last(&pair[1]) > 0.7,
            "b = {}",
            pair[0].batch_size
        );
    }
}

#[test]
fn unit_statistics_obey_the_law_of_total_variance_and_batch_1_has_variance_0() {
    for c in all_runs(NormBatchConfig { epochs: 1, ..config() }) {
        let s = c.stats.expect("finished");
        // Equal batches partition the training rows: population variance = mean of the batch
        // variances + variance of the batch means (both biased), exactly.
        let total = s.batch_var_mean + s.batch_mean_sd * s.batch_mean_sd;
        assert!(
            (total - s.pop_var).abs() < 1e-9 * s.pop_var.max(1.0),
            "b = {}: {s:?}",
            c.batch_size
        );
        if c.batch_size == 1 {
            assert_eq!(s.batch_var_mean, 0.0, "one row has variance 0");
        }
        match c.norm {
            Norm::Batch => {
                assert!(s.running_mean.is_some() && s.example_mean.is_none());
            }
            Norm::Layer => {
                assert!(s.running_mean.is_none());
                let (m, v) = (s.example_mean.expect("LN"), s.example_var.expect("LN"));
                assert!(
                    m.abs() < 1e-4 && (v - 1.0).abs() < 1e-3,
                    "per-example mean {m}, variance {v}"
                );
            }
        }
    }
}

#[test]
fn a_workers_run_equals_the_pages_and_reports_each_epoch() {
    let cfg = NormBatchConfig {
        epochs: 3,
        samples: 300,
        ..config()
    };
    let d = digits();
    let mut study = NormBatchStudy::new(cfg, &d).expect("valid");
    while study.done_runs() < RUNS {
        study.work(777);
    }
    for index in [0, 5, 15] {
        let mut partials = 0;
        let curve = NormRun::run_to_end(&cfg, &d, index, &mut |c| {
            partials += 1;
            assert!(c.stats.is_none() && c.accuracy.len() == partials + 1);
        })
        .expect("runs");
        assert_eq!(partials, 3 - 1, "a partial after each epoch but the last");
        assert_eq!(&curve, study.curve(index).expect("done"), "run {index}");
        assert_eq!((curve.batch_size, curve.norm), (batch_size(index), norm_of(index)));
        assert!(curve.check(index, &cfg, false).is_ok());
        assert!(
            curve.check((index + 1) % RUNS, &cfg, false).is_err(),
            "another run's slot"
        );
    }
    assert_eq!(BATCH_SIZES.len() * 2, RUNS);
}

#[test]
fn workers_reports_are_checked() {
    let cfg = config();
    let d = digits();
    let mut study = NormBatchStudy::new(cfg, &d).expect("valid");
    study.set_external(true);
    assert_eq!(study.work(10_000).0, 0, "nothing in the page while workers compute");
    let i = study.claim().expect("a run");
    let curve = NormRun::run_to_end(&cfg, &d, i, &mut |_| {}).expect("runs");
    let mut bad = curve.clone();
    bad.accuracy.push(2.0);
    assert!(study.accept(i, bad).is_err());
    assert_eq!(study.partial(i + 1, curve.clone()), Ok(false), "not claimed: stale");
    assert_eq!(study.accept(i, curve.clone()), Ok(true));
    assert_eq!(study.accept(i, curve), Ok(false), "twice: stale");
    for (field, bad) in [
        ("epochs", NormBatchConfig { epochs: 0, ..cfg }),
        ("samples", NormBatchConfig { samples: 10, ..cfg }),
        ("lr", NormBatchConfig { lr: -1.0, ..cfg }),
        ("unit", NormBatchConfig { unit: 50, ..cfg }),
    ] {
        assert_eq!(bad.validate(d.rows()).map_err(|e| e.field), Err(field));
    }
}

#[test]
fn the_view_hands_the_layer_runs_to_workers_and_computes_them_itself_with_the_same_numbers() {
    use trainlab::app::Mounted;
    let q = "panel=layer&ln_epochs=1&ln_samples=200";
    let mut page = Mounted::new("batchnorm").unwrap();
    assert!(page.set(q).is_empty());
    for (name, want) in [
        ("ln_epochs", true),
        ("ln_lr", true),
        ("ln_samples", true),
        ("workers", true),
        ("epochs", false),
        ("grid_epochs", false),
    ] {
        assert_eq!(page.params().relevant(name), want, "{name} on the layer panel");
    }
    while page.advance(5000).is_some_and(|p| p.done < p.total) {}
    let d = page.data();
    assert_eq!(
        page.command("status", "").unwrap(),
        serde_json::json!({"external": false, "runs": 16, "done": 16})
    );
    assert_eq!(d["tables"][0]["id"], "layer");
    // Through the workers' entry point (app::runs::compute), one run at a time.
    let mut ext = Mounted::new("batchnorm").unwrap();
    assert!(ext.set(q).is_empty());
    ext.command("workers", "2").unwrap();
    let mut n = 0;
    loop {
        let claim = ext.command("claim", "").unwrap();
        if claim["run"].is_null() {
            break;
        }
        let run = claim["run"].to_string();
        assert!(run.contains("panel=layer"), "{run}");
        let report = trainlab::app::runs::compute(&run, &mut |_| {}).expect("computes");
        assert_eq!(ext.command("result", &report).unwrap()["accepted"], true);
        assert_eq!(
            ext.command("result", &report).unwrap()["accepted"],
            false,
            "twice: stale"
        );
        n += 1;
    }
    assert_eq!(n, RUNS);
    assert_eq!(
        ext.data()["layer"]["runs"],
        d["layer"]["runs"],
        "workers' numbers equal the page's"
    );
    // Bad input: a notice naming the parameter.
    let notices = ext.set("ln_epochs=999");
    assert!(notices.iter().any(|n| n.param == "ln_epochs"), "{notices:?}");
}
