//! `view=optima`'s descents (seed 001, "The problem of local optima": a saddle point does not stop
//! learning, but the ground around it is flat, so learning is very slow; momentum and Adam help
//! to leave). Two surfaces, each on a window twice as wide as high:
//! * plateau, x in [-6, 6], y in [-3, 3]: `f = 1 - exp(-(x^2/4 + y^2)/2)`: one minimum `f = 0`
//!   at the origin in a wide plateau where `f` is nearly 1 and the gradient nearly 0;
//! * saddle, x in [-3, 3], y in [-1.5, 1.5]: `f = x^2/2 + (y^2 - 1)^2/4`: a saddle at the origin
//!   (`f = 1/4`, curvatures 1 and -1) between two minima `f = 0` at `(0, +-1)`. From near the
//!   ridge `y = 0` a path first slides down to the saddle (x shrinks by `1 - lr` per step) and
//!   then crawls away from it (y grows by `1 + lr` per step): the closer to the ridge, the longer.
//!
//! Plain gradient descent, momentum (the heavy ball `v = mu v - lr g, w += v`, the DLFS form:
//! on a steady slope it reaches `1/(1 - mu)` times the plain step) and Adam (which divides each
//! coordinate's step by the root of its own mean squared gradient, so a tiny gradient still
//! gives a step near `lr`) start from the same point; each is [`crate::core::optim`]'s update
//! rule on two numbers. How long each stays on the flat ground is measured: the first step whose
//! loss is below halfway from the flat level (the saddle's value, the plateau's height) to the
//! minimum.
use crate::core::named::named;
use crate::core::optim::{Convention, OptimError, Optimizer, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};

/// The plateau's window `(x, y)`.
pub const PLATEAU_WINDOW: ((f64, f64), (f64, f64)) = ((-6.0, 6.0), (-3.0, 3.0));
/// The saddle's window `(x, y)`.
pub const SADDLE_WINDOW: ((f64, f64), (f64, f64)) = ((-3.0, 3.0), (-1.5, 1.5));
/// The most steps.
pub const MAX_STEPS: usize = 10_000;
/// A point beyond this magnitude counts as diverged.
pub const DIVERGENCE_LIMIT: f64 = 1e6;
/// The optimizers compared, in drawing order.
pub const RACERS: [OptimizerKind; 3] = [OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam];

/// Which surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlatKind {
    /// A wide plateau around one minimum. The default.
    Plateau,
    /// A saddle between two minima.
    Saddle,
}

named!(FlatKind {
    Plateau => "plateau",
    Saddle => "saddle",
});

impl FlatKind {
    /// `f(x, y)`.
    pub fn value(self, x: f64, y: f64) -> f64 {
        match self {
            FlatKind::Plateau => 1.0 - (-(x * x / 4.0 + y * y) / 2.0).exp(),
            FlatKind::Saddle => x * x / 2.0 + (y * y - 1.0).powi(2) / 4.0,
        }
    }

    /// `(df/dx, df/dy)`.
    pub fn grad(self, x: f64, y: f64) -> [f64; 2] {
        match self {
            FlatKind::Plateau => {
                let e = (-(x * x / 4.0 + y * y) / 2.0).exp();
                [x / 4.0 * e, y * e]
            }
            FlatKind::Saddle => [x, y * (y * y - 1.0)],
        }
    }

    /// The window `(x, y)` the surface is drawn on.
    pub fn window(self) -> ((f64, f64), (f64, f64)) {
        match self {
            FlatKind::Plateau => PLATEAU_WINDOW,
            FlatKind::Saddle => SADDLE_WINDOW,
        }
    }

    /// The default start: on the plateau, or just off the saddle's ridge.
    pub fn default_start(self) -> [f64; 2] {
        match self {
            FlatKind::Plateau => [-5.5, 1.0],
            FlatKind::Saddle => [-2.5, 0.001],
        }
    }

    /// The level of the flat ground: the saddle's value 1/4, the plateau's height 1.
    pub fn flat_level(self) -> f64 {
        match self {
            FlatKind::Plateau => 1.0,
            FlatKind::Saddle => 0.25,
        }
    }

    /// The minima's value (0 for both).
    pub fn min_level(self) -> f64 {
        0.0
    }

    /// The loss below which a path has left the flat ground: halfway to the minimum.
    pub fn escape_level(self) -> f64 {
        0.5 * (self.flat_level() + self.min_level())
    }

    /// The critical point the flat ground surrounds (the saddle; the plateau has none but its
    /// minimum).
    pub fn saddle(self) -> Option<[f64; 2]> {
        (self == FlatKind::Saddle).then_some([0.0, 0.0])
    }

