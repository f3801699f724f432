//! Gradient checking (seed 004, "Gradient checking"): compare backpropagation's gradient `d` with
//! the two-sided difference `d_approx[i] = (J(theta + eps e_i) - J(theta - eps e_i)) / (2 eps)`.
//!
//! The verdict uses the relative difference `||d_approx - d||_2 / (||d_approx||_2 + ||d||_2)`
//! (0 when both are 0), overall and per parameter tensor, judged with the notes' thresholds:
//! about 1e-7 is fine, about 1e-5 deserves a closer look, 1e-3 or more is very likely a bug
//! ([`Verdict`]). As the notes say: check with dropout off (or, as here, with its masks frozen,
//! so `J` is a fixed function of the parameters), and never during training (each entry costs
//! two forward passes). Big networks check a seeded sample of at most `max_entries` entries,
//! spread over the tensors in proportion to their sizes (at least one entry each).
use super::config::{NetworkError, PlantedBug};
use super::float::NnFloat;
use super::network::{Mode, Network, ParamKind};
use crate::core::named::named;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// Relative differences at or below this are fine: 1e-7.
pub const FINE: f64 = 1e-7;
/// At or above this the gradient is very likely wrong: 1e-3. In between (around the notes' 1e-5),
/// look closer.
pub const BUG: f64 = 1e-3;

/// Settings of a check.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GradCheckConfig {
    /// The step `eps` of the two-sided difference (> 0). Default 1e-6 (the notes use 1e-7; in
    /// f64, 1e-6 leaves rounding error and the `eps^2` truncation error both near 1e-12).
    pub epsilon: f64,
    /// Most entries checked; larger networks are sampled. Default 20,000.
    pub max_entries: usize,
    /// Keep one set of dropout masks for the whole check (true), or draw fresh masks at every
    /// evaluation of the cost (false: `J` is then random, which is why the notes check with
    /// dropout off). Default true.
    pub freeze_dropout: bool,
}

impl Default for GradCheckConfig {
    fn default() -> Self {
        GradCheckConfig {
            epsilon: 1e-6,
            max_entries: 20_000,
            freeze_dropout: true,
        }
    }
}

/// The notes' reading of a relative difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// <= 1e-7: backpropagation is right.
    Fine,
    /// Between 1e-7 and 1e-3 (e.g. 1e-5): probably right, check the components.
    LookCloser,
    /// >= 1e-3: very likely a bug.
    Bug,
}

named!(Verdict {
    Fine => "fine",
    LookCloser => "look_closer",
    Bug => "bug",
});

// The bugs a gradient check exists to catch, by the ids the gradient-check view offers.
named!(PlantedBug {
    None => "none",
    ActivationSign => "activation_sign",
    MissingL2Gradient => "missing_l2_gradient",
    BiasNotAveraged => "bias_not_averaged",
    DropoutMaskIgnored => "dropout_mask_ignored",
});

impl Verdict {
    /// The verdict for relative difference `d` (NaN counts as a bug).
    pub fn of(d: f64) -> Verdict {
        if d <= FINE {
            Verdict::Fine
        } else if d < BUG {
            Verdict::LookCloser
        } else {
            Verdict::Bug
        }
    }
}

/// The result for one parameter tensor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupCheck {
    /// Tensor name (`W1`, `b1`, `gamma1`, ...).
    pub name: String,
    /// Layer, from 1.
    pub layer: usize,
    /// What it is.
    pub kind: ParamKind,
    /// Entries checked / entries in the tensor.
    pub checked: usize,
    /// Entries in the tensor.
    pub size: usize,
    /// Relative difference over the checked entries.
    pub rel_diff: f64,
    /// Its verdict.
    pub verdict: Verdict,
    /// Largest absolute difference `|d_approx - d|` of one entry.
    pub max_abs_diff: f64,
}

/// A whole check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradCheckReport {
    /// Relative difference over every checked entry.
    pub rel_diff: f64,
    /// Its verdict.
    pub verdict: Verdict,
    /// Per tensor, in parameter order.
    pub groups: Vec<GroupCheck>,
    /// Entries checked.
    pub checked: usize,
    /// Parameters in the network.
    pub total: usize,
    /// The cost at the unperturbed parameters.
    pub loss: f64,
}

