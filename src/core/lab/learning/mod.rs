//! Learning curves on the digits (issue 14; seed 004, DLFS chapter 6): the same network trained
//! by four optimizers on the same mini-batches from the same weights (`optimizer_compare_mnist`:
//! 4 x 100 ReLU, batches of 128, SGD 0.01, Momentum 0.01 / 0.9, AdaGrad 0.01, Adam 0.001, 2,000
//! iterations), and by SGD from three initialisations (`weight_init_compare`: std 0.01, Xavier
//! `sqrt(1/n)`, He `sqrt(2/n)`), each curve the mini-batch loss per iteration, smoothed as DLFS
//! smooths it.
//!
//! One concept per file, each using only those listed before it:
//! * [`config`]: the settings, their caps and the runs they define ([`RunKind`]);
//! * [`smooth`]: DLFS's `smooth_curve`;
//! * [`run`]: one run ([`LearningRun`]) and its [`Curve`];
//! * [`study`]: the runs of a study, in the page or by workers ([`LearningStudy`]).
pub mod config;
pub mod run;
pub mod smooth;
pub mod study;

pub use config::{
    Compare, Field, InitActivation, InitScheme, LearningConfig, LearningError, RunKind, LR_RANGE, MAX_BATCH,
    MAX_ITERATIONS, MAX_LAYERS, MAX_UNITS, MOMENTUM_RANGE, OPTIMIZERS, RUNS,
};
pub use run::{Curve, LearningRun, REPORT_EVERY};
pub use smooth::smooth_curve;
pub use study::{rows, LearningStudy};
