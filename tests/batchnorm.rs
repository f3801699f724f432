//! view=batchnorm's computations: the Ioffe & Szegedy percentile study, DLFS's grid, batch norm
//! at test time, and the batch-norm formulas they rest on.
use trainlab::core::data::digits::parse;
use trainlab::core::data::Dataset;
use trainlab::core::lab::bn_grid::{weight_scales, BnGridConfig};
use trainlab::core::lab::bn_study::drift;
use trainlab::core::lab::bn_study::{percentile, BnStudyConfig};
use trainlab::core::nn::batchnorm::{forward_eval, forward_train, BnCache, RunningStats};

const BIN: &[u8] = include_bytes!("../www/data/digits.bin");

fn digits() -> Dataset {
    parse(BIN).expect("the committed asset parses").dataset()
}

#[test]
fn percentiles_interpolate_like_numpy() {
    // numpy.percentile([1, 2, 3, 4, 10], [15, 50, 85]) = [1.6, 3.0, 6.4]
    let s = [1.0, 2.0, 3.0, 4.0, 10.0];
    for (q, want) in [(0.15, 1.6), (0.5, 3.0), (0.85, 6.4)] {
        assert!((percentile(&s, q) - want).abs() < 1e-12, "{q}: {}", percentile(&s, q));
    }
}

#[test]
fn weight_scales_are_numpy_logspace() {
    // numpy.logspace(0, -4, 16)[[0, 1, 15]] = [1.0, 0.5411695265464637, 1e-4]
    let w = weight_scales(16);
    assert_eq!(w.len(), 16);
    assert_eq!(w[0], 1.0);
    assert!((w[1] - 0.541_169_526_546_463_7).abs() < 1e-12);
    assert!((w[15] - 1e-4).abs() < 1e-16);
}

#[test]
fn with_batch_norm_the_unit_input_percentiles_drift_less() {
    // Ioffe & Szegedy's figure 1 (b, c) at lab scale, seed 1, 15 epochs (270 steps per network).
    // Measured (this test prints them): the largest sweep over time of the 15th/50th/85th
    // percentile is 1.11 without batch norm and 0.56 with it.
    let mut s = BnStudyConfig {
        epochs: 15,
        ..BnStudyConfig::default()
    }
    .start(&digits())
    .unwrap();
    let (done, total) = s.advance(usize::MAX);
    assert_eq!(done, total);
    assert_eq!(s.plain.probes.len(), s.batch_norm.probes.len());
    assert_eq!(s.plain.probes.last().unwrap().step, 270);
    let (dp, db) = (drift(&s.plain.probes), drift(&s.batch_norm.probes));
    let last = |r: &trainlab::core::lab::bn_study::StudyRun| r.probes.last().unwrap().dev_accuracy;
    println!(
        "drift without BN {dp:.3}, with BN {db:.3}; dev accuracy {:.3} / {:.3}",
        last(&s.plain),
        last(&s.batch_norm)
    );
    assert!(db < 0.7 * dp, "with BN {db} vs without {dp}");
    // BN keeps the unit's median near beta = 0 while the plain network's median wanders.
    assert!(s.batch_norm.probes.iter().all(|p| p.p50.abs() < 0.5));
    assert!(last(&s.batch_norm) > last(&s.plain));
    // The ridge histograms count every (row, unit) of the monitor batch.
    for p in s.plain.probes.iter().chain(&s.batch_norm.probes) {
        assert_eq!(p.hist.counts.iter().sum::<u32>(), 359 * 100);
    }
    // Batch norm at test time: with running statistics the batch size does not matter; with a
    // batch of 1 every variance is 0, every row gets the same output, accuracy ~ 1 class in 10.
    let rows = &s.test_rows;
    assert_eq!(rows[0].batch_size, 1);
    assert!(rows.iter().all(|r| r.running == rows[0].running));
    assert!(rows[0].running > 0.9, "{rows:?}");
    assert!(rows[0].batch_stats < 0.2, "{rows:?}");
    assert!(rows[1].batch_stats < rows[3].batch_stats, "{rows:?}");
    println!("{rows:?}");
}

fn small_grid() -> BnGridConfig {
    BnGridConfig {
        samples: 200,
        epochs: 2,
        scales: 4,
        ..BnGridConfig::default()
    }
}

