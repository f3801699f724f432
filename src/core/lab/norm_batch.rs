//! Batch norm against layer norm over mini-batch sizes 1..128 (seeds 003 and 004 on batch norm's
//! limits; Ioffe & Szegedy 2015; Ba, Kiros & Hinton 2016).
//!
//! For each batch size `b` in [`BATCH_SIZES`] the same network (64 -> 50 -> 50 -> 10, ReLU, He
//! weights drawn from the seed, softmax) is trained by plain SGD on the same digits with the same
//! shuffles, once with batch norm and once with layer norm before each hidden activation: 16
//! independent runs (run `r`: size `BATCH_SIZES[r / 2]`, layer norm when `r` is odd). Each run
//! records the test accuracy before training and after every epoch, in test-time mode (batch norm
//! with its running averages, layer norm as in training), and at the end the statistics of one
//! unit `u` of the first hidden layer's input `z = x W1[:, u]`:
//! * the population's mean and variance over the training rows (final weights);
//! * the batches of one epoch (the trainer's last shuffle, `b` rows each): the spread (standard
//!   deviation) of their means and the mean of their biased variances. A batch mean is a noisy
//!   estimate of the population's: for `b` rows drawn without replacement from `N`, its variance is
//!   `sigma^2 / b * (N - b) / (N - 1)`; a batch variance is biased low by `(b - 1) / b` and is 0
//!   at `b = 1`, where batch norm's `z_hat = 0` and its output is `beta` whatever the example;
//! * batch norm's running mean and variance (what it uses at test time);
//! * layer norm's per-example statistics: the mean and variance, over the layer's units, of each
//!   training example's normalised input, averaged over the examples (0 and 1 by construction,
//!   whatever the batch).
//!
//! A run is a pure function of (settings, digits, index) ([`NormRun`]), so Web Workers and the
//! page compute the same numbers; [`super::norm_batch_study`] hands the runs around.
use crate::core::data::Dataset;
use crate::core::math::rng::seeded;
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, Status, TrainConfig, TrainData, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};

/// The mini-batch sizes compared: 1, 2, 4, ..., 128.
pub const BATCH_SIZES: [usize; 8] = [1, 2, 4, 8, 16, 32, 64, 128];
/// Runs: one per (batch size, norm).
pub const RUNS: usize = 2 * BATCH_SIZES.len();
/// Units of each hidden layer: 50.
pub const HIDDEN_UNITS: usize = 50;
/// Most epochs: 20.
pub const MAX_EPOCHS: usize = 20;
/// Fewest training rows: 128 (the largest batch).
pub const MIN_SAMPLES: usize = 128;
/// Most training rows: 1,500 (the other 297 digits at least are the test rows).
pub const MAX_SAMPLES: usize = 1500;
/// What one optimizer step costs beyond its rows, in the progress units (rows trained).
pub const STEP_OVERHEAD: usize = 8;

/// Which normalisation a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Norm {
    /// Batch norm (statistics per unit over the batch).
    Batch,
    /// Layer norm (statistics per example over the layer's units).
    Layer,
}

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NormBatchConfig {
    /// Epochs, 1..=[`MAX_EPOCHS`]. Default 8.
    pub epochs: usize,
    /// Training rows, [`MIN_SAMPLES`]..=[`MAX_SAMPLES`]; the remaining digits are the test rows.
    /// Default 1,000.
    pub samples: usize,
    /// SGD learning rate (> 0, finite). Default 0.05.
    pub lr: f64,
    /// The probed unit of the first hidden layer, `0..HIDDEN_UNITS`. Default 0.
    pub unit: usize,
    /// Seed of the split, the weights and the shuffles. Default 1.
    pub seed: u64,
}

impl Default for NormBatchConfig {
    fn default() -> Self {
        NormBatchConfig {
            epochs: 8,
            samples: 1000,
            lr: 0.05,
            unit: 0,
            seed: 1,
        }
    }
}

/// A setting outside its range: the config field, its value and the valid range.
#[derive(Clone, Debug, PartialEq)]
pub struct NormBatchError {
    /// The config field (`epochs`, `samples`, `lr`, `unit`), or `index`/`result` for a run.
    pub field: &'static str,
    /// What is wrong.
    pub detail: String,
}

