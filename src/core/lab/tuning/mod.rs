//! Caviar search over learning rate x weight decay (seed 002, "Hyperparameter tuning": random
//! search on a log scale, coarse to fine, pandas vs caviar; DLFS `hyperparameter_optimization`;
//! successive halving, Jamieson & Talwalkar 2016, via [`crate::core::halving`]).
//!
//! One concept per file, each using only those listed before it:
//! * [`error`]: why a setting or an input was refused, naming the config [`Field`];
//! * [`seeds`]: independent seeds from `(seed, round, index)`;
//! * [`config`]: the settings ([`TuningConfig`]), their caps, the one check
//!   ([`TuningConfig::validate`]), the cost of a search and its data split;
//! * [`trial`]: a trial's hyperparameters ([`TrialSpec`]), a worker's [`Job`], a [`TrialResult`];
//! * [`run`]: one trial being trained ([`TrialRun`], DLFS's `MultiLayerNet` with SGD);
//! * [`round`]: a [`Round`] of trials and successive halving's rungs;
//! * [`plan`]: the [`WorkPlan`]: workers or the page, and the in-page unit of work;
//! * [`search`]: the [`Search`]: rounds, jobs handed out and taken back, in-page work;
//! * [`outcome`]: its [`Compute`], the first round's [`Outcome`], a [`Comparison`];
//! * [`study`]: the search shown and the other one of the same trials ([`Study`]);
//! * [`worker`]: what a Web Worker runs ([`JobRunner`]) and answers ([`JobReport`]);
//! * [`export`]: the search as complete Optuna and Ray Tune studies ([`StudyExport`]);
//! * [`results`]: a results CSV of either engine or the lab read back ([`Results`]).
pub mod config;
pub mod error;
pub mod export;
pub mod outcome;
pub mod plan;
pub mod results;
pub mod round;
pub mod run;
pub mod search;
pub mod seeds;
pub mod study;
pub mod trial;
pub mod worker;

pub use config::{
    LogRange, TuningConfig, TuningData, CLASSES, LOG_RANGE, MAX_BATCH, MAX_EPOCHS, MAX_ETA, MAX_LAYERS, MAX_ROUNDS,
    MAX_SAMPLES, MAX_TRIALS, MAX_UNITS, MAX_WORK, MIN_SAMPLES, VAL_FRACTION,
};
pub use error::{Field, ResultError, TuningError};
pub use export::StudyExport;
pub use outcome::{Comparison, Compute, Outcome};
pub use plan::{WorkPlan, MAX_CALL_WORK, MAX_WORKERS};
pub use results::Results;
pub use round::Round;
pub use run::TrialRun;
pub use search::Search;
pub use seeds::mix;
pub use study::Study;
pub use trial::{Job, TrialResult, TrialSpec};
pub use worker::{JobReport, JobReportRef, JobRunner, MAX_REPORT_BYTES};
