//! What the learner does to a running session between two steps (seed 004, "babysitting one
//! model" — the panda): change the tunable settings without touching the weights
//! ([`TrainSession::retune`]), add a clicked training point ([`TrainSession::add_point`]), save
//! the state and go back to it ([`TrainSession::checkpoint`], [`TrainSession::restore`]), train on
//! past the end ([`TrainSession::extend`]). Each change and each restore is marked at the step
//! where it takes effect.
use super::checkpoint::{Checkpoint, Saved};
use super::config::{output_for, SessionConfig, SessionError, MAX_CHECKPOINTS, MAX_EPOCHS, MAX_ROWS};
use super::session::TrainSession;
use super::stats::{Change, Mark, MarkKind, RunStatus};

/// Why a clicked point was not added.
#[derive(Clone, Debug, PartialEq)]
pub enum PointError {
    /// The point needs this many finite coordinates.
    Coordinates(usize),
    /// No such class: (the class given, the classes there are).
    Class(usize, usize),
    /// The session already has [`MAX_ROWS`] rows.
    Full,
}

impl std::fmt::Display for PointError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PointError::Coordinates(n) => write!(f, "a point needs {n} finite coordinates"),
            PointError::Class(class, classes) => write!(f, "class {class} does not exist ({classes} classes)"),
            PointError::Full => write!(f, "at most {MAX_ROWS} rows"),
        }
    }
}

impl std::error::Error for PointError {}

/// There is no checkpoint with this number (it was never taken, or dropped as the oldest of
/// more than [`MAX_CHECKPOINTS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoCheckpoint(pub usize);

impl std::fmt::Display for NoCheckpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no checkpoint {}", self.0)
    }
}

impl std::error::Error for NoCheckpoint {}

/// Why a stopped run cannot train on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtendError {
    /// The run diverged: its weights are not finite or have blown up.
    Diverged,
    /// The run has [`MAX_EPOCHS`] epochs already.
    AtMostEpochs(usize),
}

impl std::fmt::Display for ExtendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtendError::Diverged => {
                f.write_str("the run diverged: lower the learning rate, go back to a checkpoint or reset")
            }
            ExtendError::AtMostEpochs(n) => write!(f, "a run trains at most {n} epochs"),
        }
    }
}

impl std::error::Error for ExtendError {}

impl TrainSession {
    /// Trains on past a finished run (Play after the target epochs, or after an early stop):
    /// the target becomes `epochs` more than the epochs done (at most [`MAX_EPOCHS`]) and the
    /// run is running again. After an early stop the patience counts again from the current
    /// epoch (the restored best weights go on training). A running run is left as it is.
    /// Refused for a diverged run and at [`MAX_EPOCHS`].
    pub fn extend(&mut self, epochs: usize) -> Result<(), ExtendError> {
        match self.status {
            RunStatus::Running => return Ok(()),
            RunStatus::Diverged => return Err(ExtendError::Diverged),
            RunStatus::Done | RunStatus::EarlyStopped => {}
        }
        let done = self.epochs_done() as usize;
        if done >= MAX_EPOCHS {
            return Err(ExtendError::AtMostEpochs(MAX_EPOCHS));
        }
        if self.status == RunStatus::EarlyStopped {
            self.best = None;
        }
        self.config.epochs = (done + epochs.max(1)).min(MAX_EPOCHS);
        self.status = RunStatus::Running;
        Ok(())
    }

