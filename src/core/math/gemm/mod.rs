//! Single-precision matrix multiply, `C = op(A) · op(B)` or `C += op(A) · op(B)`, for the dense
//! layers (forward `X·W`, backward `Xᵀ·dZ` and `dZ·Wᵀ`).
//!
//! The classic blocked scheme (Goto & van de Geijn, "Anatomy of high-performance matrix
//! multiplication", ACM TOMS 2008): for each block of `KC` inner indices, `B` is packed into panels
//! of `NR` columns and `A` into panels of `MR` rows, and a register-blocked `MR x NR` micro-kernel
//! accumulates the panel products. On wasm32 the micro-kernel uses SIMD128 (`f32x4`); elsewhere a
//! scalar kernel performs the very same additions in the very same order (no fused multiply-add),
//! so native and browser builds produce bit-identical results: every element of `C` is
//! `sum over KC blocks (sum over p in block of a*b, from 0)`, each block added to `C` in turn.
//!
//! Matrices are row-major slices with a leading dimension (`ld`, elements between rows).
//!
//! [`sgemm_then`] also applies an activation (the sigmoid or tanh of [`super::exp`]) to each
//! block of `MC` rows of `C` as soon as its last block is added, while the rows are still in cache,
//! and writes `g(C)` beside `C` (or over it): a dense layer's forward pass `a = g(x W)` in one pass
//! over the output instead of two. Each element still gets the very same sum, and the activation
//! is the same function as over a whole slice, so fused and unfused results are bit-identical
//! (and native and browser builds agree, as for the product alone).
use super::exp::{sigmoid_f32_slice, tanh_f32_slice};

/// Rows of A per micro-kernel.
pub const MR: usize = 4;
/// Columns of B per micro-kernel (two `f32x4` vectors).
pub const NR: usize = 8;
/// Inner-dimension block: a packed A panel (MR x KC) and B panel (KC x NR) stay in L1.
pub const KC: usize = 256;
/// Rows of A packed at once.
pub const MC: usize = 64;
/// Values of an in-place activation per pass through its stack buffer.
const IN_PLACE: usize = 256;

/// A row-major matrix view: `rows x cols`, element (i, j) at `data[i * ld + j]`, or the transpose
/// of such a matrix when `transposed` (then element (i, j) is at `data[j * ld + i]`).
#[derive(Clone, Copy, Debug)]
pub struct MatRef<'a> {
    /// The elements.
    pub data: &'a [f32],
    /// Rows of the (possibly transposed) matrix.
    pub rows: usize,
    /// Columns of the (possibly transposed) matrix.
    pub cols: usize,
    /// Leading dimension of the stored (untransposed) matrix.
    pub ld: usize,
    /// Read the stored matrix transposed.
    pub transposed: bool,
}

impl<'a> MatRef<'a> {
    /// A row-major `rows x cols` matrix.
    pub fn new(data: &'a [f32], rows: usize, cols: usize) -> Self {
        MatRef {
            data,
            rows,
            cols,
            ld: cols,
            transposed: false,
        }
    }

    /// The transpose of this view (no copy).
    pub fn t(self) -> Self {
        MatRef {
            rows: self.cols,
            cols: self.rows,
            transposed: !self.transposed,
            ..self
        }
    }

    #[inline(always)]
    fn at(&self, i: usize, j: usize) -> f32 {
        if self.transposed {
            self.data[j * self.ld + i]
        } else {
            self.data[i * self.ld + j]
        }
    }

    fn fits(&self) -> bool {
        let (r, c) = if self.transposed {
            (self.cols, self.rows)
        } else {
            (self.rows, self.cols)
        };
        r == 0 || c == 0 || (c <= self.ld && (r - 1) * self.ld + c <= self.data.len())
    }
}

/// What [`sgemm_then`] does with each finished element `c` of the product besides storing it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Epilogue {
    /// Nothing: a plain product (the default).
    #[default]
    None,
    /// Also the logistic sigmoid of `c` ([`super::exp::sigmoid`]).
    Sigmoid,
    /// Also `tanh c` ([`super::exp::tanh`]).
    Tanh,
}

impl Epilogue {
    /// Applies the activation to `c` into `out` (same length; nothing for [`Epilogue::None`]).
    fn apply(self, c: &[f32], out: &mut [f32]) {
        match self {
            Epilogue::None => {}
            Epilogue::Sigmoid => sigmoid_f32_slice(c, out),
            Epilogue::Tanh => tanh_f32_slice(c, out),
        }
    }

    /// The activation of `c`, in place (through a buffer of [`IN_PLACE`] values on the stack).
    fn apply_in_place(self, c: &mut [f32]) {
        if self == Epilogue::None {
            return;
        }
        for chunk in c.chunks_mut(IN_PLACE) {
            let mut tile = [0.0f32; IN_PLACE];
            let tile = &mut tile[..chunk.len()];
            self.apply(chunk, tile);
            chunk.copy_from_slice(tile);
        }
    }
}

