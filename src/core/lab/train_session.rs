//! A live training run for `view=train` (seed 001: train/dev/test, normalising inputs,
//! mini-batches, bias/variance, early stopping, "babysitting one model" — the panda; seed 004).
//!
//! [`SessionConfig`] (data split, normalisation, network, optimizer, target epochs, seed) ->
//! [`SessionConfig::start`] on a [`Dataset`] -> [`TrainSession`], plain state advanced a few
//! units at a time ([`TrainSession::advance`]): a unit is one mini-batch step or, after an epoch,
//! one chunk of the evaluation of that epoch (train and dev error and loss in evaluation mode,
//! then the figure: decision boundary on a grid or confusion matrix on dev), so no single call
//! does much more work than one step. The loss of every mini-batch and the statistics of every
//! epoch are kept for the curves.
//!
//! * Split: one seeded shuffle into train/dev/test ([`SplitConfig`]); the inputs are
//!   standardised with the training rows' mean and std (`x' = (x - mu) / sigma`) when
//!   `normalise` is on, and that same map is applied to dev, test and every grid point.
//! * Output from the task: two classes use one sigmoid unit with binary cross-entropy, more use
//!   softmax with cross-entropy. Error = 1 - accuracy.
//! * Cost on a set of `n` rows: mean output loss + `lambda/(2n) sum ||W||^2` (the evaluation
//!   sums the output loss over chunks and adds the L2 term once).
//! * Early stopping (patience > 0): after each epoch, if the dev cost has not improved for
//!   `patience` epochs, the network of the best dev epoch is put back and the run stops.
//! * Divergence: a non-finite mini-batch cost or epoch cost stops the run and is marked.
//! * Panda mode ([`TrainSession::retune`]): learning rate, optimizer settings, schedule, lambda,
//!   keep_prob and patience change between two steps without touching the weights; each change
//!   is marked at the step where it takes effect. Checkpoints are clones of the whole state.
use crate::core::data::{Dataset, Scaler, Split, SplitConfig, Task};
use crate::core::math::rng::seeded;
use crate::core::nn::{NetworkConfig, Output, Status, TrainConfig, TrainData, Trainer};
use serde::{Deserialize, Serialize};

pub use crate::core::lab::train_eval::{Boundary, Confusion, EvalJob};

/// Most rows a session trains on (train + dev + test): 8,000 (dev must fit one batch).
pub const MAX_ROWS: usize = 8000;
/// Most training epochs in one run: 5,000.
pub const MAX_EPOCHS: usize = 5000;
/// Most mini-batch losses kept; beyond it every second one is dropped (the curve stays whole).
pub const MAX_STEP_POINTS: usize = 20_000;
/// A run whose cost exceeds this many times its initial cost counts as diverged: 1,000.
pub const DIVERGED_FACTOR: f64 = 1000.0;
/// Largest evaluation done inside one call (build, commands), in multiply-adds: 2e7 (a few
/// milliseconds); larger ones run chunk by chunk in [`TrainSession::advance`].
pub const SYNC_EVAL_MACS: u64 = 20_000_000;
/// Most checkpoints kept (the oldest is dropped).
pub const MAX_CHECKPOINTS: usize = 12;

/// Settings of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SessionConfig {
    /// Train/dev shares (test gets the rest). Default 0.6 / 0.2.
    pub split: SplitConfig,
    /// Standardise the inputs with the training statistics. Default on.
    pub normalise: bool,
    /// The network; `inputs`, `outputs` and `output` are set from the data. Default 2 x 8 tanh.
    pub network: NetworkConfig,
    /// Optimizer, schedule, batch size, patience (the seed is set from `seed`). Default Adam 0.01.
    pub train: TrainConfig,
    /// Epochs to train, 1..=[`MAX_EPOCHS`]. Default 100.
    pub epochs: usize,
    /// Seed of the split, the weights, the shuffles and the dropout masks. Default 1.
    pub seed: u64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        let mut train = TrainConfig {
            batch_size: 16,
            ..TrainConfig::default()
        };
        train.optimizer.lr = 0.01;
        SessionConfig {
            split: SplitConfig::default(),
            normalise: true,
            network: NetworkConfig {
                hidden: vec![8, 8],
                activation: crate::core::nn::Activation::Tanh,
                init: crate::core::nn::Init::Glorot,
                ..NetworkConfig::default()
            },
            train,
            epochs: 100,
            seed: 1,
        }
    }
}

