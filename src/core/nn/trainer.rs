//! Mini-batch training (seed 001, "Mini-batch gradient descent"; early stopping, seed 004).
//!
//! Each epoch reshuffles the training rows (one Fisher–Yates shuffle from the seeded RNG) and
//! walks them in mini-batches of `batch_size` (1 = stochastic gradient descent, all rows = batch
//! gradient descent; the last batch of an epoch may be smaller). Each step: forward (training
//! mode), backward, then the optimizer from `core::optim` updates every parameter tensor with the
//! learning rate of the schedule at the current epoch (epochs counted from 1). After an epoch, if
//! dev data was given, the dev cost is measured in evaluation mode; with `patience > 0` training
//! stops when it has not improved for `patience` epochs, and `restore_best` puts back the weights
//! (and batch-norm statistics) of the best epoch. A non-finite cost stops the run cleanly with
//! [`Status::Diverged`]. [`Trainer::step`] and [`Trainer::epoch`] let a view train a little per
//! animation frame.
use super::batchnorm::RunningStats;
use super::config::{check_batch, NetworkError};
use super::float::NnFloat;
use super::network::{Mode, Network};
use crate::core::math::rng::{seeded, StdRng};
use crate::core::optim::{OptimState, Optimizer, OptimizerConfig};
use crate::core::schedule::{Schedule, ScheduleConfig};
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// Rows of inputs and targets (row-major), as the network reads them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainData<T> {
    /// `rows x inputs`.
    pub x: Vec<T>,
    /// `rows x outputs`.
    pub y: Vec<T>,
    /// Number of rows.
    pub rows: usize,
}

/// Settings of a training run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrainConfig {
    /// Rows per mini-batch, 1..=[`super::MAX_BATCH`] (clipped to the training rows). Default 32.
    pub batch_size: usize,
    /// The optimizer. Default Adam (Ng form), lr 0.001.
    pub optimizer: OptimizerConfig,
    /// Learning-rate schedule over epochs. Default constant.
    pub schedule: ScheduleConfig,
    /// Stop after this many epochs without a better dev cost; 0 = no early stopping. Default 0.
    pub patience: usize,
    /// On early stopping, restore the weights of the best dev epoch. Default true.
    pub restore_best: bool,
    /// Seed of the shuffles and dropout masks. Default 0.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            batch_size: 32,
            optimizer: OptimizerConfig::new(
                crate::core::optim::OptimizerKind::Adam,
                crate::core::optim::Convention::Ng,
                0.001,
            ),
            schedule: ScheduleConfig::default(),
            patience: 0,
            restore_best: true,
            seed: 0,
        }
    }
}

/// Where a run stands.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still training.
    Running,
    /// Early stopping fired; the best dev epoch (from 1).
    EarlyStopped {
        /// The epoch whose weights are kept (if restored).
        best_epoch: u64,
    },
    /// The cost became NaN or infinite at this step; training stopped.
    Diverged {
        /// Optimizer step (from 1) at which the cost was not finite.
        step: u64,
    },
}

/// One finished epoch.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochRecord {
    /// Epoch number, from 1.
    pub epoch: u64,
    /// Learning rate used in it.
    pub lr: f64,
    /// Mean of the mini-batch costs over the epoch (training mode).
    pub train_loss: f64,
    /// Dev cost in evaluation mode, if dev data was given.
    pub dev_loss: Option<f64>,
}

/// The best dev epoch so far: (dev cost, epoch, parameters, batch-norm statistics).
type Best<T> = (f64, u64, Vec<Vec<T>>, Vec<RunningStats<T>>);

/// A network, its optimizer state, its data and the run's progress ([`Trainer::checkpoint`]
/// copies it).
#[derive(Debug)]
pub struct Trainer<T> {
    /// The network being trained (readable between steps).
    pub net: Network<T>,
    config: TrainConfig,
    optimizer: Optimizer,
    schedule: Schedule,
    states: Vec<OptimState<T>>,
    train: TrainData<T>,
    dev: Option<TrainData<T>>,
    rng: StdRng,
    order: Vec<usize>,
    pos: usize,
    epoch: u64,
    steps: u64,
    loss_sum: f64,
    batches: usize,
    xb: Vec<T>,
    yb: Vec<T>,
    history: Vec<EpochRecord>,
    best: Option<Best<T>>,
    status: Status,
}

/// Why a run could not start.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainError(pub String);

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TrainError {}

impl From<NetworkError> for TrainError {
    fn from(e: NetworkError) -> Self {
        TrainError(e.to_string())
    }
}

