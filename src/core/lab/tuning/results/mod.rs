//! A results CSV read back into the lab ([`Results::parse`]): the trials of an Optuna study
//! (`study.trials_dataframe()`: `number`, `value`, `state`, `params_*`, `user_attrs_*`), of a Ray
//! Tune run (its result columns: `trial_id`, `training_iteration`, the metrics, `config/*`; one
//! row per trial or one per reported epoch), or of the lab's own search (`view=tuning`'s CSV).
//! Each becomes a list of [`ImportedTrial`]s: lr and weight decay, the final validation accuracy,
//! the epochs trained, the per-epoch curves where the file has them, and whether the engine
//! pruned the trial. [`Results::ranking`] orders them as the engine itself picks its best:
//! Optuna's `best_trial` (complete trials only), Ray Tune's `get_best_result(scope="last")`
//! (every trial's last result), the lab's own ranking (trained furthest first).
//!
//! Input like any other: the caps ([`MAX_BYTES`], [`MAX_ROWS`], [`MAX_COLUMNS`], [`MAX_FIELD`],
//! [`MAX_CURVE`]) are checked before allocating, and a malformed file is refused with the line
//! that is wrong ([`ResultsError`]).
use crate::core::named::named;

pub mod csv;
mod formats;

/// The largest file read: 16 MiB.
pub const MAX_BYTES: usize = 16 << 20;
/// The most lines read (a Ray Tune file has a row per trial and epoch).
pub const MAX_ROWS: usize = 200_000;
/// The most fields in a record.
pub const MAX_COLUMNS: usize = 512;
/// The longest field (a curve of [`MAX_CURVE`] numbers fits).
pub const MAX_FIELD: usize = 64 << 10;
/// The most epochs of one trial's curve.
pub const MAX_CURVE: usize = 2_000;
/// The most trials kept.
pub const MAX_IMPORTED: usize = 10_000;

/// Which engine wrote the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The lab's own CSV (`view=tuning`).
    Lab,
    /// Optuna's `trials_dataframe()`.
    Optuna,
    /// Ray Tune's result columns.
    RayTune,
}

named!(Source {
    Lab => "lab",
    Optuna => "optuna",
    RayTune => "ray_tune",
});

/// How a trial ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Trained every epoch.
    Complete,
    /// Stopped early by successive halving (Optuna's pruner, Ray's scheduler, the lab's rungs).
    Pruned,
    /// Its cost became NaN or infinite (accuracy 0, as the lab counts it).
    Diverged,
    /// The engine says it failed (Optuna's `FAIL`).
    Failed,
}

named!(State {
    Complete => "complete",
    Pruned => "pruned",
    Diverged => "diverged",
    Failed => "failed",
});

/// One trial read from a results file.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedTrial {
    /// Optuna's trial number, Ray's trials in the order they appear, the lab's trial index.
    pub number: usize,
    /// The engine's name of the trial (`12`, `a1b2c_00003`).
    pub label: String,
    /// The lab's round (0 for the engines).
    pub round: usize,
    /// Learning rate.
    pub lr: f64,
    /// Weight decay λ.
    pub weight_decay: f64,
    /// The final validation accuracy (0 for a diverged or failed trial).
    pub val: f64,
    /// The last training accuracy, if the file has it.
    pub train: Option<f64>,
    /// Epochs trained.
    pub epochs: usize,
    /// Validation accuracy per epoch (empty where the file has no curves).
    pub val_acc: Vec<f64>,
    /// Training accuracy per epoch (empty where the file has none).
    pub train_acc: Vec<f64>,
    /// How it ended.
    pub state: State,
}

/// Why a line of a results file was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The file is larger than the cap (bytes).
    TooLarge {
        /// [`MAX_BYTES`].
        cap: usize,
    },
    /// More lines than the cap.
    TooManyRows {
        /// [`MAX_ROWS`].
        cap: usize,
    },
    /// More fields in a record than the cap.
    TooManyColumns {
        /// [`MAX_COLUMNS`].
        cap: usize,
    },
    /// A field longer than the cap.
    LongField {
        /// [`MAX_FIELD`].
        cap: usize,
    },
    /// A quoted field that never closes.
    OpenQuote,
    /// No header, or a header of no known engine.
    UnknownColumns,
    /// A column the format needs is missing.
    MissingColumn(&'static str),
    /// A record with another number of fields than the header.
    Ragged {
        /// The header's fields.
        want: usize,
        /// This record's.
        got: usize,
    },
    /// A field that should be a number in a range is not.
    BadValue {
        /// The column.
        column: String,
        /// The text found.
        text: String,
    },
    /// A curve longer than [`MAX_CURVE`] epochs.
    LongCurve,
    /// More trials than [`MAX_IMPORTED`].
    TooManyTrials,
    /// No finished trial in the file.
    NoTrials,
}

