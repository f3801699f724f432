//! Batch norm during training, at lab scale (Ioffe & Szegedy 2015, section 4.1 and figure 1;
//! seeds 000 and 003 on internal covariate shift, seed 003 on batch norm at test time).
//!
//! Two networks with the same weights, 64 -> 100 -> 100 -> 100 -> 10, sigmoid hidden units,
//! softmax output, are trained on the same mini-batches of 60 digits with plain SGD: one without
//! batch norm, one with it (before each activation). Every `every` steps each is probed on a fixed
//! monitor batch (the dev rows) with batch norm normalising by that batch's own statistics (the
//! running averages are not moved): the input of the last hidden layer's activation, `z[3]`, gives
//! the 15th, 50th and 85th percentiles of one unit (Ioffe & Szegedy's figure 1 b, c) and a
//! histogram of the whole layer (the covariate-shift ridge); the dev accuracy is measured as at
//! test time (running statistics). Percentiles: linear interpolation between order statistics
//! (numpy's default), `p(q) = s[floor(h)] + (h - floor(h)) (s[floor(h)+1] - s[floor(h)])`,
//! `h = q (n - 1)`.
//!
//! Batch norm at test time: the trained BN network classifies the test rows once with the running
//! (EWMA) statistics, which do not depend on the batch, and once per batch size `b` with each
//! batch's own mean and variance. With `b = 1` every unit's variance is 0, so `z_hat = 0`, every
//! row gets the same output (`beta`), and accuracy falls to about one class in ten.
//!
//! Drift ([`drift`]): how far the unit's input distribution moves over training, as the largest
//! sweep `max_t p(t) - min_t p(t)` among the three percentile series.
//!
//! The work is done a step at a time ([`BnStudy::advance`]), so a page can spread it over frames.
use super::activation_study::Histogram;
use crate::core::data::{Dataset, SplitConfig};
use crate::core::math::rng::seeded;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, TrainData, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use serde::{Deserialize, Serialize};

/// Test-time batch sizes compared (the last, 0, means the whole test set as one batch).
pub const TEST_BATCHES: [usize; 7] = [1, 2, 4, 8, 16, 60, 0];
/// What a probe or a test-time row costs in [`BnStudy::advance`]'s budget, in steps (a pass over
/// about 360 rows, forward only, against a forward and backward pass over 60).
pub const PROBE_COST: usize = 4;
/// Most epochs: 100 (18 steps each on the 1,078 training digits, so 3,600 steps in all), which
/// keeps the study to about a minute in the browser.
pub const MAX_EPOCHS: usize = 100;
/// Units of each hidden layer: 100 (Ioffe & Szegedy's figure 1 network).
pub const HIDDEN_UNITS: usize = 100;
/// Hidden layers, and the one probed (the last): 3.
pub const PROBED_LAYER: usize = 3;
/// Most rows per mini-batch: 1,000.
pub const MAX_BATCH_SIZE: usize = 1000;

/// Why the study or the grid ([`super::bn_grid`]) refused to start.
#[derive(Clone, Debug, PartialEq)]
pub enum BnError {
    /// A setting outside its range: the config field, its value and the valid range.
    Setting {
        /// The config field (`epochs`, `lr`, `unit`, `samples`, ...).
        field: &'static str,
        /// The value given.
        value: f64,
        /// The valid values, e.g. `1..=100`.
        range: String,
    },
    /// The data could not be split or a network not built (no setting is at fault).
    Data(String),
}

impl BnError {
    /// A setting outside `range`.
    pub fn setting(field: &'static str, value: f64, range: impl Into<String>) -> BnError {
        BnError::Setting {
            field,
            value,
            range: range.into(),
        }
    }

    /// The config field at fault, if a setting is.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            BnError::Setting { field, .. } => Some(field),
            BnError::Data(_) => None,
        }
    }
}

