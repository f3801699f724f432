//! `view=gradcheck`: gradient checking (seed 004). A small network on a random batch
//! ([`crate::core::lab::gradcheck_study`]); for every parameter tensor, the relative difference
//! between backpropagation's gradient and the two-sided difference
//! `(J(theta + eps) - J(theta - eps)) / (2 eps)`, judged with the notes' thresholds. A planted bug
//! shows a failing check; dropout with fresh masks at every evaluation shows why the check is done
//! with dropout off (or its masks frozen). Words: [`text`].
use super::params::{at_least, below, choice, flag, float, int, log, seed, Group, Notice, ParamSet, ParamSpec, When};
use super::{csv_table, Area, Stage, View, ViewEntry};
use crate::chart::gradcheck::{draw_gradcheck, GradBar, GradCheckChartData};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::gradcheck_study::{
    GradCheckStudyConfig, GradCheckStudyError, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS,
};
use crate::core::nn::{Activation, GradCheckConfig, GradCheckReport, Output, PlantedBug};
use serde_json::json;

mod text;
use text::{words, Summary};

/// While there is a hidden layer (its width and its dropout matter only then).
const HIDDEN: When = at_least("layers", 1.0);
/// While dropout is on, in a hidden layer (only then are there masks to freeze).
const DROPOUT: &[When] = &[HIDDEN, below("keep_prob", 1.0)];

/// Parameters of `view=gradcheck`. Caps: the experiment's, at most [`MAX_HIDDEN_LAYERS`] hidden
/// layers of [`MAX_HIDDEN_UNITS`] units (a few hundred parameters, two forward passes each).
#[rustfmt::skip] // one line per parameter
pub const PARAMS: &[ParamSpec] = &[
    int("layers", 0, MAX_HIDDEN_LAYERS as i64, "2").group(Group::Network),
    int("units", 1, MAX_HIDDEN_UNITS as i64, "5").group(Group::Network).when(HIDDEN),
    choice("activation", &Activation::IDS, "tanh").group(Group::Network),
    choice("output", &Output::IDS, "softmax").group(Group::Network),
    flag("batch_norm", false).group(Group::Network),
    float("l2", 0.0, 10.0, 0.1, "0").group(Group::Regularisation),
    float("keep_prob", 0.1, 1.0, 0.05, "1").group(Group::Regularisation).when(HIDDEN),
    flag("freeze_masks", false).group(Group::Regularisation).when(When::All { rules: DROPOUT }),
    choice("bug", &PlantedBug::IDS, "none"),
    log("epsilon", 1e-10, 1e-1, "1e-7"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "gradcheck",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[],
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
        let mut rows: Vec<Vec<f64>> = r
            .groups
            .iter()
            .map(|g| vec![g.layer as f64, g.size as f64, g.rel_diff, g.max_abs_diff])
            .collect();
        rows.push(vec![
            0.0,
            r.total as f64,
            r.rel_diff,
            r.groups.iter().map(|g| g.max_abs_diff).fold(0.0, f64::max),
        ]);
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
                "columns": ["layer (0 = all)", "entries", "relative difference", "max |d_approx − d|"],
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
        let w = words(theme.lang);
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
            label: w.all.to_string(),
            rel_diff: self.report.rel_diff,
        });
        draw_gradcheck(
            root,
            &GradCheckChartData {
                bars: &bars,
                x_desc: w.x_desc,
                bands: w.bands,
            },
            theme,
        )
    }
}
