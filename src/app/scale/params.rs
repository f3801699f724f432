//! The parameters of `view=scale` and their mapping to the core's sampling axes
//! ([`AxisConfig`]): each panel reads only its own range, and a range the core refuses comes back
//! as a notice on that range's lower end.
use crate::app::params::{choice, float, int, log, none_of, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use crate::chart::scale::AxisKind;
use crate::core::named::named;
use crate::core::sampling::{Axis, AxisConfig, Scale, MAX_SAMPLES};

/// Which comparison the figure shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The learning rate alpha: linear against log scale. The default.
    Alpha,
    /// beta: linear against a log scale of `1 - beta`.
    Beta,
    /// Hidden units and layers, whole numbers (where linear is right).
    Integers,
}

named!(Panel {
    Alpha => "alpha",
    Beta => "beta",
    Integers => "integers",
});

/// The x axis a histogram is shown on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XAxis {
    /// The values themselves.
    Linear,
    /// The panel's log axis (`log10 x`, or `-log10(1 - x)` for beta).
    Log,
}

named!(XAxis {
    Linear => "linear",
    Log => "log",
});

impl XAxis {
    /// The chart's axis: linear, or the panel's own log axis `log_kind`.
    pub fn kind(self, log_kind: AxisKind) -> AxisKind {
        match self {
            XAxis::Linear => AxisKind::Linear,
            XAxis::Log => log_kind,
        }
    }
}

const ALPHA: &[&str] = &[Panel::Alpha.id()];
const BETA: &[&str] = &[Panel::Beta.id()];
const INTEGERS: &[&str] = &[Panel::Integers.id()];

/// Parameters of `view=scale`. `samples` accepts up to ten times [`MAX_SAMPLES`] so that a count
/// above the cap gets its own notice (and the previous figure stays) instead of a silent clamp.
/// Each range matters only for its panel; the x axes only for α and β (whole numbers are always
/// drawn on a linear axis, one bar each). Beside the figure: the panel, the samples, the two axes
/// and the current panel's range. The ranges admit the edges a scale refuses (a log scale from 0,
/// 1 − β at 1) so the core names them; their sliders stop short of those edges.
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &Panel::IDS, "alpha").main(),
    log("samples", 10.0, 10.0 * MAX_SAMPLES as f64, "1000")
        .group(Group::Data)
        .main(),
    float("alpha_low", 0.0, 10.0, 1e-4, "1e-4")
        .group(Group::Search)
        .when(one_of("panel", ALPHA))
        .slider(Slider::Log)
        .main(),
    float("alpha_high", 0.0, 10.0, 1e-4, "1")
        .group(Group::Search)
        .when(one_of("panel", ALPHA))
        .slider(Slider::Log)
        .main(),
    float("beta_low", 0.0, 1.0, 1e-4, "0.9")
        .group(Group::Search)
        .when(one_of("panel", BETA))
        .slider(Slider::LogOneMinus)
        .main(),
    float("beta_high", 0.0, 1.0, 1e-4, "0.999")
        .group(Group::Search)
        .when(one_of("panel", BETA))
        .slider(Slider::LogOneMinus)
        .main(),
    int("units_low", 1, 10_000, "50")
        .group(Group::Search)
        .when(one_of("panel", INTEGERS))
        .slider(Slider::Log)
        .main(),
    int("units_high", 1, 10_000, "100")
        .group(Group::Search)
        .when(one_of("panel", INTEGERS))
        .slider(Slider::Log)
        .main(),
    int("layers_low", 1, 100, "2")
        .group(Group::Search)
        .when(one_of("panel", INTEGERS))
        .main(),
    int("layers_high", 1, 100, "4")
        .group(Group::Search)
        .when(one_of("panel", INTEGERS))
        .main(),
    choice("axis_left", &XAxis::IDS, "log")
        .when(none_of("panel", INTEGERS))
        .main(),
    choice("axis_right", &XAxis::IDS, "log")
        .when(none_of("panel", INTEGERS))
        .main(),
    seed("1"),
];

/// The two sides of a panel: their axes, histogram names (ids in the data) and the panel's log
/// axis.
pub struct Sides {
    /// Left and right axes.
    pub axes: [Axis; 2],
    /// Left and right histogram ids.
    pub names: [&'static str; 2],
    /// The log x axis of this panel.
    pub log_kind: AxisKind,
}

/// The axis `scale` over `[low, high]`; a refusal is noted on parameter `param`.
fn axis(scale: Scale, low: f64, high: f64, param: &str) -> Result<Axis, Notice> {
    AxisConfig { scale, low, high }
        .validate()
        .map_err(|e| Notice::inconsistent(param, e.to_string()))
}

/// The sides of `panel`, from its ranges.
pub fn sides(params: &ParamSet, panel: Panel) -> Result<Sides, Notice> {
    let f = |name| params.float(name);
    let i = |name| params.int(name) as f64;
    Ok(match panel {
        Panel::Alpha => Sides {
            axes: [
                axis(Scale::Linear, f("alpha_low"), f("alpha_high"), "alpha_low")?,
                axis(Scale::Log, f("alpha_low"), f("alpha_high"), "alpha_low")?,
            ],
            names: ["alpha_linear", "alpha_log"],
            log_kind: AxisKind::Log10,
        },
        Panel::Beta => Sides {
            axes: [
                axis(Scale::Linear, f("beta_low"), f("beta_high"), "beta_low")?,
                axis(Scale::LogOneMinus, f("beta_low"), f("beta_high"), "beta_low")?,
            ],
            names: ["beta_linear", "beta_one_minus_log"],
            log_kind: AxisKind::LogOneMinus,
        },
        Panel::Integers => Sides {
            axes: [
                axis(Scale::Integer, i("units_low"), i("units_high"), "units_low")?,
                axis(Scale::Integer, i("layers_low"), i("layers_high"), "layers_low")?,
            ],
            names: ["hidden_units", "layers"],
            log_kind: AxisKind::Log10,
        },
    })
}
