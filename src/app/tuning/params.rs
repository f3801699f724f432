//! The parameters of `view=tuning` (defaults: DLFS's `hyperparameter_optimization`), their
//! mapping to the core's [`TuningConfig`], and the core's errors as notices naming the parameter.
//! Caps come from the core; the core checks the rules between parameters (`lr_min <= lr_max`,
//! `wd_min <= wd_max`, `min_epochs <= epochs`) once, and [`notice`] names the parameter.
use super::figure::Panel;
use crate::app::params::{choice, flag, float, int, on, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use crate::core::lab::tuning::{
    Field, TuningConfig, TuningError, LOG_RANGE, MAX_BATCH, MAX_EPOCHS, MAX_ETA, MAX_LAYERS, MAX_SAMPLES, MAX_TRIALS,
    MAX_UNITS, MAX_WORKERS, MIN_SAMPLES, VAL_FRACTION,
};

/// The largest `k` (best trials highlighted and narrowed around).
pub const MAX_K: i64 = 30;

/// One of successive halving's own settings: a main control of the search, shown only while
/// halving is on.
const fn of_halving(spec: ParamSpec) -> ParamSpec {
    spec.group(Group::Search).when(on("halving")).main()
}

/// Parameters of `view=tuning`, in the order of the controls. The main ones: what to show, how
/// many trials of how many epochs, and successive halving (with its two settings while it is
/// on); the rest fold under their group. Counts that span decades move on log sliders, sizes
/// through the powers of two; the ranges are already exponents (`-6` is `10⁻⁶`), so their sliders
/// are linear in the exponent, which is log in the rate.
#[rustfmt::skip]
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &Panel::IDS, "curves").main(),
    int("trials", 1, MAX_TRIALS as i64, "100").group(Group::Search).slider(Slider::Log).main(),
    int("epochs", 1, MAX_EPOCHS as i64, "50").group(Group::Run).slider(Slider::Log).main(),
    int("samples", MIN_SAMPLES as i64, MAX_SAMPLES as i64, "500").group(Group::Data).slider(Slider::Log),
    float("val", VAL_FRACTION.0, VAL_FRACTION.1, 0.05, "0.2").group(Group::Data),
    int("batch", 1, MAX_BATCH as i64, "100").group(Group::Optimisation).slider(Slider::Pow2),
    int("layers", 1, MAX_LAYERS as i64, "6").group(Group::Network),
    int("units", 1, MAX_UNITS as i64, "100").group(Group::Network).slider(Slider::Pow2),
    float("lr_min", LOG_RANGE.0, LOG_RANGE.1, 0.25, "-6").group(Group::Search),
    float("lr_max", LOG_RANGE.0, LOG_RANGE.1, 0.25, "-2").group(Group::Search),
    float("wd_min", LOG_RANGE.0, LOG_RANGE.1, 0.25, "-8").group(Group::Search),
    float("wd_max", LOG_RANGE.0, LOG_RANGE.1, 0.25, "-4").group(Group::Search),
    flag("halving", false).group(Group::Search).main(),
    of_halving(int("eta", 2, MAX_ETA as i64, "3")),
    of_halving(int("min_epochs", 1, MAX_EPOCHS as i64, "2").slider(Slider::Log)),
    int("k", 1, MAX_K, "20").group(Group::Search),
    int("workers", 0, MAX_WORKERS as i64, "8").group(Group::Run),
    seed("1"),
];

/// The search settings of a parameter set.
pub fn config(params: &ParamSet) -> TuningConfig {
    TuningConfig {
        samples: params.int("samples") as usize,
        val_fraction: params.float("val"),
        trials: params.int("trials") as usize,
        epochs: params.int("epochs") as usize,
        batch: params.int("batch") as usize,
        hidden: vec![params.int("units") as usize; params.int("layers") as usize],
        lr: [params.float("lr_min"), params.float("lr_max")],
        weight_decay: [params.float("wd_min"), params.float("wd_max")],
        halving: params.bool("halving"),
        eta: params.int("eta") as usize,
        min_epochs: params.int("min_epochs") as usize,
        seed: params.int("seed") as u64,
    }
}

/// The parameters that set the two ends of `field` (see [`Field::ends`]): the same name twice
/// for a single number.
pub fn names(field: Field) -> [&'static str; 2] {
    let one = |name| [name, name];
    match field {
        Field::Samples => one("samples"),
        Field::ValFraction => one("val"),
        Field::Trials => one("trials"),
        Field::Epochs => one("epochs"),
        Field::Batch => one("batch"),
        Field::Layers => one("layers"),
        Field::Units => one("units"),
        Field::Lr => ["lr_min", "lr_max"],
        Field::WeightDecay => ["wd_min", "wd_max"],
        Field::Eta => one("eta"),
        Field::MinEpochs => ["min_epochs", "epochs"],
    }
}

/// A search the core refused, as the notice naming the parameter (for a range, its low end) in
/// the core's words with the parameters' names. An error of no setting, which validated settings
/// cannot cause, goes to `samples`, the data the search was built on.
pub fn notice(e: TuningError) -> Notice {
    let name = e.setting().map_or("samples", |(field, end)| names(field)[end]);
    Notice::inconsistent(name, e.explain(names))
}
