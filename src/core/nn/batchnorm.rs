//! Batch normalisation before the activation (Ioffe & Szegedy 2015; seeds 003 and 004; DLFS
//! `BatchNormalization`).
//!
//! Training, per unit over the `m` rows of a mini-batch: `mu = mean(z)`,
//! `var = mean((z - mu)^2)` (biased), `z_hat = (z - mu) / sqrt(var + eps)`,
//! `z_tilde = gamma z_hat + beta`. The dense layer's bias is dropped (beta takes its place).
//!
//! Test time uses running statistics kept by an exponentially weighted average over the training
//! mini-batches, in DLFS's convention: `running = momentum * running + (1 - momentum) * batch`
//! with momentum 0.9, both running mean and running variance starting at 0, the biased batch
//! variance, and no bias correction (so the first few hundred steps under-estimate them; see
//! [`crate::core::ewma`]). PyTorch's `momentum=0.1` is the same average written the other way
//! round, but PyTorch keeps the unbiased variance and starts the variance at 1.
//!
//! Backward, with `dx_hat = gamma dz_tilde`: `dgamma = sum z_hat dz_tilde`, `dbeta = sum dz_tilde`,
//! `dz = (1 / (m sqrt(var + eps))) (m dx_hat - sum dx_hat - z_hat sum(dx_hat z_hat))`.
use super::float::NnFloat;
use serde::{Deserialize, Serialize};

/// Running statistics of one batch-norm layer (plain data).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunningStats<T> {
    /// Running mean per unit; starts at 0.
    pub mean: Vec<T>,
    /// Running (biased) variance per unit; starts at 0.
    pub var: Vec<T>,
    /// Mini-batches folded in so far.
    pub updates: u64,
}

impl<T: NnFloat> RunningStats<T> {
    /// Zeros for `units` units.
    pub fn new(units: usize) -> Self {
        RunningStats {
            mean: vec![T::ZERO; units],
            var: vec![T::ZERO; units],
            updates: 0,
        }
    }
}

/// What the backward pass needs from a training forward pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BnCache<T> {
    /// `z_hat`, `m x units`.
    pub z_hat: Vec<T>,
    /// `1 / sqrt(var + eps)` per unit.
    pub inv_std: Vec<T>,
}

/// Training forward: normalises `z` (`m x units`) with the batch statistics into `out`, caches
/// `z_hat` and `1/std`, and folds the batch mean and variance into `running`.
#[allow(clippy::too_many_arguments)]
pub fn forward_train<T: NnFloat>(
    z: &[T],
    m: usize,
    units: usize,
    gamma: &[T],
    beta: &[T],
    eps: T,
    momentum: T,
    running: &mut RunningStats<T>,
    cache: &mut BnCache<T>,
    out: &mut [T],
) {
    let inv_m = T::ONE / T::from_f64(m as f64);
    let mut mean = vec![T::ZERO; units];
    for row in z.chunks_exact(units) {
        mean.iter_mut().zip(row).for_each(|(s, &v)| *s += v);
    }
    mean.iter_mut().for_each(|s| *s *= inv_m);
    let mut var = vec![T::ZERO; units];
    for row in z.chunks_exact(units) {
        for ((s, &v), &mu) in var.iter_mut().zip(row).zip(&mean) {
            let d = v - mu;
            *s += d * d;
        }
    }
    var.iter_mut().for_each(|s| *s *= inv_m);
    cache.inv_std.clear();
    cache.inv_std.extend(var.iter().map(|&v| T::ONE / (v + eps).sqrt()));
    cache.z_hat.resize(m * units, T::ZERO);
    for ((zr, hr), or) in z
        .chunks_exact(units)
        .zip(cache.z_hat.chunks_exact_mut(units))
        .zip(out.chunks_exact_mut(units))
    {
        for j in 0..units {
            let h = (zr[j] - mean[j]) * cache.inv_std[j];
            hr[j] = h;
            or[j] = gamma[j] * h + beta[j];
        }
    }
    let one_minus = T::ONE - momentum;
    for j in 0..units {
        running.mean[j] = momentum * running.mean[j] + one_minus * mean[j];
        running.var[j] = momentum * running.var[j] + one_minus * var[j];
    }
    running.updates += 1;
}

/// Test-time forward: normalises with the running statistics (no batch dependence).
#[allow(clippy::too_many_arguments)]
pub fn forward_eval<T: NnFloat>(
    z: &[T],
    units: usize,
    gamma: &[T],
    beta: &[T],
    eps: T,
    running: &RunningStats<T>,
    out: &mut [T],
) {
    let inv_std: Vec<T> = running.var.iter().map(|&v| T::ONE / (v + eps).sqrt()).collect();
    for (zr, or) in z.chunks_exact(units).zip(out.chunks_exact_mut(units)) {
        for j in 0..units {
            or[j] = gamma[j] * (zr[j] - running.mean[j]) * inv_std[j] + beta[j];
        }
    }
}

/// Backward: from `d` = dJ/dz_tilde (`m x units`, overwritten in place with dJ/dz), fills
/// `dgamma` and `dbeta`.
pub fn backward<T: NnFloat>(
    d: &mut [T],
    m: usize,
    units: usize,
    gamma: &[T],
    cache: &BnCache<T>,
    dgamma: &mut [T],
    dbeta: &mut [T],
) {
    dgamma.fill(T::ZERO);
    dbeta.fill(T::ZERO);
    for (dr, hr) in d.chunks_exact(units).zip(cache.z_hat.chunks_exact(units)) {
        for j in 0..units {
            dgamma[j] += dr[j] * hr[j];
            dbeta[j] += dr[j];
        }
    }
    // sum dx_hat = gamma dbeta, sum dx_hat z_hat = gamma dgamma.
    let mf = T::from_f64(m as f64);
    let inv_m = T::ONE / mf;
    for (dr, hr) in d.chunks_exact_mut(units).zip(cache.z_hat.chunks_exact(units)) {
        for j in 0..units {
            let dxh = gamma[j] * dr[j];
            dr[j] = inv_m * cache.inv_std[j] * (mf * dxh - gamma[j] * dbeta[j] - hr[j] * gamma[j] * dgamma[j]);
        }
    }
}