/// Statistics of the weights after an epoch (epoch 0: the initial weights), evaluation mode.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochStats {
    /// Epoch, from 0.
    pub epoch: u64,
    /// Optimizer steps taken by then.
    pub step: u64,
    /// Learning rate used in the epoch.
    pub lr: f64,
    /// Training cost.
    pub train_loss: f64,
    /// Training error rate.
    pub train_error: f64,
    /// Dev cost (`None` without dev rows).
    pub dev_loss: Option<f64>,
    /// Dev error rate.
    pub dev_error: Option<f64>,
}

/// A change made while training (panda mode), a restored checkpoint, or the end of the run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// Steps taken when it happened (it affects step `step + 1` on).
    pub step: u64,
    /// What: `lr 0.01 -> 0.003`, `restored checkpoint 2`, `diverged`, `early stop`.
    pub label: String,
}

/// A saved state the learner can go back to.
#[derive(Debug)]
pub struct Checkpoint {
    /// Number, from 1.
    pub id: usize,
    /// Steps at the time.
    pub step: u64,
    /// Finished epochs at the time.
    pub epoch: u64,
    /// The errors of the last evaluated epoch.
    pub train_error: f64,
    /// Dev error of the last evaluated epoch.
    pub dev_error: Option<f64>,
    state: Box<Saved>,
}

#[derive(Debug)]
struct Saved {
    trainer: Trainer<f32>,
    step_losses: Vec<(u64, f64)>,
    stride: usize,
    epochs: Vec<EpochStats>,
    best: Option<(f64, u64, crate::core::nn::Network<f32>)>,
    status: RunStatus,
    train: TrainData<f32>,
    train_raw: Dataset,
}

/// Where the run stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// More epochs to go.
    Running,
    /// The target number of epochs is done.
    Done,
    /// Early stopping fired; the best dev epoch's weights were put back.
    EarlyStopped,
    /// The cost became NaN or infinite.
    Diverged,
}

/// A run in progress.
#[derive(Debug)]
pub struct TrainSession {
    /// The settings (panda changes included).
    pub config: SessionConfig,
    /// The rows as given (not standardised): train (with added points), dev, test.
    pub raw: Split,
    /// The input map learnt on the first training rows (identity when `normalise` is off).
    pub scaler: Scaler,
    /// Classes of the task.
    pub classes: usize,
    /// Network, optimizer state and the mini-batch order.
    pub trainer: Trainer<f32>,
    train: TrainData<f32>,
    dev: TrainData<f32>,
    /// `(step, mini-batch cost)`, thinned by `stride` once long.
    pub step_losses: Vec<(u64, f64)>,
    stride: usize,
    /// One entry per evaluated epoch, from epoch 0.
    pub epochs: Vec<EpochStats>,
    /// Panda changes, restores, divergence, early stop.
    pub marks: Vec<Mark>,
    /// Saved states, oldest first.
    pub checkpoints: Vec<Checkpoint>,
    next_checkpoint: usize,
    best: Option<(f64, u64, crate::core::nn::Network<f32>)>,
    /// Where the run stands.
    pub status: RunStatus,
    /// The evaluation in progress (after an epoch), if any.
    pub pending: Option<EvalJob>,
    /// The plotted region of a 2-D set in raw coordinates: the data's range padded by 10%.
    pub view_box: ((f64, f64), (f64, f64)),
    /// The decision boundary (2 inputs) of the last evaluation.
    pub boundary: Option<Boundary>,
    /// The dev (or test) confusion matrix of the last evaluation.
    pub confusion: Option<Confusion>,
}

/// The padded range of the first two features (the 2-D plot's axes).
fn view_box(data: &Dataset) -> ((f64, f64), (f64, f64)) {
    let col = |j: usize| -> Vec<f64> { (0..data.rows()).filter_map(|i| data.row(i).get(j).copied()).collect() };
    let (x, y) = (col(0), col(1));
    (
        crate::core::lab::train_eval::padded(&x, 0.1),
        crate::core::lab::train_eval::padded(&y, 0.1),
    )
}

