//! Weight initialisation (seeds 001 and 004; Glorot & Bengio 2010; He et al. 2015).
//!
//! Every scheme draws `W[i][j] ~ N(0, std^2)` independently (row-major order, `n_in x n_out`, from
//! the seeded RNG), biases start at 0, batch-norm gamma at 1 and beta at 0. The std, named as what
//! it is:
//! * [`Init::Normal`]: any fixed std (DLFS's 0.01 or 1 in `weight_init_activation_histogram`);
//! * [`Init::XavierCourse`]: `sqrt(1 / n_in)`, what the course (and DLFS) call "Xavier";
//! * [`Init::Glorot`]: `sqrt(2 / (n_in + n_out))`, Glorot & Bengio's own variance;
//! * [`Init::He`]: `sqrt(2 / n_in)`, for ReLU;
//! * [`Init::Zeros`]: every weight 0, to show why not (all units of a layer stay identical).
use crate::core::math::rng::standard_normal;
use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::float::NnFloat;

/// How the weights of a dense layer are drawn. Default [`Init::He`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Init {
    /// N(0, std^2) with this std (>= 0, finite).
    Normal(f64),
    /// The course's "Xavier": std `sqrt(1 / n_in)`.
    XavierCourse,
    /// Glorot & Bengio (2010): std `sqrt(2 / (n_in + n_out))`.
    Glorot,
    /// He et al. (2015): std `sqrt(2 / n_in)`. The default.
    #[default]
    He,
    /// All zeros (symmetry is never broken).
    Zeros,
}

impl Init {
    /// The standard deviation for a layer with `n_in` inputs and `n_out` units.
    pub fn std(self, n_in: usize, n_out: usize) -> f64 {
        match self {
            Init::Normal(s) => s,
            Init::XavierCourse => (1.0 / n_in as f64).sqrt(),
            Init::Glorot => (2.0 / (n_in + n_out) as f64).sqrt(),
            Init::He => (2.0 / n_in as f64).sqrt(),
            Init::Zeros => 0.0,
        }
    }

    /// Whether the settings are usable (a finite std >= 0).
    pub fn is_valid(self) -> bool {
        match self {
            Init::Normal(s) => s.is_finite() && s >= 0.0,
            _ => true,
        }
    }

    /// Fills `w` (`n_in x n_out`, row-major) with draws of this scheme. Zeros draws nothing.
    pub fn fill<T: NnFloat, R: RngExt + ?Sized>(self, w: &mut [T], n_in: usize, n_out: usize, rng: &mut R) {
        if self == Init::Zeros {
            w.fill(T::ZERO);
            return;
        }
        let std = self.std(n_in, n_out);
        for v in w.iter_mut() {
            *v = T::from_f64(std * standard_normal(rng));
        }
    }
}
