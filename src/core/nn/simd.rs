//! Elementwise f32 activations over whole slices, with a SIMD128 path in the browser.
//!
//! The act-hist workload spends as long in the sigmoid as in the matrix products unless four
//! values go through each instruction. On wasm32 with `simd128`, [`sigmoid_f32`] and [`tanh_f32`]
//! run [`super::float::exp_f32`]'s exact sequence of operations on `f32x4` lanes (same constants,
//! same order, no fused multiply-add), then the tail scalar; elsewhere the scalar functions run.
//! Either way each element gets the same bits as the scalar [`super::float::sigmoid`] /
//! [`super::float::tanh`] (a native test checks the scalar path; the browser test's training
//! checksum covers the SIMD one).
use super::float::{sigmoid, tanh};

/// `a = sigmoid(z)` elementwise.
pub fn sigmoid_f32(z: &[f32], a: &mut [f32]) {
    let done = lanes4::sigmoid(z, a);
    z[done..].iter().zip(&mut a[done..]).for_each(|(&z, a)| *a = sigmoid(z));
}

/// `a = tanh(z)` elementwise.
pub fn tanh_f32(z: &[f32], a: &mut [f32]) {
    let done = lanes4::tanh(z, a);
    z[done..].iter().zip(&mut a[done..]).for_each(|(&z, a)| *a = tanh(z));
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes4 {
    use super::super::float::{
        EXP_F32_LN2_HI, EXP_F32_LN2_LO, EXP_F32_MAX, EXP_F32_MIN, EXP_F32_POLY, EXP_F32_SHIFTER,
    };
    use core::arch::wasm32::*;

    /// exp_f32 on four lanes.
    #[inline(always)]
    fn exp4(x: v128) -> v128 {
        // min/max equal clamp for every non-NaN input.
        let x = f32x4_min(f32x4_max(x, f32x4_splat(EXP_F32_MIN)), f32x4_splat(EXP_F32_MAX));
        let sh = f32x4_splat(EXP_F32_SHIFTER);
        let kf = f32x4_sub(f32x4_add(f32x4_mul(x, f32x4_splat(std::f32::consts::LOG2_E)), sh), sh);
        let r = f32x4_sub(
            f32x4_sub(x, f32x4_mul(kf, f32x4_splat(EXP_F32_LN2_HI))),
            f32x4_mul(kf, f32x4_splat(EXP_F32_LN2_LO)),
        );
        let mut p = f32x4_splat(EXP_F32_POLY[0]);
        for &c in &EXP_F32_POLY[1..] {
            p = f32x4_add(f32x4_mul(p, r), f32x4_splat(c));
        }
        // trunc_sat maps NaN to 0, as the scalar code does.
        let k = i32x4_trunc_sat_f32x4(kf);
        let scale = i32x4_shl(i32x4_add(k, i32x4_splat(127)), 23);
        f32x4_mul(p, scale)
    }

    /// Runs `f` over whole groups of four; returns how many elements were done.
    #[inline(always)]
    fn lanes(z: &[f32], a: &mut [f32], f: impl Fn(v128) -> v128) -> usize {
        let n = z.len().min(a.len()) / 4 * 4;
        for (zc, ac) in z[..n].chunks_exact(4).zip(a[..n].chunks_exact_mut(4)) {
            // SAFETY: each chunk has exactly 4 f32 (16 bytes); v128 loads/stores may be unaligned.
            unsafe {
                let v = v128_load(zc.as_ptr() as *const v128);
                v128_store(ac.as_mut_ptr() as *mut v128, f(v));
            }
        }
        n
    }

    pub fn sigmoid(z: &[f32], a: &mut [f32]) -> usize {
        lanes(z, a, |x| {
            let one = f32x4_splat(1.0);
            let e = exp4(f32x4_neg(f32x4_abs(x)));
            let num = v128_bitselect(one, e, f32x4_ge(x, f32x4_splat(0.0)));
            f32x4_div(num, f32x4_add(one, e))
        })
    }

    pub fn tanh(z: &[f32], a: &mut [f32]) -> usize {
        lanes(z, a, |x| {
            let one = f32x4_splat(1.0);
            let e = exp4(f32x4_mul(f32x4_splat(-2.0), f32x4_abs(x)));
            let t = f32x4_div(f32x4_sub(one, e), f32x4_add(one, e));
            v128_bitselect(f32x4_neg(t), t, f32x4_lt(x, f32x4_splat(0.0)))
        })
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes4 {
    pub fn sigmoid(_: &[f32], _: &mut [f32]) -> usize {
        0
    }

    pub fn tanh(_: &[f32], _: &mut [f32]) -> usize {
        0
    }
}
