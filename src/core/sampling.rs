//! Sampling a hyperparameter on the right scale (적절한 척도), seeds 000 and 002.
//!
//! Random search is only as good as the scale it samples on. Every scale here maps the unit
//! interval `u in [0, 1)` onto the range, so random sampling is `from_unit(U(0, 1))` and a grid of
//! `n` points is `from_unit((i + 0.5) / n)`, the centres of `n` equal cells (both seeded, both
//! deterministic):
//! - linear: `x = low + (high - low) u` (hidden units 50..100, layers 2..4 in the notes);
//! - log: `a = log10(low)`, `b = log10(high)`, `r = a + (b - a) u`, `x = 10^r` (learning rate
//!   alpha in [1e-4, 1]: every decade gets the same share);
//! - log of 1 - x: `a = log10(1 - high)`, `b = log10(1 - low)`, `r = a + (b - a) u`, `x = 1 - 10^r`
//!   (EWMA / momentum beta in [0.9, 0.999]: r ~ U(-3, -1));
//! - integer: `x = low + floor((high - low + 1) u)`, every whole number equally likely;
//! - choice: the index `floor(k u)` of one of `k` options.
//!
//! Source: the course notes (seed 000 "적절한 척도 선택하기", seed 002 "Using an appropriate scale").
use crate::core::named::named;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// The most samples one call draws (views state it as their cap and check it before allocating).
pub const MAX_SAMPLES: usize = 100_000;

/// How values are spread over a range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    /// Uniform in `[low, high]`.
    Linear,
    /// Uniform in `log10 x`; needs `0 < low`.
    Log,
    /// Uniform in `log10(1 - x)`; needs `0 < low < high < 1`.
    LogOneMinus,
    /// Whole numbers `low..=high`, each equally likely.
    Integer,
    /// One of `count` options (values are the indices `0..count`).
    Choice {
        /// Number of options (at least 1).
        count: usize,
    },
}

/// The kind of a [`Scale`] without its data (a choice's option count): the ids a page offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleKind {
    /// [`Scale::Linear`].
    Linear,
    /// [`Scale::Log`].
    Log,
    /// [`Scale::LogOneMinus`].
    LogOneMinus,
    /// [`Scale::Integer`].
    Integer,
    /// [`Scale::Choice`].
    Choice,
}

named!(ScaleKind {
    Linear => "linear",
    Log => "log",
    LogOneMinus => "log_one_minus",
    Integer => "integer",
    Choice => "choice",
});

impl ScaleKind {
    /// The scale of this kind; a choice among `options` options.
    pub fn scale(self, options: usize) -> Scale {
        match self {
            ScaleKind::Linear => Scale::Linear,
            ScaleKind::Log => Scale::Log,
            ScaleKind::LogOneMinus => Scale::LogOneMinus,
            ScaleKind::Integer => Scale::Integer,
            ScaleKind::Choice => Scale::Choice { count: options },
        }
    }
}

impl Scale {
    /// Its kind (a choice without its count).
    pub fn kind(self) -> ScaleKind {
        match self {
            Scale::Linear => ScaleKind::Linear,
            Scale::Log => ScaleKind::Log,
            Scale::LogOneMinus => ScaleKind::LogOneMinus,
            Scale::Integer => ScaleKind::Integer,
            Scale::Choice { .. } => ScaleKind::Choice,
        }
    }
}

/// One hyperparameter's range and scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AxisConfig {
    /// The scale. Default [`Scale::Log`].
    pub scale: Scale,
    /// Lower end. Default 1e-4 (the notes' learning-rate range).
    pub low: f64,
    /// Upper end. Default 1.
    pub high: f64,
}

impl Default for AxisConfig {
    fn default() -> Self {
        AxisConfig {
            scale: Scale::Log,
            low: 1e-4,
            high: 1.0,
        }
    }
}

/// Why an [`AxisConfig`] (or a sample count) was rejected; the text is shown to the learner.
#[derive(Clone, Debug, PartialEq)]
pub enum SamplingError {
    /// A bound is NaN or infinite.
    NotFinite,
    /// `low >= high`.
    LowNotBelowHigh { low: f64, high: f64 },
    /// A log scale with `low <= 0`.
    LogNeedsPositiveLow { low: f64 },
    /// A log-of-(1 - x) scale with a bound outside (0, 1).
    OneMinusOutsideUnit { low: f64, high: f64 },
    /// An integer scale with a bound that is not a whole number.
    NotWhole { low: f64, high: f64 },
    /// A choice among no options.
    NoOptions,
    /// More samples than [`MAX_SAMPLES`].
    TooMany { n: usize, cap: usize },
}

