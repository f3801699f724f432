//! The cost of least squares in two weights as a quadratic bowl (seed 001, "Normalizing inputs":
//! elongated against round cost contours; "mini-batch gradient descent": the full-batch cost).
//!
//! `J(w) = 1/(2m) sum_i (w . x_i - y_i)^2 = 1/2 w^T H w - g^T w + c` with `H = X^T X / m`,
//! `g = X^T y / m`, `c = y^T y / (2m)`: three sums over the data, after which the cost and its
//! gradient `H w - g` anywhere cost a few multiplications.
//!
//! The shape of the bowl is the eigenvalues of `H` (closed form for a symmetric 2 x 2 matrix:
//! `lambda = tr/2 +- sqrt((h11 - h22)^2/4 + h12^2)`). Gradient descent `w <- w - alpha (H w - g)`
//! moves the error `e = w - w*` by `e <- (I - alpha H) e`, so along each eigenvector it is
//! multiplied by `1 - alpha lambda_i` per step: it converges exactly when `|1 - alpha lambda_i| < 1`
//! for both, i.e. `alpha < 2 / lambda_max`, and the slowest direction then shrinks by
//! `1 - alpha lambda_min`; the condition number `kappa = lambda_max / lambda_min` is how many times
//! slower the shallow direction is at the largest stable rate.
use serde::{Deserialize, Serialize};

/// A cost beyond this many times its start (above the minimum) counts as diverged.
pub const DIVERGENCE_FACTOR: f64 = 1e8;

/// `J(w) = 1/2 w^T H w - g^T w + c` over two weights.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quadratic {
    /// The Hessian `H` (symmetric).
    pub h: [[f64; 2]; 2],
    /// The linear term `g`.
    pub g: [f64; 2],
    /// The constant `c`.
    pub c: f64,
}

/// A gradient-descent path on a [`Quadratic`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Descent {
    /// The weights visited, the start first.
    pub points: Vec<[f64; 2]>,
    /// `J` at each point.
    pub costs: Vec<f64>,
    /// The step at which the cost passed [`DIVERGENCE_FACTOR`] times its start (that point is not
    /// kept), if it did.
    pub diverged_at: Option<usize>,
}

impl Quadratic {
    /// The least-squares cost of the rows `(x, y)` (their mean squared error over two).
    pub fn least_squares(rows: impl IntoIterator<Item = ([f64; 2], f64)>) -> Quadratic {
        let (mut h, mut g, mut c, mut m) = ([[0.0; 2]; 2], [0.0; 2], 0.0, 0usize);
        for (x, y) in rows {
            for a in 0..2 {
                for b in 0..2 {
                    h[a][b] += x[a] * x[b];
                }
                g[a] += x[a] * y;
            }
            c += y * y;
            m += 1;
        }
        let n = m.max(1) as f64;
        Quadratic {
            h: h.map(|r| r.map(|v| v / n)),
            g: g.map(|v| v / n),
            c: c / (2.0 * n),
        }
    }

    /// `J(w)`.
    pub fn value(&self, w: [f64; 2]) -> f64 {
        let hw = self.hw(w);
        0.5 * (w[0] * hw[0] + w[1] * hw[1]) - (self.g[0] * w[0] + self.g[1] * w[1]) + self.c
    }

    /// `grad J(w) = H w - g`.
    pub fn grad(&self, w: [f64; 2]) -> [f64; 2] {
        let hw = self.hw(w);
        [hw[0] - self.g[0], hw[1] - self.g[1]]
    }

    fn hw(&self, w: [f64; 2]) -> [f64; 2] {
        [
            self.h[0][0] * w[0] + self.h[0][1] * w[1],
            self.h[1][0] * w[0] + self.h[1][1] * w[1],
        ]
    }

    /// The eigenvalues of `H`, largest first (closed form of the symmetric 2 x 2 case).
    pub fn eigenvalues(&self) -> [f64; 2] {
        let [[a, b], [_, d]] = self.h;
        let mid = 0.5 * (a + d);
        let r = (0.25 * (a - d) * (a - d) + b * b).sqrt();
        // the smaller one as det / larger, which keeps its digits when it is tiny
        let big = mid + r;
        let small = if big != 0.0 { (a * d - b * b) / big } else { 0.0 };
        [big, small]
    }

