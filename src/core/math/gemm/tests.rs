//! The SGEMM against its definition (the triple loop in KC blocks), bit for bit, and the fused
//! activation against the product followed by the activation.
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

#[test]
fn the_fused_activation_equals_the_product_then_the_activation_bit_for_bit() {
    use crate::core::math::exp::{sigmoid, tanh};
    let mut scratch = GemmScratch::default();
    // odd shapes, several KC blocks (513), ragged panels (n = 10, 33), and k = 0
    for &(m, k, n) in &[(1, 1, 1), (7, 5, 10), (65, 513, 33), (100, 100, 100), (3, 0, 9)] {
        let a = filled(m * k, 5);
        // large weights, so the activations saturate too
        let b: Vec<f32> = filled(k * n, 6).iter().map(|v| 8.0 * v).collect();
        let (ar, br) = (MatRef::new(&a, m, k), MatRef::new(&b, k, n));
        let mut want = vec![0.0f32; m * n];
        sgemm(ar, br, &mut want, n, false, &mut scratch);
        for (epilogue, g) in [
            (Epilogue::Sigmoid, sigmoid::<f32> as fn(f32) -> f32),
            (Epilogue::Tanh, tanh),
        ] {
            let mut z = vec![7.0f32; m * n];
            let mut act = vec![7.0f32; m * n];
            sgemm_then(ar, br, &mut z, n, false, &mut scratch, epilogue, Some(&mut act));
            assert_eq!(z, want, "{m}x{k}x{n}: the product itself is unchanged");
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            let applied: Vec<f32> = want.iter().map(|&x| g(x)).collect();
            assert_eq!(bits(&act), bits(&applied), "{m}x{k}x{n} {epilogue:?}");
            let mut in_place = vec![7.0f32; m * n];
            sgemm_then(ar, br, &mut in_place, n, false, &mut scratch, epilogue, None);
            assert_eq!(bits(&in_place), bits(&applied), "{m}x{k}x{n} {epilogue:?} in place");
        }
    }
}

#[test]
fn the_fused_activation_applies_to_the_accumulated_product_inside_the_leading_dimension() {
    use crate::core::math::exp::sigmoid;
    let mut scratch = GemmScratch::default();
    let (m, k, n, ld) = (5, 300, 6, 9);
    let a = filled(m * k, 7);
    let b = filled(k * n, 8);
    let (ar, br) = (MatRef::new(&a, m, k), MatRef::new(&b, k, n));
    let mut c = vec![0.5f32; m * ld];
    let mut act = vec![9.0f32; m * ld];
    sgemm_then(
        ar,
        br,
        &mut c,
        ld,
        true,
        &mut scratch,
        Epilogue::Sigmoid,
        Some(&mut act),
    );
    for i in 0..m {
        for j in 0..ld {
            if j < n {
                assert_eq!(act[i * ld + j].to_bits(), sigmoid(c[i * ld + j]).to_bits());
            } else {
                assert_eq!(
                    (c[i * ld + j], act[i * ld + j]),
                    (0.5, 9.0),
                    "outside the leading dimension"
                );
            }
        }
    }
}
