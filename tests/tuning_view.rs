//! `view=tuning`: bad input gives notices naming the parameter (each rule between parameters
//! once, in one wording), workers' jobs and the view's own work give the same numbers, toggling
//! successive halving compares the two searches of the same trials, every panel draws in both
//! languages, the parameters are grouped with halving's settings relevant only with halving.
use trainlab::app::params::{Group, ParamKind, Problem, When};
use trainlab::app::tuning::runs::job_of;
use trainlab::app::{entry, Mounted};
use trainlab::core::data::digits::embedded as digits;
use trainlab::core::lab::runs::Run;
use trainlab::core::lab::tuning::{Job, TrialRun};

/// The run of a claim, and the settings and job it stands for.
fn claimed(claim: &serde_json::Value) -> (Run, trainlab::core::lab::tuning::TuningConfig, Job) {
    let run: Run = serde_json::from_value(claim["run"].clone()).unwrap();
    let (config, job) = job_of(&run).unwrap();
    (run, config, job)
}

#[test]
fn the_view_caps_bad_input_with_notices_and_keeps_working() {
    let mut v = Mounted::new("tuning").unwrap();
    let n = v.set("trials=100000&epochs=5000");
    assert!(n
        .iter()
        .any(|n| n.param == "trials" && n.problem == Problem::OutOfRange));
    // clamped to 500 trials x 200 epochs of the default network: above the work cap, so the
    // whole change is refused and the previous search stays
    assert!(n.iter().any(|n| n.problem == Problem::Inconsistent), "{n:?}");
    assert!(v.params().to_query().contains("trials=100&"));
    assert_eq!(v.data()["config"]["trials"], 100);
    // 500 trials of a small network fit
    let n = v.set("trials=600&layers=1&units=10&epochs=10");
    assert_eq!(n.len(), 1, "{n:?}");
    assert_eq!(v.data()["config"]["trials"], 500);
    let n = v.set("lr_min=-1&lr_max=-3");
    assert!(n
        .iter()
        .any(|n| n.param == "lr_min" && n.problem == Problem::Inconsistent));
    // malformed worker results leave the view as it was
    let before = v.data();
    let e = v.command("result", "{not json").unwrap_err();
    assert_eq!(e[0].problem, Problem::Rejected);
    assert!(v.command("result", &"x".repeat(2 << 20)).is_err());
    assert!(v.command("frobnicate", "").is_err());
    assert_eq!(
        v.command("partial", "[1, 2]").unwrap_err()[0].problem,
        Problem::Rejected
    );
    assert_eq!(v.data(), before);
}