impl std::fmt::Display for NormBatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.detail)
    }
}

impl std::error::Error for NormBatchError {}

fn refuse(field: &'static str, detail: String) -> NormBatchError {
    NormBatchError { field, detail }
}

impl NormBatchConfig {
    /// Checks the settings against data of `rows` rows; the error names the field.
    pub fn validate(&self, rows: usize) -> Result<(), NormBatchError> {
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return Err(refuse("epochs", format!("{} not in 1..={MAX_EPOCHS}", self.epochs)));
        }
        let most = MAX_SAMPLES.min(rows.saturating_sub(1));
        if !(MIN_SAMPLES..=most).contains(&self.samples) {
            return Err(refuse(
                "samples",
                format!("{} not in {MIN_SAMPLES}..={most}", self.samples),
            ));
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(refuse("lr", format!("{} not in (0, inf)", self.lr)));
        }
        if self.unit >= HIDDEN_UNITS {
            return Err(refuse("unit", format!("{} not in 0..{HIDDEN_UNITS}", self.unit)));
        }
        Ok(())
    }

    /// The network of a run with `norm`.
    pub fn network(&self, norm: Norm) -> NetworkConfig {
        NetworkConfig {
            inputs: 64,
            hidden: vec![HIDDEN_UNITS; 2],
            outputs: 10,
            activation: Activation::Relu,
            output: Output::SoftmaxCrossEntropy,
            init: Init::He,
            batch_norm: norm == Norm::Batch,
            layer_norm: norm == Norm::Layer,
            ..NetworkConfig::default()
        }
    }

    /// Progress units of one run: the rows it trains on plus [`STEP_OVERHEAD`] per step.
    pub fn run_units(&self, index: usize) -> usize {
        let b = batch_size(index);
        self.epochs * (self.samples + STEP_OVERHEAD * self.samples.div_ceil(b))
    }
}

/// The batch size of run `index`.
pub fn batch_size(index: usize) -> usize {
    BATCH_SIZES[(index / 2).min(BATCH_SIZES.len() - 1)]
}

/// The norm of run `index`.
pub fn norm_of(index: usize) -> Norm {
    if index % 2 == 1 {
        Norm::Layer
    } else {
        Norm::Batch
    }
}

/// The training and test rows of the study: the digits shuffled with the seed, the first
/// `samples` for training and the rest for the test.
pub fn split(config: &NormBatchConfig, digits: &Dataset) -> (TrainData<f32>, TrainData<f32>) {
    let mut idx: Vec<usize> = (0..digits.rows()).collect();
    shuffle(&mut idx, &mut seeded(config.seed));
    let (train, test) = idx.split_at(config.samples.min(idx.len()));
    let data = |rows: &[usize]| digits.subset(rows).train_data::<f32>(Output::SoftmaxCrossEntropy, 10);
    (data(train), data(test))
}

/// The probed unit's statistics at the end of a run (see the module header).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitStats {
    /// Mean of `z = x W1[:, u]` over the training rows.
    pub pop_mean: f64,
    /// Its (biased) variance over the training rows.
    pub pop_var: f64,
    /// Standard deviation of the batch means over one epoch's batches.
    pub batch_mean_sd: f64,
    /// Mean of the batches' biased variances.
    pub batch_var_mean: f64,
    /// Batch norm's running mean of the unit (`None` for layer norm).
    pub running_mean: Option<f64>,
    /// Batch norm's running variance of the unit (`None` for layer norm).
    pub running_var: Option<f64>,
    /// Layer norm: mean over the examples of each example's mean of `x_hat` over the units.
    pub example_mean: Option<f64>,
    /// Layer norm: mean over the examples of each example's variance of `x_hat` over the units.
    pub example_var: Option<f64>,
}

/// A run's result (also its result so far, without `stats`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NormCurve {
    /// The run's index.
    pub index: usize,
    /// Rows per mini-batch.
    pub batch_size: usize,
    /// Batch or layer norm.
    pub norm: Norm,
    /// Test accuracy before training and after each epoch (test-time mode).
    pub accuracy: Vec<f64>,
    /// The step at which the run diverged, if it did (it stops there).
    pub diverged: Option<u64>,
    /// The probed unit's statistics (at the end only).
    pub stats: Option<UnitStats>,
}

