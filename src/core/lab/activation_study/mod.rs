//! What initialisation and batch norm do to each layer: DLFS's `weight_init_activation_histogram`
//! experiment (seed 004; also seeds 001 and 002 on vanishing/exploding signals).
//!
//! Input `X` (`samples x units`) ~ N(0, 1); `layers` dense layers of `units` units with no bias,
//! weights `W ~ N(0, std^2)` with the std of the chosen [`Init`]; each layer computes `z = a W`,
//! optionally batch-normalises `z` with the batch's own statistics (training mode, gamma 1,
//! beta 0, before the activation, Ioffe & Szegedy 2015), then `a = g(z)`. The same weights and
//! input serve both runs (without and with BN), so the difference is batch norm alone.
//!
//! The backward pass sends `dJ/da_L ~ N(0, 1)` back through the layers (`dz = da * g'(z)`, through
//! BN when on, `da_prev = dz W^T`) and records `|dJ/dz|` per layer: shrinking towards the input is
//! the vanishing gradient, growing is the exploding one.
//!
//! Computed in f32 with [`crate::core::math::gemm`], the sigmoid and tanh fused into the
//! products where no batch norm comes between (fast enough to redraw on every input at DLFS's
//! sizes). A study is a [`StudyJob`] of small tasks (`job.rs`), run at once ([`ActivationStudyConfig::run`])
//! or a little at a time by a view that keeps its old figure meanwhile. The named settings a
//! view offers (the studied activations, DLFS's initialisations, the direction) are in
//! `choices.rs`; the [`Histogram`] in `histogram.rs`; one layer's numbers in `stats.rs`.
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::nn::activation::Activation;
use crate::core::nn::init::Init;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

mod choices;
mod histogram;
mod job;
mod stats;
pub use choices::{Direction, NamedInit, STUDIED, STUDIED_IDS};
pub use histogram::Histogram;
pub use job::{StudyJob, PER_ELEMENT, PROGRESS_STEPS, ROWS, UNIT_FLOPS};
pub use stats::is_saturated;

/// Offset of the seed of the upstream-gradient stream.
pub const UPSTREAM_STREAM: u64 = 0x005e_ed0f_9a4d;

/// The most samples x units x layers the study computes (checked before allocating).
pub const MAX_CELLS: usize = 5_000_000;

/// Most input rows: 5,000.
pub const MAX_SAMPLES: usize = 5000;
/// Most units per layer: 500.
pub const MAX_UNITS: usize = 500;
/// Most layers: 10.
pub const MAX_LAYERS: usize = 10;
/// Most histogram bins: 200.
pub const MAX_BINS: usize = 200;

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivationStudyConfig {
    /// Rows of the input, 2..=[`MAX_SAMPLES`]. Default 1,000 (DLFS).
    pub samples: usize,
    /// Units of the input and of every layer, 1..=[`MAX_UNITS`]. Default 100 (DLFS).
    pub units: usize,
    /// Hidden layers, 1..=[`MAX_LAYERS`]. Default 5 (DLFS). With `samples` and `units`, at most
    /// [`MAX_CELLS`] activations in all.
    pub layers: usize,
    /// Activation of every layer. Default sigmoid (DLFS).
    pub activation: Activation,
    /// Weight initialisation. Default N(0, 1) (DLFS's first figure).
    pub init: Init,
    /// Histogram bins, 1..=[`MAX_BINS`]. Default 30 (DLFS).
    pub bins: usize,
    /// Batch-norm epsilon. Default 1e-6 (as the engine, DLFS).
    pub eps: f64,
    /// Also run the backward pass. Default false.
    pub backward: bool,
    /// Seed of the input, the weights and the upstream gradient. Default 1.
    pub seed: u64,
}

impl Default for ActivationStudyConfig {
    fn default() -> Self {
        ActivationStudyConfig {
            samples: 1000,
            units: 100,
            layers: 5,
            activation: Activation::Sigmoid,
            init: Init::Normal(1.0),
            bins: 30,
            eps: 1e-6,
            backward: false,
            seed: 1,
        }
    }
}

/// The random draws of a study: the input, the weights as unit normals (scaled by the
/// initialisation's std when used, giving exactly the values [`Init::fill`] would), and the upstream
/// gradient. They depend only on the seed and the sizes, so a view can keep them while the
/// activation, the initialisation or the direction change; a clone shares them (a running
/// [`StudyJob`] holds one).
#[derive(Clone, Debug)]
pub struct StudyDraws {
    key: (u64, usize, usize, usize),
    x: Arc<Vec<f32>>,
    unit_weights: Arc<Vec<Vec<f64>>>,
    upstream: Option<Arc<Vec<f32>>>,
}

