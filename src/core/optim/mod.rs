//! Gradient-descent optimizers (seed 001: momentum, RMSprop, Adam; seed 004 and DLFS
//! `common/optimizer.py`: SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam): one implementation for
//! the 2-D points of `view=optimizers` and for every weight tensor of a network.
//!
//! Pattern: [`OptimizerConfig`] (serde, documented defaults) -> [`OptimizerConfig::validate`] ->
//! [`Optimizer`] (validated settings, `Copy`) which updates any number of parameter tensors. Each
//! tensor has its own [`OptimState`] (plain data: the `v` and `s`/`h` buffers), made once by
//! [`Optimizer::init_state`]; [`Optimizer::step`] then updates `params` in place from `grads`,
//! generic over [`Float`] (`f32`, `f64`), without allocating. `t` is the 1-based step number,
//! shared by all tensors of one update (Adam's bias correction needs it).
//!
//! Two conventions, named as the notes name them ([`Convention`]):
//! * Ng (Coursera, seed 001): `v = beta v + (1 - beta) g; W -= alpha v` (an EWMA of the gradients,
//!   the same recursion as [`crate::core::ewma`]); Adam divides by `1 - beta^t` explicitly.
//! * DLFS / PyTorch: `v = mu v - lr g; W += v`; Adam folds the correction into
//!   `lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)` with eps 1e-7.
//!
//! The two momentum forms give the same path when `lr_dlfs = (1 - beta) lr_ng` (see
//! [`dlfs_equivalent_lr`]). AdaGrad and RMSprop have one formula; the convention only picks the
//! default epsilon and decay (Ng: beta2 0.999, eps 1e-8; DLFS: rho 0.99, eps 1e-7).
use crate::core::ewma::bias_correction_denominator;
use crate::core::math::num::Float;
use crate::core::named::named;
use ndarray::{ArrayView, ArrayViewMut, Dimension};
use serde::{Deserialize, Serialize};

mod adagrad;
mod adam;
mod momentum;
mod rmsprop;
mod sgd;

/// Which update rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OptimizerKind {
    /// Plain gradient descent `W -= lr g`. The default.
    Sgd,
    /// Heavy-ball momentum (EWMA of gradients, or DLFS velocity).
    Momentum,
    /// Nesterov's accelerated gradient (DLFS form; Sutskever et al. 2013).
    Nesterov,
    /// AdaGrad (Duchi et al. 2011): per-coordinate steps from the sum of squared gradients.
    AdaGrad,
    /// RMSprop (Hinton's lecture 6e): per-coordinate steps from an EWMA of squared gradients.
    RmsProp,
    /// Adam (Kingma & Ba 2015): momentum plus RMSprop, with bias correction.
    Adam,
}

named!(OptimizerKind {
    Sgd => "sgd",
    Momentum => "momentum",
    Nesterov => "nesterov",
    AdaGrad => "adagrad",
    RmsProp => "rmsprop",
    Adam => "adam",
});

impl OptimizerKind {
    /// Display name (`SGD`, `Momentum`, ...).
    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Sgd => "SGD",
            OptimizerKind::Momentum => "Momentum",
            OptimizerKind::Nesterov => "Nesterov",
            OptimizerKind::AdaGrad => "AdaGrad",
            OptimizerKind::RmsProp => "RMSprop",
            OptimizerKind::Adam => "Adam",
        }
    }

    /// Whether the rule keeps a first-moment / velocity buffer `v`.
    pub fn uses_v(self) -> bool {
        matches!(
            self,
            OptimizerKind::Momentum | OptimizerKind::Nesterov | OptimizerKind::Adam
        )
    }

    /// Whether the rule keeps a squared-gradient buffer `s` (AdaGrad's `h`).
    pub fn uses_s(self) -> bool {
        matches!(
            self,
            OptimizerKind::AdaGrad | OptimizerKind::RmsProp | OptimizerKind::Adam
        )
    }
}

/// Which of the notes' two forms of the momentum-style updates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Convention {
    /// Ng: `v = beta v + (1 - beta) g; W -= lr v`; Adam with explicit `v / (1 - beta1^t)`,
    /// `s / (1 - beta2^t)`, eps 1e-8 outside the square root. The default.
    Ng,
    /// DLFS / PyTorch: `v = mu v - lr g; W += v`; Adam with the folded `lr_t`, eps 1e-7.
    Dlfs,
}

// DLFS first: the order a page lists them in (its default race is the DLFS comparison).
named!(Convention {
    Dlfs => "dlfs",
    Ng => "ng",
});

/// Settings of an optimizer. `beta1` is momentum's beta / mu and Adam's beta1; `beta2` is
/// RMSprop's beta2 / rho and Adam's beta2; unused settings are ignored but still validated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OptimizerConfig {
    /// The rule. Default [`OptimizerKind::Sgd`].
    pub kind: OptimizerKind,
    /// Learning rate alpha (> 0, finite). Default 0.01.
    pub lr: f64,
    /// Momentum beta / mu, Adam beta1, in [0, 1). Default 0.9.
    pub beta1: f64,
    /// RMSprop beta2 / rho, Adam beta2, in [0, 1). Default 0.999.
    pub beta2: f64,
    /// Added to the root of the squared-gradient average (> 0, finite). Default 1e-8.
    pub eps: f64,
    /// Ng or DLFS form. Default [`Convention::Ng`].
    pub convention: Convention,
    /// Adam's bias correction `1 / (1 - beta^t)`. Default on.
    pub bias_correction: bool,
}