#[test]
fn the_view_runs_claimed_jobs_from_workers_and_its_own_work_alike() {
    let q = "trials=4&epochs=2&samples=100&layers=1&units=8&batch=20&lr_min=-2&lr_max=0&seed=3&halving=1&min_epochs=1&eta=2";
    let mut a = Mounted::new("tuning").unwrap();
    assert!(a.set(q).is_empty());
    while a.advance(50).is_some_and(|p| !p.finished()) {}
    let mut b = Mounted::new("tuning").unwrap();
    b.set(q);
    b.command("workers", "2").unwrap();
    // with workers, advance does no work
    let p = b.advance(1000).unwrap();
    assert_eq!(p.done, 0);
    let d = digits().unwrap();
    let mut guard = 0;
    loop {
        let claim = b.command("claim", "").unwrap();
        if claim["run"].is_null() {
            break;
        }
        let (run, config, job) = claimed(&claim);
        // the worker reports the curves after each epoch but the last: they count in the progress
        let mut partials = Vec::new();
        let result = TrialRun::run_job_reporting(&config, &config.data(&d).unwrap(), &job, &mut |r| {
            partials.push(serde_json::json!({"run": run, "result": r}).to_string())
        })
        .unwrap();
        assert_eq!(partials.len(), result.train_acc.len().min(job.epochs - 1));
        for (k, p) in partials.iter().enumerate() {
            let before = b.advance(0).unwrap().done;
            assert_eq!(b.command("partial", p).unwrap()["accepted"], true);
            assert_eq!(b.advance(0).unwrap().done, before, "live curves are not progress");
            let running = b.data()["running"].clone();
            let mine = running
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["spec"]["index"] == job.trial)
                .unwrap();
            assert_eq!(mine["val_acc"].as_array().unwrap().len(), k + 1);
        }
        let msg = serde_json::json!({"run": run, "result": result}).to_string();
        assert_eq!(b.command("result", &msg).unwrap()["accepted"], true);
        assert!(b.data()["running"].as_array().unwrap().is_empty());
        // a partial after the result is stale, and ignored
        if let Some(p) = partials.first() {
            assert_eq!(b.command("partial", p).unwrap()["accepted"], false);
        }
        guard += 1;
        assert!(guard < 50);
    }
    assert!(b.advance(0).unwrap().finished());
    assert_eq!(a.data()["rounds"], b.data()["rounds"]);
    assert_eq!(a.csv(), b.csv());
    // a display-only change keeps the search
    b.set("panel=best&k=2&workers=1");
    assert_eq!(a.data()["rounds"], b.data()["rounds"]);
    let code = &b.data()["code"];
    assert!(code["optuna"]
        .as_str()
        .unwrap()
        .contains("suggest_float(\"lr\", 0.01, 1.0, log=True)"));
    assert!(code["ray_tune"]
        .as_str()
        .unwrap()
        .contains("\"weight_decay\": tune.loguniform(1e-8, 0.0001)"));
}

#[test]
fn toggling_halving_compares_the_full_search_with_halving_on_the_same_trials() {
    // Halving's winner is trained to the full epochs from the same seed, so its accuracy is the
    // one it has in the full search, and the full search's best can only be as good or better.
    // Measured here (seed 7, a first rung of 1 epoch): halving spends 27 of 81 epochs and its
    // winner is not the full search's (a slow starter is cut after one epoch); printed below.
    let q = "trials=9&epochs=9&samples=500&layers=2&units=32&batch=50&lr_min=-2&lr_max=0&seed=7&eta=3&min_epochs=1";
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set(q).is_empty());
    while v.advance(100).is_some_and(|p| !p.finished()) {}
    assert!(v.data()["compare"].is_null(), "nothing to compare yet");
    let full = v.data();
    v.set("halving=1");
    while v.advance(100).is_some_and(|p| !p.finished()) {}
    let d = v.data();
    let c = d["compare"].clone();
    eprintln!("full search vs halving: {c}");
    assert_eq!(
        (c["full"]["epochs"].as_u64(), c["halving"]["epochs"].as_u64()),
        (Some(81), Some(27))
    );
    assert_eq!(
        (c["full"]["done"].as_bool(), c["halving"]["done"].as_bool()),
        (Some(true), Some(true))
    );
    let last_alive = d["rounds"][0]["alive"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last_alive, serde_json::json!([c["halving"]["best_trial"]]));
    let val_of = |data: &serde_json::Value, trial: &serde_json::Value| {
        let r = data["rounds"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| &r["spec"]["index"] == trial)
            .unwrap();
        r["val_acc"].as_array().unwrap().last().unwrap().as_f64().unwrap()
    };
    let winner = &c["halving"]["best_trial"];
    assert_eq!(
        val_of(&full, winner),
        c["halving"]["best_val"].as_f64().unwrap(),
        "same trial, same numbers"
    );
    let best_full = full["rounds"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["val_acc"].as_array().unwrap().last().unwrap().as_f64().unwrap())
        .fold(0.0, f64::max);
    assert_eq!(c["full"]["best_val"].as_f64().unwrap(), best_full);
    assert!(best_full >= c["halving"]["best_val"].as_f64().unwrap());
}