/// One layer's numbers in one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerStats {
    /// Histogram of the activations `a`.
    pub hist: Histogram,
    /// Mean of `a`.
    pub mean: f64,
    /// Standard deviation of `a`.
    pub std: f64,
    /// Share of activations near the activation's limits: sigmoid below 0.01 or above 0.99, tanh
    /// beyond ±0.99, ReLU exactly 0 (inactive); 0 for linear.
    pub saturated: f64,
    /// Share of units whose output is 0 for every sample (dead ReLUs; 0 for other activations).
    pub dead_units: f64,
    /// Mean of the pre-activation (after BN when on).
    pub pre_mean: f64,
    /// Standard deviation of the pre-activation (after BN when on).
    pub pre_std: f64,
    /// Histogram of log10 |dJ/dz| (backward pass only).
    pub grad_hist: Option<Histogram>,
    /// Mean |dJ/dz| (backward pass only).
    pub grad_mean_abs: Option<f64>,
}

/// The study: per layer, without and with batch norm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivationStudy {
    /// The weights' standard deviation actually used.
    pub weight_std: f64,
    /// Without batch norm, input layer first.
    pub plain: Vec<LayerStats>,
    /// With batch norm before each activation.
    pub batch_norm: Vec<LayerStats>,
}

/// Why a study was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyError {
    /// A setting outside its range: the config field, its value and the valid range.
    Setting {
        /// The config field (`samples`, `units`, `layers`, `bins`, `init`, `eps`).
        field: &'static str,
        /// The value given (the std for `init`).
        value: f64,
        /// The valid values, e.g. `2..=5000`.
        range: String,
    },
    /// `samples x units x layers` (here, saturating) above [`MAX_CELLS`].
    TooManyCells(usize),
}

impl StudyError {
    /// A setting outside `range`.
    pub fn setting(field: &'static str, value: f64, range: impl Into<String>) -> StudyError {
        StudyError::Setting {
            field,
            value,
            range: range.into(),
        }
    }
}

impl std::fmt::Display for StudyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StudyError::Setting { field, value, range } => write!(f, "{field} must be in {range}, got {value}"),
            StudyError::TooManyCells(n) => {
                write!(f, "samples x units x layers must stay within {MAX_CELLS}, got {n}")
            }
        }
    }
}

impl std::error::Error for StudyError {}

impl ActivationStudyConfig {
    /// Checks sizes (before any allocation) and the initialisation; the error names the field.
    pub fn validate(&self) -> Result<(), StudyError> {
        let sizes = [
            ("samples", self.samples, 2, MAX_SAMPLES),
            ("units", self.units, 1, MAX_UNITS),
            ("layers", self.layers, 1, MAX_LAYERS),
            ("bins", self.bins, 1, MAX_BINS),
        ];
        for (field, value, lo, hi) in sizes {
            if !(lo..=hi).contains(&value) {
                return Err(StudyError::setting(field, value as f64, format!("{lo}..={hi}")));
            }
        }
        let cells = self.samples.saturating_mul(self.units).saturating_mul(self.layers);
        if cells > MAX_CELLS {
            return Err(StudyError::TooManyCells(cells));
        }
        if !self.init.is_valid() {
            return Err(StudyError::setting("init", self.init.std(1, 1), "[0, inf)"));
        }
        if !(self.eps > 0.0 && self.eps.is_finite()) {
            return Err(StudyError::setting("eps", self.eps, "(0, inf)"));
        }
        Ok(())
    }

    pub(crate) fn key(&self) -> (u64, usize, usize, usize) {
        (self.seed, self.samples, self.units, self.layers)
    }

    /// Draws the study's random numbers (after [`Self::validate`]): the input, then each layer's
    /// weights (row-major, as [`Init::fill`] draws them); the backward pass's upstream gradient comes
    /// from a second stream, seeded with `seed + UPSTREAM_STREAM`, drawn when first needed.
    pub fn draw(&self) -> Result<StudyDraws, StudyError> {
        self.validate()?;
        let (m, n) = (self.samples, self.units);
        let mut rng = seeded(self.seed);
        let x: Vec<f32> = (0..m * n).map(|_| standard_normal(&mut rng) as f32).collect();
        let unit_weights = (0..self.layers)
            .map(|_| (0..n * n).map(|_| standard_normal(&mut rng)).collect())
            .collect();
        Ok(StudyDraws {
            key: self.key(),
            x: Arc::new(x),
            unit_weights: Arc::new(unit_weights),
            upstream: None,
        })
    }

    /// Runs the study (both without and with batch norm).
    pub fn run(&self) -> Result<ActivationStudy, StudyError> {
        let mut draws = self.draw()?;
        self.run_with(&mut draws)
    }

    /// Runs the study on earlier draws (drawn again when the seed or a size differs; `draws`
    /// then holds the new ones).
    pub fn run_with(&self, draws: &mut StudyDraws) -> Result<ActivationStudy, StudyError> {
        let mut job = self.start(draws)?;
        job.run_to_end();
        *draws = job.draws().expect("a job run to its end has made its draws").clone();
        Ok(job.finish().expect("a job run to its end"))
    }

    /// The study as a job not yet run (validated first), reusing `earlier` draws when the seed
    /// and the sizes match and drawing in the job otherwise (then [`StudyJob::draws`] has them
    /// for the next study).
    pub fn start(&self, earlier: &StudyDraws) -> Result<StudyJob, StudyError> {
        self.validate()?;
        Ok(StudyJob::new(*self, earlier))
    }
}
