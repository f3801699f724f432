//! DLFS's `batch_norm_test.py` (chapter 6.3, seed 004): for 16 initial weight scales
//! `logspace(0, -4, 16)` (`10^(-4 i / 15)`, i = 0..15), a 5-hidden-layer ReLU network is trained
//! with and without batch norm on the same mini-batches, and the training accuracy is recorded
//! at the start and after every epoch. Batch norm makes training work over a much wider range of
//! initial scales: without it, large scales explode and small ones leave the signal vanishing.
//!
//! DLFS: 1,000 MNIST images, 784 -> 100 x 5 -> 10, SGD lr 0.01, batches of 100, 20 epochs. Here
//! the 8 x 8 digits stand in for MNIST (64 inputs): `samples` rows drawn with the seed (default
//! 1,000, as DLFS), the rest as DLFS. Both networks of a scale get the same weights (the same
//! seed draws `W` identically; gamma and beta are not drawn) and the same shuffles. Accuracy is
//! measured on the training rows in test-time mode (running statistics), as DLFS's `accuracy`.
//!
//! The 2 x 16 runs are independent: Web Workers compute them through the run protocol
//! ([`super::runs`]; a worker runs [`GridRun::run_to_end`]), or without workers the page trains
//! them one optimizer step at a time ([`BnGrid::advance`]); a run's trainer exists only while it
//! trains, so the page holds one network at a time. Both give the same accuracies.
pub use super::bn_grid_run::{
    weight_scales, BnGridConfig, GridRun, GridSeries, MAX_BATCH_SIZE, MAX_GRID_EPOCHS, MAX_SAMPLES, MAX_SCALES,
    MIN_SAMPLES,
};
use super::bn_study::BnError;
use super::runs::{RunQueue, RunState};
use crate::core::data::Dataset;
use crate::core::math::rng::seeded;
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Output, TrainData};
use serde::{Deserialize, Serialize};

/// One weight scale's two runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    /// Standard deviation of the initial weights.
    pub scale: f64,
    /// Training accuracy without batch norm: at the start, then after each epoch (shorter if
    /// the run diverged or is not finished).
    pub plain: Vec<f64>,
    /// The same with batch norm.
    pub batch_norm: Vec<f64>,
}

impl GridCell {
    /// The latest training accuracy (without, with batch norm; 0 before the first measurement).
    pub fn final_accuracy(&self) -> (f64, f64) {
        let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
        (last(&self.plain), last(&self.batch_norm))
    }
}

/// The grid in progress: its runs (run `r`: scale `r / 2`, batch norm when `r` is odd) go to Web
/// Workers through the run protocol ([`super::runs`]: [`BnGrid::claim`], [`BnGrid::partial`],
/// [`BnGrid::accept`]) or are trained here a step at a time ([`BnGrid::advance`]); both give the
/// same accuracies ([`GridRun`] computes either way).
#[derive(Debug)]
pub struct BnGrid {
    /// Its settings.
    pub config: BnGridConfig,
    /// One cell per scale, largest scale first.
    pub cells: Vec<GridCell>,
    train: TrainData<f32>,
    active: Option<GridRun>,
    queue: RunQueue,
    steps_per_epoch: usize,
}

impl BnGridConfig {
    /// Checks the settings and picks the rows (no training yet: cheap).
    pub fn start(&self, digits: &Dataset) -> Result<BnGrid, BnError> {
        self.validate(digits.rows())?;
        let mut idx: Vec<usize> = (0..digits.rows()).collect();
        shuffle(&mut idx, &mut seeded(self.seed));
        let train = digits
            .subset(&idx[..self.samples])
            .train_data::<f32>(Output::SoftmaxCrossEntropy, 10);
        Ok(BnGrid {
            config: *self,
            cells: weight_scales(self.scales)
                .into_iter()
                .map(|scale| GridCell {
                    scale,
                    plain: Vec::new(),
                    batch_norm: Vec::new(),
                })
                .collect(),
            train,
            active: None,
            queue: RunQueue::new(2 * self.scales),
            steps_per_epoch: self.samples.div_ceil(self.batch_size.min(self.samples)),
        })
    }

    /// Run `index` of the grid on `digits` from start to end (a worker's job); `on_epoch` gets the series after
    /// every epoch but the last.
    pub fn run_to_end(
        &self,
        digits: &Dataset,
        index: usize,
        on_epoch: &mut dyn FnMut(&GridSeries),
    ) -> Result<GridSeries, BnError> {
        let (config, grid) = (self, self.start(digits)?);
        if index >= 2 * config.scales {
            return Err(BnError::setting(
                "index",
                index as f64,
                format!("0..{}", 2 * config.scales),
            ));
        }
        let mut run = GridRun::new(config, grid.train(), index);
        while !run.series().done {
            if run.step(grid.train()).1 && !run.series().done {
                on_epoch(run.series());
            }
        }
        Ok(run.series().clone())
    }
}

impl BnGrid {
    /// Steps of one run.
    pub fn steps_per_run(&self) -> usize {
        self.steps_per_epoch * self.config.epochs
    }