/// The output layer for `classes` classes: one sigmoid unit for two, softmax otherwise.
pub fn output_for(classes: usize) -> (Output, usize) {
    if classes == 2 {
        (Output::SigmoidBinaryCrossEntropy, 1)
    } else {
        (Output::SoftmaxCrossEntropy, classes)
    }
}

impl SessionConfig {
    /// Checks the settings against `data`, splits and standardises it, draws the weights, and
    /// evaluates the initial network (epoch 0).
    pub fn start(&self, data: &Dataset) -> Result<TrainSession, String> {
        let Task::Classification { classes } = data.task else {
            return Err("the train view needs class labels (classification)".into());
        };
        if data.rows() > MAX_ROWS {
            return Err(format!("{} rows; the train view uses at most {MAX_ROWS}", data.rows()));
        }
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return Err(format!("epochs must be in 1..={MAX_EPOCHS}, got {}", self.epochs));
        }
        let mut rng = seeded(self.seed);
        let raw = self.split.split(data, &mut rng).map_err(|e| e.to_string())?;
        let scaler = if self.normalise {
            Scaler::standardize(&raw.train)
        } else {
            Scaler {
                shift: vec![0.0; data.features],
                scale: vec![1.0; data.features],
            }
        };
        let (output, outputs) = output_for(classes);
        let network = NetworkConfig {
            inputs: data.features,
            outputs,
            output,
            ..self.network.clone()
        };
        let net = network.validate::<f32, _>(&mut rng).map_err(|e| e.to_string())?;
        let scaled = |d: &Dataset| {
            let mut d = d.clone();
            scaler.apply(&mut d);
            d.train_data::<f32>(output, outputs)
        };
        let (train, dev) = (scaled(&raw.train), scaled(&raw.dev));
        let train_cfg = TrainConfig {
            seed: self.seed,
            // Early stopping is done here, on the evaluation in chunks.
            patience: 0,
            ..self.train
        };
        let view_box = view_box(data);
        let trainer = Trainer::new(net, train_cfg, train.clone(), None).map_err(|e| e.to_string())?;
        let mut s = TrainSession {
            config: SessionConfig {
                network,
                ..self.clone()
            },
            raw,
            scaler,
            classes,
            trainer,
            train,
            dev,
            step_losses: Vec::new(),
            stride: 1,
            epochs: Vec::new(),
            marks: Vec::new(),
            checkpoints: Vec::new(),
            next_checkpoint: 1,
            best: None,
            status: RunStatus::Running,
            pending: None,
            view_box,
            boundary: None,
            confusion: None,
        };
        s.pending = Some(EvalJob::new(&s, 0, 0, self.train.optimizer.lr));
        // A small evaluation is done at once (the figure is complete before the first frame); a
        // large one (a wide network on many rows) is left to `advance`, a chunk per unit.
        if s.eval_is_cheap() {
            s.finish_pending();
        }
        Ok(s)
    }
}

impl TrainSession {
    /// Whether there is work left (steps or an evaluation).
    pub fn running(&self) -> bool {
        self.status == RunStatus::Running || self.pending.is_some()
    }

    /// Finished epochs.
    pub fn epochs_done(&self) -> u64 {
        self.epochs.last().map_or(0, |e| e.epoch)
    }

    /// Steps taken.
    pub fn steps(&self) -> u64 {
        self.trainer.steps()
    }

    /// The scaled training rows.
    pub fn train_data(&self) -> &TrainData<f32> {
        &self.train
    }

    /// The scaled dev rows.
    pub fn dev_data(&self) -> &TrainData<f32> {
        &self.dev
    }

    /// Steps still to take to reach the target epochs (0 when stopped).
    pub fn steps_left(&self) -> u64 {
        if self.status != RunStatus::Running {
            return 0;
        }
        let spe = self.trainer.steps_per_epoch() as u64;
        let into = self.steps() - self.epochs.last().map_or(0, |e| e.step);
        let into = if self.trainer.history().len() as u64 > self.epochs_done() {
            0
        } else {
            into
        };
        ((self.config.epochs as u64).saturating_sub(self.epochs_done()) * spe).saturating_sub(into.min(spe))
    }

