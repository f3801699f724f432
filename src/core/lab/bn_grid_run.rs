//! One run of DLFS's batch-norm grid ([`super::bn_grid`]): the 5 x 100 ReLU network with initial
//! weights of one scale, with or without batch norm, trained by SGD on the grid's rows, its
//! training accuracy (test-time mode) measured at the start and after every epoch; and the grid's
//! settings. The same code runs in the page ([`super::bn_grid::BnGrid::advance`]) and in a Web
//! Worker ([`BnGridConfig::run_to_end`]), so both give the same accuracies.
use super::bn_study::BnError;
use crate::core::math::rng::seeded;
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
}

/// One run's result (or its result so far), as a worker reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GridSeries {
    /// The run: scale `index / 2`, batch norm when odd.
    pub index: usize,
    /// Training accuracy at the start and after each epoch (shorter if the run diverged).
    pub accuracy: Vec<f64>,
    /// Whether the run is over.
    pub done: bool,
}

/// One run of the grid in progress (the same code in the page and in a worker).
#[derive(Debug)]
pub struct GridRun {
    trainer: Trainer<f32>,
    series: GridSeries,
    steps_per_epoch: usize,
    steps_per_run: usize,
}

impl GridRun {
    /// Builds run `index` (scale `scales[index / 2]`, batch norm when odd) on `train` and
    /// measures its starting accuracy.
    pub fn new(config: &BnGridConfig, train: &TrainData<f32>, index: usize) -> GridRun {
        let scale = weight_scales(config.scales)[(index / 2).min(config.scales - 1)];
        let net = NetworkConfig {
            inputs: 64,
            hidden: vec![100; 5],
            outputs: 10,
            activation: Activation::Relu,
            output: Output::SoftmaxCrossEntropy,
            init: Init::Normal(scale),
            batch_norm: index % 2 == 1,
            ..NetworkConfig::default()
        }
        .validate(&mut seeded(config.seed))
        .expect("a valid fixed architecture");
        let tc = TrainConfig {
            batch_size: config.batch_size,
            optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, config.lr),
            seed: config.seed,
            ..TrainConfig::default()
        };
        let mut trainer = Trainer::new(net, tc, train.clone(), None).expect("shapes checked in start");
        let first = accuracy(&mut trainer, train);
        let steps_per_epoch = config.samples.div_ceil(config.batch_size.min(config.samples));
        GridRun {
            trainer,
            series: GridSeries {
                index,
                accuracy: vec![first],
                done: false,
            },
            steps_per_epoch,
            steps_per_run: steps_per_epoch * config.epochs,
        }
    }

    /// One step (and the accuracy pass an epoch ends with); returns its cost in step
    /// equivalents and whether an epoch ended.
    pub fn step(&mut self, train: &TrainData<f32>) -> (usize, bool) {
        let mut cost = 1;
        self.trainer.step();
        let steps = self.trainer.steps() as usize;
        let stopped = self.trainer.status() != Status::Running;
        let epoch = steps % self.steps_per_epoch == 0 && !stopped;
        if epoch {
            cost += self.steps_per_epoch;
            let acc = accuracy(&mut self.trainer, train);
            self.series.accuracy.push(acc);
        }
        // A diverged run skips its remaining steps (they count as done).
        self.series.done = steps >= self.steps_per_run || stopped;
        (cost, epoch)
    }

    /// Steps done (all of them once the run is over).
    pub fn steps(&self) -> usize {
        if self.series.done {
            self.steps_per_run
        } else {
            self.trainer.steps() as usize
        }
    }

    /// The series so far.
    pub fn series(&self) -> &GridSeries {
        &self.series
    }
}

fn accuracy(tr: &mut Trainer<f32>, data: &TrainData<f32>) -> f64 {
    tr.evaluate(data).ok().and_then(|r| r.1).unwrap_or(0.0)
}
