//! Stochastic gradient descent: `W -= lr g` (DLFS `SGD`, Ng's plain gradient descent).
use crate::core::math::num::Float;

/// `w[i] -= lr g[i]`.
#[inline]
pub(super) fn sgd<T: Float>(w: &mut [T], g: &[T], lr: T) {
    for (w, &g) in w.iter_mut().zip(g) {
        *w -= lr * g;
    }
}