/// Reusable packing buffers (keep one per network to avoid an allocation per product).
#[derive(Clone, Debug, Default)]
pub struct GemmScratch {
    a: Vec<f32>,
    b: Vec<f32>,
}

/// `C (m x n, row-major, leading dimension ldc) = A · B` when `accumulate` is false, `C += A · B`
/// when it is true. Panics if the shapes disagree or a slice is too short (a programming error in
/// the caller, never a user input).
pub fn sgemm(a: MatRef, b: MatRef, c: &mut [f32], ldc: usize, accumulate: bool, scratch: &mut GemmScratch) {
    sgemm_then(a, b, c, ldc, accumulate, scratch, Epilogue::None, None);
}

/// [`sgemm`], then `act = g(C)` for the activation `g` of `epilogue`, fused into the write-back
/// (see the module header): `act` has C's shape and leading dimension; with `act` `None`, `C`
/// itself is overwritten by `g(C)` (a forward pass that needs no pre-activation). With
/// `accumulate`, `g` applies to the accumulated `C`. Panics as [`sgemm`] does, and if `act` is
/// too short.
#[allow(clippy::too_many_arguments)]
pub fn sgemm_then(
    a: MatRef,
    b: MatRef,
    c: &mut [f32],
    ldc: usize,
    accumulate: bool,
    scratch: &mut GemmScratch,
    epilogue: Epilogue,
    mut act: Option<&mut [f32]>,
) {
    let (m, k, n) = (a.rows, a.cols, b.cols);
    assert_eq!(b.rows, k, "inner dimensions differ");
    assert!(a.fits() && b.fits(), "matrix slice too short");
    let fits = |len: usize| m == 0 || n == 0 || ((m - 1) * ldc + n <= len && n <= ldc);
    assert!(fits(c.len()), "C slice too short");
    assert!(act.as_ref().is_none_or(|o| fits(o.len())), "activation slice too short");
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        // no block to add: C is 0 (or stays as it is), then the activation
        for i in 0..m {
            let row = &mut c[i * ldc..i * ldc + n];
            if !accumulate {
                row.fill(0.0);
            }
            match act.as_deref_mut() {
                Some(o) => epilogue.apply(row, &mut o[i * ldc..i * ldc + n]),
                None => epilogue.apply_in_place(row),
            }
        }
        return;
    }
    let n_panels = n.div_ceil(NR);
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
        // C's first block goes in as 0 + block (what adding it to a zeroed C gives, -0 included)
        // without zeroing C first; the activation runs on a block of MC rows once its last
        // block of the inner dimension is in (tens of kilobytes, still in cache).
        let first = p0 == 0 && !accumulate;
        let last = p0 + kc == k;
        pack_b(&b, p0, kc, n, &mut scratch.b);
        for i0 in (0..m).step_by(MC) {
            let mc = MC.min(m - i0);
            pack_a(&a, i0, mc, p0, kc, &mut scratch.a);
            for ip in 0..mc.div_ceil(MR) {
                let ap = &scratch.a[ip * MR * kc..(ip + 1) * MR * kc];
                let rows = MR.min(mc - ip * MR);
                for jp in 0..n_panels {
                    let bp = &scratch.b[jp * NR * kc..(jp + 1) * NR * kc];
                    let cols = NR.min(n - jp * NR);
                    let mut acc = [[0.0f32; NR]; MR];
                    kernel(kc, ap, bp, &mut acc);
                    let (ci, cj) = (i0 + ip * MR, jp * NR);
                    for (r, row) in acc.iter().enumerate().take(rows) {
                        let at = (ci + r) * ldc + cj;
                        let out = &mut c[at..at + cols];
                        if first {
                            for (o, v) in out.iter_mut().zip(row) {
                                *o = 0.0 + *v;
                            }
                        } else {
                            for (o, v) in out.iter_mut().zip(row) {
                                *o += *v;
                            }
                        }
                    }
                }
            }
            // the block of rows is complete and still in cache: its activation, a row at a time
            if last && epilogue != Epilogue::None {
                for i in i0..i0 + mc {
                    let row = &mut c[i * ldc..i * ldc + n];
                    match act.as_deref_mut() {
                        Some(o) => epilogue.apply(row, &mut o[i * ldc..i * ldc + n]),
                        None => epilogue.apply_in_place(row),
                    }
                }
            }
        }
    }
}