impl std::fmt::Display for SamplingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SamplingError::NotFinite => write!(f, "the range must be finite numbers"),
            SamplingError::LowNotBelowHigh { low, high } => {
                write!(f, "low ({low}) must be below high ({high})")
            }
            SamplingError::LogNeedsPositiveLow { low } => {
                write!(
                    f,
                    "a log scale needs low > 0 (got {low}); log10 of 0 or less does not exist"
                )
            }
            SamplingError::OneMinusOutsideUnit { low, high } => {
                write!(f, "a log scale of 1 − x needs 0 < low < high < 1 (got {low} to {high})")
            }
            SamplingError::NotWhole { low, high } => {
                write!(f, "an integer scale needs whole-number bounds (got {low} to {high})")
            }
            SamplingError::NoOptions => write!(f, "a choice needs at least one option"),
            SamplingError::TooMany { n, cap } => write!(f, "{n} samples is above the cap of {cap}"),
        }
    }
}

impl std::error::Error for SamplingError {}

impl AxisConfig {
    /// Checks the range against its scale and returns the sampler.
    pub fn validate(self) -> Result<Axis, SamplingError> {
        let AxisConfig { scale, low, high } = self;
        if let Scale::Choice { count } = scale {
            return if count == 0 {
                Err(SamplingError::NoOptions)
            } else {
                Ok(Axis {
                    scale,
                    low: 0.0,
                    high: (count - 1) as f64,
                    a: 0.0,
                    b: count as f64,
                })
            };
        }
        if !low.is_finite() || !high.is_finite() {
            return Err(SamplingError::NotFinite);
        }
        // The scale-specific rules first: they name the real problem (log10(0), 1 - x <= 0).
        let (a, b) = match scale {
            Scale::Log if low <= 0.0 => return Err(SamplingError::LogNeedsPositiveLow { low }),
            Scale::LogOneMinus if !(low > 0.0 && high < 1.0 && low < 1.0 && high > 0.0) => {
                return Err(SamplingError::OneMinusOutsideUnit { low, high })
            }
            Scale::Integer if low.fract() != 0.0 || high.fract() != 0.0 => {
                return Err(SamplingError::NotWhole { low, high })
            }
            _ if low >= high => return Err(SamplingError::LowNotBelowHigh { low, high }),
            Scale::Log => (low.log10(), high.log10()),
            // a < b: 1 - high is the smaller distance to 1
            Scale::LogOneMinus => ((1.0 - high).log10(), (1.0 - low).log10()),
            Scale::Integer => (low, high + 1.0),
            _ => (low, high),
        };
        Ok(Axis { scale, low, high, a, b })
    }
}

/// A validated range on its scale: maps `[0, 1)` onto values and back.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    /// The scale.
    pub scale: Scale,
    /// Lower end (0 for a choice).
    pub low: f64,
    /// Upper end (`count - 1` for a choice).
    pub high: f64,
    /// The transformed lower end: `log10(low)` for log, `log10(1 - high)` for log of 1 - x.
    pub a: f64,
    /// The transformed upper end: `log10(high)`, `log10(1 - low)`; `high + 1` for integers.
    pub b: f64,
}

impl Axis {
    /// The value at position `u in [0, 1]` of the scale.
    pub fn from_unit(&self, u: f64) -> f64 {
        let r = self.a + (self.b - self.a) * u;
        match self.scale {
            Scale::Linear => r,
            Scale::Log => 10f64.powf(r),
            Scale::LogOneMinus => 1.0 - 10f64.powf(r),
            // u = 1 would give high + 1: keep the top value instead
            Scale::Integer | Scale::Choice { .. } => r.floor().min(self.high),
        }
    }

    /// The position in `[0, 1]` of value `x` (the inverse of [`Axis::from_unit`] on continuous
    /// scales; the middle of its cell for integers and choices).
    pub fn to_unit(&self, x: f64) -> f64 {
        let r = match self.scale {
            Scale::Linear => x,
            Scale::Log => x.log10(),
            Scale::LogOneMinus => (1.0 - x).log10(),
            Scale::Integer | Scale::Choice { .. } => x + 0.5,
        };
        (r - self.a) / (self.b - self.a)
    }

