//! `view=normalise`'s experiment (seed 001, "Normalizing inputs"): the same linear regression
//! `y_hat = w1 x1 + w2 x2 + b` on two features of very different scales, fitted on the raw
//! features and on the features transformed with the training set's statistics
//! `mu = 1/m sum x^(i)`, `sigma^2 = 1/m sum (x^(i) - mu)^2` (`x := (x - mu) / sigma`; the notes
//! write the division by `sigma^2`, but the standard deviation `sigma` is what makes the variance
//! one). The test set is transformed with the *training* mu and sigma, never its own.
//!
//! In each space the bias is held at its best value `b*` (the least-squares fit of all three
//! weights), so the cost is a bowl over `(w1, w2)` alone ([`Quadratic`]) with its minimum at the
//! fitted `(w1*, w2*)`; gradient descent runs on `(w1, w2)` from the same start with the same
//! learning rate in both spaces. Raw features give `H = E[x x^T]` (means and scales mixed in: an
//! elongated bowl, a tiny largest stable rate `2 / lambda_max`); standardised ones give the
//! correlation matrix `[[1, r], [r, 1]]`, eigenvalues `1 +- r`, condition `(1 + |r|) / (1 - |r|)`.
//!
//! The data: `x_j = mu_j + sigma_j z_j` with `corr(z1, z2) = rho` and
//! `y = 10 + 2 z1 + z2 + noise * eps` (so the standardised weights are near (2, 1) whatever the
//! scales, and the raw ones near `(2 / sigma1, 1 / sigma2)`).
use crate::core::data::Scaler;
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::named::named;
use crate::core::quadratic::{Descent, Quadratic};
use serde::{Deserialize, Serialize};

/// The most training or test rows.
pub const MAX_ROWS: usize = 5_000;
/// The most gradient-descent steps.
pub const MAX_STEPS: usize = 10_000;
/// Feature standard deviations are in `[MIN_SD, MAX_SD]`.
pub const MIN_SD: f64 = 1e-3;
/// See [`MIN_SD`].
pub const MAX_SD: f64 = 1e4;
/// Feature means are in `[-MAX_MEAN, MAX_MEAN]`.
pub const MAX_MEAN: f64 = 1e4;
/// The correlation of the features is in `[-MAX_RHO, MAX_RHO]`.
pub const MAX_RHO: f64 = 0.99;
/// The target noise is in `[0, MAX_NOISE]`.
pub const MAX_NOISE: f64 = 100.0;
/// The weights of the target on the standardised features (before noise) and its mean.
pub const TRUE_WEIGHTS: [f64; 2] = [2.0, 1.0];
/// See [`TRUE_WEIGHTS`].
pub const TRUE_MEAN: f64 = 10.0;

/// Which transform the second space applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transform {
    /// Both steps of the notes: `(x - mu) / sigma`. The default.
    Standardise,
    /// Zero-centring only: `x - mu`.
    Centre,
    /// Variance only: `x / sigma`.
    Scale,
}

named!(Transform {
    Standardise => "standardise",
    Centre => "centre",
    Scale => "scale",
});

/// Settings of the experiment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NormaliseConfig {
    /// The features' means. Default (5, 1).
    pub means: [f64; 2],
    /// The features' standard deviations. Default (2, 0.25): scales eight times apart.
    pub sds: [f64; 2],
    /// Correlation of the two features. Default 0 (the standardised bowl is then round).
    pub rho: f64,
    /// Standard deviation of the target's noise. Default 0.5.
    pub noise: f64,
    /// Training rows. Default 200.
    pub train: usize,
    /// Test rows. Default 50.
    pub test: usize,
    /// Seed of the data. Default 1.
    pub seed: u64,
    /// The second space. Default [`Transform::Standardise`].
    pub transform: Transform,
    /// The learning rate of both descents. Default 0.06 (just below the raw bowl's 2 / lambda_max).
    pub lr: f64,
    /// Steps of both descents. Default 100.
    pub steps: usize,
    /// The start `(w1, w2)` of both descents. Default (0, 0).
    pub start: [f64; 2],
}

impl Default for NormaliseConfig {
    fn default() -> Self {
        NormaliseConfig {
            means: [5.0, 1.0],
            sds: [2.0, 0.25],
            rho: 0.0,
            noise: 0.5,
            train: 200,
            test: 50,
            seed: 1,
            transform: Transform::Standardise,
            lr: 0.06,
            steps: 100,
            start: [0.0, 0.0],
        }
    }
}

/// Which setting was refused (each holds the value given).
#[derive(Clone, Debug, PartialEq)]
pub enum NormaliseError {
    /// A feature's mean (index, value).
    Mean(usize, f64),
    /// A feature's standard deviation (index, value).
    Sd(usize, f64),
    /// The correlation.
    Rho(f64),
    /// The noise.
    Noise(f64),
    /// Training rows: at least 3.
    Train(usize),
    /// Test rows: at least 1.
    Test(usize),
    /// The learning rate: finite and > 0.
    Lr(f64),
    /// Too many steps.
    Steps(usize),
    /// The start is not finite.
    Start,
    /// The training features are (numerically) collinear: no unique fit.
    Collinear,
}