/// Packs rows `p0..p0+kc` of B into panels of NR columns: panel j holds, for each p, the NR values
/// `B[p][j*NR..j*NR+NR]` (zero beyond n).
fn pack_b(b: &MatRef, p0: usize, kc: usize, n: usize, out: &mut Vec<f32>) {
    let panels = n.div_ceil(NR);
    out.clear();
    out.resize(panels * NR * kc, 0.0);
    for jp in 0..panels {
        let dst = &mut out[jp * NR * kc..(jp + 1) * NR * kc];
        let cols = NR.min(n - jp * NR);
        // Walk the stored matrix along its rows, so the reads are contiguous either way.
        if b.transposed {
            for c in 0..cols {
                for p in 0..kc {
                    dst[p * NR + c] = b.at(p0 + p, jp * NR + c);
                }
            }
        } else {
            for p in 0..kc {
                for c in 0..cols {
                    dst[p * NR + c] = b.at(p0 + p, jp * NR + c);
                }
            }
        }
    }
}

/// Packs rows `i0..i0+mc`, columns `p0..p0+kc` of A into panels of MR rows: panel i holds, for
/// each p, the MR values `A[i*MR..i*MR+MR][p]` (zero beyond mc).
fn pack_a(a: &MatRef, i0: usize, mc: usize, p0: usize, kc: usize, out: &mut Vec<f32>) {
    let panels = mc.div_ceil(MR);
    out.clear();
    out.resize(panels * MR * kc, 0.0);
    for ip in 0..panels {
        let dst = &mut out[ip * MR * kc..(ip + 1) * MR * kc];
        let rows = MR.min(mc - ip * MR);
        // Walk the stored matrix along its rows, so the reads are contiguous either way.
        if a.transposed {
            for p in 0..kc {
                for r in 0..rows {
                    dst[p * MR + r] = a.at(i0 + ip * MR + r, p0 + p);
                }
            }
        } else {
            for r in 0..rows {
                for p in 0..kc {
                    dst[p * MR + r] = a.at(i0 + ip * MR + r, p0 + p);
                }
            }
        }
    }
}

/// The MR x NR micro-kernel, SIMD128: for each p, two vectors of B and a broadcast of each A value.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
fn kernel(kc: usize, ap: &[f32], bp: &[f32], acc: &mut [[f32; NR]; MR]) {
    use core::arch::wasm32::*;
    assert!(ap.len() >= kc * MR && bp.len() >= kc * NR);
    let z = f32x4_splat(0.0);
    let mut c = [[z; 2]; MR];
    // SAFETY: the assert above keeps every load within the slices (p < kc); v128_load accepts
    // unaligned addresses.
    unsafe {
        for p in 0..kc {
            let b0 = v128_load(bp.as_ptr().add(p * NR) as *const v128);
            let b1 = v128_load(bp.as_ptr().add(p * NR + 4) as *const v128);
            let a = ap.as_ptr().add(p * MR);
            for (r, cr) in c.iter_mut().enumerate() {
                let av = f32x4_splat(*a.add(r));
                cr[0] = f32x4_add(cr[0], f32x4_mul(av, b0));
                cr[1] = f32x4_add(cr[1], f32x4_mul(av, b1));
            }
        }
        for (r, cr) in c.iter().enumerate() {
            v128_store(acc[r].as_mut_ptr() as *mut v128, cr[0]);
            v128_store(acc[r].as_mut_ptr().add(4) as *mut v128, cr[1]);
        }
    }
}

/// The MR x NR micro-kernel, scalar: the same products added in the same order as the SIMD one.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
#[inline(always)]
fn kernel(kc: usize, ap: &[f32], bp: &[f32], acc: &mut [[f32; NR]; MR]) {
    for p in 0..kc {
        let b: &[f32; NR] = bp[p * NR..p * NR + NR].try_into().expect("packed B panel");
        let a: &[f32; MR] = ap[p * MR..p * MR + MR].try_into().expect("packed A panel");
        for r in 0..MR {
            for j in 0..NR {
                acc[r][j] += a[r] * b[j];
            }
        }
    }
}

/// The definition sgemm must equal bit for bit: a triple loop that sums each element in KC blocks,
/// each block from 0 in order of p, the blocks added in turn. Slow; for tests and checks (the
/// browser test compares the SIMD kernel with it).
pub fn sgemm_reference(a: MatRef, b: MatRef) -> Vec<f32> {
    naive(&a, &b)
}

fn naive(a: &MatRef, b: &MatRef) -> Vec<f32> {
    let (m, k, n) = (a.rows, a.cols, b.cols);
    let mut c = vec![0.0f32; m * n];
    for i in 0..m {
        for j in 0..n {
            for p0 in (0..k).step_by(KC) {
                let mut s = 0.0f32;
                for p in p0..(p0 + KC).min(k) {
                    s += a.at(i, p) * b.at(p, j);
                }
                c[i * n + j] += s;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests;