    /// One random value (`u ~ U(0, 1)`).
    pub fn sample<R: RngExt + ?Sized>(&self, rng: &mut R) -> f64 {
        self.from_unit(rng.random::<f64>())
    }

    /// `n` random values; refuses more than [`MAX_SAMPLES`] before allocating.
    pub fn sample_n<R: RngExt + ?Sized>(&self, n: usize, rng: &mut R) -> Result<Vec<f64>, SamplingError> {
        Ok(unit_draws(n, rng)?.into_iter().map(|u| self.from_unit(u)).collect())
    }

    /// A grid of `n` values at the centres of `n` equal cells of the scale.
    pub fn grid(&self, n: usize) -> Vec<f64> {
        (0..n).map(|i| self.from_unit((i as f64 + 0.5) / n as f64)).collect()
    }
}

/// `n` positions `u ~ U(0, 1)`, the draws every scale maps ([`Axis::from_unit`]), so one set
/// of draws can be shown on several scales; refuses more than [`MAX_SAMPLES`] before allocating.
pub fn unit_draws<R: RngExt + ?Sized>(n: usize, rng: &mut R) -> Result<Vec<f64>, SamplingError> {
    if n > MAX_SAMPLES {
        return Err(SamplingError::TooMany { n, cap: MAX_SAMPLES });
    }
    Ok((0..n).map(|_| rng.random::<f64>()).collect())
}

/// The share of `values` in `[lo, hi)` (0 for no values).
pub fn share_in(values: &[f64], lo: f64, hi: f64) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().filter(|&&x| x >= lo && x < hi).count() as f64 / values.len() as f64
}

/// The expected share of `[lo, hi)` (clipped to the axis) under `axis`'s sampling: the length of
/// the interval in transformed coordinates over the whole transformed length.
pub fn expected_share(axis: &Axis, lo: f64, hi: f64) -> f64 {
    let lo = lo.max(axis.low);
    let hi = hi.min(axis.high);
    if hi <= lo {
        return 0.0;
    }
    (axis.to_unit(hi) - axis.to_unit(lo)).abs()
}

/// The decades `[10^k, 10^(k+1))` that overlap `[low, high]` (clipped to it); empty when
/// `low <= 0`.
pub fn decades(low: f64, high: f64) -> Vec<(f64, f64)> {
    if !(low > 0.0 && high > low) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut k = low.log10().floor() as i32;
    // at most 40 decades whatever the range (1e-20..1e20)
    while out.len() < 40 {
        let (lo, hi) = (10f64.powi(k), 10f64.powi(k + 1));
        if lo >= high {
            break;
        }
        out.push((lo.max(low), hi.min(high)));
        k += 1;
    }
    out
}

/// Counts of `values` in the bins `[edges[i], edges[i+1])` (the last bin includes its right
/// edge); values outside are not counted.
pub fn histogram(values: &[f64], edges: &[f64]) -> Vec<u64> {
    let bins = edges.len().saturating_sub(1);
    let mut counts = vec![0u64; bins];
    for &x in values {
        // binary search: the first edge above x
        let i = edges.partition_point(|&e| e <= x);
        if i >= 1 && i <= bins {
            counts[i - 1] += 1;
        } else if bins > 0 && x == edges[bins] {
            counts[bins - 1] += 1;
        }
    }
    counts
}

/// Counts of `values` in `bins` equal bins over `[lo, hi]` (the last bin includes `hi`): the same
/// as [`histogram`] on equally spaced edges, by division instead of a search.
pub fn histogram_uniform(values: &[f64], lo: f64, hi: f64, bins: usize) -> Vec<u64> {
    let mut counts = vec![0u64; bins];
    if bins == 0 || lo.is_nan() || hi.is_nan() || hi <= lo {
        return counts;
    }
    let scale = bins as f64 / (hi - lo);
    for &x in values {
        if x >= lo && x <= hi {
            counts[(((x - lo) * scale) as usize).min(bins - 1)] += 1;
        }
    }
    counts
}

/// The number of distinct values (exact comparison).
pub fn distinct(values: &[f64]) -> usize {
    // the same sort as the quantiles elsewhere (one instantiation in the wasm), then equal bits
    let mut v = values.to_vec();
    v.sort_unstable_by(f64::total_cmp);
    v.dedup_by(|a, b| a.to_bits() == b.to_bits());
    v.len()
}
