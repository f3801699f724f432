//! Seeded randomness shared by every view.
//!
//! All views draw from [`StdRng`] seeded with [`seeded`], so a seed in the URL reproduces a figure
//! exactly, in native tests and in the browser alike (rand's `StdRng` is a portable ChaCha
//! generator: the same seed gives the same stream on every platform).
//!
//! Normal variates use the Box–Muller transform (Box & Muller, 1958):
//! `z = sqrt(-2 ln u1) * cos(2 pi u2)` with `u1, u2 ~ U(0, 1)`, `u1 > 0`.
use rand::{RngExt, SeedableRng};

pub use rand::rngs::StdRng;

/// A generator seeded from a view's `seed` parameter.
pub fn seeded(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}

/// One standard normal draw N(0, 1) by Box–Muller (the sine half is not kept, which keeps the
/// stream position a simple function of the number of draws).
pub fn standard_normal<R: RngExt + ?Sized>(rng: &mut R) -> f64 {
    loop {
        let u1: f64 = rng.random();
        let u2: f64 = rng.random();
        // u1 = 0 would give ln(0) = -inf; it has probability 2^-53 but must not poison a figure.
        if u1 > 0.0 {
            return (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
        }
    }
}

/// One draw from U(low, high).
pub fn uniform<R: RngExt + ?Sized>(rng: &mut R, low: f64, high: f64) -> f64 {
    let u: f64 = rng.random();
    low + (high - low) * u
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<f64> = (0..5).map(|_| standard_normal(&mut seeded(3))).collect();
        let mut r1 = seeded(3);
        let mut r2 = seeded(3);
        for _ in 0..100 {
            assert_eq!(standard_normal(&mut r1).to_bits(), standard_normal(&mut r2).to_bits());
        }
        assert!(a.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn normal_moments_within_standard_error() {
        // n = 20,000 draws: the sample mean has standard error 1/sqrt(n) ~ 0.0071, so 5 SE ~ 0.035;
        // the sample variance has standard error sqrt(2/n) ~ 0.01, so 5 SE ~ 0.05.
        let mut rng = seeded(11);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| standard_normal(&mut rng)).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.035, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "var {var}");
    }

    #[test]
    fn uniform_stays_in_range() {
        let mut rng = seeded(1);
        for _ in 0..10_000 {
            let x = uniform(&mut rng, -2.0, 3.0);
            assert!((-2.0..3.0).contains(&x));
        }
    }
}
