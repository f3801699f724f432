//! Hidden-layer activations (seed 004; DLFS chapter 3): `g(z)` and its derivative `g'(z)`.
//!
//! * sigmoid `1 / (1 + e^-z)`, `g' = g (1 - g)`;
//! * tanh, `g' = 1 - g^2`;
//! * ReLU `max(0, z)`, `g' = 1` for `z > 0` else 0 (the kink at 0 takes the left derivative);
//! * leaky ReLU `z` for `z > 0` else `slope z`, `g' = 1` or `slope` (slope 0.01 by default);
//! * linear (identity), `g' = 1`.
//!
//! The backward pass multiplies the incoming `dA` by `g'` evaluated from the cached `z` and `a`.
use super::float::NnFloat;
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// A hidden-layer activation. Default [`Activation::Relu`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// Logistic sigmoid.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Rectified linear unit. The default.
    #[default]
    Relu,
    /// Leaky ReLU with the network's `leaky_slope` (default 0.01).
    LeakyRelu,
    /// The identity (a linear layer).
    Linear,
}

named!(Activation {
    Sigmoid => "sigmoid",
    Tanh => "tanh",
    Relu => "relu",
    LeakyRelu => "leaky_relu",
    Linear => "linear",
});

impl Activation {
    /// `a = g(z)` elementwise into `a` (same length as `z`).
    pub fn forward<T: NnFloat>(self, z: &[T], a: &mut [T], slope: T) {
        debug_assert_eq!(z.len(), a.len());
        match self {
            Activation::Sigmoid => T::sigmoid_slice(z, a),
            Activation::Tanh => T::tanh_slice(z, a),
            Activation::Relu => z
                .iter()
                .zip(a)
                .for_each(|(&z, a)| *a = if z > T::ZERO { z } else { T::ZERO }),
            Activation::LeakyRelu => z
                .iter()
                .zip(a)
                .for_each(|(&z, a)| *a = if z > T::ZERO { z } else { slope * z }),
            Activation::Linear => a.copy_from_slice(z),
        }
    }

    /// `dz = da * g'(z)` in place on `da`, from the cached pre-activation `z` and output `a`.
    pub fn backward<T: NnFloat>(self, z: &[T], a: &[T], da: &mut [T], slope: T) {
        debug_assert!(z.len() == da.len() && a.len() == da.len());
        match self {
            Activation::Sigmoid => a.iter().zip(da).for_each(|(&a, d)| *d *= a * (T::ONE - a)),
            Activation::Tanh => a.iter().zip(da).for_each(|(&a, d)| *d *= T::ONE - a * a),
            Activation::Relu => z.iter().zip(da).for_each(|(&z, d)| {
                if z <= T::ZERO {
                    *d = T::ZERO
                }
            }),
            Activation::LeakyRelu => z.iter().zip(da).for_each(|(&z, d)| {
                if z <= T::ZERO {
                    *d *= slope
                }
            }),
            Activation::Linear => {}
        }
    }

    /// The derivative `g'(z)` at one point (for tests and plots).
    pub fn derivative(self, z: f64, slope: f64) -> f64 {
        let mut a = [0.0];
        self.forward(&[z], &mut a, slope);
        let mut d = [1.0];
        self.backward(&[z], &a, &mut d, slope);
        d[0]
    }
}
