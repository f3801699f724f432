//! The actions of `view=tuning` that are not parameters: `workers` (who trains: Web Workers or
//! the page), the background bookkeeping of the workers' jobs on the run protocol (`claim` hands
//! out a job as a run, see [`super::runs`]; `release`, `result`, `partial` take reports back:
//! nothing is redrawn at once, the work loop redraws when the progress moves),
//! `next_round` (coarse to fine), the read-only `status` the page's line under the figure
//! reads, and the read-only `points`: where the scatter drew each trial, for the readout of the
//! trial under the pointer; `results` (a results CSV shown in the figures, [`super::import`]) and
//! `clear_results`. Every worker's message is checked by the core; a refused one leaves the view as it was.
use super::figure::{trial_points, Panel};
use super::runs::{job_of, run_of};
use super::TuningView;
use crate::app::params::Notice;
use crate::app::{action, background, read_only, runs, CommandSpec};
use crate::chart::{Lang, Theme};
use crate::core::lab::tuning::{Compute, Job, TrialResult};
use serde_json::json;

/// The actions, as the registry lists them.
pub const COMMANDS: &[CommandSpec] = &[
    action("workers"),
    background("claim"),
    read_only("status"),
    read_only("points"),
    background("release"),
    background("result"),
    background("partial"),
    action("next_round"),
    action("results"),
    action("clear_results"),
];

/// A worker's report from the page's text (at most 1 MB of JSON), with the job its run stands
/// for, or `None` when the run is not one the search hands out now (stale).
fn report(view: &TuningView, name: &str, arg: &str) -> Result<Option<(Job, TrialResult)>, Notice> {
    let r = runs::report::<TrialResult>(name, arg)?;
    let s = view.study.search();
    let Ok((_, job)) = job_of(&r.run) else {
        return Ok(None);
    };
    Ok((run_of(&s.config, &job) == r.run).then_some((job, r.result)))
}

impl TuningView {
    /// `status`: the round, whether it is done, the compute, the comparison and the code.
    pub(super) fn status(&self) -> serde_json::Value {
        let s = self.study.search();
        json!({
            "round": s.rounds.len() - 1,
            "round_done": s.round_done(),
            "halving": s.config.halving,
            "compute": Compute::of(s),
            "compare": self.study.comparison(),
            "code": self.exports(),
            "imported": self.imported.as_ref().map(super::import::Imported::summary),
        })
    }

    /// `points` with `arg` `"width,height,scale,lang"` (the canvas in device pixels, the pixel
    /// ratio, `en`/`ko`): every trial of the scatter where it is drawn, in CSS pixels, with its
    /// lr, λ and validation accuracy; empty while another panel is shown.
    pub(super) fn points(&self, arg: &str) -> Result<serde_json::Value, Notice> {
        let bad = || Notice::rejected("points", format!("expected width,height,scale,lang, got {arg:?}"));
        let parts: Vec<&str> = arg.split(',').map(str::trim).collect();
        let [w, h, scale, lang] = parts[..] else {
            return Err(bad());
        };
        let (w, h): (u32, u32) = (w.parse().map_err(|_| bad())?, h.parse().map_err(|_| bad())?);
        let scale: f64 = scale.parse().map_err(|_| bad())?;
        let side = 1..=crate::app::MAX_FIGURE_SIDE;
        // (0.25..=4.0).contains is false for NaN
        let fits = side.contains(&w) && side.contains(&h) && (0.25..=4.0).contains(&scale);
        if !fits {
            return Err(bad());
        }
        if self.panel != Panel::Scatter {
            return Ok(json!([]));
        }
        let theme = Theme {
            scale,
            lang: Lang::from_code(lang),
        };
        let points = match &self.imported {
            Some(i) => i.points((w, h), &theme),
            None => trial_points(self.study.search(), (w, h), &theme),
        }
        .map_err(|e| Notice::rejected("points", e.to_string()))?;
        Ok(json!(points))
    }

    /// Runs action `name` (listed in [`COMMANDS`], not `status`) with its text `arg`.
    pub(super) fn run(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Notice> {
        match name {
            // a results file: shown if it reads, otherwise a notice naming its line
            "results" => {
                let imported = super::import::Imported::load(arg)?;
                let summary = imported.summary();
                self.imported = Some(imported);
                return Ok(summary);
            }
            "clear_results" => {
                self.imported = None;
                return Ok(json!({"cleared": true}));
            }
            _ => {}
        }
        let k = self.k;
        match name {
            "result" | "partial" => {
                let Some((job, result)) = report(self, name, arg)? else {
                    return Ok(json!({"stale": true}));
                };
                let s = self.study.search_mut();
                let taken = if name == "result" {
                    s.accept(&job, result)
                } else {
                    s.partial(&job, result)
                };
                match taken {
                    Ok(true) => Ok(json!({"accepted": true})),
                    // a result for a job done already is stale; a partial one is not kept
                    Ok(false) if name == "result" => Ok(json!({"stale": true})),
                    Ok(false) => Ok(json!({"accepted": false})),
                    Err(e) => Err(Notice::rejected(name, e.to_string())),
                }
            }
            _ => self.bookkeeping(name, arg, k),
        }
    }

    fn bookkeeping(&mut self, name: &str, arg: &str, k: usize) -> Result<serde_json::Value, Notice> {
        let s = self.study.search_mut();
        match name {
            "workers" => {
                let n = runs::worker_count(name, arg)?;
                s.set_external(n > 0);
                Ok(json!({"external": n > 0}))
            }
            "claim" => {
                let run = s.claim().map(|job| run_of(&s.config, &job));
                Ok(json!({"run": run, "left": s.pending()}))
            }
            "release" => {
                s.release();
                Ok(json!({"released": true}))
            }
            "next_round" => {
                let (lr, wd) = s
                    .next_round(k)
                    .map_err(|e| Notice::rejected(name, e.to_string()))?;
                Ok(json!({"lr": lr, "weight_decay": wd}))
            }
            _ => Err(Notice::unknown_command(super::ENTRY.id, name)),
        }
    }
}
