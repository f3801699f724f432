//! The peers' benchmark workloads (`../shared/peers/workloads.json`) on this engine, in f32, so
//! `make bench` times the same work as TensorFlow.js, numpy and ConvNetJS do.
//!
//! * `mnist-mlp-sgd` / `mnist-mlp-adam`: 784-100-100-100-100-10 ReLU, He init, softmax +
//!   cross-entropy, batch 128; a pool of 8 batches of U(0, 1) pixels with random one-hot labels,
//!   cycled. One step = forward + cost + backward + update. Adam in the folded form TensorFlow and
//!   DLFS use (eps 1e-7).
//! * `playground-tiny`: 2-8-8-1 tanh, sigmoid + binary cross-entropy, SGD, batch 10; weights
//!   U(-0.5, 0.5), biases 0.1; points U(-5, 5)^2 labelled by the circle of radius 2.5; pool 200.
//! * `act-hist`: forward only, X 1000 x 100 ~ N(0, 1) through 5 dense layers of 100 units,
//!   N(0, 1) weights, no bias, sigmoid.
//!
//! The data are drawn from the seeded RNG; only the amount of work matters for timing.
use crate::core::math::gemm::GemmScratch;
use crate::core::math::rng::{seeded, standard_normal, uniform, StdRng};
use crate::core::nn::activation::Activation;
use crate::core::nn::dense;
use crate::core::nn::{Init, Mode, Network, NetworkConfig, Output};
use crate::core::optim::{Convention, OptimState, Optimizer, OptimizerConfig, OptimizerKind};
use rand::RngExt;
use serde::Deserialize;

/// The fields of one `workloads.json` entry this engine reads (others are ignored).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct WorkloadConfig {
    /// Layer widths, input first.
    pub sizes: Vec<usize>,
    /// `sgd` or `adam`.
    pub opt: String,
    /// Learning rate.
    pub lr: f64,
    /// Adam beta1 (0.9 if absent).
    pub beta1: Option<f64>,
    /// Adam beta2 (0.999 if absent).
    pub beta2: Option<f64>,
    /// Adam epsilon (1e-7 if absent).
    pub eps: Option<f64>,
    /// Rows per batch.
    pub batch: usize,
    /// Batches in the cycled pool.
    pub pool: usize,
    /// act-hist: rows.
    pub n: usize,
    /// act-hist: units per layer.
    pub width: usize,
    /// act-hist: layers.
    pub layers: usize,
    /// act-hist: weight std.
    pub w_std: f64,
}

enum Kind {
    Train {
        net: Box<Network<f32>>,
        opt: Optimizer,
        states: Vec<OptimState<f32>>,
        pool: Vec<(Vec<f32>, Vec<f32>)>,
        batch: usize,
        t: u64,
    },
    Forward {
        x: Vec<f32>,
        ws: Vec<Vec<f32>>,
        z: Vec<f32>,
        a: Vec<f32>,
        n: usize,
        width: usize,
        scratch: GemmScratch,
    },
}

/// A built workload; [`Workload::step`] runs one timed unit.
pub struct Workload {
    kind: Kind,
    rng: StdRng,
}

/// Largest total of floats a workload may allocate (so a bad JSON cannot exhaust memory).
const MAX_FLOATS: usize = 20_000_000;