impl<T: NnFloat> Trainer<T> {
    /// Checks the settings and the data shapes against the network, then prepares the run.
    pub fn new(
        net: Network<T>,
        config: TrainConfig,
        train: TrainData<T>,
        dev: Option<TrainData<T>>,
    ) -> Result<Self, TrainError> {
        check_batch(config.batch_size)?;
        let optimizer = config.optimizer.validate().map_err(|e| TrainError(e.to_string()))?;
        let schedule = config.schedule.validate().map_err(|e| TrainError(e.to_string()))?;
        let (ni, no) = (net.config().inputs, net.config().outputs);
        for (name, d) in std::iter::once(("training", &train)).chain(dev.iter().map(|d| ("dev", d))) {
            if d.rows == 0 || d.x.len() != d.rows * ni || d.y.len() != d.rows * no {
                return Err(TrainError(format!(
                    "{name} data must have rows > 0, {ni} inputs and {no} targets per row"
                )));
            }
        }
        if let Some(d) = &dev {
            check_batch(d.rows)?;
        }
        let states = net.params().iter().map(|p| optimizer.init_state(p.len())).collect();
        let order = (0..train.rows).collect();
        Ok(Trainer {
            net,
            config,
            optimizer,
            schedule,
            states,
            train,
            dev,
            rng: seeded(config.seed),
            order,
            pos: 0,
            epoch: 0,
            steps: 0,
            loss_sum: 0.0,
            batches: 0,
            xb: Vec::new(),
            yb: Vec::new(),
            history: Vec::new(),
            best: None,
            status: Status::Running,
        })
    }

    /// Where the run stands.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Finished epochs, oldest first.
    pub fn history(&self) -> &[EpochRecord] {
        &self.history
    }

    /// Optimizer steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// A copy to go back to later: the same weights, batch-norm statistics, optimizer buffers,
    /// epoch, position in the epoch and row order. rand's `StdRng` cannot be copied, so the
    /// copy's generator is reseeded from the seed and the step count: its later shuffles and
    /// dropout masks differ from the original's, but are the same every time this copy is
    /// restored (deterministic).
    pub fn checkpoint(&self) -> Trainer<T> {
        let salt = self.steps.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Trainer {
            net: self.net.clone(),
            config: self.config,
            optimizer: self.optimizer,
            schedule: self.schedule,
            states: self.states.clone(),
            train: self.train.clone(),
            dev: self.dev.clone(),
            rng: seeded(self.config.seed ^ salt),
            order: self.order.clone(),
            pos: self.pos,
            epoch: self.epoch,
            steps: self.steps,
            loss_sum: self.loss_sum,
            batches: self.batches,
            xb: Vec::new(),
            yb: Vec::new(),
            history: self.history.clone(),
            best: self.best.clone(),
            status: self.status,
        }
    }

    /// The run's settings (with any changes made by [`Trainer::set_optimizer`]).
    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// Steps per epoch with the current training rows and batch size.
    pub fn steps_per_epoch(&self) -> usize {
        let bs = self.config.batch_size.min(self.train.rows).max(1);
        self.train.rows.div_ceil(bs)
    }

    /// Whether the next step starts a new epoch (so new training rows replace none of this one).
    pub fn at_epoch_start(&self) -> bool {
        self.pos == 0
    }

    /// The training rows.
    pub fn train_data(&self) -> &TrainData<T> {
        &self.train
    }

    /// Changes the optimizer settings, the schedule and the patience of a running trainer (panda
    /// mode) without touching the weights; the next step uses them. The optimizer's buffers
    /// (velocity, squared-gradient averages) are kept when the rule and its convention stay the
    /// same, and restarted from zero otherwise. Refused (nothing changed) when a setting is
    /// invalid.
    pub fn set_optimizer(
        &mut self,
        optimizer: OptimizerConfig,
        schedule: ScheduleConfig,
        patience: usize,
    ) -> Result<(), TrainError> {
        let opt = optimizer.validate().map_err(|e| TrainError(e.to_string()))?;
        let sched = schedule.validate().map_err(|e| TrainError(e.to_string()))?;
        let same_rule =
            optimizer.kind == self.config.optimizer.kind && optimizer.convention == self.config.optimizer.convention;
        if !same_rule {
            self.states = self.net.params().iter().map(|p| opt.init_state(p.len())).collect();
        }
        self.optimizer = opt;
        self.schedule = sched;
        self.config.optimizer = optimizer;
        self.config.schedule = schedule;
        self.config.patience = patience;
        Ok(())
    }

    /// Replaces the training rows (a point added by the learner), keeping the weights and the
    /// optimizer state. The epoch in progress is dropped: the next step starts a new epoch over
    /// the new rows. Refused (nothing changed) when the shapes do not fit the network.
    pub fn set_train_data(&mut self, train: TrainData<T>) -> Result<(), TrainError> {
        let (ni, no) = (self.net.config().inputs, self.net.config().outputs);
        if train.rows == 0 || train.x.len() != train.rows * ni || train.y.len() != train.rows * no {
            return Err(TrainError(format!(
                "training data must have rows > 0, {ni} inputs and {no} targets per row"
            )));
        }
        self.order = (0..train.rows).collect();
        self.train = train;
        if self.pos != 0 {
            // mid-epoch: the epoch starts again (reshuffled, with the new rows) under its own
            // number, so no epoch number is skipped and the schedule does not run ahead
            self.epoch -= 1;
        }
        self.pos = 0;
        self.loss_sum = 0.0;
        self.batches = 0;
        Ok(())
    }

