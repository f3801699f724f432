//! RMSprop (Hinton, lecture 6e; seed 001; DLFS `RMSprop`):
//! `s = beta2 s + (1 - beta2) g^2; W -= lr g / (sqrt(s) + eps)`. Like AdaGrad, but the squared
//! gradients are an EWMA, so old steep gradients are forgotten and the step can grow again.
//! Ng's notation uses beta2 (0.999 here) and eps 1e-8; DLFS calls it rho (0.99) with eps 1e-7.
use crate::core::math::num::Float;

/// `s = beta2 s + (1 - beta2) g^2; w -= lr g / (sqrt(s) + eps)`.
#[inline]
#[allow(clippy::too_many_arguments)]
pub(super) fn rmsprop<T: Float>(w: &mut [T], s: &mut [T], g: &[T], lr: T, beta2: T, one_minus: T, eps: T) {
    for ((w, s), &g) in w.iter_mut().zip(s.iter_mut()).zip(g) {
        *s = beta2 * *s + one_minus * (g * g);
        *w -= lr * g / (s.sqrt() + eps);
    }
}
