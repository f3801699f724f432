//! The study as resumable work: a list of small tasks (a block of rows of one layer's product,
//! a batch norm, a layer's statistics...) run a few at a time, so a view can spread a large study
//! (5,000 samples: about a GFLOP) over animation frames and keep its old figure until the new one
//! is complete.
//!
//! The tasks compute exactly what one pass over the whole batch computes: a block of rows of a
//! product is the same sums as the full product's rows ([`crate::core::math::gemm`] sums each
//! element on its own), and the sigmoid and tanh are fused into the product's write-back only
//! where no batch norm sits between the product and the activation (the bits are those of the
//! product followed by the activation). The batch-norm run's first product is the plain run's
//! (same input, same weights), so it is copied instead of computed again.
//!
//! The random draws are tasks too (the input in blocks of rows, then each layer's weights, then
//! the upstream gradient, from the same streams in the same order as
//! [`ActivationStudyConfig::draw`]), skipped when earlier draws fit; arrays are allocated by the
//! task that first fills them. So starting a job costs next to nothing: the input's handler
//! returns at once, whatever the size.
//!
//! Work is counted in floating-point operations, elementwise passes and random draws at
//! [`PER_ELEMENT`] each, in units of [`UNIT_FLOPS`] (a few milliseconds in the browser) for
//! [`StudyJob::advance`]; the progress is reported in tenths of the whole.
use super::stats::{layer_stats, log_range, value_range};
use super::{ActivationStudy, ActivationStudyConfig, LayerStats, StudyDraws, UPSTREAM_STREAM};
use crate::core::math::gemm::{GemmScratch, MC};
use crate::core::math::rng::{seeded, standard_normal, StdRng};
use crate::core::nn::batchnorm::{backward as bn_backward, forward_train, BnCache, RunningStats};
use crate::core::nn::dense;
use std::sync::Arc;

/// Rows of the batch per product task: the SGEMM's row block.
pub const ROWS: usize = MC;
/// One unit of [`StudyJob::advance`]: 2²⁶ (about 67 million) floating-point operations, a few
/// milliseconds of the browser's SGEMM.
pub const UNIT_FLOPS: f64 = 67_108_864.0;
/// What one elementwise pass over one value counts, in floating-point operations.
pub const PER_ELEMENT: f64 = 16.0;
/// Leaky ReLU's slope (the study offers the others; the engine's default).
const SLOPE: f32 = 0.01;
/// Steps of the reported progress: tenths.
pub const PROGRESS_STEPS: usize = 10;

/// One task of the job. `bn` picks the run (false: plain, true: with batch norm).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Task {
    /// Draw the input's rows `r0..r1` (N(0, 1)).
    DrawInput { r0: usize, r1: usize },
    /// Draw `layer`'s weights as unit normals (when the draws are new), then scale them.
    Weights { layer: usize },
    /// Draw the upstream gradient's rows `r0..r1` (its own stream).
    DrawUpstream { r0: usize, r1: usize },
    /// `z = a_{l-1} W_l` for rows `r0..r1` (and `a = g(z)` on the plain run).
    Product {
        bn: bool,
        layer: usize,
        r0: usize,
        r1: usize,
    },
    /// The batch-norm run's first `z`: the plain run's.
    ShareFirst,
    /// The batch-norm run: `z` of `layer` normalised over the batch.
    Normalise { layer: usize },
    /// The batch-norm run: `a = g(ẑ)` for rows `r0..r1`.
    Activate { layer: usize, r0: usize, r1: usize },
    /// Backward: `dJ/dz` of `layer` from `dJ/da` (through batch norm on that run).
    Local { bn: bool, layer: usize },
    /// Backward: `dJ/da` of the layer below, rows `r0..r1`: `dz W_l^T`.
    Propagate {
        bn: bool,
        layer: usize,
        r0: usize,
        r1: usize,
    },
    /// One layer's numbers (the first of a run also finds the run's histogram ranges).
    Stats { bn: bool, layer: usize },
}

