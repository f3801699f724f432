//! `view=tuning`: caviar search over learning rate x weight decay on the digits (seed 002; DLFS
//! `hyperparameter_optimization`; successive halving). The search and its work plan are the
//! core's ([`crate::core::lab::tuning`]); this view maps the parameters to it, shows it and
//! passes the page's actions on.
//!
//! The search runs in Web Workers when the page has them: the page claims jobs
//! (`command("claim")`), a worker trains the trial from its seed (`src/web/runs.rs`) and the
//! page hands the result back (`command("result")`); after each epoch the worker also sends the
//! curves so far (`command("partial")`, drawn live, not part of the results). Without workers
//! (the single-file build, `workers=0`, native tests) [`View::advance`] trains the same trials
//! here, a few mini-batches per frame; a trial is a function of `(seed, round, index)` only, so
//! both give the same numbers. `command("next_round")` narrows the ranges around the best `k`
//! (coarse to fine). Toggling `halving` keeps the finished search of the same trials, and the
//! page compares the two.
//!
//! `command("results", csv)` shows a results file (Optuna, Ray Tune or the lab's own CSV) in the
//! same figures instead of the search, until `command("clear_results")` or a new search setting;
//! the code exported is the search as complete studies for both engines ([`export`]).
//!
//! Files: [`params`] (schema, mapping, notices), [`commands`], [`figure`], [`text`] (words),
//! [`export`] (the studies), [`import`] and [`study_text`] (a results file and its words).
use super::params::{Notice, ParamSet};
use super::{csv_table, Area, Progress, Stage, View, ViewEntry};
use crate::chart::{ChartError, Lang, Theme};
use crate::app::assets;
use crate::core::data::Dataset;
use crate::core::lab::tuning::{Compute, Study};
use serde_json::json;

pub mod commands;
pub mod export;
pub mod figure;
pub mod import;
pub mod params;
pub mod study_text;
pub mod runs;
pub mod text;

use figure::Panel;
use import::Imported;
pub use params::PARAMS;
use text::{words, Facts};

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "tuning",
    stage: Stage::Tuning,
    params: PARAMS,
    commands: commands::COMMANDS,
    new: |p| Ok(Box::new(TuningView::build(p)?)),
};

/// The computed view: display settings, the digits (decoded once) and the study (the search
/// shown, and the finished one of the same trials with halving the other way).
pub struct TuningView {
    panel: Panel,
    k: usize,
    workers: usize,
    digits: Dataset,
    study: Study,
    /// A results file shown instead of the search (`command("results")`), until cleared or a
    /// search setting changes.
    imported: Option<Imported>,
}

impl TuningView {
    /// Decodes the digits and starts the search of `params`.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let digits = assets::digits("seed")?.clone();
        let study = Study::new(params::config(params), &digits).map_err(params::notice)?;
        Ok(TuningView {
            panel: params.pick("panel"),
            k: params.int("k") as usize,
            workers: params.int("workers") as usize,
            digits,
            study,
            imported: None,
        })
    }

    fn progress(&self) -> Progress {
        let (done, total) = self.study.search().progress();
        Progress { done, total }
    }

    /// The best `k` trials of the round (or of the results file shown) as the table under the
    /// figure.
    fn table(&self) -> serde_json::Value {
        if let Some(i) = &self.imported {
            return i.table(self.k);
        }
        let rows: Vec<Vec<f64>> = self
            .study
            .search()
            .ranking()
            .iter()
            .take(self.k)
            .map(|r| {
                vec![
                    r.spec.index as f64,
                    r.spec.lr,
                    r.spec.weight_decay,
                    r.epochs as f64,
                    r.train_acc.last().copied().unwrap_or(0.0),
                    r.final_val(),
                ]
            })
            .collect();
        json!({"id": "best", "columns": ["trial", "lr", "weight_decay", "epochs", "train_acc", "val_acc"], "rows": rows})
    }

    /// The search as complete Optuna and Ray Tune studies ([`export::exports`]).
    fn exports(&self) -> serde_json::Value {
        export::exports(self.study.search())
    }
}

