//! The named settings of the activation study that a view offers as choices: the activations it
//! compares, DLFS's named weight initialisations, and which signal the histograms show.
use crate::core::named::named;
use crate::core::nn::activation::Activation;
use crate::core::nn::init::Init;
use serde::{Deserialize, Serialize};

/// The activations the study compares, in display order: the two that saturate (sigmoid, tanh)
/// and the one that dies (ReLU).
pub const STUDIED: [Activation; 3] = [Activation::Sigmoid, Activation::Tanh, Activation::Relu];

/// The ids of [`STUDIED`], for a choice of activation.
pub const STUDIED_IDS: [&str; STUDIED.len()] = {
    let mut ids = [""; STUDIED.len()];
    let mut i = 0;
    while i < ids.len() {
        ids[i] = STUDIED[i].id();
        i += 1;
    }
    ids
};

/// The weight initialisations DLFS's experiment tries, by name: its two fixed stds (1 and 0.01),
/// the course's Xavier, Glorot & Bengio's, He's, and a std of one's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NamedInit {
    /// N(0, 1): DLFS's first figure, sigmoid outputs pile up at 0 and 1.
    Std1,
    /// N(0, 0.01²): every output near 0.5.
    Std001,
    /// std `sqrt(1 / n_in)` ([`Init::XavierCourse`]).
    Xavier,
    /// std `sqrt(2 / (n_in + n_out))` ([`Init::Glorot`]).
    Glorot,
    /// std `sqrt(2 / n_in)` ([`Init::He`]).
    He,
    /// N(0, std²) with a std given separately.
    Custom,
}

named!(NamedInit {
    Std1 => "std1",
    Std001 => "std001",
    Xavier => "xavier",
    Glorot => "glorot",
    He => "he",
    Custom => "custom",
});

impl NamedInit {
    /// The initialisation, with `std` for [`NamedInit::Custom`].
    pub fn init(self, std: f64) -> Init {
        match self {
            NamedInit::Std1 => Init::Normal(1.0),
            NamedInit::Std001 => Init::Normal(0.01),
            NamedInit::Xavier => Init::XavierCourse,
            NamedInit::Glorot => Init::Glorot,
            NamedInit::He => Init::He,
            NamedInit::Custom => Init::Normal(std),
        }
    }
}

/// Which signal the histograms show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The activations, input layer first. The default.
    #[default]
    Forward,
    /// Also the gradients `dJ/dz` sent back from the last layer.
    Backward,
}

named!(Direction {
    Forward => "forward",
    Backward => "backward",
});