#[test]
fn every_panel_draws_a_finished_search_with_a_diverged_trial_in_both_languages() {
    use trainlab::chart::Lang;
    let mut v = Mounted::new("tuning").unwrap();
    // lr up to 10: the largest draws diverge (measured: at least one of 6 here)
    v.set("trials=6&epochs=3&samples=100&layers=6&units=50&batch=50&lr_min=-2&lr_max=1&seed=2&k=3");
    while v.advance(100).is_some_and(|p| !p.finished()) {}
    let results = v.data()["rounds"][0]["results"].as_array().unwrap().clone();
    assert!(results.iter().any(|r| !r["diverged"].is_null()), "a diverged trial");
    let mut seen = std::collections::HashSet::new();
    for panel in ["curves", "scatter", "best"] {
        v.set(&format!("panel={panel}"));
        for lang in [Lang::En, Lang::Ko] {
            let svg = v.svg(760, 440, lang).unwrap();
            assert!(svg.starts_with("<svg"));
            assert!(
                seen.insert(svg),
                "{panel}: each panel and language draws something different"
            );
        }
        assert!(v.describe(Lang::Ko).contains("발산"));
    }
}

#[test]
fn each_reversed_range_gives_one_notice_naming_its_low_end_in_one_wording() {
    // The core checks each rule once; the view names the parameters (the old view checked these
    // itself, with a wording of its own for the first rung).
    for (query, param, detail) in [
        (
            "lr_min=-1&lr_max=-3",
            "lr_min",
            "lr_min (-1) must not exceed lr_max (-3)",
        ),
        (
            "wd_min=-2&wd_max=-5",
            "wd_min",
            "wd_min (-2) must not exceed wd_max (-5)",
        ),
        (
            "halving=1&min_epochs=9&epochs=3",
            "min_epochs",
            "min_epochs (9) must not exceed epochs (3)",
        ),
    ] {
        let mut v = Mounted::new("tuning").unwrap();
        let before = v.params().to_query();
        let n = v.set(query);
        assert_eq!(n.len(), 1, "{query}: {n:?}");
        assert_eq!(
            (n[0].param.as_str(), n[0].problem, n[0].detail.as_str()),
            (param, Problem::Inconsistent, detail),
            "{query}"
        );
        assert_eq!(v.params().to_query(), before, "{query}: the previous search stays");
    }
    // the first rung only matters with halving
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set("min_epochs=9&epochs=3").is_empty());
}

#[test]
fn parameters_are_grouped_capped_by_the_core_and_halving_settings_need_halving() {
    use trainlab::core::lab::tuning::{MAX_EPOCHS, MAX_SAMPLES, MAX_TRIALS};
    let e = entry("tuning").unwrap();
    let spec = |name: &str| e.params.iter().find(|p| p.name == name).unwrap();
    for (group, names) in [
        (Group::Data, &["samples", "val"][..]),
        (Group::Network, &["layers", "units"]),
        (Group::Optimisation, &["batch"]),
        (
            Group::Search,
            &[
                "trials",
                "lr_min",
                "lr_max",
                "wd_min",
                "wd_max",
                "halving",
                "eta",
                "min_epochs",
                "k",
            ],
        ),
        (Group::Run, &["epochs", "workers", "seed"]),
        (Group::Figure, &["panel"]),
    ] {
        for name in names {
            assert_eq!(spec(name).group, group, "{name}");
        }
    }
    for name in ["eta", "min_epochs"] {
        assert_eq!(spec(name).when, When::On { param: "halving" }, "{name}");
    }
    let max = |name: &str| match spec(name).kind {
        ParamKind::Int { max, .. } => max as usize,
        k => panic!("{name}: {k:?}"),
    };
    assert_eq!(
        (max("trials"), max("epochs"), max("min_epochs"), max("samples")),
        (MAX_TRIALS, MAX_EPOCHS, MAX_EPOCHS, MAX_SAMPLES)
    );
    let mut v = Mounted::new("tuning").unwrap();
    assert!(!v.params().relevant("eta"));
    v.set("halving=1");
    assert!(v.params().relevant("eta") && v.params().relevant("min_epochs"));
}

