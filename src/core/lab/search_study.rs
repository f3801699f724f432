//! The grid-vs-random study: repeat both searches many times at the same budget and compare the
//! best dev error each finds (Bergstra & Bengio 2012 made measurable), with the chance that
//! `n` random trials hit the top 5% of the box: `P(hit) = 1 - 0.95^n` (each trial independently
//! lands there with probability 0.05; 60 trials give 95%).
//!
//! Each repeat shifts the whole grid by a random offset in `[-1/2n, 1/2n)` per axis, wrapping
//! around the box (so the grid is not always at the same place relative to the optimum) and draws `n^2` fresh random points.
//! The top-5% threshold is the 5% quantile of the surface on a 100 x 100 grid of cell centres.
use super::search::{grid_point, surface_grid, Surface};
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// Most repeats of the study.
pub const MAX_REPEATS: usize = 2_000;
/// Largest grid side (budget `n^2` = 100 trials per strategy and repeat).
pub const MAX_GRID: usize = 10;

/// Why a [`StudyConfig`] was refused: the variant is the field at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StudyError {
    /// The grid side `n` is not in 2..=[`MAX_GRID`].
    GridSide(usize),
    /// `repeats` is not in 1..=[`MAX_REPEATS`].
    Repeats(usize),
}

impl std::fmt::Display for StudyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StudyError::GridSide(_) => write!(f, "grid side must be 2 to {MAX_GRID}"),
            StudyError::Repeats(_) => write!(f, "repeats must be 1 to {MAX_REPEATS}"),
        }
    }
}

impl std::error::Error for StudyError {}

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StudyConfig {
    /// Grid side `n`; both strategies get `n^2` trials. 2..=[`MAX_GRID`], default 5.
    pub n: usize,
    /// Repeats, 1..=[`MAX_REPEATS`]. Default 1,000.
    pub repeats: usize,
    /// The surface. Default [`Surface::OneMatters`].
    pub surface: Surface,
}

impl Default for StudyConfig {
    fn default() -> Self {
        StudyConfig {
            n: 5,
            repeats: 1_000,
            surface: Surface::OneMatters,
        }
    }
}

/// What the study found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudyResult {
    /// Budget per strategy and repeat (`n^2`).
    pub budget: usize,
    /// Best dev error found by the shifted grid, one per repeat.
    pub grid_best: Vec<f64>,
    /// Best dev error found by random search, one per repeat.
    pub random_best: Vec<f64>,
    /// Dev error at the surface's 5% quantile: "top 5%" means at or below it.
    pub top5_threshold: f64,
    /// Share of repeats where the grid's best was in the top 5%.
    pub grid_hit_rate: f64,
    /// Share of repeats where random search's best was in the top 5%.
    pub random_hit_rate: f64,
    /// Share of repeats where random search found a strictly lower error than the grid.
    pub random_wins: f64,
}

/// The 5% quantile of the surface on a 100 x 100 grid (10,000 cell centres).
pub fn top5_threshold(surface: Surface) -> f64 {
    let mut all: Vec<f64> = surface_grid(surface, 100, 100).into_iter().flatten().collect();
    all.sort_unstable_by(f64::total_cmp);
    all[all.len() / 20]
}

/// `1 - 0.95^n`, the chance that `n` independent uniform trials hit a region of 5% of the box.
pub fn hit_chance(n: usize) -> f64 {
    1.0 - 0.95f64.powi(n as i32)
}

impl StudyConfig {
    /// Runs the study.
    pub fn run<R: RngExt + ?Sized>(&self, rng: &mut R) -> Result<StudyResult, StudyError> {
        if !(2..=MAX_GRID).contains(&self.n) {
            return Err(StudyError::GridSide(self.n));
        }
        if !(1..=MAX_REPEATS).contains(&self.repeats) {
            return Err(StudyError::Repeats(self.repeats));
        }
        let budget = self.n * self.n;
        let threshold = top5_threshold(self.surface);
        let mut grid_best = Vec::with_capacity(self.repeats);
        let mut random_best = Vec::with_capacity(self.repeats);
        let cell = 1.0 / self.n as f64;
        for _ in 0..self.repeats {
            let offset = (cell * (rng.random::<f64>() - 0.5), cell * (rng.random::<f64>() - 0.5));
            // the same points as search::grid and search::random, without building the lists
            // (the study evaluates up to 2 x 100 x 2,000 points)
            let mut g = f64::INFINITY;
            for j in 0..self.n {
                for i in 0..self.n {
                    let (u, v) = grid_point(i, j, self.n, offset);
                    g = g.min(self.surface.dev_error(u, v));
                }
            }
            let mut r = f64::INFINITY;
            for _ in 0..budget {
                let u = rng.random::<f64>();
                let v = rng.random::<f64>();
                r = r.min(self.surface.dev_error(u, v));
            }
            grid_best.push(g);
            random_best.push(r);
        }
        let share =
            |f: &dyn Fn(usize) -> bool| (0..self.repeats).filter(|&i| f(i)).count() as f64 / self.repeats as f64;
        Ok(StudyResult {
            budget,
            grid_hit_rate: share(&|i| grid_best[i] <= threshold),
            random_hit_rate: share(&|i| random_best[i] <= threshold),
            random_wins: share(&|i| random_best[i] < grid_best[i]),
            top5_threshold: threshold,
            grid_best,
            random_best,
        })
    }
}

/// The median of `values` (NaN for none).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut s = values.to_vec();
    s.sort_unstable_by(f64::total_cmp);
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}