impl std::fmt::Display for BnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BnError::Setting { field, value, range } => write!(f, "{field} must be in {range}, got {value}"),
            BnError::Data(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for BnError {}

/// Settings of the study.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BnStudyConfig {
    /// Training epochs, 1..=[`MAX_EPOCHS`]. Default 30.
    pub epochs: usize,
    /// Rows per mini-batch, 1..=[`MAX_BATCH_SIZE`]. Default 60 (Ioffe & Szegedy).
    pub batch_size: usize,
    /// SGD learning rate (> 0). Default 0.5.
    pub lr: f64,
    /// The probed unit of the last hidden layer, `0..HIDDEN_UNITS`. Default 0.
    pub unit: usize,
    /// Steps between probes (>= 1). Default 6.
    pub every: usize,
    /// Histogram bins of the ridge. Default 40.
    pub bins: usize,
    /// Half-width of the ridge's x range: bins cover `[-range, range]`. Default 4.
    pub range: f64,
    /// Seed of the split, the weights and the shuffles. Default 1.
    pub seed: u64,
}

impl Default for BnStudyConfig {
    fn default() -> Self {
        BnStudyConfig {
            epochs: 30,
            batch_size: 60,
            lr: 0.5,
            unit: 0,
            every: 6,
            bins: 40,
            range: 4.0,
            seed: 1,
        }
    }
}

/// One probe of one network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    /// Optimizer steps taken before the probe.
    pub step: u64,
    /// 15th, 50th and 85th percentiles of the probed unit's activation input.
    pub p15: f64,
    /// Median.
    pub p50: f64,
    /// 85th percentile.
    pub p85: f64,
    /// Dev accuracy (test-time mode).
    pub dev_accuracy: f64,
    /// The whole last hidden layer's activation inputs on the monitor batch.
    pub hist: Histogram,
}

/// Test accuracy of the BN network at one test batch size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TestRow {
    /// Rows per test batch (the whole test set for the last row).
    pub batch_size: usize,
    /// Accuracy with the running (EWMA) statistics.
    pub running: f64,
    /// Accuracy with each test batch's own statistics.
    pub batch_stats: f64,
}

/// One network's run.
#[derive(Debug)]
pub struct StudyRun {
    /// The trainer (its `net` is readable).
    pub trainer: Trainer<f32>,
    /// Probes, oldest first.
    pub probes: Vec<Probe>,
}

impl StudyRun {
    /// How far the probed unit's percentiles moved so far ([`drift`] of the probes).
    pub fn drift(&self) -> f64 {
        drift(&self.probes)
    }

    /// The latest probe's dev accuracy (0 before the first probe).
    pub fn dev_accuracy(&self) -> f64 {
        self.probes.last().map_or(0.0, |p| p.dev_accuracy)
    }
}

/// How far a percentile series moves over training: the largest `max - min` over time among the
/// 15th, 50th and 85th percentiles (0 without probes).
pub fn drift(probes: &[Probe]) -> f64 {
    let sweep = |f: fn(&Probe) -> f64| {
        let (lo, hi) = probes
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi >= lo {
            hi - lo
        } else {
            0.0
        }
    };
    sweep(|p| p.p15).max(sweep(|p| p.p50)).max(sweep(|p| p.p85))
}

/// The study in progress.
#[derive(Debug)]
pub struct BnStudy {
    /// Its settings.
    pub config: BnStudyConfig,
    /// Without batch norm.
    pub plain: StudyRun,
    /// With batch norm.
    pub batch_norm: StudyRun,
    /// The trained BN network's test accuracy per test batch size (filled after training).
    pub test_rows: Vec<TestRow>,
    monitor: TrainData<f32>,
    test: TrainData<f32>,
    steps_per_epoch: u64,
    done: usize,
}

/// Percentile `q` in [0, 1] of sorted values (numpy's linear interpolation).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let h = q * (sorted.len() - 1) as f64;
    let i = h as usize;
    let f = h - i as f64;
    match sorted.get(i + 1) {
        Some(&next) => sorted[i] + f * (next - sorted[i]),
        None => sorted[i],
    }
}

