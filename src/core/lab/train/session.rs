//! A live training run for `view=train` (seed 001: train/dev/test, normalising inputs,
//! mini-batches, bias/variance, early stopping, "babysitting one model" — the panda; seed 004).
//!
//! [`SessionConfig::start`] on a [`Dataset`] -> [`TrainSession`], plain state advanced a few
//! units at a time ([`TrainSession::advance`]): a unit is one mini-batch step or, after an epoch,
//! one chunk of the evaluation of that epoch (train and dev error and loss in evaluation mode,
//! then the figure: decision boundary on a grid or confusion matrix on dev), so no single call
//! does much more work than one step. The loss of every mini-batch and the statistics of every
//! epoch are kept for the curves.
//!
//! * Split: one seeded shuffle into train/dev/test; the inputs are standardised with the
//!   training rows' mean and std (`x' = (x - mu) / sigma`) when `normalise` is on, and that same
//!   map is applied to dev, test and every grid point.
//! * Cost on a set of `n` rows: mean output loss + `lambda/(2n) sum ||W||^2` (the evaluation
//!   sums the output loss over chunks and adds the L2 term once). Error = 1 - accuracy.
//! * Early stopping (patience > 0): after each epoch, if the dev cost has not improved for
//!   `patience` epochs, the network of the best dev epoch is put back and the run stops.
//! * Divergence: a non-finite mini-batch cost, or an epoch cost past [`DIVERGED_FACTOR`] times
//!   the initial one, stops the run and is marked.
//! * While paused the page steps by hand ([`TrainSession::step_paused`],
//!   [`TrainSession::epoch_paused`]): the figure is then completed inside the call, since no
//!   `advance` follows to finish a queued evaluation.
//!
//! Panda changes and added points: [`super::retune`]; checkpoints: [`super::checkpoint`].
use super::checkpoint::{Best, Checkpoint};
use super::config::{output_for, Field, SessionConfig, SessionError, DIVERGED_FACTOR, MAX_ROWS};
use super::config::{MAX_STEP_POINTS, SYNC_EVAL_MACS};
use super::eval::{view_box, Boundary, Confusion, EvalJob, EvalSetup, ViewBox};
use super::stats::{EpochStats, Mark, MarkKind, RunStatus};
use super::units::{grid_sides, Histograms, UnitGrids};
use crate::core::data::{Dataset, Scaler, Split, Task};
use crate::core::math::rng::seeded;
use crate::core::nn::config::check_batch;
use crate::core::nn::{NetworkConfig, Status, TrainConfig, TrainData, Trainer};

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
    pub(super) train: TrainData<f32>,
    pub(super) dev: TrainData<f32>,
    /// `(step, mini-batch cost)`, thinned by `stride` once long.
    pub step_losses: Vec<(u64, f64)>,
    pub(super) stride: usize,
    /// One entry per evaluated epoch, from epoch 0.
    pub epochs: Vec<EpochStats>,
    /// Panda changes, restores, divergence, early stop.
    pub marks: Vec<Mark>,
    /// Saved states, oldest first.
    pub checkpoints: Vec<Checkpoint>,
    pub(super) next_checkpoint: usize,
    pub(super) best: Best,
    /// Where the run stands.
    pub status: RunStatus,
    /// The evaluation in progress (after an epoch), if any.
    pub pending: Option<EvalJob>,
    /// The plotted region of a 2-D set in raw coordinates: the data's range padded by 10%.
    pub view_box: ViewBox,
    /// The decision boundary (2 inputs) of the last evaluation.
    pub boundary: Option<Boundary>,
    /// The dev (or train) confusion matrix of the last evaluation.
    pub confusion: Option<Confusion>,
    /// Every unit's activation over the plane (2-D data) with the figure's weights.
    pub units: Option<UnitGrids>,
    /// Every unit's activation histogram over the training rows, at the last evaluated epoch.
    pub histograms: Histograms,
    /// The step whose weights the boundary and the unit grids show.
    pub figure_step: u64,
    /// The augmentation of the training images each epoch ([`super::augmented`]), if any.
    pub(super) augmenter: Option<crate::core::data::augment::Augmenter>,
}

impl SessionConfig {
    /// Checks the settings against `data`, splits and standardises it, draws the weights, and
    /// evaluates the initial network (epoch 0). A refusal names the setting.
    pub fn start(&self, data: &Dataset) -> Result<TrainSession, SessionError> {
        let Task::Classification { classes } = data.task else {
            return Err(SessionError::new(
                Field::Data,
                "the train view needs class labels (classification)",
            ));
        };
        if data.rows() > MAX_ROWS {
            return Err(SessionError::new(
                Field::Data,
                format!("{} rows; the train view uses at most {MAX_ROWS}", data.rows()),
            ));
        }
        self.check_training()?;
        self.check_hidden()?;
        check_batch(self.train.batch_size)?;
        let augmenter = self.augmenter(data.features)?;
        let mut rng = seeded(self.seed);
        let raw = self
            .split
            .split(data, &mut rng)
            .map_err(|e| SessionError::new(Field::Split, e.to_string()))?;
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
        let net = network.validate::<f32, _>(&mut rng)?;
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
        let trainer = Trainer::new(net, train_cfg, train.clone(), None)
            .map_err(|e| SessionError::new(Field::Data, e.to_string()))?;
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
            view_box: view_box(data),
            boundary: None,
            confusion: None,
            units: None,
            histograms: Histograms::default(),
            figure_step: 0,
            augmenter,
        };
        s.pending = Some(EvalJob::new(&s.eval_setup(), 0, 0, self.train.optimizer.lr));
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

