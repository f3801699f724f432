//! Portable `exp` and the functions built on it: the logistic sigmoid and tanh, in `f64` and
//! `f32`, scalar and over whole `f32` slices (SIMD128 lanes in the browser).
//!
//! `exp` is computed here rather than by the platform's math library: the native test build
//! links glibc, the browser build a port of musl, and the two may round differently in the last
//! bit. One portable routine (Cody–Waite range reduction `x = k ln 2 + r`, `|r| <= ln 2 / 2`, a
//! degree-13 Taylor polynomial in Horner form without fused multiply-adds, then `2^k` by building
//! the exponent bits) gives the same bits in native and wasm builds, so a seeded training run
//! ends with the same weights in both. Its error is within about 2 ulp of f64. `f32` has its own
//! branch-free version ([`exp_f32`], degree-7 polynomial, within 2 ulp of f32) so that activation
//! loops vectorise. `tanh` and the sigmoid are written in terms of `exp`.
//!
//! The act-hist workload spends as long in the sigmoid as in the matrix products unless four
//! values go through each instruction. On wasm32 with `simd128`, [`sigmoid_f32_slice`] and
//! [`tanh_f32_slice`] run [`exp_f32`]'s exact sequence of operations on `f32x4` lanes (same
//! constants, same order, no fused multiply-add), then the tail scalar; elsewhere the scalar
//! functions run. Either way each element gets the same bits as the scalar [`sigmoid`] /
//! [`tanh`] (a native test checks the scalar path; a browser test compares the SIMD one bit for
//! bit).
use super::num::Float;

/// A float type with the portable `exp` of this module: `f32` ([`exp_f32`]) or `f64` ([`exp_f64`]).
pub trait PortableExp: Float {
    /// `e^x`, the same bits on every platform.
    fn exp_portable(self) -> Self;
}

impl PortableExp for f64 {
    #[inline]
    fn exp_portable(self) -> Self {
        exp_f64(self)
    }
}

impl PortableExp for f32 {
    #[inline]
    fn exp_portable(self) -> Self {
        exp_f32(self)
    }
}

