//! One trial of a caviar search: its hyperparameters ([`TrialSpec`], trial `i` of round `r` draws
//! `lr = 10^U(a, b)` and `weight_decay = 10^U(c, d)` from a generator seeded by `(seed, r, i)`
//! alone), the job a worker gets for it ([`Job`]) and what training it gives ([`TrialResult`],
//! checked like any other input when a worker sends it).
use super::config::LogRange;
use super::error::ResultError;
use super::seeds::mix;
use crate::core::math::rng::{seeded, uniform};
use serde::{Deserialize, Serialize};

/// One trial's hyperparameters, a function of `(seed, round, index, ranges)` only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialSpec {
    /// Round (0 = the first, coarse one).
    pub round: usize,
    /// Index within the round.
    pub index: usize,
    /// Learning rate.
    pub lr: f64,
    /// Weight decay (DLFS's lambda).
    pub weight_decay: f64,
}

impl TrialSpec {
    /// Draws trial `index` of `round`: `10^U(lr)`, `10^U(weight_decay)`.
    pub fn draw(seed: u64, round: usize, index: usize, lr: LogRange, wd: LogRange) -> TrialSpec {
        let mut rng = seeded(mix(seed, round as u64, index as u64));
        let lr = 10f64.powf(uniform(&mut rng, lr[0], lr[1]));
        let weight_decay = 10f64.powf(uniform(&mut rng, wd[0], wd[1]));
        TrialSpec {
            round,
            index,
            lr,
            weight_decay,
        }
    }
}

/// A job for a worker: train trial `trial` of `round` for `epochs` epochs from its seed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Round.
    pub round: usize,
    /// Trial index.
    pub trial: usize,
    /// Epochs to train.
    pub epochs: usize,
    /// The round's log10 lr range.
    pub lr: LogRange,
    /// The round's log10 weight-decay range.
    pub weight_decay: LogRange,
}

impl Job {
    /// The trial's hyperparameters.
    pub fn spec(&self, seed: u64) -> TrialSpec {
        TrialSpec::draw(seed, self.round, self.trial, self.lr, self.weight_decay)
    }
}

/// A trained trial: its hyperparameters and per-epoch curves (finite numbers only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialResult {
    /// The trial.
    pub spec: TrialSpec,
    /// Epochs it was asked to train.
    pub epochs: usize,
    /// Training accuracy after each epoch.
    pub train_acc: Vec<f64>,
    /// Validation accuracy after each epoch.
    pub val_acc: Vec<f64>,
    /// Training loss (evaluation mode, with the L2 term) after each epoch.
    pub train_loss: Vec<f64>,
    /// Validation loss after each epoch.
    pub val_loss: Vec<f64>,
    /// The epoch (from 1) in which the cost became NaN or infinite; the curves stop before it.
    pub diverged: Option<usize>,
}

impl TrialResult {
    /// An empty result of `spec` asked to train `epochs` epochs.
    pub fn new(spec: TrialSpec, epochs: usize) -> TrialResult {
        TrialResult {
            spec,
            epochs,
            train_acc: Vec::new(),
            val_acc: Vec::new(),
            train_loss: Vec::new(),
            val_loss: Vec::new(),
            diverged: None,
        }
    }

    /// The last validation accuracy (0 for a run that diverged or has no epoch).
    pub fn final_val(&self) -> f64 {
        if self.diverged.is_some() {
            return 0.0;
        }
        self.val_acc.last().copied().unwrap_or(0.0)
    }

    /// Epochs trained (each curve's length).
    pub fn epochs_done(&self) -> usize {
        self.train_acc.len()
    }

    /// Checks shapes and ranges (a result from a worker is input like any other).
    pub fn check(&self) -> Result<(), ResultError> {
        let n = self.train_acc.len();
        let want = match self.diverged {
            None => self.epochs,
            Some(e) if e >= 1 && e <= self.epochs => e - 1,
            Some(epoch) => {
                return Err(ResultError::DivergedEpoch {
                    epoch,
                    epochs: self.epochs,
                })
            }
        };
        if n != want || self.val_acc.len() != n || self.train_loss.len() != n || self.val_loss.len() != n {
            return Err(ResultError::Length { want });
        }
        let acc_ok = |v: &[f64]| v.iter().all(|a| (0.0..=1.0).contains(a));
        let loss_ok = |v: &[f64]| v.iter().all(|l| l.is_finite() && *l >= 0.0);
        if !acc_ok(&self.train_acc) || !acc_ok(&self.val_acc) || !loss_ok(&self.train_loss) || !loss_ok(&self.val_loss)
        {
            return Err(ResultError::Values);
        }
        Ok(())
    }

    /// Checks curves a worker reports before the end of `job` (`spec` the trial's own
    /// hyperparameters): fewer epochs than the job, no divergence, equal lengths, valid numbers.
    pub fn check_partial(&self, job: &Job, spec: &TrialSpec) -> Result<(), ResultError> {
        let n = self.train_acc.len();
        let shaped = self.diverged.is_none()
            && n < job.epochs
            && [&self.val_acc, &self.train_loss, &self.val_loss]
                .iter()
                .all(|v| v.len() == n);
        if !shaped || self.epochs != job.epochs || self.spec != *spec {
            return Err(ResultError::Partial);
        }
        TrialResult {
            epochs: n,
            ..self.clone()
        }
        .check()
    }
}