impl Default for OptimizerConfig {
    fn default() -> Self {
        OptimizerConfig {
            kind: OptimizerKind::Sgd,
            lr: 0.01,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            convention: Convention::Ng,
            bias_correction: true,
        }
    }
}

impl OptimizerConfig {
    /// The usual settings of `kind` in `convention` with learning rate `lr`: beta1 0.9; beta2
    /// 0.999 (Ng, Adam everywhere) or rho 0.99 (DLFS RMSprop); eps 1e-8 (Ng) or 1e-7 (DLFS, and
    /// AdaGrad in both); bias correction on.
    pub fn new(kind: OptimizerKind, convention: Convention, lr: f64) -> Self {
        let dlfs = convention == Convention::Dlfs;
        OptimizerConfig {
            kind,
            lr,
            beta1: 0.9,
            beta2: if dlfs && kind == OptimizerKind::RmsProp {
                0.99
            } else {
                0.999
            },
            eps: if dlfs || kind == OptimizerKind::AdaGrad {
                1e-7
            } else {
                1e-8
            },
            convention,
            bias_correction: true,
        }
    }

    /// Checks every setting; returns the optimizer or the first problem found.
    pub fn validate(&self) -> Result<Optimizer, OptimError> {
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(OptimError::LearningRate(self.lr));
        }
        // [0, 1): beta = 1 would freeze the average at its start (and divide by 1 - 1 = 0).
        if !(0.0..1.0).contains(&self.beta1) {
            return Err(OptimError::Beta1(self.beta1));
        }
        if !(0.0..1.0).contains(&self.beta2) {
            return Err(OptimError::Beta2(self.beta2));
        }
        if !(self.eps.is_finite() && self.eps > 0.0) {
            return Err(OptimError::Epsilon(self.eps));
        }
        Ok(Optimizer { config: *self })
    }
}

/// Why a configuration or a step was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum OptimError {
    /// The learning rate must be finite and > 0.
    LearningRate(f64),
    /// beta1 (momentum) must be in [0, 1).
    Beta1(f64),
    /// beta2 (squared-gradient decay) must be in [0, 1).
    Beta2(f64),
    /// eps must be finite and > 0.
    Epsilon(f64),
    /// `params`, `grads` and the state must have the same length.
    LengthMismatch {
        /// `params.len()`.
        params: usize,
        /// `grads.len()`.
        grads: usize,
        /// The length the state was made for.
        state: usize,
    },
    /// Steps are counted from 1.
    StepZero,
    /// An ndarray view was not in standard (row-major, contiguous) layout, or shapes differ.
    Layout,
}

impl std::fmt::Display for OptimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptimError::LearningRate(v) => write!(f, "learning rate must be a finite number > 0, got {v}"),
            OptimError::Beta1(v) => write!(f, "beta1 (momentum) must be in [0, 1), got {v}"),
            OptimError::Beta2(v) => write!(f, "beta2 (squared-gradient decay) must be in [0, 1), got {v}"),
            OptimError::Epsilon(v) => write!(f, "epsilon must be a finite number > 0, got {v}"),
            OptimError::LengthMismatch { params, grads, state } => write!(
                f,
                "lengths differ: {params} parameters, {grads} gradients, state for {state}"
            ),
            OptimError::StepZero => write!(f, "the step number t starts at 1"),
            OptimError::Layout => write!(f, "arrays must have the same shape and a contiguous row-major layout"),
        }
    }
}

impl std::error::Error for OptimError {}

/// The per-tensor state: plain data, serialisable, one per parameter tensor. Buffers the rule
/// does not use stay empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OptimState<T> {
    /// Number of parameters this state belongs to.
    pub len: usize,
    /// Velocity / first moment (Momentum, Nesterov, Adam); zeros at the start.
    pub v: Vec<T>,
    /// Squared-gradient accumulator (AdaGrad `h`, RMSprop and Adam `s`); zeros at the start.
    pub s: Vec<T>,
}

/// A validated optimizer: settings only (no state), cheap to copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Optimizer {
    config: OptimizerConfig,
}

/// The DLFS learning rate that reproduces Ng-form momentum with `lr_ng` and `beta` (and the
/// reverse with [`ng_equivalent_lr`]): `v_dlfs = -lr_ng v_ng` turns `v = beta v + (1-beta) g`
/// into `v = beta v - (1-beta) lr_ng g`, so `lr_dlfs = (1 - beta) lr_ng`.
pub fn dlfs_equivalent_lr(lr_ng: f64, beta: f64) -> f64 {
    (1.0 - beta) * lr_ng
}

