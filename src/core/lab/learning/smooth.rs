//! DLFS's `smooth_curve` (`common/util.py`), which both of its learning-curve scripts plot: each
//! point is a weighted mean of the 11 losses around it, with the weights of a Kaiser window of
//! `beta = 2` (`np.kaiser(11, 2)`, normalised to sum to 1), and the ends reflected (DLFS pads
//! with `x[10..1]` in front and `x[n-1..n-10]` behind, so the front mirrors around the first
//! point and the back repeats the last one).
//!
//! Kaiser window (Kaiser & Schafer 1980): `w[j] = I0(beta sqrt(1 - (2j/(N-1) - 1)^2)) / I0(beta)`,
//! `I0` the modified Bessel function of the first kind, order 0: `sum_k ((x/2)^k / k!)^2`.

/// Points averaged around each point.
pub const WINDOW: usize = 11;
/// The Kaiser window's shape parameter.
pub const BETA: f64 = 2.0;

/// `I0(x)` by its power series (to full precision for the small `x` here).
pub fn bessel_i0(x: f64) -> f64 {
    let q = x * x / 4.0;
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 1..60 {
        term *= q / (k * k) as f64;
        sum += term;
        if term < sum * 1e-17 {
            break;
        }
    }
    sum
}

/// The Kaiser window of `n` points and shape `beta` (`np.kaiser(n, beta)`).
pub fn kaiser(n: usize, beta: f64) -> Vec<f64> {
    if n == 1 {
        return vec![1.0];
    }
    (0..n)
        .map(|j| {
            let r = 2.0 * j as f64 / (n - 1) as f64 - 1.0;
            bessel_i0(beta * (1.0 - r * r).max(0.0).sqrt()) / bessel_i0(beta)
        })
        .collect()
}

/// `smooth_curve(x)`: the same length as `x`. Curves shorter than the window reflect within
/// themselves (DLFS needs 11 points; the partial curves of a run in progress may have fewer).
pub fn smooth_curve(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    if n == 0 {
        return Vec::new();
    }
    let w = kaiser(WINDOW, BETA);
    let total: f64 = w.iter().sum();
    let half = (WINDOW / 2) as isize;
    let at = |i: isize| -> f64 {
        let last = n as isize - 1;
        // DLFS's padding: x[-i] in front, x[2n-1-i] behind
        let j = if i < 0 {
            (-i).min(last)
        } else if i > last {
            (2 * n as isize - 1 - i).max(0)
        } else {
            i
        };
        x[j as usize]
    };
    (0..n as isize)
        .map(|k| {
            w.iter()
                .enumerate()
                .map(|(j, wj)| wj * at(k - half + j as isize))
                .sum::<f64>()
                / total
        })
        .collect()
}