impl BnStudyConfig {
    /// Checks the settings; the error names the field at fault.
    pub fn validate(&self) -> Result<(), BnError> {
        let bad = |field, value: usize, range: String| Err(BnError::setting(field, value as f64, range));
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return bad("epochs", self.epochs, format!("1..={MAX_EPOCHS}"));
        }
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return bad("batch_size", self.batch_size, format!("1..={MAX_BATCH_SIZE}"));
        }
        if self.every == 0 {
            return bad("every", self.every, "1..".into());
        }
        if self.unit >= HIDDEN_UNITS {
            return bad("unit", self.unit, format!("0..{HIDDEN_UNITS}"));
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return Err(BnError::setting("lr", self.lr, "(0, inf)"));
        }
        if !(self.range.is_finite() && self.range > 0.0) {
            return Err(BnError::setting("range", self.range, "(0, inf)"));
        }
        Ok(())
    }

    fn network(&self, batch_norm: bool) -> NetworkConfig {
        NetworkConfig {
            inputs: 64,
            hidden: vec![HIDDEN_UNITS; PROBED_LAYER],
            outputs: 10,
            activation: Activation::Sigmoid,
            output: Output::SoftmaxCrossEntropy,
            init: Init::XavierCourse,
            batch_norm,
            ..NetworkConfig::default()
        }
    }

    /// Splits `digits` 60/20/20 with the seed and prepares both runs (no training yet: cheap).
    pub fn start(&self, digits: &Dataset) -> Result<BnStudy, BnError> {
        self.validate()?;
        let data = |e: &dyn std::fmt::Display| BnError::Data(e.to_string());
        let split = SplitConfig::default()
            .split(digits, &mut seeded(self.seed))
            .map_err(|e| data(&e))?;
        let out = Output::SoftmaxCrossEntropy;
        let train = split.train.train_data::<f32>(out, 10);
        let tc = TrainConfig {
            batch_size: self.batch_size,
            optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, self.lr),
            seed: self.seed,
            ..TrainConfig::default()
        };
        let run = |bn: bool| -> Result<StudyRun, BnError> {
            // The same seed draws the same weights for both networks (gamma and beta are not drawn).
            let net = self
                .network(bn)
                .validate(&mut seeded(self.seed))
                .map_err(|e| data(&e))?;
            let trainer = Trainer::new(net, tc, train.clone(), None).map_err(|e| data(&e))?;
            Ok(StudyRun {
                trainer,
                probes: Vec::new(),
            })
        };
        let rows = train.rows as u64;
        Ok(BnStudy {
            config: *self,
            plain: run(false)?,
            batch_norm: run(true)?,
            test_rows: Vec::new(),
            monitor: split.dev.train_data(out, 10),
            test: split.test.train_data(out, 10),
            steps_per_epoch: rows.div_ceil(self.batch_size.min(train.rows) as u64),
            done: 0,
        })
    }
}

impl BnStudy {
    /// Optimizer steps per epoch (per network).
    pub fn steps_per_epoch(&self) -> u64 {
        self.steps_per_epoch
    }

    /// Optimizer steps per network.
    pub fn total_steps(&self) -> u64 {
        self.steps_per_epoch * self.config.epochs as u64
    }

    /// Units of work in the whole job: one per step of either network, then one per test batch
    /// size of the trained BN network.
    pub fn total_units(&self) -> usize {
        2 * self.total_steps() as usize + TEST_BATCHES.len()
    }

    /// Units done.
    pub fn done_units(&self) -> usize {
        self.done
    }

