//! A fully connected network: `NetworkConfig -> validate -> Network<T>` (seed 004; DLFS
//! `MultiLayerNetExtend`).
//!
//! Layer `l` (1-based, as in the notes) maps `A[l-1]` to `Z[l] = A[l-1] W[l] (+ b[l])`, then for
//! hidden layers optional batch norm, the activation and optional inverted dropout; the last layer
//! applies the output activation. The cost of a batch of `m` rows is the output loss plus
//! `lambda/(2m) sum_l ||W[l]||_F^2` (weights only, not biases, gammas or betas).
//!
//! Parameters and their gradients are stored as one flat row-major `Vec<T>` per tensor, listed in
//! [`Network::param_info`] order (per layer: `W`, then `b`, or `gamma` and `beta` with batch norm).
//! [`Network::params_and_grads`] yields `(info, &mut params, &grads)` per tensor: exactly what
//! `core::optim::Optimizer::step` consumes.
use super::batchnorm::{BnCache, RunningStats};
use super::config::{NetworkConfig, NetworkError};
use super::float::NnFloat;
use super::output::Output;
use crate::core::math::gemm::GemmScratch;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// What a parameter tensor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamKind {
    /// Weights `W`, `n_in x n_out`.
    Weight,
    /// Biases `b`, `n_out`.
    Bias,
    /// Batch-norm scale gamma, `n_out`.
    Gamma,
    /// Batch-norm shift beta, `n_out`.
    Beta,
}

/// Name and shape of one parameter tensor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParamInfo {
    /// `W1`, `b1`, `gamma1`, `beta1`, ... (layers counted from 1).
    pub name: String,
    /// Layer number, from 1.
    pub layer: usize,
    /// What it is.
    pub kind: ParamKind,
    /// Rows (`n_in` for weights, 1 otherwise).
    pub rows: usize,
    /// Columns (`n_out`).
    pub cols: usize,
}

/// Training (batch statistics, dropout, running averages updated) or evaluation (running
/// statistics, no dropout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Training forward pass.
    Train,
    /// Test-time forward pass.
    Eval,
}

/// Where one layer's tensors are in the parameter list.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Layer {
    pub n_in: usize,
    pub n_out: usize,
    pub w: usize,
    /// The bias, or for batch norm the (gamma, beta) pair.
    pub b: Option<usize>,
    pub bn: Option<(usize, usize)>,
    /// Whether the (gamma, beta) pair normalises per example (layer norm) instead of per batch.
    pub ln: bool,
    pub hidden: bool,
}

/// A validated network with its parameters, gradients and the caches of the last forward pass.
#[derive(Clone, Debug)]
pub struct Network<T> {
    pub(super) config: NetworkConfig,
    pub(super) layers: Vec<Layer>,
    pub(super) info: Vec<ParamInfo>,
    pub(super) params: Vec<Vec<T>>,
    pub(super) grads: Vec<Vec<T>>,
    /// Running statistics per layer (empty vectors for layers without batch norm).
    pub(super) running: Vec<RunningStats<T>>,
    // Caches of the last forward pass.
    pub(super) m: usize,
    pub(super) mode: Option<Mode>,
    /// `acts[0]` is the input, `acts[l]` the output of layer `l` (after dropout).
    pub(super) acts: Vec<Vec<T>>,
    /// Per layer: the input of the activation (after batch norm); logits for the output layer.
    pub(super) z: Vec<Vec<T>>,
    /// Per layer: `X W` before batch norm (only used with batch norm).
    pub(super) z_raw: Vec<Vec<T>>,
    /// Per hidden layer: the activation before dropout (only filled when dropout was applied).
    pub(super) pre_drop: Vec<Vec<T>>,
    pub(super) bn_cache: Vec<BnCache<T>>,
    pub(super) masks: Vec<Vec<T>>,
    pub(super) masks_frozen: bool,
    pub(super) dropped: bool,
    pub(super) delta: Vec<T>,
    pub(super) delta_prev: Vec<T>,
    /// Packing buffers of the f32 matrix products.
    pub(super) scratch: GemmScratch,
}