    /// Changes the training settings without touching the weights (panda mode): the optimizer
    /// (rule, learning rate, betas), the schedule, the patience, the target epochs, L2 lambda,
    /// L1 lambda and keep_prob. Each changed setting is marked at the current step (none before the first
    /// step: they are then the run's starting settings). Refused, with nothing changed and the
    /// setting named, when a setting is invalid. Returns the changes.
    pub fn retune(&mut self, next: &SessionConfig) -> Result<Vec<Change>, SessionError> {
        next.check_training()?;
        let (old_t, new_t) = (self.config.train, next.train);
        let (old_n, new_n) = (&self.config.network, &next.network);
        let mut probe = self.trainer.net.clone();
        probe.set_regularisation(new_n.l2, new_n.keep_prob)?;
        probe.set_l1(new_n.l1)?;
        let (o, n) = (old_t.optimizer, new_t.optimizer);
        let (s, t) = (old_t.schedule, new_t.schedule);
        let changes: Vec<Change> = [
            (o.kind != n.kind).then_some(Change::Optimizer(o.kind, n.kind)),
            (o.lr != n.lr).then_some(Change::Lr(o.lr, n.lr)),
            (o.beta1 != n.beta1).then_some(Change::Beta1(o.beta1, n.beta1)),
            (o.beta2 != n.beta2).then_some(Change::Beta2(o.beta2, n.beta2)),
            (s.kind != t.kind).then_some(Change::Schedule(s.kind, t.kind)),
            (s.decay_rate != t.decay_rate).then_some(Change::Decay(s.decay_rate, t.decay_rate)),
            (old_n.l2 != new_n.l2).then_some(Change::Lambda(old_n.l2, new_n.l2)),
            (old_n.l1 != new_n.l1).then_some(Change::L1(old_n.l1, new_n.l1)),
            (old_n.keep_prob != new_n.keep_prob).then_some(Change::KeepProb(old_n.keep_prob, new_n.keep_prob)),
            (old_t.patience != new_t.patience).then_some(Change::Patience(old_t.patience, new_t.patience)),
        ]
        .into_iter()
        .flatten()
        .collect();
        self.trainer.set_optimizer(n, t, 0).map_err(|e| {
            // validated above: a refusal here would be a bug, reported on the optimizer
            SessionError::new(super::config::Field::Optimizer, e.to_string())
        })?;
        self.trainer.net = probe;
        self.config.train.optimizer = n;
        self.config.train.schedule = t;
        self.config.train.patience = new_t.patience;
        self.config.network.l2 = new_n.l2;
        self.config.network.l1 = new_n.l1;
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
        if step > 0 {
            self.marks.extend(changes.iter().map(|&c| Mark {
                step,
                kind: MarkKind::Changed(c),
            }));
        }
        Ok(changes)
    }

    /// Adds a training row (raw coordinates) with class `class`, keeping the weights.
    pub fn add_point(&mut self, x: &[f64], class: usize) -> Result<(), PointError> {
        if x.len() != self.raw.train.features || x.iter().any(|v| !v.is_finite()) {
            return Err(PointError::Coordinates(self.raw.train.features));
        }
        if class >= self.classes {
            return Err(PointError::Class(class, self.classes));
        }
        if self.rows() >= MAX_ROWS {
            return Err(PointError::Full);
        }
        let mut raw = self.raw.train.clone();
        raw.x.extend_from_slice(x);
        raw.y.push(class as f64);
        let mut scaled = raw.clone();
        self.scaler.apply(&mut scaled);
        let (output, outputs) = output_for(self.classes);
        let train = scaled.train_data::<f32>(output, outputs);
        self.trainer
            .set_train_data(train.clone())
            .map_err(|_| PointError::Coordinates(self.raw.train.features))?;
        self.raw.train = raw;
        self.train = train;
        if self.status == RunStatus::Done {
            self.status = RunStatus::Running;
        }
        Ok(())
    }

    /// Saves the current state (after finishing a queued evaluation); returns its number.
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
    /// settings stay the current ones (a panda change is not undone). Marks the restore. A large
    /// figure may be left queued for [`TrainSession::advance`].
    pub fn restore(&mut self, id: usize) -> Result<(), NoCheckpoint> {
        let cp = self.checkpoints.iter().find(|c| c.id == id).ok_or(NoCheckpoint(id))?;
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
        let mut trainer = s.trainer.checkpoint();
        // Keep today's settings (the learner's latest panda changes); they were validated when
        // they were taken in, so neither call can refuse them.
        let cfg = &self.config;
        let kept = trainer
            .set_optimizer(cfg.train.optimizer, cfg.train.schedule, 0)
            .is_ok()
            && trainer
                .net
                .set_regularisation(cfg.network.l2, cfg.network.keep_prob)
                .is_ok()
            && trainer.net.set_l1(cfg.network.l1).is_ok();
        debug_assert!(kept, "the current settings were validated");
        self.trainer = trainer;
        self.marks.retain(|m| m.step <= cp_step);
        self.step_losses = step_losses;
        self.stride = stride;
        self.epochs = epochs;
        self.best = best;
        self.status = status;
        self.train = train;
        self.raw.train = train_raw;
        self.pending = None;
        if self.status == RunStatus::Done && self.epochs_done() < self.config.epochs as u64 {
            self.status = RunStatus::Running;
        }
        self.marks.push(Mark {
            step: self.steps(),
            kind: MarkKind::Restored { checkpoint: id },
        });
        self.refresh_figure();
        Ok(())
    }

    /// The page's "go back" while paused: restores checkpoint `id` and completes its figure
    /// inside the call, however large (no `advance` follows while paused).
    pub fn restore_paused(&mut self, id: usize) -> Result<(), NoCheckpoint> {
        self.restore(id)?;
        self.finish_pending();
        Ok(())
    }
}
