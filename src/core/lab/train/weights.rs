//! The weights' histogram of `view=train`: how sparse the network is (seed 001,
//! "Regularization": L1 regularisation can drive some weights to 0 and compress the model).
//!
//! Over every weight matrix `W[1..L]` (biases, gammas and betas are never penalised, so they are
//! left out): `bins` equal bins over `[-r, r]` with `r = max |w|`, and the sparsity
//! `share = #{ w : |w| < t } / #w` for the threshold `t`.
//!
//! Why L1 gives such a spike at 0 and L2 does not: the gradient of `lambda/m ||W||_1` is
//! `lambda/m sign(w)`, a pull toward 0 of the same size whatever the weight's size, so a weight
//! the loss barely needs is pulled all the way to 0 (and then jitters around it by about
//! `alpha lambda/m` per step); the gradient of `lambda/(2m) ||W||_2^2` is `lambda/m w`, a pull
//! that shrinks with the weight, so small weights are left small but not 0.
use crate::core::nn::{Network, NnFloat, ParamKind};
use serde::Serialize;

/// Bins of the histogram: 41 (odd, so one bin straddles 0).
pub const WEIGHT_BINS: usize = 41;

/// The weights' histogram and their sparsity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightHistogram {
    /// Half-width `r = max |w|` of the binned range `[-r, r]` (1 when every weight is 0).
    pub range: f64,
    /// Counts of the `bins` equal bins from `-r` to `r`.
    pub counts: Vec<usize>,
    /// Weights in all (every weight matrix, no biases).
    pub total: usize,
    /// The threshold `t`.
    pub threshold: f64,
    /// Weights with `|w| < t`.
    pub below: usize,
    /// `below / total` (0 without weights).
    pub share: f64,
}

/// Every weight of `net` (the weight matrices only, input side first), as f64.
pub fn all_weights<T: NnFloat>(net: &Network<T>) -> Vec<f64> {
    net.param_info()
        .iter()
        .zip(net.params())
        .filter(|(info, _)| info.kind == ParamKind::Weight)
        .flat_map(|(_, w)| w.iter().map(|v| v.to_f64()))
        .collect()
}

/// Share of `weights` with `|w| < threshold` (0 for none).
pub fn share_below(weights: &[f64], threshold: f64) -> f64 {
    let below = weights.iter().filter(|w| w.abs() < threshold).count();
    below as f64 / weights.len().max(1) as f64
}

/// The histogram of `weights` in `bins` bins (at least 1) and their share below `threshold`.
pub fn histogram(weights: &[f64], threshold: f64, bins: usize) -> WeightHistogram {
    let bins = bins.max(1);
    let finite = || weights.iter().copied().filter(|w| w.is_finite());
    let max = finite().fold(0.0f64, |a, w| a.max(w.abs()));
    let range = if max > 0.0 { max } else { 1.0 };
    let mut counts = vec![0usize; bins];
    for w in finite() {
        let k = ((w + range) / (2.0 * range) * bins as f64).floor() as usize;
        counts[k.min(bins - 1)] += 1;
    }
    let below = weights.iter().filter(|w| w.abs() < threshold).count();
    WeightHistogram {
        range,
        counts,
        total: weights.len(),
        threshold,
        below,
        share: share_below(weights, threshold),
    }
}

/// The histogram of `net`'s weights ([`WEIGHT_BINS`] bins) with the share below `threshold`.
pub fn weight_histogram<T: NnFloat>(net: &Network<T>, threshold: f64) -> WeightHistogram {
    histogram(&all_weights(net), threshold, WEIGHT_BINS)
}
