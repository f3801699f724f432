//! `view=minibatch`'s experiment (seed 001, "mini-batch gradient descent"): batch gradient
//! descent (one update per pass over all `m` examples), mini-batch gradient descent (batches of
//! the chosen size, `ceil(m / size)` updates per epoch, the last batch smaller when the size does
//! not divide `m`) and stochastic gradient descent (batches of one) on the same least-squares
//! regression `y_hat = w1 x1 + w2 x2` with the same learning rate and start.
//!
//! Each epoch shuffles the examples (a seeded Fisher–Yates per method) and cuts them into
//! batches `X^{t}`; each iteration computes the batch's cost
//! `J^{t} = 1/(2|X^{t}|) sum_{i in X^{t}} (w . x_i - y_i)^2` at the current weights (what the notes
//! plot per iteration: noisy for small batches), then steps `w <- w - alpha grad J^{t}`. The cost
//! on the whole training set `J(w)` is the [`Quadratic`] of all rows, evaluated after every
//! iteration at no cost, and its minimum `w* = H^-1 g` is the closed form the three runs should
//! agree on.
//!
//! The data: `z ~ N(0, [[1, rho], [rho, 1]])`, `y = 2 z1 + z2 + noise * eps`, then the features
//! standardised and the target centred with the training statistics (so no bias is needed).
use crate::core::data::{Dataset, Scaler, Task};
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::named::named;
use crate::core::nn::trainer::shuffle;
use crate::core::quadratic::Quadratic;
use serde::{Deserialize, Serialize};

/// The most examples.
pub const MAX_EXAMPLES: usize = 20_000;
/// The most epochs.
pub const MAX_EPOCHS: usize = 1_000;
/// The most iterations of the stochastic run (`epochs x m`), so the whole record stays small.
pub const MAX_ITERATIONS: usize = 100_000;
/// The correlation of the features is in `[-MAX_RHO, MAX_RHO]`.
pub const MAX_RHO: f64 = 0.99;
/// The target noise is in `[0, MAX_NOISE]`.
pub const MAX_NOISE: f64 = 100.0;
/// A cost beyond this many times its start counts as diverged (the run stops).
pub const DIVERGENCE_FACTOR: f64 = 1e8;
/// The weights of the target on the features (before noise).
pub const TRUE_WEIGHTS: [f64; 2] = [2.0, 1.0];

/// The three ways of cutting the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// All `m` examples per update.
    Batch,
    /// The chosen batch size.
    MiniBatch,
    /// One example per update.
    Stochastic,
}

named!(Method {
    Batch => "batch",
    MiniBatch => "mini_batch",
    Stochastic => "stochastic",
});

/// Settings of the experiment.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MinibatchConfig {
    /// Training examples `m`. Default 1,000.
    pub examples: usize,
    /// The mini-batch size, in `1..=m`. Default 64.
    pub batch: usize,
    /// The learning rate of all three. Default 0.1.
    pub lr: f64,
    /// Epochs (passes over the data). Default 10.
    pub epochs: usize,
    /// Correlation of the two features. Default 0.7 (an elongated bowl).
    pub rho: f64,
    /// Standard deviation of the target noise. Default 1.
    pub noise: f64,
    /// Seed of the data and of the shuffles. Default 1.
    pub seed: u64,
    /// The start `(w1, w2)`. Default (-2, 3).
    pub start: [f64; 2],
    /// The target: a cost within this share of the start's distance to the minimum,
    /// `J(w) - J* <= target (J(w0) - J*)`, in (0, 1). Default 0.01.
    pub target: f64,
}

impl Default for MinibatchConfig {
    fn default() -> Self {
        MinibatchConfig {
            examples: 1000,
            batch: 64,
            lr: 0.1,
            epochs: 10,
            rho: 0.7,
            noise: 1.0,
            seed: 1,
            start: [-2.0, 3.0],
            target: 0.01,
        }
    }
}

/// Which setting was refused (each holds the value given).
#[derive(Clone, Debug, PartialEq)]
pub enum MinibatchError {
    /// Examples: 2 to [`MAX_EXAMPLES`].
    Examples(usize),
    /// The batch size: 1 to `m`.
    Batch(usize),
    /// The learning rate: finite and > 0.
    Lr(f64),
    /// Epochs: 1 to [`MAX_EPOCHS`], and `epochs x m` at most [`MAX_ITERATIONS`].
    Epochs(usize),
    /// The correlation.
    Rho(f64),
    /// The noise.
    Noise(f64),
    /// The start is not finite.
    Start,
    /// The target share, in (0, 1).
    Target(f64),
}

