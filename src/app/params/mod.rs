//! View parameters: each view declares a schema of [`ParamSpec`]s, about one line each with the
//! const constructors below ([`float`], [`log`], [`int`], [`flag`], [`choice`], [`seed`],
//! [`list`]); the URL, the embed API and the controls all go through [`ParamSet`], which
//! validates every value and reports what it changed.
//!
//! The rules, the same for every view:
//! * an unknown name is ignored with a notice;
//! * a malformed value (not a number, `NaN`, an unknown option, one bad item of a list) keeps the
//!   previous value (the default when reading a URL) with a notice;
//! * an out-of-range number is clamped to the nearest valid value with a notice;
//! * a list with too many items keeps the first `max_len`; a list with too few keeps the previous
//!   value. Sizes are checked before anything is allocated for them.
//!
//! Besides its kind and default, a parameter has a [`Group`] (Data, Network, Optimisation, ...)
//! and a relevance rule ([`When`]): the page shows it only while the rule holds (the decay rate
//! only for a decaying schedule), and a hidden parameter keeps its value and stays in the URL.
use serde::Serialize;

mod notice;
mod parse;
mod set;

pub use notice::{quoted, Notice, Problem};
pub use parse::{format_float, ParamValue};
pub use set::ParamSet;

/// Query keys that belong to the page, not to a view: `view`, `embed`, `hide`, `lang`, and
/// `step` (the "try this" step a link opens at).
pub const RESERVED: &[&str] = &["view", "embed", "hide", "lang", "step"];

/// The longest value text read for one parameter (longer text is malformed).
pub const MAX_VALUE_LEN: usize = 512;

/// What a parameter holds and which values are valid.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParamKind {
    /// A finite number in `[min, max]`; `step` is the control's granularity; `log` asks for a
    /// log-scale slider.
    Float { min: f64, max: f64, step: f64, log: bool },
    /// A whole number in `[min, max]`.
    Int { min: i64, max: i64 },
    /// On or off (`1`/`0`, `true`/`false`, `on`/`off`, `yes`/`no`).
    Bool,
    /// One of a fixed set of option ids.
    Choice { options: &'static [&'static str] },
    /// A comma-separated list of `min_len..=max_len` numbers, each in `[min, max]`.
    FloatList {
        min: f64,
        max: f64,
        step: f64,
        min_len: usize,
        max_len: usize,
    },
    /// A random seed: a whole number in `0..=u32::MAX` (a control offers a fresh one).
    Seed,
}

/// Where a parameter sits among a view's controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// What the figure shows and how (panel, axis scale, surface): the default group.
    Figure,
    /// The data: data set, sample counts, noise, splits.
    Data,
    /// The network's shape: layers, activation, initialisation, batch norm.
    Network,
    /// The optimizer and its settings, the learning rate and its schedule, the batch size.
    Optimisation,
    /// L2, dropout, early stopping.
    Regularisation,
    /// The search: ranges, trials, rounds, halving.
    Search,
    /// How long and from which seed: epochs, steps, repeats, seed.
    Run,
}

/// When a parameter matters (the page shows it only then; its value is kept either way).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum When {
    /// Always (the default).
    Always,
    /// While the flag `param` is on.
    On {
        /// The flag's name.
        param: &'static str,
    },
    /// While the choice `param` is one of `values`.
    OneOf {
        /// The choice's name.
        param: &'static str,
        /// The option ids for which it matters.
        values: &'static [&'static str],
    },
    /// While the choice `param` is none of `values`.
    NoneOf {
        /// The choice's name.
        param: &'static str,
        /// The option ids for which it does not matter.
        values: &'static [&'static str],
    },
    /// While the number `param` (a float or an int) is below `value`.
    Below {
        /// The number's name.
        param: &'static str,
        /// The bound it stays under.
        value: f64,
    },
    /// While the number `param` (a float or an int) is at least `value`.
    AtLeast {
        /// The number's name.
        param: &'static str,
        /// The bound it reaches.
        value: f64,
    },
    /// While every rule holds.
    All {
        /// The rules.
        rules: &'static [When],
    },
}

/// A rule for [`ParamSpec::when`]: while flag `param` is on.
pub const fn on(param: &'static str) -> When {
    When::On { param }
}