    /// The minima.
    pub fn minima(self) -> Vec<[f64; 2]> {
        match self {
            FlatKind::Plateau => vec![[0.0, 0.0]],
            FlatKind::Saddle => vec![[0.0, 1.0], [0.0, -1.0]],
        }
    }
}

/// Settings of the descents.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FlatConfig {
    /// The surface. Default plateau.
    pub kind: FlatKind,
    /// The start. Default the surface's [`FlatKind::default_start`].
    pub start: [f64; 2],
    /// Steps. Default 500.
    pub steps: usize,
    /// Learning rate of gradient descent and momentum. Default 0.1.
    pub lr: f64,
    /// Momentum's mu, in [0, 1). Default 0.9.
    pub mu: f64,
    /// Adam's learning rate. Default 0.1.
    pub lr_adam: f64,
}

impl Default for FlatConfig {
    fn default() -> Self {
        FlatConfig {
            kind: FlatKind::Plateau,
            start: FlatKind::Plateau.default_start(),
            steps: 500,
            lr: 0.1,
            mu: 0.9,
            lr_adam: 0.1,
        }
    }
}

/// Which setting was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum FlatError {
    /// Too many steps.
    Steps(usize),
    /// The start is not finite.
    Start,
    /// The optimizer's own refusal, with the optimizer it is about.
    Optimizer(OptimizerKind, OptimError),
}

impl std::fmt::Display for FlatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FlatError::Steps(n) => write!(f, "at most {MAX_STEPS} steps, got {n}"),
            FlatError::Start => write!(f, "the start must be finite"),
            FlatError::Optimizer(k, e) => write!(f, "{}: {e}", k.name()),
        }
    }
}

impl std::error::Error for FlatError {}

/// One optimizer's path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FlatPath {
    /// The optimizer.
    pub kind: OptimizerKind,
    /// Its learning rate.
    pub lr: f64,
    /// Points visited, the start first.
    pub points: Vec<[f64; 2]>,
    /// The loss at each point.
    pub losses: Vec<f64>,
    /// The first step below the escape level, if any.
    pub escape: Option<usize>,
    /// The step at which it diverged (that point not kept), if it did.
    pub diverged_at: Option<usize>,
}

impl FlatPath {
    /// Steps before the escape whose loss is within `share` of the flat level (of its height
    /// above the minimum): how long the path crawls on the flat ground.
    pub fn flat_steps(&self, kind: FlatKind, share: f64) -> usize {
        let band = share * (kind.flat_level() - kind.min_level());
        let end = self.escape.unwrap_or(self.losses.len()).min(self.losses.len());
        self.losses[..end]
            .iter()
            .filter(|&&f| (f - kind.flat_level()).abs() <= band)
            .count()
    }
}

impl FlatConfig {
    /// The three optimizers, validated.
    pub fn optimizers(&self) -> Result<Vec<Optimizer>, FlatError> {
        RACERS
            .iter()
            .map(|&kind| {
                let lr = if kind == OptimizerKind::Adam {
                    self.lr_adam
                } else {
                    self.lr
                };
                let mut c = OptimizerConfig::new(kind, Convention::Dlfs, lr);
                if kind == OptimizerKind::Momentum {
                    c.beta1 = self.mu;
                }
                c.validate().map_err(|e| FlatError::Optimizer(kind, e))
            })
            .collect()
    }

    /// Runs the three optimizers from the start.
    pub fn run(&self) -> Result<Vec<FlatPath>, FlatError> {
        if self.steps > MAX_STEPS {
            return Err(FlatError::Steps(self.steps));
        }
        if !self.start.iter().all(|v| v.is_finite()) {
            return Err(FlatError::Start);
        }
        Ok(self.optimizers()?.iter().map(|o| self.descend(o)).collect())
    }

    fn descend(&self, o: &Optimizer) -> FlatPath {
        let kind = self.kind;
        let mut p = self.start;
        let mut state = o.init_state::<f64>(2);
        let first = kind.value(p[0], p[1]);
        let mut path = FlatPath {
            kind: o.kind(),
            lr: o.lr(),
            points: vec![p],
            losses: vec![first],
            escape: (first <= kind.escape_level()).then_some(0),
            diverged_at: None,
        };
        for t in 1..=self.steps {
            let g = kind.grad(p[0], p[1]);
            // lengths are 2 and t >= 1: the step cannot be refused
            let _ = o.step(&mut state, &mut p, &g, t as u64);
            let f = kind.value(p[0], p[1]);
            if !(f.is_finite() && p.iter().all(|v| v.abs() <= DIVERGENCE_LIMIT)) {
                path.diverged_at = Some(t);
                break;
            }
            path.points.push(p);
            path.losses.push(f);
            if path.escape.is_none() && f <= kind.escape_level() {
                path.escape = Some(t);
            }
        }
        path
    }
}
