//! The settings of a training run of `view=train` (seed 001: train/dev/test, normalising inputs,
//! mini-batches; seed 004: early stopping), the playground's caps, and the typed error that
//! names the setting a refusal is about ([`SessionError`], [`Field`]).
//!
//! [`SessionConfig`] -> [`SessionConfig::start`] (in [`super::session`]) -> a running
//! [`super::TrainSession`]. The output layer follows the task ([`output_for`]): two classes use
//! one sigmoid unit with binary cross-entropy, more use softmax with cross-entropy.
use crate::core::data::augment::Augment;
use crate::core::data::SplitConfig;
use crate::core::nn::{Activation, Init, NetworkConfig, NetworkError, Output, TrainConfig};
use crate::core::optim::OptimError;
use crate::core::schedule::ScheduleError;
use serde::{Deserialize, Serialize};

/// Most rows a session trains on (train + dev + test): 8,000 (dev must fit one batch).
pub const MAX_ROWS: usize = 8000;
/// Most generated 2-D points: 4,000 (with the clicked points the rows stay under [`MAX_ROWS`]).
pub const MAX_POINTS: usize = 4000;
/// Most training epochs in one run: 5,000.
pub const MAX_EPOCHS: usize = 5000;
/// Most hidden layers: 10 (with [`MAX_HIDDEN_UNITS`] about 600,000 parameters: a new network is
/// drawn in a few tens of milliseconds and still trains in the page).
pub const MAX_HIDDEN_LAYERS: usize = 10;
/// Most units in one hidden layer: 256.
pub const MAX_HIDDEN_UNITS: usize = 256;
/// Most mini-batch losses kept; beyond it every second one is dropped (the curve stays whole).
pub const MAX_STEP_POINTS: usize = 20_000;
/// A run whose cost exceeds this many times its initial cost counts as diverged: 1,000.
pub const DIVERGED_FACTOR: f64 = 1000.0;
/// Largest evaluation done inside one call (build, commands), in multiply-adds: 2e7 (a few
/// milliseconds); larger ones run chunk by chunk in [`super::TrainSession::advance`].
pub const SYNC_EVAL_MACS: u64 = 20_000_000;
/// Most checkpoints kept (the oldest is dropped).
pub const MAX_CHECKPOINTS: usize = 12;

/// Settings of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionConfig {
    /// Train/dev shares (test gets the rest). Default 0.6 / 0.2.
    pub split: SplitConfig,
    /// Standardise the inputs with the training statistics. Default on.
    pub normalise: bool,
    /// The network; `inputs`, `outputs` and `output` are set from the data. Default 2 x 8 tanh,
    /// Glorot init.
    pub network: NetworkConfig,
    /// Optimizer, schedule, batch size, patience (the seed is set from `seed`). Default Adam 0.01,
    /// batches of 16.
    pub train: TrainConfig,
    /// Epochs to train, 1..=[`MAX_EPOCHS`]. Default 100.
    pub epochs: usize,
    /// Seed of the split, the weights, the shuffles and the dropout masks. Default 1.
    pub seed: u64,
    /// Random shifts and rotations of the training images, drawn anew each epoch from the seed
    /// (8 x 8 images only: the digits; dev and test rows are never changed). Default none.
    pub augment: Augment,
}

impl Default for SessionConfig {
    fn default() -> Self {
        let mut train = TrainConfig {
            batch_size: 16,
            ..TrainConfig::default()
        };
        train.optimizer.lr = 0.01;
        SessionConfig {
            split: SplitConfig::default(),
            normalise: true,
            network: NetworkConfig {
                hidden: vec![8, 8],
                activation: Activation::Tanh,
                init: Init::Glorot,
                ..NetworkConfig::default()
            },
            train,
            epochs: 100,
            seed: 1,
            augment: Augment::None,
        }
    }
}

impl SessionConfig {
    /// Whether `other` trains the same run as `self` up to the settings a running session can
    /// take in ([`super::TrainSession::retune`]: learning rate, optimizer settings, schedule,
    /// lambda, L1, keep_prob, patience, target epochs): same split, inputs, network shape,
    /// activation, initialisation, batch norm, batch size, seed and augmentation.
    pub fn same_run(&self, other: &SessionConfig) -> bool {
        let (a, b) = (&self.network, &other.network);
        self.split == other.split
            && self.normalise == other.normalise
            && a.hidden == b.hidden
            && a.activation == b.activation
            && a.init == b.init
            && a.batch_norm == b.batch_norm
            && self.train.batch_size == other.train.batch_size
            && self.seed == other.seed
            && self.augment == other.augment
    }