impl Workload {
    /// Builds workload `name` (`mnist-mlp-sgd`, `mnist-mlp-adam`, `playground-tiny`, `act-hist`)
    /// from its settings (a `workloads.json` entry, deserialised by the caller), with data drawn
    /// from `seed`.
    pub fn new(name: &str, c: &WorkloadConfig, seed: u64) -> Result<Workload, String> {
        let mut rng = seeded(seed);
        let kind = match name {
            "act-hist" => {
                let (n, w, l) = (c.n, c.width, c.layers);
                let floats = n
                    .saturating_mul(w)
                    .saturating_mul(3)
                    .saturating_add(w.saturating_mul(w).saturating_mul(l));
                if n == 0 || w == 0 || l == 0 || floats > MAX_FLOATS {
                    return Err("act-hist sizes out of range".into());
                }
                let x = (0..n * w).map(|_| standard_normal(&mut rng) as f32).collect();
                let ws = (0..l)
                    .map(|_| {
                        (0..w * w)
                            .map(|_| (c.w_std * standard_normal(&mut rng)) as f32)
                            .collect()
                    })
                    .collect();
                Kind::Forward {
                    x,
                    ws,
                    z: vec![0.0; n * w],
                    a: vec![0.0; n * w],
                    n,
                    width: w,
                    scratch: GemmScratch::default(),
                }
            }
            "mnist-mlp-sgd" | "mnist-mlp-adam" | "playground-tiny" => {
                let playground = name == "playground-tiny";
                if c.sizes.len() < 2 || c.batch == 0 || c.pool == 0 {
                    return Err("sizes, batch and pool are required".into());
                }
                let (inputs, outputs) = (c.sizes[0], *c.sizes.last().expect("two sizes"));
                let cfg = NetworkConfig {
                    inputs,
                    hidden: c.sizes[1..c.sizes.len() - 1].to_vec(),
                    outputs,
                    activation: if playground { Activation::Tanh } else { Activation::Relu },
                    output: if playground {
                        Output::SigmoidBinaryCrossEntropy
                    } else {
                        Output::SoftmaxCrossEntropy
                    },
                    init: Init::He,
                    ..NetworkConfig::default()
                };
                cfg.check().map_err(|e| e.to_string())?;
                if c.pool.saturating_mul(c.batch).saturating_mul(inputs + outputs) > MAX_FLOATS {
                    return Err("data pool too large".into());
                }
                let mut net: Network<f32> = cfg.validate(&mut rng).map_err(|e| e.to_string())?;
                if playground {
                    let kinds: Vec<_> = net.param_info().iter().map(|i| i.kind).collect();
                    for (kind, p) in kinds.into_iter().zip(net.params_mut().iter_mut()) {
                        let bias = kind != crate::core::nn::ParamKind::Weight;
                        p.iter_mut()
                            .for_each(|v| *v = if bias { 0.1 } else { uniform(&mut rng, -0.5, 0.5) as f32 });
                    }
                }
                let pool = (0..c.pool)
                    .map(|_| batch(playground, c.batch, inputs, outputs, &mut rng))
                    .collect();
                let kind = if c.opt == "adam" {
                    OptimizerKind::Adam
                } else {
                    OptimizerKind::Sgd
                };
                let opt = OptimizerConfig {
                    beta1: c.beta1.unwrap_or(0.9),
                    beta2: c.beta2.unwrap_or(0.999),
                    eps: c.eps.unwrap_or(1e-7),
                    ..OptimizerConfig::new(kind, Convention::Dlfs, c.lr)
                }
                .validate()
                .map_err(|e| e.to_string())?;
                let states = net.params().iter().map(|p| opt.init_state(p.len())).collect();
                Kind::Train {
                    net: Box::new(net),
                    opt,
                    states,
                    pool,
                    batch: c.batch,
                    t: 0,
                }
            }
            other => return Err(format!("unknown workload {other}")),
        };
        Ok(Workload { kind, rng })
    }

    /// One timed unit: a training step (returns its cost) or one forward pass (returns the mean
    /// of the last layer's activations).
    pub fn step(&mut self) -> f64 {
        match &mut self.kind {
            Kind::Train {
                net,
                opt,
                states,
                pool,
                batch,
                t,
            } => {
                let (x, y) = &pool[(*t as usize) % pool.len()];
                *t += 1;
                net.forward(x, *batch, Mode::Train, &mut self.rng)
                    .expect("checked shapes");
                let cost = net.loss(y).expect("checked shapes");
                net.backward(y).expect("after a training forward");
                for ((_, p, g), s) in net.params_and_grads().zip(states.iter_mut()) {
                    opt.step(s, p, g, *t).expect("state sized for the tensor");
                }
                cost
            }
            Kind::Forward {
                x,
                ws,
                z,
                a,
                n,
                width,
                scratch,
            } => {
                a.copy_from_slice(x);
                for w in ws.iter() {
                    // z = sigmoid(a w), the sigmoid fused into the product's write-back; then z
                    // is the next layer's input
                    dense::forward_activated(a, w, *n, *width, *width, Activation::Sigmoid, 0.0, None, z, scratch);
                    std::mem::swap(a, z);
                }
                a.iter().map(|&v| v as f64).sum::<f64>() / a.len() as f64
            }
        }
    }
}

/// One batch of inputs and targets.
fn batch<R: RngExt + ?Sized>(
    playground: bool,
    m: usize,
    inputs: usize,
    outputs: usize,
    rng: &mut R,
) -> (Vec<f32>, Vec<f32>) {
    let mut x = Vec::with_capacity(m * inputs);
    let mut y = vec![0.0f32; m * outputs];
    for row in y.chunks_exact_mut(outputs) {
        if playground {
            let (a, b) = (uniform(rng, -5.0, 5.0), uniform(rng, -5.0, 5.0));
            x.extend([a as f32, b as f32]);
            row[0] = if a * a + b * b < 6.25 { 1.0 } else { 0.0 };
        } else {
            x.extend((0..inputs).map(|_| rng.random::<f32>()));
            row[rng.random_range(0..outputs)] = 1.0;
        }
    }
    (x, y)
}
