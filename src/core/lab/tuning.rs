//! Caviar search over learning rate x weight decay (seed 002, "Hyperparameter tuning": random
//! search on a log scale, coarse to fine, pandas vs caviar; DLFS `hyperparameter_optimization`;
//! successive halving, Jamieson & Talwalkar 2016, via [`crate::core::halving`]).
//!
//! * Data: `samples` digits drawn by one shuffle from the seed, `val_fraction` of them held out
//!   for validation (DLFS: 500 MNIST images, 20%).
//! * Trial `i` of round `r`: `lr = 10^U(a, b)`, `weight_decay = 10^U(c, d)` drawn from a generator
//!   seeded by `(seed, r, i)` alone, the weights and the mini-batch order from generators derived
//!   from the same triple. So any worker can run any trial and get the same numbers.
//! * Network (DLFS's `MultiLayerNet`): `hidden` ReLU layers (default 6 x 100), He init, softmax,
//!   plain SGD, mini-batches of `batch`. DLFS's weight decay adds `lambda/2 ||W||^2` per batch
//!   (gradient `lambda W`); the engine's L2 is `l2/(2m) ||W||^2` (gradient `l2/m W`), so
//!   `l2 = lambda * m` with `m` the batch rows gives the same update. (When the training rows
//!   are not a multiple of `batch`, the short last batch of an epoch gets `batch/rows` times
//!   DLFS's decay; the defaults, 400 rows in batches of 100, are exact.)
//! * After every epoch: training and validation accuracy and loss (evaluation mode).
//! * Successive halving (optional): the rungs of [`HalvingConfig`]; after each rung the best
//!   `1/eta` by validation accuracy go on. A promoted trial is retrained from its seed to the next
//!   rung's epochs (deterministic, so its curve is the same as continuing from a checkpoint, and no
//!   worker has to keep state); the compute spent counts those re-runs, and [`HalvingConfig::cost`]
//!   gives what checkpoints would cost.
//! * Coarse to fine: [`Search::next_round`] narrows both ranges to the best `k` trials' span
//!   (in log10, padded by a quarter of a decade) and starts a new round.
use crate::core::data::{Dataset, SplitConfig};
use crate::core::halving::{promote, HalvingConfig, Rung};
use crate::core::math::rng::{seeded, uniform};
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, TrainData, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// Most trials per round.
pub const MAX_TRIALS: usize = 500;
/// Most epochs per trial.
pub const MAX_EPOCHS: usize = 200;
/// Most hidden layers.
pub const MAX_LAYERS: usize = 8;
/// Most units per hidden layer.
pub const MAX_UNITS: usize = 256;
/// Most coarse-to-fine rounds.
pub const MAX_ROUNDS: usize = 6;
/// Widest log10 range accepted for lr and weight decay: `[-10, 1]`.
pub const LOG_RANGE: (f64, f64) = (-10.0, 1.0);

/// A range of log10 values `[lo, hi]`.
pub type LogRange = [f64; 2];

/// Settings of a caviar search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TuningConfig {
    /// Digits used in all, >= 20. Default 500.
    pub samples: usize,
    /// Share held out for validation, in [0.05, 0.5]. Default 0.2.
    pub val_fraction: f64,
    /// Trials per round, 1..=[`MAX_TRIALS`]. Default 100.
    pub trials: usize,
    /// Epochs of a full trial, 1..=[`MAX_EPOCHS`]. Default 50.
    pub epochs: usize,
    /// Mini-batch rows, >= 1. Default 100.
    pub batch: usize,
    /// Hidden layer widths. Default `[100; 6]`.
    pub hidden: Vec<usize>,
    /// log10 range of the learning rate. Default `[-6, -2]`.
    pub lr: LogRange,
    /// log10 range of the weight decay. Default `[-8, -4]`.
    pub weight_decay: LogRange,
    /// Successive halving on. Default off (every trial runs `epochs`).
    pub halving: bool,
    /// Halving's reduction factor, >= 2. Default 3.
    pub eta: usize,
    /// Epochs of halving's first rung. Default 2.
    pub min_epochs: usize,
    /// Seed of the data draw and of every trial. Default 1.
    pub seed: u64,
}

impl Default for TuningConfig {
    fn default() -> Self {
        TuningConfig {
            samples: 500,
            val_fraction: 0.2,
            trials: 100,
            epochs: 50,
            batch: 100,
            hidden: vec![100; 6],
            lr: [-6.0, -2.0],
            weight_decay: [-8.0, -4.0],
            halving: false,
            eta: 3,
            min_epochs: 2,
            seed: 1,
        }
    }
}

