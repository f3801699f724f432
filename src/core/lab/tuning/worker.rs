//! What a Web Worker does for a search: it keeps the digits and the data split of the last search
//! it ran for ([`JobRunner`]), trains the job it is given from the trial's seed, and answers with
//! a [`JobReport`] (the settings, the job and the curves), once per epoch for the live view and
//! once at the end. The page hands the report to the search, which checks it like any input.
use super::config::{TuningConfig, TuningData};
use super::error::TuningError;
use super::run::TrialRun;
use super::trial::{Job, TrialResult};
use crate::core::data::Dataset;
use serde::{Deserialize, Serialize};

/// The longest report the search reads (a full trial of [`super::MAX_EPOCHS`] epochs is about
/// 20 kB of JSON).
pub const MAX_REPORT_BYTES: usize = 1 << 20;

/// A worker's answer for a job, as the search reads it back: the search's settings (so a report
/// for another search is recognised as stale), the job, and its result or its curves so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobReport {
    /// The settings of the search the job came from.
    pub config: TuningConfig,
    /// The job.
    pub job: Job,
    /// The curves.
    pub result: TrialResult,
}

/// The same report, borrowed, as a worker writes it (once per epoch, without copies).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct JobReportRef<'a> {
    /// See [`JobReport::config`].
    pub config: &'a TuningConfig,
    /// See [`JobReport::job`].
    pub job: &'a Job,
    /// See [`JobReport::result`].
    pub result: &'a TrialResult,
}

/// A worker's state between jobs.
pub struct JobRunner {
    digits: Dataset,
    /// The split of the last search, recomputed only when the data settings change.
    cached: Option<(TuningConfig, TuningData)>,
}

impl JobRunner {
    /// A runner on `digits`.
    pub fn new(digits: Dataset) -> JobRunner {
        JobRunner { digits, cached: None }
    }

    fn data(&mut self, config: &TuningConfig) -> Result<&TuningData, TuningError> {
        if !self.cached.as_ref().is_some_and(|(c, _)| c.same_data(config)) {
            let data = config.data(&self.digits)?;
            self.cached = Some((config.clone(), data));
        }
        Ok(&self.cached.as_ref().expect("set above").1)
    }

    /// Trains `job` of the search with `config` to the end, calling `on_epoch` with the report
    /// after every epoch but the last; returns the final one's result.
    pub fn run(
        &mut self,
        config: &TuningConfig,
        job: &Job,
        on_epoch: &mut dyn FnMut(JobReportRef),
    ) -> Result<TrialResult, TuningError> {
        let data = self.data(config)?;
        let mut report = |result: &TrialResult| on_epoch(JobReportRef { config, job, result });
        TrialRun::run_job_reporting(config, data, job, &mut report)
    }
}
