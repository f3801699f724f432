//! Momentum and Nesterov in both conventions (seed 001; DLFS `Momentum`, `Nesterov`).
//!
//! Ng: `v = beta v + (1 - beta) g; W -= lr v`, an EWMA of the gradients (the recursion of
//! `core::ewma`, inlined here so the loop stays a single pass over slices).
//! DLFS: `v = mu v - lr g; W += v`.
//! Nesterov, DLFS form (Bengio et al. 2013, as in the reference notes):
//! `W += mu^2 v - (1 + mu) lr g; v = mu v - lr g` with the old `v`; equivalently
//! `v' = mu v - lr g; W += mu v' - lr g` (PyTorch's `nesterov=True`). Some copies of the DLFS
//! code update `v` before `W` (so `W` moves by `mu^2 v'` instead); trainlab follows the order of
//! the reference notes, which is Bengio et al.'s reformulation of Nesterov's method. The Ng-convention Nesterov
//! is the same with `v` an EWMA: `v' = beta v + (1 - beta) g; W -= lr (beta v' + (1 - beta) g)`.
use crate::core::math::num::Float;

/// Ng momentum: `v = beta v + (1 - beta) g; w -= lr v`.
#[inline]
pub(super) fn momentum_ng<T: Float>(w: &mut [T], v: &mut [T], g: &[T], lr: T, beta: T, one_minus: T) {
    for ((w, v), &g) in w.iter_mut().zip(v.iter_mut()).zip(g) {
        *v = beta * *v + one_minus * g;
        *w -= lr * *v;
    }
}

/// DLFS momentum: `v = mu v - lr g; w += v`.
#[inline]
pub(super) fn momentum_dlfs<T: Float>(w: &mut [T], v: &mut [T], g: &[T], lr: T, mu: T) {
    for ((w, v), &g) in w.iter_mut().zip(v.iter_mut()).zip(g) {
        *v = mu * *v - lr * g;
        *w += *v;
    }
}

/// DLFS Nesterov: `w += mu^2 v - (1 + mu) lr g; v = mu v - lr g` (old `v` on the right).
#[inline]
pub(super) fn nesterov_dlfs<T: Float>(w: &mut [T], v: &mut [T], g: &[T], lr: T, mu: T) {
    let mu2 = mu * mu;
    let k = (T::ONE + mu) * lr;
    for ((w, v), &g) in w.iter_mut().zip(v.iter_mut()).zip(g) {
        *w += mu2 * *v - k * g;
        *v = mu * *v - lr * g;
    }
}

/// Ng-convention Nesterov: `v = beta v + (1 - beta) g; w -= lr (beta v + (1 - beta) g)`.
#[inline]
pub(super) fn nesterov_ng<T: Float>(w: &mut [T], v: &mut [T], g: &[T], lr: T, beta: T, one_minus: T) {
    for ((w, v), &g) in w.iter_mut().zip(v.iter_mut()).zip(g) {
        *v = beta * *v + one_minus * g;
        *w -= lr * (beta * *v + one_minus * g);
    }
}
