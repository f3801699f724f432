//! `view=batchnorm`: batch norm during training (seeds 000, 003, 004; Ioffe & Szegedy 2015; DLFS
//! `batch_norm_test`). Four panels over two long jobs, both trained a little per frame through
//! [`View::advance`]:
//! * `shift`, `ridge`, `test`: [`BnStudy`] (3 x 100 sigmoid units, digits, batches of 60, without
//!   and with BN): one unit's input percentiles and the dev accuracy (`shift`), the last hidden
//!   layer's input histograms over steps (`ridge`), and test accuracy with running statistics vs
//!   the test batch's own (`test`, batch sizes 1 to all);
//! * `grid`: [`BnGrid`] (16 weight scales x with/without BN, 4 x 4 small multiples);
//! * `layer`: [`NormBatchStudy`] (batch norm against layer norm for batches of 1 to 128 rows).
//!
//! The grid's 32 runs and the layer panel's 16 are independent, so they go to Web Workers
//! through the shared run protocol ([`crate::app::runs`], `www/workers.js`, `www/views/batchnorm.js`;
//! [`commands`]); without workers (`workers=0`, the single-file build, native tests)
//! [`View::advance`] trains the same runs here, a step at a time, with the same numbers.
//!
//! The view owns both jobs; [`View::update`] replaces a job only when its own settings changed, so
//! switching panels keeps the work done. The digits are embedded in the wasm
//! (`www/data/digits.bin`, 117 KB raw, about 45 KB gzipped), so the single-file build works too.
//! Parameters: [`params`]; words: [`text`]; panels: [`figure`].
use super::params::{Notice, ParamSet, ParamSpec};
use super::targets::{answer, Frame, QUERY};
use super::{csv_table, runs, Area, Progress, Stage, View, ViewEntry};
use crate::chart::{ChartError, Lang, Theme};
use crate::app::assets;
use crate::core::data::Dataset;
use crate::core::lab::bn_grid::BnGrid;
use crate::core::lab::bn_study::{BnStudy, StudyRun};
use crate::core::lab::norm_batch_study::NormBatchStudy;
use plotters::prelude::*;
use serde_json::json;

pub mod commands;
mod figure;
mod figure_layer;
mod layer;
mod params;
mod readout;
mod text;
mod text_layer;
pub use params::Panel;
use params::{configs, grid_refused, layer_config, layer_refused, study_refused, GRID_KEYS, LAYER_KEYS};
use text::{words, GridSummary, StudySummary};

/// Parameters of `view=batchnorm` (see [`params`]).
pub const PARAMS: &[ParamSpec] = params::PARAMS;

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "batchnorm",
    stage: Stage::BatchNorm,
    params: PARAMS,
    commands: commands::COMMANDS,
    new: |p| Ok(Box::new(BatchnormView::build(p)?)),
};

/// The computed view: the panel shown, the digits and the three jobs (with the queries of the
/// settings the grid's and the layer study's runs depend on).
pub struct BatchnormView {
    panel: Panel,
    digits: Dataset,
    study: BnStudy,
    grid: BnGrid,
    layer: NormBatchStudy,
    grid_params: String,
    layer_params: String,
}

fn progress((done, total): (usize, usize)) -> Progress {
    Progress { done, total }
}

