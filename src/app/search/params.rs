//! The parameters of `view=search` and their mapping to the core: the two log axes
//! ([`AxisConfig`]), coarse to fine ([`CoarseToFineConfig`]) and the repeated study
//! ([`StudyConfig`]). A setting the core refuses comes back as a notice on its parameter.
use crate::app::params::{choice, flag, int, log, on, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use crate::core::lab::search::{CoarseToFineConfig, CoarseToFineError, Surface, MAX_PER_ROUND, MAX_ROUNDS};
use crate::core::lab::search_study::{StudyConfig, StudyError, MAX_GRID, MAX_REPEATS};
use crate::core::sampling::{Axis, AxisConfig, Scale};

/// Parameters of `view=search`. The grid side `n` sets the budget of both strategies (`n^2`
/// trials); coarse to fine has its own rounds; the study, when on, repeats both searches. Beside
/// the figure: the surface, the grid side and coarse to fine's rounds and points per round (the
/// page's one "Repeat 1,000 times" button sets `study` and `repeats`); the ranges, the points kept,
/// the repeats and the seed fold under their groups.
pub const PARAMS: &[ParamSpec] = &[
    choice("surface", &Surface::IDS, "one_matters").main(),
    int("n", 2, MAX_GRID as i64, "5").group(Group::Search).main(),
    log("alpha_low", 1e-8, 10.0, "1e-4").group(Group::Search),
    log("alpha_high", 1e-8, 10.0, "1").group(Group::Search),
    log("eps_low", 1e-12, 1e-2, "1e-10").group(Group::Search),
    log("eps_high", 1e-12, 1e-2, "1e-6").group(Group::Search),
    int("rounds", 1, MAX_ROUNDS as i64, "3").group(Group::Search).main(),
    int("per_round", 2, MAX_PER_ROUND as i64, "15")
        .group(Group::Search)
        .slider(Slider::Log)
        .main(),
    int("keep", 1, 20, "3").group(Group::Search),
    flag("study", false).group(Group::Run),
    int("repeats", 10, MAX_REPEATS as i64, "1000")
        .group(Group::Run)
        .when(on("study"))
        .slider(Slider::Log),
    seed("1"),
];

/// The log axis from parameters `low` and `high`; a refusal is noted on `low`.
pub fn log_axis(params: &ParamSet, low: &str, high: &str) -> Result<Axis, Notice> {
    AxisConfig {
        scale: Scale::Log,
        low: params.float(low),
        high: params.float(high),
    }
    .validate()
    .map_err(|e| Notice::inconsistent(low, e.to_string()))
}

/// The coarse-to-fine settings.
pub fn coarse_to_fine(params: &ParamSet) -> CoarseToFineConfig {
    CoarseToFineConfig {
        rounds: params.int("rounds") as usize,
        per_round: params.int("per_round") as usize,
        keep: params.int("keep") as usize,
        ..CoarseToFineConfig::default()
    }
}

/// The notice for a coarse-to-fine setting the core refused.
pub fn coarse_to_fine_refused(e: CoarseToFineError) -> Notice {
    let param = match e {
        CoarseToFineError::Rounds(_) => "rounds",
        CoarseToFineError::PerRound(_) => "per_round",
        CoarseToFineError::Keep { .. } => "keep",
    };
    Notice::inconsistent(param, e.to_string())
}

/// The study's settings, when the study is on.
pub fn study(params: &ParamSet, surface: Surface) -> Option<StudyConfig> {
    params.bool("study").then(|| StudyConfig {
        n: params.int("n") as usize,
        repeats: params.int("repeats") as usize,
        surface,
    })
}

/// The notice for a study setting the core refused.
pub fn study_refused(e: StudyError) -> Notice {
    let param = match e {
        StudyError::GridSide(_) => "n",
        StudyError::Repeats(_) => "repeats",
    };
    Notice::inconsistent(param, e.to_string())
}
