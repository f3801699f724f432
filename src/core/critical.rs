//! Critical points of a cost in many dimensions (seed 001, "The problem of local optima": in
//! high dimensions a point of zero gradient is almost never a local minimum, because the cost
//! would have to curve upwards in every one of its `d` directions; almost all are saddles).
//!
//! A critical point is a minimum exactly when its Hessian is positive definite. Two models of a
//! "random" critical point, each measured by drawing Hessians:
//! * [`HessianModel::IndependentSigns`]: the curvature along each of `d` fixed directions is
//!   positive or negative with probability 1/2, independently (a diagonal Hessian with
//!   independent symmetric entries). The share of minima is then exactly `2^-d` — the argument
//!   the notes make.
//! * [`HessianModel::Goe`]: a random symmetric matrix, `H = (A + A^T)/sqrt 2` with `A_ij ~ N(0, 1)`
//!   independent (the Gaussian orthogonal ensemble: `H_ii ~ N(0, 2)`, `H_ij ~ N(0, 1)`). Its
//!   eigenvalues are not independent — they repel — and all `d` of them positive is far rarer:
//!   `(2 - sqrt 2)/4 ~ 0.146` at `d = 2` against `2^-2 = 0.25`, and about `exp(-theta d^2)` with
//!   `theta = ln 3 / 4` for large `d` (Dean & Majumdar, PRL 97, 160201, 2006).
//!
//! Positive definiteness is tested by Cholesky's factorisation, row by row: the leading `k x k`
//! block is positive definite exactly when the first `k` pivots are positive. A leading `k x k`
//! block of a GOE matrix is itself GOE(`k`) (and a leading block of a diagonal matrix with
//! independent entries is the same model in `k` dimensions), so one draw of a `d_max x d_max`
//! matrix answers every dimension at once, and its rows are only drawn until the first pivot that
//! is not positive (after which no larger block can be positive definite). The share at each `d`
//! is then an unbiased estimate from all the draws (the dimensions share draws, so their errors
//! are correlated, not biased).
use crate::core::math::rng::{seeded, standard_normal, StdRng};
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// The largest dimension studied.
pub const MAX_DIM: usize = 60;
/// The most draws.
pub const MAX_DRAWS: usize = 10_000_000;

/// Which random Hessian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HessianModel {
    /// Independent signs along fixed directions: `2^-d` minima.
    IndependentSigns,
    /// The Gaussian orthogonal ensemble.
    Goe,
}

named!(HessianModel {
    IndependentSigns => "independent_signs",
    Goe => "goe",
});

/// The exact share of minima in the independent-signs model, `2^-d`.
pub fn independent_share(d: usize) -> f64 {
    0.5f64.powi(d as i32)
}

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CriticalConfig {
    /// The largest dimension, 1 to [`MAX_DIM`]. Default 12.
    pub max_dim: usize,
    /// Hessians drawn per model, 1 to [`MAX_DRAWS`]. Default 200,000.
    pub draws: usize,
    /// Seed. Default 1.
    pub seed: u64,
}

impl Default for CriticalConfig {
    fn default() -> Self {
        CriticalConfig {
            max_dim: 12,
            draws: 200_000,
            seed: 1,
        }
    }
}

/// Which setting was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum CriticalError {
    /// The largest dimension.
    MaxDim(usize),
    /// The number of draws.
    Draws(usize),
}

impl std::fmt::Display for CriticalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CriticalError::MaxDim(d) => write!(f, "the dimension must be 1 to {MAX_DIM}, got {d}"),
            CriticalError::Draws(n) => write!(f, "1 to {MAX_DRAWS} draws, got {n}"),
        }
    }
}

impl std::error::Error for CriticalError {}

/// The study, advanced a few draws at a time: plain state.
#[derive(Debug)]
pub struct CriticalStudy {
    config: CriticalConfig,
    rng: StdRng,
    done: usize,
    /// `minima[model][d - 1]`: draws whose `d x d` block was positive definite.
    minima: [Vec<u64>; 2],
    /// The Cholesky factor's rows, reused across draws.
    rows: Vec<Vec<f64>>,
}

impl CriticalConfig {
    /// Checks the settings and starts the study (no draw yet).
    pub fn validate(&self) -> Result<CriticalStudy, CriticalError> {
        if !(1..=MAX_DIM).contains(&self.max_dim) {
            return Err(CriticalError::MaxDim(self.max_dim));
        }
        if !(1..=MAX_DRAWS).contains(&self.draws) {
            return Err(CriticalError::Draws(self.draws));
        }
        Ok(CriticalStudy {
            config: *self,
            rng: seeded(self.seed),
            done: 0,
            minima: [vec![0; self.max_dim], vec![0; self.max_dim]],
            rows: (1..=self.max_dim).map(|k| vec![0.0; k]).collect(),
        })
    }
}

/// A Wilson score interval for `k` successes in `n` trials at `z` standard errors (Wilson 1927):
/// it stays inside [0, 1] and is not empty at `k = 0`.
pub fn wilson(k: u64, n: u64, z: f64) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

impl CriticalStudy {
    /// The settings.
    pub fn config(&self) -> &CriticalConfig {
        &self.config
    }

    /// Draws done (per model).
    pub fn done(&self) -> usize {
        self.done
    }

    /// Whether every draw is done.
    pub fn finished(&self) -> bool {
        self.done >= self.config.draws
    }

    /// Draws up to `max` more Hessians of each model; returns how many.
    pub fn advance(&mut self, max: usize) -> usize {
        let n = max.min(self.config.draws - self.done);
        for _ in 0..n {
            let k = self.independent_draw();
            self.minima[0][..k].iter_mut().for_each(|c| *c += 1);
            let k = self.goe_draw();
            self.minima[1][..k].iter_mut().for_each(|c| *c += 1);
        }
        self.done += n;
        n
    }

    /// How many leading blocks of one diagonal draw are positive definite (its leading run of
    /// positive entries).
    fn independent_draw(&mut self) -> usize {
        let d = self.config.max_dim;
        (0..d).position(|_| standard_normal(&mut self.rng) <= 0.0).unwrap_or(d)
    }

    /// How many leading blocks of one GOE draw are positive definite: Cholesky–Banachiewicz row
    /// by row (`L_kj = (H_kj - sum_i L_ki L_ji) / L_jj`, pivot `H_kk - sum_i L_ki^2`), each row of
    /// `H` drawn only when it is reached.
    fn goe_draw(&mut self) -> usize {
        let d = self.config.max_dim;
        for k in 0..d {
            let (done, rest) = self.rows.split_at_mut(k);
            let row = &mut rest[0];
            for j in 0..k {
                let h = standard_normal(&mut self.rng);
                let lj = &done[j];
                let s: f64 = (0..j).map(|i| row[i] * lj[i]).sum();
                row[j] = (h - s) / lj[j];
            }
            let h = std::f64::consts::SQRT_2 * standard_normal(&mut self.rng);
            let pivot = h - row[..k].iter().map(|v| v * v).sum::<f64>();
            if pivot <= 0.0 {
                return k;
            }
            row[k] = pivot.sqrt();
        }
        d
    }

    /// Draws whose `d x d` Hessian of `model` was positive definite, for `d = 1..=max_dim`.
    pub fn minima(&self, model: HessianModel) -> &[u64] {
        &self.minima[model as usize]
    }

    /// The measured share of minima at each dimension (0 before any draw).
    pub fn shares(&self, model: HessianModel) -> Vec<f64> {
        let n = self.done.max(1) as f64;
        self.minima(model).iter().map(|&k| k as f64 / n).collect()
    }
}
