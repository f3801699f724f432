//! A seeded, noisy daily-temperature-like series: the data Ng's EWMA lecture averages (seed 001).
//!
//! `theta_d = mean - amplitude * cos(2 pi (d - coldest_day) / 365) + noise_std * z_d`,
//! `z_d ~ N(0, 1)` i.i.d., for days d = 1..=days. Temperatures are in degrees Fahrenheit, like the
//! lecture's London example and the seed's worked example (theta = 40, 42, ...), so that the
//! start-up bias of an uncorrected EWMA (which starts at 0) is plain to see.
use crate::core::math::rng::{seeded, standard_normal};
use serde::{Deserialize, Serialize};

/// The largest series the lab generates (about 27 years of days); larger requests are refused
/// before any allocation.
pub const MAX_DAYS: usize = 10_000;

/// Settings of the synthetic temperature series.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemperatureConfig {
    /// Number of days, 1..=[`MAX_DAYS`]. Default 365.
    pub days: usize,
    /// Yearly mean in °F. Default 55.
    pub mean: f64,
    /// Half the summer-winter swing in °F. Default 18.
    pub amplitude: f64,
    /// Standard deviation of the day-to-day noise in °F, >= 0. Default 6.
    pub noise_std: f64,
    /// Day of the year with the coldest expected temperature. Default 15 (mid-January).
    pub coldest_day: f64,
    /// Seed of the noise. Default 1.
    pub seed: u64,
}

impl Default for TemperatureConfig {
    fn default() -> Self {
        Self {
            days: 365,
            mean: 55.0,
            amplitude: 18.0,
            noise_std: 6.0,
            coldest_day: 15.0,
            seed: 1,
        }
    }
}

/// Why a [`TemperatureConfig`] was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesError {
    /// days must be in 1..=MAX_DAYS.
    Days(usize),
    /// a parameter is not finite or the noise is negative.
    Value(&'static str, f64),
}

impl std::fmt::Display for SeriesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeriesError::Days(d) => write!(f, "days must be in 1..={MAX_DAYS}, got {d}"),
            SeriesError::Value(name, v) => write!(f, "{name} must be finite (and >= 0 for noise), got {v}"),
        }
    }
}

impl std::error::Error for SeriesError {}

impl TemperatureConfig {
    /// Checks every field and generates the series.
    pub fn generate(&self) -> Result<Vec<f64>, SeriesError> {
        if self.days == 0 || self.days > MAX_DAYS {
            return Err(SeriesError::Days(self.days));
        }
        for (name, v) in [
            ("mean", self.mean),
            ("amplitude", self.amplitude),
            ("coldest_day", self.coldest_day),
        ] {
            if !v.is_finite() {
                return Err(SeriesError::Value(name, v));
            }
        }
        if !(self.noise_std.is_finite() && self.noise_std >= 0.0) {
            return Err(SeriesError::Value("noise_std", self.noise_std));
        }
        let mut rng = seeded(self.seed);
        let year = 365.0;
        Ok((1..=self.days)
            .map(|d| {
                let season = -(std::f64::consts::TAU * (d as f64 - self.coldest_day) / year).cos();
                self.mean + self.amplitude * season + self.noise_std * standard_normal(&mut rng)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noiseless_series_follows_the_season() {
        let cfg = TemperatureConfig {
            noise_std: 0.0,
            ..Default::default()
        };
        let s = cfg.generate().unwrap();
        assert_eq!(s.len(), 365);
        // Coldest on day 15 (index 14), warmest half a year later.
        assert!((s[14] - (55.0 - 18.0)).abs() < 1e-9);
        let warm = s.iter().cloned().fold(f64::MIN, f64::max);
        assert!((warm - (55.0 + 18.0)).abs() < 0.01);
    }

    #[test]
    fn same_seed_same_series_and_caps() {
        let cfg = TemperatureConfig::default();
        assert_eq!(cfg.generate().unwrap(), cfg.generate().unwrap());
        let other = TemperatureConfig { seed: 2, ..cfg };
        assert_ne!(cfg.generate().unwrap(), other.generate().unwrap());
        assert!(TemperatureConfig {
            days: MAX_DAYS + 1,
            ..cfg
        }
        .generate()
        .is_err());
        assert!(TemperatureConfig { days: 0, ..cfg }.generate().is_err());
        assert!(TemperatureConfig { noise_std: -1.0, ..cfg }.generate().is_err());
    }
}
