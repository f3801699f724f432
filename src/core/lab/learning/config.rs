//! The settings of the learning-curve study ([`LearningConfig`]), their caps, the one place they
//! are checked ([`LearningConfig::validate`]) and the runs they define: four optimizers on DLFS's
//! `optimizer_compare_mnist` network, three initialisations as in `weight_init_compare`, and
//! three augmentations of DLFS's overfitting setup (`overfit_weight_decay` without its L2).
use crate::core::data::augment::Augment;
use crate::core::named::named;
use crate::core::nn::{Activation, Init};
use crate::core::optim::OptimizerKind;
use serde::{Deserialize, Serialize};

/// Most iterations (mini-batch steps) of one run.
pub const MAX_ITERATIONS: usize = 10_000;
/// Most rows per mini-batch.
pub const MAX_BATCH: usize = 1024;
/// Most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// Most units per hidden layer.
pub const MAX_UNITS: usize = 256;
/// The learning rates accepted, `[low, high]`.
pub const LR_RANGE: (f64, f64) = (1e-5, 1.0);
/// Momentum's `mu` accepted, `[low, high]`.
pub const MOMENTUM_RANGE: (f64, f64) = (0.0, 0.99);
/// Classes of the digits.
pub const CLASSES: usize = 10;
/// Most epochs of an augmentation run.
pub const MAX_EPOCHS: usize = 1000;
/// Training digits of the augmentation runs (DLFS's overfitting setup); the rest are dev.
pub const AUGMENT_TRAIN: usize = 300;
/// Rows per mini-batch of the augmentation runs (DLFS: 100, drawn with replacement).
pub const AUGMENT_BATCH: usize = 100;
/// Hidden layers of the augmentation runs' network (DLFS: six of 100 ReLU units, He weights).
pub const AUGMENT_LAYERS: usize = 6;
/// Units per hidden layer of the augmentation runs.
pub const AUGMENT_UNITS: usize = 100;
/// SGD's learning rate in the augmentation runs (DLFS: 0.01).
pub const AUGMENT_LR: f64 = 0.01;
/// Iterations per epoch of the augmentation runs: 300 / 100 = 3 (DLFS's `iter_per_epoch`).
pub const AUGMENT_ITERATIONS_PER_EPOCH: usize = AUGMENT_TRAIN.div_ceil(AUGMENT_BATCH);

/// The optimizers compared, in run order (DLFS's order).
pub const OPTIMIZERS: [OptimizerKind; 4] = [
    OptimizerKind::Sgd,
    OptimizerKind::Momentum,
    OptimizerKind::AdaGrad,
    OptimizerKind::Adam,
];

/// The initialisations compared (DLFS `weight_init_compare`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitScheme {
    /// `N(0, 0.01²)`: too small, the signal dies out layer by layer.
    Std001,
    /// The course's Xavier: std `sqrt(1 / n)`, `n` the layer's inputs.
    Xavier,
    /// He: std `sqrt(2 / n)`, for ReLU.
    He,
}

named!(InitScheme {
    Std001 => "std001",
    Xavier => "xavier",
    He => "he",
});

impl InitScheme {
    /// The engine's initialisation.
    pub fn init(self) -> Init {
        match self {
            InitScheme::Std001 => Init::Normal(0.01),
            InitScheme::Xavier => Init::XavierCourse,
            InitScheme::He => Init::He,
        }
    }
}

/// The activation of the initialisation runs: DLFS's ReLU, or sigmoid (the S-shaped curve Xavier
/// was made for).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitActivation {
    /// ReLU (DLFS). The default.
    Relu,
    /// Logistic sigmoid.
    Sigmoid,
}

named!(InitActivation {
    Relu => "relu",
    Sigmoid => "sigmoid",
});

impl InitActivation {
    /// The engine's activation.
    pub fn activation(self) -> Activation {
        match self {
            InitActivation::Relu => Activation::Relu,
            InitActivation::Sigmoid => Activation::Sigmoid,
        }
    }
}

/// Which comparisons are run (and drawn).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// Both loss panels. The default.
    Both,
    /// The optimizers only.
    Optimizers,
    /// The initialisations only.
    Init,
    /// The augmentations of the overfitting setup (its own choice: the default page does not
    /// train three more networks).
    Augment,
}

named!(Compare {
    Both => "both",
    Optimizers => "optimizers",
    Init => "init",
    Augment => "augment",
});

