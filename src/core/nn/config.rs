//! Network settings, their caps and their validation (checked before anything is allocated).
//!
//! Caps (so a typo in a URL cannot allocate gigabytes or freeze the page): at most
//! [`MAX_LAYERS`] dense layers (hidden + output), at most [`MAX_UNITS`] units per layer and inputs,
//! at most [`MAX_PARAMS`] parameters in all, batches of at most [`MAX_BATCH`] rows.
use super::activation::Activation;
use super::init::Init;
use super::output::Output;
use serde::{Deserialize, Serialize};

/// Most dense layers (hidden layers + the output layer): 16.
pub const MAX_LAYERS: usize = 16;
/// Most units in one layer, and most input features: 4096.
pub const MAX_UNITS: usize = 4096;
/// Most parameters (weights, biases, gammas, betas) in one network: 4,000,000.
pub const MAX_PARAMS: usize = 4_000_000;
/// Most rows in one forward/backward batch: 8192.
pub const MAX_BATCH: usize = 8192;

/// A bug planted on purpose in the backward pass, so the gradient check can show what a failing
/// check looks like. Default [`PlantedBug::None`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlantedBug {
    /// The correct backward pass. The default.
    #[default]
    None,
    /// The first hidden layer's activation derivative with the wrong sign.
    ActivationSign,
    /// The L2 term `lambda/m W` left out of the weight gradients (only visible with lambda > 0).
    MissingL2Gradient,
    /// The bias (or beta) gradient of the first layer summed but multiplied by m again.
    BiasNotAveraged,
    /// The dropout mask forgotten in the backward pass (only visible with dropout on).
    DropoutMaskIgnored,
}

/// Settings of a fully connected network. Validate with [`NetworkConfig::validate`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NetworkConfig {
    /// Input features. Default 2.
    pub inputs: usize,
    /// Units of each hidden layer, input side first. Default `[8, 8]`.
    pub hidden: Vec<usize>,
    /// Output units (classes for softmax). Default 2.
    pub outputs: usize,
    /// Activation of every hidden layer. Default ReLU.
    pub activation: Activation,
    /// Slope of leaky ReLU for negative inputs, finite. Default 0.01.
    pub leaky_slope: f64,
    /// Output activation and loss. Default softmax + cross-entropy.
    pub output: Output,
    /// Weight initialisation. Default He.
    pub init: Init,
    /// Batch norm before every hidden activation. Default off.
    pub batch_norm: bool,
    /// Batch-norm running-average momentum in [0, 1) (DLFS convention). Default 0.9.
    pub bn_momentum: f64,
    /// Batch-norm epsilon (> 0). Default 1e-6 (DLFS's `10e-7`).
    pub bn_eps: f64,
    /// Layer norm before every hidden activation ([`super::layernorm`]; the same `bn_eps`).
    /// Default off; refused together with `batch_norm`.
    pub layer_norm: bool,
    /// Probability of keeping a hidden unit in (0, 1]; 1 = no dropout. Default 1.
    pub keep_prob: f64,
    /// L2 strength lambda >= 0 (cost + lambda/(2m) sum ||W||^2). Default 0.
    pub l2: f64,
    /// L1 strength lambda >= 0 (cost + lambda/m sum |W|, gradient lambda/m sign(W): a constant
    /// pull toward 0 that makes weights exactly sparse; seed 001 "Regularization"). Default 0.
    pub l1: f64,
    /// A deliberate backward-pass bug, for the gradient-check view. Default none.
    pub bug: PlantedBug,
}

impl Default for NetworkConfig {
    fn default() -> Self {
        NetworkConfig {
            inputs: 2,
            hidden: vec![8, 8],
            outputs: 2,
            activation: Activation::Relu,
            leaky_slope: 0.01,
            output: Output::SoftmaxCrossEntropy,
            init: Init::He,
            batch_norm: false,
            bn_momentum: 0.9,
            bn_eps: 1e-6,
            layer_norm: false,
            keep_prob: 1.0,
            l2: 0.0,
            l1: 0.0,
            bug: PlantedBug::None,
        }
    }
}

/// Why a configuration (or a batch) was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum NetworkError {
    /// Too many layers (the cap is [`MAX_LAYERS`]).
    TooManyLayers(usize),
    /// A layer (or the input) with 0 units or more than [`MAX_UNITS`]; (which, size).
    LayerSize(String, usize),
    /// More than [`MAX_PARAMS`] parameters.
    TooManyParams(usize),
    /// A batch with 0 rows or more than [`MAX_BATCH`].
    BatchSize(usize),
    /// A setting out of its range: (name, value, range).
    Setting(&'static str, f64, &'static str),
    /// Softmax needs at least 2 outputs.
    SoftmaxOutputs(usize),
    /// A slice of the wrong length: (what, expected, got).
    Shape(&'static str, usize, usize),
}

