//! A search space (hyperparameters with a range and a scale) and its export as Python code for
//! the tuning engines a learner moves to when one machine is not enough (reference.md, seeds
//! 000/002):
//! - Optuna: `trial.suggest_float(name, low, high, log=True)`, `suggest_int`, `suggest_categorical`;
//! - Ray Tune: `tune.loguniform(low, high)`, `tune.uniform`, `tune.randint` (upper end exclusive),
//!   `tune.choice`;
//! - scikit-learn: `RandomizedSearchCV` with `scipy.stats.loguniform(low, high)`, `uniform(loc,
//!   scale)` (covers `[loc, loc + scale]`), `randint(low, high + 1)` (exclusive), lists;
//! - Keras Tuner: `hp.Float(name, min_value, max_value, sampling="log")`, `hp.Int`, `hp.Choice`.
//!
//! "Log of 1 - x" (beta in [0.9, 0.999]: `beta = 1 - 10^r`, `r ~ U(-3, -1)`) has no direct form in
//! any of them: every export samples `one_minus_<name>` log-uniformly in `[1 - high, 1 - low]` and
//! sets `<name> = 1 - one_minus_<name>`. Keras Tuner's `sampling="reverse_log"` is a different rule,
//! `x = max + min - y` with `y` log-uniform in `[min, max]` (KerasTuner's `Float._prob_to_numerical`):
//! for [0.9, 0.999] it is close to uniform, not "half the draws in [0.99, 0.999]".
use super::math::format::code;
use super::sampling::{AxisConfig, SamplingError, Scale};

/// Most hyperparameters in one space.
pub const MAX_PARAMS: usize = 16;
/// Longest name or option text.
pub const MAX_NAME_LEN: usize = 40;

/// One hyperparameter of a search space.
#[derive(Clone, Debug, PartialEq)]
pub struct HyperParam {
    /// A Python identifier (letters, digits, `_`; not starting with a digit).
    pub name: String,
    /// The scale; for [`Scale::Choice`] the options are in `options`.
    pub scale: Scale,
    /// Lower end (unused for a choice).
    pub low: f64,
    /// Upper end (unused for a choice).
    pub high: f64,
    /// The options of a choice (empty otherwise).
    pub options: Vec<String>,
}

/// A validated search space.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchSpace {
    /// Its hyperparameters, in order.
    pub params: Vec<HyperParam>,
}

fn is_identifier(s: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "trial", "hp", "tune",
    ];
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= MAX_NAME_LEN
        && !KEYWORDS.contains(&s)
}

/// What is wrong with one hyperparameter of a space.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamProblem {
    /// The name is not a Python identifier (or is a keyword, or longer than [`MAX_NAME_LEN`]).
    NotIdentifier,
    /// The name appears earlier in the space.
    Duplicate,
    /// An option is empty or longer than [`MAX_NAME_LEN`] characters.
    OptionLength,
    /// The range does not fit the scale.
    Range(SamplingError),
}

impl std::fmt::Display for ParamProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamProblem::NotIdentifier => write!(f, "a name must be a Python identifier"),
            ParamProblem::Duplicate => write!(f, "each hyperparameter may appear once"),
            ParamProblem::OptionLength => write!(f, "options must be 1 to {MAX_NAME_LEN} characters"),
            ParamProblem::Range(e) => write!(f, "{e}"),
        }
    }
}

/// Why a search space was refused: the space as a whole, or which hyperparameter and what.
#[derive(Clone, Debug, PartialEq)]
pub enum SpaceError {
    /// More than [`MAX_PARAMS`] hyperparameters (the count given).
    TooMany(usize),
    /// Hyperparameter `index` (in the order given), named `name`, is wrong.
    Param {
        /// Its position in the list given.
        index: usize,
        /// Its name.
        name: String,
        /// What is wrong.
        problem: ParamProblem,
    },
}

impl std::fmt::Display for SpaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpaceError::TooMany(_) => write!(f, "at most {MAX_PARAMS} hyperparameters"),
            SpaceError::Param { name, problem, .. } => write!(f, "{name}: {problem}"),
        }
    }
}

impl std::error::Error for SpaceError {}

impl SearchSpace {
    /// Checks every hyperparameter (name, options, range against scale); the error names it.
    pub fn validate(params: Vec<HyperParam>) -> Result<SearchSpace, SpaceError> {
        if params.len() > MAX_PARAMS {
            return Err(SpaceError::TooMany(params.len()));
        }
        for (index, p) in params.iter().enumerate() {
            let refuse = |problem| SpaceError::Param {
                index,
                name: p.name.clone(),
                problem,
            };
            if !is_identifier(&p.name) {
                return Err(refuse(ParamProblem::NotIdentifier));
            }
            if params[..index].iter().any(|q| q.name == p.name) {
                return Err(refuse(ParamProblem::Duplicate));
            }
            if p.options
                .iter()
                .any(|o| o.is_empty() || o.chars().count() > MAX_NAME_LEN)
            {
                return Err(refuse(ParamProblem::OptionLength));
            }
            p.axis().map_err(|e| refuse(ParamProblem::Range(e)))?;
        }
        Ok(SearchSpace { params })
    }
}

