//! The actions of `view=batchnorm` that are not parameters, for the two jobs whose runs go to Web
//! Workers (the grid and the layer-norm study; the shape of `app::learning::commands`): `workers`
//! (who computes: Web Workers or the page), `claim`, `release`, `result`, `partial` (background
//! bookkeeping of the runs out with workers, for the job of the panel shown), the read-only
//! `status` (who computes, runs done of the panel shown) and [`compute`], what a worker does with
//! a run (`app::runs::compute` calls it). A report on a run the view would not hand out now is
//! stale and ignored; one that does not fit its run is refused.
use super::params::{configs, layer_config, layer_refused, Panel, PARAMS};
use super::BatchnormView;
use crate::app::params::Notice;
use crate::app::targets::QUERY;
use crate::app::{action, assets, background, read_only, runs, CommandSpec};
use crate::core::lab::bn_grid::GridSeries;
use crate::core::lab::norm_batch::{NormCurve, NormRun};
use crate::core::lab::runs::Run;
use serde_json::json;

/// The actions, as the registry lists them.
pub const COMMANDS: &[CommandSpec] = &[
    read_only(QUERY),
    action("workers"),
    background("claim"),
    read_only("status"),
    background("release"),
    background("result"),
    background("partial"),
];

/// What a worker does with `run` (of the grid or of the layer-norm study, as its `panel` says):
/// reads its settings, trains it on the digits and returns the text of its report; `on_partial`
/// gets the report so far after every epoch.
pub fn compute(run: &Run, on_partial: &mut dyn FnMut(&str)) -> Result<String, Notice> {
    let params = runs::settings(run, PARAMS)?;
    let digits = assets::digits("run")?;
    match params.pick::<Panel>("panel") {
        Panel::Grid => {
            let mut report = |s: &GridSeries| on_partial(&runs::write(run, s));
            let (_, grid) = configs(&params);
            let series = grid
                .run_to_end(digits, run.index, &mut report)
                .map_err(|e| Notice::rejected("run", e.to_string()))?;
            Ok(runs::write(run, &series))
        }
        Panel::Layer => {
            let mut report = |c: &NormCurve| on_partial(&runs::write(run, c));
            let curve = NormRun::run_to_end(&layer_config(&params), digits, run.index, &mut report).map_err(layer_refused)?;
            Ok(runs::write(run, &curve))
        }
        _ => Err(Notice::rejected("run", "only the grid and the layer panel have runs")),
    }
}

impl BatchnormView {
    /// Run `index` of the job of `panel` as the view hands it out now.
    pub(super) fn run_of(&self, panel: Panel, index: usize) -> Run {
        let (params, seed) = match panel {
            Panel::Layer => (self.layer_params.clone(), self.layer.config.seed),
            _ => (self.grid_params.clone(), self.grid.config.seed),
        };
        Run {
            view: super::ENTRY.id.to_string(),
            params,
            seed,
            index,
        }
    }

    /// `status`: who computes, and how many runs of the panel shown are done.
    pub(super) fn status(&self) -> serde_json::Value {
        let (runs, done) = match self.panel {
            Panel::Layer => (crate::core::lab::norm_batch::RUNS, self.layer.done_runs()),
            Panel::Grid => (self.grid.runs(), self.grid.done_runs()),
            _ => (0, 0),
        };
        json!({"external": self.grid.external(), "runs": runs, "done": done})
    }

    /// Runs action `name` (listed in [`COMMANDS`], not the read-only ones) with its text `arg`.
    pub(super) fn run(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Notice> {
        match name {
            "workers" => {
                let n = runs::worker_count(name, arg)?;
                self.grid.set_external(n > 0);
                self.layer.set_external(n > 0);
                Ok(json!({"external": n > 0}))
            }
            "claim" => {
                let (index, left) = match self.panel {
                    Panel::Grid => (self.grid.claim(), self.grid.pending()),
                    Panel::Layer => (self.layer.claim(), self.layer.pending()),
                    _ => (None, 0),
                };
                let run = index.map(|i| self.run_of(self.panel, i));
                Ok(json!({"run": run, "left": left}))
            }
            "release" => {
                self.grid.release();
                self.layer.release();
                Ok(json!({"released": true}))
            }
            "result" | "partial" => {
                let r = runs::report::<serde_json::Value>(name, arg)?;
                let i = r.run.index;
                let bad = |e: &dyn std::fmt::Display| Notice::rejected(name, e.to_string());
                let kept = if r.run == self.run_of(Panel::Grid, i) && i < self.grid.runs() {
                    let s: GridSeries = serde_json::from_value(r.result).map_err(|e| bad(&e))?;
                    if name == "result" {
                        self.grid.accept(i, s)
                    } else {
                        self.grid.partial(i, s)
                    }
                    .map_err(|e| bad(&e))?
                } else if r.run == self.run_of(Panel::Layer, i) {
                    let c: NormCurve = serde_json::from_value(r.result).map_err(|e| bad(&e))?;
                    if name == "result" {
                        self.layer.accept(i, c)
                    } else {
                        self.layer.partial(i, c)
                    }
                    .map_err(|e| bad(&e))?
                } else {
                    return Ok(json!({"stale": true}));
                };
                Ok(json!({"accepted": kept}))
            }
            _ => Err(Notice::unknown_command(super::ENTRY.id, name)),
        }
    }
}