/// `||a - b|| / (||a|| + ||b||)` from the three sums of squares (0 when both norms are 0).
fn relative(diff2: f64, a2: f64, b2: f64) -> f64 {
    let den = a2.sqrt() + b2.sqrt();
    if den == 0.0 {
        0.0
    } else {
        diff2.sqrt() / den
    }
}

/// Checks the gradient of `net` on the batch `x` (`m x inputs`) with targets `y`. Works on a
/// copy: `net` itself is not changed. With dropout on, one set of masks is drawn from `rng` and
/// (by default) frozen for the whole check; the same `rng` then picks the sample of entries.
pub fn grad_check<T: NnFloat, R: RngExt + ?Sized>(
    net: &Network<T>,
    x: &[T],
    y: &[T],
    m: usize,
    config: &GradCheckConfig,
    rng: &mut R,
) -> Result<GradCheckReport, NetworkError> {
    if !(config.epsilon > 0.0 && config.epsilon.is_finite()) {
        return Err(NetworkError::Setting("epsilon", config.epsilon, "(0, inf)"));
    }
    let mut net = net.clone();
    net.forward(x, m, Mode::Train, rng)?;
    net.freeze_dropout_masks(config.freeze_dropout);
    let loss = net.loss(y)?;
    net.backward(y)?;
    let analytic: Vec<Vec<T>> = net.grads().to_vec();
    let total = net.param_count();
    let eps = T::from_f64(config.epsilon);
    let two_eps = 2.0 * config.epsilon;
    let (mut all_d, mut all_a, mut all_b) = (0.0, 0.0, 0.0);
    let mut groups = Vec::new();
    let mut checked = 0;
    for (g, exact_g) in analytic.iter().enumerate() {
        let size = exact_g.len();
        let want = if total <= config.max_entries {
            size
        } else {
            ((config.max_entries as f64 * size as f64 / total as f64).ceil() as usize).clamp(1, size)
        };
        let idx = sample(size, want, rng);
        let (mut d2, mut a2, mut b2, mut max_abs) = (0.0, 0.0, 0.0, 0.0f64);
        for &i in &idx {
            let theta = net.params()[g][i];
            net.params_mut()[g][i] = theta + eps;
            net.forward(x, m, Mode::Train, rng)?;
            let plus = net.loss(y)?;
            net.params_mut()[g][i] = theta - eps;
            net.forward(x, m, Mode::Train, rng)?;
            let minus = net.loss(y)?;
            net.params_mut()[g][i] = theta;
            // The step actually taken, in T (in f32, theta + eps rounds).
            let step = (theta + eps).to_f64() - (theta - eps).to_f64();
            let approx = (plus - minus) / if step > 0.0 { step } else { two_eps };
            let exact = exact_g[i].to_f64();
            let diff = approx - exact;
            d2 += diff * diff;
            a2 += approx * approx;
            b2 += exact * exact;
            max_abs = max_abs.max(diff.abs());
        }
        all_d += d2;
        all_a += a2;
        all_b += b2;
        checked += idx.len();
        let info = &net.param_info()[g];
        let rel_diff = relative(d2, a2, b2);
        groups.push(GroupCheck {
            name: info.name.clone(),
            layer: info.layer,
            kind: info.kind,
            checked: idx.len(),
            size,
            rel_diff,
            verdict: Verdict::of(rel_diff),
            max_abs_diff: max_abs,
        });
    }
    let rel_diff = relative(all_d, all_a, all_b);
    Ok(GradCheckReport {
        rel_diff,
        verdict: Verdict::of(rel_diff),
        groups,
        checked,
        total,
        loss,
    })
}

/// `want` distinct indices of `0..size` in increasing order (all of them when `want >= size`),
/// by a partial Fisher–Yates shuffle.
fn sample<R: RngExt + ?Sized>(size: usize, want: usize, rng: &mut R) -> Vec<usize> {
    if want >= size {
        return (0..size).collect();
    }
    let mut all: Vec<usize> = (0..size).collect();
    for i in 0..want {
        let j = rng.random_range(i..size);
        all.swap(i, j);
    }
    let mut idx = all[..want].to_vec();
    idx.sort_unstable();
    idx
}
