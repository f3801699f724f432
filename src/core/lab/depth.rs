//! Vanishing and exploding signals in a deep network (seed 001, "Vanishing / Exploding
//! gradients" and "Weight initialization for deep networks"; issue 14).
//!
//! `L` layers of `n` units, no biases: `z[l] = a[l-1] W[l]`, `a[l] = g(z[l])`, `a[0] = X` with
//! `m` rows of i.i.d. N(0, 1) inputs. A gradient `G` of i.i.d. N(0, 1) entries arrives at the top
//! (`dJ/da[L] = G`, the gradient of `J = sum(G * a[L])`) and goes back: `dz[l] = da[l] * g'(z[l])`,
//! `da[l-1] = dz[l] W[l]^T`. For each layer the study records the root mean square of `a[l]`
//! and of `da[l]`.
//!
//! The notes' example is the linear network with `W[l] = 1.5 I` (or `0.5 I`): then
//! `a[l] = 1.5^l X` and `da[l] = 1.5^(L-l) G` exactly, so the magnitudes grow (or shrink)
//! exponentially with depth. With random weights `W = sigma Z`, `Z` i.i.d. N(0, 1), each layer
//! multiplies the mean square by `n sigma^2` on average (a linear `g`; ReLU keeps half of it):
//! N(0, 1) explodes as `sqrt(n)^l`, `sigma = sqrt(1/n)` (the course's Xavier) keeps a linear
//! network's scale, `sigma = sqrt(2/n)` (He) keeps a ReLU network's. Every random scheme uses the
//! same `Z` (drawn once from the seed), scaled by its own sigma.
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::named::named;
use serde::{Deserialize, Serialize};

/// Most layers.
pub const MAX_LAYERS: usize = 50;
/// Most units per layer.
pub const MAX_WIDTH: usize = 256;
/// Most input rows.
pub const MAX_SAMPLES: usize = 256;
/// The most multiply-adds a study may cost (forward and backward of every random scheme):
/// about 50 ms of wasm.
pub const MAX_WORK: f64 = 6e7;
/// The identity scales accepted: `[low, high]`.
pub const SCALE_RANGE: (f64, f64) = (0.1, 3.0);

/// The activation `g` of every layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepthActivation {
    /// `g(z) = z` (the notes' example). The default.
    Linear,
    /// `max(0, z)`.
    Relu,
    /// `tanh z`.
    Tanh,
    /// `1 / (1 + e^-z)`.
    Sigmoid,
}

named!(DepthActivation {
    Linear => "linear",
    Relu => "relu",
    Tanh => "tanh",
    Sigmoid => "sigmoid",
});

impl DepthActivation {
    /// `g(z)`.
    pub fn g(self, z: f64) -> f64 {
        match self {
            DepthActivation::Linear => z,
            DepthActivation::Relu => z.max(0.0),
            DepthActivation::Tanh => z.tanh(),
            DepthActivation::Sigmoid => 1.0 / (1.0 + (-z).exp()),
        }
    }

    /// `g'(z)` (ReLU's derivative at 0 taken as 0).
    pub fn slope(self, z: f64) -> f64 {
        match self {
            DepthActivation::Linear => 1.0,
            DepthActivation::Relu => f64::from(u8::from(z > 0.0)),
            DepthActivation::Tanh => 1.0 - z.tanh().powi(2),
            DepthActivation::Sigmoid => {
                let s = 1.0 / (1.0 + (-z).exp());
                s * (1.0 - s)
            }
        }
    }

    /// The share of the mean square a layer keeps on average for zero-mean symmetric inputs: 1
    /// (linear), 1/2 (ReLU); `None` for the saturating curves (no closed form).
    pub fn kept_share(self) -> Option<f64> {
        match self {
            DepthActivation::Linear => Some(1.0),
            DepthActivation::Relu => Some(0.5),
            _ => None,
        }
    }
}

/// How the weights of every layer are set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weights {
    /// `W = s I` with `s` above 1 (the notes' 1.5).
    Up,
    /// `W = s I` with `s` below 1 (the notes' 0.5).
    Down,
    /// `W ~ N(0, 1)`.
    Normal,
    /// `W ~ N(0, 1/n)` (the course's Xavier).
    Xavier,
    /// `W ~ N(0, 2/n)` (He).
    He,
}

named!(Weights {
    Up => "up",
    Down => "down",
    Normal => "normal",
    Xavier => "xavier",
    He => "he",
});

impl Weights {
    /// Whether the weights are a scaled identity.
    pub fn is_identity(self) -> bool {
        matches!(self, Weights::Up | Weights::Down)
    }