/// `e^x` in f64, portable (see the module header). Overflows to +inf above ~709.78, underflows to 0
/// below ~-745 (via subnormals), NaN stays NaN.
pub fn exp_f64(x: f64) -> f64 {
    // fdlibm's split of ln 2: LN2_HI has 32 significant bits, LN2_LO = ln 2 - LN2_HI.
    const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    const INV_LN2: f64 = std::f64::consts::LOG2_E;
    if x.is_nan() {
        return x;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let k = (x * INV_LN2).round();
    // k * LN2_HI is exact (LN2_HI has 32 significant bits, |k| < 2^11), so r keeps full accuracy.
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Taylor series to r^13 / 13!: |r| <= 0.347 leaves a remainder below 2e-17.
    let mut p = 1.0 / 6_227_020_800.0;
    for d in [
        479_001_600.0,
        39_916_800.0,
        3_628_800.0,
        362_880.0,
        40_320.0,
        5_040.0,
        720.0,
        120.0,
        24.0,
        6.0,
        2.0,
        1.0,
        1.0,
    ] {
        p = p * r + 1.0 / d;
    }
    let k = k as i32;
    // 2^k in two factors so that k down to -1074 (subnormal results) stays representable.
    if k < -1000 {
        p * pow2(k + 1000) * pow2(-1000)
    } else if k > 1000 {
        p * pow2(k - 1000) * pow2(1000)
    } else {
        p * pow2(k)
    }
}

/// `e^x` in f32, portable and branch-free (so loops over it vectorise): the same Cody–Waite
/// scheme as [`exp_f64`] with `k` rounded by the `1.5 * 2^23` trick, a degree-7 Taylor
/// polynomial (remainder below 5e-9), and `x` clamped to [-87, 88] (results from 1.6e-38 to
/// 1.65e38; the sigmoid and tanh built on it need nothing beyond). Within 2 ulp of f32; NaN stays
/// NaN.
#[inline]
pub fn exp_f32(x: f32) -> f32 {
    let x = x.clamp(EXP_F32_MIN, EXP_F32_MAX);
    let kf = (x * std::f32::consts::LOG2_E + EXP_F32_SHIFTER) - EXP_F32_SHIFTER;
    let r = (x - kf * EXP_F32_LN2_HI) - kf * EXP_F32_LN2_LO;
    let mut p = EXP_F32_POLY[0];
    for &c in &EXP_F32_POLY[1..] {
        p = p * r + c;
    }
    // NaN clamps to NaN and turns k into garbage; keep it NaN through the product.
    let k = if kf.is_nan() { 0 } else { kf as i32 };
    p * f32::from_bits(((k + 127) as u32) << 23)
}

// The constants of exp_f32, shared with its SIMD128 lanes below (same bits, same order).
const EXP_F32_MIN: f32 = -87.0;
const EXP_F32_MAX: f32 = 88.0;
/// 0.693359375 = 355/512, exact in f32.
const EXP_F32_LN2_HI: f32 = 0.693_359_4;
/// ln 2 - EXP_F32_LN2_HI.
const EXP_F32_LN2_LO: f32 = -2.121_944_4e-4;
/// 1.5 * 2^23: adding it rounds to an integer.
const EXP_F32_SHIFTER: f32 = 12_582_912.0;
/// Taylor coefficients 1/7!, 1/6!, ..., 1/1!, 1/0!, highest first (Horner order).
const EXP_F32_POLY: [f32; 8] = [
    1.0 / 5040.0,
    1.0 / 720.0,
    1.0 / 120.0,
    1.0 / 24.0,
    1.0 / 6.0,
    0.5,
    1.0,
    1.0,
];

/// `2^k` for `-1022 <= k <= 1023`, from the exponent bits.
fn pow2(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// The logistic sigmoid `1 / (1 + e^-x)`, written to never overflow: with `e = e^-|x|`, it is
/// `1 / (1 + e)` for x >= 0 and `e / (1 + e)` for x < 0.
#[inline]
pub fn sigmoid<T: PortableExp>(x: T) -> T {
    // e^-|x| never overflows; the two cases differ only in the numerator (a select, no branch).
    let e = (-x.abs()).exp_portable();
    let num = if x >= T::ZERO { T::ONE } else { e };
    num / (T::ONE + e)
}

/// `tanh x = (1 - e^-2|x|) / (1 + e^-2|x|)` with the sign of x (no overflow for large |x|).
#[inline]
pub fn tanh<T: PortableExp>(x: T) -> T {
    let e = (T::from_f64(-2.0) * x.abs()).exp_portable();
    let t = (T::ONE - e) / (T::ONE + e);
    if x < T::ZERO {
        -t
    } else {
        t
    }
}

/// `a = sigmoid(z)` elementwise over `f32` slices (four lanes at a time in the browser).
pub fn sigmoid_f32_slice(z: &[f32], a: &mut [f32]) {
    let done = lanes4::sigmoid(z, a);
    z[done..].iter().zip(&mut a[done..]).for_each(|(&z, a)| *a = sigmoid(z));
}

/// `a = tanh(z)` elementwise over `f32` slices (four lanes at a time in the browser).
pub fn tanh_f32_slice(z: &[f32], a: &mut [f32]) {
    let done = lanes4::tanh(z, a);
    z[done..].iter().zip(&mut a[done..]).for_each(|(&z, a)| *a = tanh(z));
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes4 {
    use super::{EXP_F32_LN2_HI, EXP_F32_LN2_LO, EXP_F32_MAX, EXP_F32_MIN, EXP_F32_POLY, EXP_F32_SHIFTER};
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_matches_std_within_a_few_ulp() {
        let mut x = -740.0;
        while x < 709.0 {
            let (a, b) = (exp_f64(x), x.exp());
            if b >= f64::MIN_POSITIVE {
                assert!(((a - b) / b).abs() < 4.0 * f64::EPSILON, "x {x}: {a} vs {b}");
            } else {
                // subnormal results: a few units of the smallest subnormal
                assert!((a - b).abs() <= 4.0 * 5e-324, "x {x}: {a} vs {b}");
            }
            x += 0.37;
        }
        for x in [0.0, 1e-300, -1e-300, 1.0, -1.0, 0.5, 88.7, -103.9] {
            let (a, b) = (exp_f64(x), x.exp());
            assert!(((a - b) / b).abs() < 4.0 * f64::EPSILON, "x {x}: {a} vs {b}");
        }
        assert_eq!(exp_f64(1000.0), f64::INFINITY);
        assert_eq!(exp_f64(-1000.0), 0.0);
        assert!(exp_f64(f64::NAN).is_nan());
    }

    #[test]
    fn exp_f32_matches_std_within_two_ulp() {
        let mut x = -87.0f32;
        while x <= 88.0 {
            let (a, b) = (exp_f32(x), (x as f64).exp());
            assert!(
                ((a as f64 - b) / b).abs() < 2.5 * f32::EPSILON as f64,
                "x {x}: {a} vs {b}"
            );
            x += 0.0137;
        }
        assert_eq!(exp_f32(0.0), 1.0);
        assert!(exp_f32(-1000.0) > 0.0 && exp_f32(-1000.0) < 1e-37);
        assert!(exp_f32(f32::NAN).is_nan());
    }

    #[test]
    fn sigmoid_and_tanh_match_std() {
        for i in -400..=400 {
            let x = i as f64 * 0.1;
            assert!((sigmoid(x) - 1.0 / (1.0 + (-x).exp())).abs() < 1e-15);
            assert!((tanh(x) - x.tanh()).abs() < 1e-15, "{x}");
            assert!((sigmoid(x as f32) - 1.0 / (1.0 + (-x as f32).exp())).abs() < 1e-6);
            assert!((tanh(x as f32) - (x as f32).tanh()).abs() < 1e-6);
        }
        assert_eq!(sigmoid(-1000.0f64), 0.0);
        assert_eq!(sigmoid(1000.0f32), 1.0);
        assert!(sigmoid(-1000.0f32) < 1e-37);
    }
}