impl Compare {
    /// Whether run `kind` belongs to the comparisons shown.
    pub fn includes(self, kind: RunKind) -> bool {
        matches!(
            (self, kind),
            (Compare::Both, RunKind::Optimizer(_) | RunKind::Init(_))
                | (Compare::Optimizers, RunKind::Optimizer(_))
                | (Compare::Init, RunKind::Init(_))
                | (Compare::Augment, RunKind::Augment(_))
        )
    }
}

/// One run of the study.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    /// ReLU, He weights, this optimizer.
    Optimizer(OptimizerKind),
    /// The initialisation activation, these weights, SGD.
    Init(InitScheme),
    /// DLFS's overfitting setup, the training digits augmented this way each epoch.
    Augment(Augment),
}

/// Runs of the two loss panels (`compare=both`): the four optimizers, then the three
/// initialisations.
pub const CURVE_RUNS: usize = OPTIMIZERS.len() + InitScheme::ALL.len();
/// Number of runs: the loss panels' [`CURVE_RUNS`], then the three augmentations.
pub const RUNS: usize = CURVE_RUNS + Augment::ALL.len();

impl RunKind {
    /// Run `index` (`0..RUNS`): the optimizers first, then the initialisations, then the
    /// augmentations.
    pub fn of(index: usize) -> Option<RunKind> {
        match index {
            i if i < OPTIMIZERS.len() => Some(RunKind::Optimizer(OPTIMIZERS[i])),
            i if i < CURVE_RUNS => InitScheme::ALL.get(i - OPTIMIZERS.len()).map(|&s| RunKind::Init(s)),
            i => Augment::ALL.get(i - CURVE_RUNS).map(|&a| RunKind::Augment(a)),
        }
    }

    /// Every run, in index order.
    pub fn all() -> impl Iterator<Item = RunKind> {
        (0..RUNS).filter_map(RunKind::of)
    }
}

/// A setting of [`LearningConfig`], as its errors name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// [`LearningConfig::iterations`].
    Iterations,
    /// [`LearningConfig::batch`].
    Batch,
    /// [`LearningConfig::layers`].
    Layers,
    /// [`LearningConfig::units`].
    Units,
    /// The learning rate of an optimizer run.
    Lr(OptimizerKind),
    /// [`LearningConfig::momentum`].
    Momentum,
    /// [`LearningConfig::init_lr`].
    InitLr,
    /// [`LearningConfig::epochs`].
    Epochs,
}

/// Why settings or a worker's curve were refused.
#[derive(Clone, Debug, PartialEq)]
pub enum LearningError {
    /// A setting outside `[min, max]`.
    OutOfRange {
        /// The setting.
        field: Field,
        /// Its value.
        value: f64,
        /// Lowest accepted.
        min: f64,
        /// Highest accepted.
        max: f64,
    },
    /// The digits are too few for one mini-batch.
    TooFewRows {
        /// Rows of the data.
        rows: usize,
        /// Rows of a mini-batch.
        batch: usize,
    },
    /// No run has this index.
    NoRun(usize),
    /// A curve that does not fit its run (length, values, index).
    BadCurve,
    /// The engine refused the network or the optimizer (validated settings never cause it).
    Engine(String),
}

impl std::fmt::Display for LearningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LearningError::OutOfRange { value, min, max, .. } => {
                write!(f, "{value} is outside {min}..={max}")
            }
            LearningError::TooFewRows { rows, batch } => {
                write!(
                    f,
                    "batches of {batch} rows need at least that many digits, there are {rows}"
                )
            }
            LearningError::NoRun(i) => write!(f, "no run {i}: the study has {RUNS}"),
            LearningError::BadCurve => f.write_str("a loss curve that does not fit its run"),
            LearningError::Engine(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for LearningError {}

impl LearningError {
    /// The setting at fault, if a setting is.
    pub fn field(&self) -> Option<Field> {
        match self {
            LearningError::OutOfRange { field, .. } => Some(*field),
            LearningError::TooFewRows { .. } => Some(Field::Batch),
            _ => None,
        }
    }
}

/// Settings of the study (defaults: DLFS's two scripts, on the 8 x 8 digits instead of MNIST).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearningConfig {
    /// Mini-batch steps of every run, 1..=[`MAX_ITERATIONS`]. Default 2,000 (DLFS).
    pub iterations: usize,
    /// Rows per mini-batch, drawn with replacement, 1..=[`MAX_BATCH`]. Default 128 (DLFS).
    pub batch: usize,
    /// Hidden layers, 1..=[`MAX_LAYERS`]. Default 4 (DLFS).
    pub layers: usize,
    /// Units per hidden layer, 1..=[`MAX_UNITS`]. Default 100 (DLFS).
    pub units: usize,
    /// Learning rate of each optimizer run, in [`OPTIMIZERS`] order, within [`LR_RANGE`].
    /// Default DLFS's: SGD 0.01, Momentum 0.01, AdaGrad 0.01, Adam 0.001.
    pub lr: [f64; 4],
    /// Momentum's `mu`, within [`MOMENTUM_RANGE`]. Default 0.9 (DLFS).
    pub momentum: f64,
    /// Activation of the initialisation runs. Default ReLU (DLFS).
    pub init_activation: InitActivation,
    /// SGD's learning rate in the initialisation runs, within [`LR_RANGE`]. Default 0.01 (DLFS).
    pub init_lr: f64,
    /// Seed of the initial weights and of the mini-batches (the same for every run). Default 1.
    pub seed: u64,
    /// Epochs of each augmentation run, 1..=[`MAX_EPOCHS`]. Default 100 (DLFS runs 201; each
    /// epoch here also measures the accuracy on all 1,797 digits, which costs twice its training).
    pub epochs: usize,
}