/// One run's arrays: per layer its pre-activations, activations and batch-norm cache, and the
/// backward pass's gradients.
#[derive(Clone, Debug, Default)]
struct Run {
    zs: Vec<Vec<f32>>,
    acts: Vec<Vec<f32>>,
    caches: Vec<BnCache<f32>>,
    grads: Vec<Vec<f32>>,
    /// `dJ/da` of the layer being sent back.
    da: Vec<f32>,
    /// `dJ/dz` of the layer being sent back (after batch norm's backward).
    dz: Vec<f32>,
    /// The histogram ranges of the activations and of log10 |dJ/dz|.
    ranges: ((f64, f64), Option<(f64, f64)>),
    stats: Vec<LayerStats>,
}

/// A study under way: [`ActivationStudyConfig::start`] makes one, [`StudyJob::advance`] runs it a
/// little at a time, [`StudyJob::finish`] hands over the study once [`StudyJob::is_done`].
#[derive(Debug)]
pub struct StudyJob {
    config: ActivationStudyConfig,
    weight_std: f64,
    draws: StudyDraws,
    /// The streams of draws still to make (input then weights; the upstream gradient).
    rng: Option<StdRng>,
    upstream_rng: Option<StdRng>,
    weights: Vec<Vec<f32>>,
    tasks: Vec<Task>,
    next: usize,
    flops_done: f64,
    flops_total: f64,
    runs: [Run; 2],
    scratch: GemmScratch,
}

impl StudyJob {
    /// The job of `config` (validated), reusing `earlier` draws where they fit (see
    /// [`ActivationStudyConfig::start`]).
    pub(super) fn new(config: ActivationStudyConfig, earlier: &StudyDraws) -> StudyJob {
        let (m, n, layers) = (config.samples, config.units, config.layers);
        let std = config.init.std(n, n);
        let reuse = earlier.key == config.key();
        let draws = if reuse {
            earlier.clone()
        } else {
            StudyDraws {
                key: config.key(),
                x: Default::default(),
                unit_weights: Default::default(),
                upstream: None,
            }
        };
        let draw_upstream = config.backward && draws.upstream.is_none();
        let blocks = |make: &dyn Fn(usize, usize) -> Task| -> Vec<Task> {
            (0..m).step_by(ROWS).map(|r0| make(r0, (r0 + ROWS).min(m))).collect()
        };
        let mut tasks = Vec::new();
        if !reuse {
            tasks.extend(blocks(&|r0, r1| Task::DrawInput { r0, r1 }));
        }
        tasks.extend((0..layers).map(|layer| Task::Weights { layer }));
        if draw_upstream {
            tasks.extend(blocks(&|r0, r1| Task::DrawUpstream { r0, r1 }));
        }
        for layer in 0..layers {
            tasks.extend(blocks(&|r0, r1| Task::Product {
                bn: false,
                layer,
                r0,
                r1,
            }));
        }
        for layer in 0..layers {
            if layer == 0 {
                tasks.push(Task::ShareFirst);
            } else {
                tasks.extend(blocks(&|r0, r1| Task::Product {
                    bn: true,
                    layer,
                    r0,
                    r1,
                }));
            }
            tasks.push(Task::Normalise { layer });
            tasks.extend(blocks(&|r0, r1| Task::Activate { layer, r0, r1 }));
        }
        if config.backward {
            for bn in [false, true] {
                for layer in (0..layers).rev() {
                    tasks.push(Task::Local { bn, layer });
                    if layer > 0 {
                        tasks.extend(blocks(&|r0, r1| Task::Propagate { bn, layer, r0, r1 }));
                    }
                }
            }
        }
        for bn in [false, true] {
            tasks.extend((0..layers).map(|layer| Task::Stats { bn, layer }));
        }
        // each array is allocated by the task that first fills it
        let run = || Run {
            zs: vec![Vec::new(); layers],
            acts: vec![Vec::new(); layers],
            caches: vec![BnCache::default(); layers],
            grads: vec![Vec::new(); layers],
            ..Run::default()
        };
        let mut job = StudyJob {
            config,
            weight_std: std,
            draws,
            rng: (!reuse).then(|| seeded(config.seed)),
            upstream_rng: draw_upstream.then(|| seeded(config.seed.wrapping_add(UPSTREAM_STREAM))),
            weights: vec![Vec::new(); layers],
            tasks,
            next: 0,
            flops_done: 0.0,
            flops_total: 0.0,
            runs: [run(), run()],
            scratch: GemmScratch::default(),
        };
        job.flops_total = job.tasks.iter().map(|&t| job.cost(t)).sum();
        job
    }

