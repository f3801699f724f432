//! Exponentially weighted moving averages (지수가중평균), seed 001.
//!
//! `V_0 = 0`, `V_t = beta * V_{t-1} + (1 - beta) * theta_t`, which averages roughly the last
//! `1 / (1 - beta)` values. Because `V_0 = 0`, early values are biased towards zero; bias
//! correction divides by `1 - beta^t`: `V_hat_t = V_t / (1 - beta^t)` (Kingma & Ba 2015 use the
//! same correction in Adam). Momentum, RMSprop, Adam and batch norm's running statistics reuse
//! this state.
use serde::{Deserialize, Serialize};

/// Settings of one exponentially weighted average.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EwmaConfig {
    /// Weight of the past, in (0, 1). Default 0.9 (a window of about 10 values).
    pub beta: f64,
}

impl Default for EwmaConfig {
    fn default() -> Self {
        Self { beta: 0.9 }
    }
}

/// Why an [`EwmaConfig`] was rejected.
#[derive(Clone, Debug, PartialEq)]
pub enum EwmaError {
    /// beta must be finite and strictly between 0 and 1.
    BetaOutOfRange(f64),
}

impl std::fmt::Display for EwmaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EwmaError::BetaOutOfRange(b) => write!(f, "beta must be in (0, 1), got {b}"),
        }
    }
}

impl std::error::Error for EwmaError {}

impl EwmaConfig {
    /// Checks the settings and returns the averager, starting at `V_0 = 0`.
    pub fn validate(self) -> Result<Ewma, EwmaError> {
        if !(self.beta > 0.0 && self.beta < 1.0) {
            return Err(EwmaError::BetaOutOfRange(self.beta));
        }
        Ok(Ewma {
            beta: self.beta,
            state: EwmaState::default(),
        })
    }
}

/// The running state: plain data, easy to plot, test and serialise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EwmaState {
    /// `V_t`, the uncorrected average. Starts at 0.
    pub value: f64,
    /// `t`, the number of values seen so far. Starts at 0.
    pub steps: u64,
}

/// An exponentially weighted average with a validated beta.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ewma {
    beta: f64,
    /// The state; public so optimizers and views can read and store it.
    pub state: EwmaState,
}

/// The averaging window `1 / (1 - beta)`: roughly how many recent values an EWMA averages.
pub fn window(beta: f64) -> f64 {
    1.0 / (1.0 - beta)
}

impl Ewma {
    /// The beta this average was built with.
    pub fn beta(&self) -> f64 {
        self.beta
    }

    /// Folds in one value: `V_t = beta V_{t-1} + (1 - beta) theta_t`; returns the new `V_t`.
    pub fn update(&mut self, theta: f64) -> f64 {
        self.state.value = self.beta * self.state.value + (1.0 - self.beta) * theta;
        self.state.steps += 1;
        self.state.value
    }

    /// The uncorrected average `V_t` (0 before any value).
    pub fn value(&self) -> f64 {
        self.state.value
    }

    /// The bias-corrected average `V_t / (1 - beta^t)`; 0 before any value.
    pub fn corrected(&self) -> f64 {
        if self.state.steps == 0 {
            return 0.0;
        }
        self.state.value / bias_correction_denominator(self.beta, self.state.steps)
    }
}

/// `1 - beta^t`, the bias-correction denominator. Computed as `-expm1(t ln beta)` so that it stays
/// accurate when `beta^t` is close to 1 (small t, beta near 1).
pub fn bias_correction_denominator(beta: f64, t: u64) -> f64 {
    // t is at most the series length; f64 represents it exactly below 2^53.
    -((t as f64) * beta.ln()).exp_m1()
}

/// An EWMA run over a whole series: `raw[i]` is `V_{i+1}`, `corrected[i]` is `V_hat_{i+1}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EwmaSeries {
    /// beta used.
    pub beta: f64,
    /// Uncorrected `V_t` for t = 1..=n.
    pub raw: Vec<f64>,
    /// Bias-corrected `V_t / (1 - beta^t)` for t = 1..=n.
    pub corrected: Vec<f64>,
}

impl Ewma {
    /// Runs a fresh average (from `V_0 = 0`) over `thetas`, keeping both curves.
    pub fn run(mut self, thetas: &[f64]) -> EwmaSeries {
        self.state = EwmaState::default();
        let mut raw = Vec::with_capacity(thetas.len());
        let mut corrected = Vec::with_capacity(thetas.len());
        for &theta in thetas {
            raw.push(self.update(theta));
            corrected.push(self.corrected());
        }
        EwmaSeries {
            beta: self.beta,
            raw,
            corrected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_beta_outside_open_unit_interval() {
        for beta in [0.0, 1.0, -0.1, 1.5, f64::NAN, f64::INFINITY] {
            assert!(EwmaConfig { beta }.validate().is_err(), "beta {beta}");
        }
        assert!(EwmaConfig { beta: 0.5 }.validate().is_ok());
    }

    #[test]
    fn denominator_matches_direct_power() {
        for &(beta, t) in &[(0.9, 1u64), (0.9, 5), (0.98, 50), (0.5, 3)] {
            let direct = 1.0 - f64::powi(beta, t as i32);
            assert!((bias_correction_denominator(beta, t) - direct).abs() < 1e-15);
        }
    }
}
