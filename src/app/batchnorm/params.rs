//! The parameters of `view=batchnorm` and their mapping to the three jobs' configs: the study
//! ([`BnStudyConfig`]: epochs, learning rate, probed unit) behind the `shift`, `ridge` and `test`
//! panels, the grid ([`BnGridConfig`]: epochs, samples) behind the `grid` panel and the
//! batch-size study ([`NormBatchConfig`]: epochs, learning rate, samples) behind the `layer`
//! panel; `workers` (who computes the grid's and the layer panel's runs) matters for those two. A job's
//! settings matter only for the panels that show it, and the probed unit only for the panels that
//! plot or tabulate its percentiles.
use crate::app::params::{choice, int, log, none_of, one_of, seed, Group, Notice, ParamSet, ParamSpec, When};
use crate::core::lab::bn_grid::{BnGridConfig, MAX_GRID_EPOCHS, MAX_SAMPLES, MIN_SAMPLES};
use crate::core::lab::bn_study::{BnError, BnStudyConfig, HIDDEN_UNITS, MAX_EPOCHS};
use crate::core::lab::norm_batch::{self as nb, NormBatchConfig, NormBatchError};
use crate::core::lab::tuning::MAX_WORKERS;
use crate::core::named::named;

/// What the figure shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    /// One unit's input percentiles and the dev accuracy over steps (the default).
    #[default]
    Shift,
    /// The last hidden layer's input histograms over steps.
    Ridge,
    /// Test accuracy with running statistics vs each test batch's own.
    Test,
    /// DLFS's grid of weight scales.
    Grid,
    /// Batch norm against layer norm over batch sizes 1..128.
    Layer,
}

named!(Panel {
    Shift => "shift",
    Ridge => "ridge",
    Test => "test",
    Grid => "grid",
    Layer => "layer",
});

impl Panel {
    /// Whether the panel shows the grid job (otherwise the study).
    pub fn shows_grid(self) -> bool {
        self == Panel::Grid
    }

    /// Whether the panel's runs go to Web Workers (the grid and the layer-norm study).
    pub fn has_runs(self) -> bool {
        matches!(self, Panel::Grid | Panel::Layer)
    }
}

/// The panel of the grid job.
const GRID: &[&str] = &[Panel::Grid.id()];
/// The panels of the jobs that are not the study.
const JOBS: &[&str] = &[Panel::Grid.id(), Panel::Layer.id()];
/// While the layer-norm panel is shown.
const LAYER_SHOWN: When = one_of("panel", &[Panel::Layer.id()]);
/// While a panel whose runs go to workers is shown.
const RUNS_SHOWN: When = one_of("panel", JOBS);
/// The panels that show the probed unit (its percentiles in the figure or in the table).
const UNIT_PANELS: &[&str] = &[Panel::Shift.id(), Panel::Ridge.id()];
/// While a panel of the study is shown.
const STUDY_SHOWN: When = none_of("panel", JOBS);
/// While the grid is shown.
const GRID_SHOWN: When = one_of("panel", GRID);
/// While the probed unit is shown.
const UNIT_SHOWN: When = one_of("panel", UNIT_PANELS);

/// Parameters of `view=batchnorm`: the panel, the study's learning rate, epochs and probed unit,
/// and the grid's epochs are the main controls (each shown only with the panels it matters
/// for); the grid's digits and the seed fold under Data and Run. Caps are the jobs' own ([`MAX_EPOCHS`] keeps the study to
/// about a minute); the grid defaults to 10 epochs (DLFS: 20, allowed) so the full 4 x 4 grid
/// finishes in about 20 s. The layer panel's 16 runs default to 8 epochs of 1,000 digits (a few
/// seconds in two workers).
#[rustfmt::skip] // one line per parameter
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &Panel::IDS, "shift").main(),
    log("lr", 0.01, 5.0, "0.5").group(Group::Optimisation).when(STUDY_SHOWN).main(),
    int("epochs", 1, MAX_EPOCHS as i64, "30").group(Group::Run).when(STUDY_SHOWN).main(),
    int("unit", 1, HIDDEN_UNITS as i64, "1").when(UNIT_SHOWN).main(),
    int("grid_epochs", 1, MAX_GRID_EPOCHS as i64, "10").group(Group::Run).when(GRID_SHOWN).main(),
    int("grid_samples", MIN_SAMPLES as i64, MAX_SAMPLES as i64, "1000").group(Group::Data).when(GRID_SHOWN),
    int("ln_epochs", 1, nb::MAX_EPOCHS as i64, "8").group(Group::Run).when(LAYER_SHOWN).main(),
    log("ln_lr", 0.005, 1.0, "0.05").group(Group::Optimisation).when(LAYER_SHOWN),
    int("ln_samples", nb::MIN_SAMPLES as i64, nb::MAX_SAMPLES as i64, "1000").group(Group::Data).when(LAYER_SHOWN),
    int("workers", 0, MAX_WORKERS as i64, "8").group(Group::Run).when(RUNS_SHOWN),
    seed("1"),
];

/// The parameters the grid's runs depend on besides its panel (the seed travels beside them).
pub const GRID_KEYS: &[&str] = &["grid_epochs", "grid_samples"];
/// The parameters the layer-norm runs depend on.
pub const LAYER_KEYS: &[&str] = &["ln_epochs", "ln_lr", "ln_samples"];

/// The layer-norm study's settings from the parameters.
pub fn layer_config(params: &ParamSet) -> NormBatchConfig {
    NormBatchConfig {
        epochs: params.int("ln_epochs") as usize,
        lr: params.float("ln_lr"),
        samples: params.int("ln_samples") as usize,
        seed: params.int("seed") as u64,
        ..NormBatchConfig::default()
    }
}

/// The layer-norm study's refusal as a notice on the parameter of the field it names.
pub fn layer_refused(e: NormBatchError) -> Notice {
    let param = match e.field {
        "lr" => "ln_lr",
        "samples" => "ln_samples",
        _ => "ln_epochs",
    };
    Notice::inconsistent(param, e.to_string())
}

/// The two jobs' settings from the parameters (the seed is shared).
pub fn configs(params: &ParamSet) -> (BnStudyConfig, BnGridConfig) {
    let seed = params.int("seed") as u64;
    (
        BnStudyConfig {
            epochs: params.int("epochs") as usize,
            lr: params.float("lr"),
            unit: (params.int("unit") - 1) as usize,
            seed,
            ..BnStudyConfig::default()
        },
        BnGridConfig {
            epochs: params.int("grid_epochs") as usize,
            samples: params.int("grid_samples") as usize,
            seed,
            ..BnGridConfig::default()
        },
    )
}

/// The study's refusal as a notice on the parameter of the field it names (fields that are no
/// parameter fall on `epochs`).
pub fn study_refused(e: BnError) -> Vec<Notice> {
    let param = match e.field() {
        Some("lr") => "lr",
        Some("unit") => "unit",
        _ => "epochs",
    };
    Notice::inconsistent(param, e.to_string()).into()
}

/// The grid's refusal as a notice on the parameter of the field it names (fields that are no
/// parameter fall on `grid_samples`).
pub fn grid_refused(e: BnError) -> Vec<Notice> {
    let param = match e.field() {
        Some("epochs") => "grid_epochs",
        _ => "grid_samples",
    };
    Notice::inconsistent(param, e.to_string()).into()
}
