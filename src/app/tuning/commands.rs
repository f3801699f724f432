//! The actions of `view=tuning` that are not parameters: `workers` (who trains: Web Workers or
//! the page), the background bookkeeping of the workers' jobs (`claim`, `release`, `result`,
//! `partial`: nothing is redrawn at once, the work loop redraws when the progress moves),
//! `next_round` (coarse to fine), the read-only `status` the page's line under the figure
//! reads, and the read-only `points`: where the scatter drew each trial, for the readout of the
//! trial under the pointer. Every worker's message is checked by the core; a refused one leaves the view as it was.
use super::figure::{trial_points, Panel};
use super::TuningView;
use crate::app::params::Notice;
use crate::app::{action, background, read_only, CommandSpec};
use crate::chart::{Lang, Theme};
use crate::core::lab::tuning::{Compute, JobReport, MAX_REPORT_BYTES};
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
];

/// A worker's report from the page's text: at most [`MAX_REPORT_BYTES`], valid JSON. `(short,
/// long)` word the kind of report in the notices (`a result`, `a trial result`).
fn report(name: &str, arg: &str, (short, long): (&str, &str)) -> Result<JobReport, Notice> {
    if arg.len() > MAX_REPORT_BYTES {
        return Err(Notice::rejected(name, format!("{short} of more than 1 MB")));
    }
    serde_json::from_str(arg).map_err(|e| Notice::rejected(name, format!("not {long}: {e}")))
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
        let points =
            trial_points(self.study.search(), (w, h), &theme).map_err(|e| Notice::rejected("points", e.to_string()))?;
        Ok(json!(points))
    }

    /// Runs action `name` (listed in [`COMMANDS`], not `status`) with its text `arg`.
    pub(super) fn run(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Notice> {
        let s = self.study.search_mut();
        match name {
            "workers" => {
                let n: usize = arg
                    .trim()
                    .parse()
                    .map_err(|_| Notice::rejected(name, format!("expected a worker count, got {arg:?}")))?;
                s.set_external(n > 0);
                Ok(json!({"external": n > 0}))
            }
            "claim" => {
                let job = s.claim();
                Ok(json!({"job": job, "config": s.config, "left": s.pending()}))
            }
            "release" => {
                s.release();
                Ok(json!({"released": true}))
            }
            "result" => {
                let r = report(name, arg, ("a result", "a trial result"))?;
                if r.config != s.config {
                    return Ok(json!({"stale": true}));
                }
                match s.accept(&r.job, r.result) {
                    Ok(true) => Ok(json!({"accepted": true})),
                    Ok(false) => Ok(json!({"stale": true})),
                    Err(e) => Err(Notice::rejected(name, e.to_string())),
                }
            }
            "partial" => {
                let r = report(name, arg, ("partial curves", "trial curves"))?;
                if r.config != s.config {
                    return Ok(json!({"stale": true}));
                }
                let kept = s
                    .partial(&r.job, r.result)
                    .map_err(|e| Notice::rejected(name, e.to_string()))?;
                Ok(json!({"accepted": kept}))
            }
            "next_round" => {
                let (lr, wd) = s
                    .next_round(self.k)
                    .map_err(|e| Notice::rejected(name, e.to_string()))?;
                Ok(json!({"lr": lr, "weight_decay": wd}))
            }
            _ => Err(Notice::unknown_command(super::ENTRY.id, name)),
        }
    }
}