#[test]
fn grid_in_pieces_with_pauses_equals_grid_at_once() {
    let data = digits();
    let mut once = small_grid().start(&data).unwrap();
    let (done, total) = once.advance(usize::MAX);
    assert_eq!((done, total), (total, 2 * 4 * 2 * 2));
    let mut pieces = small_grid().start(&data).unwrap();
    assert_eq!(pieces.advance(0), (0, total), "advance(0) does no work");
    let mut calls = 0;
    while pieces.advance(3).0 < total {
        calls += 1;
        assert!(calls < 1000);
    }
    assert_eq!(pieces.cells, once.cells, "same accuracies, bit for bit");
    assert_eq!(pieces.advance(5), (total, total), "nothing left to do");
    for c in &once.cells {
        assert!(c.batch_norm.len() == 3, "start + 2 epochs: {c:?}");
        assert!(c.plain.iter().chain(&c.batch_norm).all(|a| (0.0..=1.0).contains(a)));
    }
}

#[test]
fn the_view_keeps_each_job_across_panels_and_restarts_it_when_its_settings_change() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("batchnorm").unwrap();
    assert!(v.set("panel=grid&grid_epochs=1&grid_samples=100").is_empty());
    let p = v.advance(40).unwrap();
    // The first step also measures the starting accuracy (a budget of 1 + 1 epoch's steps).
    assert!(p.done > 1 && p.done < p.total, "{p:?}");
    let done = p.done;
    // Another panel works on the other job; coming back finds the grid where it stopped.
    assert!(v.set("panel=test").is_empty());
    assert_eq!(v.advance(0).unwrap().done, 0);
    assert!(v.set("panel=grid").is_empty());
    assert_eq!(v.advance(0).unwrap().done, done);
    // A grid setting starts the grid again.
    assert!(v.set("grid_samples=120").is_empty());
    assert_eq!(v.advance(0).unwrap().done, 0);
    let d = v.data();
    assert_eq!(d["grid"]["cells"].as_array().unwrap().len(), 16);
}

#[test]
fn batch_norm_running_and_batch_statistics_follow_the_formulas() {
    // Two units over m = 4 rows: unit 0 = [1, 2, 3, 6] (mean 3, biased var 3.5),
    // unit 1 = [0, 0, 0, 4] (mean 1, var 3).
    let z = [1.0f64, 0.0, 2.0, 0.0, 3.0, 0.0, 6.0, 4.0];
    let (gamma, beta, eps) = ([2.0, 1.0], [0.5, -1.0], 1e-6);
    let mut running = RunningStats::new(2);
    let mut cache = BnCache::default();
    let mut out = [0.0; 8];
    for k in 1..=3 {
        forward_train(&z, 4, 2, &gamma, &beta, eps, 0.9, &mut running, &mut cache, &mut out);
        // EWMA from 0 without bias correction: (1 - 0.9^k) * batch statistic.
        let f = 1.0 - 0.9f64.powi(k);
        assert!((running.mean[0] - 3.0 * f).abs() < 1e-12 && (running.var[0] - 3.5 * f).abs() < 1e-12);
        assert!((running.mean[1] - f).abs() < 1e-12 && (running.var[1] - 3.0 * f).abs() < 1e-12);
    }
    for (i, &zi) in z.iter().enumerate() {
        let j = i % 2;
        let (mu, var) = [(3.0, 3.5), (1.0, 3.0)][j];
        let want = gamma[j] * (zi - mu) / (var + eps).sqrt() + beta[j];
        assert!((out[i] - want).abs() < 1e-12);
    }
    // With running statistics equal to the batch's, test mode gives the training output.
    let exact = RunningStats {
        mean: vec![3.0, 1.0],
        var: vec![3.5, 3.0],
        updates: 1,
    };
    let mut eval = [0.0; 8];
    forward_eval(&z, 2, &gamma, &beta, eps, &exact, &mut eval);
    assert!(eval.iter().zip(&out).all(|(a, b)| (a - b).abs() < 1e-12));
    // Test mode treats each row on its own: one row alone gives the same as in the batch.
    let mut one = [0.0; 2];
    forward_eval(&z[6..8], 2, &gamma, &beta, eps, &exact, &mut one);
    assert_eq!(one, [eval[6], eval[7]]);
}

#[test]
fn a_batch_of_one_has_variance_zero_and_normalises_to_beta() {
    let z = [3.7f64, -120.0, 0.25];
    let (gamma, beta) = ([1.5, 2.0, 0.3], [0.1, -0.2, 0.0]);
    let mut running = RunningStats::new(3);
    let mut cache = BnCache::default();
    let mut out = [9.0; 3];
    forward_train(&z, 1, 3, &gamma, &beta, 1e-6, 0.9, &mut running, &mut cache, &mut out);
    assert_eq!(cache.z_hat, vec![0.0; 3], "z - mean(z) = 0 for one row");
    assert_eq!(out, beta, "the output is beta, whatever the input");
    // Two rows: each unit is normalised to exactly -1 and +1 (|z - mu| = sqrt(var)), up to eps.
    let z2 = [1.0f64, 5.0, 3.0, -5.0];
    let mut out2 = [0.0; 4];
    let mut running2 = RunningStats::new(2);
    forward_train(
        &z2,
        2,
        2,
        &[1.0, 1.0],
        &[0.0, 0.0],
        1e-12,
        0.9,
        &mut running2,
        &mut cache,
        &mut out2,
    );
    for (o, want) in out2.iter().zip([-1.0, 1.0, 1.0, -1.0]) {
        assert!((o - want).abs() < 1e-9, "{out2:?}");
    }
}