    /// The settings being computed.
    pub fn config(&self) -> &ActivationStudyConfig {
        &self.config
    }

    /// The whole job's work in floating-point operations (elementwise passes included).
    pub fn flops(&self) -> f64 {
        self.flops_total
    }

    /// Whether every task has run.
    pub fn is_done(&self) -> bool {
        self.next >= self.tasks.len()
    }

    /// `(done, total)` in tenths of the whole job ([`PROGRESS_STEPS`]); done equals total exactly
    /// when the job is complete.
    pub fn progress(&self) -> (usize, usize) {
        let total = PROGRESS_STEPS;
        if self.is_done() {
            return (total, total);
        }
        let share = self.flops_done / self.flops_total.max(1.0);
        (((share * total as f64).floor() as usize).min(total - 1), total)
    }

    /// The draws the study uses, once they are all made (for the next study to reuse).
    pub fn draws(&self) -> Option<&StudyDraws> {
        let drawn = self.rng.is_none() && self.upstream_rng.is_none();
        drawn.then_some(&self.draws)
    }

    /// Runs tasks until about `max_units` units of work are done (at least one task when
    /// `max_units > 0`, none for 0) and returns the progress.
    pub fn advance(&mut self, max_units: usize) -> (usize, usize) {
        let budget = max_units as f64 * UNIT_FLOPS;
        let mut spent = 0.0;
        while max_units > 0 && spent < budget && !self.is_done() {
            let task = self.tasks[self.next];
            self.run(task);
            let cost = self.cost(task);
            spent += cost;
            self.flops_done += cost;
            self.next += 1;
        }
        self.progress()
    }

    /// Runs the whole job now.
    pub fn run_to_end(&mut self) {
        while !self.is_done() {
            self.advance(usize::MAX >> 1);
        }
    }

    /// The study, once [`Self::is_done`] (`None` before).
    pub fn finish(self) -> Option<ActivationStudy> {
        if !self.is_done() {
            return None;
        }
        let [plain, batch_norm] = self.runs;
        Some(ActivationStudy {
            weight_std: self.weight_std,
            plain: plain.stats,
            batch_norm: batch_norm.stats,
        })
    }

    /// A task's work in floating-point operations.
    fn cost(&self, task: Task) -> f64 {
        let (m, n) = (self.config.samples as f64, self.config.units as f64);
        let rows = |r0: usize, r1: usize| (r1 - r0) as f64;
        match task {
            Task::DrawInput { r0, r1 } | Task::DrawUpstream { r0, r1 } => rows(r0, r1) * n * PER_ELEMENT,
            Task::Weights { .. } => n * n * PER_ELEMENT,
            Task::Product { r0, r1, .. } => rows(r0, r1) * n * (2.0 * n + PER_ELEMENT),
            Task::Propagate { r0, r1, .. } => rows(r0, r1) * n * 2.0 * n,
            Task::Activate { r0, r1, .. } => rows(r0, r1) * n * PER_ELEMENT,
            Task::ShareFirst => m * n,
            Task::Normalise { .. } | Task::Local { .. } => 2.0 * m * n * PER_ELEMENT,
            Task::Stats { .. } => (3.0 + 2.0 * self.config.backward as u8 as f64) * m * n * PER_ELEMENT,
        }
    }