    /// The condition number `lambda_max / lambda_min` (infinite when `H` is singular).
    pub fn condition(&self) -> f64 {
        let [big, small] = self.eigenvalues();
        if small > 0.0 {
            big / small
        } else {
            f64::INFINITY
        }
    }

    /// The largest learning rate gradient descent converges below: `2 / lambda_max`.
    pub fn max_stable_lr(&self) -> f64 {
        2.0 / self.eigenvalues()[0]
    }

    /// The minimiser `H^-1 g`, if `H` is positive definite.
    pub fn minimum(&self) -> Option<[f64; 2]> {
        let [[a, b], [_, d]] = self.h;
        let det = a * d - b * b;
        (det > 0.0 && a > 0.0).then(|| {
            [
                (d * self.g[0] - b * self.g[1]) / det,
                (a * self.g[1] - b * self.g[0]) / det,
            ]
        })
    }

    /// The smallest cost, `J(w*)` (`None` without a minimum).
    pub fn min_value(&self) -> Option<f64> {
        self.minimum().map(|w| self.value(w))
    }

    /// `steps` steps of gradient descent `w <- w - lr (H w - g)` from `start`; stops when the cost
    /// exceeds [`DIVERGENCE_FACTOR`] times its start above the minimum, or is no longer finite.
    pub fn descend(&self, start: [f64; 2], lr: f64, steps: usize) -> Descent {
        let floor = self.min_value().unwrap_or(0.0);
        let mut w = start;
        let first = self.value(w);
        let limit = floor + DIVERGENCE_FACTOR * (first - floor).abs().max(1e-12);
        let mut out = Descent {
            points: vec![w],
            costs: vec![first],
            diverged_at: None,
        };
        for t in 1..=steps {
            let g = self.grad(w);
            w = [w[0] - lr * g[0], w[1] - lr * g[1]];
            let j = self.value(w);
            if !(j.is_finite() && j <= limit && w.iter().all(|v| v.is_finite())) {
                out.diverged_at = Some(t);
                break;
            }
            out.points.push(w);
            out.costs.push(j);
        }
        out
    }
}

impl Descent {
    /// The first step whose cost is within `share` of the way from the minimum `floor` to the
    /// start (`J_t - floor <= share (J_0 - floor)`), if any.
    pub fn steps_to(&self, floor: f64, share: f64) -> Option<usize> {
        let first = self.costs.first().copied()?;
        let goal = floor + share * (first - floor);
        self.costs.iter().position(|&j| j <= goal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_round_bowl_has_condition_one_and_rate_two_over_lambda() {
        // J = (w1^2 + w2^2)/2: H = I, minimum at 0, eigenvalues 1 and 1
        let q = Quadratic {
            h: [[1.0, 0.0], [0.0, 1.0]],
            g: [0.0, 0.0],
            c: 0.0,
        };
        assert_eq!(q.eigenvalues(), [1.0, 1.0]);
        assert_eq!(q.condition(), 1.0);
        assert_eq!(q.max_stable_lr(), 2.0);
        // lr = 1 lands on the minimum in one step
        let d = q.descend([3.0, -4.0], 1.0, 3);
        assert_eq!(d.points[1], [0.0, 0.0]);
    }

    #[test]
    fn least_squares_sums_match_the_mean_squared_error() {
        let rows = [([1.0, 2.0], 3.0), ([-1.0, 0.5], 1.0), ([2.0, -1.0], 0.0)];
        let q = Quadratic::least_squares(rows);
        let w = [0.3, -0.7];
        let direct: f64 = rows
            .iter()
            .map(|(x, y)| (w[0] * x[0] + w[1] * x[1] - y).powi(2))
            .sum::<f64>()
            / 6.0;
        assert!((q.value(w) - direct).abs() < 1e-12);
    }
}