impl HyperParam {
    /// The range as a sampling axis (a choice samples an option index).
    pub fn axis(&self) -> Result<super::sampling::Axis, SamplingError> {
        let scale = match self.scale {
            Scale::Choice { .. } => Scale::Choice {
                count: self.options.len(),
            },
            s => s,
        };
        AxisConfig {
            scale,
            low: self.low,
            high: self.high,
        }
        .validate()
    }
}

/// A Python float literal: the shortest decimal of the value rounded to 12 significant digits
/// ([`code`]: `1 - 0.999` is written `0.001`, not `0.0010000000000000009`), with `.0` on whole
/// values so that Python reads a float (`1.0`).
fn num(x: f64) -> String {
    let text = code(x);
    if text.contains(['.', 'e', '(']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// A Python integer literal.
fn int(x: f64) -> String {
    format!("{}", x as i64)
}

/// A Python string literal with `"`, `\` and control characters escaped.
fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn py_list(options: &[String]) -> String {
    format!("[{}]", options.iter().map(|o| py_str(o)).collect::<Vec<_>>().join(", "))
}

const ONE_MINUS: &str = "# 1 - x on a log scale: sample one_minus_{n} log-uniformly, then {n} = 1 - one_minus_{n}";

fn one_minus_note(name: &str) -> String {
    ONE_MINUS.replace("{n}", name)
}

impl SearchSpace {
    /// Optuna: an `objective(trial)` that draws every hyperparameter, run for `trials` trials.
    pub fn optuna(&self, trials: usize) -> String {
        let mut out = String::from("import optuna\n\n\ndef objective(trial):\n");
        for p in &self.params {
            let (n, lo, hi) = (&p.name, p.low, p.high);
            let line = match p.scale {
                Scale::Linear => format!("    {n} = trial.suggest_float(\"{n}\", {}, {})\n", num(lo), num(hi)),
                Scale::Log => format!("    {n} = trial.suggest_float(\"{n}\", {}, {}, log=True)\n", num(lo), num(hi)),
                Scale::LogOneMinus => format!(
                    "    {}\n    one_minus_{n} = trial.suggest_float(\"one_minus_{n}\", {}, {}, log=True)\n    {n} = 1.0 - one_minus_{n}\n",
                    one_minus_note(n),
                    num(1.0 - hi),
                    num(1.0 - lo)
                ),
                Scale::Integer => format!("    {n} = trial.suggest_int(\"{n}\", {}, {})\n", int(lo), int(hi)),
                Scale::Choice { .. } => format!("    {n} = trial.suggest_categorical(\"{n}\", {})\n", py_list(&p.options)),
            };
            out.push_str(&line);
        }
        let names: Vec<String> = self.params.iter().map(|p| format!("{0}={0}", p.name)).collect();
        out.push_str(&format!(
            "    # train with these values and return the dev error (define train_and_evaluate yourself)\n    return train_and_evaluate({})\n\n\nstudy = optuna.create_study(direction=\"minimize\")\n# study.optimize(objective, n_trials={trials})\n",
            names.join(", ")
        ));
        out
    }

    /// Ray Tune: a `search_space` dict for `tune.Tuner(..., param_space=search_space)`, sampled
    /// `trials` times.
    pub fn ray_tune(&self, trials: usize) -> String {
        let mut out = String::from("from ray import tune\n\nsearch_space = {\n");
        for p in &self.params {
            let (n, lo, hi) = (&p.name, p.low, p.high);
            let line = match p.scale {
                Scale::Linear => format!("    \"{n}\": tune.uniform({}, {}),\n", num(lo), num(hi)),
                Scale::Log => format!("    \"{n}\": tune.loguniform({}, {}),\n", num(lo), num(hi)),
                Scale::LogOneMinus => format!(
                    "    {}\n    # (in your trainable: {n} = 1.0 - config[\"one_minus_{n}\"])\n    \"one_minus_{n}\": tune.loguniform({}, {}),\n",
                    one_minus_note(n),
                    num(1.0 - hi),
                    num(1.0 - lo)
                ),
                Scale::Integer => format!(
                    "    \"{n}\": tune.randint({}, {}),  # upper end exclusive: {} to {}\n",
                    int(lo),
                    int(hi + 1.0),
                    int(lo),
                    int(hi)
                ),
                Scale::Choice { .. } => format!("    \"{n}\": tune.choice({}),\n", py_list(&p.options)),
            };
            out.push_str(&line);
        }
        out.push_str(&format!(
            "}}\n# tuner = tune.Tuner(trainable, param_space=search_space, tune_config=tune.TuneConfig(num_samples={trials}))\n"
        ));
        out
    }

    /// scikit-learn: `param_distributions` for `RandomizedSearchCV` with scipy.stats distributions
    /// and `n_iter=trials`.
    pub fn sklearn(&self, trials: usize) -> String {
        let mut out = String::from(
            "from scipy.stats import loguniform, randint, uniform\nfrom sklearn.model_selection import RandomizedSearchCV\n\nparam_distributions = {\n",
        );
        for p in &self.params {
            let (n, lo, hi) = (&p.name, p.low, p.high);
            let line = match p.scale {
                Scale::Linear => format!(
                    "    \"{n}\": uniform({}, {}),  # uniform(loc, scale) covers [loc, loc + scale]\n",
                    num(lo),
                    num(hi - lo)
                ),
                Scale::Log => format!("    \"{n}\": loguniform({}, {}),\n", num(lo), num(hi)),
                Scale::LogOneMinus => format!(
                    "    {}\n    # (your estimator sets {n} = 1 - one_minus_{n}, e.g. in a small wrapper)\n    \"one_minus_{n}\": loguniform({}, {}),\n",
                    one_minus_note(n),
                    num(1.0 - hi),
                    num(1.0 - lo)
                ),
                Scale::Integer => format!(
                    "    \"{n}\": randint({}, {}),  # upper end exclusive: {} to {}\n",
                    int(lo),
                    int(hi + 1.0),
                    int(lo),
                    int(hi)
                ),
                Scale::Choice { .. } => format!("    \"{n}\": {},\n", py_list(&p.options)),
            };
            out.push_str(&line);
        }
        out.push_str(&format!(
            "}}\n\n\ndef make_search(estimator):\n    return RandomizedSearchCV(estimator, param_distributions, n_iter={trials}, random_state=1)\n",
        ));
        out
    }

    /// Keras Tuner: a `build_model(hp)` that draws every hyperparameter, with `max_trials=trials`.
    pub fn keras_tuner(&self, trials: usize) -> String {
        let mut out = String::from("import keras_tuner as kt\n\n\ndef build_model(hp):\n");
        for p in &self.params {
            let (n, lo, hi) = (&p.name, p.low, p.high);
            let line = match p.scale {
                Scale::Linear => format!(
                    "    {n} = hp.Float(\"{n}\", min_value={}, max_value={})\n",
                    num(lo),
                    num(hi)
                ),
                Scale::Log => format!(
                    "    {n} = hp.Float(\"{n}\", min_value={}, max_value={}, sampling=\"log\")\n",
                    num(lo),
                    num(hi)
                ),
                Scale::LogOneMinus => format!(
                    "    {}\n    # Not sampling=\"reverse_log\": that is x = max + min - y with y log-uniform in [min, max],\n    # a different rule (nearly uniform on {}..{}), not 1 - x on a log scale.\n    one_minus_{n} = hp.Float(\"one_minus_{n}\", min_value={}, max_value={}, sampling=\"log\")\n    {n} = 1.0 - one_minus_{n}\n",
                    one_minus_note(n),
                    num(lo),
                    num(hi),
                    num(1.0 - hi),
                    num(1.0 - lo)
                ),
                Scale::Integer => format!(
                    "    {n} = hp.Int(\"{n}\", min_value={}, max_value={})\n",
                    int(lo),
                    int(hi)
                ),
                Scale::Choice { .. } => format!("    {n} = hp.Choice(\"{n}\", {})\n", py_list(&p.options)),
            };
            out.push_str(&line);
        }
        let names: Vec<String> = self.params.iter().map(|p| format!("{0}={0}", p.name)).collect();
        out.push_str(&format!(
            "    # build and compile your model with these values (define make_model yourself)\n    return make_model({})\n\n\n# tuner = kt.RandomSearch(build_model, objective=\"val_loss\", max_trials={trials})\n",
            names.join(", ")
        ));
        out
    }

    /// Every export for a search of `trials` trials: `(engine id, code)` for `optuna`,
    /// `ray_tune`, `sklearn`, `keras_tuner`.
    pub fn exports(&self, trials: usize) -> Vec<(&'static str, String)> {
        vec![
            ("optuna", self.optuna(trials)),
            ("ray_tune", self.ray_tune(trials)),
            ("sklearn", self.sklearn(trials)),
            ("keras_tuner", self.keras_tuner(trials)),
        ]
    }
}