impl View for TuningView {
    /// Keeps the digits, and the search while only display settings change (see
    /// [`Study::retune`] for a change of halving); on `Err` nothing changes.
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        let config = params::config(params);
        let same = config == self.study.search().config;
        self.study.retune(config, &self.digits).map_err(params::notice)?;
        if !same {
            self.imported = None;
        }
        self.panel = params.pick("panel");
        self.k = params.int("k") as usize;
        self.workers = params.int("workers") as usize;
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        // the core's work plan decides: nothing while workers train, a capped budget otherwise
        let (done, total) = self.study.search_mut().work(max_units);
        Some(Progress { done, total })
    }

    fn height_for(&self, width: f64) -> f64 {
        if let Some(i) = &self.imported {
            return i.height_for(self.panel, width, self.k);
        }
        figure::height_for(self.panel, width, self.k, self.study.search().config.trials)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "status" => Ok(self.status()),
            "points" => Ok(self.points(arg)?),
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Ok(self.run(name, arg)?)
    }

    fn data(&self) -> serde_json::Value {
        let s = self.study.search();
        let rounds: Vec<_> = s
            .rounds
            .iter()
            .map(|r| {
                json!({
                    "lr": r.lr,
                    "weight_decay": r.weight_decay,
                    "rung": r.rung,
                    "alive": r.alive,
                    "results": r.results.iter().flatten().collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "panel": self.panel.id(),
            "workers": self.workers,
            "external": s.plan().external,
            "config": s.config,
            "progress": self.progress(),
            "round_done": s.round_done(),
            "rungs": s.rungs(),
            "round": s.rounds.len() - 1,
            "rounds": rounds,
            "running": s.running(),
            "best": s.best(self.k),
            "compute": Compute::of(s),
            "compare": self.study.comparison(),
            "code": self.exports(),
            "imported": self.imported.as_ref().map(Imported::summary),
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        let s = self.study.search();
        json!({
            "progress": self.progress(),
            "round": s.rounds.len() - 1,
            "round_done": s.round_done(),
            "compute": Compute::of(s),
            "code": self.exports(),
            "imported": self.imported.as_ref().map(Imported::summary),
            "tables": [self.table()],
        })
    }

    fn csv(&self) -> String {
        let header: Vec<String> = [
            "round",
            "trial",
            "lr",
            "weight_decay",
            "epochs",
            "train_acc",
            "val_acc",
            "train_loss",
            "val_loss",
            "diverged_epoch",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        // Every trial of every round; one not trained yet has epochs 0 and zeros after it.
        let rows = self.study.search().rounds.iter().enumerate().flat_map(|(k, r)| {
            r.specs.iter().zip(&r.results).map(move |(spec, t)| {
                let head = [k as f64, spec.index as f64, spec.lr, spec.weight_decay];
                let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
                let tail = match t {
                    Some(t) => [
                        t.epochs as f64,
                        last(&t.train_acc),
                        last(&t.val_acc),
                        last(&t.train_loss),
                        last(&t.val_loss),
                        t.diverged.map(|e| e as f64).unwrap_or(0.0),
                    ],
                    None => [0.0; 6],
                };
                head.into_iter().chain(tail).collect()
            })
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        if let Some(i) = &self.imported {
            return i.describe(lang);
        }
        let w = words(lang);
        let s = self.study.search();
        let c = &s.config;
        let r = s.round();
        let facts = Facts {
            round: s.rounds.len(),
            trials: c.trials,
            lr: r.lr,
            weight_decay: r.weight_decay,
            layers: c.hidden.len(),
            samples: c.samples,
            val_fraction: c.val_fraction,
            epochs: c.epochs,
            progress: s.progress(),
            finished: r.results.iter().flatten().count(),
            diverged: r.results.iter().flatten().filter(|t| t.diverged.is_some()).count(),
        };
        let mut out = (w.search)(&facts);
        if let Some(t) = s.ranking().first() {
            out.push_str(&(w.best_so_far)(
                t.spec.index,
                t.spec.lr,
                t.spec.weight_decay,
                t.final_val(),
            ));
        }
        if c.halving {
            let (planned, full) = c.planned_epochs();
            out.push_str(&(w.halving)(c.eta, s.rungs().len(), planned, full));
        }
        out
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        if let Some(i) = &self.imported {
            return i.draw(root, theme, self.panel, self.k);
        }
        figure::draw(root, theme, self.study.search(), self.panel, self.k)
    }
}