impl NormCurve {
    /// Whether the curve fits run `index` of `config`: its index, size and norm, at most
    /// `epochs + 1` accuracies in [0, 1] (exactly that many when finished and not diverged), and
    /// the statistics exactly when finished.
    pub fn check(&self, index: usize, config: &NormBatchConfig, partial: bool) -> Result<(), NormBatchError> {
        let bad = |d: String| Err(refuse("result", d));
        if index >= RUNS || self.index != index || self.batch_size != batch_size(index) || self.norm != norm_of(index) {
            return bad(format!(
                "run {} ({}, {:?}) is not run {index}",
                self.index, self.batch_size, self.norm
            ));
        }
        let n = self.accuracy.len();
        if n > config.epochs + 1 || !self.accuracy.iter().all(|a| (0.0..=1.0).contains(a)) {
            return bad(format!("{n} accuracies, or one outside [0, 1]"));
        }
        if !partial && ((self.diverged.is_none() && n != config.epochs + 1) || self.stats.is_none()) {
            return bad(format!(
                "a finished run needs {} accuracies and its statistics",
                config.epochs + 1
            ));
        }
        Ok(())
    }

    /// Progress units this curve stands for (the epochs it has done).
    pub fn units_done(&self, config: &NormBatchConfig) -> usize {
        if self.stats.is_some() {
            return config.run_units(self.index);
        }
        let epochs = self.accuracy.len().saturating_sub(1);
        config.run_units(self.index) / config.epochs * epochs
    }
}

/// One run in progress.
pub struct NormRun {
    trainer: Trainer<f32>,
    curve: NormCurve,
    unit: usize,
    steps_per_epoch: u64,
    total_steps: u64,
}

impl NormRun {
    /// Prepares run `index` (`< RUNS`) on `train`, measuring its accuracy on `test` before any step.
    pub fn new(
        config: &NormBatchConfig,
        train: &TrainData<f32>,
        test: &TrainData<f32>,
        index: usize,
    ) -> Result<NormRun, NormBatchError> {
        if index >= RUNS {
            return Err(refuse("index", format!("{index} not in 0..{RUNS}")));
        }
        let (b, norm) = (batch_size(index), norm_of(index));
        let fail = |e: &dyn std::fmt::Display| refuse("samples", e.to_string());
        // The same seed draws the same W for both norms (gamma and beta are not drawn).
        let net = config
            .network(norm)
            .validate(&mut seeded(config.seed))
            .map_err(|e| fail(&e))?;
        let tc = TrainConfig {
            batch_size: b,
            optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, config.lr),
            seed: config.seed,
            ..TrainConfig::default()
        };
        let mut trainer = Trainer::new(net, tc, train.clone(), None).map_err(|e| fail(&e))?;
        let steps_per_epoch = train.rows.div_ceil(b) as u64;
        let first = accuracy(&mut trainer, test);
        Ok(NormRun {
            trainer,
            curve: NormCurve {
                index,
                batch_size: b,
                norm,
                accuracy: vec![first],
                diverged: None,
                stats: None,
            },
            unit: config.unit,
            steps_per_epoch,
            total_steps: steps_per_epoch * config.epochs as u64,
        })
    }

    /// The curve so far.
    pub fn curve(&self) -> &NormCurve {
        &self.curve
    }

    /// Whether the run is over (its statistics are in).
    pub fn finished(&self) -> bool {
        self.curve.stats.is_some()
    }

    /// Trains for about `budget` progress units (at least one step, at most to the end of the
    /// epoch); returns the units spent and whether an epoch ended (a new accuracy).
    pub fn advance(&mut self, test: &TrainData<f32>, budget: usize) -> (usize, bool) {
        let cost = self.curve.batch_size + STEP_OVERHEAD;
        let mut spent = 0;
        let mut epoch = false;
        while !self.finished() && !epoch && (spent == 0 || spent + cost <= budget) {
            spent += cost;
            self.trainer.step();
            let steps = self.trainer.steps();
            if let Status::Diverged { step } = self.trainer.status() {
                self.curve.diverged = Some(step);
            }
            if self.curve.diverged.is_none() && steps % self.steps_per_epoch == 0 {
                let a = accuracy(&mut self.trainer, test);
                self.curve.accuracy.push(a);
                epoch = true;
            }
            if steps >= self.total_steps || self.curve.diverged.is_some() {
                self.curve.stats = Some(unit_stats(&mut self.trainer, self.unit));
                epoch = true;
            }
        }
        (spent, epoch)
    }

    /// The curve, once finished.
    pub fn into_curve(self) -> NormCurve {
        self.curve
    }

    /// Run `index` from start to end; `on_epoch` gets the curve after every epoch.
    pub fn run_to_end(
        config: &NormBatchConfig,
        digits: &Dataset,
        index: usize,
        on_epoch: &mut dyn FnMut(&NormCurve),
    ) -> Result<NormCurve, NormBatchError> {
        config.validate(digits.rows())?;
        let (train, test) = split(config, digits);
        let mut run = NormRun::new(config, &train, &test, index)?;
        while !run.finished() {
            if run.advance(&test, usize::MAX).1 && !run.finished() {
                on_epoch(run.curve());
            }
        }
        Ok(run.into_curve())
    }
}