/// A results file refused: the line (from 1; 0 for the file as a whole) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultsError {
    /// The line, from 1 (0: the whole file).
    pub line: usize,
    /// What is wrong.
    pub problem: Problem,
}

impl std::fmt::Display for ResultsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "line {}: ", self.line)?;
        }
        match &self.problem {
            Problem::TooLarge { cap } => write!(f, "the file is larger than {} MiB", cap >> 20),
            Problem::TooManyRows { cap } => write!(f, "more than {cap} rows"),
            Problem::TooManyColumns { cap } => write!(f, "more than {cap} columns"),
            Problem::LongField { cap } => write!(f, "a field longer than {cap} characters"),
            Problem::OpenQuote => f.write_str("a quoted field is never closed"),
            Problem::UnknownColumns => f.write_str(
                "not a results file: expected Optuna's trials_dataframe() columns (number, state, params_lr, \
                 params_weight_decay), Ray Tune's (trial_id, config/lr, config/weight_decay, val_acc) or the lab's \
                 (round, trial, lr, weight_decay, epochs, val_acc)",
            ),
            Problem::MissingColumn(c) => write!(f, "no {c} column"),
            Problem::Ragged { want, got } => write!(f, "{got} fields where the header has {want}"),
            Problem::BadValue { column, text } => write!(f, "{column} is {text:?}, not a valid value"),
            Problem::LongCurve => write!(f, "a curve of more than {MAX_CURVE} epochs"),
            Problem::TooManyTrials => write!(f, "more than {MAX_IMPORTED} trials"),
            Problem::NoTrials => f.write_str("no finished trial"),
        }
    }
}

impl std::error::Error for ResultsError {}

/// The trials of a results file.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    /// The engine that wrote it.
    pub source: Source,
    /// Its finished trials, in the file's order.
    pub trials: Vec<ImportedTrial>,
}

impl Results {
    /// Reads a results CSV of any of the three [`Source`]s; `Err` names the line.
    pub fn parse(text: &str) -> Result<Results, ResultsError> {
        let records = csv::records(text)?;
        let results = formats::read(&records)?;
        if results.trials.is_empty() {
            return Err(ResultsError {
                line: 0,
                problem: Problem::NoTrials,
            });
        }
        Ok(results)
    }

    /// The last round (the engines have one).
    pub fn last_round(&self) -> usize {
        self.trials.iter().map(|t| t.round).max().unwrap_or(0)
    }

    /// The most epochs any trial trained.
    pub fn epochs(&self) -> usize {
        self.trials.iter().map(|t| t.epochs).max().unwrap_or(0)
    }

    /// Trials the engine pruned.
    pub fn pruned(&self) -> usize {
        self.trials.iter().filter(|t| t.state == State::Pruned).count()
    }

    /// Indices of the trials of the last round, best first, by the engine's own rule: Optuna's
    /// complete trials first, then by value (ties: the lower number, as `best_trial`); Ray Tune's
    /// by last value (ties: the earlier trial, as `get_best_result`); the lab's trained furthest
    /// first, then by value, then by index.
    pub fn ranking(&self) -> Vec<usize> {
        let last = self.last_round();
        let mut v: Vec<usize> = (0..self.trials.len())
            .filter(|&i| self.trials[i].round == last)
            .collect();
        let t = &self.trials;
        v.sort_by(|&a, &b| {
            let (x, y) = (&t[a], &t[b]);
            let first = match self.source {
                Source::Optuna => (y.state == State::Complete).cmp(&(x.state == State::Complete)),
                Source::RayTune => std::cmp::Ordering::Equal,
                Source::Lab => y.epochs.cmp(&x.epochs),
            };
            first
                .then(y.val.total_cmp(&x.val))
                .then(x.number.cmp(&y.number))
                .then(a.cmp(&b))
        });
        v
    }

    /// The best trial as the engine reports it (`None`: an Optuna study with no complete trial).
    pub fn best(&self) -> Option<&ImportedTrial> {
        let best = &self.trials[*self.ranking().first()?];
        (self.source != Source::Optuna || best.state == State::Complete).then_some(best)
    }
}

#[cfg(test)]
mod tests;
