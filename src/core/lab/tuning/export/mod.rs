//! A complete study for the tuning engines a learner moves to when one browser is not enough:
//! one self-contained Python file per engine ([`StudyExport::optuna`], [`StudyExport::ray_tune`])
//! that trains the lab's network on the same digits with the same split rule, draws the searched
//! hyperparameters on the same ranges and scales, stops trials early by successive halving where
//! the lab does (Optuna's `SuccessiveHalvingPruner`, Ray Tune's `ASHAScheduler`, with the lab's
//! `eta` and first-rung epochs), and writes its trials as a CSV the lab reads back
//! ([`super::results`]). The network is small numpy code written for the file, in the style of
//! DLFS (forward, backward, the optimizers, L2): [`python`].
//!
//! A study is the fixed settings of every trial ([`Fixed`]), the searched hyperparameters (a
//! [`SearchSpace`] whose names the network knows: [`Knob`]) and the engine's budget. From
//! `view=tuning` the search space is the round's lr x weight decay ([`StudyExport::of_tuning`]);
//! from `view=space` it is the designed space over the tuning view's default network, when every
//! hyperparameter of it is one the network has, within the lab's caps ([`StudyExport::of_space`]).
//! Numbers in the code go through [`crate::core::math::format::code`] (no float noise).
use super::config::{TuningConfig, MAX_BATCH, MAX_EPOCHS, MAX_LAYERS, MAX_UNITS};
use crate::core::math::format::code;
use crate::core::named::named;
use crate::core::sampling::Scale;
use crate::core::search_space::{HyperParam, SearchSpace};

mod engines;
pub mod python;

/// A hyperparameter of a trial the exported network knows, by its key in the file's `hp` dict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Knob {
    /// Learning rate (`lr`, `learning_rate`).
    Lr,
    /// L2 weight decay λ (`weight_decay`).
    WeightDecay,
    /// Hidden layers (`layers`).
    Layers,
    /// Units per hidden layer (`units`, `hidden_units`).
    Units,
    /// Mini-batch rows (`batch`, `batch_size`).
    Batch,
    /// Share of hidden units dropped while training (`dropout`).
    Dropout,
    /// `sgd`, `adam` or `rmsprop` (`optimizer`).
    Optimizer,
    /// `relu`, `tanh` or `sigmoid` (`activation`).
    Activation,
    /// SGD's momentum, RMSprop's decay (`beta`).
    Beta,
    /// Adam's first-moment decay (`beta1`).
    Beta1,
    /// Adam's second-moment decay (`beta2`).
    Beta2,
    /// Adam's and RMSprop's epsilon (`epsilon`).
    Epsilon,
}

named!(Knob {
    Lr => "lr",
    WeightDecay => "weight_decay",
    Layers => "layers",
    Units => "units",
    Batch => "batch",
    Dropout => "dropout",
    Optimizer => "optimizer",
    Activation => "activation",
    Beta => "beta",
    Beta1 => "beta1",
    Beta2 => "beta2",
    Epsilon => "epsilon",
});

/// The optimizers of the exported network.
pub const OPTIMIZERS: [&str; 3] = ["sgd", "adam", "rmsprop"];
/// Its activations (He init for ReLU, Xavier for the others).
pub const ACTIVATIONS: [&str; 3] = ["relu", "tanh", "sigmoid"];
/// The largest dropout share.
pub const MAX_DROPOUT: f64 = 0.9;
/// The largest learning rate.
pub const MAX_LR: f64 = 10.0;

impl Knob {
    /// The knob a search-space name stands for (its own key, or the space designer's longer name).
    pub fn of_name(name: &str) -> Option<Knob> {
        match name {
            "learning_rate" => Some(Knob::Lr),
            "hidden_units" => Some(Knob::Units),
            "batch_size" => Some(Knob::Batch),
            _ => Knob::from_id(name),
        }
    }

    /// Whether `p` draws values the network takes: a whole number within the lab's caps for the
    /// sizes, one of the network's options for a choice, a share in `[0, 1)` for the decays.
    pub fn fits(self, p: &HyperParam) -> bool {
        let (lo, hi) = (p.low, p.high);
        let numeric = !matches!(p.scale, Scale::Choice { .. });
        let within = |min: f64, max: f64| numeric && lo >= min && hi <= max;
        let options = |known: &[&str]| {
            matches!(p.scale, Scale::Choice { .. })
                && !p.options.is_empty()
                && p.options.iter().all(|o| known.contains(&o.as_str()))
        };
        let whole = |max: usize| p.scale == Scale::Integer && within(1.0, max as f64);
        match self {
            Knob::Lr => within(f64::MIN_POSITIVE, MAX_LR),
            Knob::WeightDecay => within(0.0, 1.0),
            Knob::Layers => whole(MAX_LAYERS),
            Knob::Units => whole(MAX_UNITS),
            Knob::Batch => whole(MAX_BATCH),
            Knob::Dropout => within(0.0, MAX_DROPOUT),
            Knob::Optimizer => options(&OPTIMIZERS),
            Knob::Activation => options(&ACTIVATIONS),
            Knob::Beta | Knob::Beta1 | Knob::Beta2 => within(0.0, 1.0) && hi < 1.0,
            Knob::Epsilon => within(f64::MIN_POSITIVE, 1.0),
        }
    }
}