    /// Performs at most `max_units` units (steps or evaluation chunks); returns the units used.
    pub fn advance(&mut self, max_units: usize) -> usize {
        let mut used = 0;
        while used < max_units {
            if let Some(job) = self.pending.as_mut() {
                let done = job.run_chunk(&mut self.trainer.net, &self.train, &self.dev);
                used += 1;
                if done {
                    self.finish_eval();
                }
                continue;
            }
            if self.status != RunStatus::Running {
                break;
            }
            self.step();
            used += 1;
        }
        used
    }

    /// One mini-batch step (also when paused); the evaluation of a finished epoch is queued.
    /// Returns false when the run has stopped.
    pub fn step(&mut self) -> bool {
        if self.status == RunStatus::Diverged || self.status == RunStatus::EarlyStopped {
            return false;
        }
        let closed = self.trainer.history().len();
        let Some(loss) = self.trainer.step() else {
            return false;
        };
        self.record_loss(loss);
        if let Status::Diverged { step } = self.trainer.status() {
            self.diverged(step);
            return false;
        }
        if self.trainer.history().len() > closed {
            let rec = self.trainer.history()[closed];
            self.pending = Some(EvalJob::new(self, rec.epoch, self.steps(), rec.lr));
        }
        true
    }

    /// Steps to the end of the current epoch and evaluates it at once.
    pub fn step_epoch(&mut self) {
        let before = self.epochs.len();
        while self.pending.is_none() && self.step() {}
        self.finish_pending();
        debug_assert!(self.epochs.len() >= before);
    }

    /// Runs the queued evaluation to its end.
    pub fn finish_pending(&mut self) {
        while let Some(job) = self.pending.as_mut() {
            if job.run_chunk(&mut self.trainer.net, &self.train, &self.dev) {
                self.finish_eval();
            }
        }
    }

    /// Recomputes the figure (boundary or confusion matrix) for the current weights now.
    /// Large figures are queued instead (done by [`TrainSession::advance`]).
    pub fn refresh_figure(&mut self) {
        let mut job = EvalJob::figure_only(self);
        if !self.eval_is_cheap() {
            if self.pending.is_none() {
                self.pending = Some(job);
            }
            return;
        }
        while !job.run_chunk(&mut self.trainer.net, &self.train, &self.dev) {}
        self.boundary = job.boundary.take();
        self.confusion = job.confusion.take();
    }

    /// Whether one whole evaluation (train, dev and the grid) costs at most [`SYNC_EVAL_MACS`]
    /// multiply-adds, so it can run inside one call.
    pub fn eval_is_cheap(&self) -> bool {
        let grid = if self.raw.train.features == 2 {
            crate::core::lab::train_eval::GRID * crate::core::lab::train_eval::GRID
        } else {
            0
        };
        let rows = self.train.rows + self.dev.rows + grid;
        (self.trainer.net.param_count() as u64).saturating_mul(rows as u64) <= SYNC_EVAL_MACS
    }

    fn record_loss(&mut self, loss: f64) {
        let step = self.trainer.steps();
        if step % self.stride as u64 == 0 || !loss.is_finite() {
            self.step_losses.push((step, loss));
        }
        if self.step_losses.len() > MAX_STEP_POINTS {
            self.stride *= 2;
            let s = self.stride as u64;
            self.step_losses.retain(|(t, _)| t % s == 0);
        }
    }

    fn diverged(&mut self, step: u64) {
        self.status = RunStatus::Diverged;
        self.pending = None;
        self.marks.push(Mark {
            step,
            label: "diverged".into(),
        });
    }

