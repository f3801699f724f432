//! The parameters of `view=learning` (defaults: DLFS's `optimizer_compare_mnist` and
//! `weight_init_compare`), their mapping to the core's [`LearningConfig`], and the core's errors
//! as notices naming the parameter. An optimizer's settings matter only while the optimizers are
//! compared, the initialisation runs' only while those are.
use crate::app::params::{
    choice, float, int, log, none_of, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider, When,
};
use crate::core::lab::learning::{
    Compare, Field, InitActivation, LearningConfig, LearningError, LR_RANGE, MAX_BATCH, MAX_EPOCHS, MAX_ITERATIONS,
    MAX_LAYERS, MAX_UNITS, MOMENTUM_RANGE,
};
use crate::core::lab::tuning::MAX_WORKERS;
use crate::core::named::named;
use crate::core::optim::OptimizerKind;

/// The loss axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YScale {
    /// log10, labelled by decade (the default: the runs end decades apart).
    Log,
    /// Linear from 0, as DLFS draws it.
    Linear,
}

named!(YScale {
    Log => "log",
    Linear => "linear",
});

/// While the optimizers are compared.
const OPTIMIZERS_SHOWN: When = one_of("compare", &[Compare::Both.id(), Compare::Optimizers.id()]);
/// While the initialisations are compared.
const INITS_SHOWN: When = one_of("compare", &[Compare::Both.id(), Compare::Init.id()]);
/// While a loss panel is shown (the augmentation runs have their own fixed network and batch).
const LOSS_SHOWN: When = none_of("compare", &[Compare::Augment.id()]);
/// While the augmentations are compared.
const AUGMENT_SHOWN: When = one_of("compare", &[Compare::Augment.id()]);

/// A learning rate of the optimizer comparison.
const fn rate(name: &'static str, default: &'static str) -> ParamSpec {
    log(name, LR_RANGE.0, LR_RANGE.1, default).group(Group::Optimisation).when(OPTIMIZERS_SHOWN)
}

/// Parameters of `view=learning`, in the order of the controls. The main ones: what to compare,
/// for how many iterations, the activation of the initialisation runs, the mini-batch and the
/// loss axis.
#[rustfmt::skip]
pub const PARAMS: &[ParamSpec] = &[
    choice("compare", &Compare::IDS, "both").group(Group::Figure).main(),
    int("iterations", 1, MAX_ITERATIONS as i64, "2000").group(Group::Run).slider(Slider::Log).when(LOSS_SHOWN).main(),
    int("epochs", 1, MAX_EPOCHS as i64, "100").group(Group::Run).slider(Slider::Log).when(AUGMENT_SHOWN).main(),
    choice("init_activation", &InitActivation::IDS, "relu").group(Group::Network).when(INITS_SHOWN).main(),
    int("batch", 1, MAX_BATCH as i64, "128").group(Group::Optimisation).slider(Slider::Pow2).when(LOSS_SHOWN).main(),
    choice("axis", &YScale::IDS, "log").group(Group::Figure).when(LOSS_SHOWN).main(),
    int("layers", 1, MAX_LAYERS as i64, "4").group(Group::Network).when(LOSS_SHOWN),
    int("units", 1, MAX_UNITS as i64, "100").group(Group::Network).slider(Slider::Pow2).when(LOSS_SHOWN),
    rate("sgd_lr", "0.01"),
    rate("momentum_lr", "0.01"),
    float("momentum", MOMENTUM_RANGE.0, MOMENTUM_RANGE.1, 0.01, "0.9").group(Group::Optimisation).when(OPTIMIZERS_SHOWN),
    rate("adagrad_lr", "0.01"),
    rate("adam_lr", "0.001"),
    log("init_lr", LR_RANGE.0, LR_RANGE.1, "0.01").group(Group::Optimisation).when(INITS_SHOWN),
    int("workers", 0, MAX_WORKERS as i64, "8").group(Group::Run),
    seed("1"),
];

/// The parameters a run depends on (the seed travels beside them): what is only shown, and who
/// computes, are left out, so changing them leaves the runs out with workers valid.
pub const RUN_KEYS: &[&str] = &[
    "iterations",
    "init_activation",
    "batch",
    "layers",
    "units",
    "sgd_lr",
    "momentum_lr",
    "momentum",
    "adagrad_lr",
    "adam_lr",
    "init_lr",
    "epochs",
];

/// The parameter of each optimizer's learning rate, in the core's order.
const LR_NAMES: [&str; 4] = ["sgd_lr", "momentum_lr", "adagrad_lr", "adam_lr"];

/// The study's settings of a parameter set.
pub fn config(params: &ParamSet) -> LearningConfig {
    LearningConfig {
        iterations: params.int("iterations") as usize,
        batch: params.int("batch") as usize,
        layers: params.int("layers") as usize,
        units: params.int("units") as usize,
        lr: LR_NAMES.map(|name| params.float(name)),
        momentum: params.float("momentum"),
        init_activation: params.pick("init_activation"),
        init_lr: params.float("init_lr"),
        seed: params.int("seed") as u64,
        epochs: params.int("epochs") as usize,
    }
}

/// The parameter of a core setting.
pub fn name(field: Field) -> &'static str {
    match field {
        Field::Iterations => "iterations",
        Field::Batch => "batch",
        Field::Layers => "layers",
        Field::Units => "units",
        Field::Lr(kind) => match kind {
            OptimizerKind::Momentum => "momentum_lr",
            OptimizerKind::AdaGrad => "adagrad_lr",
            OptimizerKind::Adam => "adam_lr",
            _ => "sgd_lr",
        },
        Field::Momentum => "momentum",
        Field::InitLr => "init_lr",
        Field::Epochs => "epochs",
    }
}

/// A study the core refused, as the notice naming the parameter (an error of no setting, which
/// validated settings cannot cause, goes to `iterations`).
pub fn notice(e: LearningError) -> Notice {
    Notice::inconsistent(e.field().map_or("iterations", name), e.to_string())
}