impl Default for LearningConfig {
    fn default() -> Self {
        LearningConfig {
            iterations: 2000,
            batch: 128,
            layers: 4,
            units: 100,
            lr: [0.01, 0.01, 0.01, 0.001],
            momentum: 0.9,
            init_activation: InitActivation::Relu,
            init_lr: 0.01,
            seed: 1,
            epochs: 100,
        }
    }
}

fn within(field: Field, value: f64, (min, max): (f64, f64)) -> Result<(), LearningError> {
    // written so that NaN fails too
    if value >= min && value <= max {
        Ok(())
    } else {
        Err(LearningError::OutOfRange { field, value, min, max })
    }
}

fn count(field: Field, value: usize, max: usize) -> Result<(), LearningError> {
    within(field, value as f64, (1.0, max as f64))
}

impl LearningConfig {
    /// Checks every setting against its cap, and the batch against the `rows` of the data.
    pub fn validate(&self, rows: usize) -> Result<(), LearningError> {
        count(Field::Iterations, self.iterations, MAX_ITERATIONS)?;
        count(Field::Batch, self.batch, MAX_BATCH)?;
        count(Field::Layers, self.layers, MAX_LAYERS)?;
        count(Field::Units, self.units, MAX_UNITS)?;
        for (kind, &lr) in OPTIMIZERS.iter().zip(&self.lr) {
            within(Field::Lr(*kind), lr, LR_RANGE)?;
        }
        within(Field::Momentum, self.momentum, MOMENTUM_RANGE)?;
        within(Field::InitLr, self.init_lr, LR_RANGE)?;
        count(Field::Epochs, self.epochs, MAX_EPOCHS)?;
        if rows < self.batch {
            return Err(LearningError::TooFewRows {
                rows,
                batch: self.batch,
            });
        }
        Ok(())
    }

    /// The learning rate of optimizer `kind` (SGD's for a kind not compared).
    pub fn lr_of(&self, kind: OptimizerKind) -> f64 {
        OPTIMIZERS
            .iter()
            .position(|k| *k == kind)
            .map_or(self.lr[0], |i| self.lr[i])
    }

    /// Multiply-adds of one iteration (forward, backward and update, about three passes over
    /// the weights per row) on rows of `inputs` features.
    pub fn iteration_work(&self, inputs: usize) -> f64 {
        let u = self.units as f64;
        let weights = inputs as f64 * u + (self.layers as f64 - 1.0) * u * u + u * CLASSES as f64;
        3.0 * weights * self.batch as f64
    }

    /// Iterations of run `kind`: [`LearningConfig::iterations`], or the augmentation runs'
    /// epochs times [`AUGMENT_ITERATIONS_PER_EPOCH`].
    pub fn iterations_of(&self, kind: RunKind) -> usize {
        match kind {
            RunKind::Augment(_) => self.epochs * AUGMENT_ITERATIONS_PER_EPOCH,
            _ => self.iterations,
        }
    }

    /// Multiply-adds of one iteration of run `kind` on `rows` digits of `inputs` features: an
    /// augmentation run's also carries a third of the accuracy evaluation that closes each epoch
    /// (one forward pass over every digit).
    pub fn iteration_work_of(&self, kind: RunKind, inputs: usize, rows: usize) -> f64 {
        let RunKind::Augment(_) = kind else {
            return self.iteration_work(inputs);
        };
        let u = AUGMENT_UNITS as f64;
        let weights = inputs as f64 * u + (AUGMENT_LAYERS as f64 - 1.0) * u * u + u * CLASSES as f64;
        weights * (3.0 * AUGMENT_BATCH as f64 + rows as f64 / AUGMENT_ITERATIONS_PER_EPOCH as f64)
    }
}