#[test]
fn each_setting_matters_only_for_the_panels_that_read_it() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("batchnorm").unwrap();
    let names = ["epochs", "lr", "unit", "grid_epochs", "grid_samples", "seed"];
    for (panel, want) in [
        ("shift", [true, true, true, false, false, true]),
        ("ridge", [true, true, true, false, false, true]),
        ("test", [true, true, false, false, false, true]),
        ("grid", [false, false, false, true, true, true]),
    ] {
        assert!(v.set(&format!("panel={panel}")).is_empty());
        assert_eq!(names.map(|n| v.params().relevant(n)), want, "{panel}");
    }
}

#[test]
fn the_jobs_name_the_setting_they_refuse() {
    use trainlab::core::lab::bn_grid::{MAX_GRID_EPOCHS, MAX_SAMPLES, MIN_SAMPLES};
    use trainlab::core::lab::bn_study::{HIDDEN_UNITS, MAX_EPOCHS};
    let data = digits();
    assert_eq!(MAX_SAMPLES, data.rows(), "the grid's cap is every embedded digit");
    let study = BnStudyConfig::default();
    let field = |c: BnStudyConfig| c.validate().unwrap_err().field();
    assert_eq!(
        field(BnStudyConfig {
            epochs: MAX_EPOCHS + 1,
            ..study
        }),
        Some("epochs")
    );
    assert_eq!(field(BnStudyConfig { lr: f64::NAN, ..study }), Some("lr"));
    assert_eq!(
        field(BnStudyConfig {
            unit: HIDDEN_UNITS,
            ..study
        }),
        Some("unit")
    );
    let grid = BnGridConfig::default();
    let field = |c: BnGridConfig| c.start(&data).map(|_| ()).unwrap_err().field();
    assert_eq!(
        field(BnGridConfig {
            samples: MIN_SAMPLES - 1,
            ..grid
        }),
        Some("samples")
    );
    assert_eq!(
        field(BnGridConfig {
            epochs: MAX_GRID_EPOCHS + 1,
            ..grid
        }),
        Some("epochs")
    );
}

