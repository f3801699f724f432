//! `view=learning`: learning curves on the digits (issue 14; seed 004, DLFS chapter 6): the same
//! 4 x 100 ReLU network trained by SGD, Momentum, AdaGrad and Adam from the same weights on the
//! same mini-batches (`optimizer_compare_mnist`), and by SGD from three initialisations (std
//! 0.01, Xavier, He: `weight_init_compare`, with sigmoid as a choice). The study is the core's
//! ([`crate::core::lab::learning`]); this view maps the parameters to it and shows it.
//!
//! The seven runs are independent, so they run in Web Workers through the shared run protocol
//! ([`crate::app::runs`], `www/workers.js`): the page claims runs (`command("claim")`), a worker
//! computes each from `(view, params, seed, index)` and streams its curve so far
//! (`command("partial")`), then hands back the whole curve (`command("result")`). Without
//! workers (the single-file build, `workers=0`, native tests) [`View::advance`] trains the same
//! runs here, a few iterations per frame; both give the same numbers.
//!
//! `compare=augment` shows its own panel instead ([`augment`]): DLFS's overfitting setup with the
//! training digits as given, shifted, or shifted and turned anew each epoch, the train and dev
//! accuracy per epoch; the same runs, the same workers.
//!
//! Files: [`params`] (schema, mapping, notices), [`commands`], [`augment`] (its panel), [`text`]
//! (words).
use super::params::{Notice, ParamSet};
use super::{csv_table, runs, Area, Progress, Stage, View, ViewEntry};
use crate::app::assets;
use crate::chart::learning::{draw_learning, height_for, LearningChart, LearningWords, LossCurve, LossPanel};
use crate::chart::{series_color, ChartError, Lang, Theme};
use crate::core::data::Dataset;
use crate::core::lab::learning::{smooth_curve, Compare, LearningStudy, RunKind, RUNS};
use serde_json::json;

pub mod augment;
pub mod commands;
pub mod params;
pub mod text;

use params::{YScale, PARAMS, RUN_KEYS};
use text::{augment_words, pair, words, Facts};

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "learning",
    stage: Stage::Optimisation,
    params: PARAMS,
    commands: commands::COMMANDS,
    new: |p| Ok(Box::new(LearningView::build(p)?)),
};

/// The loss a network that has learnt nothing scores on ten classes: `ln 10`.
pub const CHANCE: f64 = std::f64::consts::LN_10;

/// The computed view: the study, its run query and how the figure shows it.
pub struct LearningView {
    digits: &'static Dataset,
    study: LearningStudy,
    /// The query of the settings the runs depend on ([`RUN_KEYS`]).
    run_params: String,
    axis: YScale,
}

/// A run's id (the optimizer's or the initialisation's: `sgd`, `he`).
fn run_id(kind: RunKind) -> &'static str {
    match kind {
        RunKind::Optimizer(k) => k.id(),
        RunKind::Init(s) => s.id(),
        RunKind::Augment(a) => a.id(),
    }
}

/// The first iteration (from 1) at which `smooth` falls to `level` or below.
fn first_below(smooth: &[f64], level: f64) -> Option<usize> {
    smooth.iter().position(|&v| v <= level).map(|i| i + 1)
}

impl LearningView {
    /// Prepares the study of `params` on the digits (nothing trained yet).
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let digits = assets::digits("seed")?;
        let study = LearningStudy::new(params::config(params), params.pick("compare"), digits).map_err(params::notice)?;
        Ok(LearningView {
            digits,
            study,
            run_params: runs::query_of(params, RUN_KEYS),
            axis: params.pick("axis"),
        })
    }

    fn shown(&self, index: usize) -> bool {
        RunKind::of(index).is_some_and(|k| self.study.compare.includes(k))
    }

    fn progress(&self) -> Progress {
        let (done, total) = self.study.progress();
        Progress { done, total }
    }

    /// The display name of run `kind` in `lang`.
    fn name(kind: RunKind, lang: Lang) -> &'static str {
        match kind {
            RunKind::Optimizer(k) => k.name(),
            RunKind::Init(s) => (words(lang).init_name)(s),
            RunKind::Augment(a) => (augment_words(lang).name)(a),
        }
    }

    /// Every run shown with its curve so far: `(index, kind, raw, smoothed)`.
    fn curves(&self) -> Vec<(usize, RunKind, &[f64], Vec<f64>)> {
        (0..RUNS)
            .filter(|&i| self.shown(i))
            .filter_map(|i| {
                let kind = RunKind::of(i)?;
                let raw = self.study.curve(i).map_or(&[][..], |c| c.loss.as_slice());
                Some((i, kind, raw, smooth_curve(raw)))
            })
            .collect()
    }

    /// One row per run shown: its id, iterations done, last smoothed loss and the first
    /// iteration whose smoothed loss is at most 0.5.
    fn table(&self) -> serde_json::Value {
        if self.study.compare == Compare::Augment {
            return self.augment_table();
        }
        let rows: Vec<serde_json::Value> = self
            .curves()
            .iter()
            .map(|(_, kind, raw, smooth)| {
                json!([run_id(*kind), raw.len(), smooth.last(), first_below(smooth, 0.5)])
            })
            .collect();
        json!({"id": "runs", "columns": ["run", "iterations", "smoothed_loss", "to_half"], "rows": rows})
    }

    fn activation(&self) -> &'static str {
        match self.study.config.init_activation {
            crate::core::lab::learning::InitActivation::Relu => "ReLU",
            crate::core::lab::learning::InitActivation::Sigmoid => "sigmoid",
        }
    }
}

