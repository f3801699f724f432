//! `view=train`: the training playground (seeds 001, 002, 004; TensorFlow Playground's layout).
//! Data (2-D sets with noise, the digits, the learner's CSV, clicked points) -> split and
//! normalise -> a network of the learner's shape -> mini-batch training a few steps per frame
//! ([`View::advance`]) -> decision boundary or confusion matrix, train/dev curves, and the
//! bias/variance diagnosis ([`crate::core::diagnosis`]) against an editable Bayes error. The run
//! itself is [`crate::core::lab::train`]'s session; this folder maps parameters to it
//! ([`params`]), answers the page's actions ([`commands`]), draws it ([`figure`]) and words it
//! ([`text`]).
//!
//! Panda mode: a change of only the learning rate, optimizer settings, schedule, lambda, L1,
//! keep_prob, patience, target epochs, Bayes error or sparsity threshold keeps the run (weights, optimizer state,
//! curves) and marks the change ([`TrainSession::retune`]); any other change starts a new run.
//! Without a dev set (`dev=0`) the table and the CSV leave the dev columns empty and the text
//! alternative and the diagnosis say that only the train error is known.
use super::params::{Notice, ParamSet};
use super::{action, background, read_only, Area, Progress, Stage, View, ViewEntry};
use crate::app::params::format_float;
use crate::chart::train::stacked_height;
use crate::chart::{ChartError, Lang, Theme};
use crate::core::data::Dataset;
use crate::core::diagnosis::{Diagnosis, DiagnosisConfig, DiagnosisError, FitState};
use crate::core::lab::train::{presets, weight_histogram, EpochStats, Pace, Pacer, RunStatus, TrainSession};
use crate::core::math::format::{pct1, short};
use serde_json::json;

mod commands;
mod diagram;
mod figure;
mod params;
mod text;
mod text_weights;
mod thumbnails;

use params::{data_key, diagnosis_config, load_data, refused, session_config};
pub use params::{param_of, PARAMS};

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "train",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[
        action("csv"),
        action("add_point"),
        action("play"),
        action("pause"),
        action("step"),
        action("epoch"),
        action("reset"),
        action("checkpoint"),
        action("restore"),
        action("unit"),
        background("clock"),
        read_only("ui"),
        read_only("preset"),
        read_only("thumbnails"),
    ],
    new: |p| Ok(Box::new(TrainView::build(p)?)),
};

/// The columns of the epoch table and of the CSV after `epoch, step` (the CSV adds `lr`).
const STAT_COLUMNS: [&str; 4] = ["train_cost", "train_error", "dev_cost", "dev_error"];

/// The rows a run was built from, kept to restart it without generating or decoding them again.
struct Source {
    /// Equal keys: the same rows ([`params::data_key`]).
    key: String,
    data: Dataset,
}

/// The learner's CSV: its upload number (each upload gets the next, so its data key is new) and
/// its rows.
struct Upload {
    id: u64,
    data: Dataset,
}

/// The computed view.
pub struct TrainView {
    dataset: &'static str,
    source: Source,
    upload: Option<Upload>,
    session: TrainSession,
    /// Whether [`View::advance`] trains (Play) or not (Pause, and after a step by hand).
    playing: bool,
    /// Play was pressed after the run was done: it trains on, `target` epochs at a time, until
    /// paused.
    open_ended: bool,
    /// The `epochs` parameter (the session's target may be past it when open-ended).
    target: usize,
    /// The pace of a played run (steps allowed by the time the page reports).
    pacer: Pacer,
    /// The unit of the diagram in focus: (layer from 1, unit).
    focus: Option<(usize, usize)>,
    diagnosis: DiagnosisConfig,
    /// The weights' histogram counts `|w|` below this as (near) zero: the `threshold` parameter.
    threshold: f64,
}

