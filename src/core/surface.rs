//! Two-dimensional loss surfaces on which optimizers race (seed 001: local optima, saddle points
//! and plateaus; seed 004 / DLFS `optimizer_compare_naive`: the elongated bowl).
//!
//! Every surface lives on the same window x in [-10, 10], y in [-5, 5], so one start point (the
//! DLFS start (-7, 2) by default) is meaningful on all of them:
//! * bowl: `f = x^2/20 + y^2` (DLFS), gradient `(x/10, 2y)`; curvatures 0.1 and 2 (condition 20);
//! * rotated: `f = (u^2/c + w^2)` with `(u, w)` the coordinates turned by 30 degrees, so the
//!   curvatures are `2/c` and 2 (condition number `c`, the bowl again at c = 20 and 0 degrees);
//! * Rosenbrock (1960), `F = (1 - X)^2 + 100 (Y - X^2)^2` scaled into the window with
//!   `X = x/5`, `Y = y/2.5 + 1` (minimum 0 at (5, 0));
//! * saddle: `f = (x^2 - y^2)/20`, a single saddle point at the origin, unbounded below;
//! * several minima: `f = x^2/20 + y^2/5 + 1.5 (1 - cos(0.9x) cos(1.2y))`, global minimum 0 at
//!   the origin and local minima near `x = ±7`, `y = ±5.2`.
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// The window every surface is drawn on: x range.
pub const X_RANGE: (f64, f64) = (-10.0, 10.0);
/// The window every surface is drawn on: y range.
pub const Y_RANGE: (f64, f64) = (-5.0, 5.0);
/// The rotated quadratic's angle, in degrees.
pub const ROTATION_DEG: f64 = 30.0;
/// The largest condition number of the rotated quadratic (the smallest is 1, a round bowl).
pub const MAX_CONDITION: f64 = 1e4;

/// Which surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SurfaceKind {
    /// `x^2/20 + y^2`. The default.
    Bowl,
    /// A quadratic with condition number `condition`, turned by 30 degrees.
    Rotated,
    /// Rosenbrock's banana valley, scaled into the window.
    Rosenbrock,
    /// `(x^2 - y^2)/20`.
    Saddle,
    /// A bowl with ripples: one global and several local minima.
    Multimodal,
}

named!(SurfaceKind {
    Bowl => "bowl",
    Rotated => "rotated",
    Rosenbrock => "rosenbrock",
    Saddle => "saddle",
    Multimodal => "multimodal",
});

/// Settings of a surface.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SurfaceConfig {
    /// The surface. Default [`SurfaceKind::Bowl`].
    pub kind: SurfaceKind,
    /// Condition number of the rotated quadratic, in [1, [`MAX_CONDITION`]]. Default 20 (the
    /// bowl's). Only the rotated surface reads it; every kind validates it.
    pub condition: f64,
}

impl Default for SurfaceConfig {
    fn default() -> Self {
        SurfaceConfig {
            kind: SurfaceKind::Bowl,
            condition: 20.0,
        }
    }
}

/// Why a [`SurfaceConfig`] was refused: its one checked field, `condition`, holds the value
/// given (outside [1, [`MAX_CONDITION`]] or not a number).
#[derive(Clone, Debug, PartialEq)]
pub struct SurfaceError(pub f64);

impl std::fmt::Display for SurfaceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the condition number must be in [1, {MAX_CONDITION}], got {}",
            self.0
        )
    }
}

impl std::error::Error for SurfaceError {}

impl SurfaceConfig {
    /// Checks the settings.
    pub fn validate(&self) -> Result<Surface, SurfaceError> {
        if !(1.0..=MAX_CONDITION).contains(&self.condition) {
            return Err(SurfaceError(self.condition));
        }
        let (sin, cos) = ROTATION_DEG.to_radians().sin_cos();
        Ok(Surface {
            kind: self.kind,
            shallow: 2.0 / self.condition,
            sin,
            cos,
        })
    }
}

/// A validated surface: value and gradient at any point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Surface {
    kind: SurfaceKind,
    /// Curvature along the rotated valley, `2 / condition`.
    shallow: f64,
    sin: f64,
    cos: f64,
}

impl Surface {
    /// The kind.
    pub fn kind(&self) -> SurfaceKind {
        self.kind
    }

    /// `f(x, y)`.
    pub fn value(&self, x: f64, y: f64) -> f64 {
        match self.kind {
            SurfaceKind::Bowl => x * x / 20.0 + y * y,
            SurfaceKind::Rotated => {
                let (u, w) = self.rotate(x, y);
                0.5 * (self.shallow * u * u + 2.0 * w * w)
            }
            SurfaceKind::Rosenbrock => {
                let (xx, yy) = (x / 5.0, y / 2.5 + 1.0);
                (1.0 - xx).powi(2) + 100.0 * (yy - xx * xx).powi(2)
            }
            SurfaceKind::Saddle => (x * x - y * y) / 20.0,
            SurfaceKind::Multimodal => x * x / 20.0 + y * y / 5.0 + 1.5 * (1.0 - (0.9 * x).cos() * (1.2 * y).cos()),
        }
    }

    /// `(df/dx, df/dy)` at `(x, y)`.
    pub fn grad(&self, x: f64, y: f64) -> [f64; 2] {
        match self.kind {
            SurfaceKind::Bowl => [x / 10.0, 2.0 * y],
            SurfaceKind::Rotated => {
                // f = (a u^2 + b w^2)/2 with u = c x + s y, w = -s x + c y:
                // df/dx = a u c - b w s, df/dy = a u s + b w c.
                let (u, w) = self.rotate(x, y);
                let (a, b) = (self.shallow, 2.0);
                [a * u * self.cos - b * w * self.sin, a * u * self.sin + b * w * self.cos]
            }
            SurfaceKind::Rosenbrock => {
                // chain rule through X = x/5, Y = y/2.5 + 1
                let (xx, yy) = (x / 5.0, y / 2.5 + 1.0);
                let d_x = -2.0 * (1.0 - xx) - 400.0 * xx * (yy - xx * xx);
                let d_y = 200.0 * (yy - xx * xx);
                [d_x / 5.0, d_y / 2.5]
            }
            SurfaceKind::Saddle => [x / 10.0, -y / 10.0],
            SurfaceKind::Multimodal => [
                x / 10.0 + 1.35 * (0.9 * x).sin() * (1.2 * y).cos(),
                0.4 * y + 1.8 * (0.9 * x).cos() * (1.2 * y).sin(),
            ],
        }
    }

    /// The global minimum `(x, y, f)`, if the surface has one (the saddle has none).
    pub fn minimum(&self) -> Option<(f64, f64, f64)> {
        match self.kind {
            SurfaceKind::Saddle => None,
            SurfaceKind::Rosenbrock => Some((5.0, 0.0, 0.0)),
            _ => Some((0.0, 0.0, 0.0)),
        }
    }

    fn rotate(&self, x: f64, y: f64) -> (f64, f64) {
        (self.cos * x + self.sin * y, -self.sin * x + self.cos * y)
    }
}
