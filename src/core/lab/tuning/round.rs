//! One round of a caviar search (the first coarse, later ones finer): its trials, their latest
//! results, and successive halving's bookkeeping: which trials are alive in each rung, which of
//! the current rung are finished, waiting, or handed to a worker. After each rung the best
//! `1/eta` by validation accuracy go on ([`crate::core::halving::promote`]).
use super::config::LogRange;
use super::trial::{TrialResult, TrialSpec};
use crate::core::halving::{promote, Rung};
use crate::core::math::format::code;
use crate::core::sampling::Scale;
use crate::core::search_space::{HyperParam, SearchSpace};
use serde::Serialize;
use std::collections::VecDeque;

/// One round of the search.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Round {
    /// log10 lr range.
    pub lr: LogRange,
    /// log10 weight-decay range.
    pub weight_decay: LogRange,
    /// Every trial's hyperparameters.
    pub specs: Vec<TrialSpec>,
    /// The latest result of each trial (from the last rung it reached).
    pub results: Vec<Option<TrialResult>>,
    /// Trials alive in each rung reached so far (the first: all).
    pub alive: Vec<Vec<usize>>,
    /// The current rung.
    pub rung: usize,
    /// Trials of the current rung whose result is in.
    pub finished: Vec<usize>,
    /// Trials of the current rung not handed out yet.
    #[serde(skip)]
    pub(super) pending: VecDeque<usize>,
    /// Trials handed to a worker and not back yet.
    #[serde(skip)]
    pub(super) claimed: Vec<usize>,
}

impl Round {
    /// Round `index` of `trials` trials drawn in the given ranges from `seed`.
    pub(super) fn new(seed: u64, index: usize, trials: usize, lr: LogRange, wd: LogRange) -> Round {
        Round {
            lr,
            weight_decay: wd,
            specs: (0..trials).map(|i| TrialSpec::draw(seed, index, i, lr, wd)).collect(),
            results: vec![None; trials],
            alive: vec![(0..trials).collect()],
            rung: 0,
            finished: Vec::new(),
            pending: (0..trials).collect(),
            claimed: Vec::new(),
        }
    }

    /// Whether every trial of the current rung has its result and none is out with a worker
    /// (a trial being trained in the page is the search's to know).
    pub fn rung_complete(&self) -> bool {
        self.pending.is_empty() && self.claimed.is_empty() && self.finished.len() == self.alive[self.rung].len()
    }

    /// Trials of the current rung not handed out yet.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Whether `trial` is out with a worker.
    pub fn is_claimed(&self, trial: usize) -> bool {
        self.claimed.contains(&trial)
    }

    /// Whether a result for `trial` is awaited in the current rung.
    pub fn awaits(&self, trial: usize) -> bool {
        !self.finished.contains(&trial) && self.alive[self.rung].contains(&trial)
    }

    /// The next trial to train, taken off the waiting list.
    pub(super) fn take(&mut self) -> Option<usize> {
        self.pending.pop_front()
    }

    /// The next trial to hand to a worker, marked claimed.
    pub(super) fn claim(&mut self) -> Option<usize> {
        let t = self.take()?;
        self.claimed.push(t);
        Some(t)
    }

    /// Puts every claimed trial back at the front of the waiting list, in order.
    pub(super) fn release(&mut self) {
        let mut back: Vec<usize> = self.claimed.drain(..).collect();
        back.sort_unstable();
        for t in back.into_iter().rev() {
            self.pending.push_front(t);
        }
    }

    /// `trial`'s result is in from elsewhere: it is neither claimed nor waiting any more.
    pub(super) fn settle(&mut self, trial: usize) {
        self.claimed.retain(|&t| t != trial);
        self.pending.retain(|&t| t != trial);
    }

    /// Records a result of the current rung; once the rung is complete, promotes the best
    /// `rungs[rung + 1].trials` to the next rung (diverged trials last, ties by index).
    pub(super) fn record(&mut self, result: TrialResult, rungs: &[Rung]) {
        let t = result.spec.index;
        self.results[t] = Some(result);
        self.finished.push(t);
        self.finished.sort_unstable();
        if self.finished.len() == self.alive[self.rung].len() && self.rung + 1 < rungs.len() {
            let keep = rungs[self.rung + 1].trials;
            let alive = self.alive[self.rung].clone();
            let scores: Vec<f64> = alive
                .iter()
                .map(|&t| match &self.results[t] {
                    Some(res) if res.diverged.is_none() => -res.final_val(),
                    _ => f64::NAN,
                })
                .collect();
            let next: Vec<usize> = promote(&scores, keep).into_iter().map(|i| alive[i]).collect();
            self.rung += 1;
            self.pending = next.iter().copied().collect();
            self.alive.push(next);
            self.finished.clear();
        }
    }

    /// The round's ranges as a search space (log-uniform lr and weight decay), for the exported
    /// Optuna and Ray Tune code; `None` if they do not form a valid one. The ends are `10^lo` and
    /// `10^hi` rounded to 12 significant digits ([`code`]): `10^-3` is `0.0010000000000000002` in
    /// floating point, and the code should read `0.001`.
    pub fn space(&self) -> Option<SearchSpace> {
        let end = |log10: f64| {
            let v = 10f64.powf(log10);
            code(v).parse().unwrap_or(v)
        };
        let p = |name: &str, range: LogRange| HyperParam {
            name: name.to_string(),
            scale: Scale::Log,
            low: end(range[0]),
            high: end(range[1]),
            options: Vec::new(),
        };
        SearchSpace::validate(vec![p("lr", self.lr), p("weight_decay", self.weight_decay)]).ok()
    }
}
