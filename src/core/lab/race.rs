//! Optimizers racing on a 2-D surface: the same [`Optimizer`] code that updates network weights,
//! applied to a parameter vector of length 2 (seed 004 / DLFS `optimizer_compare_naive`).
//!
//! Each step: `g = grad f(p) + noise * z` with `z ~ N(0, I)` (a stand-in for mini-batch noise,
//! drawn from an RNG seeded from `seed`; every optimizer sees the same noise stream, so the race
//! is fair and adding a racer does not change the others), the learning rate of step `t` is
//! `schedule.lr(lr, t)` (one step = one epoch here), then one optimizer step.
//!
//! Divergence: a step whose point or loss is not finite, or whose point lies beyond
//! [`DIVERGENCE_LIMIT`], stops that path; the bad point is not kept, so nothing non-finite is
//! ever drawn.
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::optim::Optimizer;
use crate::core::schedule::{Schedule, ScheduleConfig, ScheduleError};
use crate::core::surface::Surface;
use serde::{Deserialize, Serialize};

/// The most steps a race runs (checked before anything is allocated).
pub const MAX_STEPS: usize = 10_000;
/// A coordinate beyond this magnitude counts as exploded (the window is 20 units wide).
pub const DIVERGENCE_LIMIT: f64 = 1e6;
/// The largest gradient-noise standard deviation.
pub const MAX_NOISE: f64 = 100.0;

/// Settings of a race.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RaceConfig {
    /// Start point. Default (-7, 2), the DLFS start.
    pub start: [f64; 2],
    /// Steps, at most [`MAX_STEPS`]. Default 30.
    pub steps: usize,
    /// Standard deviation of the gradient noise, in [0, MAX_NOISE]. Default 0.
    pub noise: f64,
    /// Seed of the noise. Default 1.
    pub seed: u64,
    /// Learning-rate schedule over steps. Default constant.
    pub schedule: ScheduleConfig,
}

impl Default for RaceConfig {
    fn default() -> Self {
        RaceConfig {
            start: [-7.0, 2.0],
            steps: 30,
            noise: 0.0,
            seed: 1,
            schedule: ScheduleConfig::default(),
        }
    }
}

/// Why a [`RaceConfig`] was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum RaceError {
    /// More than [`MAX_STEPS`] steps.
    TooManySteps(usize),
    /// The start point must be finite.
    Start,
    /// Noise must be finite and in [0, MAX_NOISE].
    Noise(f64),
    /// The schedule's own error.
    Schedule(ScheduleError),
}

impl std::fmt::Display for RaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RaceError::TooManySteps(n) => write!(f, "at most {MAX_STEPS} steps (asked for {n})"),
            RaceError::Start => write!(f, "the start point must be finite"),
            RaceError::Noise(v) => write!(f, "gradient noise must be in [0, {MAX_NOISE}], got {v}"),
            RaceError::Schedule(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RaceError {}

impl RaceConfig {
    /// Checks the settings.
    pub fn validate(&self) -> Result<Race, RaceError> {
        if self.steps > MAX_STEPS {
            return Err(RaceError::TooManySteps(self.steps));
        }
        if !self.start.iter().all(|v| v.is_finite()) {
            return Err(RaceError::Start);
        }
        if !(0.0..=MAX_NOISE).contains(&self.noise) {
            return Err(RaceError::Noise(self.noise));
        }
        let schedule = self.schedule.validate().map_err(RaceError::Schedule)?;
        Ok(Race {
            config: *self,
            schedule,
        })
    }
}

/// A validated race.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Race {
    config: RaceConfig,
    schedule: Schedule,
}

/// One optimizer's path: plain data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Path {
    /// Points visited, the start first; `points.len() - 1` steps were taken.
    pub points: Vec<[f64; 2]>,
    /// `f` at each point.
    pub losses: Vec<f64>,
    /// The learning rate used at each step (after the schedule).
    pub lrs: Vec<f64>,
    /// The step at which the path exploded (that point is not kept), if it did.
    pub diverged_at: Option<usize>,
}

impl Race {
    /// The settings.
    pub fn config(&self) -> &RaceConfig {
        &self.config
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.schedule
    }

    /// Runs `optimizer` on `surface` from the start point.
    pub fn run(&self, surface: &Surface, optimizer: &Optimizer) -> Path {
        let c = &self.config;
        let mut rng = seeded(c.seed);
        let mut p = c.start;
        let mut state = optimizer.init_state::<f64>(2);
        let mut path = Path {
            points: Vec::with_capacity(c.steps + 1),
            losses: Vec::with_capacity(c.steps + 1),
            lrs: Vec::with_capacity(c.steps),
            diverged_at: None,
        };
        path.points.push(p);
        path.losses.push(surface.value(p[0], p[1]));
        for t in 1..=c.steps {
            let mut g = surface.grad(p[0], p[1]);
            if c.noise > 0.0 {
                for gi in g.iter_mut() {
                    *gi += c.noise * standard_normal(&mut rng);
                }
            }
            let lr = self.schedule.lr(optimizer.lr(), t as u64);
            // A schedule that underflowed to 0 leaves the point where it is (no step).
            if let Ok(o) = optimizer.with_lr(lr) {
                // Lengths are 2 and t >= 1, so the step cannot be refused.
                let _ = o.step(&mut state, &mut p, &g, t as u64);
            }
            let loss = surface.value(p[0], p[1]);
            let exploded = !(p.iter().all(|v| v.is_finite() && v.abs() <= DIVERGENCE_LIMIT) && loss.is_finite());
            if exploded {
                path.diverged_at = Some(t);
                break;
            }
            path.points.push(p);
            path.losses.push(loss);
            path.lrs.push(lr);
        }
        path
    }
}
