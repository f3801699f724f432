//! One run of the learning-curve study: a network trained on mini-batches for a fixed number of
//! iterations, its loss recorded at every one ([`LearningRun`]), a little at a time (what the
//! page does per frame) or to the end with a report every [`REPORT_EVERY`] iterations (what a
//! worker does): the same code either way, so both give the same numbers.
//!
//! Every run of a study starts from the same weights and sees the same mini-batches (DLFS's
//! `optimizer_compare_mnist` draws one `batch_mask` per iteration for all four networks): the
//! weights come from a generator seeded by `(seed, 1)`, so the initialisation runs draw the same
//! standard normals and differ only by their scale; the mini-batches from `(seed, 2)`, `batch`
//! rows drawn with replacement each iteration (`np.random.choice(train_size, batch_size)`).
//!
//! The loss recorded is the mini-batch's cross-entropy in the forward pass the gradient comes
//! from (before the update). DLFS computes it once more after the update; the curve is the same
//! shifted by one step, at two thirds of the cost.
//!
//! An augmentation run ([`RunKind::Augment`]) trains on its own [`AugmentedData`] (300 digits,
//! new images each epoch) and also records the train and dev accuracy after every epoch.
use super::augment_run::AugmentedData;
use super::config::{LearningConfig, LearningError, RunKind, CLASSES};
use super::config::{AUGMENT_BATCH, AUGMENT_ITERATIONS_PER_EPOCH, AUGMENT_LAYERS, AUGMENT_LR, AUGMENT_UNITS};
use crate::core::lab::tuning::mix;
use crate::core::math::rng::{seeded, StdRng};
use crate::core::nn::{Activation, Mode, Network, NetworkConfig, Output, TrainData};
use crate::core::optim::{Convention, OptimState, Optimizer, OptimizerConfig, OptimizerKind};
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// Iterations between two partial curves a worker sends.
pub const REPORT_EVERY: usize = 100;

/// A run's loss curve: the mini-batch loss of each iteration so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Curve {
    /// The run's index.
    pub index: usize,
    /// Loss of iteration 1, 2, ... (finite, >= 0).
    pub loss: Vec<f64>,
    /// The iteration (from 1) whose loss was not finite; the curve stops before it.
    pub diverged: Option<usize>,
    /// An augmentation run's training accuracy (on the digits as given) after epoch 0, 1, ...
    /// (empty for the other runs).
    #[serde(default)]
    pub train_acc: Vec<f64>,
    /// An augmentation run's dev accuracy after epoch 0, 1, ... (empty for the other runs).
    #[serde(default)]
    pub dev_acc: Vec<f64>,
}

impl Curve {
    /// Checks a curve from a worker for run `index` of `iterations`: finite losses >= 0, and
    /// either complete (`partial == false`: every iteration, or up to a divergence) or shorter
    /// without a divergence (`partial == true`).
    /// An augmentation run's accuracies must have one value in [0, 1] per epoch done, from
    /// epoch 0; the other runs' none.
    pub fn check(&self, index: usize, config: &LearningConfig, partial: bool) -> Result<(), LearningError> {
        let kind = RunKind::of(index).ok_or(LearningError::NoRun(index))?;
        let iterations = config.iterations_of(kind);
        let n = self.loss.len();
        let epochs = match kind {
            RunKind::Augment(_) => n / AUGMENT_ITERATIONS_PER_EPOCH + 1,
            _ => 0,
        };
        let unit = |v: &Vec<f64>| v.len() == epochs && v.iter().all(|a| (0.0..=1.0).contains(a));
        let values =
            self.loss.iter().all(|l| l.is_finite() && *l >= 0.0) && unit(&self.train_acc) && unit(&self.dev_acc);
        let shape = match (partial, self.diverged) {
            (true, None) => n < iterations,
            (true, Some(_)) => false,
            (false, None) => n == iterations,
            (false, Some(d)) => d >= 1 && d <= iterations && n == d - 1,
        };
        if self.index == index && values && shape {
            Ok(())
        } else {
            Err(LearningError::BadCurve)
        }
    }

    /// Iterations the curve accounts for: all of them once it diverged.
    pub fn iterations_done(&self, iterations: usize) -> usize {
        if self.diverged.is_some() {
            iterations
        } else {
            self.loss.len()
        }
    }
}

/// The network of run `kind`: `layers` x `units`, then the ten classes with softmax.
fn network(config: &LearningConfig, kind: RunKind, inputs: usize) -> NetworkConfig {
    let (activation, init) = match kind {
        RunKind::Optimizer(_) | RunKind::Augment(_) => (Activation::Relu, crate::core::nn::Init::He),
        RunKind::Init(s) => (config.init_activation.activation(), s.init()),
    };
    let hidden = match kind {
        RunKind::Augment(_) => vec![AUGMENT_UNITS; AUGMENT_LAYERS],
        _ => vec![config.units; config.layers],
    };
    NetworkConfig {
        inputs,
        hidden,
        outputs: CLASSES,
        activation,
        output: Output::SoftmaxCrossEntropy,
        init,
        ..NetworkConfig::default()
    }
}

/// The optimizer of run `kind` (DLFS's forms: `v = mu v - lr g`, AdaGrad and Adam with eps 1e-7).
fn optimizer(config: &LearningConfig, kind: RunKind) -> OptimizerConfig {
    match kind {
        RunKind::Optimizer(k) => OptimizerConfig {
            beta1: if k == OptimizerKind::Momentum {
                config.momentum
            } else {
                0.9
            },
            ..OptimizerConfig::new(k, Convention::Dlfs, config.lr_of(k))
        },
        RunKind::Init(_) => OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, config.init_lr),
        RunKind::Augment(_) => OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, AUGMENT_LR),
    }
}