impl std::fmt::Display for MinibatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MinibatchError::Examples(n) => write!(f, "2 to {MAX_EXAMPLES} examples, got {n}"),
            MinibatchError::Batch(n) => write!(f, "the mini-batch size must be between 1 and m, got {n}"),
            MinibatchError::Lr(v) => write!(f, "the learning rate must be a finite number > 0, got {v}"),
            MinibatchError::Epochs(n) => write!(
                f,
                "1 to {MAX_EPOCHS} epochs and at most {MAX_ITERATIONS} stochastic iterations (epochs × m), got {n} epochs"
            ),
            MinibatchError::Rho(v) => write!(f, "the correlation must be in [-{MAX_RHO}, {MAX_RHO}], got {v}"),
            MinibatchError::Noise(v) => write!(f, "the noise must be in [0, {MAX_NOISE}], got {v}"),
            MinibatchError::Start => write!(f, "the start must be finite"),
            MinibatchError::Target(v) => write!(f, "the target share must be in (0, 1), got {v}"),
        }
    }
}

impl std::error::Error for MinibatchError {}

/// One method's run: plain data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Run {
    /// The method.
    pub method: Method,
    /// Its batch size.
    pub batch: usize,
    /// Iterations per epoch, `ceil(m / batch)`.
    pub per_epoch: usize,
    /// The weights: the start, then after each iteration.
    pub points: Vec<[f64; 2]>,
    /// The batch cost `J^{t}` of each iteration, at the weights before its step.
    pub batch_costs: Vec<f64>,
    /// The training cost `J(w)` at each point.
    pub costs: Vec<f64>,
    /// Examples seen at each point (0 at the start).
    pub seen: Vec<usize>,
    /// The first point (= iterations done) whose cost is at or below the target, if any.
    pub reached: Option<usize>,
    /// The iteration at which the run diverged (its point is not kept), if it did.
    pub diverged_at: Option<usize>,
}

impl Run {
    /// Iterations done.
    pub fn iterations(&self) -> usize {
        self.points.len() - 1
    }

    /// The root mean square of `J^{t} - J(w_t)` over the iterations: how far each batch's cost
    /// strays from the cost of all the data at the same weights (0 for batch descent).
    pub fn spread(&self) -> f64 {
        let n = self.batch_costs.len();
        if n == 0 {
            return 0.0;
        }
        let sum: f64 = (0..n).map(|t| (self.batch_costs[t] - self.costs[t]).powi(2)).sum();
        (sum / n as f64).sqrt()
    }

    /// The points of the last epoch (all of them when there is less than one).
    fn last_epoch(&self) -> &[[f64; 2]] {
        let k = self.per_epoch.min(self.iterations()).max(1);
        &self.points[self.points.len() - k..]
    }

    /// The mean of the weights over the last epoch.
    pub fn mean_last_epoch(&self) -> [f64; 2] {
        let pts = self.last_epoch();
        let n = pts.len() as f64;
        [
            pts.iter().map(|p| p[0]).sum::<f64>() / n,
            pts.iter().map(|p| p[1]).sum::<f64>() / n,
        ]
    }

    /// The mean distance of the weights to `optimum` over the last epoch (how much they wander).
    pub fn wander(&self, optimum: [f64; 2]) -> f64 {
        let pts = self.last_epoch();
        pts.iter()
            .map(|p| ((p[0] - optimum[0]).powi(2) + (p[1] - optimum[1]).powi(2)).sqrt())
            .sum::<f64>()
            / pts.len() as f64
    }

    /// The training cost at the end of each epoch, the start first (`None` past a divergence).
    pub fn epoch_costs(&self) -> Vec<f64> {
        let mut out = Vec::new();
        let mut t = 0;
        while t < self.costs.len() {
            out.push(self.costs[t]);
            t += self.per_epoch;
        }
        out
    }
}

/// The computed experiment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MinibatchStudy {
    /// Its settings.
    pub config: MinibatchConfig,
    /// The training rows after standardising (features) and centring (target).
    pub data: Dataset,
    /// The training cost over `(w1, w2)`.
    pub cost: Quadratic,
    /// Its minimiser `w*`.
    pub optimum: [f64; 2],
    /// `J(w*)`.
    pub min_cost: f64,
    /// The target cost `J* + target (J(w0) - J*)`.
    pub target_cost: f64,
    /// Batch, mini-batch and stochastic, in that order.
    pub runs: Vec<Run>,
}

