//! 2-D toy data sets after TensorFlow Playground's (`dataset.ts`, Apache-2.0: classification
//! circle, xor, two gaussians, spiral; regression plane and gaussians), plus scikit-learn's
//! `make_moons`. `noise` is Playground's 0..50% slider as a share in [0, 0.5].
//!
//! * circle: half the points at radius U(0, 2.5), half at U(3.5, 5), uniform angle; the class is
//!   "inside radius 2.5" judged at the point displaced by `U(-5, 5) * noise` per coordinate (so
//!   noise flips labels near the boundary; the point itself is not moved).
//! * xor: coordinates U(-5, 5) pushed 0.3 away from the axes; class `x y >= 0` judged at the
//!   displaced point, as for the circle.
//! * two gaussians: centres (2, 2) and (-2, -2), variance from 0.5 (noise 0) to 4 (noise 0.5).
//! * spiral: two arms `r = 5 i / n`, `t = 1.75 * 2 pi i / n (+ pi)`, each coordinate plus
//!   `U(-1, 1) * noise`.
//! * moons: `(cos t, sin t)` and `(1 - cos t, 0.5 - sin t)` for t evenly spaced on [0, pi], plus
//!   N(0, noise^2) per coordinate (`make_moons`).
//! * plane (regression): `y = (x0 + x1) / 10` judged at the displaced point, inputs U(-6, 6).
//! * gaussians (regression): six signed cones of radius 2 at (+-4 or 0, +-2.5); the value is the
//!   cone of largest magnitude, `sign * max(0, 1 - d / 2)`.
//!
//! Class 1 is Playground's positive (orange-blue: +1), class 0 its negative (-1).
use super::dataset::{Dataset, Task};
use crate::core::math::rng::{standard_normal, uniform};
use crate::core::named::named;
use rand::RngExt;
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// Most points generated: 10,000.
pub const MAX_SAMPLES: usize = 10_000;

/// Which set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// A disc inside a ring. The default.
    #[default]
    Circle,
    /// Four quadrants.
    Xor,
    /// Two Gaussian blobs.
    Gaussians,
    /// Two interleaved spiral arms.
    Spiral,
    /// Two interleaving half circles.
    Moons,
    /// Regression: a tilted plane.
    Plane,
    /// Regression: six signed bumps.
    Bumps,
}

named!(Shape {
    Circle => "circle",
    Xor => "xor",
    Gaussians => "gaussians",
    Spiral => "spiral",
    Moons => "moons",
    Plane => "plane",
    Bumps => "bumps",
});

impl Shape {
    /// Whether targets are values rather than classes.
    pub fn is_regression(self) -> bool {
        matches!(self, Shape::Plane | Shape::Bumps)
    }
}

/// Settings of a generated set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SyntheticConfig {
    /// The set. Default circle.
    pub shape: Shape,
    /// Points, 2..=[`MAX_SAMPLES`]. Default 500 (Playground's).
    pub samples: usize,
    /// Noise share in [0, 0.5]. Default 0.
    pub noise: f64,
}

impl Default for SyntheticConfig {
    fn default() -> Self {
        SyntheticConfig {
            shape: Shape::Circle,
            samples: 500,
            noise: 0.0,
        }
    }
}

