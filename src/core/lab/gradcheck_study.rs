//! The gradient-check view's experiment (seed 004, "Gradient checking"): a small fully connected
//! network (`INPUTS` -> `layers` x `units` -> `OUTPUTS`, the course's Xavier initialisation) on
//! one random batch of `BATCH` rows, checked with [`grad_check`].
//!
//! One seeded stream draws, in this order: the weights, the inputs `x ~ N(0, 1)`, the targets of
//! a squared-error output (`N(0, 1)`), then the check's dropout masks and sample. Classification
//! targets are fixed patterns: softmax rows `(7 i + 1) mod 3` one-hot, sigmoid entries
//! `1` where `5 i mod 3 = 0`.
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::nn::{
    grad_check, one_hot, Activation, GradCheckConfig, GradCheckReport, Init, NetworkConfig, NetworkError, Output,
    PlantedBug,
};
use serde::{Deserialize, Serialize};

/// Input features of the checked network: 4.
pub const INPUTS: usize = 4;
/// Output units: 3.
pub const OUTPUTS: usize = 3;
/// Rows of the checked batch: 8.
pub const BATCH: usize = 8;
/// Most hidden layers: 4 (with [`MAX_HIDDEN_UNITS`], a few hundred parameters, two forward passes
/// each).
pub const MAX_HIDDEN_LAYERS: usize = 4;
/// Most units per hidden layer: 16.
pub const MAX_HIDDEN_UNITS: usize = 16;

/// Settings of the experiment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GradCheckStudyConfig {
    /// Hidden layers, 0..=[`MAX_HIDDEN_LAYERS`]. Default 2.
    pub layers: usize,
    /// Units per hidden layer, 1..=[`MAX_HIDDEN_UNITS`]. Default 5.
    pub units: usize,
    /// Hidden activation. Default tanh.
    pub activation: Activation,
    /// Output and loss. Default softmax + cross-entropy.
    pub output: Output,
    /// Batch norm before each hidden activation (needs a hidden layer). Default off.
    pub batch_norm: bool,
    /// L2 strength. Default 0.
    pub l2: f64,
    /// Dropout keep probability (1: no dropout). Default 1.
    pub keep_prob: f64,
    /// A bug planted in the backward pass. Default none.
    pub bug: PlantedBug,
    /// The check's settings (epsilon, frozen masks).
    pub check: GradCheckConfig,
    /// Seed of the weights, the batch, the masks and the sample. Default 1.
    pub seed: u64,
}

impl Default for GradCheckStudyConfig {
    fn default() -> Self {
        GradCheckStudyConfig {
            layers: 2,
            units: 5,
            activation: Activation::Tanh,
            output: Output::SoftmaxCrossEntropy,
            batch_norm: false,
            l2: 0.0,
            keep_prob: 1.0,
            bug: PlantedBug::None,
            check: GradCheckConfig::default(),
            seed: 1,
        }
    }
}

/// Why the experiment was refused; [`GradCheckStudyError::field`] names the setting at fault.
#[derive(Clone, Debug, PartialEq)]
pub enum GradCheckStudyError {
    /// More hidden layers or units than the caps: (field, value, most).
    TooLarge(&'static str, usize, usize),
    /// Batch norm without a hidden layer to normalise.
    BatchNormWithoutHiddenLayer,
    /// The network or the check refused a setting.
    Network(NetworkError),
}

impl GradCheckStudyError {
    /// The config field at fault (`layers`, `units`, `batch_norm`, `keep_prob`, `l2`,
    /// `epsilon`, ...).
    pub fn field(&self) -> &'static str {
        match self {
            GradCheckStudyError::TooLarge(field, ..) => field,
            GradCheckStudyError::BatchNormWithoutHiddenLayer => "batch_norm",
            GradCheckStudyError::Network(NetworkError::Setting(name, ..)) => name,
            GradCheckStudyError::Network(NetworkError::LayerSize(..)) => "units",
            GradCheckStudyError::Network(_) => "layers",
        }
    }
}

impl std::fmt::Display for GradCheckStudyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GradCheckStudyError::TooLarge(field, v, most) => write!(f, "{field} must be at most {most}, got {v}"),
            GradCheckStudyError::BatchNormWithoutHiddenLayer => {
                f.write_str("batch norm needs at least one hidden layer")
            }
            GradCheckStudyError::Network(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for GradCheckStudyError {}

impl GradCheckStudyConfig {
    /// The checked network's settings.
    pub fn network(&self) -> NetworkConfig {
        NetworkConfig {
            inputs: INPUTS,
            hidden: vec![self.units; self.layers],
            outputs: OUTPUTS,
            activation: self.activation,
            output: self.output,
            init: Init::XavierCourse,
            batch_norm: self.batch_norm,
            keep_prob: self.keep_prob,
            l2: self.l2,
            bug: self.bug,
            ..NetworkConfig::default()
        }
    }

    /// Builds the network and its batch from the seed and checks its gradient.
    pub fn run(&self) -> Result<GradCheckReport, GradCheckStudyError> {
        if self.layers > MAX_HIDDEN_LAYERS {
            return Err(GradCheckStudyError::TooLarge("layers", self.layers, MAX_HIDDEN_LAYERS));
        }
        if self.units > MAX_HIDDEN_UNITS {
            return Err(GradCheckStudyError::TooLarge("units", self.units, MAX_HIDDEN_UNITS));
        }
        if self.batch_norm && self.layers == 0 {
            return Err(GradCheckStudyError::BatchNormWithoutHiddenLayer);
        }
        let mut rng = seeded(self.seed);
        let net = self
            .network()
            .validate::<f64, _>(&mut rng)
            .map_err(GradCheckStudyError::Network)?;
        let x: Vec<f64> = (0..BATCH * INPUTS).map(|_| standard_normal(&mut rng)).collect();
        let y: Vec<f64> = match self.output {
            Output::SoftmaxCrossEntropy => {
                one_hot(&(0..BATCH).map(|i| (i * 7 + 1) % OUTPUTS).collect::<Vec<_>>(), OUTPUTS)
            }
            Output::SigmoidBinaryCrossEntropy => {
                (0..BATCH * OUTPUTS).map(|i| ((i * 5) % 3 == 0) as u8 as f64).collect()
            }
            Output::LinearSquaredError => (0..BATCH * OUTPUTS).map(|_| standard_normal(&mut rng)).collect(),
        };
        grad_check(&net, &x, &y, BATCH, &self.check, &mut rng).map_err(GradCheckStudyError::Network)
    }
}
