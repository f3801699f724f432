//! Successive halving: caviar search with early culling (Jamieson & Talwalkar 2016; the rung
//! schedule of Hyperband, Li et al. 2018, and of Optuna's SuccessiveHalvingPruner / Ray Tune's ASHA).
//!
//! Start `n` trials with a budget of `r` epochs each; after each rung keep the best `1/eta` of the
//! trials (at least one) and multiply their budget by `eta`, until one trial is left or the
//! maximum budget is reached. The total cost is compared with training every trial for the full
//! budget, which is what the view reports as compute saved.
use serde::{Deserialize, Serialize};

/// The largest number of trials a schedule plans for (checked before allocating).
pub const MAX_TRIALS: usize = 10_000;

/// Settings of a successive-halving schedule.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HalvingConfig {
    /// Trials started, 1..=[`MAX_TRIALS`]. Default 27.
    pub trials: usize,
    /// Reduction factor eta >= 2: keep the best 1/eta at each rung. Default 3.
    pub eta: usize,
    /// Epochs of the first rung, >= 1. Default 1.
    pub min_epochs: usize,
    /// Epochs no trial goes beyond, >= min_epochs. Default 27.
    pub max_epochs: usize,
}

impl Default for HalvingConfig {
    fn default() -> Self {
        HalvingConfig {
            trials: 27,
            eta: 3,
            min_epochs: 1,
            max_epochs: 27,
        }
    }
}

/// One rung: how many trials run, and up to which epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rung {
    /// Trials alive in this rung.
    pub trials: usize,
    /// Each is trained up to this many epochs in total.
    pub epochs: usize,
}

/// Why a schedule was rejected: which setting, and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalvingError {
    /// Trials outside `1..=MAX_TRIALS`.
    Trials(usize),
    /// A reduction factor below 2.
    Eta(usize),
    /// A first rung of 0 epochs.
    FirstRung,
    /// A first rung longer than the last: `min_epochs > max_epochs`.
    Epochs {
        /// `min_epochs`.
        min: usize,
        /// `max_epochs`.
        max: usize,
    },
}

impl std::fmt::Display for HalvingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HalvingError::Trials(n) => write!(f, "trials must be in 1..={MAX_TRIALS}, got {n}"),
            HalvingError::Eta(n) => write!(f, "the reduction factor must be at least 2, got {n}"),
            HalvingError::FirstRung => write!(f, "the first rung must have at least 1 epoch"),
            HalvingError::Epochs { min, max } => {
                write!(f, "epochs must satisfy 1 <= min ({min}) <= max ({max})")
            }
        }
    }
}

impl std::error::Error for HalvingError {}

impl HalvingConfig {
    /// The rungs, first to last. The one place these settings are checked (a caviar search's
    /// `validate` passes the error on, naming its own field).
    pub fn rungs(&self) -> Result<Vec<Rung>, HalvingError> {
        if self.trials == 0 || self.trials > MAX_TRIALS {
            return Err(HalvingError::Trials(self.trials));
        }
        if self.eta < 2 {
            return Err(HalvingError::Eta(self.eta));
        }
        if self.min_epochs == 0 {
            return Err(HalvingError::FirstRung);
        }
        if self.max_epochs < self.min_epochs {
            return Err(HalvingError::Epochs {
                min: self.min_epochs,
                max: self.max_epochs,
            });
        }
        let mut rungs = vec![Rung {
            trials: self.trials,
            epochs: self.min_epochs,
        }];
        loop {
            let last = rungs[rungs.len() - 1];
            if last.trials == 1 || last.epochs >= self.max_epochs {
                break;
            }
            rungs.push(Rung {
                trials: (last.trials / self.eta).max(1),
                epochs: (last.epochs * self.eta).min(self.max_epochs),
            });
        }
        Ok(rungs)
    }

    /// Epochs spent by the schedule (each trial continues from its checkpoint, so a rung costs
    /// only its extra epochs), and the cost of training every trial to `max_epochs`.
    pub fn cost(&self) -> Result<(usize, usize), HalvingError> {
        let rungs = self.rungs()?;
        let mut spent = 0;
        let mut done = 0;
        for r in &rungs {
            spent += r.trials * (r.epochs - done);
            done = r.epochs;
        }
        Ok((spent, self.trials * self.max_epochs))
    }
}

/// Indices of the trials promoted from a rung: the best `keep` by `score` (lower is better;
/// non-finite scores, e.g. diverged runs, rank last; ties keep the lower index, so the choice is
/// deterministic).
pub fn promote(scores: &[f64], keep: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    let key = |i: usize| {
        if scores[i].is_finite() {
            scores[i]
        } else {
            f64::INFINITY
        }
    };
    order.sort_by(|&a, &b| key(a).total_cmp(&key(b)).then(a.cmp(&b)));
    order.truncate(keep.min(scores.len()));
    order.sort_unstable();
    order
}