    /// Checks the target epochs, the optimizer and the schedule (the network's settings are
    /// checked where the network is built or changed).
    pub fn check_training(&self) -> Result<(), SessionError> {
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return Err(SessionError::new(
                Field::Epochs,
                format!("epochs must be in 1..={MAX_EPOCHS}, got {}", self.epochs),
            ));
        }
        self.train.optimizer.validate()?;
        self.train.schedule.validate()?;
        Ok(())
    }

    /// Checks the playground's caps on the hidden layers ([`MAX_HIDDEN_LAYERS`] of at most
    /// [`MAX_HIDDEN_UNITS`]), tighter than the engine's own.
    pub fn check_hidden(&self) -> Result<(), SessionError> {
        let hidden = &self.network.hidden;
        if hidden.len() > MAX_HIDDEN_LAYERS || hidden.iter().any(|&u| !(1..=MAX_HIDDEN_UNITS).contains(&u)) {
            return Err(SessionError::new(
                Field::Hidden,
                format!("hidden layers {hidden:?}: at most {MAX_HIDDEN_LAYERS} layers of 1..={MAX_HIDDEN_UNITS} units"),
            ));
        }
        Ok(())
    }
}

/// The output layer for `classes` classes: one sigmoid unit for two, softmax otherwise.
pub fn output_for(classes: usize) -> (Output, usize) {
    if classes == 2 {
        (Output::SigmoidBinaryCrossEntropy, 1)
    } else {
        (Output::SoftmaxCrossEntropy, classes)
    }
}

/// The setting of a [`SessionConfig`] (or the data) that a refusal is about, so the page can
/// name its parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The data set (not class labels, too many rows, rows that do not fit the network).
    Data,
    /// The train/dev shares (`split`).
    Split,
    /// The hidden layers (`network.hidden`; the caps on layers, units and parameters).
    Hidden,
    /// Another network setting (leaky slope, batch-norm momentum or epsilon, init std).
    Network,
    /// L2 strength (`network.l2`).
    L2,
    /// L1 strength (`network.l1`).
    L1,
    /// Dropout's keep probability (`network.keep_prob`).
    KeepProb,
    /// The learning rate (`train.optimizer.lr`).
    Lr,
    /// Momentum / Adam's beta1 (`train.optimizer.beta1`).
    Beta1,
    /// RMSprop's and Adam's beta2 (`train.optimizer.beta2`).
    Beta2,
    /// Another optimizer setting (epsilon).
    Optimizer,
    /// The learning-rate schedule's settings (`train.schedule`).
    Schedule,
    /// The mini-batch size (`train.batch_size`).
    BatchSize,
    /// The target epochs (`epochs`).
    Epochs,
    /// The augmentation (`augment`: only for 8 x 8 images).
    Augment,
}

/// Why a session refused a setting: the field and what was wrong (English detail).
#[derive(Clone, Debug, PartialEq)]
pub struct SessionError {
    /// The setting.
    pub field: Field,
    /// What was wrong, with the valid range.
    pub detail: String,
}

impl SessionError {
    /// An error about `field`.
    pub fn new(field: Field, detail: impl Into<String>) -> Self {
        SessionError {
            field,
            detail: detail.into(),
        }
    }
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

impl std::error::Error for SessionError {}

impl From<NetworkError> for SessionError {
    fn from(e: NetworkError) -> Self {
        let field = match &e {
            NetworkError::Setting("keep_prob", ..) => Field::KeepProb,
            NetworkError::Setting("l2", ..) => Field::L2,
            NetworkError::Setting("l1", ..) => Field::L1,
            NetworkError::Setting(..) => Field::Network,
            NetworkError::BatchSize(_) => Field::BatchSize,
            NetworkError::Shape(..) => Field::Data,
            NetworkError::TooManyLayers(_)
            | NetworkError::LayerSize(..)
            | NetworkError::TooManyParams(_)
            | NetworkError::SoftmaxOutputs(_) => Field::Hidden,
        };
        SessionError::new(field, e.to_string())
    }
}

impl From<OptimError> for SessionError {
    fn from(e: OptimError) -> Self {
        let field = match e {
            OptimError::LearningRate(_) => Field::Lr,
            OptimError::Beta1(_) => Field::Beta1,
            OptimError::Beta2(_) => Field::Beta2,
            _ => Field::Optimizer,
        };
        SessionError::new(field, e.to_string())
    }
}

impl From<ScheduleError> for SessionError {
    fn from(e: ScheduleError) -> Self {
        SessionError::new(Field::Schedule, e.to_string())
    }
}