fn check_range(name: &str, r: LogRange) -> Result<(), String> {
    if !(r[0].is_finite() && r[1].is_finite() && r[0] <= r[1] && r[0] >= LOG_RANGE.0 && r[1] <= LOG_RANGE.1) {
        return Err(format!(
            "{name}: the log10 range must satisfy {} <= low <= high <= {}, got [{}, {}]",
            LOG_RANGE.0, LOG_RANGE.1, r[0], r[1]
        ));
    }
    Ok(())
}

impl TuningConfig {
    /// Checks every setting against its cap (before anything is allocated); `available` is the
    /// number of digits there are.
    pub fn validate(&self, available: usize) -> Result<(), String> {
        if self.samples < 20 || self.samples > available {
            return Err(format!("samples must be in 20..={available}, got {}", self.samples));
        }
        if !(0.05..=0.5).contains(&self.val_fraction) {
            return Err(format!(
                "val_fraction must be in [0.05, 0.5], got {}",
                self.val_fraction
            ));
        }
        if self.trials == 0 || self.trials > MAX_TRIALS {
            return Err(format!("trials must be in 1..={MAX_TRIALS}, got {}", self.trials));
        }
        if self.epochs == 0 || self.epochs > MAX_EPOCHS {
            return Err(format!("epochs must be in 1..={MAX_EPOCHS}, got {}", self.epochs));
        }
        if self.batch == 0 || self.batch > crate::core::nn::MAX_BATCH {
            return Err(format!(
                "batch must be in 1..={}, got {}",
                crate::core::nn::MAX_BATCH,
                self.batch
            ));
        }
        if self.hidden.len() > MAX_LAYERS || self.hidden.iter().any(|&u| u == 0 || u > MAX_UNITS) {
            return Err(format!("at most {MAX_LAYERS} hidden layers of 1..={MAX_UNITS} units"));
        }
        check_range("lr", self.lr)?;
        check_range("weight_decay", self.weight_decay)?;
        if self.halving {
            self.halving_config().rungs().map_err(|e| e.to_string())?;
            if self.min_epochs > self.epochs {
                return Err(format!(
                    "halving's first rung ({} epochs) must not exceed the epochs ({})",
                    self.min_epochs, self.epochs
                ));
            }
        }
        Ok(())
    }

    /// The successive-halving schedule of this search.
    pub fn halving_config(&self) -> HalvingConfig {
        HalvingConfig {
            trials: self.trials,
            eta: self.eta,
            min_epochs: self.min_epochs,
            max_epochs: self.epochs,
        }
    }

    /// The rungs: halving's, or one rung of every trial for the full epochs.
    pub fn rungs(&self) -> Vec<Rung> {
        if self.halving {
            if let Ok(r) = self.halving_config().rungs() {
                return r;
            }
        }
        vec![Rung {
            trials: self.trials,
            epochs: self.epochs,
        }]
    }

    /// Epochs the search trains (promoted trials retrained from scratch), and the epochs of the
    /// full search (every trial for `epochs`).
    pub fn planned_epochs(&self) -> (usize, usize) {
        let spent = self.rungs().iter().map(|r| r.trials * r.epochs).sum();
        (spent, self.trials * self.epochs)
    }

    /// Picks the digits and splits them: `(train, validation)` (one shuffle from the seed).
    pub fn data(&self, digits: &Dataset) -> Result<TuningData, String> {
        self.validate(digits.rows())?;
        let mut rng = seeded(mix(self.seed, u64::MAX, 0));
        let mut idx: Vec<usize> = (0..digits.rows()).collect();
        shuffle(&mut idx, &mut rng);
        let picked = digits.subset(&idx[..self.samples]);
        let split = SplitConfig {
            train: 1.0 - self.val_fraction,
            dev: self.val_fraction,
        }
        .split(&picked, &mut rng)
        .map_err(|e| e.to_string())?;
        if split.dev.rows() == 0 {
            return Err("no validation rows: raise samples or val_fraction".into());
        }
        let classes = 10;
        Ok(TuningData {
            train: split.train.train_data(Output::SoftmaxCrossEntropy, classes),
            val: split.dev.train_data(Output::SoftmaxCrossEntropy, classes),
            inputs: digits.features,
        })
    }
}