impl std::fmt::Display for NormaliseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NormaliseError::Mean(i, v) => write!(
                f,
                "feature {} mean must be in [-{MAX_MEAN}, {MAX_MEAN}], got {v}",
                i + 1
            ),
            NormaliseError::Sd(i, v) => write!(f, "feature {} std must be in [{MIN_SD}, {MAX_SD}], got {v}", i + 1),
            NormaliseError::Rho(v) => write!(f, "the correlation must be in [-{MAX_RHO}, {MAX_RHO}], got {v}"),
            NormaliseError::Noise(v) => write!(f, "the noise must be in [0, {MAX_NOISE}], got {v}"),
            NormaliseError::Train(n) => write!(f, "3 to {MAX_ROWS} training rows, got {n}"),
            NormaliseError::Test(n) => write!(f, "1 to {MAX_ROWS} test rows, got {n}"),
            NormaliseError::Lr(v) => write!(f, "the learning rate must be a finite number > 0, got {v}"),
            NormaliseError::Steps(n) => write!(f, "at most {MAX_STEPS} steps, got {n}"),
            NormaliseError::Start => write!(f, "the start must be finite"),
            NormaliseError::Collinear => write!(f, "the training features are collinear: no unique fit"),
        }
    }
}

impl std::error::Error for NormaliseError {}

/// One feature space: the map applied to the features, the fit and the descent in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Space {
    /// `x' = (x - shift) * scale` per feature (learnt on the training rows).
    pub scaler: Scaler,
    /// The training features in this space.
    pub train: Vec<[f64; 2]>,
    /// The test features in this space (transformed with the training statistics).
    pub test: Vec<[f64; 2]>,
    /// The best bias `b*`, held fixed.
    pub bias: f64,
    /// The training cost over `(w1, w2)` with `b = b*`.
    pub cost: Quadratic,
    /// The least-squares weights `(w1*, w2*)`.
    pub optimum: [f64; 2],
    /// The smallest training cost, `J(w*)`.
    pub min_cost: f64,
    /// Gradient descent from the start.
    pub path: Descent,
    /// The test cost at the start and at the path's end.
    pub test_cost: [f64; 2],
}

/// Mean and population standard deviation of each feature.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Moments {
    /// `mu`.
    pub mean: [f64; 2],
    /// `sigma` (with `1/m`, as the notes write it).
    pub sd: [f64; 2],
}

/// The computed experiment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NormaliseStudy {
    /// Its settings.
    pub config: NormaliseConfig,
    /// The training targets.
    pub train_y: Vec<f64>,
    /// The test targets.
    pub test_y: Vec<f64>,
    /// The raw features.
    pub raw: Space,
    /// The transformed features.
    pub transformed: Space,
    /// The training statistics (what both sets are transformed with).
    pub train_moments: Moments,
    /// The raw test set's own statistics (never used to transform it).
    pub test_moments: Moments,
    /// The transformed test set's statistics (near, not at, 0 and 1).
    pub test_moments_after: Moments,
}

/// `mu` and `sigma` of each column of `points`.
pub fn moments(points: &[[f64; 2]]) -> Moments {
    let n = points.len().max(1) as f64;
    let mut mean = [0.0; 2];
    for p in points {
        mean[0] += p[0] / n;
        mean[1] += p[1] / n;
    }
    let mut var = [0.0; 2];
    for p in points {
        var[0] += (p[0] - mean[0]).powi(2) / n;
        var[1] += (p[1] - mean[1]).powi(2) / n;
    }
    Moments {
        mean,
        sd: var.map(f64::sqrt),
    }
}

