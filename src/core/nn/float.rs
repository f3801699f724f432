//! The float operations the network needs beyond [`crate::core::num::Float`], for `f32` (speed)
//! and `f64` (gradient checking).
//!
//! `exp` is computed here rather than by the platform's math library: the native test build
//! links glibc, the browser build a port of musl, and the two may round differently in the last
//! bit. One portable routine (Cody–Waite range reduction `x = k ln 2 + r`, `|r| <= ln 2 / 2`, a
//! degree-13 Taylor polynomial in Horner form without fused multiply-adds, then `2^k` by building
//! the exponent bits) gives the same bits in native and wasm builds, so a seeded training run
//! ends with the same weights in both. Its error is within about 2 ulp of f64. `f32` has its own
//! branch-free version ([`exp_f32`], degree-7 polynomial, within 2 ulp of f32) so that activation
//! loops vectorise (SIMD128 in the browser). `tanh` and the logistic sigmoid are written in terms
//! of `exp`.
//!
//! The products of the dense layers go through [`NnFloat::gemm`]: for `f32`, trainlab's blocked
//! SGEMM ([`crate::core::gemm`], SIMD128 in the browser, the same bits natively); for `f64`,
//! ndarray's `general_mat_mul`.
use crate::core::gemm::{sgemm, GemmScratch, MatRef};
use crate::core::num::Float;
use ndarray::{linalg::general_mat_mul, ArrayView2, ArrayViewMut2, LinalgScalar};

/// A float type the network can run in: `f32` or `f64`.
pub trait NnFloat: Float + LinalgScalar {
    /// `e^x` by [`exp_f64`] (portable, identical bits on every platform).
    fn exp(self) -> Self;
    /// Natural logarithm (used for losses only, never for the weights' path).
    fn ln(self) -> Self;
    /// The larger of two values (`self` if they compare equal or one is NaN).
    fn max(self, other: Self) -> Self {
        if other > self {
            other
        } else {
            self
        }
    }
    /// `a = sigmoid(z)` over a slice (vectorised for f32 in the browser).
    fn sigmoid_slice(z: &[Self], a: &mut [Self]) {
        z.iter().zip(a).for_each(|(&z, a)| *a = sigmoid(z));
    }
    /// `a = tanh(z)` over a slice (vectorised for f32 in the browser).
    fn tanh_slice(z: &[Self], a: &mut [Self]) {
        z.iter().zip(a).for_each(|(&z, a)| *a = tanh(z));
    }
    /// `C (m x n) = op(A) op(B)` (or `+=` when `accumulate`), row-major slices, where `op(A)` is
    /// `m x k` (stored `k x m` when `a_t`) and `op(B)` is `k x n` (stored `n x k` when `b_t`).
    #[allow(clippy::too_many_arguments)]
    fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        a_t: bool,
        b: &[Self],
        b_t: bool,
        c: &mut [Self],
        accumulate: bool,
        scratch: &mut GemmScratch,
    );
}

/// `C = op(A) op(B)` through ndarray (matrixmultiply).
#[allow(clippy::too_many_arguments)]
fn gemm_ndarray<T: NnFloat>(
    m: usize,
    k: usize,
    n: usize,
    a: &[T],
    a_t: bool,
    b: &[T],
    b_t: bool,
    c: &mut [T],
    accumulate: bool,
) {
    let av = if a_t {
        ArrayView2::from_shape((k, m), &a[..k * m])
            .expect("A shape")
            .reversed_axes()
    } else {
        ArrayView2::from_shape((m, k), &a[..m * k]).expect("A shape")
    };
    let bv = if b_t {
        ArrayView2::from_shape((n, k), &b[..n * k])
            .expect("B shape")
            .reversed_axes()
    } else {
        ArrayView2::from_shape((k, n), &b[..k * n]).expect("B shape")
    };
    let mut cv = ArrayViewMut2::from_shape((m, n), &mut c[..m * n]).expect("C shape");
    let beta = if accumulate { T::ONE } else { T::ZERO };
    general_mat_mul(T::ONE, &av, &bv, beta, &mut cv);
}

impl NnFloat for f64 {
    #[inline]
    fn exp(self) -> Self {
        exp_f64(self)
    }
    #[inline]
    fn ln(self) -> Self {
        f64::ln(self)
    }
    fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        a_t: bool,
        b: &[Self],
        b_t: bool,
        c: &mut [Self],
        acc: bool,
        _: &mut GemmScratch,
    ) {
        gemm_ndarray(m, k, n, a, a_t, b, b_t, c, acc)
    }
}

impl NnFloat for f32 {
    #[inline]
    fn exp(self) -> Self {
        exp_f32(self)
    }
    fn sigmoid_slice(z: &[Self], a: &mut [Self]) {
        super::simd::sigmoid_f32(z, a)
    }
    fn tanh_slice(z: &[Self], a: &mut [Self]) {
        super::simd::tanh_f32(z, a)
    }
    #[inline]
    fn ln(self) -> Self {
        f32::ln(self)
    }
    fn gemm(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        a_t: bool,
        b: &[Self],
        b_t: bool,
        c: &mut [Self],
        acc: bool,
        scratch: &mut GemmScratch,
    ) {
        let a = if a_t {
            MatRef::new(&a[..k * m], k, m).t()
        } else {
            MatRef::new(&a[..m * k], m, k)
        };
        let b = if b_t {
            MatRef::new(&b[..n * k], n, k).t()
        } else {
            MatRef::new(&b[..k * n], k, n)
        };
        sgemm(a, b, c, n, acc, scratch)
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

// The constants of exp_f32, shared with the SIMD128 version in `simd.rs` (same bits, same order).
pub(super) const EXP_F32_MIN: f32 = -87.0;
pub(super) const EXP_F32_MAX: f32 = 88.0;
/// 0.693359375 = 355/512, exact in f32.
pub(super) const EXP_F32_LN2_HI: f32 = 0.693_359_4;
/// ln 2 - EXP_F32_LN2_HI.
pub(super) const EXP_F32_LN2_LO: f32 = -2.121_944_4e-4;
/// 1.5 * 2^23: adding it rounds to an integer.
pub(super) const EXP_F32_SHIFTER: f32 = 12_582_912.0;
/// Taylor coefficients 1/7!, 1/6!, ..., 1/1!, 1/0!, highest first (Horner order).
pub(super) const EXP_F32_POLY: [f32; 8] = [
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
pub fn sigmoid<T: NnFloat>(x: T) -> T {
    // e^-|x| never overflows; the two cases differ only in the numerator (a select, no branch).
    let e = (-x.abs()).exp();
    let num = if x >= T::ZERO { T::ONE } else { e };
    num / (T::ONE + e)
}

/// `tanh x = (1 - e^-2|x|) / (1 + e^-2|x|)` with the sign of x (no overflow for large |x|).
#[inline]
pub fn tanh<T: NnFloat>(x: T) -> T {
    let e = (T::from_f64(-2.0) * x.abs()).exp();
    let t = (T::ONE - e) / (T::ONE + e);
    if x < T::ZERO {
        -t
    } else {
        t
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