/// The training and validation rows of a search, as the f32 engine reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct TuningData {
    /// Training rows.
    pub train: TrainData<f32>,
    /// Validation rows.
    pub val: TrainData<f32>,
    /// Features per row.
    pub inputs: usize,
}

/// SplitMix64 finaliser (Steele, Lea & Flood 2014), to derive independent seeds.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seed from `(seed, round, index)`.
pub fn mix(seed: u64, round: u64, index: u64) -> u64 {
    splitmix(splitmix(splitmix(seed) ^ round) ^ index)
}

/// One trial's hyperparameters, a function of `(seed, round, index, ranges)` only.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialSpec {
    /// Round (0 = the first, coarse one).
    pub round: usize,
    /// Index within the round.
    pub index: usize,
    /// Learning rate.
    pub lr: f64,
    /// Weight decay (DLFS's lambda).
    pub weight_decay: f64,
}

impl TrialSpec {
    /// Draws trial `index` of `round`: `10^U(lr)`, `10^U(weight_decay)`.
    pub fn draw(seed: u64, round: usize, index: usize, lr: LogRange, wd: LogRange) -> TrialSpec {
        let mut rng = seeded(mix(seed, round as u64, index as u64));
        let lr = 10f64.powf(uniform(&mut rng, lr[0], lr[1]));
        let weight_decay = 10f64.powf(uniform(&mut rng, wd[0], wd[1]));
        TrialSpec {
            round,
            index,
            lr,
            weight_decay,
        }
    }
}

/// A job for a worker: train trial `trial` of `round` for `epochs` epochs from its seed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Round.
    pub round: usize,
    /// Trial index.
    pub trial: usize,
    /// Epochs to train.
    pub epochs: usize,
    /// The round's log10 lr range.
    pub lr: LogRange,
    /// The round's log10 weight-decay range.
    pub weight_decay: LogRange,
}

impl Job {
    /// The trial's hyperparameters.
    pub fn spec(&self, seed: u64) -> TrialSpec {
        TrialSpec::draw(seed, self.round, self.trial, self.lr, self.weight_decay)
    }
}

/// A trained trial: its hyperparameters and per-epoch curves (finite numbers only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialResult {
    /// The trial.
    pub spec: TrialSpec,
    /// Epochs it was asked to train.
    pub epochs: usize,
    /// Training accuracy after each epoch.
    pub train_acc: Vec<f64>,
    /// Validation accuracy after each epoch.
    pub val_acc: Vec<f64>,
    /// Training loss (evaluation mode, with the L2 term) after each epoch.
    pub train_loss: Vec<f64>,
    /// Validation loss after each epoch.
    pub val_loss: Vec<f64>,
    /// The epoch (from 1) in which the cost became NaN or infinite; the curves stop before it.
    pub diverged: Option<usize>,
}

impl TrialResult {
    /// The last validation accuracy (0 for a run that diverged or has no epoch).
    pub fn final_val(&self) -> f64 {
        if self.diverged.is_some() {
            return 0.0;
        }
        self.val_acc.last().copied().unwrap_or(0.0)
    }

    /// Checks shapes and ranges (a result from a worker is input like any other).
    pub fn check(&self) -> Result<(), String> {
        let n = self.train_acc.len();
        let want = match self.diverged {
            None => self.epochs,
            Some(e) if e >= 1 && e <= self.epochs => e - 1,
            Some(e) => return Err(format!("diverged at epoch {e} of {}", self.epochs)),
        };
        if n != want || self.val_acc.len() != n || self.train_loss.len() != n || self.val_loss.len() != n {
            return Err(format!("expected {want} epochs in every curve"));
        }
        let acc_ok = |v: &[f64]| v.iter().all(|a| (0.0..=1.0).contains(a));
        let loss_ok = |v: &[f64]| v.iter().all(|l| l.is_finite() && *l >= 0.0);
        if !acc_ok(&self.train_acc) || !acc_ok(&self.val_acc) || !loss_ok(&self.train_loss) || !loss_ok(&self.val_loss)
        {
            return Err("accuracies must be in [0, 1] and losses finite".into());
        }
        Ok(())
    }
}

/// One trial being trained, a little at a time.
pub struct TrialRun {
    trainer: Trainer<f32>,
    result: TrialResult,
    /// An epoch has closed and its evaluation is still to do (the next unit).
    eval_due: bool,
}