impl MinibatchConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), MinibatchError> {
        if !(2..=MAX_EXAMPLES).contains(&self.examples) {
            return Err(MinibatchError::Examples(self.examples));
        }
        if !(1..=self.examples).contains(&self.batch) {
            return Err(MinibatchError::Batch(self.batch));
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(MinibatchError::Lr(self.lr));
        }
        if !(1..=MAX_EPOCHS).contains(&self.epochs) || self.epochs * self.examples > MAX_ITERATIONS {
            return Err(MinibatchError::Epochs(self.epochs));
        }
        if !(0.0..=MAX_RHO).contains(&self.rho.abs()) {
            return Err(MinibatchError::Rho(self.rho));
        }
        if !(0.0..=MAX_NOISE).contains(&self.noise) {
            return Err(MinibatchError::Noise(self.noise));
        }
        if !self.start.iter().all(|v| v.is_finite()) {
            return Err(MinibatchError::Start);
        }
        if !(self.target > 0.0 && self.target < 1.0) {
            return Err(MinibatchError::Target(self.target));
        }
        Ok(())
    }

    /// The batch size of `method` on `m` examples.
    pub fn batch_of(&self, method: Method) -> usize {
        match method {
            Method::Batch => self.examples,
            Method::MiniBatch => self.batch,
            Method::Stochastic => 1,
        }
    }

    /// Draws the data and runs the three methods.
    pub fn run(&self) -> Result<MinibatchStudy, MinibatchError> {
        self.validate()?;
        let data = self.data();
        let cost = Quadratic::least_squares((0..data.rows()).map(|i| ([data.row(i)[0], data.row(i)[1]], data.y[i])));
        // the features are standardised, so H is their correlation matrix: positive definite
        // for |rho| <= 0.99 unless the sample is degenerate (two rows); then the start stands in
        let optimum = cost.minimum().unwrap_or(self.start);
        let min_cost = cost.value(optimum);
        let target_cost = min_cost + self.target * (cost.value(self.start) - min_cost);
        let runs = Method::ALL
            .iter()
            .enumerate()
            .map(|(k, &m)| self.descend(&data, &cost, m, target_cost, k as u64))
            .collect();
        Ok(MinibatchStudy {
            config: *self,
            data,
            cost,
            optimum,
            min_cost,
            target_cost,
            runs,
        })
    }

    /// The training rows: drawn, then standardised and centred.
    fn data(&self) -> Dataset {
        let mut rng = seeded(self.seed);
        let tail = (1.0 - self.rho * self.rho).sqrt();
        let (mut x, mut y) = (Vec::with_capacity(2 * self.examples), Vec::with_capacity(self.examples));
        for _ in 0..self.examples {
            let z1 = standard_normal(&mut rng);
            let z2 = self.rho * z1 + tail * standard_normal(&mut rng);
            x.extend([z1, z2]);
            y.push(TRUE_WEIGHTS[0] * z1 + TRUE_WEIGHTS[1] * z2 + self.noise * standard_normal(&mut rng));
        }
        let mut data = Dataset {
            x,
            y,
            features: 2,
            task: Task::Regression,
        };
        Scaler::standardize(&data).apply(&mut data);
        let mean = data.y.iter().sum::<f64>() / data.rows() as f64;
        data.y.iter_mut().for_each(|v| *v -= mean);
        data
    }

    /// One method's run; `k` picks its shuffle stream.
    fn descend(&self, data: &Dataset, cost: &Quadratic, method: Method, target_cost: f64, k: u64) -> Run {
        let m = data.rows();
        let batch = self.batch_of(method);
        let per_epoch = m.div_ceil(batch);
        let total = per_epoch * self.epochs;
        let mut rng = seeded(self.seed.wrapping_add(1 + k));
        let mut w = self.start;
        let first = cost.value(w);
        let limit = DIVERGENCE_FACTOR * first.abs().max(1e-12);
        let mut run = Run {
            method,
            batch,
            per_epoch,
            points: Vec::with_capacity(total + 1),
            batch_costs: Vec::with_capacity(total),
            costs: Vec::with_capacity(total + 1),
            seen: Vec::with_capacity(total + 1),
            reached: (first <= target_cost).then_some(0),
            diverged_at: None,
        };
        run.points.push(w);
        run.costs.push(first);
        run.seen.push(0);
        let mut order: Vec<usize> = (0..m).collect();
        let mut seen = 0;
        'epochs: for _ in 0..self.epochs {
            // a full batch is the same sum in any order
            if batch < m {
                shuffle(&mut order, &mut rng);
            }
            for chunk in order.chunks(batch) {
                let (mut g, mut j) = ([0.0; 2], 0.0);
                for &i in chunk {
                    let x = data.row(i);
                    let r = w[0] * x[0] + w[1] * x[1] - data.y[i];
                    g[0] += r * x[0];
                    g[1] += r * x[1];
                    j += r * r;
                }
                let n = chunk.len() as f64;
                w = [w[0] - self.lr * g[0] / n, w[1] - self.lr * g[1] / n];
                seen += chunk.len();
                let now = cost.value(w);
                if !(now.is_finite() && now <= limit) {
                    run.diverged_at = Some(run.points.len());
                    break 'epochs;
                }
                // the whole set's batch cost is J itself: the closed form's value at the same
                // weights, so batch descent shows no rounding noise
                let before = run.costs[run.costs.len() - 1];
                run.batch_costs
                    .push(if chunk.len() == m { before } else { j / (2.0 * n) });
                run.points.push(w);
                run.costs.push(now);
                run.seen.push(seen);
                if run.reached.is_none() && now <= target_cost {
                    run.reached = Some(run.points.len() - 1);
                }
            }
        }
        run
    }
}