    /// All rows: train (with added points) + dev + test.
    pub fn rows(&self) -> usize {
        self.raw.train.rows() + self.raw.dev.rows() + self.raw.test.rows()
    }

    /// Whether the run has dev rows (the dev share was above 0 and left at least one row).
    pub fn has_dev(&self) -> bool {
        self.raw.dev.rows() > 0
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
        self.advance_paced(max_units, u64::MAX).0
    }

    /// [`TrainSession::advance`] taking at most `max_steps` mini-batch steps (a paced run: the
    /// evaluation chunks are not counted, so an epoch's figure is never held back); returns the
    /// units used and the steps taken.
    pub fn advance_paced(&mut self, max_units: usize, max_steps: u64) -> (usize, u64) {
        let (mut used, mut steps) = (0, 0);
        while used < max_units {
            if let Some(job) = self.pending.as_mut() {
                let done = job.run_chunk(&mut self.trainer.net, &self.train, &self.dev);
                used += 1;
                if done {
                    self.finish_eval();
                }
                continue;
            }
            if self.status != RunStatus::Running || steps >= max_steps {
                break;
            }
            self.step();
            used += 1;
            steps += 1;
        }
        (used, steps)
    }

    /// One mini-batch step (also when paused); the evaluation of a finished epoch is queued.
    /// Returns false when the run has stopped.
    pub fn step(&mut self) -> bool {
        if self.status == RunStatus::Diverged || self.status == RunStatus::EarlyStopped {
            return false;
        }
        let closed = self.trainer.history().len();
        self.augment_epoch();
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
            self.pending = Some(EvalJob::new(&self.eval_setup(), rec.epoch, self.steps(), rec.lr));
        }
        true
    }

    /// The page's "one mini-batch" while paused: finishes a queued evaluation, takes one step,
    /// and completes the figure of the new weights inside the call (the epoch's evaluation when
    /// the step closed an epoch, otherwise the boundary or confusion matrix alone, however large:
    /// no `advance` follows while paused).
    pub fn step_paused(&mut self) {
        self.finish_pending();
        let epochs = self.epochs.len();
        self.step();
        self.finish_pending();
        if self.epochs.len() == epochs {
            self.refresh_figure();
            self.finish_pending();
        }
    }

    /// The page's "one epoch" while paused: steps to the end of the current epoch and evaluates
    /// it inside the call.
    pub fn epoch_paused(&mut self) {
        self.finish_pending();
        while self.pending.is_none() && self.step() {}
        self.finish_pending();
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
        let mut job = EvalJob::figure_only(&self.eval_setup());
        if !self.eval_is_cheap() {
            if self.pending.is_none() {
                self.pending = Some(job);
            }
            return;
        }
        while !job.run_chunk(&mut self.trainer.net, &self.train, &self.dev) {}
        self.boundary = job.boundary.take();
        self.confusion = job.confusion.take();
        self.units = job.units.take();
        self.figure_step = self.steps();
    }

    /// Whether one whole evaluation (train, dev and the grid) costs at most [`SYNC_EVAL_MACS`]
    /// multiply-adds, so it can run inside one call.
    pub fn eval_is_cheap(&self) -> bool {
        let side = self.grid_sides().0;
        let grid = if self.raw.train.features == 2 { side * side } else { 0 };
        let rows = self.train.rows + self.dev.rows + grid;
        (self.trainer.net.param_count() as u64).saturating_mul(rows as u64) <= SYNC_EVAL_MACS
    }

    /// The sides of the decision-boundary grid and of the unit grids for this network.
    pub fn grid_sides(&self) -> (usize, usize) {
        grid_sides(self.trainer.net.param_count())
    }

    /// What an evaluation of this session needs.
    fn eval_setup(&self) -> EvalSetup<'_> {
        EvalSetup {
            batch_size: self.config.train.batch_size,
            classes: self.classes,
            features: self.raw.train.features,
            view_box: self.view_box,
            scaler: &self.scaler,
            grid: self.grid_sides(),
            sizes: self.config.network.sizes(),
        }
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
            kind: MarkKind::Diverged,
        });
    }

    fn finish_eval(&mut self) {
        let Some(job) = self.pending.take() else { return };
        self.figure_step = self.steps();
        if job.is_figure_only() {
            self.boundary = job.boundary.or(self.boundary.take());
            self.confusion = job.confusion.or(self.confusion.take());
            self.units = job.units.or(self.units.take());
            return;
        }
        let stats = job.stats(&self.trainer.net);
        if let Some(b) = job.boundary {
            self.boundary = Some(b);
        }
        if let Some(c) = job.confusion {
            self.confusion = Some(c);
        }
        if job.units.is_some() {
            self.units = job.units;
        }
        self.histograms = job.histograms;
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
                if let Some((_, epoch, net)) = &self.best {
                    self.trainer.net = net.clone();
                    self.marks.push(Mark {
                        step: stats.step,
                        kind: MarkKind::EarlyStopped { epoch: *epoch },
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
}