impl NormaliseConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), NormaliseError> {
        for i in 0..2 {
            if !(0.0..=MAX_MEAN).contains(&self.means[i].abs()) {
                return Err(NormaliseError::Mean(i, self.means[i]));
            }
            if !(MIN_SD..=MAX_SD).contains(&self.sds[i]) {
                return Err(NormaliseError::Sd(i, self.sds[i]));
            }
        }
        if !(0.0..=MAX_RHO).contains(&self.rho.abs()) {
            return Err(NormaliseError::Rho(self.rho));
        }
        if !(0.0..=MAX_NOISE).contains(&self.noise) {
            return Err(NormaliseError::Noise(self.noise));
        }
        if !(3..=MAX_ROWS).contains(&self.train) {
            return Err(NormaliseError::Train(self.train));
        }
        if !(1..=MAX_ROWS).contains(&self.test) {
            return Err(NormaliseError::Test(self.test));
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(NormaliseError::Lr(self.lr));
        }
        if self.steps > MAX_STEPS {
            return Err(NormaliseError::Steps(self.steps));
        }
        if !self.start.iter().all(|v| v.is_finite()) {
            return Err(NormaliseError::Start);
        }
        Ok(())
    }

    /// Draws `n` rows: features and targets.
    fn draw(&self, rng: &mut crate::core::math::rng::StdRng, n: usize) -> (Vec<[f64; 2]>, Vec<f64>) {
        let tail = (1.0 - self.rho * self.rho).sqrt();
        (0..n)
            .map(|_| {
                let z1 = standard_normal(rng);
                let z2 = self.rho * z1 + tail * standard_normal(rng);
                let y = TRUE_MEAN + TRUE_WEIGHTS[0] * z1 + TRUE_WEIGHTS[1] * z2 + self.noise * standard_normal(rng);
                ([self.means[0] + self.sds[0] * z1, self.means[1] + self.sds[1] * z2], y)
            })
            .unzip()
    }

    /// Draws the data and computes both spaces.
    pub fn run(&self) -> Result<NormaliseStudy, NormaliseError> {
        self.validate()?;
        let mut rng = seeded(self.seed);
        let (train_x, train_y) = self.draw(&mut rng, self.train);
        let (test_x, test_y) = self.draw(&mut rng, self.test);
        let train_moments = moments(&train_x);
        let identity = Scaler {
            shift: vec![0.0; 2],
            scale: vec![1.0; 2],
        };
        let (mean, sd) = (train_moments.mean, train_moments.sd);
        let inverse = |s: f64| if s > 0.0 { 1.0 / s } else { 1.0 };
        let scaler = match self.transform {
            Transform::Standardise => Scaler {
                shift: mean.to_vec(),
                scale: sd.map(inverse).to_vec(),
            },
            Transform::Centre => Scaler {
                shift: mean.to_vec(),
                scale: vec![1.0; 2],
            },
            Transform::Scale => Scaler {
                shift: vec![0.0; 2],
                scale: sd.map(inverse).to_vec(),
            },
        };
        let raw = self.space(identity, &train_x, &train_y, &test_x, &test_y)?;
        let transformed = self.space(scaler, &train_x, &train_y, &test_x, &test_y)?;
        Ok(NormaliseStudy {
            config: *self,
            test_moments: moments(&test_x),
            test_moments_after: moments(&transformed.test),
            train_moments,
            train_y,
            test_y,
            raw,
            transformed,
        })
    }

    fn space(
        &self,
        scaler: Scaler,
        train_x: &[[f64; 2]],
        train_y: &[f64],
        test_x: &[[f64; 2]],
        test_y: &[f64],
    ) -> Result<Space, NormaliseError> {
        let map = |p: &[f64; 2]| {
            [
                (p[0] - scaler.shift[0]) * scaler.scale[0],
                (p[1] - scaler.shift[1]) * scaler.scale[1],
            ]
        };
        let train: Vec<[f64; 2]> = train_x.iter().map(map).collect();
        let test: Vec<[f64; 2]> = test_x.iter().map(map).collect();
        let (optimum, bias) = fit(&train, train_y).ok_or(NormaliseError::Collinear)?;
        let cost = Quadratic::least_squares(train.iter().zip(train_y).map(|(x, y)| (*x, y - bias)));
        let test_cost = Quadratic::least_squares(test.iter().zip(test_y).map(|(x, y)| (*x, y - bias)));
        let path = cost.descend(self.start, self.lr, self.steps);
        let end = path.points.last().copied().unwrap_or(self.start);
        Ok(Space {
            min_cost: cost.value(optimum),
            test_cost: [test_cost.value(self.start), test_cost.value(end)],
            scaler,
            train,
            test,
            bias,
            cost,
            optimum,
            path,
        })
    }
}

/// The least-squares fit `(w, b)` of `y ~ w . x + b` from the centred normal equations
/// `Cov(x) w = Cov(x, y)`, `b = mean(y) - w . mean(x)`; `None` when `Cov(x)` is singular.
pub fn fit(x: &[[f64; 2]], y: &[f64]) -> Option<([f64; 2], f64)> {
    let n = x.len().max(1) as f64;
    let m = moments(x);
    let ym = y.iter().sum::<f64>() / n;
    let (mut s, mut sy) = ([[0.0; 2]; 2], [0.0; 2]);
    for (p, &t) in x.iter().zip(y) {
        let d = [p[0] - m.mean[0], p[1] - m.mean[1]];
        for a in 0..2 {
            for b in 0..2 {
                s[a][b] += d[a] * d[b] / n;
            }
            sy[a] += d[a] * (t - ym) / n;
        }
    }
    let det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
    // NaN fails too: a singular or undefined moment matrix has no solution
    if det.is_nan() || det <= 1e-12 * s[0][0] * s[1][1] {
        return None;
    }
    let w = [
        (s[1][1] * sy[0] - s[0][1] * sy[1]) / det,
        (s[0][0] * sy[1] - s[1][0] * sy[0]) / det,
    ];
    Some((w, ym - w[0] * m.mean[0] - w[1] * m.mean[1]))
}
