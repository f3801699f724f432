//! One trial being trained, a little at a time ([`TrialRun::advance`], what the page does per
//! frame) or to the end ([`TrialRun::run_job`], what a worker does): the same code either way.
//!
//! The network is DLFS's `MultiLayerNet`: `hidden` ReLU layers, He init, softmax, plain SGD,
//! mini-batches of `batch`. DLFS's weight decay adds `lambda/2 ||W||^2` per batch (gradient
//! `lambda W`); the engine's L2 is `l2/(2m) ||W||^2` (gradient `l2/m W`), so `l2 = lambda * m`
//! with `m` the batch rows gives the same update. (When the training rows are not a multiple of
//! `batch`, the short last batch of an epoch gets `batch/rows` times DLFS's decay; the defaults,
//! 400 rows in batches of 100, are exact.) After every epoch: training and validation accuracy
//! and loss (evaluation mode).
use super::config::{TuningConfig, TuningData, CLASSES};
use super::error::TuningError;
use super::seeds::{mix, splitmix};
use super::trial::{Job, TrialResult, TrialSpec};
use crate::core::math::rng::seeded;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};

/// One trial being trained, a little at a time.
pub struct TrialRun {
    trainer: Trainer<f32>,
    result: TrialResult,
    /// An epoch has closed and its evaluation is still to do (the next unit).
    eval_due: bool,
}

impl TrialRun {
    /// Builds the network and trainer of `spec` for `epochs` epochs.
    pub fn new(
        config: &TuningConfig,
        data: &TuningData,
        spec: TrialSpec,
        epochs: usize,
    ) -> Result<TrialRun, TuningError> {
        let base = mix(config.seed, spec.round as u64, spec.index as u64);
        let m = config.batch.min(data.train.rows).max(1);
        let net_config = NetworkConfig {
            inputs: data.inputs,
            hidden: config.hidden.clone(),
            outputs: CLASSES,
            activation: Activation::Relu,
            output: Output::SoftmaxCrossEntropy,
            init: Init::He,
            l2: spec.weight_decay * m as f64,
            ..NetworkConfig::default()
        };
        let net = net_config
            .validate(&mut seeded(splitmix(base ^ 1)))
            .map_err(TuningError::Network)?;
        let train = TrainConfig {
            batch_size: config.batch,
            optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, spec.lr),
            seed: splitmix(base ^ 2),
            ..TrainConfig::default()
        };
        let trainer = Trainer::new(net, train, data.train.clone(), None).map_err(TuningError::Train)?;
        Ok(TrialRun {
            trainer,
            result: TrialResult::new(spec, epochs),
            eval_due: false,
        })
    }

    /// Whether every epoch asked for is done (or the run diverged).
    pub fn finished(&self) -> bool {
        self.result.diverged.is_some() || self.result.train_acc.len() >= self.result.epochs
    }

    /// Steps spent so far in whole epochs.
    pub fn epochs_done(&self) -> usize {
        self.result.epochs_done()
    }

    /// Trains up to `budget` units (a mini-batch step or an epoch's evaluation is one unit);
    /// returns the units used.
    pub fn advance(&mut self, data: &TuningData, budget: usize) -> usize {
        let mut used = 0;
        while used < budget && !self.finished() {
            used += 1;
            if self.eval_due {
                self.eval_due = false;
                let t = self.trainer.evaluate(&data.train);
                let v = self.trainer.evaluate(&data.val);
                match (t, v) {
                    (Ok((tl, Some(ta))), Ok((vl, Some(va)))) if tl.is_finite() && vl.is_finite() => {
                        self.result.train_acc.push(ta);
                        self.result.val_acc.push(va);
                        self.result.train_loss.push(tl);
                        self.result.val_loss.push(vl);
                    }
                    _ => self.result.diverged = Some(self.epochs_done() + 1),
                }
                continue;
            }
            let before = self.trainer.history().len();
            let loss = self.trainer.step();
            if loss.is_none_or(|l| !l.is_finite()) {
                self.result.diverged = Some(self.epochs_done() + 1);
                break;
            }
            // the epoch's evaluation is the next unit (so one unit stays one step or one pass)
            self.eval_due = self.trainer.history().len() > before;
        }
        used
    }

    /// The curves so far.
    pub fn result(&self) -> &TrialResult {
        &self.result
    }

    /// The curves, the run done with.
    pub fn into_result(self) -> TrialResult {
        self.result
    }

    /// Runs `job` to the end (what a worker does).
    pub fn run_job(config: &TuningConfig, data: &TuningData, job: &Job) -> Result<TrialResult, TuningError> {
        Self::run_job_reporting(config, data, job, &mut |_| {})
    }

    /// [`TrialRun::run_job`], calling `report` with the curves so far after every epoch but the
    /// last (a worker posts them for the live view).
    pub fn run_job_reporting(
        config: &TuningConfig,
        data: &TuningData,
        job: &Job,
        report: &mut dyn FnMut(&TrialResult),
    ) -> Result<TrialResult, TuningError> {
        let mut run = TrialRun::new(config, data, job.spec(config.seed), job.epochs)?;
        let mut shown = 0;
        while !run.finished() {
            run.advance(data, 1);
            if run.epochs_done() > shown && !run.finished() {
                shown = run.epochs_done();
                report(&run.result);
            }
        }
        Ok(run.result)
    }
}