/// The settings every trial shares (the searched ones are drawn over them).
#[derive(Clone, Debug, PartialEq)]
pub struct Fixed {
    /// Learning rate. Default 0.01.
    pub lr: f64,
    /// Weight decay λ. Default 0.
    pub weight_decay: f64,
    /// Hidden layers. Default 6.
    pub layers: usize,
    /// Units per hidden layer. Default 100.
    pub units: usize,
    /// Mini-batch rows. Default 100.
    pub batch: usize,
    /// Dropout share. Default 0.
    pub dropout: f64,
    /// One of [`OPTIMIZERS`]. Default `sgd` (the tuning view's).
    pub optimizer: &'static str,
    /// One of [`ACTIVATIONS`]. Default `relu`.
    pub activation: &'static str,
    /// SGD's momentum or RMSprop's decay; `None`: the optimizer's own (0 for SGD, 0.99 for
    /// RMSprop). Default `None`.
    pub beta: Option<f64>,
    /// Adam's beta1. Default 0.9.
    pub beta1: f64,
    /// Adam's beta2. Default 0.999.
    pub beta2: f64,
    /// Adam's and RMSprop's epsilon. Default 1e-8.
    pub epsilon: f64,
}

impl Default for Fixed {
    fn default() -> Self {
        Fixed {
            lr: 0.01,
            weight_decay: 0.0,
            layers: 6,
            units: 100,
            batch: 100,
            dropout: 0.0,
            optimizer: "sgd",
            activation: "relu",
            beta: None,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
        }
    }
}

/// Successive halving's settings in a study.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Halving {
    /// Reduction factor.
    pub eta: usize,
    /// Epochs of the first rung.
    pub min_epochs: usize,
}

/// Where a study comes from (its file names and the words of its header).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `view=tuning`'s caviar search.
    Tuning,
    /// `view=space`'s designed space.
    Space,
}

named!(Origin {
    Tuning => "tuning",
    Space => "space",
});

/// Why a search space has no complete study: its hyperparameter `name` is not one the network
/// has, or its range is outside what the network takes ([`Knob::fits`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoModel {
    /// The hyperparameter's name.
    pub name: String,
}

/// A complete study, ready to be written for an engine.
#[derive(Clone, Debug, PartialEq)]
pub struct StudyExport {
    /// Where it comes from.
    pub origin: Origin,
    /// Digits used.
    pub samples: usize,
    /// Share held out for validation.
    pub val_fraction: f64,
    /// Seed of the data draw (and, with the trial number, of each trial).
    pub seed: u64,
    /// Epochs of a full trial.
    pub epochs: usize,
    /// The settings every trial shares.
    pub fixed: Fixed,
    /// The searched hyperparameters (every name a [`Knob`]).
    pub space: SearchSpace,
    /// Trials (Optuna's `n_trials`, Ray Tune's `num_samples`).
    pub trials: usize,
    /// Successive halving, if on.
    pub halving: Option<Halving>,
}

impl StudyExport {
    /// The study of a caviar search with `config`, searching `space` (the round's lr x weight
    /// decay, [`super::Round::space`]).
    pub fn of_tuning(config: &TuningConfig, space: SearchSpace) -> StudyExport {
        let units = config.hidden.first().copied().unwrap_or(1);
        StudyExport {
            origin: Origin::Tuning,
            samples: config.samples,
            val_fraction: config.val_fraction,
            seed: config.seed,
            epochs: config.epochs,
            fixed: Fixed {
                layers: config.hidden.len(),
                units,
                batch: config.batch,
                ..Fixed::default()
            },
            space,
            trials: config.trials,
            halving: config.halving.then_some(Halving {
                eta: config.eta,
                min_epochs: config.min_epochs,
            }),
        }
    }

    /// The study of a designed `space` over the tuning view's default search (500 digits, 20%
    /// held out, 6 x 100 ReLU, SGD, 50 epochs of batches of 100, lr 0.01), run for `trials`
    /// trials; `Err` names the first hyperparameter the network does not have.
    pub fn of_space(space: &SearchSpace, trials: usize) -> Result<StudyExport, NoModel> {
        for p in &space.params {
            if !Knob::of_name(&p.name).is_some_and(|k| k.fits(p)) {
                return Err(NoModel { name: p.name.clone() });
            }
        }
        let base = TuningConfig::default();
        let mut fixed = Fixed::default();
        let searched = |k: Knob| space.params.iter().any(|p| Knob::of_name(&p.name) == Some(k));
        // Adam's settings without a choice of optimizer: the study is Adam's
        if !searched(Knob::Optimizer) && (searched(Knob::Beta1) || searched(Knob::Beta2)) {
            fixed.optimizer = "adam";
            fixed.lr = 0.001;
        }
        Ok(StudyExport {
            origin: Origin::Space,
            samples: base.samples,
            val_fraction: base.val_fraction,
            seed: base.seed,
            epochs: base.epochs.min(MAX_EPOCHS),
            fixed,
            space: space.clone(),
            trials,
            halving: None,
        })
    }

    /// The searched knobs with their hyperparameters, in the space's order.
    fn searched(&self) -> Vec<(Knob, &HyperParam)> {
        self.space
            .params
            .iter()
            .filter_map(|p| Knob::of_name(&p.name).map(|k| (k, p)))
            .collect()
    }

    /// The file name of the study for `engine` (`optuna` or `ray`): `trainlab_tuning_optuna.py`.
    pub fn file_name(&self, engine: &str) -> String {
        format!("trainlab_{}_{engine}.py", self.origin.id())
    }

    /// The study as one Optuna file.
    pub fn optuna(&self) -> String {
        engines::optuna(self)
    }

    /// The study as one Ray Tune file.
    pub fn ray_tune(&self) -> String {
        engines::ray_tune(self)
    }
}

/// A Python float literal through [`code`]: `0.01`, `1e-8`, and `1.0` for a whole number.
pub fn py_float(v: f64) -> String {
    let s = code(v);
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

#[cfg(test)]
mod first_epoch;
#[cfg(test)]
mod tests;
