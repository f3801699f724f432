//! The actions of `view=learning` that are not parameters: `workers` (who computes the runs: Web
//! Workers or the page), the bookkeeping of the runs out with workers (`claim`, `release`,
//! `result`, `partial`: background actions, the work loop redraws when the progress moves), the
//! read-only `status` of the line under the figure, and [`compute`], what a worker does with a
//! run (`app::runs::compute` calls it). Every worker's report is checked: one the view would not
//! hand out now is stale and ignored, one that does not fit its run is refused.
use super::params::{config, notice, PARAMS};
use super::LearningView;
use crate::app::params::Notice;
use crate::app::{assets, background, read_only, runs, action, CommandSpec};
use crate::core::lab::learning::{rows, Curve, LearningRun, RUNS};
use crate::core::lab::runs::Run;
use serde_json::json;

/// The actions, as the registry lists them.
pub const COMMANDS: &[CommandSpec] = &[
    action("workers"),
    background("claim"),
    read_only("status"),
    background("release"),
    background("result"),
    background("partial"),
];

/// What a worker does with `run`: reads its settings, trains it on the digits from its seed and
/// returns the report text of its curve; `on_partial` gets the report of the curve so far every
/// [`crate::core::lab::learning::REPORT_EVERY`] iterations.
pub fn compute(run: &Run, on_partial: &mut dyn FnMut(&str)) -> Result<String, Notice> {
    let params = runs::settings(run, PARAMS)?;
    let config = config(&params);
    let data = rows(assets::digits("run")?);
    let mut report = |c: &Curve| on_partial(&runs::write(run, c));
    let curve = LearningRun::run_to_end(&config, &data, run.index, &mut report).map_err(notice)?;
    Ok(runs::write(run, &curve))
}

impl LearningView {
    /// The run with `index` as the view hands it out now.
    pub(super) fn run_of(&self, index: usize) -> Run {
        Run {
            view: super::ENTRY.id.to_string(),
            params: self.run_params.clone(),
            seed: self.study.config.seed,
            index,
        }
    }

    /// `status`: who computes, and how many runs shown are done.
    pub(super) fn status(&self) -> serde_json::Value {
        let shown: Vec<usize> = (0..RUNS).filter(|&i| self.shown(i)).collect();
        json!({
            "external": self.study.external(),
            "runs": shown.len(),
            "done": shown.iter().filter(|&&i| self.study.is_done(i)).count(),
        })
    }

    /// Runs action `name` (listed in [`COMMANDS`], not `status`) with its text `arg`.
    pub(super) fn run(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Notice> {
        match name {
            "workers" => {
                let n = runs::worker_count(name, arg)?;
                self.study.set_external(n > 0);
                Ok(json!({"external": n > 0}))
            }
            "claim" => {
                let run = self.study.claim().map(|i| self.run_of(i));
                Ok(json!({"run": run, "left": self.study.pending()}))
            }
            "release" => {
                self.study.release();
                Ok(json!({"released": true}))
            }
            "result" | "partial" => {
                let r = runs::report::<Curve>(name, arg)?;
                if r.run.index >= RUNS || r.run != self.run_of(r.run.index) {
                    return Ok(json!({"stale": true}));
                }
                let taken = if name == "result" {
                    self.study.accept(r.run.index, r.result)
                } else {
                    self.study.partial(r.run.index, r.result)
                };
                let kept = taken.map_err(|e| Notice::rejected(name, e.to_string()))?;
                Ok(json!({"accepted": kept}))
            }
            _ => Err(Notice::unknown_command(super::ENTRY.id, name)),
        }
    }
}
