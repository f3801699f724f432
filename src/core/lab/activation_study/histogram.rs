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
        // four partial histograms, so that runs of values in one bin (a saturated layer puts most
        // of them in two) do not wait on each other's increments; added up at the end
        let bins = bins.max(1);
        let mut parts = vec![0u32; 4 * bins];
        let scale = bins as f64 / (hi - lo);
        let last = bins - 1;
        for (i, v) in values.filter(|v| !v.is_nan()).enumerate() {
            // `as usize` truncates towards zero and saturates (negative -> 0, +inf -> max), so no
            // floor() call is needed: this loop runs over every activation on every input.
            let b = ((v - lo) * scale) as usize;
            parts[(i % 4) * bins + b.min(last)] += 1;
        }
        let counts = (0..bins)
            .map(|b| parts[b] + parts[bins + b] + parts[2 * bins + b] + parts[3 * bins + b])
            .collect();
        Histogram { lo, hi, counts }
    }
}
