//! Layer normalisation before the activation (Ba, Kiros & Hinton 2016, "Layer Normalization",
//! arXiv:1607.06450; seeds 003 and 004 name it as the remedy for batch norm's limits: tiny
//! batches and RNNs).
//!
//! Per example `i` (one row of the batch), over the layer's `H` units:
//! `mu_i = (1/H) sum_j z_ij`, `sigma_i^2 = (1/H) sum_j (z_ij - mu_i)^2` (biased),
//! `x_hat_ij = (z_ij - mu_i) / sqrt(sigma_i^2 + eps)`, `y_ij = gamma_j x_hat_ij + beta_j`, with
//! `gamma` and `beta` per unit (as batch norm's; the dense layer's bias is dropped). The
//! statistics are those of the example alone: no other row of the batch enters them, so the
//! output does not depend on the batch size, and training and test time compute the same thing
//! (no running statistics).
//!
//! Backward, per row with `dx_hat_j = gamma_j dy_j`: `dgamma_j = sum_i x_hat_ij dy_ij`,
//! `dbeta_j = sum_i dy_ij`, `dz_ij = (1 / (H sqrt(sigma_i^2 + eps))) (H dx_hat_ij - sum_k
//! dx_hat_ik - x_hat_ij sum_k dx_hat_ik x_hat_ik)`: batch norm's formula with the sums taken over
//! the units of a row instead of the rows of a unit.
use super::batchnorm::BnCache;
use super::float::NnFloat;

/// Forward (the same in training and at test time): normalises each row of `z` (`m x units`)
/// over its units into `out`; caches `x_hat` (`m x units`) and `1 / sqrt(sigma_i^2 + eps)` per
/// row (`cache.inv_std` has `m` entries here, one per example).
pub fn forward<T: NnFloat>(
    z: &[T],
    units: usize,
    gamma: &[T],
    beta: &[T],
    eps: T,
    cache: &mut BnCache<T>,
    out: &mut [T],
) {
    let inv_h = T::ONE / T::from_f64(units as f64);
    cache.inv_std.clear();
    cache.z_hat.resize(z.len(), T::ZERO);
    for ((zr, hr), or) in z
        .chunks_exact(units)
        .zip(cache.z_hat.chunks_exact_mut(units))
        .zip(out.chunks_exact_mut(units))
    {
        let mu = zr.iter().fold(T::ZERO, |s, &v| s + v) * inv_h;
        let var = zr.iter().fold(T::ZERO, |s, &v| s + (v - mu) * (v - mu)) * inv_h;
        let inv_std = T::ONE / (var + eps).sqrt();
        cache.inv_std.push(inv_std);
        for j in 0..units {
            let h = (zr[j] - mu) * inv_std;
            hr[j] = h;
            or[j] = gamma[j] * h + beta[j];
        }
    }
}

/// Backward: from `d` = dJ/dy (`m x units`, overwritten in place with dJ/dz), fills `dgamma` and
/// `dbeta` (summed over the rows).
pub fn backward<T: NnFloat>(
    d: &mut [T],
    units: usize,
    gamma: &[T],
    cache: &BnCache<T>,
    dgamma: &mut [T],
    dbeta: &mut [T],
) {
    dgamma.fill(T::ZERO);
    dbeta.fill(T::ZERO);
    let hf = T::from_f64(units as f64);
    let inv_h = T::ONE / hf;
    for ((dr, hr), &inv_std) in d
        .chunks_exact_mut(units)
        .zip(cache.z_hat.chunks_exact(units))
        .zip(&cache.inv_std)
    {
        let mut sum = T::ZERO;
        let mut sum_h = T::ZERO;
        for j in 0..units {
            dgamma[j] += dr[j] * hr[j];
            dbeta[j] += dr[j];
            let dxh = gamma[j] * dr[j];
            sum += dxh;
            sum_h += dxh * hr[j];
        }
        for j in 0..units {
            let dxh = gamma[j] * dr[j];
            dr[j] = inv_h * inv_std * (hf * dxh - sum - hr[j] * sum_h);
        }
    }
}