/// A rule for [`ParamSpec::when`]: while choice `param` is one of `values`.
pub const fn one_of(param: &'static str, values: &'static [&'static str]) -> When {
    When::OneOf { param, values }
}

/// A rule for [`ParamSpec::when`]: while choice `param` is none of `values`.
pub const fn none_of(param: &'static str, values: &'static [&'static str]) -> When {
    When::NoneOf { param, values }
}

/// A rule for [`ParamSpec::when`]: while number `param` is below `value` (dropout's settings
/// only while the keep probability is below 1).
pub const fn below(param: &'static str, value: f64) -> When {
    When::Below { param, value }
}

/// A rule for [`ParamSpec::when`]: while number `param` is at least `value` (a layer's settings
/// only while there is a layer).
pub const fn at_least(param: &'static str, value: f64) -> When {
    When::AtLeast { param, value }
}

/// How a number's slider moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slider {
    /// Evenly in the value (the default).
    Linear,
    /// Evenly in log10 of the value: rates, epsilon, counts that span decades (a range that
    /// starts at 0 stops short of it: 0 there is refused with the core's own message).
    Log,
    /// As [`Slider::Log`], with a leftmost notch at 0 for a value that 0 switches off (L2's λ).
    LogZero,
    /// Through the powers of two in the range (batch sizes), with any whole number typed.
    Pow2,
    /// Evenly in `-log10(1 - v)` for values below 1 (β: 0.9, 0.99, 0.999 are equal steps, as
    /// their windows 10, 100, 1,000 days are).
    LogOneMinus,
}

/// One parameter of a view.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParamSpec {
    /// The query key, e.g. `beta`.
    pub name: &'static str,
    /// Kind and valid range.
    #[serde(flatten)]
    pub kind: ParamKind,
    /// The default in its canonical text form (a test checks that every default parses cleanly).
    pub default: &'static str,
    /// Its group among the controls. Default [`Group::Figure`].
    pub group: Group,
    /// When it matters. Default [`When::Always`].
    pub when: When,
    /// One of the view's few main controls, shown beside the figure; the others fold under
    /// their group. Default no.
    pub main: bool,
    /// How its slider moves. Default [`Slider::Linear`] ([`Slider::Log`] for [`log`]).
    pub slider: Slider,
}

const fn spec(name: &'static str, kind: ParamKind, default: &'static str) -> ParamSpec {
    ParamSpec {
        name,
        kind,
        default,
        group: Group::Figure,
        when: When::Always,
        main: false,
        slider: Slider::Linear,
    }
}

/// A number in `[min, max]` on a linear slider with granularity `step`.
pub const fn float(name: &'static str, min: f64, max: f64, step: f64, default: &'static str) -> ParamSpec {
    spec(
        name,
        ParamKind::Float {
            min,
            max,
            step,
            log: false,
        },
        default,
    )
}

/// A positive number in `[min, max]` on a log-scale slider (learning rates, lambda, epsilon).
pub const fn log(name: &'static str, min: f64, max: f64, default: &'static str) -> ParamSpec {
    spec(
        name,
        ParamKind::Float {
            min,
            max,
            step: 0.0,
            log: true,
        },
        default,
    )
    .slider(Slider::Log)
}

/// A whole number in `[min, max]`.
pub const fn int(name: &'static str, min: i64, max: i64, default: &'static str) -> ParamSpec {
    spec(name, ParamKind::Int { min, max }, default)
}

/// On or off.
pub const fn flag(name: &'static str, default: bool) -> ParamSpec {
    spec(name, ParamKind::Bool, if default { "1" } else { "0" })
}

/// One of `options` (for options from a core enum, pass its `IDS`: [`crate::core::named::Named`]).
pub const fn choice(name: &'static str, options: &'static [&'static str], default: &'static str) -> ParamSpec {
    spec(name, ParamKind::Choice { options }, default)
}

/// The random seed, `seed`, in the [`Group::Run`] group.
pub const fn seed(default: &'static str) -> ParamSpec {
    spec("seed", ParamKind::Seed, default).group(Group::Run)
}

/// A comma-separated list of `min_len..=max_len` numbers in `[min, max]`.
pub const fn list(
    name: &'static str,
    (min, max, step): (f64, f64, f64),
    (min_len, max_len): (usize, usize),
    default: &'static str,
) -> ParamSpec {
    spec(
        name,
        ParamKind::FloatList {
            min,
            max,
            step,
            min_len,
            max_len,
        },
        default,
    )
}

impl ParamSpec {
    /// The same parameter in group `group`.
    pub const fn group(mut self, group: Group) -> Self {
        self.group = group;
        self
    }

    /// The same parameter, relevant only while `rule` holds.
    pub const fn when(mut self, rule: When) -> Self {
        self.when = rule;
        self
    }

    /// The same parameter as one of the view's main controls.
    pub const fn main(mut self) -> Self {
        self.main = true;
        self
    }

    /// The same parameter with slider `slider`.
    pub const fn slider(mut self, slider: Slider) -> Self {
        self.slider = slider;
        self
    }
}
