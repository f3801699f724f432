//! Grid vs random search and coarse to fine (격자 대신 무작위, 정밀화 접근), seeds 000 and 002;
//! Bergstra & Bengio, "Random search for hyper-parameter optimization", JMLR 13 (2012).
//!
//! Everything lives in the unit square `(u, v) in [0, 1]^2`; the view maps `u` and `v` onto real
//! hyperparameters with [`crate::core::sampling::Axis`] (alpha on a log scale, Adam's epsilon on a
//! log scale). A synthetic dev error `E(u, v)` stands in for training a model at each point:
//! - one matters: `E = 0.05 + 0.45 g(u - 0.62, 0.07) + 0.01 v`, where `g(d, w) = 1 - exp(-d^2 / 2w^2)`
//!   (only alpha matters; the epsilon term is a hundredth of a percent per unit);
//! - both matter: `E = 0.05 + 0.3 g(u - 0.62, 0.09) + 0.2 g(v - 0.35, 0.09)`;
//! - interaction: `E = 0.05 + 0.4 g(u - v - 0.25, 0.06) + 0.1 g(u - 0.6, 0.25)` (a diagonal valley:
//!   the best alpha depends on epsilon).
//!
//! A grid of `n x n` tries only `n` distinct values per axis; `n^2` random points try `n^2`.
//! Coarse to fine samples the whole box, then the box around the best `k` points of the round
//! (padded, never larger than the previous box), at random each time.
use crate::core::named::named;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// The shape of the synthetic dev-error surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Surface {
    /// Only `u` (alpha) matters. The default.
    OneMatters,
    /// Both parameters matter, independently.
    BothMatter,
    /// The best `u` depends on `v`: a diagonal valley.
    Interaction,
}

named!(Surface {
    OneMatters => "one_matters",
    BothMatter => "both_matter",
    Interaction => "interaction",
});

fn g(d: f64, w: f64) -> f64 {
    1.0 - (-(d * d) / (2.0 * w * w)).exp()
}

impl Surface {
    /// The dev error at `(u, v)` (see the module formula); between 0.05 and 0.56.
    pub fn dev_error(self, u: f64, v: f64) -> f64 {
        match self {
            Surface::OneMatters => 0.05 + 0.45 * g(u - 0.62, 0.07) + 0.01 * v,
            Surface::BothMatter => 0.05 + 0.3 * g(u - 0.62, 0.09) + 0.2 * g(v - 0.35, 0.09),
            Surface::Interaction => 0.05 + 0.4 * g(u - v - 0.25, 0.06) + 0.1 * g(u - 0.6, 0.25),
        }
    }
}

/// A tried point and its dev error.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    /// Position on the first axis, in [0, 1].
    pub u: f64,
    /// Position on the second axis, in [0, 1].
    pub v: f64,
    /// Dev error there.
    pub error: f64,
}

/// An axis-aligned box in the unit square.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitBox {
    /// Left edge.
    pub u0: f64,
    /// Right edge.
    pub u1: f64,
    /// Bottom edge.
    pub v0: f64,
    /// Top edge.
    pub v1: f64,
}

impl UnitBox {
    /// The whole unit square.
    pub const FULL: UnitBox = UnitBox {
        u0: 0.0,
        u1: 1.0,
        v0: 0.0,
        v1: 1.0,
    };

    /// Area.
    pub fn area(&self) -> f64 {
        (self.u1 - self.u0) * (self.v1 - self.v0)
    }

    /// Whether `(u, v)` lies inside (edges included).
    pub fn contains(&self, u: f64, v: f64) -> bool {
        u >= self.u0 && u <= self.u1 && v >= self.v0 && v <= self.v1
    }
}

/// The `n x n` grid at the cell centres, shifted by `offset` (wrapping around the box;
/// `(0, 0)` is the plain grid). Row-major in `v`, then `u`.
pub fn grid(surface: Surface, n: usize, offset: (f64, f64)) -> Vec<Trial> {
    let mut out = Vec::with_capacity(n * n);
    for j in 0..n {
        for i in 0..n {
            let (u, v) = grid_point(i, j, n, offset);
            out.push(Trial {
                u,
                v,
                error: surface.dev_error(u, v),
            });
        }
    }
    out
}

/// Point `(i, j)` of the shifted `n x n` grid: the cell centre plus `offset`, wrapped around the
/// box so the grid keeps its spacing inside it.
pub fn grid_point(i: usize, j: usize, n: usize, offset: (f64, f64)) -> (f64, f64) {
    let step = 1.0 / n as f64;
    (
        ((i as f64 + 0.5) * step + offset.0).rem_euclid(1.0),
        ((j as f64 + 0.5) * step + offset.1).rem_euclid(1.0),
    )
}

/// `count` uniform random points in `bx`.
pub fn random<R: RngExt + ?Sized>(surface: Surface, count: usize, bx: &UnitBox, rng: &mut R) -> Vec<Trial> {
    (0..count)
        .map(|_| {
            let u = bx.u0 + (bx.u1 - bx.u0) * rng.random::<f64>();
            let v = bx.v0 + (bx.v1 - bx.v0) * rng.random::<f64>();
            Trial {
                u,
                v,
                error: surface.dev_error(u, v),
            }
        })
        .collect()
}

/// The trial with the lowest dev error (`None` for no trials).
pub fn best(trials: &[Trial]) -> Option<Trial> {
    trials.iter().copied().min_by(|a, b| a.error.total_cmp(&b.error))
}

