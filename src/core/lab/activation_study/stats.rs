//! One layer's numbers in the activation study: the mean and standard deviation of its
//! activations and pre-activations, the saturated share, the dead ReLUs and the histograms, in
//! two passes over the layer (sums, then squared deviations from the mean), each sum in four
//! partial sums so that the additions overlap.
use super::{ActivationStudyConfig, Histogram, LayerStats};
use crate::core::nn::activation::Activation;

/// Partial sums per pass (and partial histograms): four independent chains.
const LANES: usize = 4;

/// The partial sums added up, in order.
fn total(parts: &[f64; LANES]) -> f64 {
    (parts[0] + parts[1]) + (parts[2] + parts[3])
}

/// Whether activation `a` counts as saturated: sigmoid below 0.01 or above 0.99, tanh beyond
/// ±0.99, ReLU exactly 0 (inactive); never for leaky ReLU and linear.
pub fn is_saturated(activation: Activation, a: f32) -> bool {
    match activation {
        Activation::Sigmoid => !(0.01..=0.99).contains(&a),
        Activation::Tanh => a.abs() > 0.99,
        Activation::Relu => a <= 0.0,
        Activation::LeakyRelu | Activation::Linear => false,
    }
}

/// The histogram range of a run's activations: the activation's own for the sigmoid (0 to 1)
/// and tanh (-1 to 1); for the others one range over every layer, so the panels compare.
pub fn value_range(activation: Activation, acts: &[Vec<f32>]) -> (f64, f64) {
    match activation {
        Activation::Sigmoid => (0.0, 1.0),
        Activation::Tanh => (-1.0, 1.0),
        _ => {
            let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
            for v in acts.iter().flatten().map(|&a| a as f64).filter(|v| v.is_finite()) {
                lo = lo.min(v);
                hi = hi.max(v);
            }
            if lo.is_finite() && hi > lo {
                (lo, hi)
            } else {
                (lo.min(0.0), lo.max(0.0) + 1.0)
            }
        }
    }
}

/// A shared log10 range for the gradient histograms of every layer of a run (at most twelve
/// decades below the largest).
pub fn log_range(grads: &[Vec<f32>]) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in grads.iter().flatten() {
        let a = v.abs() as f64;
        if a > 0.0 && a.is_finite() {
            lo = lo.min(a.log10());
            hi = hi.max(a.log10());
        }
    }
    if lo.is_finite() && hi > lo {
        (lo.max(hi - 12.0), hi)
    } else {
        (-1.0, 1.0)
    }
}

/// The numbers of one layer: pre-activations `z`, activations `a` (both `samples x units`), the
/// activations' histogram over `range`, and with `grad` the gradients `dJ/dz` with their log10
/// range.
pub fn layer_stats(
    config: &ActivationStudyConfig,
    z: &[f32],
    a: &[f32],
    range: (f64, f64),
    grad: Option<(&[f32], (f64, f64))>,
) -> LayerStats {
    let n = config.units;
    let count = a.len().max(1) as f64;
    // pass 1: sums, saturated values, units that are ever active. The sums run in LANES partial
    // sums (independent chains the CPU overlaps), added up in a fixed order at the end.
    let (mut sum_a, mut sum_z, mut saturated) = ([0.0f64; LANES], [0.0f64; LANES], 0usize);
    let relu = config.activation == Activation::Relu;
    let mut alive = vec![false; if relu { n } else { 0 }];
    for (zr, ar) in z.chunks_exact(n).zip(a.chunks_exact(n)) {
        for (k, (&zv, &av)) in zr.iter().zip(ar).enumerate() {
            sum_a[k % LANES] += av as f64;
            sum_z[k % LANES] += zv as f64;
            saturated += is_saturated(config.activation, av) as usize;
        }
        if relu {
            alive.iter_mut().zip(ar).for_each(|(live, &av)| *live |= av > 0.0);
        }
    }
    let (mean, pre_mean) = (total(&sum_a) / count, total(&sum_z) / count);
    // pass 2: squared deviations from the means
    let (mut var_a, mut var_z) = ([0.0f64; LANES], [0.0f64; LANES]);
    for (k, (&zv, &av)) in z.iter().zip(a).enumerate() {
        var_a[k % LANES] += (av as f64 - mean).powi(2);
        var_z[k % LANES] += (zv as f64 - pre_mean).powi(2);
    }
    let (var_a, var_z) = (total(&var_a), total(&var_z));
    let dead_units = if relu {
        alive.iter().filter(|&&live| !live).count() as f64 / n as f64
    } else {
        0.0
    };
    let (grad_hist, grad_mean_abs) = match grad {
        Some((g, (glo, ghi))) => {
            let logs = g.iter().map(|&v| (v.abs() as f64).max(1e-30).log10());
            let mean_abs = g.iter().map(|&v| v.abs() as f64).sum::<f64>() / g.len().max(1) as f64;
            (Some(Histogram::of(logs, glo, ghi, config.bins)), Some(mean_abs))
        }
        None => (None, None),
    };
    LayerStats {
        hist: Histogram::of(a.iter().map(|&v| v as f64), range.0, range.1, config.bins),
        mean,
        std: (var_a / count).sqrt(),
        saturated: saturated as f64 / count,
        dead_units,
        pre_mean,
        pre_std: (var_z / count).sqrt(),
        grad_hist,
        grad_mean_abs,
    }
}
