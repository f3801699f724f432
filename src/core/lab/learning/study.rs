//! The learning-curve study ([`LearningStudy`]): the seven runs of [`super::config`] on the
//! digits, computed in the page a few iterations per call ([`LearningStudy::work`]) or by Web
//! Workers through the run protocol ([`crate::core::lab::runs`]): the page claims runs
//! ([`LearningStudy::claim`]), a worker computes each with [`LearningRun::run_to_end`], and the
//! page hands back its partial curves ([`LearningStudy::partial`], drawn live) and its result
//! ([`LearningStudy::accept`]). Only the runs of the comparisons shown are computed.
use super::config::{Compare, LearningConfig, LearningError, RunKind, CLASSES, RUNS};
use super::run::{Curve, LearningRun};
use crate::core::data::Dataset;
use crate::core::lab::runs::{RunQueue, RunState};
use crate::core::nn::{Output, TrainData};

/// The most multiply-adds one in-page call plans (about 10-20 ms of wasm), whatever budget the
/// page asks for.
pub const MAX_CALL_WORK: f64 = 3e7;

/// The rows every run trains on: every digit, one-hot over the ten classes.
pub fn rows(digits: &Dataset) -> TrainData<f32> {
    digits.train_data::<f32>(Output::SoftmaxCrossEntropy, CLASSES)
}

/// The study in progress.
pub struct LearningStudy {
    /// The settings.
    pub config: LearningConfig,
    /// The comparisons computed and shown.
    pub compare: Compare,
    data: TrainData<f32>,
    queue: RunQueue,
    /// Finished curves by run index.
    done: Vec<Option<Curve>>,
    /// Curves so far of the runs workers compute (display only).
    partials: Vec<Option<Curve>>,
    /// The run computed in the page.
    current: Option<LearningRun>,
}

impl LearningStudy {
    /// Checks the settings and prepares the runs on every digit (nothing trained yet).
    pub fn new(config: LearningConfig, compare: Compare, digits: &Dataset) -> Result<LearningStudy, LearningError> {
        config.validate(digits.rows())?;
        let data = rows(digits);
        Ok(LearningStudy {
            config,
            compare,
            data,
            queue: RunQueue::new(RUNS),
            done: vec![None; RUNS],
            partials: vec![None; RUNS],
            current: None,
        })
    }

    /// Iterations one in-page call plans: [`MAX_CALL_WORK`] over the costliest iteration of
    /// the runs shown.
    fn units_per_call(&self) -> usize {
        let inputs = self.data.x.len() / self.data.rows.max(1);
        let work = RunKind::all()
            .filter(|&k| self.compare.includes(k))
            .map(|k| self.config.iteration_work_of(k, inputs, self.data.rows))
            .fold(1.0, f64::max);
        ((MAX_CALL_WORK / work) as usize).max(1)
    }

    /// The training rows (every digit).
    pub fn data(&self) -> &TrainData<f32> {
        &self.data
    }

    fn wanted(&self, index: usize) -> bool {
        RunKind::of(index).is_some_and(|k| self.compare.includes(k))
    }

    /// Shows (and computes) other comparisons, keeping every curve already computed.
    pub fn set_compare(&mut self, compare: Compare) {
        self.compare = compare;
        if let Some(run) = &self.current {
            if !self.wanted(run.curve().index) {
                self.drop_current();
            }
        }
    }

    fn drop_current(&mut self) {
        if let Some(run) = self.current.take() {
            self.queue.put_back(run.curve().index);
        }
    }

    /// Workers compute the runs (`true`) or the page does; the runs out on the other side start
    /// again.
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

    /// Hands the next run shown to a worker.
    pub fn claim(&mut self) -> Option<usize> {
        let wanted: Vec<bool> = (0..RUNS).map(|i| self.wanted(i)).collect();
        self.queue.claim_where(|i| wanted[i])
    }

    /// Runs shown that no one has started.
    pub fn pending(&self) -> usize {
        (0..RUNS)
            .filter(|&i| self.wanted(i) && self.queue.state(i) == Some(RunState::Waiting))
            .count()
    }

    /// Puts every claimed run back (their workers were stopped).
    pub fn release(&mut self) {
        self.partials = vec![None; RUNS];
        self.queue.release();
    }

    /// Takes in run `index`'s curve computed elsewhere. `Ok(false)`: not awaited (done already,
    /// or no such run), ignored. `Err`: it does not fit the run.
    pub fn accept(&mut self, index: usize, curve: Curve) -> Result<bool, LearningError> {
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

    /// Takes in the curve so far of a claimed run, for the live view. `Ok(false)`: the run is
    /// not out with a worker (stale), ignored.
    pub fn partial(&mut self, index: usize, curve: Curve) -> Result<bool, LearningError> {
        if !self.queue.is_claimed(index) {
            return Ok(false);
        }
        curve.check(index, &self.config, true)?;
        self.partials[index] = Some(curve);
        Ok(true)
    }

    /// Trains in this thread for at most `budget` iterations (none while workers compute).
    pub fn advance(&mut self, budget: usize) -> Result<(), LearningError> {
        let mut left = budget;
        while left > 0 {
            if self.current.is_none() {
                let wanted: Vec<bool> = (0..RUNS).map(|i| self.wanted(i)).collect();
                let Some(i) = self.queue.take_where(|i| wanted[i]) else {
                    return Ok(());
                };
                self.current = Some(LearningRun::new(&self.config, &self.data, i)?);
            }
            let run = self.current.as_mut().expect("set above");
            left -= run.advance(&self.data, left).min(left);
            if run.finished() {
                let curve = self.current.take().expect("set above").into_curve();
                let i = curve.index;
                self.queue.finish(i);
                self.done[i] = Some(curve);
            }
        }
        Ok(())
    }

    /// One in-page call with the page's budget `max_units`: trains at most the capped number of
    /// iterations unless workers compute; returns `(done, total)` as [`LearningStudy::progress`].
    pub fn work(&mut self, max_units: usize) -> (usize, usize) {
        let budget = if self.queue.external() {
            0
        } else {
            max_units.min(self.units_per_call())
        };
        if budget > 0 && self.advance(budget).is_err() {
            let (_, total) = self.progress();
            return (total, total);
        }
        self.progress()
    }

    /// `(done, total)` iterations of the runs shown: finished runs count whole, runs in
    /// progress (in the page or a worker's last partial curve) as far as they are.
    pub fn progress(&self) -> (usize, usize) {
        let mut total = 0;
        let mut done = 0;
        for (i, kind) in (0..RUNS).filter_map(|i| Some((i, RunKind::of(i)?))) {
            if !self.compare.includes(kind) {
                continue;
            }
            let n = self.config.iterations_of(kind);
            total += n;
            if let Some(c) = self.curve(i) {
                done += c.iterations_done(n);
            }
        }
        (done.min(total), total)
    }

    /// Whether every run shown is done.
    pub fn finished(&self) -> bool {
        (0..RUNS).filter(|&i| self.wanted(i)).all(|i| self.done[i].is_some())
    }

    /// Run `index`'s curve: finished, or so far (in the page, or a worker's last report).
    pub fn curve(&self, index: usize) -> Option<&Curve> {
        if let Some(c) = self.done.get(index)?.as_ref() {
            return Some(c);
        }
        if let Some(run) = self.current.as_ref().filter(|r| r.curve().index == index) {
            return Some(run.curve());
        }
        self.partials.get(index)?.as_ref()
    }

    /// Whether run `index`'s curve is complete.
    pub fn is_done(&self, index: usize) -> bool {
        self.done.get(index).is_some_and(Option::is_some)
    }
}