    fn run(&mut self, task: Task) {
        let c = self.config;
        let (m, n) = (c.samples, c.units);
        let span = |r0: usize, r1: usize| r0 * n..r1 * n;
        match task {
            Task::DrawInput { r0, r1 } => {
                let rng = self.rng.as_mut().expect("a stream for new draws");
                let x = Arc::get_mut(&mut self.draws.x).expect("new draws are the job's own");
                x.extend((r0 * n..r1 * n).map(|_| standard_normal(rng) as f32));
            }
            Task::Weights { layer } => {
                if let Some(rng) = self.rng.as_mut() {
                    let w = Arc::get_mut(&mut self.draws.unit_weights).expect("new draws are the job's own");
                    w.push((0..n * n).map(|_| standard_normal(rng)).collect());
                    if layer + 1 == c.layers {
                        self.rng = None;
                    }
                }
                let std = self.weight_std;
                // f32(std * z): the very values Init::fill draws for a N(0, std^2) initialisation
                self.weights[layer] = self.draws.unit_weights[layer]
                    .iter()
                    .map(|&z| (std * z) as f32)
                    .collect();
            }
            Task::DrawUpstream { r0, r1 } => {
                let rng = self.upstream_rng.as_mut().expect("a stream for the upstream gradient");
                let up = self.draws.upstream.get_or_insert_with(Default::default);
                let up = Arc::get_mut(up).expect("a new upstream gradient is the job's own");
                up.extend((r0 * n..r1 * n).map(|_| standard_normal(rng) as f32));
                if r1 == m {
                    self.upstream_rng = None;
                }
            }
            Task::Product { bn, layer, r0, r1 } => {
                let [plain, with_bn] = &mut self.runs;
                let run = if bn { with_bn } else { plain };
                if r0 == 0 {
                    run.zs[layer] = vec![0.0; m * n];
                    run.acts[layer] = vec![0.0; m * n];
                }
                let (below, here) = run.acts.split_at_mut(layer);
                let input: &[f32] = if layer == 0 { &self.draws.x } else { &below[layer - 1] };
                let rows = span(r0, r1);
                let z = &mut run.zs[layer][rows.clone()];
                if bn {
                    // batch norm comes between the product and the activation
                    dense::forward(
                        &input[rows],
                        &self.weights[layer],
                        None,
                        r1 - r0,
                        n,
                        n,
                        z,
                        &mut self.scratch,
                    );
                } else {
                    let a = &mut here[0][rows.clone()];
                    dense::forward_activated(
                        &input[rows],
                        &self.weights[layer],
                        r1 - r0,
                        n,
                        n,
                        c.activation,
                        SLOPE,
                        Some(z),
                        a,
                        &mut self.scratch,
                    );
                }
            }
            Task::ShareFirst => {
                let [plain, with_bn] = &mut self.runs;
                with_bn.zs[0] = plain.zs[0].clone();
                with_bn.acts[0] = vec![0.0; m * n];
            }
            Task::Normalise { layer } => {
                let run = &mut self.runs[1];
                let (ones, zeros) = (vec![1f32; n], vec![0f32; n]);
                let mut normed = vec![0f32; m * n];
                let mut running = RunningStats::new(n);
                let cache = &mut run.caches[layer];
                forward_train(
                    &run.zs[layer],
                    m,
                    n,
                    &ones,
                    &zeros,
                    c.eps as f32,
                    0.9,
                    &mut running,
                    cache,
                    &mut normed,
                );
                run.zs[layer] = normed;
            }
            Task::Activate { layer, r0, r1 } => {
                let run = &mut self.runs[1];
                let rows = span(r0, r1);
                c.activation
                    .forward(&run.zs[layer][rows.clone()], &mut run.acts[layer][rows], SLOPE);
            }
            Task::Local { bn, layer } => {
                let upstream = self.draws.upstream.as_deref().expect("drawn for a backward study");
                let run = &mut self.runs[bn as usize];
                if layer + 1 == c.layers {
                    run.da = upstream.to_vec();
                }
                let mut dz = run.da.clone();
                c.activation.backward(&run.zs[layer], &run.acts[layer], &mut dz, SLOPE);
                run.grads[layer] = dz.clone();
                if bn {
                    let (ones, mut dgamma, mut dbeta) = (vec![1f32; n], vec![0f32; n], vec![0f32; n]);
                    bn_backward(&mut dz, m, n, &ones, &run.caches[layer], &mut dgamma, &mut dbeta);
                }
                run.dz = dz;
            }
            Task::Propagate { bn, layer, r0, r1 } => {
                let run = &mut self.runs[bn as usize];
                let rows = span(r0, r1);
                let (dz, da) = (&run.dz[rows.clone()], &mut run.da[rows]);
                dense::grad_input(dz, &self.weights[layer], r1 - r0, n, n, da, &mut self.scratch);
            }
            Task::Stats { bn, layer } => {
                let run = &mut self.runs[bn as usize];
                if layer == 0 {
                    let grads = c.backward.then(|| log_range(&run.grads));
                    run.ranges = (value_range(c.activation, &run.acts), grads);
                }
                let (range, grad_range) = run.ranges;
                let grad = grad_range.map(|r| (run.grads[layer].as_slice(), r));
                let stats = layer_stats(&c, &run.zs[layer], &run.acts[layer], range, grad);
                run.stats.push(stats);
            }
        }
    }
}