/// Settings of a coarse-to-fine search.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CoarseToFineConfig {
    /// Rounds, 1..=[`MAX_ROUNDS`]. Default 3.
    pub rounds: usize,
    /// Random points per round, 1..=[`MAX_PER_ROUND`]. Default 15.
    pub per_round: usize,
    /// How many of a round's best points the next box must hold, 1..=per_round. Default 3.
    pub keep: usize,
    /// Padding around the best points, as a share of the current box's side. Default 0.1.
    pub pad: f64,
}

/// Most rounds of coarse to fine.
pub const MAX_ROUNDS: usize = 6;
/// Most points per round.
pub const MAX_PER_ROUND: usize = 200;

/// Why a [`CoarseToFineConfig`] was refused: the variant is the field at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoarseToFineError {
    /// `rounds` is not in 1..=[`MAX_ROUNDS`].
    Rounds(usize),
    /// `per_round` is not in 1..=[`MAX_PER_ROUND`].
    PerRound(usize),
    /// `keep` is not in 1..=`per_round`.
    Keep {
        /// The `keep` given.
        keep: usize,
        /// The `per_round` it must not exceed.
        per_round: usize,
    },
}

impl std::fmt::Display for CoarseToFineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CoarseToFineError::Rounds(_) => write!(f, "rounds must be 1 to {MAX_ROUNDS}"),
            CoarseToFineError::PerRound(_) => write!(f, "points per round must be 1 to {MAX_PER_ROUND}"),
            CoarseToFineError::Keep { keep, per_round } => write!(
                f,
                "best points kept ({keep}) must be 1 to the points per round ({per_round})"
            ),
        }
    }
}

impl std::error::Error for CoarseToFineError {}

impl Default for CoarseToFineConfig {
    fn default() -> Self {
        CoarseToFineConfig {
            rounds: 3,
            per_round: 15,
            keep: 3,
            pad: 0.1,
        }
    }
}

/// One round: the box sampled and the points tried in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// The box the round sampled.
    pub region: UnitBox,
    /// Its trials.
    pub trials: Vec<Trial>,
}

impl CoarseToFineConfig {
    /// Runs the search on `surface`. The error names the setting that is out of range.
    pub fn run<R: RngExt + ?Sized>(&self, surface: Surface, rng: &mut R) -> Result<Vec<Round>, CoarseToFineError> {
        if !(1..=MAX_ROUNDS).contains(&self.rounds) {
            return Err(CoarseToFineError::Rounds(self.rounds));
        }
        if !(1..=MAX_PER_ROUND).contains(&self.per_round) {
            return Err(CoarseToFineError::PerRound(self.per_round));
        }
        if !(1..=self.per_round).contains(&self.keep) {
            return Err(CoarseToFineError::Keep {
                keep: self.keep,
                per_round: self.per_round,
            });
        }
        let mut region = UnitBox::FULL;
        let mut rounds = Vec::with_capacity(self.rounds);
        for _ in 0..self.rounds {
            let trials = random(surface, self.per_round, &region, rng);
            let next = zoom(&region, &trials, self.keep, self.pad);
            rounds.push(Round { region, trials });
            region = next;
        }
        Ok(rounds)
    }
}

/// The box around the `keep` best trials, padded by `pad` of `region`'s sides and clipped to
/// `region`, so it holds those trials and is never larger than `region`.
pub fn zoom(region: &UnitBox, trials: &[Trial], keep: usize, pad: f64) -> UnitBox {
    // the `keep` best by error: sort the errors only (one f64 sort in the whole wasm), then take
    // every trial below the cut and fill up with those equal to it
    let mut order: Vec<f64> = trials.iter().map(|t| t.error).collect();
    order.sort_unstable_by(f64::total_cmp);
    let Some(&cut) = order.get(keep.max(1).min(order.len()).wrapping_sub(1)) else {
        return *region;
    };
    let mut sorted: Vec<Trial> = trials.iter().copied().filter(|t| t.error < cut).collect();
    let room = keep.max(1).saturating_sub(sorted.len());
    sorted.extend(trials.iter().copied().filter(|t| t.error == cut).take(room));
    let (mut u0, mut u1, mut v0, mut v1) = (f64::INFINITY, f64::NEG_INFINITY, f64::INFINITY, f64::NEG_INFINITY);
    for t in &sorted {
        u0 = u0.min(t.u);
        u1 = u1.max(t.u);
        v0 = v0.min(t.v);
        v1 = v1.max(t.v);
    }
    let pu = pad * (region.u1 - region.u0);
    let pv = pad * (region.v1 - region.v0);
    UnitBox {
        u0: (u0 - pu).max(region.u0),
        u1: (u1 + pu).min(region.u1),
        v0: (v0 - pv).max(region.v0),
        v1: (v1 + pv).min(region.v1),
    }
}

/// The surface on a `cols x rows` grid of cell centres, row 0 at `v` near 0 (for a heatmap).
pub fn surface_grid(surface: Surface, cols: usize, rows: usize) -> Vec<Vec<f64>> {
    (0..rows)
        .map(|j| {
            let v = (j as f64 + 0.5) / rows as f64;
            (0..cols)
                .map(|i| surface.dev_error((i as f64 + 0.5) / cols as f64, v))
                .collect()
        })
        .collect()
}
