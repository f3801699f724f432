//! A dense (fully connected) layer on row-major batches (DLFS `Affine`; seed 004).
//!
//! With `X` the `m x n_in` batch (one example per row), `W` the `n_in x n_out` weights and `b` the
//! `n_out` biases: forward `Z = X W + b` (b added to every row); backward, from `dZ = dJ/dZ`:
//! `dW = X^T dZ`, `db = sum over rows of dZ`, `dX = dZ W^T`. The `1/m` of the batch average is
//! already inside `dZ` (the output layer puts it there), so no layer divides by `m` again.
//! The products run through [`NnFloat::gemm`]; [`forward_activated`] also applies the layer's
//! activation, fused into the product's write-back for the sigmoid and tanh
//! ([`NnFloat::gemm_then`]).
use super::activation::Activation;
use super::float::NnFloat;
use crate::core::math::gemm::{Epilogue, GemmScratch};

/// `z = x w (+ b)` for an `m`-row batch; `b` is `None` when batch norm follows (its beta replaces
/// the bias).
#[allow(clippy::too_many_arguments)]
pub fn forward<T: NnFloat>(
    x: &[T],
    w: &[T],
    b: Option<&[T]>,
    m: usize,
    n_in: usize,
    n_out: usize,
    z: &mut [T],
    s: &mut GemmScratch,
) {
    T::gemm(m, n_in, n_out, x, false, w, false, z, false, s);
    if let Some(b) = b {
        for row in z.chunks_exact_mut(n_out) {
            row.iter_mut().zip(b).for_each(|(z, &b)| *z += b);
        }
    }
}

/// `z = x w` and `a = g(z)` for an `m`-row batch without bias (a layer followed by its
/// activation, no batch norm between), in one pass over the output for the sigmoid and tanh
/// (the same bits as [`forward`] then [`Activation::forward`]). With `z` `None`, the
/// pre-activation is not kept and `a` is the only output. `slope` is leaky ReLU's.
#[allow(clippy::too_many_arguments)]
pub fn forward_activated<T: NnFloat>(
    x: &[T],
    w: &[T],
    m: usize,
    n_in: usize,
    n_out: usize,
    activation: Activation,
    slope: T,
    z: Option<&mut [T]>,
    a: &mut [T],
    s: &mut GemmScratch,
) {
    let epilogue = match activation {
        Activation::Sigmoid => Epilogue::Sigmoid,
        Activation::Tanh => Epilogue::Tanh,
        _ => Epilogue::None,
    };
    match (z, epilogue) {
        (Some(z), Epilogue::None) => {
            forward(x, w, None, m, n_in, n_out, z, s);
            activation.forward(&z[..m * n_out], &mut a[..m * n_out], slope);
        }
        (Some(z), fused) => T::gemm_then(m, n_in, n_out, x, w, z, fused, Some(a), s),
        (None, Epilogue::None) => {
            forward(x, w, None, m, n_in, n_out, a, s);
            let z = a[..m * n_out].to_vec();
            activation.forward(&z, &mut a[..m * n_out], slope);
        }
        (None, fused) => T::gemm_then(m, n_in, n_out, x, w, a, fused, None, s),
    }
}

/// `dw = x^T dz` (overwritten).
pub fn grad_weights<T: NnFloat>(
    x: &[T],
    dz: &[T],
    m: usize,
    n_in: usize,
    n_out: usize,
    dw: &mut [T],
    s: &mut GemmScratch,
) {
    T::gemm(n_in, m, n_out, x, true, dz, false, dw, false, s);
}

/// `db = column sums of dz` (overwritten).
pub fn grad_bias<T: NnFloat>(dz: &[T], n_out: usize, db: &mut [T]) {
    db.fill(T::ZERO);
    for row in dz.chunks_exact(n_out) {
        db.iter_mut().zip(row).for_each(|(d, &v)| *d += v);
    }
}

/// `dx = dz w^T` (overwritten): the gradient passed to the layer below.
pub fn grad_input<T: NnFloat>(
    dz: &[T],
    w: &[T],
    m: usize,
    n_in: usize,
    n_out: usize,
    dx: &mut [T],
    s: &mut GemmScratch,
) {
    T::gemm(m, n_out, n_in, dz, false, w, true, dx, false, s);
}
