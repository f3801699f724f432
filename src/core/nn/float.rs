//! The float operations the network needs beyond [`crate::core::math::num::Float`], for `f32` (speed)
//! and `f64` (gradient checking).
//!
//! `exp`, the sigmoid and tanh come from [`crate::core::math::exp`] (portable code: the same bits
//! natively and in the browser, so a seeded run ends with the same weights in both).
//!
//! The products of the dense layers go through [`NnFloat::gemm`]: for `f32`, trainlab's blocked
//! SGEMM ([`crate::core::math::gemm`], SIMD128 in the browser, the same bits natively); for `f64`,
//! ndarray's `general_mat_mul`. [`NnFloat::gemm_then`] adds the sigmoid or tanh of a forward
//! pass; for `f32` it is fused into the product's write-back ([`sgemm_then`], the same bits as
//! the product followed by the activation).
use crate::core::math::exp::{sigmoid, sigmoid_f32_slice, tanh, tanh_f32_slice, PortableExp};
use crate::core::math::gemm::{sgemm, sgemm_then, Epilogue, GemmScratch, MatRef};
use ndarray::{linalg::general_mat_mul, ArrayView2, ArrayViewMut2, LinalgScalar};

/// A float type the network can run in: `f32` or `f64`.
pub trait NnFloat: PortableExp + LinalgScalar {
    /// `e^x` (portable, identical bits on every platform: [`PortableExp`]).
    fn exp(self) -> Self {
        self.exp_portable()
    }
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
    /// `C (m x k times k x n, both untransposed) = A B` (overwritten), then `g(C)` into `act`
    /// (or over `C` when `act` is `None`) for the activation of `epilogue`. Default: the product,
    /// then the activation over the slice; `f32` fuses the two ([`sgemm_then`]).
    #[allow(clippy::too_many_arguments)]
    fn gemm_then(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        b: &[Self],
        c: &mut [Self],
        epilogue: Epilogue,
        act: Option<&mut [Self]>,
        scratch: &mut GemmScratch,
    ) {
        Self::gemm(m, k, n, a, false, b, false, c, false, scratch);
        let slice: fn(&[Self], &mut [Self]) = match epilogue {
            Epilogue::None => return,
            Epilogue::Sigmoid => Self::sigmoid_slice,
            Epilogue::Tanh => Self::tanh_slice,
        };
        match act {
            Some(out) => slice(&c[..m * n], &mut out[..m * n]),
            None => {
                let z = c[..m * n].to_vec();
                slice(&z, &mut c[..m * n]);
            }
        }
    }
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
    fn sigmoid_slice(z: &[Self], a: &mut [Self]) {
        sigmoid_f32_slice(z, a)
    }
    fn tanh_slice(z: &[Self], a: &mut [Self]) {
        tanh_f32_slice(z, a)
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
    fn gemm_then(
        m: usize,
        k: usize,
        n: usize,
        a: &[Self],
        b: &[Self],
        c: &mut [Self],
        epilogue: Epilogue,
        act: Option<&mut [Self]>,
        scratch: &mut GemmScratch,
    ) {
        let (a, b) = (MatRef::new(&a[..m * k], m, k), MatRef::new(&b[..k * n], k, n));
        sgemm_then(a, b, c, n, false, scratch, epilogue, act)
    }
}
