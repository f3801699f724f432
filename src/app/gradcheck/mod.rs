//! `view=gradcheck`: gradient checking (seed 004). A small network on a random batch
//! ([`crate::core::lab::gradcheck_study`]); for every parameter tensor, the relative difference
//! between backpropagation's gradient and the two-sided difference
//! `(J(theta + eps) - J(theta - eps)) / (2 eps)`, judged with the notes' thresholds. A planted bug
//! shows a failing check; dropout with fresh masks at every evaluation shows why the check is done
//! with dropout off (or its masks frozen). Words: [`text`].
use super::params::{at_least, below, choice, flag, float, int, log, seed, Group, Notice, ParamSet, ParamSpec, When};
use super::targets::{answer, Frame, Target, QUERY};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::gradcheck::{draw_gradcheck, height_for, BarBox, GradBar, GradCheckChartData};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::gradcheck_study::{
    GradCheckStudyConfig, GradCheckStudyError, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS,
};
use crate::core::nn::{Activation, GradCheckConfig, GradCheckReport, Output, PlantedBug};
use serde_json::json;

mod text;
use text::{words, BarReadout, Summary};

/// While there is a hidden layer (its width and its dropout matter only then).
const HIDDEN: When = at_least("layers", 1.0);
/// While dropout is on, in a hidden layer (only then are there masks to freeze).
const DROPOUT: &[When] = &[HIDDEN, below("keep_prob", 1.0)];

/// Parameters of `view=gradcheck`: the planted bug, the check's ε, dropout (with its frozen
/// masks) and L2 are the main controls; the network's shape folds under Network. Caps: the
/// experiment's, at most [`MAX_HIDDEN_LAYERS`] hidden layers of [`MAX_HIDDEN_UNITS`] units (a few
/// hundred parameters, two forward passes each).
#[rustfmt::skip] // one line per parameter
pub const PARAMS: &[ParamSpec] = &[
    choice("bug", &PlantedBug::IDS, "none").main(),
    log("epsilon", 1e-10, 1e-1, "1e-7").main(),
    float("keep_prob", 0.1, 1.0, 0.05, "1").group(Group::Regularisation).when(HIDDEN).main(),
    flag("freeze_masks", false).group(Group::Regularisation).when(When::All { rules: DROPOUT }).main(),
    float("l2", 0.0, 10.0, 0.1, "0").group(Group::Regularisation).main(),
    int("layers", 0, MAX_HIDDEN_LAYERS as i64, "2").group(Group::Network),
    int("units", 1, MAX_HIDDEN_UNITS as i64, "5").group(Group::Network).when(HIDDEN),
    choice("activation", &Activation::IDS, "tanh").group(Group::Network),
    choice("output", &Output::IDS, "softmax").group(Group::Network),
    flag("batch_norm", false).group(Group::Network),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "gradcheck",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[read_only(QUERY)],
    new: |p| Ok(Box::new(GradCheckView::build(p)?)),
};

/// The computed view.
pub struct GradCheckView {
    config: GradCheckStudyConfig,
    report: GradCheckReport,
}

fn config_of(params: &ParamSet) -> GradCheckStudyConfig {
    GradCheckStudyConfig {
        layers: params.int("layers") as usize,
        units: params.int("units") as usize,
        activation: params.pick("activation"),
        output: params.pick("output"),
        batch_norm: params.bool("batch_norm"),
        l2: params.float("l2"),
        keep_prob: params.float("keep_prob"),
        bug: params.pick("bug"),
        check: GradCheckConfig {
            epsilon: params.float("epsilon"),
            freeze_dropout: params.bool("freeze_masks"),
            ..GradCheckConfig::default()
        },
        seed: params.int("seed") as u64,
    }
}

/// The experiment's refusal as a notice on the parameter of the field it names (network fields
/// that are no parameter fall on `layers`).
fn refused(e: GradCheckStudyError) -> Vec<Notice> {
    let param = match e.field() {
        f @ ("units" | "batch_norm" | "l2" | "keep_prob" | "epsilon") => f,
        _ => "layers",
    };
    Notice::inconsistent(param, e.to_string()).into()
}

