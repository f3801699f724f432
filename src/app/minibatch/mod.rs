//! `view=minibatch`: batch, mini-batch and stochastic gradient descent (seed 001, "mini-batch
//! gradient descent": one update per pass over all `m` examples, per batch `X^{t}`, per example;
//! an epoch is one pass; sizes 64 to 512 for large sets, plain batch descent below about 2,000)
//! on the same least-squares regression: their paths on the cost's contour lines, the batch cost
//! per iteration (smooth or noisy), the training cost per epoch, and the time each needs to reach
//! a target cost in iterations, epochs and examples seen. The experiment is
//! [`crate::core::lab::minibatch`]; words: [`text`].
use super::params::{float, int, log, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::minibatch::{draw_minibatch, height_for, layout, MinibatchChartData, MinibatchChartWords, RunFigure};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::minibatch::{
    MinibatchConfig, MinibatchError, MinibatchStudy, Run, MAX_EPOCHS, MAX_EXAMPLES, MAX_NOISE, MAX_RHO,
};
use crate::core::math::contour::Grid;
use serde_json::json;

mod text;
use text::{words, Describe, RunWords};

/// Iso-lines drawn.
pub const LEVELS: usize = 12;
/// Contour grid points per side.
pub const GRID: usize = 120;

/// Parameters of `view=minibatch`. The defaults: 1,000 examples, mini-batches of 64 (the notes'
/// smallest suggestion, 2^6), learning rate 0.1, 10 epochs.
pub const PARAMS: &[ParamSpec] = &[
    int("batch", 1, MAX_EXAMPLES as i64, "64")
        .slider(Slider::Pow2)
        .group(Group::Optimisation)
        .main(),
    log("lr", 1e-4, 10.0, "0.1").group(Group::Optimisation).main(),
    // twice the cap, so that more is refused with a notice rather than clamped
    int("epochs", 1, 2 * MAX_EPOCHS as i64, "10").group(Group::Run).main(),
    int("examples", 2, MAX_EXAMPLES as i64, "1000").group(Group::Data).main(),
    log("target", 1e-4, 0.5, "0.01").group(Group::Run),
    float("rho", -MAX_RHO, MAX_RHO, 0.01, "0.7").group(Group::Data),
    float("noise", 0.0, MAX_NOISE, 0.01, "1").group(Group::Data),
    float("w1", -100.0, 100.0, 0.01, "-2").group(Group::Run),
    float("w2", -100.0, 100.0, 0.01, "3").group(Group::Run),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "minibatch",
    stage: Stage::Optimisation,
    params: PARAMS,
    commands: &[read_only("geometry")],
    new: |p| Ok(Box::new(MinibatchView::build(p)?)),
};

/// The computed view.
pub struct MinibatchView {
    study: MinibatchStudy,
    x: (f64, f64),
    y: (f64, f64),
    levels: Vec<(f64, Vec<Vec<[f64; 2]>>)>,
}

/// The parameter that holds a refused setting.
fn param_of(e: &MinibatchError) -> &'static str {
    match e {
        MinibatchError::Examples(_) => "examples",
        MinibatchError::Batch(_) => "batch",
        MinibatchError::Lr(_) => "lr",
        MinibatchError::Epochs(_) => "epochs",
        MinibatchError::Rho(_) => "rho",
        MinibatchError::Noise(_) => "noise",
        MinibatchError::Start => "w1",
        MinibatchError::Target(_) => "target",
    }
}

impl MinibatchView {
    /// Computes the view from validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = MinibatchConfig {
            examples: params.int("examples") as usize,
            batch: params.int("batch") as usize,
            lr: params.float("lr"),
            epochs: params.int("epochs") as usize,
            rho: params.float("rho"),
            noise: params.float("noise"),
            seed: params.int("seed") as u64,
            start: [params.float("w1"), params.float("w2")],
            target: params.float("target"),
        };
        let study = config
            .run()
            .map_err(|e| Notice::inconsistent(param_of(&e), e.to_string()))?;
        // a square window around the start and the minimum
        let (s, o) = (config.start, study.optimum);
        let c = [(s[0] + o[0]) / 2.0, (s[1] + o[1]) / 2.0];
        let half = (0.75 * (s[0] - o[0]).abs().max((s[1] - o[1]).abs())).max(0.25);
        let (x, y) = ((c[0] - half, c[0] + half), (c[1] - half, c[1] + half));
        let g = Grid::sample(GRID, GRID, x, y, |a, b| study.cost.value([a, b]));
        let height = (study.cost.value(s) - study.min_cost).max(1e-9);
        let ls: Vec<f64> = (0..LEVELS)
            .map(|k| study.min_cost + 1.5 * height * 0.5f64.powi(k as i32))
            .collect();
        let lines = g.contours(&ls);
        Ok(MinibatchView {
            levels: ls.into_iter().zip(lines).collect(),
            study,
            x,
            y,
        })
    }

    /// The study.
    pub fn study(&self) -> &MinibatchStudy {
        &self.study
    }

    fn run_words(&self, r: &Run) -> RunWords {
        let m = self.study.config.examples;
        RunWords {
            method: r.method,
            batch: r.batch,
            per_epoch: r.per_epoch,
            reached: r.reached.map(|t| (t, r.seen[t] as f64 / m as f64, r.seen[t])),
            spread: r.spread(),
            wander: r.wander(self.study.optimum),
            diverged: r.diverged_at,
        }
    }

    fn chart_data(&self, lang: Lang) -> MinibatchChartData<'_> {
        let w = words(lang);
        let st = &self.study;
        let m = st.config.examples as f64;
        let runs = st
            .runs
            .iter()
            .map(|r| RunFigure {
                name: (w.name)(r.method, r.batch),
                strip: [
                    (w.strip)(r.method, r.batch, r.per_epoch),
                    (w.strip_short)(r.method, r.batch, r.per_epoch),
                ],
                points: &r.points,
                epochs: r.seen.iter().map(|&n| n as f64 / m).collect(),
                batch_costs: &r.batch_costs,
                excess: r.costs.iter().map(|j| j - st.min_cost).collect(),
                diverged: r.diverged_at.is_some(),
            })
            .collect();
        MinibatchChartData {
            runs,
            x: self.x,
            y: self.y,
            levels: &self.levels,
            optimum: st.optimum,
            start: st.config.start,
            target_excess: st.target_cost - st.min_cost,
            epochs: st.config.epochs as f64,
            target_note: [(w.target)(st.config.target), w.target_short.to_string()],
            words: MinibatchChartWords {
                w1: w.w[0],
                w2: w.w[1],
                paths: w.paths,
                cost: w.cost,
                epoch: w.epoch,
                batch_cost: w.batch_cost,
            },
        }
    }
}