fn accuracy(tr: &mut Trainer<f32>, data: &TrainData<f32>) -> f64 {
    tr.evaluate(data).ok().and_then(|r| r.1).unwrap_or(0.0)
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    let n = v.len().max(1) as f64;
    let mean = v.iter().sum::<f64>() / n;
    (mean, v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n)
}

/// The probed unit's statistics with the trainer's final weights (see the module header).
fn unit_stats(tr: &mut Trainer<f32>, unit: usize) -> UnitStats {
    let (b, seed) = (tr.config().batch_size, tr.config().seed);
    let data = tr.train_data().clone();
    let net = &mut tr.net;
    let (ni, h) = (net.config().inputs, HIDDEN_UNITS);
    let w1 = &net.params()[0];
    let z: Vec<f64> = data
        .x
        .chunks_exact(ni)
        .map(|x| {
            x.iter()
                .enumerate()
                .map(|(k, &v)| v as f64 * w1[k * h + unit] as f64)
                .sum()
        })
        .collect();
    let (pop_mean, pop_var) = mean_var(&z);
    // One epoch's batches, in the order of a fresh shuffle from the run's seed.
    let mut order: Vec<usize> = (0..data.rows).collect();
    shuffle(&mut order, &mut seeded(seed));
    let (means, vars): (Vec<f64>, Vec<f64>) = order
        .chunks(b)
        .map(|rows| mean_var(&rows.iter().map(|&r| z[r]).collect::<Vec<_>>()))
        .unzip();
    let (_, mean_spread) = mean_var(&means);
    let running = net.running_stats(1).map(|r| (r.mean[unit] as f64, r.var[unit] as f64));
    let mut example = None;
    if net.config().layer_norm && net.predict(&data.x, data.rows).is_ok() {
        // (pre-activation - beta) / gamma is x_hat; its mean and variance over the units per row.
        let (gamma, beta) = (&net.params()[1], &net.params()[2]);
        let rows: Vec<(f64, f64)> = net
            .pre_activations(1)
            .unwrap_or(&[])
            .chunks_exact(h)
            .map(|r| {
                let xh: Vec<f64> = (0..h).map(|j| ((r[j] - beta[j]) / gamma[j]) as f64).collect();
                mean_var(&xh)
            })
            .collect();
        let n = rows.len().max(1) as f64;
        example = Some((
            rows.iter().map(|r| r.0).sum::<f64>() / n,
            rows.iter().map(|r| r.1).sum::<f64>() / n,
        ));
    }
    UnitStats {
        pop_mean,
        pop_var,
        batch_mean_sd: mean_spread.sqrt(),
        batch_var_mean: vars.iter().sum::<f64>() / vars.len().max(1) as f64,
        running_mean: running.map(|r| r.0),
        running_var: running.map(|r| r.1),
        example_mean: example.map(|e| e.0),
        example_var: example.map(|e| e.1),
    }
}