impl TrainView {
    /// Builds the view at `params`: the data, the session, its first evaluation.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let cfg = session_config(params)?;
        let data = load_data(params, None)?;
        let session = cfg.start(&data).map_err(refused)?;
        Ok(TrainView {
            dataset: params.choice("dataset"),
            source: Source {
                key: data_key(params, 0),
                data,
            },
            upload: None,
            session,
            playing: true,
            open_ended: false,
            target: cfg.epochs,
            pacer: Pacer::new(params.pick::<Pace>("speed")),
            focus: None,
            diagnosis: diagnosis_config(params),
            threshold: params.float("threshold"),
        })
    }

    /// The number of the CSV upload in use (0: none yet).
    fn upload_id(&self) -> u64 {
        self.upload.as_ref().map_or(0, |u| u.id)
    }

    fn progress(&self) -> Progress {
        let s = &self.session;
        let done = s.steps() as usize;
        // While playing, at least one unit is left until the last evaluation is done.
        let left = if self.playing && s.running() {
            (s.steps_left() as usize).max(1)
        } else {
            0
        };
        Progress {
            done,
            total: done + left,
        }
    }

    fn status_text(&self) -> &'static str {
        match self.session.status {
            RunStatus::Diverged => "diverged",
            RunStatus::EarlyStopped => "early_stopped",
            RunStatus::Done if self.session.pending.is_none() => "done",
            _ if self.playing => "playing",
            _ => "paused",
        }
    }

    /// The diagnosis of the last evaluated epoch, from the sets there are.
    fn diagnose(&self) -> Option<Result<Diagnosis, DiagnosisError>> {
        let last = self.session.epochs.last()?;
        Some(self.diagnosis.diagnose_sets(last.train_error, last.dev_error))
    }

    fn diagnosis_json(&self) -> serde_json::Value {
        let (Some(last), Some(d)) = (self.session.epochs.last(), self.diagnose()) else {
            return json!(null);
        };
        match d {
            Ok(d) => json!({
                "epoch": last.epoch,
                "train_error": last.train_error,
                "dev_error": last.dev_error,
                "bayes_error": self.diagnosis.bayes_error,
                "state": d.state,
                "avoidable_bias": d.avoidable_bias,
                "variance": d.variance,
                "remedies": d.remedies,
            }),
            Err(e) => json!({"error": e.to_string()}),
        }
    }

    /// The table under the figure: the last evaluated epoch. Without a dev set its id says so
    /// (the page's caption) and the dev cells are empty.
    fn table(&self) -> serde_json::Value {
        let last = self.session.epochs.last().and_then(cells).map(|r| {
            let mut row: Vec<Option<f64>> = [0, 1, 3, 4, 5, 6].iter().map(|&i| r[i]).collect();
            row.push(Some(self.diagnosis.bayes_error));
            row
        });
        let id = if self.session.has_dev() {
            "epoch"
        } else {
            "epoch_no_dev"
        };
        let mut columns = vec!["epoch", "step"];
        columns.extend(STAT_COLUMNS);
        columns.push("bayes_error");
        json!({"id": id, "columns": columns, "rows": last.into_iter().collect::<Vec<_>>()})
    }

    /// The network's shape and settings, and the diagram's numbers ([`diagram::network_json`]).
    fn network_json(&self) -> serde_json::Value {
        let s = &self.session;
        let mut out = diagram::network_json(s);
        let extra = json!({
            "sizes": s.config.network.sizes(),
            "params": s.trainer.net.param_count(),
            "output": s.config.network.output.id(),
            "activation": s.config.network.activation,
            "l2": s.config.network.l2,
            "l1": s.config.network.l1,
            "keep_prob": s.config.network.keep_prob,
        });
        if let (Some(o), Some(e)) = (out.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        out
    }

    fn checkpoints_json(&self) -> Vec<serde_json::Value> {
        self.session.checkpoints.iter().map(|c| json!(c.info())).collect()
    }
}

/// An epoch's `[epoch, step, lr, train cost, train error, dev cost, dev error]` (the dev cells
/// `None` without a dev set); `None` when a value is not finite (a diverged epoch).
fn cells(e: &EpochStats) -> Option<[Option<f64>; 7]> {
    let row = [
        Some(e.epoch as f64),
        Some(e.step as f64),
        Some(e.lr),
        Some(e.train_loss),
        Some(e.train_error),
        e.dev_loss,
        e.dev_error,
    ];
    row.iter().flatten().all(|v| v.is_finite()).then_some(row)
}