impl GradCheckView {
    /// The bars: one per tensor, then all parameters together.
    fn bars(&self, all: &str) -> Vec<GradBar> {
        let mut bars: Vec<GradBar> = self
            .report
            .groups
            .iter()
            .map(|g| GradBar {
                label: g.name.clone(),
                rel_diff: g.rel_diff,
            })
            .collect();
        bars.push(GradBar {
            label: all.to_string(),
            rel_diff: self.report.rel_diff,
        });
        bars
    }

    /// Draws the figure; returns each bar's row.
    fn draw_bars(&self, root: &Area, theme: &Theme) -> Result<Vec<BarBox>, ChartError> {
        let w = words(theme.lang);
        let bars = self.bars(w.all);
        let data = GradCheckChartData {
            bars: &bars,
            x_desc: w.x_desc,
            bands: w.bands,
        };
        draw_gradcheck(root, &data, theme)
    }

    /// Runs the check for validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = config_of(params);
        let report = config.run().map_err(refused)?;
        Ok(GradCheckView { config, report })
    }
}

impl View for GradCheckView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = GradCheckView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let mut out = self.summary();
        out["report"] = json!(self.report);
        out
    }

    fn summary(&self) -> serde_json::Value {
        let r = &self.report;
        // the first cell names the tensor (W1, b1, ...; "all": every parameter, in the page's words)
        let mut rows: Vec<serde_json::Value> = r
            .groups
            .iter()
            .map(|g| json!([g.name, g.size as f64, g.rel_diff, g.max_abs_diff]))
            .collect();
        rows.push(json!([
            "all",
            r.total as f64,
            r.rel_diff,
            r.groups.iter().map(|g| g.max_abs_diff).fold(0.0, f64::max),
        ]));
        let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).chain(["all"]).collect();
        json!({
            "rel_diff": r.rel_diff,
            "verdict": r.verdict.id(),
            "epsilon": self.config.check.epsilon,
            "loss": r.loss,
            "dropout": self.config.keep_prob < 1.0,
            "frozen_masks": self.config.check.freeze_dropout,
            "names": names,
            "verdicts": r.groups.iter().map(|g| g.verdict.id()).collect::<Vec<_>>(),
            "tables": [{
                "id": "groups",
                "columns": ["tensor", "entries", "rel_diff", "max_abs_diff"],
                "rows": rows,
            }],
        })
    }

    fn csv(&self) -> String {
        let header: Vec<String> = ["group", "layer", "entries", "rel_diff", "max_abs_diff"]
            .map(String::from)
            .to_vec();
        let rows = self.report.groups.iter().enumerate().map(|(i, g)| {
            vec![
                (i + 1) as f64,
                g.layer as f64,
                g.size as f64,
                g.rel_diff,
                g.max_abs_diff,
            ]
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let r = &self.report;
        let worst = r
            .groups
            .iter()
            .max_by(|a, b| a.rel_diff.total_cmp(&b.rel_diff))
            .map_or(("", 0.0), |g| (g.name.as_str(), g.rel_diff));
        (words(lang).describe)(&Summary {
            total: r.total,
            tensors: r.groups.len(),
            epsilon: self.config.check.epsilon,
            rel_diff: r.rel_diff,
            verdict: r.verdict,
            worst,
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        self.draw_bars(root, theme).map(|_| ())
    }

    fn height_for(&self, width: f64) -> f64 {
        height_for(width, self.report.groups.len() + 1)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        if name != QUERY {
            return Err(Notice::rejected(name, format!("no query {name:?}")).into());
        }
        let frame = Frame::parse(arg)?;
        let w = words(frame.lang);
        let boxes = frame.record(|root, theme| self.draw_bars(root, theme))?;
        let r = &self.report;
        let rows = r
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g.size, g.rel_diff, g.verdict))
            .chain([(w.all, r.total, r.rel_diff, r.verdict)]);
        let targets = boxes
            .iter()
            .zip(rows)
            .enumerate()
            .map(|(i, (b, (name, entries, rel_diff, verdict)))| Target {
                x0: b.x0 as f64,
                y0: b.y0 as f64,
                x1: b.x1 as f64,
                y1: b.y1 as f64,
                group: i,
                label: (w.bar)(&BarReadout {
                    name,
                    entries,
                    rel_diff,
                    verdict,
                }),
            })
            .collect();
        Ok(answer(targets))
    }
}