    /// The factor: the identity's scale, or the std of the random weights for width `n`.
    pub fn factor(self, config: &DepthConfig) -> f64 {
        let n = config.width as f64;
        match self {
            Weights::Up => config.up,
            Weights::Down => config.down,
            Weights::Normal => 1.0,
            Weights::Xavier => (1.0 / n).sqrt(),
            Weights::He => (2.0 / n).sqrt(),
        }
    }

    /// What each layer multiplies the magnitude by, in closed form or on average: `s` for the
    /// identity through a linear network, `sqrt(n sigma^2 k)` for random weights (`k` the
    /// activation's kept share); `None` where there is none.
    pub fn expected_gain(self, config: &DepthConfig) -> Option<f64> {
        let f = self.factor(config);
        let kept = config.activation.kept_share()?;
        if self.is_identity() {
            (config.activation == DepthActivation::Linear).then_some(f)
        } else {
            Some((config.width as f64 * f * f * kept).sqrt())
        }
    }
}

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DepthConfig {
    /// Layers `L`, 1..=[`MAX_LAYERS`]. Default 50.
    pub layers: usize,
    /// Units `n` of every layer (and inputs), 1..=[`MAX_WIDTH`]. Default 100.
    pub width: usize,
    /// Input rows `m`, 1..=[`MAX_SAMPLES`]. Default 16.
    pub samples: usize,
    /// The activation. Default linear.
    pub activation: DepthActivation,
    /// The identity scale above 1, within [`SCALE_RANGE`]. Default 1.5.
    pub up: f64,
    /// The identity scale below 1, within [`SCALE_RANGE`]. Default 0.5.
    pub down: f64,
    /// Seed of `X`, `Z` and `G`. Default 1.
    pub seed: u64,
}

impl Default for DepthConfig {
    fn default() -> Self {
        DepthConfig {
            layers: 50,
            width: 100,
            samples: 16,
            activation: DepthActivation::Linear,
            up: 1.5,
            down: 0.5,
            seed: 1,
        }
    }
}

/// A setting refused: its name (the config field), its value and the accepted range.
#[derive(Clone, Debug, PartialEq)]
pub struct DepthError {
    /// The field at fault (`layers`, `width`, `samples`, `up`, `down`).
    pub field: &'static str,
    /// Its value.
    pub value: f64,
    /// What is accepted.
    pub range: String,
}

impl std::fmt::Display for DepthError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is {}: must be {}", self.field, self.value, self.range)
    }
}

impl std::error::Error for DepthError {}

impl DepthConfig {
    /// Multiply-adds of the study: forward and backward through every random scheme.
    pub fn work(&self) -> f64 {
        let n = self.width as f64;
        3.0 * 2.0 * self.layers as f64 * self.samples as f64 * n * n
    }

    /// Checks every setting and the work cap; the error names the field.
    pub fn validate(&self) -> Result<(), DepthError> {
        let counts = [
            ("layers", self.layers, MAX_LAYERS),
            ("width", self.width, MAX_WIDTH),
            ("samples", self.samples, MAX_SAMPLES),
        ];
        for (field, v, max) in counts {
            if !(1..=max).contains(&v) {
                return Err(DepthError {
                    field,
                    value: v as f64,
                    range: format!("1..={max}"),
                });
            }
        }
        for (field, v, (lo, hi)) in [("up", self.up, SCALE_RANGE), ("down", self.down, SCALE_RANGE)] {
            if !(v >= lo && v <= hi) {
                return Err(DepthError {
                    field,
                    value: v,
                    range: format!("{lo}..={hi}"),
                });
            }
        }
        if self.work() > MAX_WORK {
            // the width is what makes it large: name it
            return Err(DepthError {
                field: "width",
                value: self.width as f64,
                range: format!(
                    "small enough that layers x samples x width² stays under {:e}",
                    MAX_WORK / 6.0
                ),
            });
        }
        Ok(())
    }
}

/// The random draws of a study: `X` (`m x n`), `G` (`m x n`) and one `Z` (`n x n`) per layer,
/// row-major, from the seed. They depend only on the sizes and the seed, so a change of the
/// activation or the scales reuses them.
#[derive(Clone, Debug, PartialEq)]
pub struct DepthDraws {
    layers: usize,
    width: usize,
    samples: usize,
    seed: u64,
    x: Vec<f64>,
    g: Vec<f64>,
    z: Vec<Vec<f64>>,
}