impl BatchnormView {
    /// Decodes the digits and prepares both jobs (no training yet).
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let (study_cfg, grid_cfg) = configs(params);
        let digits = assets::digits("seed")?.clone();
        let study = study_cfg.start(&digits).map_err(study_refused)?;
        let grid = grid_cfg.start(&digits).map_err(grid_refused)?;
        let layer = NormBatchStudy::new(layer_config(params), &digits).map_err(|e| vec![layer_refused(e)])?;
        Ok(BatchnormView {
            panel: params.pick("panel"),
            digits,
            study,
            grid,
            layer,
            grid_params: run_query(params, Panel::Grid, GRID_KEYS),
            layer_params: run_query(params, Panel::Layer, LAYER_KEYS),
        })
    }

    /// How far the job the panel shows is.
    fn progress(&self) -> Progress {
        match self.panel {
            Panel::Grid => progress(self.grid.progress()),
            Panel::Layer => progress(self.layer.progress()),
            _ => progress(self.study.progress()),
        }
    }

    fn table(&self) -> serde_json::Value {
        let s = &self.study;
        match self.panel {
            Panel::Grid => {
                let rows: Vec<Vec<f64>> = self
                    .grid
                    .cells
                    .iter()
                    .map(|c| {
                        let (plain, bn) = c.final_accuracy();
                        vec![c.scale, plain, bn]
                    })
                    .collect();
                json!({"id": "grid", "columns": ["weight_std", "plain_train_accuracy", "batch_norm_train_accuracy"], "rows": rows})
            }
            Panel::Layer => layer::table(&self.layer),
            Panel::Test => {
                let rows: Vec<Vec<f64>> = s
                    .test_rows
                    .iter()
                    .map(|r| vec![r.batch_size as f64, r.running, r.batch_stats])
                    .collect();
                json!({"id": "test", "columns": ["test_batch_size", "running_stats_accuracy", "batch_stats_accuracy"], "rows": rows})
            }
            Panel::Shift | Panel::Ridge => {
                let rows: Vec<serde_json::Value> = [("plain", &s.plain), ("batch_norm", &s.batch_norm)]
                    .iter()
                    .filter_map(|(name, run)| {
                        let p = run.probes.last()?;
                        Some(json!([
                            name,
                            p.step as f64,
                            p.p15,
                            p.p50,
                            p.p85,
                            run.drift(),
                            p.dev_accuracy,
                        ]))
                    })
                    .collect();
                json!({"id": "shift", "columns": ["network", "step", "p15", "p50", "p85", "drift", "dev_accuracy"], "rows": rows})
            }
        }
    }
}

