//! Inverted dropout (Srivastava et al. 2014; seed 004).
//!
//! Training: `d = (u < keep_prob)` with `u ~ U(0, 1)` per unit and example, then
//! `a = a * d / keep_prob`, so the expected activation is unchanged and nothing is rescaled at
//! test time (evaluation simply skips dropout). The mask is stored already scaled (each entry 0 or
//! `1 / keep_prob`); the backward pass multiplies `dA` by the same mask. DLFS uses the older
//! non-inverted form (scale by the keep ratio at test time instead); trainlab uses the course's.
//!
//! Gradient checking needs the cost to be a fixed function of the parameters, so the network can
//! freeze the last masks drawn ([`super::Network::freeze_dropout_masks`]): every later training
//! forward then reuses them instead of drawing new ones.
use super::float::NnFloat;
use rand::RngExt;

/// Fills `mask` with 0 (dropped, probability `1 - keep_prob`) or `1 / keep_prob` (kept), one
/// uniform draw per entry in order.
pub fn draw_mask<T: NnFloat, R: RngExt + ?Sized>(mask: &mut [T], keep_prob: f64, rng: &mut R) {
    let kept = T::from_f64(1.0 / keep_prob);
    for v in mask.iter_mut() {
        let u: f64 = rng.random();
        *v = if u < keep_prob { kept } else { T::ZERO };
    }
}

/// `a *= mask` elementwise (forward), and equally `da *= mask` (backward).
pub fn apply<T: NnFloat>(a: &mut [T], mask: &[T]) {
    a.iter_mut().zip(mask).for_each(|(a, &d)| *a *= d);
}
