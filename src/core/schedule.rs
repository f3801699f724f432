//! Learning-rate decay (seed 001): the learning rate as a function of the epoch number.
//!
//! With `epoch` counted from 1 (the course's `epoch_num`):
//! * constant: `alpha = alpha0`;
//! * inverse time: `alpha = alpha0 / (1 + decay_rate * epoch)`;
//! * exponential: `alpha = base^epoch * alpha0` (the course's `0.95^epoch_num * alpha0`);
//! * inverse square root: `alpha = k / sqrt(epoch) * alpha0`;
//! * staircase: `alpha = alpha0 * drop^floor((epoch - 1) / every)` (a discrete step every
//!   `every` epochs).
//!
//! Worked example of the notes: alpha0 = 0.2, decay_rate = 1 gives 0.1, 0.067, 0.05, 0.04 for
//! epochs 1 to 4.
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// Which decay formula.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleKind {
    /// `alpha0` at every epoch. The default.
    Constant,
    /// `alpha0 / (1 + decay_rate * epoch)`.
    InverseTime,
    /// `base^epoch * alpha0`.
    Exponential,
    /// `k / sqrt(epoch) * alpha0`.
    InverseSqrt,
    /// `alpha0 * drop^floor((epoch - 1) / every)`.
    Staircase,
}

named!(ScheduleKind {
    Constant => "constant",
    InverseTime => "inverse_time",
    Exponential => "exponential",
    InverseSqrt => "inverse_sqrt",
    Staircase => "staircase",
});

/// Settings of a schedule; only the ones the kind uses matter (inverse time reads `decay_rate`,
/// exponential `base`, inverse square root `k`, staircase `drop` and `every`; constant none), all
/// are validated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleConfig {
    /// The formula. Default [`ScheduleKind::Constant`].
    pub kind: ScheduleKind,
    /// Inverse time's `decay_rate` (>= 0). Default 1.
    pub decay_rate: f64,
    /// Exponential's base, in (0, 1]. Default 0.95.
    pub base: f64,
    /// Inverse square root's `k` (> 0). Default 1.
    pub k: f64,
    /// Staircase factor per stair, in (0, 1]. Default 0.5.
    pub drop: f64,
    /// Staircase length in epochs (>= 1). Default 10.
    pub every: u32,
}

impl Default for ScheduleConfig {
    fn default() -> Self {
        ScheduleConfig {
            kind: ScheduleKind::Constant,
            decay_rate: 1.0,
            base: 0.95,
            k: 1.0,
            drop: 0.5,
            every: 10,
        }
    }
}

/// Why a [`ScheduleConfig`] was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ScheduleError {
    /// `decay_rate` must be finite and >= 0.
    DecayRate(f64),
    /// `base` must be in (0, 1].
    Base(f64),
    /// `k` must be finite and > 0.
    K(f64),
    /// `drop` must be in (0, 1].
    Drop(f64),
    /// `every` must be >= 1.
    Every,
}

impl std::fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScheduleError::DecayRate(v) => write!(f, "decay rate must be a finite number >= 0, got {v}"),
            ScheduleError::Base(v) => write!(f, "the exponential base must be in (0, 1], got {v}"),
            ScheduleError::K(v) => write!(f, "k must be a finite number > 0, got {v}"),
            ScheduleError::Drop(v) => write!(f, "the staircase factor must be in (0, 1], got {v}"),
            ScheduleError::Every => write!(f, "a stair must last at least 1 epoch"),
        }
    }
}

impl std::error::Error for ScheduleError {}

impl ScheduleConfig {
    /// Checks the settings.
    pub fn validate(&self) -> Result<Schedule, ScheduleError> {
        if !(self.decay_rate.is_finite() && self.decay_rate >= 0.0) {
            return Err(ScheduleError::DecayRate(self.decay_rate));
        }
        if !(self.base > 0.0 && self.base <= 1.0) {
            return Err(ScheduleError::Base(self.base));
        }
        if !(self.k.is_finite() && self.k > 0.0) {
            return Err(ScheduleError::K(self.k));
        }
        if !(self.drop > 0.0 && self.drop <= 1.0) {
            return Err(ScheduleError::Drop(self.drop));
        }
        if self.every == 0 {
            return Err(ScheduleError::Every);
        }
        Ok(Schedule { config: *self })
    }
}

/// A validated schedule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Schedule {
    config: ScheduleConfig,
}

impl Schedule {
    /// The settings.
    pub fn config(&self) -> &ScheduleConfig {
        &self.config
    }

    /// `alpha / alpha0` at `epoch` (counted from 1; 0 is read as 1). Always finite and > 0
    /// except that an exponential or staircase may underflow to 0 after very many epochs.
    pub fn factor(&self, epoch: u64) -> f64 {
        let c = &self.config;
        let e = epoch.max(1) as f64;
        match c.kind {
            ScheduleKind::Constant => 1.0,
            ScheduleKind::InverseTime => 1.0 / (1.0 + c.decay_rate * e),
            ScheduleKind::Exponential => c.base.powf(e),
            ScheduleKind::InverseSqrt => c.k / e.sqrt(),
            ScheduleKind::Staircase => c.drop.powf(((epoch.max(1) - 1) / c.every as u64) as f64),
        }
    }

    /// The learning rate at `epoch` for initial rate `alpha0`.
    pub fn lr(&self, alpha0: f64, epoch: u64) -> f64 {
        alpha0 * self.factor(epoch)
    }

    /// The learning rates of epochs `1..=epochs` (for the schedule plot).
    pub fn curve(&self, alpha0: f64, epochs: u64) -> Vec<f64> {
        (1..=epochs).map(|e| self.lr(alpha0, e)).collect()
    }
}
