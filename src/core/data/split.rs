//! Setting up the data (seed 001, "Train/dev/test sets"; "Normalizing inputs").
//!
//! * Split: one Fisher–Yates shuffle of the row indices from the seeded RNG, then the first
//!   `round(train * n)` rows train, the next `round(dev * n)` dev, the rest test, so dev and test
//!   come from the same distribution (60/20/20 for small data; 98/1/1 or finer for very large).
//! * Standardisation: `x' = (x - mu) / sigma` per feature, with `mu` and `sigma` (population
//!   std) of the **training** rows only, applied unchanged to dev and test. A constant feature
//!   (sigma = 0) is only centred.
//! * Min-max scaling: `x' = (x - min) / (max - min)` per feature, again from the training rows
//!   (dev and test may then fall slightly outside [0, 1]).
use super::dataset::Dataset;
use crate::core::nn::trainer::shuffle;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// Shares of the rows. Default 0.6 / 0.2 (test gets the rest, 0.2).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SplitConfig {
    /// Share of rows for training, in (0, 1]. Default 0.6.
    pub train: f64,
    /// Share for dev, in [0, 1 - train]. Default 0.2.
    pub dev: f64,
}

impl Default for SplitConfig {
    fn default() -> Self {
        SplitConfig { train: 0.6, dev: 0.2 }
    }
}

/// The three parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Split {
    /// Training rows.
    pub train: Dataset,
    /// Dev (hold-out, cross-validation) rows.
    pub dev: Dataset,
    /// Test rows.
    pub test: Dataset,
}

/// Why a split was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitError(pub String);

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SplitError {}

impl SplitConfig {
    /// Splits `data` after one shuffle from `rng`. Needs at least one training row.
    pub fn split<R: RngExt + ?Sized>(&self, data: &Dataset, rng: &mut R) -> Result<Split, SplitError> {
        let (t, d) = (self.train, self.dev);
        if !(t > 0.0 && t <= 1.0 && d >= 0.0 && t + d <= 1.0 + 1e-12) {
            return Err(SplitError(format!(
                "shares must satisfy 0 < train <= 1, dev >= 0, train + dev <= 1; got {t} and {d}"
            )));
        }
        let n = data.rows();
        let n_train = ((t * n as f64).round() as usize).min(n);
        let n_dev = ((d * n as f64).round() as usize).min(n - n_train);
        if n_train == 0 {
            return Err(SplitError(format!("{n} rows leave no training row")));
        }
        let mut idx: Vec<usize> = (0..n).collect();
        shuffle(&mut idx, rng);
        Ok(Split {
            train: data.subset(&idx[..n_train]),
            dev: data.subset(&idx[n_train..n_train + n_dev]),
            test: data.subset(&idx[n_train + n_dev..]),
        })
    }
}

/// Per-feature affine map `x' = (x - shift) * scale`, learnt from training rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scaler {
    /// Subtracted per feature (mean or min).
    pub shift: Vec<f64>,
    /// Multiplied per feature after the shift (1/std or 1/(max - min); 1 for constant features).
    pub scale: Vec<f64>,
}

impl Scaler {
    /// Standardisation from `train`'s mean and population std.
    pub fn standardize(train: &Dataset) -> Scaler {
        let (n, f) = (train.rows().max(1) as f64, train.features);
        let mut mean = vec![0.0; f];
        for i in 0..train.rows() {
            mean.iter_mut().zip(train.row(i)).for_each(|(m, &v)| *m += v / n);
        }
        let mut var = vec![0.0; f];
        for i in 0..train.rows() {
            for ((s, &v), &m) in var.iter_mut().zip(train.row(i)).zip(&mean) {
                *s += (v - m) * (v - m) / n;
            }
        }
        let scale = var
            .iter()
            .map(|&v| if v > 0.0 { 1.0 / v.sqrt() } else { 1.0 })
            .collect();
        Scaler { shift: mean, scale }
    }

    /// Min-max scaling from `train`'s per-feature range.
    pub fn min_max(train: &Dataset) -> Scaler {
        let f = train.features;
        let (mut lo, mut hi) = (vec![f64::INFINITY; f], vec![f64::NEG_INFINITY; f]);
        for i in 0..train.rows() {
            for (j, &v) in train.row(i).iter().enumerate() {
                lo[j] = lo[j].min(v);
                hi[j] = hi[j].max(v);
            }
        }
        let scale = lo
            .iter()
            .zip(&hi)
            .map(|(&l, &h)| if h > l { 1.0 / (h - l) } else { 1.0 })
            .collect();
        let shift = lo.into_iter().map(|l| if l.is_finite() { l } else { 0.0 }).collect();
        Scaler { shift, scale }
    }

    /// Applies the map to every row of `data` in place.
    pub fn apply(&self, data: &mut Dataset) {
        for row in data.x.chunks_exact_mut(data.features) {
            for ((v, &s), &k) in row.iter_mut().zip(&self.shift).zip(&self.scale) {
                *v = (*v - s) * k;
            }
        }
    }

    /// Learns standardisation on the training part and applies it to all three parts.
    pub fn standardize_split(split: &mut Split) -> Scaler {
        let s = Scaler::standardize(&split.train);
        for d in [&mut split.train, &mut split.dev, &mut split.test] {
            s.apply(d);
        }
        s
    }
}