impl std::fmt::Display for NetworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetworkError::TooManyLayers(n) => {
                write!(f, "{n} layers: at most {MAX_LAYERS} dense layers (hidden + output)")
            }
            NetworkError::LayerSize(which, n) => write!(f, "{which} has {n} units: must be 1..={MAX_UNITS}"),
            NetworkError::TooManyParams(n) => write!(f, "{n} parameters: at most {MAX_PARAMS}"),
            NetworkError::BatchSize(n) => write!(f, "batch of {n} rows: must be 1..={MAX_BATCH}"),
            NetworkError::Setting(name, v, range) => write!(f, "{name} must be in {range}, got {v}"),
            NetworkError::SoftmaxOutputs(n) => write!(f, "softmax needs at least 2 outputs, got {n}"),
            NetworkError::Shape(what, want, got) => write!(f, "{what}: expected {want} values, got {got}"),
        }
    }
}

impl std::error::Error for NetworkError {}

impl NetworkConfig {
    /// Layer widths, input first: `[inputs, hidden..., outputs]`.
    pub fn sizes(&self) -> Vec<usize> {
        let mut s = Vec::with_capacity(self.hidden.len() + 2);
        s.push(self.inputs);
        s.extend_from_slice(&self.hidden);
        s.push(self.outputs);
        s
    }

    /// Number of parameters, or `None` on overflow. Hidden layers with batch norm (or layer norm)
    /// have gamma and beta instead of a bias; the output layer always has a bias.
    pub fn param_count(&self) -> Option<usize> {
        let sizes = self.sizes();
        let mut total = 0usize;
        for (l, w) in sizes.windows(2).enumerate() {
            let hidden = l + 2 < sizes.len();
            let extra = if hidden && (self.batch_norm || self.layer_norm) {
                2 * w[1]
            } else {
                w[1]
            };
            total = total.checked_add(w[0].checked_mul(w[1])?.checked_add(extra)?)?;
        }
        Some(total)
    }

    /// Checks every cap and setting (no allocation beyond the small size list).
    pub fn check(&self) -> Result<(), NetworkError> {
        let layers = self.hidden.len() + 1;
        if layers > MAX_LAYERS {
            return Err(NetworkError::TooManyLayers(layers));
        }
        let size_ok = |n: usize| (1..=MAX_UNITS).contains(&n);
        if !size_ok(self.inputs) {
            return Err(NetworkError::LayerSize("the input".into(), self.inputs));
        }
        for (i, &h) in self.hidden.iter().enumerate() {
            if !size_ok(h) {
                return Err(NetworkError::LayerSize(format!("hidden layer {}", i + 1), h));
            }
        }
        if !size_ok(self.outputs) {
            return Err(NetworkError::LayerSize("the output layer".into(), self.outputs));
        }
        if self.output == Output::SoftmaxCrossEntropy && self.outputs < 2 {
            return Err(NetworkError::SoftmaxOutputs(self.outputs));
        }
        match self.param_count() {
            Some(n) if n <= MAX_PARAMS => {}
            n => return Err(NetworkError::TooManyParams(n.unwrap_or(usize::MAX))),
        }
        if !self.leaky_slope.is_finite() {
            return Err(NetworkError::Setting("leaky_slope", self.leaky_slope, "finite numbers"));
        }
        if !(0.0..1.0).contains(&self.bn_momentum) {
            return Err(NetworkError::Setting("bn_momentum", self.bn_momentum, "[0, 1)"));
        }
        if !(self.bn_eps > 0.0 && self.bn_eps.is_finite()) {
            return Err(NetworkError::Setting("bn_eps", self.bn_eps, "(0, inf)"));
        }
        if self.batch_norm && self.layer_norm {
            return Err(NetworkError::Setting("layer_norm", 1.0, "off while batch_norm is on"));
        }
        if !(self.keep_prob > 0.0 && self.keep_prob <= 1.0) {
            return Err(NetworkError::Setting("keep_prob", self.keep_prob, "(0, 1]"));
        }
        if !(self.l2 >= 0.0 && self.l2.is_finite()) {
            return Err(NetworkError::Setting("l2", self.l2, "[0, inf)"));
        }
        if !(self.l1 >= 0.0 && self.l1.is_finite()) {
            return Err(NetworkError::Setting("l1", self.l1, "[0, inf)"));
        }
        if !self.init.is_valid() {
            return Err(NetworkError::Setting("init std", self.init.std(1, 1), "[0, inf)"));
        }
        Ok(())
    }
}

/// Checks a batch size against [`MAX_BATCH`].
pub fn check_batch(m: usize) -> Result<(), NetworkError> {
    if (1..=MAX_BATCH).contains(&m) {
        Ok(())
    } else {
        Err(NetworkError::BatchSize(m))
    }
}