    /// One mini-batch step; returns its cost (before the update). Starts a new epoch (with a
    /// reshuffle) when needed and closes the epoch after its last batch. Does nothing once the
    /// run has stopped (returns `None`).
    pub fn step(&mut self) -> Option<f64> {
        if self.status != Status::Running {
            return None;
        }
        if self.pos == 0 {
            self.epoch += 1;
            shuffle(&mut self.order, &mut self.rng);
        }
        let n = self.train.rows;
        let bs = self.config.batch_size.min(n);
        let end = (self.pos + bs).min(n);
        let m = end - self.pos;
        let (ni, no) = (self.net.config().inputs, self.net.config().outputs);
        self.xb.clear();
        self.yb.clear();
        for &r in &self.order[self.pos..end] {
            self.xb.extend_from_slice(&self.train.x[r * ni..(r + 1) * ni]);
            self.yb.extend_from_slice(&self.train.y[r * no..(r + 1) * no]);
        }
        self.pos = if end == n { 0 } else { end };
        self.steps += 1;
        let lr = self.schedule.lr(self.config.optimizer.lr, self.epoch);
        let ok = self.net.forward(&self.xb, m, Mode::Train, &mut self.rng).is_ok();
        let loss = if ok {
            self.net.loss(&self.yb).unwrap_or(f64::NAN)
        } else {
            f64::NAN
        };
        if !loss.is_finite() || self.net.backward(&self.yb).is_err() {
            self.status = Status::Diverged { step: self.steps };
            return Some(loss);
        }
        // A schedule may underflow to 0 after very many epochs; keep the last usable rate then.
        let opt = self.optimizer.with_lr(lr).unwrap_or(self.optimizer);
        for ((_, p, g), s) in self.net.params_and_grads().zip(self.states.iter_mut()) {
            opt.step(s, p, g, self.steps).expect("state made for this tensor");
        }
        self.loss_sum += loss;
        self.batches += 1;
        if self.pos == 0 {
            self.close_epoch(lr);
        }
        Some(loss)
    }

    /// Steps to the end of the current epoch (or of the run); returns the epoch's record.
    pub fn epoch(&mut self) -> Option<EpochRecord> {
        let before = self.history.len();
        while self.status == Status::Running {
            self.step();
            if self.history.len() > before {
                break;
            }
        }
        self.history.get(before).copied()
    }

    /// Cost and accuracy (if a classifier) of the current weights on `data`, evaluation mode.
    pub fn evaluate(&mut self, data: &TrainData<T>) -> Result<(f64, Option<f64>), NetworkError> {
        self.net.predict(&data.x, data.rows)?;
        Ok((self.net.loss(&data.y)?, self.net.accuracy(&data.y)))
    }

    fn close_epoch(&mut self, lr: f64) {
        let train_loss = self.loss_sum / self.batches.max(1) as f64;
        self.loss_sum = 0.0;
        self.batches = 0;
        let dev_loss = self.dev.take().map(|d| {
            let l = self.evaluate(&d).map(|r| r.0).unwrap_or(f64::NAN);
            self.dev = Some(d);
            l
        });
        self.history.push(EpochRecord {
            epoch: self.epoch,
            lr,
            train_loss,
            dev_loss,
        });
        let Some(dev_loss) = dev_loss else { return };
        if !dev_loss.is_finite() {
            self.status = Status::Diverged { step: self.steps };
            return;
        }
        if self.best.as_ref().is_none_or(|b| dev_loss < b.0) {
            let running = self.net.running.clone();
            self.best = Some((dev_loss, self.epoch, self.net.params().to_vec(), running));
        }
        let (_, best_epoch, _, _) = self.best.as_ref().expect("set above");
        let best_epoch = *best_epoch;
        if self.config.patience > 0 && self.epoch - best_epoch >= self.config.patience as u64 {
            if self.config.restore_best {
                let (_, _, params, running) = self.best.clone().expect("set above");
                self.net.params_mut().clone_from_slice(&params);
                self.net.running = running;
            }
            self.status = Status::EarlyStopped { best_epoch };
        }
    }
}

/// Fisher–Yates shuffle in place.
pub fn shuffle<R: RngExt + ?Sized>(v: &mut [usize], rng: &mut R) {
    for i in (1..v.len()).rev() {
        let j = rng.random_range(0..=i);
        v.swap(i, j);
    }
}