    /// Units done: the steps of the finished runs, of the run trained here and of the epochs a
    /// worker has reported.
    pub fn done_units(&self) -> usize {
        let per_run = self.steps_per_run();
        (0..self.queue.len())
            .map(|r| match self.queue.state(r) {
                Some(RunState::Done) => per_run,
                Some(RunState::InPage) => self.active.as_ref().map_or(0, GridRun::steps),
                Some(RunState::Claimed) => {
                    let n = self.series_of(r).len().saturating_sub(1);
                    (n * self.steps_per_epoch).min(per_run)
                }
                _ => 0,
            })
            .sum()
    }

    /// Units in the whole job: one per optimizer step of every run.
    pub fn total_units(&self) -> usize {
        2 * self.cells.len() * self.steps_per_run()
    }

    /// (units done, units in the whole job).
    pub fn progress(&self) -> (usize, usize) {
        (self.done_units(), self.total_units())
    }

    /// The training rows.
    pub fn train(&self) -> &TrainData<f32> {
        &self.train
    }

    /// Runs in the grid.
    pub fn runs(&self) -> usize {
        self.queue.len()
    }

    /// Runs done.
    pub fn done_runs(&self) -> usize {
        self.queue.done()
    }

    /// Cells where the run with batch norm ends with a higher training accuracy so far.
    pub fn batch_norm_wins(&self) -> usize {
        self.cells
            .iter()
            .filter(|c| {
                let (plain, bn) = c.final_accuracy();
                bn > plain
            })
            .count()
    }

    /// Workers compute the runs (`true`) or the page does; the runs out on the other side start
    /// again (their accuracies so far are cleared).
    pub fn set_external(&mut self, external: bool) {
        if external != self.queue.external() {
            self.active = None;
            self.queue.set_external(external);
            self.clear_unfinished();
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
        self.queue.release();
        self.clear_unfinished();
    }

    fn clear_unfinished(&mut self) {
        for r in 0..self.queue.len() {
            if matches!(self.queue.state(r), Some(RunState::Waiting)) {
                self.series_mut(r).clear();
            }
        }
    }

    fn check(&self, s: &GridSeries, index: usize, partial: bool) -> Result<(), BnError> {
        let bad = |d: String| Err(BnError::Data(d));
        let n = s.accuracy.len();
        if s.index != index || index >= self.queue.len() {
            return bad(format!("series of run {} is not run {index}", s.index));
        }
        if n == 0 || n > self.config.epochs + 1 || !s.accuracy.iter().all(|a| (0.0..=1.0).contains(a)) {
            return bad(format!("{n} accuracies, or one outside [0, 1]"));
        }
        if s.done == partial {
            return bad(format!(
                "a {} report marked done = {}",
                if partial { "partial" } else { "final" },
                s.done
            ));
        }
        Ok(())
    }

    /// Takes in run `index`'s series computed elsewhere. `Ok(false)`: not awaited (done already),
    /// ignored. `Err`: it does not fit the run.
    pub fn accept(&mut self, index: usize, s: GridSeries) -> Result<bool, BnError> {
        if index >= self.queue.len() || self.queue.state(index) == Some(RunState::Done) {
            return Ok(false);
        }
        self.check(&s, index, false)?;
        if self.active.as_ref().is_some_and(|a| a.series().index == index) {
            self.active = None;
        }
        self.queue.finish(index);
        *self.series_mut(index) = s.accuracy;
        Ok(true)
    }

    /// Takes in the series so far of a claimed run (drawn live). `Ok(false)`: stale, ignored.
    pub fn partial(&mut self, index: usize, s: GridSeries) -> Result<bool, BnError> {
        if !self.queue.is_claimed(index) {
            return Ok(false);
        }
        self.check(&s, index, true)?;
        *self.series_mut(index) = s.accuracy;
        Ok(true)
    }

    /// Does optimizer steps within a budget of `max_units` (none while workers compute): a step
    /// costs 1, a step followed by an accuracy pass over the training rows costs as many steps
    /// as the pass is worth (`samples / batch_size`), so a call takes about the same time
    /// wherever it falls. Always does at least one step when `max_units > 0` and a run waits.
    /// Returns (done, total).
    pub fn advance(&mut self, max_units: usize) -> (usize, usize) {
        let mut spent = 0;
        while spent < max_units {
            if self.active.is_none() {
                let Some(r) = self.queue.take() else { break };
                let run = GridRun::new(&self.config, &self.train, r);
                spent += self.steps_per_epoch;
                *self.series_mut(r) = run.series().accuracy.clone();
                self.active = Some(run);
            }
            let run = self.active.as_mut().expect("set above");
            let (cost, epoch) = run.step(&self.train);
            spent += cost;
            let (r, done) = (run.series().index, run.series().done);
            if epoch {
                let acc = run.series().accuracy.clone();
                *self.series_mut(r) = acc;
            }
            if done {
                self.active = None;
                self.queue.finish(r);
            }
        }
        self.progress()
    }

    fn series_of(&self, r: usize) -> &[f64] {
        let c = &self.cells[r / 2];
        if r % 2 == 1 {
            &c.batch_norm
        } else {
            &c.plain
        }
    }

    fn series_mut(&mut self, r: usize) -> &mut Vec<f64> {
        let c = &mut self.cells[r / 2];
        if r % 2 == 1 {
            &mut c.batch_norm
        } else {
            &mut c.plain
        }
    }
}
