//! What a training run records: the statistics of every evaluated epoch ([`EpochStats`]), where
//! the run stands ([`RunStatus`]) and the marks drawn on its curves ([`Mark`]): a setting changed
//! while training (the panda of seed 004), the divergence, the early stop, a restored
//! checkpoint. Marks are structured values; the app words them in the page's language.
use crate::core::optim::OptimizerKind;
use crate::core::schedule::ScheduleKind;
use serde::{Deserialize, Serialize};

/// Statistics of the weights after an epoch (epoch 0: the initial weights), evaluation mode.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochStats {
    /// Epoch, from 0.
    pub epoch: u64,
    /// Optimizer steps taken by then.
    pub step: u64,
    /// Learning rate used in the epoch.
    pub lr: f64,
    /// Training cost.
    pub train_loss: f64,
    /// Training error rate.
    pub train_error: f64,
    /// Dev cost (`None` without dev rows).
    pub dev_loss: Option<f64>,
    /// Dev error rate (`None` without dev rows).
    pub dev_error: Option<f64>,
}

/// Where the run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// More epochs to go.
    Running,
    /// The target number of epochs is done.
    Done,
    /// Early stopping fired; the best dev epoch's weights were put back.
    EarlyStopped,
    /// The cost became NaN or infinite.
    Diverged,
}

/// A setting changed while training, with its old and new value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Change {
    /// The update rule.
    Optimizer(OptimizerKind, OptimizerKind),
    /// The learning rate alpha.
    Lr(f64, f64),
    /// Momentum / Adam's beta1.
    Beta1(f64, f64),
    /// RMSprop's / Adam's beta2.
    Beta2(f64, f64),
    /// The schedule's formula.
    Schedule(ScheduleKind, ScheduleKind),
    /// The schedule's decay rate.
    Decay(f64, f64),
    /// L2 lambda.
    Lambda(f64, f64),
    /// L1 lambda.
    L1(f64, f64),
    /// Dropout's keep probability.
    KeepProb(f64, f64),
    /// Early stopping's patience in epochs.
    Patience(usize, usize),
}

/// What a mark on the curves stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MarkKind {
    /// A setting changed between two steps (panda mode).
    Changed(Change),
    /// The cost became infinite or [`super::DIVERGED_FACTOR`] times its start: the run stopped.
    Diverged,
    /// Early stopping ended the run and put back the weights of epoch `epoch`.
    EarlyStopped {
        /// The best dev epoch, whose weights were restored.
        epoch: u64,
    },
    /// The learner went back to checkpoint number `checkpoint`.
    Restored {
        /// The checkpoint's number.
        checkpoint: usize,
    },
}

/// A mark on the curves: what happened and when.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Steps taken when it happened (it affects step `step + 1` on).
    pub step: u64,
    /// What.
    pub kind: MarkKind,
}