impl DepthDraws {
    /// Draws for `config` (in this order: `X`, `G`, then `Z` layer by layer).
    pub fn new(config: &DepthConfig) -> DepthDraws {
        let mut rng = seeded(config.seed);
        let (m, n) = (config.samples, config.width);
        let mut draw = |k: usize| (0..k).map(|_| standard_normal(&mut rng)).collect::<Vec<f64>>();
        let x = draw(m * n);
        let g = draw(m * n);
        let z = (0..config.layers).map(|_| draw(n * n)).collect();
        DepthDraws {
            layers: config.layers,
            width: n,
            samples: m,
            seed: config.seed,
            x,
            g,
            z,
        }
    }

    /// Whether these draws serve `config`.
    pub fn fit(&self, config: &DepthConfig) -> bool {
        (self.layers, self.width, self.samples, self.seed) == (config.layers, config.width, config.samples, config.seed)
    }
}

/// One scheme's magnitudes, layer 0 (the input) to `L`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Profile {
    /// The weights.
    pub weights: Weights,
    /// Their factor (identity scale or std).
    pub factor: f64,
    /// Root mean square of `a[l]`, `l = 0..=L`.
    pub activation: Vec<f64>,
    /// Root mean square of `dJ/da[l]`, `l = 0..=L`.
    pub gradient: Vec<f64>,
    /// The closed-form (or average) gain per layer, where there is one.
    pub expected_gain: Option<f64>,
}

impl Profile {
    /// The geometric mean of the activation's gain per layer over the whole depth
    /// (`(rms a[L] / rms a[0])^(1/L)`).
    pub fn measured_gain(&self) -> f64 {
        let l = self.activation.len().saturating_sub(1).max(1) as f64;
        let (first, last) = (self.activation[0], *self.activation.last().unwrap_or(&1.0));
        (last / first).powf(1.0 / l)
    }
}

fn rms(v: &[f64]) -> f64 {
    (v.iter().map(|x| x * x).sum::<f64>() / v.len().max(1) as f64).sqrt()
}

/// The magnitudes of `weights` through the network of `config` with `draws` (made for it).
pub fn profile(config: &DepthConfig, draws: &DepthDraws, weights: Weights) -> Profile {
    let (m, n, layers) = (config.samples, config.width, config.layers);
    let f = weights.factor(config);
    let g = config.activation;
    // z[l] = a[l-1] W[l]: a scaled copy for the identity, f (a Z) for random weights
    let times_w = |a: &[f64], l: usize, out: &mut Vec<f64>| {
        out.clear();
        if weights.is_identity() {
            out.extend(a.iter().map(|v| f * v));
            return;
        }
        out.resize(m * n, 0.0);
        let z = &draws.z[l];
        for r in 0..m {
            let row = &mut out[r * n..(r + 1) * n];
            for (i, &ai) in a[r * n..(r + 1) * n].iter().enumerate() {
                let w = &z[i * n..(i + 1) * n];
                row.iter_mut().zip(w).for_each(|(o, &wij)| *o += ai * wij);
            }
            row.iter_mut().for_each(|o| *o *= f);
        }
    };
    let mut a = draws.x.clone();
    let mut pre = Vec::with_capacity(layers);
    let mut act = vec![rms(&a)];
    let mut z = Vec::new();
    for l in 0..layers {
        times_w(&a, l, &mut z);
        a = z.iter().map(|&v| g.g(v)).collect();
        act.push(rms(&a));
        pre.push(std::mem::take(&mut z));
    }
    // backward: da[l-1] = (da[l] * g'(z[l])) W[l]^T
    let mut da = draws.g.clone();
    let mut grad = vec![rms(&da)];
    let mut prev = vec![0.0; m * n];
    for l in (0..layers).rev() {
        let dz: Vec<f64> = da.iter().zip(&pre[l]).map(|(d, &zv)| d * g.slope(zv)).collect();
        if weights.is_identity() {
            prev = dz.iter().map(|v| f * v).collect();
        } else {
            let w = &draws.z[l];
            for r in 0..m {
                let d = &dz[r * n..(r + 1) * n];
                for i in 0..n {
                    let row = &w[i * n..(i + 1) * n];
                    prev[r * n + i] = f * d.iter().zip(row).map(|(x, y)| x * y).sum::<f64>();
                }
            }
        }
        std::mem::swap(&mut da, &mut prev);
        grad.push(rms(&da));
    }
    grad.reverse();
    Profile {
        weights,
        factor: f,
        activation: act,
        gradient: grad,
        expected_gain: weights.expected_gain(config),
    }
}