impl View for MinibatchView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = MinibatchView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let st = &self.study;
        let runs: Vec<_> = st
            .runs
            .iter()
            .map(|r| {
                json!({
                    "method": r.method.id(), "batch": r.batch, "per_epoch": r.per_epoch,
                    "points": r.points, "batch_costs": r.batch_costs, "costs": r.costs, "seen": r.seen,
                    "epoch_costs": r.epoch_costs(), "reached": r.reached, "diverged_at": r.diverged_at,
                    "spread": r.spread(), "wander": r.wander(st.optimum), "mean_last_epoch": r.mean_last_epoch(),
                })
            })
            .collect();
        let mut out = self.summary();
        out["runs"] = json!(runs);
        out["hessian"] = json!(st.cost.h);
        out["g"] = json!(st.cost.g);
        out["c"] = json!(st.cost.c);
        out["x"] = json!(st.data.x);
        out["y"] = json!(st.data.y);
        out
    }

    fn summary(&self) -> serde_json::Value {
        let st = &self.study;
        let m = st.config.examples as f64;
        let rows: Vec<serde_json::Value> = st
            .runs
            .iter()
            .map(|r| {
                let reached = r.reached.map(|t| (t, r.seen[t] as f64 / m, r.seen[t]));
                json!([
                    r.method.id(),
                    r.batch,
                    r.per_epoch,
                    r.iterations(),
                    reached.map(|v| v.0),
                    reached.map(|v| v.1),
                    reached.map(|v| v.2),
                    r.costs.last(),
                    r.spread(),
                    r.wander(st.optimum),
                ])
            })
            .collect();
        json!({
            "examples": st.config.examples,
            "optimum": st.optimum,
            "min_cost": st.min_cost,
            "target_cost": st.target_cost,
            "start": st.config.start,
            "tables": [{
                "id": "methods",
                "columns": ["method", "batch", "per_epoch", "iterations", "to_target_iterations", "to_target_epochs",
                    "to_target_examples", "final_cost", "spread", "wander"],
                "rows": rows,
            }],
        })
    }

    fn csv(&self) -> String {
        // long format: one row per method and iteration (method: 0 batch, 1 mini-batch, 2 stochastic)
        let header: Vec<String> = ["method", "iteration", "examples_seen", "w1", "w2", "cost", "batch_cost"]
            .map(String::from)
            .to_vec();
        let rows = self.study.runs.iter().enumerate().flat_map(|(k, r)| {
            (0..r.points.len()).map(move |t| {
                // the batch cost of the iteration that starts at point t (none after the last)
                let batch = r.batch_costs.get(t).copied().unwrap_or(r.costs[t]);
                vec![k as f64, t as f64, r.seen[t] as f64, r.points[t][0], r.points[t][1], r.costs[t], batch]
            })
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let st = &self.study;
        let runs: Vec<RunWords> = st.runs.iter().map(|r| self.run_words(r)).collect();
        (words(lang).describe)(&Describe {
            m: st.config.examples,
            lr: st.config.lr,
            epochs: st.config.epochs,
            start: st.config.start,
            optimum: st.optimum,
            target: st.config.target,
            runs: &runs,
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        draw_minibatch(root, &self.chart_data(theme.lang), theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        height_for(width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "geometry" => {
                let size: Vec<f64> = arg.split(',').filter_map(|v| v.trim().parse().ok()).collect();
                match size[..] {
                    [w, h] if w.is_finite() && h.is_finite() && w >= 16.0 && h >= 16.0 => {
                        let r = layout(w, h, &Theme::default()).contour.1;
                        Ok(json!([{"space": "weights", "rect": [r.x, r.y, r.w, r.h], "x": self.x, "y": self.y}]))
                    }
                    _ => Err(Notice::rejected("geometry", format!("expected width,height, got {arg:?}")).into()),
                }
            }
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }
}
