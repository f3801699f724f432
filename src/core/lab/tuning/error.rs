//! Why a caviar search refused a setting or an input. Typed, not text: an error a setting causes
//! names its config [`Field`] and which end of it ([`TuningError::setting`]), so the app names
//! its own parameter; [`TuningError::explain`] is the one English wording of each rule, with the
//! names the caller gives (the config's own in [`std::fmt::Display`]).
use crate::core::data::split::SplitError;
use crate::core::nn::{NetworkError, TrainError};

/// A setting of [`super::TuningConfig`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `samples`: digits used in all.
    Samples,
    /// `val_fraction`: the share held out.
    ValFraction,
    /// `trials` per round.
    Trials,
    /// `epochs` of a full trial.
    Epochs,
    /// `batch`: mini-batch rows.
    Batch,
    /// The number of hidden layers (`hidden.len()`).
    Layers,
    /// The width of a hidden layer (an item of `hidden`).
    Units,
    /// `lr`: the log10 range of the learning rate.
    Lr,
    /// `weight_decay`: its log10 range.
    WeightDecay,
    /// `eta`: successive halving's reduction factor.
    Eta,
    /// `min_epochs`: successive halving's first rung.
    MinEpochs,
}

impl Field {
    /// The config's names of the setting's two ends, low then high: `lr[0]` and `lr[1]` for a
    /// log10 range, `min_epochs` and `epochs` for halving's rungs (the first may not exceed the
    /// last), the name twice for a single number. The app passes its own parameter names to
    /// [`TuningError::explain`] in the same shape.
    pub fn ends(self) -> [&'static str; 2] {
        let one = |name| [name, name];
        match self {
            Field::Samples => one("samples"),
            Field::ValFraction => one("val_fraction"),
            Field::Trials => one("trials"),
            Field::Epochs => one("epochs"),
            Field::Batch => one("batch"),
            Field::Layers => one("hidden layers"),
            Field::Units => one("hidden units"),
            Field::Lr => ["lr[0]", "lr[1]"],
            Field::WeightDecay => ["weight_decay[0]", "weight_decay[1]"],
            Field::Eta => one("eta"),
            Field::MinEpochs => ["min_epochs", "epochs"],
        }
    }
}

/// Why a worker's result (or its partial curves) does not fit the job it answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultError {
    /// A divergence outside epochs `1..=epochs`.
    DivergedEpoch {
        /// The epoch given.
        epoch: usize,
        /// The epochs asked for.
        epochs: usize,
    },
    /// Curves of another length than the epochs trained.
    Length {
        /// The epochs every curve should have.
        want: usize,
    },
    /// An accuracy outside `[0, 1]` or a loss that is negative or not finite.
    Values,
    /// The result's trial or epochs are not the job's.
    Mismatch,
    /// Partial curves that do not fit the job.
    Partial,
}

impl std::fmt::Display for ResultError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResultError::DivergedEpoch { epoch, epochs } => write!(f, "diverged at epoch {epoch} of {epochs}"),
            ResultError::Length { want } => write!(f, "expected {want} epochs in every curve"),
            ResultError::Values => f.write_str("accuracies must be in [0, 1] and losses finite"),
            ResultError::Mismatch => f.write_str("the result's trial or epochs differ from the job"),
            ResultError::Partial => f.write_str("the partial curves do not fit the job"),
        }
    }
}

/// Why a search refused a setting, an input or a step.
#[derive(Clone, Debug, PartialEq)]
pub enum TuningError {
    /// A setting outside `[min, max]`.
    OutOfRange {
        /// The setting.
        field: Field,
        /// Which of its [`Field::ends`]: 0 (a single number, or a range's low end) or 1.
        end: usize,
        /// Its value.
        value: f64,
        /// The smallest valid value.
        min: f64,
        /// The largest valid value.
        max: f64,
    },
    /// A range whose low end is above its high end (`lr`, `weight_decay`, or halving's first
    /// rung `min_epochs` above `epochs`); `field` is the setting that starts it.
    Range {
        /// The setting.
        field: Field,
        /// The low end given.
        low: f64,
        /// The high end given.
        high: f64,
    },
    /// The search would plan more multiply-adds than the cap (`MAX_WORK`: a matter of `trials`,
    /// and of everything else that makes a trial longer).
    TooMuchWork {
        /// The multiply-adds it would plan.
        work: f64,
        /// The cap.
        cap: f64,
    },
    /// The split left no validation row.
    NoValidation,
    /// The data split was refused.
    Split(SplitError),
    /// A trial's network could not be built.
    Network(NetworkError),
    /// A trial's training could not start.
    Train(TrainError),
    /// A worker's result that does not fit its job.
    Result(ResultError),
    /// A new round asked for before the current one is finished.
    RoundRunning,
    /// A new round asked for after the last one there may be (`MAX_ROUNDS`).
    TooManyRounds {
        /// The most rounds.
        max: usize,
    },
    /// A new round asked for when no trial finished without diverging.
    AllDiverged,
}

impl TuningError {
    /// The setting that caused it and which of its [`Field::ends`] (a range's low end for a
    /// reversed range); `None`: an input or a step, not a setting.
    pub fn setting(&self) -> Option<(Field, usize)> {
        match self {
            TuningError::OutOfRange { field, end, .. } => Some((*field, (*end).min(1))),
            TuningError::Range { field, .. } => Some((*field, 0)),
            TuningError::TooMuchWork { .. } => Some((Field::Trials, 0)),
            TuningError::NoValidation | TuningError::Split(_) => Some((Field::Samples, 0)),
            _ => None,
        }
    }
}

impl TuningError {
    /// The one wording of each rule, in English, with the settings named by `names` (the two
    /// ends of a field, as [`Field::ends`] gives the config's own names).
    pub fn explain(&self, names: fn(Field) -> [&'static str; 2]) -> String {
        match self {
            TuningError::OutOfRange {
                field,
                end,
                value,
                min,
                max,
            } => format!(
                "{} must be in [{min}, {max}], got {value}",
                names(*field)[(*end).min(1)]
            ),
            TuningError::Range { field, low, high } => {
                let [lo, hi] = names(*field);
                format!("{lo} ({low}) must not exceed {hi} ({high})")
            }
            TuningError::TooMuchWork { work, cap } => format!(
                "this search would take about {work:.1e} multiply-adds, more than the cap {cap:.0e} (hours in a \
                 browser): fewer trials, epochs, samples or a smaller network"
            ),
            TuningError::NoValidation => "no validation rows: raise samples or val_fraction".into(),
            TuningError::Split(e) => e.to_string(),
            TuningError::Network(e) => e.to_string(),
            TuningError::Train(e) => e.to_string(),
            TuningError::Result(e) => e.to_string(),
            TuningError::RoundRunning => "the current round is not finished yet".into(),
            TuningError::TooManyRounds { max } => format!("at most {max} rounds"),
            TuningError::AllDiverged => "no trial finished without diverging".into(),
        }
    }
}

/// [`TuningError::explain`] with the config's names.
impl std::fmt::Display for TuningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.explain(Field::ends))
    }
}

impl std::error::Error for TuningError {}

impl From<ResultError> for TuningError {
    fn from(e: ResultError) -> Self {
        TuningError::Result(e)
    }
}
