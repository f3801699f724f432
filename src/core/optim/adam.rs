//! Adam (Kingma & Ba 2015; seed 001; DLFS `Adam`): momentum and RMSprop together.
//!
//! Ng form: `v = b1 v + (1-b1) g; s = b2 s + (1-b2) g^2; v^ = v / (1-b1^t); s^ = s / (1-b2^t);
//! W -= lr v^ / (sqrt(s^) + eps)` (with correction off, `v^ = v`, `s^ = s`).
//! DLFS folded form: `lr_t = lr sqrt(1-b2^t) / (1-b1^t); m += (1-b1)(g-m); v += (1-b2)(g^2-v);
//! W -= lr_t m / (sqrt(v) + eps)`; the same as the Ng form except that eps is added to the
//! uncorrected root (so it weighs `1/sqrt(1-b2^t)` times more early on).
use crate::core::math::num::Float;

/// `1 - b1`, `1 - b2` (computed in f64 so f32 does not round 0.999 first) and the reciprocal
/// bias-correction factors `1/(1-b1^t)`, `1/(1-b2^t)` of one step (1 when off).
#[derive(Clone, Copy)]
pub(super) struct Factors<T> {
    pub one_b1: T,
    pub one_b2: T,
    pub inv_c1: T,
    pub inv_c2: T,
}

/// Ng-form Adam step.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(super) fn adam_ng<T: Float>(
    w: &mut [T],
    v: &mut [T],
    s: &mut [T],
    g: &[T],
    lr: T,
    b1: T,
    b2: T,
    eps: T,
    k: Factors<T>,
) {
    let (one_b1, one_b2) = (k.one_b1, k.one_b2);
    for (((w, v), s), &g) in w.iter_mut().zip(v.iter_mut()).zip(s.iter_mut()).zip(g) {
        *v = b1 * *v + one_b1 * g;
        *s = b2 * *s + one_b2 * (g * g);
        *w -= lr * (*v * k.inv_c1) / ((*s * k.inv_c2).sqrt() + eps);
    }
}

/// DLFS folded Adam step with `lr_t` already folded.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(super) fn adam_folded<T: Float>(w: &mut [T], m: &mut [T], v: &mut [T], g: &[T], lr_t: T, k: Factors<T>, eps: T) {
    let (one_b1, one_b2) = (k.one_b1, k.one_b2);
    for (((w, m), v), &g) in w.iter_mut().zip(m.iter_mut()).zip(v.iter_mut()).zip(g) {
        *m += one_b1 * (g - *m);
        *v += one_b2 * (g * g - *v);
        *w -= lr_t * *m / (v.sqrt() + eps);
    }
}