#[test]
fn a_search_set_aside_by_toggling_halving_gets_its_workers_jobs_back() {
    // Full search done in the page; halving on, a worker claims a job; halving off brings the full
    // search back; halving on again: the job the worker never returned is handed out again (it
    // was stuck as claimed before), and the search finishes with workers.
    let q = "trials=4&epochs=2&samples=100&layers=1&units=8&batch=20&lr_min=-2&lr_max=0&seed=3&eta=2&min_epochs=1";
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set(q).is_empty());
    while v.advance(100).is_some_and(|p| !p.finished()) {}
    v.set("halving=1");
    v.command("workers", "1").unwrap();
    let (_, _, lost) = claimed(&v.command("claim", "").unwrap());
    v.set("halving=0");
    assert_eq!(v.data()["compare"]["halving"]["done"], false);
    v.set("halving=1");
    let d = digits().unwrap();
    let mut first = None;
    loop {
        let claim = v.command("claim", "").unwrap();
        if claim["run"].is_null() {
            break;
        }
        let (run, config, job) = claimed(&claim);
        first.get_or_insert(job);
        let result = TrialRun::run_job(&config, &config.data(&d).unwrap(), &job).unwrap();
        let msg = serde_json::json!({"run": run, "result": result}).to_string();
        assert_eq!(v.command("result", &msg).unwrap()["accepted"], true);
    }
    assert_eq!(first, Some(lost));
    assert!(v.advance(0).unwrap().finished());
    assert_eq!(v.data()["round_done"], true);
}

#[test]
fn the_korean_text_with_successive_halving_names_eta_by_its_letter() {
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set("halving=1").is_empty());
    let ko = v.describe(trainlab::chart::Lang::Ko);
    assert!(ko.contains("연속 절반 줄이기(η 3)") && !ko.contains("eta"), "{ko}");
}

#[test]
fn the_text_alternative_and_the_code_read_small_rates_and_the_trial_count() {
    let mut v = Mounted::new("tuning").unwrap();
    let en = v.describe(trainlab::chart::Lang::En);
    assert!(
        en.contains("from 10⁻⁶ to 10⁻²") && en.contains("from 10⁻⁸ to 10⁻⁴"),
        "{en}"
    );
    let code = v.data()["code"].clone();
    let optuna = code["optuna"].as_str().unwrap();
    assert!(
        optuna.contains("suggest_float(\"lr\", 1e-6, 0.01, log=True)"),
        "{optuna}"
    );
    assert!(optuna.contains("n_trials=100)"), "{optuna}");
    assert!(code["ray_tune"].as_str().unwrap().contains("num_samples=100)"));
    // an end that is not a whole decade: no float noise in the code
    assert!(v.set("lr_min=-3&lr_max=-2.5&trials=30").is_empty());
    let optuna = v.data()["code"]["optuna"].as_str().unwrap().to_string();
    assert!(
        optuna.contains("suggest_float(\"lr\", 0.001, 0.00316227766017, log=True)"),
        "{optuna}"
    );
    assert!(optuna.contains("n_trials=30)"));
}

#[test]
fn four_main_controls_at_the_defaults_and_sliders_that_move_through_decades() {
    use trainlab::app::params::Slider;
    let e = entry("tuning").unwrap();
    let main: Vec<&str> = e.params.iter().filter(|p| p.main).map(|p| p.name).collect();
    assert_eq!(main, ["panel", "trials", "epochs", "halving", "eta", "min_epochs"]);
    // halving's two settings only show with it: four main controls at the defaults
    let v = Mounted::new("tuning").unwrap();
    let shown: Vec<&str> = main.iter().copied().filter(|n| v.params().relevant(n)).collect();
    assert_eq!(shown, ["panel", "trials", "epochs", "halving"]);
    let slider = |name: &str| e.params.iter().find(|p| p.name == name).unwrap().slider;
    for name in ["trials", "epochs", "samples", "min_epochs"] {
        assert_eq!(slider(name), Slider::Log, "{name}: a count over decades");
    }
    for name in ["batch", "units"] {
        assert_eq!(slider(name), Slider::Pow2, "{name}");
    }
}