    fn finish_eval(&mut self) {
        let Some(job) = self.pending.take() else { return };
        if job.is_figure_only() {
            self.boundary = job.boundary.or(self.boundary.take());
            self.confusion = job.confusion.or(self.confusion.take());
            return;
        }
        let stats = job.stats(&self.trainer.net);
        if let Some(b) = job.boundary {
            self.boundary = Some(b);
        }
        if let Some(c) = job.confusion {
            self.confusion = Some(c);
        }
        self.epochs.push(stats);
        // Diverged: a cost that is not finite, or that has grown past DIVERGED_FACTOR times the
        // initial one (the weights have blown up even if the floats have not overflowed yet).
        let limit = self
            .epochs
            .first()
            .map_or(f64::INFINITY, |e| DIVERGED_FACTOR * e.train_loss.max(1e-3));
        let ok = |v: f64| v.is_finite() && v <= limit;
        let finite = ok(stats.train_loss) && stats.dev_loss.is_none_or(ok);
        if !finite {
            self.diverged(stats.step);
            return;
        }
        if stats.epoch == 0 {
            return;
        }
        if let Some(dev) = stats.dev_loss {
            if self.best.as_ref().is_none_or(|b| dev < b.0) {
                self.best = Some((dev, stats.epoch, self.trainer.net.clone()));
            }
            let patience = self.config.train.patience as u64;
            let best_epoch = self.best.as_ref().map_or(0, |b| b.1);
            if patience > 0 && stats.epoch - best_epoch >= patience {
                if let Some((_, e, net)) = &self.best {
                    self.trainer.net = net.clone();
                    self.marks.push(Mark {
                        step: stats.step,
                        label: format!("early stop: epoch {e} restored"),
                    });
                }
                self.status = RunStatus::EarlyStopped;
                self.refresh_figure();
                return;
            }
        }
        if stats.epoch >= self.config.epochs as u64 {
            self.status = RunStatus::Done;
        }
    }

    /// Changes the training settings without touching the weights (panda mode): the optimizer
    /// (rule, learning rate, betas), the schedule, the patience, the target epochs, L2 lambda
    /// and keep_prob. Each changed setting is marked at the current step. Refused (nothing
    /// changed) when a setting is invalid. Returns the marks' labels.
    pub fn retune(&mut self, next: &SessionConfig) -> Result<Vec<String>, String> {
        if !(1..=MAX_EPOCHS).contains(&next.epochs) {
            return Err(format!("epochs must be in 1..={MAX_EPOCHS}, got {}", next.epochs));
        }
        let (old_t, new_t) = (self.config.train, next.train);
        let (old_n, new_n) = (&self.config.network, &next.network);
        let mut probe = self.trainer.net.clone();
        probe
            .set_regularisation(new_n.l2, new_n.keep_prob)
            .map_err(|e| e.to_string())?;
        new_t.optimizer.validate().map_err(|e| e.to_string())?;
        new_t.schedule.validate().map_err(|e| e.to_string())?;
        let mut labels = Vec::new();
        let mut note = |name: &str, a: String, b: String| {
            if a != b {
                labels.push(format!("{name} {a} → {b}"));
            }
        };
        let g = crate::core::lab::train_eval::short;
        note(
            "optimizer",
            old_t.optimizer.kind.id().into(),
            new_t.optimizer.kind.id().into(),
        );
        note("lr", g(old_t.optimizer.lr), g(new_t.optimizer.lr));
        note("β1", g(old_t.optimizer.beta1), g(new_t.optimizer.beta1));
        note("β2", g(old_t.optimizer.beta2), g(new_t.optimizer.beta2));
        note(
            "schedule",
            old_t.schedule.kind.id().into(),
            new_t.schedule.kind.id().into(),
        );
        note("decay", g(old_t.schedule.decay_rate), g(new_t.schedule.decay_rate));
        note("λ", g(old_n.l2), g(new_n.l2));
        note("keep_prob", g(old_n.keep_prob), g(new_n.keep_prob));
        note("patience", old_t.patience.to_string(), new_t.patience.to_string());
        self.trainer
            .set_optimizer(new_t.optimizer, new_t.schedule, 0)
            .map_err(|e| e.to_string())?;
        self.trainer.net = probe;
        self.config.train.optimizer = new_t.optimizer;
        self.config.train.schedule = new_t.schedule;
        self.config.train.patience = new_t.patience;
        self.config.network.l2 = new_n.l2;
        self.config.network.keep_prob = new_n.keep_prob;
        self.config.epochs = next.epochs;
        if self.status == RunStatus::Done && self.epochs_done() < next.epochs as u64 {
            self.status = RunStatus::Running;
        } else if self.status == RunStatus::Running
            && self.epochs_done() >= next.epochs as u64
            && self.pending.is_none()
        {
            // the new target is already reached: stop here rather than train one epoch more
            self.status = RunStatus::Done;
        }
        let step = self.steps();
        if step == 0 {
            // Nothing trained yet: the change is the run's starting setting, not a mark.
            return Ok(labels);
        }
        self.marks
            .extend(labels.iter().map(|l| Mark { step, label: l.clone() }));
        Ok(labels)
    }