    /// (units done, units in the whole job).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total_units())
    }

    /// Does units within a budget of `max_units` step equivalents (at least one unit when
    /// `max_units > 0`): steps (alternating: without BN, then with BN, probing before the first
    /// step and every `every` steps), then the test-time rows; returns (done, total).
    pub fn advance(&mut self, max_units: usize) -> (usize, usize) {
        let total = self.total_units();
        let steps = 2 * self.total_steps() as usize;
        // Budget in step equivalents: a probe (two passes over the monitor rows) and a test row
        // cost about as much as PROBE_COST steps, so a call takes about the same time anywhere.
        let mut spent = 0;
        while spent < max_units && self.done < total {
            spent += if self.done < steps {
                self.step(self.done % 2 == 1)
            } else {
                let b = TEST_BATCHES[self.done - steps];
                let running = self.test_rows.first().map(|r| r.running);
                let row = test_row(&mut self.batch_norm.trainer, &self.test, b, running);
                self.test_rows.push(row);
                PROBE_COST
            };
            self.done += 1;
        }
        (self.done, total)
    }

    /// One step of one network (with the probes it triggers); returns its cost.
    fn step(&mut self, bn: bool) -> usize {
        let mut cost = 1;
        let (every, last) = (self.config.every as u64, self.total_steps());
        let (cfg, monitor) = (self.config, &self.monitor);
        if self.plain.probes.is_empty() {
            // Both networks before any step (so the series start together).
            for run in [&mut self.plain, &mut self.batch_norm] {
                let p = probe(run, monitor, &cfg);
                run.probes.push(p);
            }
            cost += 2 * PROBE_COST;
        }
        let run = if bn { &mut self.batch_norm } else { &mut self.plain };
        // A diverged run stops stepping; its units still count so the job ends.
        run.trainer.step();
        let s = run.trainer.steps();
        if s % every == 0 || s == last {
            let p = probe(run, monitor, &cfg);
            run.probes.push(p);
            cost += PROBE_COST;
        }
        cost
    }
}

fn probe(run: &mut StudyRun, monitor: &TrainData<f32>, cfg: &BnStudyConfig) -> Probe {
    let step = run.trainer.steps();
    let dev_accuracy = run.trainer.evaluate(monitor).ok().and_then(|r| r.1).unwrap_or(0.0);
    let net = &mut run.trainer.net;
    let ok = net.forward_batch_stats(&monitor.x, monitor.rows).is_ok();
    let z = if ok {
        net.pre_activations(PROBED_LAYER).unwrap_or(&[])
    } else {
        &[]
    };
    let mut unit: Vec<f64> = z.chunks_exact(HIDDEN_UNITS).map(|r| r[cfg.unit] as f64).collect();
    unit.sort_by(f64::total_cmp);
    Probe {
        step,
        p15: percentile(&unit, 0.15),
        p50: percentile(&unit, 0.50),
        p85: percentile(&unit, 0.85),
        dev_accuracy,
        hist: Histogram::of(z.iter().map(|&v| v as f64), -cfg.range, cfg.range, cfg.bins),
    }
}

/// Test accuracy of `trainer.net` with test batches of `batch_size` rows (0: all rows in one),
/// with the running statistics (`running`, measured when `None`) and with each batch's own.
pub fn test_row(trainer: &mut Trainer<f32>, test: &TrainData<f32>, batch_size: usize, running: Option<f64>) -> TestRow {
    let running = running.unwrap_or_else(|| trainer.evaluate(test).ok().and_then(|r| r.1).unwrap_or(0.0));
    let net = &mut trainer.net;
    let (ni, no) = (net.config().inputs, net.config().outputs);
    let b = if batch_size == 0 {
        test.rows
    } else {
        batch_size.min(test.rows)
    };
    let mut correct = 0.0;
    for start in (0..test.rows).step_by(b) {
        let m = b.min(test.rows - start);
        let x = &test.x[start * ni..(start + m) * ni];
        let y = &test.y[start * no..(start + m) * no];
        if net.forward_batch_stats(x, m).is_ok() {
            correct += net.accuracy(y).unwrap_or(0.0) * m as f64;
        }
    }
    TestRow {
        batch_size: b,
        running,
        batch_stats: correct / test.rows as f64,
    }
}
