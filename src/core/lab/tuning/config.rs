//! The settings of a caviar search ([`TuningConfig`]), their caps, the one place they are checked
//! ([`TuningConfig::validate`]), what a search will cost, and its data: `samples` digits drawn by
//! one shuffle from the seed, `val_fraction` of them held out (DLFS: 500 MNIST images, 20%).
use super::error::{Field, TuningError};
use super::seeds::mix;
use crate::core::data::{Dataset, SplitConfig};
use crate::core::halving::{HalvingConfig, HalvingError, Rung};
use crate::core::math::rng::seeded;
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Output, TrainData};
use serde::{Deserialize, Serialize};

/// Most trials per round.
pub const MAX_TRIALS: usize = 500;
/// Most epochs per trial.
pub const MAX_EPOCHS: usize = 200;
/// Fewest digits a search uses.
pub const MIN_SAMPLES: usize = 20;
/// Most digits a search can use: all of the embedded 8x8 digits (scikit-learn's 1,797).
pub const MAX_SAMPLES: usize = 1797;
/// The validation share's range `[low, high]`.
pub const VAL_FRACTION: (f64, f64) = (0.05, 0.5);
/// Most rows per mini-batch.
pub const MAX_BATCH: usize = 1000;
/// Most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// Most units per hidden layer.
pub const MAX_UNITS: usize = 256;
/// Largest reduction factor of successive halving (at 9 a first rung of 2 epochs reaches 50
/// epochs in two cuts).
pub const MAX_ETA: usize = 9;
/// Most coarse-to-fine rounds.
pub const MAX_ROUNDS: usize = 6;
/// Widest log10 range accepted for lr and weight decay: `[-10, 1]`.
pub const LOG_RANGE: (f64, f64) = (-10.0, 1.0);
/// The most work a search may plan, in multiply-adds: trials x epochs x rows x parameters x 3
/// (forward, backward, update) summed over the rungs. About 25 times the default search.
pub const MAX_WORK: f64 = 5e12;
/// Classes of the digits.
pub const CLASSES: usize = 10;

/// A range of log10 values `[lo, hi]`.
pub type LogRange = [f64; 2];

/// Settings of a caviar search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TuningConfig {
    /// Digits used in all, [`MIN_SAMPLES`]..=[`MAX_SAMPLES`]. Default 500.
    pub samples: usize,
    /// Share held out for validation, in [`VAL_FRACTION`]. Default 0.2.
    pub val_fraction: f64,
    /// Trials per round, 1..=[`MAX_TRIALS`]. Default 100.
    pub trials: usize,
    /// Epochs of a full trial, 1..=[`MAX_EPOCHS`]. Default 50.
    pub epochs: usize,
    /// Mini-batch rows, 1..=[`MAX_BATCH`]. Default 100.
    pub batch: usize,
    /// Hidden layer widths (at most [`MAX_LAYERS`] of 1..=[`MAX_UNITS`]). Default `[100; 6]`.
    pub hidden: Vec<usize>,
    /// log10 range of the learning rate, within [`LOG_RANGE`]. Default `[-6, -2]`.
    pub lr: LogRange,
    /// log10 range of the weight decay, within [`LOG_RANGE`]. Default `[-8, -4]`.
    pub weight_decay: LogRange,
    /// Successive halving on. Default off (every trial runs `epochs`).
    pub halving: bool,
    /// Halving's reduction factor, 2..=[`MAX_ETA`]. Default 3.
    pub eta: usize,
    /// Epochs of halving's first rung, 1..=`epochs`. Default 2.
    pub min_epochs: usize,
    /// Seed of the data draw and of every trial. Default 1.
    pub seed: u64,
}

impl Default for TuningConfig {
    fn default() -> Self {
        TuningConfig {
            samples: 500,
            val_fraction: 0.2,
            trials: 100,
            epochs: 50,
            batch: 100,
            hidden: vec![100; 6],
            lr: [-6.0, -2.0],
            weight_decay: [-8.0, -4.0],
            halving: false,
            eta: 3,
            min_epochs: 2,
            seed: 1,
        }
    }
}

/// End `end` of `field` (see [`Field::ends`]) in `[min, max]`, or the error naming it.
fn within(field: Field, end: usize, value: f64, (min, max): (f64, f64)) -> Result<(), TuningError> {
    // written so that NaN fails too
    if value >= min && value <= max {
        Ok(())
    } else {
        Err(TuningError::OutOfRange {
            field,
            end,
            value,
            min,
            max,
        })
    }
}

fn count(field: Field, value: usize, min: usize, max: usize) -> Result<(), TuningError> {
    within(field, 0, value as f64, (min as f64, max as f64))
}

/// A log10 range: both ends within [`LOG_RANGE`], the low end not above the high end.
fn log_range(field: Field, r: LogRange) -> Result<(), TuningError> {
    within(field, 0, r[0], LOG_RANGE)?;
    within(field, 1, r[1], LOG_RANGE)?;
    if r[0] > r[1] {
        return Err(TuningError::Range {
            field,
            low: r[0],
            high: r[1],
        });
    }
    Ok(())
}