impl NetworkConfig {
    /// Checks the caps and settings first ([`NetworkConfig::check`]), then allocates the network
    /// and draws its weights from `rng` (layer by layer, `W` in row-major order).
    pub fn validate<T: NnFloat, R: RngExt + ?Sized>(&self, rng: &mut R) -> Result<Network<T>, NetworkError> {
        self.check()?;
        let sizes = self.sizes();
        let n_layers = sizes.len() - 1;
        let mut layers = Vec::with_capacity(n_layers);
        let mut info = Vec::new();
        let mut params: Vec<Vec<T>> = Vec::new();
        let mut running = Vec::with_capacity(n_layers);
        for l in 0..n_layers {
            let (n_in, n_out) = (sizes[l], sizes[l + 1]);
            let hidden = l + 1 < n_layers;
            let mut push = |kind: ParamKind, prefix: &str, rows: usize, values: Vec<T>| {
                info.push(ParamInfo {
                    name: format!("{prefix}{}", l + 1),
                    layer: l + 1,
                    kind,
                    rows,
                    cols: n_out,
                });
                params.push(values);
                params.len() - 1
            };
            let mut w = vec![T::ZERO; n_in * n_out];
            self.init.fill(&mut w, n_in, n_out, rng);
            let w = push(ParamKind::Weight, "W", n_in, w);
            let ln = hidden && self.layer_norm;
            let (b, bn) = if hidden && (self.batch_norm || ln) {
                let g = push(ParamKind::Gamma, "gamma", 1, vec![T::ONE; n_out]);
                let be = push(ParamKind::Beta, "beta", 1, vec![T::ZERO; n_out]);
                // layer norm keeps no running statistics
                running.push(if ln {
                    RunningStats::default()
                } else {
                    RunningStats::new(n_out)
                });
                (None, Some((g, be)))
            } else {
                running.push(RunningStats::default());
                (Some(push(ParamKind::Bias, "b", 1, vec![T::ZERO; n_out])), None)
            };
            layers.push(Layer {
                n_in,
                n_out,
                w,
                b,
                bn,
                ln,
                hidden,
            });
        }
        let grads = params.iter().map(|p| vec![T::ZERO; p.len()]).collect();
        Ok(Network {
            config: self.clone(),
            layers,
            info,
            params,
            grads,
            running,
            m: 0,
            mode: None,
            acts: vec![Vec::new(); n_layers + 1],
            z: vec![Vec::new(); n_layers],
            z_raw: vec![Vec::new(); n_layers],
            pre_drop: vec![Vec::new(); n_layers],
            bn_cache: vec![BnCache::default(); n_layers],
            masks: vec![Vec::new(); n_layers],
            masks_frozen: false,
            dropped: false,
            delta: Vec::new(),
            delta_prev: Vec::new(),
            scratch: GemmScratch::default(),
        })
    }
}

impl<T: NnFloat> Network<T> {
    /// The validated settings.
    pub fn config(&self) -> &NetworkConfig {
        &self.config
    }

    /// Names and shapes of the parameter tensors, in storage order.
    pub fn param_info(&self) -> &[ParamInfo] {
        &self.info
    }

    /// The parameter tensors (flat, row-major), in [`Network::param_info`] order.
    pub fn params(&self) -> &[Vec<T>] {
        &self.params
    }

    /// Mutable parameter tensors (for optimizers, gradient checking, loading weights).
    pub fn params_mut(&mut self) -> &mut [Vec<T>] {
        &mut self.params
    }

    /// The gradients of the last [`Network::backward`], one per parameter tensor.
    pub fn grads(&self) -> &[Vec<T>] {
        &self.grads
    }

    /// Per tensor: its info, its parameters (mutable) and its gradient, for an optimizer step.
    pub fn params_and_grads(&mut self) -> impl Iterator<Item = (&ParamInfo, &mut [T], &[T])> {
        self.info
            .iter()
            .zip(self.params.iter_mut())
            .zip(self.grads.iter())
            .map(|((i, p), g)| (i, p.as_mut_slice(), g.as_slice()))
    }

    /// Changes the regularisation of a running network without touching its weights (panda
    /// mode): L2 strength `l2` (>= 0, finite) and dropout `keep_prob` in (0, 1]. The next
    /// training pass uses them. Refused (nothing changed) when out of range.
    pub fn set_regularisation(&mut self, l2: f64, keep_prob: f64) -> Result<(), NetworkError> {
        if !(l2 >= 0.0 && l2.is_finite()) {
            return Err(NetworkError::Setting("l2", l2, "[0, inf)"));
        }
        if !(keep_prob > 0.0 && keep_prob <= 1.0) {
            return Err(NetworkError::Setting("keep_prob", keep_prob, "(0, 1]"));
        }
        self.config.l2 = l2;
        self.config.keep_prob = keep_prob;
        Ok(())
    }

    /// Changes the L1 strength of a running network without touching its weights (panda mode):
    /// `l1` >= 0 and finite, else refused with nothing changed.
    pub fn set_l1(&mut self, l1: f64) -> Result<(), NetworkError> {
        if !(l1 >= 0.0 && l1.is_finite()) {
            return Err(NetworkError::Setting("l1", l1, "[0, inf)"));
        }
        self.config.l1 = l1;
        Ok(())
    }

