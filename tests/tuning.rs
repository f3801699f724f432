//! Caviar search (`core::lab::tuning`): successive halving keeps the right trials at each rung,
//! workers (jobs run separately, in any order) give the same numbers as the single-threaded run,
//! coarse to fine narrows the ranges, the settings are checked once with errors naming the field,
//! the work plan decides what the page trains. The view: `tests/tuning_view.rs`.
use trainlab::core::data::digits::embedded as digits;
use trainlab::core::lab::tuning::{
    Field, Job, JobReport, JobRunner, Search, TrialResult, TrialRun, TrialSpec, TuningConfig, TuningError, WorkPlan,
    MAX_CALL_WORK, MAX_SAMPLES, MAX_WORK,
};

/// A small search that trains in well under a second.
fn small(trials: usize, epochs: usize) -> TuningConfig {
    TuningConfig {
        samples: 200,
        trials,
        epochs,
        batch: 50,
        hidden: vec![16, 16],
        lr: [-3.0, 0.0],
        weight_decay: [-8.0, -4.0],
        seed: 7,
        ..TuningConfig::default()
    }
}

fn run_in_thread(search: &mut Search, budget: usize) {
    let mut guard = 0;
    while !search.round_done() {
        search.advance(budget).unwrap();
        guard += 1;
        assert!(guard < 1_000_000, "the search does not finish");
    }
}

/// A fake result for `job` with the given final validation accuracy.
fn fake(job: &Job, seed: u64, val: f64) -> TrialResult {
    let n = job.epochs;
    TrialResult {
        spec: job.spec(seed),
        epochs: n,
        train_acc: vec![0.5; n],
        val_acc: (0..n).map(|e| if e + 1 == n { val } else { 0.1 }).collect(),
        train_loss: vec![1.0; n],
        val_loss: vec![1.0; n],
        diverged: None,
    }
}

#[test]
fn halving_keeps_the_best_third_at_each_rung_table() {
    // 9 trials, eta 3, rungs 9 @ 1 epoch, 3 @ 3 epochs, 1 @ 9 epochs. Accuracies chosen by hand:
    // rung 0 keeps the three highest (trials 7, 2, 5), rung 1 keeps the highest of those (2).
    let config = TuningConfig {
        halving: true,
        eta: 3,
        min_epochs: 1,
        ..small(9, 9)
    };
    let mut s = Search::new(config.clone(), &digits().unwrap()).unwrap();
    let rung0 = [0.30, 0.10, 0.80, 0.20, 0.50, 0.70, 0.40, 0.90, 0.60];
    // the order in which results come back does not matter: claim all, answer in reverse
    let jobs: Vec<Job> = std::iter::from_fn(|| s.claim()).collect();
    assert_eq!(jobs.len(), 9);
    assert!(jobs.iter().all(|j| j.epochs == 1));
    for j in jobs.iter().rev() {
        assert!(s.accept(j, fake(j, config.seed, rung0[j.trial])).unwrap());
    }
    assert_eq!(s.round().alive[1], vec![2, 5, 7]);
    let rung1 = [(2, 0.95), (5, 0.85), (7, 0.75)];
    let jobs: Vec<Job> = std::iter::from_fn(|| s.claim()).collect();
    assert_eq!(
        jobs.iter().map(|j| (j.trial, j.epochs)).collect::<Vec<_>>(),
        vec![(2, 3), (5, 3), (7, 3)]
    );
    for j in &jobs {
        let v = rung1.iter().find(|r| r.0 == j.trial).unwrap().1;
        s.accept(j, fake(j, config.seed, v)).unwrap();
    }
    assert_eq!(s.round().alive[2], vec![2]);
    let j = s.claim().unwrap();
    assert_eq!((j.trial, j.epochs), (2, 9));
    assert!(s.claim().is_none());
    s.accept(&j, fake(&j, config.seed, 0.97)).unwrap();
    assert!(s.round_done());
    // spent: 9 x 1 + 3 x 3 + 1 x 9 epochs, against 81 for the full search
    assert_eq!(s.spent, 27);
    assert_eq!(config.planned_epochs(), (27, 81));
    assert_eq!(s.progress(), (27, 27));
}

#[test]
fn halving_ranks_diverged_trials_last_and_ties_by_index() {
    let config = TuningConfig {
        halving: true,
        eta: 3,
        min_epochs: 1,
        ..small(6, 3)
    };
    let mut s = Search::new(config.clone(), &digits().unwrap()).unwrap();
    let jobs: Vec<Job> = std::iter::from_fn(|| s.claim()).collect();
    for j in &jobs {
        let mut r = fake(j, config.seed, 0.5);
        if j.trial == 0 {
            // diverged in its first epoch: no curve at all
            r = TrialResult {
                train_acc: vec![],
                val_acc: vec![],
                train_loss: vec![],
                val_loss: vec![],
                diverged: Some(1),
                ..r
            };
        }
        s.accept(j, r).unwrap();
    }
    // all tie at 0.5 except the diverged trial 0: keep 6 / 3 = 2, the lowest indices 1 and 2
    assert_eq!(s.round().alive[1], vec![1, 2]);
}