impl View for BatchnormView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        // Start a job again only when its own settings changed; both are started before either
        // replaces the current one, so a refusal leaves the model as it was.
        let (study_cfg, grid_cfg) = configs(params);
        let study = (study_cfg != self.study.config)
            .then(|| study_cfg.start(&self.digits).map_err(study_refused))
            .transpose()?;
        let grid = (grid_cfg != self.grid.config)
            .then(|| grid_cfg.start(&self.digits).map_err(grid_refused))
            .transpose()?;
        if let Some(study) = study {
            self.study = study;
        }
        let layer_cfg = layer_config(params);
        let layer = (layer_cfg != self.layer.config)
            .then(|| NormBatchStudy::new(layer_cfg, &self.digits).map_err(|e| vec![layer_refused(e)]))
            .transpose()?;
        // a new job keeps who computes its runs
        let external = self.grid.external();
        if let Some(mut grid) = grid {
            grid.set_external(external);
            self.grid = grid;
        }
        if let Some(mut layer) = layer {
            layer.set_external(external);
            self.layer = layer;
        }
        self.grid_params = run_query(params, Panel::Grid, GRID_KEYS);
        self.layer_params = run_query(params, Panel::Layer, LAYER_KEYS);
        self.panel = params.pick("panel");
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        match self.panel {
            Panel::Grid => drop(self.grid.advance(max_units)),
            Panel::Layer => drop(self.layer.work(max_units)),
            _ => drop(self.study.advance(max_units)),
        }
        Some(self.progress())
    }

    fn data(&self) -> serde_json::Value {
        let (s, g) = (&self.study, &self.grid);
        let run = |r: &StudyRun| json!({"probes": r.probes, "drift": r.drift()});
        json!({
            "panel": self.panel.id(),
            "progress": self.progress(),
            "study": {
                "config": s.config,
                "steps_per_epoch": s.steps_per_epoch(),
                "total_steps": s.total_steps(),
                "done_units": s.done_units(),
                "plain": run(&s.plain),
                "batch_norm": run(&s.batch_norm),
                "test": s.test_rows,
            },
            "grid": {
                "config": g.config,
                "done_units": g.done_units(),
                "total_units": g.total_units(),
                "cells": g.cells,
                "external": g.external(),
            },
            "layer": {
                "config": self.layer.config,
                "test_rows": self.layer.test_rows(),
                "runs": (0..crate::core::lab::norm_batch::RUNS).map(|i| self.layer.curve(i)).collect::<Vec<_>>(),
                "done": (0..crate::core::lab::norm_batch::RUNS).map(|i| self.layer.is_done(i)).collect::<Vec<_>>(),
            },
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"progress": self.progress(), "tables": [self.table()]})
    }

    fn csv(&self) -> String {
        let h = |cols: &[&str]| cols.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let s = &self.study;
        match self.panel {
            Panel::Grid => {
                let mut rows = Vec::new();
                for c in &self.grid.cells {
                    for e in 0..c.plain.len().min(c.batch_norm.len()) {
                        rows.push(vec![c.scale, e as f64, c.plain[e], c.batch_norm[e]]);
                    }
                }
                csv_table(&h(&["weight_std", "epoch", "plain", "batch_norm"]), rows.into_iter())
            }
            Panel::Layer => layer::csv(&self.layer),
            Panel::Test => {
                let rows = s
                    .test_rows
                    .iter()
                    .map(|r| vec![r.batch_size as f64, r.running, r.batch_stats]);
                csv_table(&h(&["test_batch_size", "running_stats", "batch_stats"]), rows)
            }
            Panel::Shift | Panel::Ridge => {
                let (a, b) = (&s.plain.probes, &s.batch_norm.probes);
                let rows = a.iter().zip(b).map(|(p, q)| {
                    vec![
                        p.step as f64,
                        p.p15,
                        p.p50,
                        p.p85,
                        p.dev_accuracy,
                        q.p15,
                        q.p50,
                        q.p85,
                        q.dev_accuracy,
                    ]
                });
                let cols = [
                    "step",
                    "plain_p15",
                    "plain_p50",
                    "plain_p85",
                    "plain_dev",
                    "bn_p15",
                    "bn_p50",
                    "bn_p85",
                    "bn_dev",
                ];
                csv_table(&h(&cols), rows)
            }
        }
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let p = self.progress();
        let done = format!("{}/{}", p.done, p.total);
        let s = &self.study;
        match self.panel {
            Panel::Grid => {
                let g = &self.grid;
                (w.describe_grid)(&GridSummary {
                    samples: g.config.samples,
                    cells: g.cells.len(),
                    epochs: g.config.epochs,
                    lr: g.config.lr,
                    batch_size: g.config.batch_size,
                    wins: g.batch_norm_wins(),
                    done: &done,
                })
            }
            Panel::Layer => layer::describe(&self.layer, text_layer::words(lang)),
            Panel::Test => {
                let (running, single) = s.test_rows.first().map_or((0.0, 0.0), |r| (r.running, r.batch_stats));
                (w.describe_test)(running, single, &done)
            }
            Panel::Shift | Panel::Ridge => (w.describe_study)(&StudySummary {
                ridge: self.panel == Panel::Ridge,
                batch_size: s.config.batch_size,
                drift_plain: s.plain.drift(),
                drift_bn: s.batch_norm.drift(),
                dev_plain: s.plain.dev_accuracy(),
                dev_bn: s.batch_norm.dev_accuracy(),
                done: &done,
            }),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        self.draw_panel(root, words(theme.lang), theme).map(|_| ())
    }

    fn height_for(&self, width: f64) -> f64 {
        if self.panel == Panel::Layer {
            return figure_layer::height_for(width);
        }
        figure::height_for(self.panel, width, self.grid.cells.len())
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Ok(self.run(name, arg)?)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        if name == "status" {
            return Ok(self.status());
        }
        if name != QUERY {
            return Err(Notice::rejected(name, format!("no query {name:?}")).into());
        }
        let frame = Frame::parse(arg)?;
        let w = words(frame.lang);
        let drawn = frame.record(|root, theme| self.draw_panel(root, w, theme))?;
        Ok(answer(readout::targets(self.panel, &drawn, &self.study, &self.grid, w)))
    }
}

impl BatchnormView {
    /// Draws the panel shown; returns where its plots went.
    fn draw_panel(&self, root: &Area, w: &text::Words, theme: &Theme) -> Result<figure::Drawn, ChartError> {
        root.fill(&WHITE)?;
        match self.panel {
            Panel::Grid => figure::draw_grid(root, &self.grid, w, theme),
            Panel::Layer => figure_layer::draw_layer(root, &self.layer, text_layer::words(theme.lang), theme),
            Panel::Test => figure::draw_test(root, &self.study, w, theme),
            Panel::Ridge => figure::draw_layer_ridge(root, &self.study, w, theme),
            Panel::Shift => figure::draw_shift(root, &self.study, w, theme),
        }
    }
}

/// The query of the settings a job's runs depend on: its own panel (whichever is shown), then
/// `keys` as `params` has them.
fn run_query(params: &ParamSet, panel: Panel, keys: &[&str]) -> String {
    let rest = runs::query_of(params, keys);
    let own = format!("panel={}", panel.id());
    if rest.is_empty() {
        own
    } else {
        format!("{own}&{rest}")
    }
}