    /// Number of parameters.
    pub fn param_count(&self) -> usize {
        self.params.iter().map(Vec::len).sum()
    }

    /// The running batch-norm statistics of layer `layer` (from 1); `None` without batch norm.
    pub fn running_stats(&self, layer: usize) -> Option<&RunningStats<T>> {
        let l = layer.checked_sub(1)?;
        let layer = self.layers.get(l)?;
        layer.bn.filter(|_| !layer.ln)?;
        self.running.get(l)
    }

    /// Keep (`true`) or stop keeping the dropout masks of the last training forward pass: while
    /// frozen, training passes with the same batch size reuse them (gradient checking with dropout).
    pub fn freeze_dropout_masks(&mut self, frozen: bool) {
        self.masks_frozen = frozen;
    }

    /// The outputs of the last forward pass (`m x outputs`).
    pub fn output(&self) -> &[T] {
        self.acts.last().map(Vec::as_slice).unwrap_or(&[])
    }

    /// The hidden activations of layer `layer` (from 1) in the last forward pass, after dropout.
    pub fn activations(&self, layer: usize) -> Option<&[T]> {
        self.acts.get(layer).map(Vec::as_slice)
    }

    /// `lambda/(2m) sum ||W||^2` for a batch of `m` rows (0 when lambda is 0).
    pub fn l2_cost(&self, m: usize) -> f64 {
        if self.config.l2 == 0.0 || m == 0 {
            return 0.0;
        }
        let sq: f64 = self
            .layers
            .iter()
            .flat_map(|l| self.params[l.w].iter())
            .map(|&w| w.to_f64() * w.to_f64())
            .sum();
        self.config.l2 / (2.0 * m as f64) * sq
    }

    /// `lambda/m sum |W|` for a batch of `m` rows (0 when the L1 lambda is 0); biases are not
    /// penalised.
    pub fn l1_cost(&self, m: usize) -> f64 {
        if self.config.l1 == 0.0 || m == 0 {
            return 0.0;
        }
        let abs: f64 = self
            .layers
            .iter()
            .flat_map(|l| self.params[l.w].iter())
            .map(|&w| w.to_f64().abs())
            .sum();
        self.config.l1 / m as f64 * abs
    }

    /// The regularisation terms of the cost for a batch of `m` rows: L2 plus L1.
    pub fn penalty_cost(&self, m: usize) -> f64 {
        self.l2_cost(m) + self.l1_cost(m)
    }

    /// The cost of the last forward pass against targets `y` (`m x outputs`): output loss plus
    /// the L2 and L1 terms.
    pub fn loss(&self, y: &[T]) -> Result<f64, NetworkError> {
        let want = self.m * self.config.outputs;
        if y.len() != want {
            return Err(NetworkError::Shape("targets", want, y.len()));
        }
        let z = self.z.last().map(Vec::as_slice).unwrap_or(&[]);
        Ok(self.config.output.loss(z, y, self.config.outputs) + self.penalty_cost(self.m))
    }

    /// Share of rows classified correctly in the last forward pass: argmax against the one-hot
    /// argmax (softmax), or each output thresholded at 0.5 against `y >= 0.5` (sigmoid). `None`
    /// for regression.
    pub fn accuracy(&self, y: &[T]) -> Option<f64> {
        let k = self.config.outputs;
        let a = self.output();
        if y.len() != a.len() || a.is_empty() {
            return None;
        }
        let half = T::from_f64(0.5);
        let correct = match self.config.output {
            Output::SoftmaxCrossEntropy => a
                .chunks_exact(k)
                .zip(y.chunks_exact(k))
                .filter(|(ar, yr)| argmax(ar) == argmax(yr))
                .count(),
            Output::SigmoidBinaryCrossEntropy => a
                .chunks_exact(k)
                .zip(y.chunks_exact(k))
                .filter(|(ar, yr)| ar.iter().zip(yr.iter()).all(|(&a, &y)| (a >= half) == (y >= half)))
                .count(),
            Output::LinearSquaredError => return None,
        };
        Some(correct as f64 / (a.len() / k) as f64)
    }
}

/// Index of the largest value (the first one on ties).
pub fn argmax<T: NnFloat>(row: &[T]) -> usize {
    let mut best = 0;
    for (i, &v) in row.iter().enumerate() {
        if v > row[best] {
            best = i;
        }
    }
    best
}

/// One-hot rows (`labels.len() x classes`) from class indices; labels >= classes give zero rows.
pub fn one_hot<T: NnFloat>(labels: &[usize], classes: usize) -> Vec<T> {
    let mut y = vec![T::ZERO; labels.len() * classes];
    for (row, &c) in y.chunks_exact_mut(classes).zip(labels) {
        if c < classes {
            row[c] = T::ONE;
        }
    }
    y
}
