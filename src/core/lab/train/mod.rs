//! The training playground of `view=train` (seeds 001, 002, 004): a run's settings and caps
//! ([`config`]), the run itself, advanced a few units at a time ([`session`]), the evaluation of
//! an epoch in chunks ([`eval`]), what a run records ([`stats`]: epoch statistics, status,
//! marks), the learner's changes between steps ([`retune`]), saved states ([`checkpoint`]) and
//! DLFS's overfitting experiments as presets ([`presets`]), the pace of a played run ([`pace`]),
//! and what each unit of the network computes, for the diagram ([`units`]), and the weights'
//! histogram with their sparsity ([`weights`]).
//!
//! Files depend one way: `config`, `stats`, `units` <- `eval`, `checkpoint` <- `session` <- `retune`.
pub mod augmented;
pub mod checkpoint;
pub mod config;
pub mod eval;
pub mod pace;
pub mod presets;
pub mod retune;
pub mod session;
pub mod stats;
pub mod units;
pub mod weights;

pub use checkpoint::{Checkpoint, CheckpointInfo};
pub use config::{output_for, Field, SessionConfig, SessionError};
pub use config::{DIVERGED_FACTOR, MAX_CHECKPOINTS, MAX_EPOCHS, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS};
pub use config::{MAX_POINTS, MAX_ROWS, MAX_STEP_POINTS, SYNC_EVAL_MACS};
pub use eval::{Boundary, Confusion, EvalJob, EvalSet, ViewBox, MAX_MISTAKES};
pub use pace::{Pace, Pacer};
pub use retune::{ExtendError, NoCheckpoint, PointError};
pub use session::TrainSession;
pub use stats::{Change, EpochStats, Mark, MarkKind, RunStatus};
pub use units::{grid_sides, Histograms, UnitGrids, UnitHistogram, HIST_BINS, UNIT_STRIDE};
pub use weights::{weight_histogram, WeightHistogram, WEIGHT_BINS};