/// The Ng learning rate equivalent to DLFS momentum with `lr_dlfs` and `mu`: `lr_dlfs / (1 - mu)`.
pub fn ng_equivalent_lr(lr_dlfs: f64, mu: f64) -> f64 {
    lr_dlfs / (1.0 - mu)
}

impl Optimizer {
    /// The validated settings.
    pub fn config(&self) -> &OptimizerConfig {
        &self.config
    }

    /// The rule.
    pub fn kind(&self) -> OptimizerKind {
        self.config.kind
    }

    /// The learning rate.
    pub fn lr(&self) -> f64 {
        self.config.lr
    }

    /// The same optimizer with another learning rate (a schedule's value for this epoch).
    pub fn with_lr(&self, lr: f64) -> Result<Optimizer, OptimError> {
        OptimizerConfig { lr, ..self.config }.validate()
    }

    /// A fresh state (zeros) for a tensor of `len` parameters; allocates only the buffers the
    /// rule uses.
    pub fn init_state<T: Float>(&self, len: usize) -> OptimState<T> {
        let kind = self.config.kind;
        OptimState {
            len,
            v: if kind.uses_v() { vec![T::ZERO; len] } else { Vec::new() },
            s: if kind.uses_s() { vec![T::ZERO; len] } else { Vec::new() },
        }
    }

    /// One update of `params` in place from `grads`; `t` is the 1-based step number. No
    /// allocation; the inner loops run over plain slices.
    pub fn step<T: Float>(
        &self,
        state: &mut OptimState<T>,
        params: &mut [T],
        grads: &[T],
        t: u64,
    ) -> Result<(), OptimError> {
        let n = params.len();
        let kind = self.config.kind;
        let buffers_ok = (!kind.uses_v() || state.v.len() == n) && (!kind.uses_s() || state.s.len() == n);
        if grads.len() != n || state.len != n || !buffers_ok {
            return Err(OptimError::LengthMismatch {
                params: n,
                grads: grads.len(),
                state: state.len,
            });
        }
        if t == 0 {
            return Err(OptimError::StepZero);
        }
        let c = &self.config;
        let lr = T::from_f64(c.lr);
        let b1 = T::from_f64(c.beta1);
        let b2 = T::from_f64(c.beta2);
        let eps = T::from_f64(c.eps);
        // 1 - beta in f64, then converted: in f32, 1 - 0.999f32 is 1.3e-5 off in relative terms.
        let one_b1 = T::from_f64(1.0 - c.beta1);
        let one_b2 = T::from_f64(1.0 - c.beta2);
        let dlfs = c.convention == Convention::Dlfs;
        match kind {
            OptimizerKind::Sgd => sgd::sgd(params, grads, lr),
            OptimizerKind::Momentum if dlfs => momentum::momentum_dlfs(params, &mut state.v, grads, lr, b1),
            OptimizerKind::Momentum => momentum::momentum_ng(params, &mut state.v, grads, lr, b1, one_b1),
            OptimizerKind::Nesterov if dlfs => momentum::nesterov_dlfs(params, &mut state.v, grads, lr, b1),
            OptimizerKind::Nesterov => momentum::nesterov_ng(params, &mut state.v, grads, lr, b1, one_b1),
            OptimizerKind::AdaGrad => adagrad::adagrad(params, &mut state.s, grads, lr, eps),
            OptimizerKind::RmsProp => rmsprop::rmsprop(params, &mut state.s, grads, lr, b2, one_b2, eps),
            OptimizerKind::Adam => {
                // 1 - beta^t in f64 (accurate for beta near 1), converted once per step.
                let (c1, c2) = if c.bias_correction {
                    (
                        bias_correction_denominator(c.beta1, t),
                        bias_correction_denominator(c.beta2, t),
                    )
                } else {
                    (1.0, 1.0)
                };
                let k = adam::Factors {
                    one_b1,
                    one_b2,
                    inv_c1: T::from_f64(1.0 / c1),
                    inv_c2: T::from_f64(1.0 / c2),
                };
                if dlfs {
                    let lr_t = T::from_f64(c.lr * c2.sqrt() / c1);
                    adam::adam_folded(params, &mut state.v, &mut state.s, grads, lr_t, k, eps);
                } else {
                    adam::adam_ng(params, &mut state.v, &mut state.s, grads, lr, b1, b2, eps, k);
                }
            }
        }
        Ok(())
    }

    /// [`Optimizer::step`] over ndarray views of any dimension (same shape, standard layout).
    pub fn step_array<T: Float, D: Dimension>(
        &self,
        state: &mut OptimState<T>,
        mut params: ArrayViewMut<'_, T, D>,
        grads: ArrayView<'_, T, D>,
        t: u64,
    ) -> Result<(), OptimError> {
        if params.shape() != grads.shape() {
            return Err(OptimError::Layout);
        }
        match (params.as_slice_mut(), grads.as_slice()) {
            (Some(p), Some(g)) => self.step(state, p, g, t),
            _ => Err(OptimError::Layout),
        }
    }
}