#[test]
fn halving_on_real_training_promotes_the_best_by_validation_accuracy() {
    // Reference computed independently: each trial of a rung run on its own with run_job, ranked
    // by a plain sort on (-val accuracy, index).
    let config = TuningConfig {
        halving: true,
        eta: 3,
        min_epochs: 1,
        ..small(9, 6)
    };
    let d = digits().unwrap();
    let mut s = Search::new(config.clone(), &d).unwrap();
    run_in_thread(&mut s, 37);
    let data = config.data(&d).unwrap();
    let round = s.round().clone();
    let rungs = s.rungs().to_vec();
    assert_eq!(round.alive.len(), rungs.len());
    for k in 1..rungs.len() {
        let mut scored: Vec<(f64, usize)> = round.alive[k - 1]
            .iter()
            .map(|&t| {
                let job = Job {
                    round: 0,
                    trial: t,
                    epochs: rungs[k - 1].epochs,
                    lr: round.lr,
                    weight_decay: round.weight_decay,
                };
                (TrialRun::run_job(&config, &data, &job).unwrap().final_val(), t)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut want: Vec<usize> = scored.iter().take(rungs[k].trials).map(|p| p.1).collect();
        want.sort_unstable();
        assert_eq!(round.alive[k], want, "rung {k}");
    }
}

#[test]
fn workers_in_any_order_match_the_single_threaded_run() {
    for halving in [false, true] {
        let config = TuningConfig {
            halving,
            min_epochs: 1,
            ..small(7, 4)
        };
        let d = digits().unwrap();
        let mut single = Search::new(config.clone(), &d).unwrap();
        run_in_thread(&mut single, 5);
        // "workers": claim every job of the rung, run each with a fresh worker state (only the
        // config and the job, as they cross postMessage as JSON), answer in a scrambled order
        let mut multi = Search::new(config.clone(), &d).unwrap();
        let mut guard = 0;
        while !multi.round_done() {
            let jobs: Vec<Job> = std::iter::from_fn(|| multi.claim()).collect();
            let mut order: Vec<usize> = (0..jobs.len()).collect();
            order.reverse();
            order.rotate_left(jobs.len() / 2);
            for i in order {
                let cfg: TuningConfig = serde_json::from_str(&serde_json::to_string(&config).unwrap()).unwrap();
                let job: Job = serde_json::from_str(&serde_json::to_string(&jobs[i]).unwrap()).unwrap();
                let data = cfg.data(&d).unwrap();
                let result = TrialRun::run_job(&cfg, &data, &job).unwrap();
                let back: TrialResult = serde_json::from_str(&serde_json::to_string(&result).unwrap()).unwrap();
                assert!(multi.accept(&job, back).unwrap());
            }
            guard += 1;
            assert!(guard < 100);
        }
        assert_eq!(single.round().results, multi.round().results, "halving {halving}");
        assert_eq!(single.round().alive, multi.round().alive);
        assert_eq!(single.spent, multi.spent);
    }
}

#[test]
fn a_lost_worker_job_is_handed_out_again_and_stale_results_are_ignored() {
    let config = small(3, 2);
    let d = digits().unwrap();
    let mut s = Search::new(config.clone(), &d).unwrap();
    let a = s.claim().unwrap();
    let _b = s.claim().unwrap();
    s.release();
    // both go back in order, before the third
    assert_eq!(s.claim().unwrap().trial, a.trial);
    let data = config.data(&d).unwrap();
    let r = TrialRun::run_job(&config, &data, &a).unwrap();
    assert!(s.accept(&a, r.clone()).unwrap());
    // the same result again, or one for another round, changes nothing
    assert!(!s.accept(&a, r.clone()).unwrap());
    let other = Job { round: 1, ..a };
    assert!(!s.accept(&other, r.clone()).unwrap());
    // a result whose numbers do not fit the job is an error
    let j = s.claim().unwrap();
    let mut bad = TrialRun::run_job(&config, &data, &j).unwrap();
    bad.val_acc[0] = 1.5;
    assert!(s.accept(&j, bad).is_err());
    let mut wrong = TrialRun::run_job(&config, &data, &j).unwrap();
    wrong.spec.lr *= 2.0;
    assert!(s.accept(&j, wrong).is_err());
}

#[test]
fn trials_are_log_uniform_in_their_ranges_and_depend_only_on_seed_round_index() {
    let (lr, wd) = ([-6.0, -2.0], [-8.0, -4.0]);
    let specs: Vec<TrialSpec> = (0..2000).map(|i| TrialSpec::draw(1, 0, i, lr, wd)).collect();
    assert!(specs
        .iter()
        .all(|s| (1e-6..=1e-2).contains(&s.lr) && (1e-8..=1e-4).contains(&s.weight_decay)));
    // log-uniform: the mean of log10 is the middle of the range (std of the mean 4/sqrt(12*2000) ~ 0.026)
    let mean = specs.iter().map(|s| s.lr.log10()).sum::<f64>() / 2000.0;
    assert!((mean + 4.0).abs() < 0.1, "mean log10 lr {mean}");
    let below = specs.iter().filter(|s| s.lr < 1e-4).count();
    assert!((900..1100).contains(&below), "{below} of 2000 below the middle decade");
    assert_eq!(TrialSpec::draw(1, 0, 5, lr, wd), specs[5]);
    assert_ne!(TrialSpec::draw(2, 0, 5, lr, wd), specs[5]);
    assert_ne!(TrialSpec::draw(1, 1, 5, lr, wd), specs[5]);
}

#[test]
fn coarse_to_fine_narrows_the_ranges_around_the_best() {
    let config = small(8, 3);
    let mut s = Search::new(config, &digits().unwrap()).unwrap();
    assert!(s.next_round(3).is_err(), "a round must finish first");
    run_in_thread(&mut s, 1000);
    let best: Vec<TrialSpec> = s.ranking().iter().take(3).map(|r| r.spec).collect();
    let (lr, wd) = s.next_round(3).unwrap();
    for b in &best {
        assert!(lr[0] <= b.lr.log10() && b.lr.log10() <= lr[1]);
        assert!(wd[0] <= b.weight_decay.log10() && b.weight_decay.log10() <= wd[1]);
    }
    let lo = best.iter().map(|b| b.lr.log10()).fold(f64::INFINITY, f64::min);
    assert!((lr[0] - (lo - 0.25).max(-10.0)).abs() < 1e-12);
    assert_eq!(s.rounds.len(), 2);
    assert!(s
        .round()
        .specs
        .iter()
        .all(|t| t.lr.log10() >= lr[0] && t.lr.log10() <= lr[1]));
}

#[test]
fn a_good_learning_rate_learns_the_digits_and_a_huge_one_diverges() {
    // measured: lr 10^-1 with SGD reaches well above 80% validation accuracy in 20 epochs on 400
    // training digits; lr 10 blows up
    let config = TuningConfig {
        samples: 500,
        trials: 1,
        epochs: 20,
        hidden: vec![50, 50],
        lr: [-1.0, -1.0],
        ..TuningConfig::default()
    };
    let d = digits().unwrap();
    let data = config.data(&d).unwrap();
    assert_eq!((data.train.rows, data.val.rows), (400, 100));
    let job = Job {
        round: 0,
        trial: 0,
        epochs: 20,
        lr: config.lr,
        weight_decay: config.weight_decay,
    };
    let r = TrialRun::run_job(&config, &data, &job).unwrap();
    assert!(r.final_val() > 0.8, "val accuracy {}", r.final_val());
    let hot = TuningConfig {
        lr: [1.0, 1.0],
        hidden: vec![100; 6],
        ..config
    };
    let r = TrialRun::run_job(&hot, &data, &Job { lr: hot.lr, ..job }).unwrap();
    assert!(r.diverged.is_some(), "lr 10 should diverge: {:?}", r.val_acc);
    assert_eq!(r.final_val(), 0.0);
}

#[test]
fn each_rule_is_checked_once_in_validate_and_names_its_field() {
    let d = digits().unwrap();
    let refused = |c: TuningConfig| c.validate(&d).unwrap_err();
    // a reversed range names the setting that starts it, with its two ends
    let lr = refused(TuningConfig {
        lr: [-1.0, -3.0],
        ..small(3, 2)
    });
    assert_eq!(
        lr,
        TuningError::Range {
            field: Field::Lr,
            low: -1.0,
            high: -3.0
        }
    );
    assert_eq!(lr.to_string(), "lr[0] (-1) must not exceed lr[1] (-3)");
    let wd = refused(TuningConfig {
        weight_decay: [-2.0, -5.0],
        ..small(3, 2)
    });
    assert_eq!(wd.setting(), Some((Field::WeightDecay, 0)));
    // halving's first rung above the epochs: halving's own rule, passed on naming min_epochs
    let rung = TuningConfig {
        halving: true,
        min_epochs: 9,
        ..small(3, 3)
    };
    assert_eq!(
        refused(rung.clone()),
        TuningError::Range {
            field: Field::MinEpochs,
            low: 9.0,
            high: 3.0
        }
    );
    assert_eq!(
        refused(rung.clone()).to_string(),
        "min_epochs (9) must not exceed epochs (3)"
    );
    // ... which does not matter without halving
    assert!(TuningConfig { halving: false, ..rung }.validate(&d).is_ok());
    // caps name their setting and end
    let high = refused(TuningConfig {
        lr: [-3.0, 2.0],
        ..small(3, 2)
    });
    assert_eq!(high.setting(), Some((Field::Lr, 1)));
    let samples = refused(TuningConfig {
        samples: MAX_SAMPLES + 1,
        ..small(3, 2)
    });
    assert_eq!(samples.setting(), Some((Field::Samples, 0)));
    assert_eq!(MAX_SAMPLES, d.rows(), "the cap is the digits there are");
    let nan = refused(TuningConfig {
        val_fraction: f64::NAN,
        ..small(3, 2)
    });
    assert_eq!(nan.setting(), Some((Field::ValFraction, 0)));
    // the work cap: a matter of trials (500 trials x 200 epochs of the default network)
    let big = refused(TuningConfig {
        trials: 500,
        epochs: 200,
        ..TuningConfig::default()
    });
    assert!(matches!(big, TuningError::TooMuchWork { work, cap } if work > cap && cap == MAX_WORK));
    assert_eq!(big.setting(), Some((Field::Trials, 0)));
    // the same errors from the search and from a worker's data split
    assert!(matches!(
        Search::new(
            TuningConfig {
                lr: [0.0, -1.0],
                ..small(3, 2)
            },
            &d
        ),
        Err(TuningError::Range { field: Field::Lr, .. })
    ));
}

#[test]
fn the_work_plan_caps_an_in_page_call_and_leaves_claimed_jobs_to_workers() {
    // one unit costs the weights times the larger of all the rows and three mini-batches
    let c = small(3, 2);
    let weights = (64 * 16 + 16 * 16 + 16 * 10) as f64;
    let unit = weights * (c.samples as f64).max(3.0 * c.batch as f64);
    let plan = WorkPlan::new(&c, 64);
    assert_eq!(plan.units_per_call, (MAX_CALL_WORK / unit) as usize);
    assert!(!plan.external);
    assert_eq!(plan.budget(10), 10.min(plan.units_per_call));
    assert_eq!(plan.budget(usize::MAX), plan.units_per_call);
    assert_eq!(WorkPlan { external: true, ..plan }.budget(1000), 0);
    // the default network: at least one unit a call
    assert_eq!(WorkPlan::new(&TuningConfig::default(), 64).units_per_call, 1);

    let d = digits().unwrap();
    let mut s = Search::new(c, &d).unwrap();
    s.set_external(true);
    assert!(s.claim().is_some());
    assert_eq!(s.work(1000), (0, 6), "workers train: the page does nothing");
    s.set_external(false);
    assert_eq!(s.pending(), 3, "back in the page: the claimed job is handed out again");
    let mut guard = 0;
    while s.work(1000).0 < 6 {
        guard += 1;
        assert!(guard < 10_000);
    }
    assert!(s.round_done());
}

#[test]
fn a_worker_runner_gives_the_job_its_seed_gives_and_reports_every_epoch_but_the_last() {
    let d = digits().unwrap();
    let config = small(2, 3);
    let mut s = Search::new(config.clone(), &d).unwrap();
    let job = s.claim().unwrap();
    let mut runner = JobRunner::new(d.clone());
    let mut reports = Vec::new();
    let result = runner
        .run(&config, &job, &mut |r| reports.push(serde_json::to_string(&r).unwrap()))
        .unwrap();
    assert_eq!(
        result,
        TrialRun::run_job(&config, &config.data(&d).unwrap(), &job).unwrap()
    );
    assert_eq!(reports.len(), 2);
    let last: JobReport = serde_json::from_str(&reports[1]).unwrap();
    assert_eq!(
        (last.config, last.job, last.result.val_acc.len()),
        (config.clone(), job, 2)
    );
    assert!(s.partial(&job, last.result).unwrap());
    assert!(s.accept(&job, result).unwrap());
    // a settings error reaches the worker as the same typed error
    let bad = TuningConfig { samples: 5, ..config };
    assert!(matches!(
        runner.run(&bad, &job, &mut |_| {}),
        Err(TuningError::OutOfRange {
            field: Field::Samples,
            ..
        })
    ));
}
