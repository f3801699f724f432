//! The batch-norm / layer-norm study over batch sizes ([`NormBatchStudy`]): the sixteen runs of
//! [`super::norm_batch`], computed in the page a few steps per call ([`NormBatchStudy::work`]) or
//! by Web Workers through the run protocol ([`super::runs`]): the page claims runs, a worker
//! computes each with [`NormRun::run_to_end`] and the page takes in its curves so far
//! ([`NormBatchStudy::partial`]) and its result ([`NormBatchStudy::accept`]). The shape of
//! [`super::learning::LearningStudy`].
use super::norm_batch::{split, NormBatchConfig, NormBatchError, NormCurve, NormRun, RUNS};
use super::runs::RunQueue;
use crate::core::data::Dataset;
use crate::core::nn::TrainData;

/// The most progress units (rows trained) one in-page call does, whatever the page asks.
pub const MAX_CALL_UNITS: usize = 4000;

/// The study in progress.
pub struct NormBatchStudy {
    /// The settings.
    pub config: NormBatchConfig,
    train: TrainData<f32>,
    test: TrainData<f32>,
    queue: RunQueue,
    done: Vec<Option<NormCurve>>,
    partials: Vec<Option<NormCurve>>,
    current: Option<NormRun>,
}

impl NormBatchStudy {
    /// Checks the settings and splits the digits (nothing trained yet).
    pub fn new(config: NormBatchConfig, digits: &Dataset) -> Result<NormBatchStudy, NormBatchError> {
        config.validate(digits.rows())?;
        let (train, test) = split(&config, digits);
        Ok(NormBatchStudy {
            config,
            train,
            test,
            queue: RunQueue::new(RUNS),
            done: vec![None; RUNS],
            partials: vec![None; RUNS],
            current: None,
        })
    }

    /// Test rows.
    pub fn test_rows(&self) -> usize {
        self.test.rows
    }

    /// Workers compute the runs (`true`) or the page does; runs out on the other side start again.
    pub fn set_external(&mut self, external: bool) {
        if external != self.queue.external() {
            self.current = None;
            self.partials = vec![None; RUNS];
            self.queue.set_external(external);
        }
    }

    /// Whether workers compute the runs.
    pub fn external(&self) -> bool {
        self.queue.external()
    }

    /// Hands the next waiting run to a worker.
    pub fn claim(&mut self) -> Option<usize> {
        self.queue.claim()
    }

    /// Runs no one has started.
    pub fn pending(&self) -> usize {
        self.queue.pending()
    }

    /// Puts every claimed run back (their workers were stopped).
    pub fn release(&mut self) {
        self.partials = vec![None; RUNS];
        self.queue.release();
    }

    /// Takes in run `index`'s curve computed elsewhere. `Ok(false)`: not awaited, ignored.
    /// `Err`: it does not fit the run.
    pub fn accept(&mut self, index: usize, curve: NormCurve) -> Result<bool, NormBatchError> {
        if index >= RUNS || self.done[index].is_some() {
            return Ok(false);
        }
        curve.check(index, &self.config, false)?;
        if self.current.as_ref().is_some_and(|c| c.curve().index == index) {
            self.current = None;
        }
        self.queue.finish(index);
        self.partials[index] = None;
        self.done[index] = Some(curve);
        Ok(true)
    }

    /// Takes in the curve so far of a claimed run. `Ok(false)`: not out with a worker, ignored.
    pub fn partial(&mut self, index: usize, curve: NormCurve) -> Result<bool, NormBatchError> {
        if !self.queue.is_claimed(index) {
            return Ok(false);
        }
        curve.check(index, &self.config, true)?;
        self.partials[index] = Some(curve);
        Ok(true)
    }

    /// One in-page call: trains at most `max_units` (capped at [`MAX_CALL_UNITS`]) rows' worth
    /// unless workers compute; returns `(done, total)`.
    pub fn work(&mut self, max_units: usize) -> (usize, usize) {
        let mut left = if self.queue.external() {
            0
        } else {
            max_units.min(MAX_CALL_UNITS)
        };
        while left > 0 {
            if self.current.is_none() {
                let Some(i) = self.queue.take() else { break };
                match NormRun::new(&self.config, &self.train, &self.test, i) {
                    Ok(run) => self.current = Some(run),
                    Err(_) => break,
                }
            }
            let run = self.current.as_mut().expect("set above");
            left -= run.advance(&self.test, left).0.min(left);
            if run.finished() {
                let curve = self.current.take().expect("set above").into_curve();
                let i = curve.index;
                self.queue.finish(i);
                self.done[i] = Some(curve);
            }
        }
        self.progress()
    }

    /// `(done, total)` progress units: finished runs whole, runs in progress by their epochs.
    pub fn progress(&self) -> (usize, usize) {
        let total: usize = (0..RUNS).map(|i| self.config.run_units(i)).sum();
        let done: usize = (0..RUNS)
            .filter_map(|i| self.curve(i))
            .map(|c| c.units_done(&self.config))
            .sum();
        (done.min(total), total)
    }

    /// Run `index`'s curve: finished, or so far (in the page, or a worker's last report).
    pub fn curve(&self, index: usize) -> Option<&NormCurve> {
        if let Some(c) = self.done.get(index)?.as_ref() {
            return Some(c);
        }
        if let Some(run) = self.current.as_ref().filter(|r| r.curve().index == index) {
            return Some(run.curve());
        }
        self.partials.get(index)?.as_ref()
    }

    /// Whether run `index` is done.
    pub fn is_done(&self, index: usize) -> bool {
        self.done.get(index).is_some_and(Option::is_some)
    }

    /// Runs done.
    pub fn done_runs(&self) -> usize {
        self.done.iter().filter(|c| c.is_some()).count()
    }
}