impl TrialRun {
    /// Builds the network and trainer of `spec` for `epochs` epochs.
    pub fn new(config: &TuningConfig, data: &TuningData, spec: TrialSpec, epochs: usize) -> Result<TrialRun, String> {
        let base = mix(config.seed, spec.round as u64, spec.index as u64);
        let m = config.batch.min(data.train.rows).max(1);
        let net_config = NetworkConfig {
            inputs: data.inputs,
            hidden: config.hidden.clone(),
            outputs: 10,
            activation: Activation::Relu,
            output: Output::SoftmaxCrossEntropy,
            init: Init::He,
            l2: spec.weight_decay * m as f64,
            ..NetworkConfig::default()
        };
        let net = net_config
            .validate(&mut seeded(splitmix(base ^ 1)))
            .map_err(|e| e.to_string())?;
        let train = TrainConfig {
            batch_size: config.batch,
            optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, spec.lr),
            seed: splitmix(base ^ 2),
            ..TrainConfig::default()
        };
        let trainer = Trainer::new(net, train, data.train.clone(), None).map_err(|e| e.to_string())?;
        Ok(TrialRun {
            trainer,
            result: TrialResult {
                spec,
                epochs,
                train_acc: Vec::new(),
                val_acc: Vec::new(),
                train_loss: Vec::new(),
                val_loss: Vec::new(),
                diverged: None,
            },
            eval_due: false,
        })
    }

    /// Whether every epoch asked for is done (or the run diverged).
    pub fn finished(&self) -> bool {
        self.result.diverged.is_some() || self.result.train_acc.len() >= self.result.epochs
    }

    /// Steps spent so far in whole epochs.
    pub fn epochs_done(&self) -> usize {
        self.result.train_acc.len()
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

    /// Runs `job` to the end (what a worker does).
    pub fn run_job(config: &TuningConfig, data: &TuningData, job: &Job) -> Result<TrialResult, String> {
        Self::run_job_reporting(config, data, job, &mut |_| {})
    }

    /// [`TrialRun::run_job`], calling `report` with the curves so far after every epoch but the
    /// last (a worker posts them for the live view).
    pub fn run_job_reporting(
        config: &TuningConfig,
        data: &TuningData,
        job: &Job,
        report: &mut dyn FnMut(&TrialResult),
    ) -> Result<TrialResult, String> {
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

/// One round of the search (the first coarse, later ones finer).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Round {
    /// log10 lr range.
    pub lr: LogRange,
    /// log10 weight-decay range.
    pub weight_decay: LogRange,
    /// Every trial's hyperparameters.
    pub specs: Vec<TrialSpec>,
    /// The latest result of each trial (from the last rung it reached).
    pub results: Vec<Option<TrialResult>>,
    /// Trials alive in each rung reached so far (the first: all).
    pub alive: Vec<Vec<usize>>,
    /// The current rung.
    pub rung: usize,
    /// Trials of the current rung whose result is in.
    pub finished: Vec<usize>,
    /// Trials of the current rung not handed out yet.
    #[serde(skip)]
    pending: VecDeque<usize>,
    /// Trials handed to a worker and not back yet.
    #[serde(skip)]
    claimed: Vec<usize>,
}

/// A caviar search: rounds of trials, run in-thread ([`Search::advance`]) or by workers
/// ([`Search::claim`] / [`Search::accept`]).
pub struct Search {
    /// The settings.
    pub config: TuningConfig,
    data: TuningData,
    /// Rounds so far (the last is the current one).
    pub rounds: Vec<Round>,
    rungs: Vec<Rung>,
    current: Option<TrialRun>,
    /// Curves so far of trials a worker is training (display only; see [`Search::partial`]).
    partials: Vec<TrialResult>,
    /// Epochs trained so far, in all rounds.
    pub spent: usize,
}

impl Search {
    /// Prepares the data and the first round.
    pub fn new(config: TuningConfig, digits: &Dataset) -> Result<Search, String> {
        let data = config.data(digits)?;
        let rungs = config.rungs();
        let mut s = Search {
            data,
            rounds: Vec::new(),
            rungs,
            current: None,
            partials: Vec::new(),
            spent: 0,
            config,
        };
        let (lr, wd) = (s.config.lr, s.config.weight_decay);
        s.start_round(lr, wd);
        Ok(s)
    }

    /// The data of the search.
    pub fn data(&self) -> &TuningData {
        &self.data
    }

    /// The rungs each round goes through.
    pub fn rungs(&self) -> &[Rung] {
        &self.rungs
    }

    fn start_round(&mut self, lr: LogRange, wd: LogRange) {
        let r = self.rounds.len();
        let n = self.config.trials;
        let specs = (0..n)
            .map(|i| TrialSpec::draw(self.config.seed, r, i, lr, wd))
            .collect();
        self.rounds.push(Round {
            lr,
            weight_decay: wd,
            specs,
            results: vec![None; n],
            alive: vec![(0..n).collect()],
            rung: 0,
            finished: Vec::new(),
            pending: (0..n).collect(),
            claimed: Vec::new(),
        });
        self.current = None;
        self.partials.clear();
    }

    /// The current round.
    pub fn round(&self) -> &Round {
        self.rounds.last().expect("a search always has a round")
    }

    fn round_mut(&mut self) -> &mut Round {
        self.rounds.last_mut().expect("a search always has a round")
    }

    /// Whether the current round is complete.
    pub fn round_done(&self) -> bool {
        let r = self.round();
        r.pending.is_empty()
            && r.claimed.is_empty()
            && self.current.is_none()
            && r.finished.len() == r.alive[r.rung].len()
    }

    /// `(done, total)` epochs of the current round's schedule.
    pub fn progress(&self) -> (usize, usize) {
        let r = self.round();
        let total: usize = self.rungs.iter().map(|r| r.trials * r.epochs).sum();
        let mut done = 0;
        for (k, rung) in self.rungs.iter().enumerate().take(r.rung) {
            done += r.alive[k].len().min(rung.trials) * rung.epochs;
        }
        let e = self.rungs[r.rung].epochs;
        done += r.finished.len() * e;
        if let Some(run) = &self.current {
            done += run.epochs_done();
        }
        (done.min(total), total)
    }

    fn job(&self, trial: usize) -> Job {
        let r = self.round();
        Job {
            round: self.rounds.len() - 1,
            trial,
            epochs: self.rungs[r.rung].epochs,
            lr: r.lr,
            weight_decay: r.weight_decay,
        }
    }

    /// Hands out the next job, marking it claimed.
    pub fn claim(&mut self) -> Option<Job> {
        let t = self.round_mut().pending.pop_front()?;
        self.round_mut().claimed.push(t);
        Some(self.job(t))
    }

    /// Jobs of the current rung not handed out yet.
    pub fn pending(&self) -> usize {
        self.round().pending.len()
    }

    /// Puts every claimed job back (their workers were stopped).
    pub fn release(&mut self) {
        self.partials.clear();
        let r = self.round_mut();
        let mut back: Vec<usize> = r.claimed.drain(..).collect();
        back.sort_unstable();
        for t in back.into_iter().rev() {
            r.pending.push_front(t);
        }
    }

    /// Takes in a result computed elsewhere for `job`. `Ok(false)`: it belongs to another round
    /// or rung (stale) and was ignored. `Err`: it does not fit the job.
    pub fn accept(&mut self, job: &Job, result: TrialResult) -> Result<bool, String> {
        let expected = self.job(job.trial);
        if *job != expected || job.trial >= self.config.trials {
            return Ok(false);
        }
        let r = self.round();
        if r.finished.contains(&job.trial) || !r.alive[r.rung].contains(&job.trial) {
            return Ok(false);
        }
        result.check()?;
        if result.spec != r.specs[job.trial] || result.epochs != job.epochs {
            return Err("the result's trial or epochs differ from the job".into());
        }
        self.partials.retain(|p| p.spec.index != job.trial);
        let r = self.round_mut();
        r.claimed.retain(|&t| t != job.trial);
        r.pending.retain(|&t| t != job.trial);
        if self.current.as_ref().is_some_and(|c| c.result.spec.index == job.trial) {
            self.current = None;
        }
        self.record(result);
        Ok(true)
    }

    fn record(&mut self, result: TrialResult) {
        self.spent += result.train_acc.len() + usize::from(result.diverged.is_some());
        let t = result.spec.index;
        let r = self.rounds.last_mut().expect("a search always has a round");
        r.results[t] = Some(result);
        r.finished.push(t);
        r.finished.sort_unstable();
        if r.finished.len() == r.alive[r.rung].len() && r.rung + 1 < self.rungs.len() {
            let keep = self.rungs[r.rung + 1].trials;
            let alive = r.alive[r.rung].clone();
            let scores: Vec<f64> = alive
                .iter()
                .map(|&t| match &r.results[t] {
                    Some(res) if res.diverged.is_none() => -res.final_val(),
                    _ => f64::NAN,
                })
                .collect();
            let next: Vec<usize> = promote(&scores, keep).into_iter().map(|i| alive[i]).collect();
            r.rung += 1;
            r.pending = next.iter().copied().collect();
            r.alive.push(next);
            r.finished.clear();
        }
    }

    /// Trains in this thread for at most `budget` units (mini-batch steps; an epoch's evaluation
    /// counts one). Claimed jobs are left to their workers.
    pub fn advance(&mut self, budget: usize) -> Result<(), String> {
        let mut left = budget;
        while left > 0 {
            if self.current.is_none() {
                let Some(t) = self.round_mut().pending.pop_front() else {
                    return Ok(());
                };
                let job = self.job(t);
                let spec = self.round().specs[t];
                self.current = Some(TrialRun::new(&self.config, &self.data, spec, job.epochs)?);
            }
            let run = self.current.as_mut().expect("set above");
            left -= run.advance(&self.data, left).min(left);
            if run.finished() {
                let run = self.current.take().expect("set above");
                self.record(run.result);
            }
        }
        Ok(())
    }

    /// Takes in the curves so far of a claimed job (a worker reports each epoch), for the live
    /// view only: they are drawn (not counted in the progress, which the page would redraw for
    /// at every epoch), and the final result replaces them. `Ok(false)`: not a claimed job of the current rung (stale), ignored.
    pub fn partial(&mut self, job: &Job, partial: TrialResult) -> Result<bool, String> {
        if *job != self.job(job.trial) || !self.round().claimed.contains(&job.trial) {
            return Ok(false);
        }
        let n = partial.train_acc.len();
        let shaped = partial.diverged.is_none()
            && n < job.epochs
            && [&partial.val_acc, &partial.train_loss, &partial.val_loss]
                .iter()
                .all(|v| v.len() == n);
        let done = TrialResult {
            epochs: n,
            ..partial.clone()
        };
        if !shaped || partial.epochs != job.epochs || partial.spec != self.round().specs[job.trial] {
            return Err("the partial curves do not fit the job".into());
        }
        done.check()?;
        self.partials.retain(|p| p.spec.index != job.trial);
        self.partials.push(partial);
        Ok(true)
    }

    /// Curves of the trials being trained now (in this thread or by workers), unfinished.
    pub fn running(&self) -> Vec<&TrialResult> {
        let mut v: Vec<&TrialResult> = self.partials.iter().collect();
        if let Some(run) = &self.current {
            v.push(&run.result);
        }
        v
    }

    /// The current round's trials with a result: those trained furthest first (with successive
    /// halving, the survivors of the last rung reached), then by validation accuracy, then by
    /// index.
    pub fn ranking(&self) -> Vec<&TrialResult> {
        let mut v: Vec<&TrialResult> = self.round().results.iter().flatten().collect();
        v.sort_by(|a, b| {
            b.epochs
                .cmp(&a.epochs)
                .then(b.final_val().total_cmp(&a.final_val()))
                .then(a.spec.index.cmp(&b.spec.index))
        });
        v
    }

    /// Starts a finer round around the best `k` trials of the current one: each log10 range
    /// becomes their span padded by 0.25 on both sides (clipped to [`LOG_RANGE`]).
    pub fn next_round(&mut self, k: usize) -> Result<(LogRange, LogRange), String> {
        if !self.round_done() {
            return Err("the current round is not finished yet".into());
        }
        if self.rounds.len() >= MAX_ROUNDS {
            return Err(format!("at most {MAX_ROUNDS} rounds"));
        }
        let best: Vec<TrialSpec> = self
            .ranking()
            .iter()
            .filter(|r| r.diverged.is_none())
            .take(k.max(1))
            .map(|r| r.spec)
            .collect();
        if best.is_empty() {
            return Err("no trial finished without diverging".into());
        }
        let span = |f: fn(&TrialSpec) -> f64| {
            let (lo, hi) = best
                .iter()
                .map(|s| f(s).log10())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
            [(lo - 0.25).max(LOG_RANGE.0), (hi + 0.25).min(LOG_RANGE.1)]
        };
        let (lr, wd) = (span(|s| s.lr), span(|s| s.weight_decay));
        self.start_round(lr, wd);
        Ok((lr, wd))
    }
}