fn targets(view: &mut trainlab::app::Mounted, width: f64, height: f64, lang: &str) -> Vec<serde_json::Value> {
    let arg = format!(r#"{{"width": {width}, "height": {height}, "lang": "{lang}"}}"#);
    view.command("targets", &arg).unwrap()["targets"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn readouts_name_what_is_under_the_pointer_on_every_panel() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("batchnorm").unwrap();
    assert!(v.set("epochs=1&grid_epochs=1&grid_samples=200").is_empty());
    for panel in ["shift", "ridge", "test", "grid"] {
        assert!(v.set(&format!("panel={panel}")).is_empty());
        while v.advance(10_000).is_some_and(|p| !p.finished()) {}
        for width in [1000.0, 372.0] {
            let height = v.height_for(width);
            let t = targets(&mut v, width, height, "en");
            assert!(!t.is_empty(), "{panel} at {width}");
            for x in &t {
                let (x0, y0, x1, y1) = (
                    x["x0"].as_f64().unwrap(),
                    x["y0"].as_f64().unwrap(),
                    x["x1"].as_f64().unwrap(),
                    x["y1"].as_f64().unwrap(),
                );
                assert!(
                    0.0 <= x0 && x0 < x1 && x1 <= width + 1.0 && 0.0 <= y0 && y0 < y1 && y1 <= height + 1.0,
                    "{panel}: {x}"
                );
            }
            let first = t[0]["label"].as_str().unwrap().to_string();
            let want = match panel {
                "shift" => "without batch norm, step 0: 85th percentile",
                "ridge" => "without batch norm, step 0: z from −4 to",
                "test" => "test batches of 1: ",
                _ => "initial weights’ std 1: training accuracy at epoch 1: ",
            };
            assert!(first.starts_with(want), "{panel}: {first}");
            let ko = targets(&mut v, width, height, "ko");
            assert!(
                ko[0]["label"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .any(|c| ('가'..='힣').contains(&c)),
                "{panel}: {}",
                ko[0]["label"]
            );
        }
    }
    // the grid: 16 cells, four across on a laptop, two on a phone (the rows are the groups)
    let rows = |t: &[serde_json::Value]| t.iter().map(|x| x["group"].as_u64().unwrap()).max().unwrap() + 1;
    let h = v.height_for(1000.0);
    assert_eq!(rows(&targets(&mut v, 1000.0, h, "en")), 4);
    let h = v.height_for(372.0);
    assert_eq!(rows(&targets(&mut v, 372.0, h, "en")), 8);
    assert!(
        v.height_for(372.0) > v.height_for(1000.0) * 0.9,
        "a phone gets the rows the grid needs"
    );
}

#[test]
fn the_tables_name_their_rows_by_id_for_the_page_to_word() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("batchnorm").unwrap();
    assert!(v.set("epochs=1").is_empty());
    while v.advance(10_000).is_some_and(|p| !p.finished()) {}
    let t = &v.summary()["tables"][0];
    assert_eq!(t["columns"][0], "network");
    assert_eq!(t["rows"][0][0], "plain");
    assert_eq!(t["rows"][1][0], "batch_norm");
}

/// The page caps a figure's height (half the screen on a phone, 80% on a laptop), so the three
/// views of batch norm, activations and gradient checking are also drawn at those heights: no two
/// labels overlap and no text is under 10 CSS px, at every option of every choice, in both languages.
#[test]
fn at_the_pages_height_caps_no_labels_overlap_and_no_type_is_under_10_px() {
    use plotters_backend::BackendTextStyle;
    use trainlab::app::params::ParamKind;
    use trainlab::app::{entry, Mounted};
    use trainlab::chart::record::{text_box, Op};
    use trainlab::chart::{Lang, Theme};
    let mut failures = Vec::new();
    for id in ["activations", "batchnorm", "gradcheck"] {
        let mut queries = vec![String::new()];
        for spec in entry(id).unwrap().params {
            if let ParamKind::Choice { options } = spec.kind {
                queries.extend(options.iter().map(|o| format!("{}={o}", spec.name)));
            }
        }
        for q in queries {
            let mut view = Mounted::new(id).unwrap();
            if !view.set(&q).is_empty() {
                continue;
            }
            view.advance(300);
            for (w, h) in [(372u32, 422u32), (1000, 720), (1000, 320)] {
                for lang in [Lang::En, Lang::Ko] {
                    let ops = view.record((w, h), &Theme { scale: 1.0, lang }).unwrap();
                    let texts: Vec<_> = ops
                        .iter()
                        .filter_map(|op| match op {
                            Op::Text(s, spec, pos) if !s.trim().is_empty() => {
                                Some((s.clone(), spec.size(), text_box(s, spec, *pos)))
                            }
                            _ => None,
                        })
                        .collect();
                    for (i, (a, size, ra)) in texts.iter().enumerate() {
                        if *size < 10.0 {
                            failures.push(format!("{id} {q} {w}x{h} {lang:?}: {a:?} at {size} px"));
                        }
                        for (b, _, rb) in &texts[i + 1..] {
                            let dx = ra.2.min(rb.2) - ra.0.max(rb.0);
                            let dy = ra.3.min(rb.3) - ra.1.max(rb.1);
                            if dx > 2 && dy > 2 {
                                failures.push(format!("{id} {q} {w}x{h} {lang:?}: {a:?} over {b:?}"));
                            }
                        }
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn grid_runs_computed_by_workers_equal_the_page_and_reports_are_checked() {
    use trainlab::core::lab::bn_grid::GridSeries;
    let data = digits();
    let mut page = small_grid().start(&data).unwrap();
    page.advance(usize::MAX);
    let mut ext = small_grid().start(&data).unwrap();
    ext.set_external(true);
    assert_eq!(ext.advance(1000).0, 0, "nothing in the page while workers compute");
    let mut claimed = Vec::new();
    while let Some(r) = ext.claim() {
        claimed.push(r);
    }
    assert_eq!(claimed, (0..8).collect::<Vec<_>>());
    for &r in claimed.iter().rev() {
        let mut partials = Vec::new();
        let s = small_grid()
            .run_to_end(&data, r, &mut |p| partials.push(p.clone()))
            .unwrap();
        for p in partials {
            assert_eq!(ext.partial(r, p), Ok(true));
        }
        let mut bad = s.clone();
        bad.accuracy.push(1.5);
        assert!(ext.accept(r, bad).is_err(), "an accuracy above 1 is refused");
        let wrong = GridSeries {
            index: r ^ 1,
            ..s.clone()
        };
        assert!(ext.accept(r, wrong).is_err(), "another run's series is refused");
        assert_eq!(ext.accept(r, s.clone()), Ok(true));
        assert_eq!(ext.accept(r, s), Ok(false), "a second result is stale");
    }
    assert_eq!(
        ext.cells, page.cells,
        "workers' accuracies equal the page's, bit for bit"
    );
    assert_eq!(ext.progress(), page.progress());
    assert_eq!(ext.done_runs(), 8);
}