impl View for LearningView {
    /// Keeps every curve while only what is shown changes (the comparisons shown, the axis, the
    /// workers); new settings start a new study (who computes it carries over). On `Err`
    /// nothing changes.
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        let config = params::config(params);
        if config != self.study.config {
            let external = self.study.external();
            let mut study = LearningStudy::new(config, params.pick("compare"), self.digits).map_err(params::notice)?;
            study.set_external(external);
            self.study = study;
            self.run_params = runs::query_of(params, RUN_KEYS);
        }
        self.study.set_compare(params.pick("compare"));
        self.axis = params.pick("axis");
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        let (done, total) = self.study.work(max_units);
        Some(Progress { done, total })
    }

    fn height_for(&self, width: f64) -> f64 {
        if self.study.compare == Compare::Augment {
            return augment::height_for(width);
        }
        let panels = if self.study.compare == Compare::Both { 2 } else { 1 };
        height_for(width, panels)
    }

    fn query(&self, name: &str, _arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "status" => Ok(self.status()),
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Ok(self.run(name, arg)?)
    }

    fn data(&self) -> serde_json::Value {
        let runs: Vec<serde_json::Value> = self
            .curves()
            .into_iter()
            .map(|(i, kind, raw, smooth)| {
                let c = self.study.curve(i);
                json!({
                    "index": i,
                    "id": run_id(kind),
                    "panel": match kind {
                        RunKind::Optimizer(_) => "optimizers",
                        RunKind::Init(_) => "init",
                        RunKind::Augment(_) => "augment",
                    },
                    "train_acc": c.map(|c| &c.train_acc),
                    "dev_acc": c.map(|c| &c.dev_acc),
                    "done": self.study.is_done(i),
                    "diverged": c.and_then(|c| c.diverged),
                    "loss": raw,
                    "smoothed": smooth,
                })
            })
            .collect();
        json!({
            "config": self.study.config,
            "compare": self.study.compare.id(),
            "axis": self.axis.id(),
            "external": self.study.external(),
            "progress": self.progress(),
            "chance": CHANCE,
            "runs": runs,
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"progress": self.progress(), "tables": [self.table()]})
    }

    /// One row per run and iteration done (`run` is the run's index: 0-3 SGD, Momentum,
    /// AdaGrad, Adam; 4-6 std 0.01, Xavier, He): the runs stop at different iterations (in
    /// progress, diverged), so a long table keeps every row whole.
    fn csv(&self) -> String {
        let header: Vec<String> = ["run", "iteration", "loss", "smoothed"].map(String::from).to_vec();
        let rows = self.curves().into_iter().flat_map(|(i, _, raw, smooth)| {
            raw.iter()
                .zip(smooth)
                .enumerate()
                .map(move |(t, (l, s))| vec![i as f64, (t + 1) as f64, *l, s])
                .collect::<Vec<_>>()
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        if self.study.compare == Compare::Augment {
            return self.describe_augment(lang);
        }
        let w = words(lang);
        let c = &self.study.config;
        let mut out = (w.summary)(&Facts {
            iterations: c.iterations,
            batch: c.batch,
            layers: c.layers,
            units: c.units,
            progress: self.study.progress(),
        });
        let curves = self.curves();
        let last = |k: &RunKind| {
            curves
                .iter()
                .find(|(_, kind, _, _)| kind == k)
                .and_then(|(_, _, _, s)| s.last().copied())
        };
        let pairs = |optimizers: bool| -> Vec<(&'static str, f64)> {
            curves
                .iter()
                .filter(|(_, k, _, _)| matches!(k, RunKind::Optimizer(_)) == optimizers)
                .filter_map(|(_, k, _, _)| Some((Self::name(*k, lang), last(k)?)))
                .collect()
        };
        let join = |v: &[(&str, f64)]| v.iter().map(|(n, l)| pair(n, *l)).collect::<Vec<_>>().join(", ");
        let opt = pairs(true);
        if let Some(slowest) = opt.iter().max_by(|a, b| a.1.total_cmp(&b.1)) {
            out.push_str(&(w.optimizers)(&join(&opt), slowest.0));
        }
        let inits = pairs(false);
        if !inits.is_empty() {
            out.push_str(&(w.inits)(&join(&inits), self.activation()));
        }
        out.push_str(w.dlfs);
        out
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        if self.study.compare == Compare::Augment {
            return self.draw_augment(root, theme);
        }
        let w = words(theme.lang);
        let curves = self.curves();
        let panel = |optimizers: bool, title: String| LossPanel {
            title,
            curves: curves
                .iter()
                .filter(|(_, k, _, _)| matches!(k, RunKind::Optimizer(_)) == optimizers)
                .enumerate()
                .map(|(j, (_, kind, raw, smooth))| LossCurve {
                    label: smooth
                        .last()
                        .map_or_else(String::new, |l| pair(Self::name(*kind, theme.lang), *l)),
                    color: series_color(if optimizers { j } else { j + 4 }),
                    raw,
                    smooth,
                })
                .collect(),
        };
        let mut panels = Vec::new();
        let compare = self.study.compare;
        if compare != Compare::Init {
            panels.push(panel(true, w.by_optimizer.to_string()));
        }
        if compare != Compare::Optimizers {
            panels.push(panel(false, (w.by_init)(self.activation())));
        }
        let chart = LearningChart {
            panels,
            iterations: self.study.config.iterations,
            log_y: self.axis == YScale::Log,
            reference: CHANCE,
            words: LearningWords {
                x_desc: w.iteration,
                y_desc: if self.axis == YScale::Log { w.loss_log } else { w.loss },
                raw: w.raw,
                smoothed: w.smoothed,
                reference: w.reference,
            },
        };
        draw_learning(root, &chart, theme)
    }
}