impl View for TrainView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        let mut next = session_config(params)?;
        let key = data_key(params, self.upload_id());
        if key == self.source.key && next.same_run(&self.session.config) {
            // Panda: the same run takes the new settings (refused: nothing changed). Trained on
            // past its end, the run keeps its target unless the epochs themselves changed.
            if self.open_ended && next.epochs == self.target {
                next.epochs = next.epochs.max(self.session.config.epochs);
            } else {
                self.open_ended = false;
            }
            self.session.retune(&next).map_err(refused)?;
        } else {
            // A new run; the same rows (a new seed or network on the digits) are reused.
            let data = if key == self.source.key {
                None
            } else {
                Some(load_data(params, self.upload.as_ref().map(|u| &u.data))?)
            };
            let session = next
                .start(data.as_ref().unwrap_or(&self.source.data))
                .map_err(refused)?;
            if let Some(data) = data {
                self.source = Source { key, data };
            }
            self.session = session;
            self.playing = true;
            self.open_ended = false;
            self.focus = None;
        }
        self.target = params.int("epochs") as usize;
        self.pacer.pace = params.pick::<Pace>("speed");
        self.dataset = params.choice("dataset");
        self.diagnosis = diagnosis_config(params);
        self.threshold = params.float("threshold");
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        if self.playing {
            if self.open_ended && self.session.status == RunStatus::Done && !self.session.running() {
                self.open_ended = self.session.extend(self.target).is_ok();
            }
            let (_, steps) = self.session.advance_paced(max_units, self.pacer.allowed());
            self.pacer.spend(steps);
            // trained on past the end: the next stretch starts at once (no "done" in between)
            if self.open_ended && self.session.status == RunStatus::Done && !self.session.running() {
                self.open_ended = self.session.extend(self.target).is_ok();
            }
        }
        Some(self.progress())
    }

    fn height_for(&self, width: f64) -> f64 {
        // a phone's width stacks the four panels; wider figures put two rows of two
        if width < 560.0 {
            stacked_height(width)
        } else {
            width * 0.62
        }
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        commands::query(self, name, arg)
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        commands::command(self, name, arg)
    }

    fn data(&self) -> serde_json::Value {
        let s = &self.session;
        // The data are the same in every language: the marks' labels are the English ones.
        let marks: Vec<serde_json::Value> = s
            .marks
            .iter()
            .map(|m| json!({"step": m.step, "label": text::mark(&text::EN, &m.kind)}))
            .collect();
        json!({
            "dataset": self.dataset,
            "progress": self.progress(),
            "status": self.status_text(),
            "classes": s.classes,
            "features": s.raw.train.features,
            "rows": {"train": s.raw.train.rows(), "dev": s.raw.dev.rows(), "test": s.raw.test.rows()},
            "network": self.network_json(),
            "focus": self.focus.map(|(l, u)| json!({"layer": l, "unit": u})),
            "open_ended": self.open_ended,
            "pace": self.pacer.pace,
            "grid": s.boundary.as_ref().map(|b| b.side),
            "optimizer": s.config.train.optimizer,
            "batch_size": s.config.train.batch_size.min(s.raw.train.rows()),
            "steps_per_epoch": s.trainer.steps_per_epoch(),
            "step": s.steps(),
            "epoch": s.epochs_done(),
            "epochs": s.epochs,
            "step_losses": s.step_losses,
            "marks": marks,
            "checkpoints": self.checkpoints_json(),
            "normalise": s.config.normalise,
            "scaler": s.scaler,
            "view_box": s.view_box,
            "confusion": s.confusion,
            "diagnosis": self.diagnosis_json(),
            "presets": presets::PRESETS,
            "weights": weight_histogram(&s.trainer.net, self.threshold),
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"progress": self.progress(), "status": self.status_text(), "diagnosis": self.diagnosis_json(), "tables": [self.table()]})
    }

    fn csv(&self) -> String {
        let mut out = ["epoch", "step", "lr"].join(",");
        for c in STAT_COLUMNS {
            out.push(',');
            out.push_str(c);
        }
        out.push('\n');
        for row in self.session.epochs.iter().filter_map(cells) {
            // Without a dev set the dev cells are empty (not a copy of the train values).
            let cells: Vec<String> = row.iter().map(|v| v.map_or(String::new(), format_float)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    }

    fn describe(&self, lang: Lang) -> String {
        let w = text::words(lang);
        let s = &self.session;
        let sizes: Vec<String> = s.config.network.sizes().iter().map(|n| n.to_string()).collect();
        let last = s.epochs.last();
        let pct = |v: Option<f64>| v.map_or("–".to_string(), pct1);
        // Before the first evaluation (a large network), the diagnosis reads errors of 100%.
        let (train, dev) = last.map_or((1.0, s.has_dev().then_some(1.0)), |e| (e.train_error, e.dev_error));
        let diagnosis = self.diagnosis.diagnose_sets(train, dev).ok();
        let state = diagnosis.as_ref().map_or("–", |d| match (d.state, d.variance) {
            (FitState::Good, None) => w.no_high_bias,
            (state, _) => (w.state)(state),
        });
        let remedies: Vec<&str> = diagnosis
            .iter()
            .flat_map(|d| &d.remedies)
            .map(|&r| (w.remedy)(r))
            .collect();
        let facts = text::Facts {
            sizes: sizes.join("-"),
            params: s.trainer.net.param_count(),
            rows: (s.raw.train.rows(), s.raw.dev.rows(), s.raw.test.rows()),
            optimizer: s.config.train.optimizer.kind.name(),
            lr: short(s.config.train.optimizer.lr),
            batch: s.config.train.batch_size.min(s.raw.train.rows()),
            progress: (s.epochs_done(), s.config.epochs, s.steps()),
            train_error: pct(last.map(|e| e.train_error)),
            dev_error: s.has_dev().then(|| pct(last.and_then(|e| e.dev_error))),
            bayes: pct1(self.diagnosis.bayes_error),
            state,
            remedies: remedies.join(", "),
            figure: if s.raw.train.features == 2 {
                w.figure_boundary
            } else {
                w.figure_confusion
            },
        };
        let hist = weight_histogram(&s.trainer.net, self.threshold);
        let n = &s.config.network;
        let sparsity = (w.weights.describe)(hist.share, hist.threshold, hist.total, n.l1, n.l2);
        text::describe(w, &facts, s.config.normalise, s.status) + &sparsity
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        figure::draw(self, root, theme)
    }
}