/// One run being trained.
pub struct LearningRun {
    net: Network<f32>,
    optimizer: Optimizer,
    states: Vec<OptimState<f32>>,
    batches: StdRng,
    /// Dropout's generator (no dropout here: it is never drawn from).
    masks: StdRng,
    iterations: usize,
    batch: usize,
    curve: Curve,
    xb: Vec<f32>,
    yb: Vec<f32>,
    /// An augmentation run's own rows.
    augmented: Option<AugmentedData>,
}

impl LearningRun {
    /// Builds run `index` of a study with `config` (already validated) on `data`.
    pub fn new(config: &LearningConfig, data: &TrainData<f32>, index: usize) -> Result<LearningRun, LearningError> {
        let kind = RunKind::of(index).ok_or(LearningError::NoRun(index))?;
        config.validate(data.rows)?;
        let inputs = data.x.len() / data.rows.max(1);
        let net: Network<f32> = network(config, kind, inputs)
            .validate(&mut seeded(mix(config.seed, 1, 0)))
            .map_err(|e| LearningError::Engine(e.to_string()))?;
        let optimizer = optimizer(config, kind)
            .validate()
            .map_err(|e| LearningError::Engine(e.to_string()))?;
        let states = net.params().iter().map(|p| optimizer.init_state(p.len())).collect();
        let augmented = match kind {
            RunKind::Augment(a) => Some(AugmentedData::new(a, data, config.seed)?),
            _ => None,
        };
        let mut net = net;
        let (train_acc, dev_acc) = match &augmented {
            Some(a) => {
                let (t, d) = a.accuracy(&mut net);
                (vec![t], vec![d])
            }
            None => (Vec::new(), Vec::new()),
        };
        let iterations = config.iterations_of(kind);
        Ok(LearningRun {
            net,
            optimizer,
            states,
            batches: seeded(mix(config.seed, 2, 0)),
            masks: seeded(mix(config.seed, 3, 0)),
            iterations,
            batch: if augmented.is_some() {
                AUGMENT_BATCH
            } else {
                config.batch
            },
            curve: Curve {
                index,
                loss: Vec::with_capacity(iterations),
                diverged: None,
                train_acc,
                dev_acc,
            },
            xb: Vec::new(),
            yb: Vec::new(),
            augmented,
        })
    }

    /// Whether every iteration is done (or the run diverged).
    pub fn finished(&self) -> bool {
        self.curve.diverged.is_some() || self.curve.loss.len() >= self.iterations
    }

    /// The curve so far.
    pub fn curve(&self) -> &Curve {
        &self.curve
    }

    /// The curve, the run done with.
    pub fn into_curve(self) -> Curve {
        self.curve
    }

    /// Trains at most `budget` iterations on `data` (the study's rows); returns how many it did.
    pub fn advance(&mut self, data: &TrainData<f32>, budget: usize) -> usize {
        let mut used = 0;
        while used < budget && !self.finished() {
            used += 1;
            self.step(data);
        }
        used
    }

    fn step(&mut self, data: &TrainData<f32>) {
        let (ni, no) = (self.net.config().inputs, CLASSES);
        let t = self.curve.loss.len() as u64 + 1;
        if let Some(a) = self.augmented.as_mut() {
            a.prepare(t as usize);
        }
        let data = self.augmented.as_ref().map_or(data, |a| &a.current);
        self.xb.clear();
        self.yb.clear();
        for _ in 0..self.batch {
            let r = self.batches.random_range(0..data.rows);
            self.xb.extend_from_slice(&data.x[r * ni..(r + 1) * ni]);
            self.yb.extend_from_slice(&data.y[r * no..(r + 1) * no]);
        }
        let loss = match self.net.forward(&self.xb, self.batch, Mode::Train, &mut self.masks) {
            Ok(_) => self.net.loss(&self.yb).unwrap_or(f64::NAN),
            Err(_) => f64::NAN,
        };
        if !loss.is_finite() || self.net.backward(&self.yb).is_err() {
            self.curve.diverged = Some(t as usize);
            return;
        }
        let opt = self.optimizer;
        for ((_, p, g), s) in self.net.params_and_grads().zip(self.states.iter_mut()) {
            opt.step(s, p, g, t).expect("state made for this tensor");
        }
        self.curve.loss.push(loss);
        if let Some(a) = self.augmented.as_ref() {
            if t as usize % AUGMENT_ITERATIONS_PER_EPOCH == 0 {
                let (train, dev) = a.accuracy(&mut self.net);
                self.curve.train_acc.push(train);
                self.curve.dev_acc.push(dev);
            }
        }
    }

    /// Trains run `index` to the end, calling `report` with the curve so far every
    /// [`REPORT_EVERY`] iterations before the last (what a worker does).
    pub fn run_to_end(
        config: &LearningConfig,
        data: &TrainData<f32>,
        index: usize,
        report: &mut dyn FnMut(&Curve),
    ) -> Result<Curve, LearningError> {
        let mut run = LearningRun::new(config, data, index)?;
        while !run.finished() {
            run.advance(data, REPORT_EVERY);
            if !run.finished() {
                report(&run.curve);
            }
        }
        Ok(run.into_curve())
    }
}