    /// Adds a training row (raw coordinates) with class `class`, keeping the weights.
    pub fn add_point(&mut self, x: &[f64], class: usize) -> Result<(), String> {
        if x.len() != self.raw.train.features || x.iter().any(|v| !v.is_finite()) {
            return Err(format!("a point needs {} finite coordinates", self.raw.train.features));
        }
        if class >= self.classes {
            return Err(format!("class {class} does not exist ({} classes)", self.classes));
        }
        let total = self.raw.train.rows() + self.raw.dev.rows() + self.raw.test.rows();
        if total >= MAX_ROWS {
            return Err(format!("at most {MAX_ROWS} rows"));
        }
        let mut raw = self.raw.train.clone();
        raw.x.extend_from_slice(x);
        raw.y.push(class as f64);
        let mut scaled = raw.clone();
        self.scaler.apply(&mut scaled);
        let (output, outputs) = output_for(self.classes);
        let train = scaled.train_data::<f32>(output, outputs);
        self.trainer.set_train_data(train.clone()).map_err(|e| e.to_string())?;
        self.raw.train = raw;
        self.train = train;
        if self.status == RunStatus::Done {
            self.status = RunStatus::Running;
        }
        Ok(())
    }

    /// Saves the current state; returns its number.
    pub fn checkpoint(&mut self) -> usize {
        self.finish_pending();
        let id = self.next_checkpoint;
        self.next_checkpoint += 1;
        let last = self.epochs.last().copied();
        self.checkpoints.push(Checkpoint {
            id,
            step: self.steps(),
            epoch: self.epochs_done(),
            train_error: last.map_or(1.0, |e| e.train_error),
            dev_error: last.and_then(|e| e.dev_error),
            state: Box::new(Saved {
                trainer: self.trainer.checkpoint(),
                step_losses: self.step_losses.clone(),
                stride: self.stride,
                epochs: self.epochs.clone(),
                best: self.best.clone(),
                status: self.status,
                train: self.train.clone(),
                train_raw: self.raw.train.clone(),
            }),
        });
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            self.checkpoints.remove(0);
        }
        id
    }

    /// Goes back to checkpoint `id` (curves, weights, optimizer state, mini-batch order); the
    /// settings stay the current ones (a panda change is not undone). Marks the restore.
    pub fn restore(&mut self, id: usize) -> Result<(), String> {
        let cp = self
            .checkpoints
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| format!("no checkpoint {id}"))?;
        let cp_step = cp.step;
        let s = &cp.state;
        let (step_losses, epochs, best, train, train_raw) = (
            s.step_losses.clone(),
            s.epochs.clone(),
            s.best.clone(),
            s.train.clone(),
            s.train_raw.clone(),
        );
        let (stride, status) = (s.stride, s.status);
        self.trainer = s.trainer.checkpoint();
        self.marks.retain(|m| m.step <= cp_step);
        // Keep today's settings (the learner's latest panda changes).
        let cfg = self.config.clone();
        self.step_losses = step_losses;
        self.stride = stride;
        self.epochs = epochs;
        self.best = best;
        self.status = status;
        self.train = train;
        self.raw.train = train_raw;
        self.pending = None;
        self.trainer
            .set_optimizer(cfg.train.optimizer, cfg.train.schedule, 0)
            .map_err(|e| e.to_string())?;
        self.trainer
            .net
            .set_regularisation(cfg.network.l2, cfg.network.keep_prob)
            .map_err(|e| e.to_string())?;
        if self.status == RunStatus::Done && self.epochs_done() < cfg.epochs as u64 {
            self.status = RunStatus::Running;
        }
        self.marks.push(Mark {
            step: self.steps(),
            label: format!("restored checkpoint {id}"),
        });
        self.refresh_figure();
        Ok(())
    }
}
