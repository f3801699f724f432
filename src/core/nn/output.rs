//! Output layers and their losses (seed 004; DLFS chapters 3-5), all averaged over the `m` rows of
//! a batch. For each pairing, the gradient of the averaged loss with respect to the output
//! layer's pre-activation `z` is the same simple expression `dz = (a - y) / m`, which is why each
//! output activation is paired with "its" loss.
//!
//! * softmax + cross-entropy (multi-class, one-hot `y`): `a_k = e^{z_k} / sum_j e^{z_j}`,
//!   `J = -(1/m) sum_i sum_k y_ik log a_ik`. Computed with the row maximum subtracted and the loss
//!   as `-(sum_k y_k (z_k - lse(z)))` with `lse = max + log sum e^{z - max}`, so logits of any size
//!   neither overflow nor give `log 0`.
//! * sigmoid + binary cross-entropy (each output an independent yes/no, `y` in [0, 1]):
//!   `J = -(1/m) sum [y log a + (1 - y) log(1 - a)]`, computed from the logit as
//!   `max(z, 0) - z y + log(1 + e^{-|z|})` (the same value, stable for large |z|).
//! * linear + squared error (regression): `a = z`, `J = (1/m) sum_i (1/2) ||a_i - y_i||^2`.
use super::float::NnFloat;
use crate::core::math::exp::exp_f64;
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// The output activation and its loss. Default [`Output::SoftmaxCrossEntropy`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// Softmax over the outputs, cross-entropy against one-hot targets. The default.
    #[default]
    SoftmaxCrossEntropy,
    /// Independent sigmoids, binary cross-entropy against targets in [0, 1].
    SigmoidBinaryCrossEntropy,
    /// Identity output, half squared error.
    LinearSquaredError,
}

// Short ids (`softmax`, `sigmoid`, `linear`).
named!(Output {
    SoftmaxCrossEntropy => "softmax",
    SigmoidBinaryCrossEntropy => "sigmoid",
    LinearSquaredError => "linear",
});

impl Output {
    /// `a = output(z)` for a `rows x cols` batch.
    pub fn forward<T: NnFloat>(self, z: &[T], a: &mut [T], cols: usize) {
        match self {
            Output::SoftmaxCrossEntropy => {
                for (zr, ar) in z.chunks_exact(cols).zip(a.chunks_exact_mut(cols)) {
                    softmax_row(zr, ar);
                }
            }
            Output::SigmoidBinaryCrossEntropy => T::sigmoid_slice(z, a),
            Output::LinearSquaredError => a.copy_from_slice(z),
        }
    }

    /// The batch-averaged loss (in f64) from the logits `z` and targets `y` (`rows x cols`).
    pub fn loss<T: NnFloat>(self, z: &[T], y: &[T], cols: usize) -> f64 {
        let rows = z.len() / cols.max(1);
        if rows == 0 {
            return 0.0;
        }
        let mut total = 0.0f64;
        match self {
            Output::SoftmaxCrossEntropy => {
                for (zr, yr) in z.chunks_exact(cols).zip(y.chunks_exact(cols)) {
                    let lse = log_sum_exp(zr);
                    for (&z, &y) in zr.iter().zip(yr) {
                        if y != T::ZERO {
                            total -= y.to_f64() * (z.to_f64() - lse);
                        }
                    }
                }
            }
            Output::SigmoidBinaryCrossEntropy => {
                for (&z, &y) in z.iter().zip(y) {
                    let (z, y) = (z.to_f64(), y.to_f64());
                    total += z.max(0.0) - z * y + (-z.abs()).exp().ln_1p();
                }
            }
            Output::LinearSquaredError => {
                for (&a, &y) in z.iter().zip(y) {
                    let d = a.to_f64() - y.to_f64();
                    total += 0.5 * d * d;
                }
            }
        }
        total / rows as f64
    }

    /// `dz = (a - y) / m` into `dz`, from the outputs `a` and targets `y` of an `m`-row batch.
    pub fn dz<T: NnFloat>(self, a: &[T], y: &[T], m: usize, dz: &mut [T]) {
        let inv_m = T::ONE / T::from_f64(m as f64);
        for ((d, &a), &y) in dz.iter_mut().zip(a).zip(y) {
            *d = (a - y) * inv_m;
        }
    }
}

/// Softmax of one row with the maximum subtracted first (`e^{z - max}` never overflows).
pub fn softmax_row<T: NnFloat>(z: &[T], a: &mut [T]) {
    let max = z.iter().fold(z[0], |m, &v| m.max(v));
    let mut sum = T::ZERO;
    for (a, &z) in a.iter_mut().zip(z) {
        *a = (z - max).exp();
        sum += *a;
    }
    let inv = T::ONE / sum;
    a.iter_mut().for_each(|a| *a *= inv);
}

/// `log sum_k e^{z_k}` in f64, as `max + log sum e^{z - max}`.
pub fn log_sum_exp<T: NnFloat>(z: &[T]) -> f64 {
    let max = z.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v.to_f64()));
    let s: f64 = z.iter().map(|&v| exp_f64(v.to_f64() - max)).sum();
    max + s.ln()
}
