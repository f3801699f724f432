//! AdaGrad (Duchi, Hazan & Singer 2011; DLFS `AdaGrad`): `h += g^2; W -= lr g / (sqrt(h) + eps)`,
//! eps 1e-7. Each coordinate's step shrinks with the total squared gradient it has seen, so steep
//! directions slow down quickly and the step size only ever decreases.
use crate::core::math::num::Float;

/// `h += g^2; w -= lr g / (sqrt(h) + eps)`.
#[inline]
pub(super) fn adagrad<T: Float>(w: &mut [T], h: &mut [T], g: &[T], lr: T, eps: T) {
    for ((w, h), &g) in w.iter_mut().zip(h.iter_mut()).zip(g) {
        *h += g * g;
        *w -= lr * g / (h.sqrt() + eps);
    }
}
