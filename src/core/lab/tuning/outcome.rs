//! What a search found and what it cost: the compute of its schedule ([`Compute`]: epochs spent,
//! planned, of the full search, and with checkpoints), the best result of its first round
//! ([`Outcome`]), and the full search beside successive halving on the same trials
//! ([`Comparison`]): "the compute saved for the same best result".
use super::search::Search;
use serde::Serialize;

/// The compute of a search's schedule, in epochs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Compute {
    /// Epochs trained so far, in all rounds.
    pub spent_epochs: usize,
    /// Epochs one round plans (promoted trials retrained from their seed).
    pub planned_epochs: usize,
    /// Epochs of the full search (every trial for `epochs`).
    pub full_epochs: usize,
    /// Epochs successive halving would plan if trials continued from checkpoints (the planned
    /// epochs without halving).
    pub with_checkpoints_epochs: usize,
    /// The share of the full search's epochs the plan saves.
    pub saved_share: f64,
}

impl Compute {
    /// The compute of `search`.
    pub fn of(search: &Search) -> Compute {
        let c = &search.config;
        let (planned, full) = c.planned_epochs();
        let with_checkpoints = if c.halving {
            c.halving_config().cost().map(|c| c.0).unwrap_or(planned)
        } else {
            planned
        };
        Compute {
            spent_epochs: search.spent,
            planned_epochs: planned,
            full_epochs: full,
            with_checkpoints_epochs: with_checkpoints,
            saved_share: 1.0 - planned as f64 / full.max(1) as f64,
        }
    }
}

/// The best result of a search's first round and what it planned.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// Successive halving on.
    pub halving: bool,
    /// The first round is complete.
    pub done: bool,
    /// The best trial: among those trained furthest (halving's last rung), the best validation
    /// accuracy (ties: the lower index). `None` before any result.
    pub best_trial: Option<usize>,
    /// Its final validation accuracy.
    pub best_val: Option<f64>,
    /// Epochs the round plans.
    pub epochs: usize,
}

impl Outcome {
    /// The outcome of `search`'s first round.
    pub fn of(search: &Search) -> Outcome {
        let results = search.rounds[0].results.iter().flatten();
        let top = results.clone().map(|t| t.epochs).max().unwrap_or(0);
        let best = results.filter(|t| t.epochs == top).max_by(|a, b| {
            a.final_val()
                .total_cmp(&b.final_val())
                .then(b.spec.index.cmp(&a.spec.index))
        });
        Outcome {
            halving: search.config.halving,
            done: search.first_round_done(),
            best_trial: best.map(|t| t.spec.index),
            best_val: best.map(|t| t.final_val()),
            epochs: search.config.planned_epochs().0,
        }
    }
}

/// The full search and successive halving on the same trials, side by side.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Every trial for the full epochs.
    pub full: Outcome,
    /// With successive halving.
    pub halving: Outcome,
}

impl Comparison {
    /// Two searches of the same trials, one with halving and one without, in either order.
    pub fn of(a: &Search, b: &Search) -> Comparison {
        let (a, b) = (Outcome::of(a), Outcome::of(b));
        let (full, halving) = if a.halving { (b, a) } else { (a, b) };
        Comparison { full, halving }
    }
}
