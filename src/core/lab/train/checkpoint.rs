//! A saved state of a training run that the learner can go back to (seed 004, babysitting one
//! model: "if it explodes, go back"). A checkpoint keeps a copy of everything that moves while
//! training — the trainer (weights, optimizer buffers, position in the epoch), the curves, the
//! best dev epoch, the status and the training rows (clicked points included) — but not the
//! settings: a restored run keeps the learner's latest panda changes. Taking and restoring them:
//! [`super::TrainSession::checkpoint`], [`super::TrainSession::restore`].
use super::stats::{EpochStats, RunStatus};
use crate::core::data::Dataset;
use crate::core::nn::{Network, TrainData, Trainer};
use serde::Serialize;

/// The best dev epoch so far: (dev cost, epoch, the network then).
pub type Best = Option<(f64, u64, Network<f32>)>;

/// A saved state.
#[derive(Debug)]
pub struct Checkpoint {
    /// Number, from 1.
    pub id: usize,
    /// Steps at the time.
    pub step: u64,
    /// Finished epochs at the time.
    pub epoch: u64,
    /// Train error of the last evaluated epoch.
    pub train_error: f64,
    /// Dev error of the last evaluated epoch (`None` without dev rows).
    pub dev_error: Option<f64>,
    pub(super) state: Box<Saved>,
}

/// What a checkpoint restores.
#[derive(Debug)]
pub(super) struct Saved {
    pub(super) trainer: Trainer<f32>,
    pub(super) step_losses: Vec<(u64, f64)>,
    pub(super) stride: usize,
    pub(super) epochs: Vec<EpochStats>,
    pub(super) best: Best,
    pub(super) status: RunStatus,
    pub(super) train: TrainData<f32>,
    pub(super) train_raw: Dataset,
}

/// A checkpoint as the page lists it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CheckpointInfo {
    /// Number, from 1.
    pub id: usize,
    /// Steps at the time.
    pub step: u64,
    /// Finished epochs at the time.
    pub epoch: u64,
    /// Train error of the last evaluated epoch.
    pub train_error: f64,
    /// Dev error of the last evaluated epoch.
    pub dev_error: Option<f64>,
}

impl Checkpoint {
    /// Its number, step, epoch and errors.
    pub fn info(&self) -> CheckpointInfo {
        CheckpointInfo {
            id: self.id,
            step: self.step,
            epoch: self.epoch,
            train_error: self.train_error,
            dev_error: self.dev_error,
        }
    }
}
