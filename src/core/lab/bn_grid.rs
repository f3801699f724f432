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
//! Work is one optimizer step at a time ([`BnGrid::advance`]); a run's trainer exists only while
//! it trains, so the grid holds one network at a time.
use super::bn_study::BnError;
use crate::core::data::Dataset;
use crate::core::math::rng::seeded;
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, Status, TrainConfig, TrainData, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};

/// Fewest training rows: 100 (a mini-batch).
pub const MIN_SAMPLES: usize = 100;
/// Most training rows: 1,797, every embedded digit.
pub const MAX_SAMPLES: usize = 1797;
/// Most epochs per run: 20 (DLFS).
pub const MAX_GRID_EPOCHS: usize = 20;
/// Most weight scales: 16 (DLFS's `logspace(0, -4, 16)`).
pub const MAX_SCALES: usize = 16;
/// Most rows per mini-batch: 1,000.
pub const MAX_BATCH_SIZE: usize = 1000;

/// Settings of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BnGridConfig {
    /// Training rows, [`MIN_SAMPLES`]..=[`MAX_SAMPLES`] (and at most the data's rows). Default
    /// 1,000 (DLFS).
    pub samples: usize,
    /// Epochs, 1..=[`MAX_GRID_EPOCHS`]. Default 20 (DLFS).
    pub epochs: usize,
    /// Number of weight scales, 1..=[`MAX_SCALES`], from 1 down to 1e-4 on a log scale. Default
    /// 16 (DLFS).
    pub scales: usize,
    /// Rows per mini-batch, 1..=[`MAX_BATCH_SIZE`]. Default 100 (DLFS).
    pub batch_size: usize,
    /// SGD learning rate. Default 0.01 (DLFS).
    pub lr: f64,
    /// Seed of the rows, the weights and the shuffles. Default 1.
    pub seed: u64,
}

impl Default for BnGridConfig {
    fn default() -> Self {
        BnGridConfig {
            samples: 1000,
            epochs: 20,
            scales: 16,
            batch_size: 100,
            lr: 0.01,
            seed: 1,
        }
    }
}

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

/// The grid in progress.
#[derive(Debug)]
pub struct BnGrid {
    /// Its settings.
    pub config: BnGridConfig,
    /// One cell per scale, largest scale first.
    pub cells: Vec<GridCell>,
    train: TrainData<f32>,
    active: Option<Trainer<f32>>,
    /// Run index, 0..2 * scales: scale `r / 2`, batch norm when `r` is odd.
    run: usize,
    steps_per_epoch: usize,
    done: usize,
}

/// `logspace(0, -4, n)`: `10^(-4 i / (n - 1))` (just 1 for n = 1).
pub fn weight_scales(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| {
            if n == 1 {
                1.0
            } else {
                10f64.powf(-4.0 * i as f64 / (n - 1) as f64)
            }
        })
        .collect()
}

impl BnGridConfig {
    /// Checks the settings against data of `rows` rows; the error names the field at fault.
    pub fn validate(&self, rows: usize) -> Result<(), BnError> {
        let most = MAX_SAMPLES.min(rows);
        let checks = [
            ("samples", self.samples, MIN_SAMPLES, most),
            ("epochs", self.epochs, 1, MAX_GRID_EPOCHS),
            ("scales", self.scales, 1, MAX_SCALES),
            ("batch_size", self.batch_size, 1, MAX_BATCH_SIZE),
        ];
        for (field, value, lo, hi) in checks {
            if !(lo..=hi).contains(&value) {
                return Err(BnError::setting(field, value as f64, format!("{lo}..={hi}")));
            }
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(BnError::setting("lr", self.lr, "(0, inf)"));
        }
        Ok(())
    }

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
            run: 0,
            steps_per_epoch: self.samples.div_ceil(self.batch_size.min(self.samples)),
            done: 0,
        })
    }
}

impl BnGrid {
    /// Steps of one run.
    pub fn steps_per_run(&self) -> usize {
        self.steps_per_epoch * self.config.epochs
    }

    /// Units done.
    pub fn done_units(&self) -> usize {
        self.done
    }

    /// Units in the whole job: one per optimizer step of every run.
    pub fn total_units(&self) -> usize {
        2 * self.cells.len() * self.steps_per_run()
    }

    /// (units done, units in the whole job).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total_units())
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

    /// Does optimizer steps within a budget of `max_units`: a step costs 1, a step followed by
    /// an accuracy pass over the training rows costs as many steps as the pass is worth
    /// (`samples / batch_size`), so a call takes about the same time wherever it falls. Always
    /// does at least one step when `max_units > 0`. Returns (done, total).
    pub fn advance(&mut self, max_units: usize) -> (usize, usize) {
        let total = self.total_units();
        let mut spent = 0;
        while spent < max_units && self.done < total {
            spent += self.unit();
        }
        (self.done, total)
    }

    /// One step (and any accuracy pass it ends with); returns its cost in step equivalents.
    fn unit(&mut self) -> usize {
        let mut cost = 1;
        let (cell, bn) = (self.run / 2, self.run % 2 == 1);
        if self.active.is_none() {
            let net = NetworkConfig {
                inputs: 64,
                hidden: vec![100; 5],
                outputs: 10,
                activation: Activation::Relu,
                output: Output::SoftmaxCrossEntropy,
                init: Init::Normal(self.cells[cell].scale),
                batch_norm: bn,
                ..NetworkConfig::default()
            }
            .validate(&mut seeded(self.config.seed))
            .expect("a valid fixed architecture");
            let tc = TrainConfig {
                batch_size: self.config.batch_size,
                optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, self.config.lr),
                seed: self.config.seed,
                ..TrainConfig::default()
            };
            let mut tr = Trainer::new(net, tc, self.train.clone(), None).expect("shapes checked in start");
            cost += self.steps_per_epoch;
            let acc = accuracy(&mut tr, &self.train);
            self.series(cell, bn).push(acc);
            self.active = Some(tr);
        }
        let tr = self.active.as_mut().expect("created above");
        tr.step();
        let steps = tr.steps() as usize;
        let stopped = tr.status() != Status::Running;
        if steps % self.steps_per_epoch == 0 && !stopped {
            cost += self.steps_per_epoch;
            let acc = accuracy(tr, &self.train);
            self.series(cell, bn).push(acc);
        }
        self.done += 1;
        if steps >= self.steps_per_run() || stopped {
            // A diverged run skips its remaining steps (they count as done).
            self.done = (self.run + 1) * self.steps_per_run();
            self.active = None;
            self.run += 1;
        }
        cost
    }

    fn series(&mut self, cell: usize, bn: bool) -> &mut Vec<f64> {
        let c = &mut self.cells[cell];
        if bn {
            &mut c.batch_norm
        } else {
            &mut c.plain
        }
    }
}

fn accuracy(tr: &mut Trainer<f32>, data: &TrainData<f32>) -> f64 {
    tr.evaluate(data).ok().and_then(|r| r.1).unwrap_or(0.0)
}