impl From<HalvingError> for TuningError {
    fn from(e: HalvingError) -> Self {
        match e {
            HalvingError::Trials(n) => TuningError::OutOfRange {
                field: Field::Trials,
                end: 0,
                value: n as f64,
                min: 1.0,
                max: MAX_TRIALS as f64,
            },
            HalvingError::Eta(n) => TuningError::OutOfRange {
                field: Field::Eta,
                end: 0,
                value: n as f64,
                min: 2.0,
                max: MAX_ETA as f64,
            },
            HalvingError::FirstRung => TuningError::OutOfRange {
                field: Field::MinEpochs,
                end: 0,
                value: 0.0,
                min: 1.0,
                max: MAX_EPOCHS as f64,
            },
            HalvingError::Epochs { min, max } => TuningError::Range {
                field: Field::MinEpochs,
                low: min as f64,
                high: max as f64,
            },
        }
    }
}

impl TuningConfig {
    /// Checks every setting against its cap and the ranges' order, before anything is allocated
    /// (the one place these rules are checked): `digits` is the data set the samples come from.
    /// Successive halving's settings count only while it is on.
    pub fn validate(&self, digits: &Dataset) -> Result<(), TuningError> {
        count(Field::Samples, self.samples, MIN_SAMPLES, digits.rows())?;
        within(Field::ValFraction, 0, self.val_fraction, VAL_FRACTION)?;
        count(Field::Trials, self.trials, 1, MAX_TRIALS)?;
        count(Field::Epochs, self.epochs, 1, MAX_EPOCHS)?;
        count(Field::Batch, self.batch, 1, MAX_BATCH)?;
        count(Field::Layers, self.hidden.len(), 0, MAX_LAYERS)?;
        for &units in &self.hidden {
            count(Field::Units, units, 1, MAX_UNITS)?;
        }
        log_range(Field::Lr, self.lr)?;
        log_range(Field::WeightDecay, self.weight_decay)?;
        if self.halving {
            count(Field::Eta, self.eta, 2, MAX_ETA)?;
            // min_epochs <= epochs: halving's own rule, passed on naming min_epochs
            self.halving_config().rungs()?;
        }
        let work = self.planned_work(digits.features);
        if work > MAX_WORK {
            return Err(TuningError::TooMuchWork { work, cap: MAX_WORK });
        }
        Ok(())
    }

    /// The successive-halving schedule of this search.
    pub fn halving_config(&self) -> HalvingConfig {
        HalvingConfig {
            trials: self.trials,
            eta: self.eta,
            min_epochs: self.min_epochs,
            max_epochs: self.epochs,
        }
    }

    /// The rungs: halving's, or one rung of every trial for the full epochs.
    pub fn rungs(&self) -> Vec<Rung> {
        if self.halving {
            if let Ok(r) = self.halving_config().rungs() {
                return r;
            }
        }
        vec![Rung {
            trials: self.trials,
            epochs: self.epochs,
        }]
    }

    /// Epochs the search trains (promoted trials retrained from scratch), and the epochs of the
    /// full search (every trial for `epochs`).
    pub fn planned_epochs(&self) -> (usize, usize) {
        let spent = self.rungs().iter().map(|r| r.trials * r.epochs).sum();
        (spent, self.trials * self.epochs)
    }

    /// Multiply-adds of one row through the network (its weights), for `inputs` features.
    pub fn row_work(&self, inputs: usize) -> f64 {
        let mut sizes = vec![inputs];
        sizes.extend(&self.hidden);
        sizes.push(CLASSES);
        sizes.windows(2).map(|w| (w[0] * w[1]) as f64).sum()
    }

    /// Multiply-adds the search plans (see [`MAX_WORK`]).
    pub fn planned_work(&self, inputs: usize) -> f64 {
        self.planned_epochs().0 as f64 * self.samples as f64 * self.row_work(inputs) * 3.0
    }

    /// Whether two searches train the same trials (they may differ in successive halving only).
    pub fn same_trials(&self, other: &TuningConfig) -> bool {
        let strip = |c: &TuningConfig| TuningConfig {
            halving: false,
            eta: 0,
            min_epochs: 0,
            ..c.clone()
        };
        strip(self) == strip(other)
    }

    /// Whether two searches draw the same data (samples, split and seed).
    pub fn same_data(&self, other: &TuningConfig) -> bool {
        self.samples == other.samples && self.val_fraction == other.val_fraction && self.seed == other.seed
    }

    /// Checks the settings, picks the digits and splits them: `(train, validation)` (one
    /// shuffle from the seed).
    pub fn data(&self, digits: &Dataset) -> Result<TuningData, TuningError> {
        self.validate(digits)?;
        let mut rng = seeded(mix(self.seed, u64::MAX, 0));
        let mut idx: Vec<usize> = (0..digits.rows()).collect();
        shuffle(&mut idx, &mut rng);
        let picked = digits.subset(&idx[..self.samples]);
        let split = SplitConfig {
            train: 1.0 - self.val_fraction,
            dev: self.val_fraction,
        }
        .split(&picked, &mut rng)
        .map_err(TuningError::Split)?;
        if split.dev.rows() == 0 {
            return Err(TuningError::NoValidation);
        }
        Ok(TuningData {
            train: split.train.train_data(Output::SoftmaxCrossEntropy, CLASSES),
            val: split.dev.train_data(Output::SoftmaxCrossEntropy, CLASSES),
            inputs: digits.features,
        })
    }
}

/// The training and validation rows of a search, as the f32 engine reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct TuningData {
    /// Training rows.
    pub train: TrainData<f32>,
    /// Validation rows.
    pub val: TrainData<f32>,
    /// Features per row.
    pub inputs: usize,
}
