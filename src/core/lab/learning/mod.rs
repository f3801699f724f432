//! Learning curves on the digits (issue 14; seed 004, DLFS chapter 6): the same network trained
//! by four optimizers on the same mini-batches from the same weights (`optimizer_compare_mnist`:
//! 4 x 100 ReLU, batches of 128, SGD 0.01, Momentum 0.01 / 0.9, AdaGrad 0.01, Adam 0.001, 2,000
//! iterations), and by SGD from three initialisations (`weight_init_compare`: std 0.01, Xavier
//! `sqrt(1/n)`, He `sqrt(2/n)`), each curve the mini-batch loss per iteration, smoothed as DLFS
//! smooths it; and DLFS's overfitting setup (300 digits, 6 x 100 ReLU, SGD 0.01, batches of 100)
//! with its training digits augmented three ways, each curve the train and dev accuracy per
//! epoch.
//!
//! One concept per file, each using only those listed before it:
//! * [`config`]: the settings, their caps and the runs they define ([`RunKind`]);
//! * [`smooth`]: DLFS's `smooth_curve`;
//! * [`augment_run`]: the split and the per-epoch images of an augmentation run;
//! * [`run`]: one run ([`LearningRun`]) and its [`Curve`];
//! * [`study`]: the runs of a study, in the page or by workers ([`LearningStudy`]).
pub mod augment_run;
pub mod config;
pub mod run;
pub mod smooth;
pub mod study;

pub use config::{
    Compare, Field, InitActivation, InitScheme, LearningConfig, LearningError, RunKind, AUGMENT_TRAIN, CURVE_RUNS,
    LR_RANGE, MAX_BATCH, MAX_EPOCHS, MAX_ITERATIONS, MAX_LAYERS, MAX_UNITS, MOMENTUM_RANGE, OPTIMIZERS, RUNS,
};
pub use run::{Curve, LearningRun, REPORT_EVERY};
pub use smooth::smooth_curve;
pub use study::{rows, LearningStudy};
