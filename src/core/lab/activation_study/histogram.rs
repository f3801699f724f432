//! Equal-bin histograms of activations (the study's panels, and the batch-norm ridge).
use serde::{Deserialize, Serialize};

/// A histogram over `[lo, hi]` in equal bins (values outside are clamped into the end bins).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// Left edge of the first bin.
    pub lo: f64,
    /// Right edge of the last bin.
    pub hi: f64,
    /// Count per bin; they add up to the number of values.
    pub counts: Vec<u32>,
}

impl Histogram {
    /// Counts `values` into `bins` bins over `[lo, hi]` (`hi > lo`); NaN values are not counted.
    pub fn of(values: impl Iterator<Item = f64>, lo: f64, hi: f64, bins: usize) -> Histogram {
        let mut counts = vec![0u32; bins.max(1)];
        let scale = counts.len() as f64 / (hi - lo);
        let last = counts.len() - 1;
        for v in values.filter(|v| !v.is_nan()) {
            // `as usize` truncates towards zero and saturates (negative -> 0, +inf -> max), so no
            // floor() call is needed: this loop runs over every activation on every input.
            let b = ((v - lo) * scale) as usize;
            counts[b.min(last)] += 1;
        }
        Histogram { lo, hi, counts }
    }
}
