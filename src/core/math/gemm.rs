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

/// Rows of A per micro-kernel.
pub const MR: usize = 4;
/// Columns of B per micro-kernel (two `f32x4` vectors).
pub const NR: usize = 8;
/// Inner-dimension block: a packed A panel (MR x KC) and B panel (KC x NR) stay in L1.
pub const KC: usize = 256;
/// Rows of A packed at once.
pub const MC: usize = 64;

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
    let (m, k, n) = (a.rows, a.cols, b.cols);
    assert_eq!(b.rows, k, "inner dimensions differ");
    assert!(a.fits() && b.fits(), "matrix slice too short");
    assert!(
        m == 0 || n == 0 || ((m - 1) * ldc + n <= c.len() && n <= ldc),
        "C slice too short"
    );
    if !accumulate {
        for i in 0..m {
            c[i * ldc..i * ldc + n].fill(0.0);
        }
    }
    if m == 0 || n == 0 || k == 0 {
        return;
    }
    let n_panels = n.div_ceil(NR);
    for p0 in (0..k).step_by(KC) {
        let kc = KC.min(k - p0);
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
                        let out = &mut c[(ci + r) * ldc + cj..(ci + r) * ldc + cj + cols];
                        for (o, v) in out.iter_mut().zip(row) {
                            *o += *v;
                        }
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
mod tests {
    use super::*;

    fn filled(len: usize, seed: u32) -> Vec<f32> {
        // a small LCG: deterministic values in [-1, 1)
        let mut x = seed;
        (0..len)
            .map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (x >> 8) as f32 / (1u32 << 23) as f32 - 1.0
            })
            .collect()
    }

    #[test]
    fn matches_the_triple_loop_bit_for_bit_on_odd_shapes() {
        let mut scratch = GemmScratch::default();
        for &(m, k, n) in &[
            (1, 1, 1),
            (3, 5, 7),
            (4, 8, 8),
            (17, 300, 9),
            (65, 513, 33),
            (128, 20, 100),
        ] {
            let a = filled(m * k, 1);
            let b = filled(k * n, 2);
            let (ar, br) = (MatRef::new(&a, m, k), MatRef::new(&b, k, n));
            let mut c = vec![7.0f32; m * n];
            sgemm(ar, br, &mut c, n, false, &mut scratch);
            assert_eq!(c, naive(&ar, &br), "{m}x{k}x{n}");
        }
    }

    #[test]
    fn transposed_operands_and_accumulation() {
        let mut scratch = GemmScratch::default();
        let (m, k, n) = (9, 270, 13);
        let at = filled(k * m, 3); // stored k x m, used as its transpose (m x k)
        let bt = filled(n * k, 4); // stored n x k, used as its transpose (k x n)
        let a = MatRef::new(&at, k, m).t();
        let b = MatRef::new(&bt, n, k).t();
        let mut c = vec![0.0f32; m * n];
        sgemm(a, b, &mut c, n, false, &mut scratch);
        let want = naive(&a, &b);
        assert_eq!(c, want);
        sgemm(a, b, &mut c, n, true, &mut scratch);
        // accumulation adds block by block, so it equals 2 * want up to rounding
        for (x, w) in c.iter().zip(&want) {
            assert!((x - 2.0 * w).abs() <= 1e-5 * w.abs().max(1.0), "{x} vs {}", 2.0 * w);
        }
    }

    #[test]
    fn writes_only_inside_the_leading_dimension() {
        let mut scratch = GemmScratch::default();
        let a = filled(6, 5);
        let b = filled(9, 6);
        // C is 2 x 3 inside a 2 x 5 buffer: columns 3 and 4 must stay untouched
        let mut c = vec![9.0f32; 10];
        sgemm(
            MatRef::new(&a, 2, 3),
            MatRef::new(&b, 3, 3),
            &mut c,
            5,
            false,
            &mut scratch,
        );
        assert_eq!(&c[3..5], &[9.0, 9.0]);
        assert_eq!(&c[8..10], &[9.0, 9.0]);
    }
}
