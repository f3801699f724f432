//! `view=tuning`'s jobs on the run protocol (issue 14; [`crate::app::runs`]): a job (trial `t`
//! of round `r`, trained for `e` epochs) is the run `(tuning, params, seed, r x MAX_TRIALS + t)`
//! whose `params` are the search's settings with the round's ranges for `lr_min` .. `wd_max`,
//! `e` for `epochs` and halving off: the query of a one-rung search whose trial `t` of round `r`
//! is the job. Everything a worker needs is in the run, so any worker can take any job; the
//! view answers a report with [`job_of`] and checks it against the run it would hand out now.
use super::params::{config, PARAMS};
use crate::app::params::{format_float, Notice};
use crate::app::{assets, runs};
use crate::core::lab::runs::Run;
use crate::core::lab::tuning::{Job, TrialResult, TrialRun, TuningConfig, TuningError, MAX_TRIALS};

/// The run of `job` of a search with `config`.
pub fn run_of(config: &TuningConfig, job: &Job) -> Run {
    let f = |v: f64| format_float(v);
    let params = format!(
        "samples={}&val={}&trials={}&epochs={}&batch={}&layers={}&units={}&lr_min={}&lr_max={}&wd_min={}&wd_max={}&halving=0",
        config.samples,
        f(config.val_fraction),
        config.trials,
        job.epochs,
        config.batch,
        config.hidden.len(),
        config.hidden.first().copied().unwrap_or(1),
        f(job.lr[0]),
        f(job.lr[1]),
        f(job.weight_decay[0]),
        f(job.weight_decay[1]),
    );
    Run {
        view: super::ENTRY.id.to_string(),
        params,
        seed: config.seed,
        index: job.round * MAX_TRIALS + job.trial,
    }
}

/// The settings and the job of `run`: the settings train exactly the job's trial (the data
/// split, the network and the seeds of the search it came from).
pub fn job_of(run: &Run) -> Result<(TuningConfig, Job), Notice> {
    let config = config(&runs::settings(run, PARAMS)?);
    let job = Job {
        round: run.index / MAX_TRIALS,
        trial: run.index % MAX_TRIALS,
        epochs: config.epochs,
        lr: config.lr,
        weight_decay: config.weight_decay,
    };
    Ok((config, job))
}

/// What a worker does with `run`: trains the job's trial from its seed and returns the report
/// text of its curves; `on_partial` gets the report of the curves so far after every epoch but
/// the last.
pub fn compute(run: &Run, on_partial: &mut dyn FnMut(&str)) -> Result<String, Notice> {
    let (config, job) = job_of(run)?;
    let refused = |e: TuningError| Notice::rejected("run", e.to_string());
    let data = config.data(assets::digits("run")?).map_err(refused)?;
    let mut report = |r: &TrialResult| on_partial(&runs::write(run, r));
    let result = TrialRun::run_job_reporting(&config, &data, &job, &mut report).map_err(refused)?;
    Ok(runs::write(run, &result))
}