impl SyntheticConfig {
    /// Checks the settings, then draws the points from `rng`.
    pub fn generate<R: RngExt + ?Sized>(&self, rng: &mut R) -> Result<Dataset, String> {
        if !(2..=MAX_SAMPLES).contains(&self.samples) {
            return Err(format!("samples must be in 2..={MAX_SAMPLES}, got {}", self.samples));
        }
        if !(0.0..=0.5).contains(&self.noise) {
            return Err(format!("noise must be in [0, 0.5], got {}", self.noise));
        }
        let (n, noise) = (self.samples, self.noise);
        let mut x = Vec::with_capacity(2 * n);
        let mut y = Vec::with_capacity(n);
        let mut push = |a: f64, b: f64, t: f64| {
            x.extend([a, b]);
            y.push(t);
        };
        let cls = |positive: bool| if positive { 1.0 } else { 0.0 };
        match self.shape {
            Shape::Circle => {
                for i in 0..n {
                    let r = if i < n / 2 {
                        uniform(rng, 0.0, 2.5)
                    } else {
                        uniform(rng, 3.5, 5.0)
                    };
                    let angle = uniform(rng, 0.0, 2.0 * PI);
                    let (a, b) = (r * angle.sin(), r * angle.cos());
                    let (na, nb) = (uniform(rng, -5.0, 5.0) * noise, uniform(rng, -5.0, 5.0) * noise);
                    push(a, b, cls((a + na).hypot(b + nb) < 2.5));
                }
            }
            Shape::Xor => {
                for _ in 0..n {
                    let away = |v: f64| v + if v > 0.0 { 0.3 } else { -0.3 };
                    let (a, b) = (away(uniform(rng, -5.0, 5.0)), away(uniform(rng, -5.0, 5.0)));
                    let (na, nb) = (uniform(rng, -5.0, 5.0) * noise, uniform(rng, -5.0, 5.0) * noise);
                    push(a, b, cls((a + na) * (b + nb) >= 0.0));
                }
            }
            Shape::Gaussians => {
                let std = (0.5 + 3.5 * noise / 0.5).sqrt();
                for i in 0..n {
                    let (c, t) = if i < n / 2 { (2.0, 1.0) } else { (-2.0, 0.0) };
                    push(c + std * standard_normal(rng), c + std * standard_normal(rng), t);
                }
            }
            Shape::Spiral => {
                let half = n / 2;
                for i in 0..n {
                    let (k, delta, t) = if i < half { (i, 0.0, 1.0) } else { (i - half, PI, 0.0) };
                    let len = if i < half { half } else { n - half } as f64;
                    let r = k as f64 / len * 5.0;
                    let angle = 1.75 * k as f64 / len * 2.0 * PI + delta;
                    let a = r * angle.sin() + uniform(rng, -1.0, 1.0) * noise;
                    let b = r * angle.cos() + uniform(rng, -1.0, 1.0) * noise;
                    push(a, b, t);
                }
            }
            Shape::Moons => {
                let outer = n / 2;
                let inner = n - outer;
                let step = |k: usize, len: usize| if len > 1 { PI * k as f64 / (len - 1) as f64 } else { 0.0 };
                for k in 0..outer {
                    let t = step(k, outer);
                    push(
                        t.cos() + noise * standard_normal(rng),
                        t.sin() + noise * standard_normal(rng),
                        0.0,
                    );
                }
                for k in 0..inner {
                    let t = step(k, inner);
                    let (a, b) = (1.0 - t.cos(), 0.5 - t.sin());
                    push(a + noise * standard_normal(rng), b + noise * standard_normal(rng), 1.0);
                }
            }
            Shape::Plane | Shape::Bumps => {
                for _ in 0..n {
                    let (a, b) = (uniform(rng, -6.0, 6.0), uniform(rng, -6.0, 6.0));
                    let (na, nb) = (uniform(rng, -6.0, 6.0) * noise, uniform(rng, -6.0, 6.0) * noise);
                    let (pa, pb) = (a + na, b + nb);
                    let t = if self.shape == Shape::Plane {
                        (pa + pb) / 10.0
                    } else {
                        bumps(pa, pb)
                    };
                    push(a, b, t);
                }
            }
        }
        let task = if self.shape.is_regression() {
            Task::Regression
        } else {
            Task::Classification { classes: 2 }
        };
        Ok(Dataset {
            x,
            y,
            features: 2,
            task,
        })
    }
}

/// Playground's regression "gaussians": the signed cone of largest magnitude at (a, b).
pub fn bumps(a: f64, b: f64) -> f64 {
    const CONES: [(f64, f64, f64); 6] = [
        (-4.0, 2.5, 1.0),
        (0.0, 2.5, -1.0),
        (4.0, 2.5, 1.0),
        (-4.0, -2.5, -1.0),
        (0.0, -2.5, 1.0),
        (4.0, -2.5, -1.0),
    ];
    let mut label: f64 = 0.0;
    for (cx, cy, sign) in CONES {
        let v = sign * (1.0 - (a - cx).hypot(b - cy) / 2.0).max(0.0);
        if v.abs() > label.abs() {
            label = v;
        }
    }
    label
}
