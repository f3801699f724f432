//! `view=space`: a search-space designer. Up to four hyperparameters, each a name (from a fixed
//! list, so every name is a valid Python identifier and the URL holds no free text), a scale
//! (linear, log, log of 1 - x, integer, choice) and a range; the view samples the space, draws a
//! histogram per hyperparameter on its own scale, and exports the space as code for Optuna, Ray
//! Tune, scikit-learn and Keras Tuner (`summary().code`, from [`crate::core::search_space`]).
//! Cap: [`MAX_DRAWS`] samples. A slot's scale matters once it holds a name, its range once the
//! scale is numeric; a space the core refuses is noted on the slot's name or range. Words:
//! [`text`].
use super::params::{choice, int, list, none_of, seed, Group, Notice, ParamSet, ParamSpec, Slider, When};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::scale::{bin_at, draw_histograms, hist_height, AxisKind, HistPanel, Pointer};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::math::rng::seeded;
use crate::core::sampling::{histogram, Axis, Scale, ScaleKind};
use crate::core::search_space::{HyperParam, ParamProblem, SearchSpace, SpaceError};
use plotters::prelude::*;
use serde_json::json;

mod text;
use text::words;

/// The names a slot can hold (`none` leaves it empty).
pub const NAMES: &[&str] = &[
    "none",
    "learning_rate",
    "beta",
    "beta1",
    "beta2",
    "epsilon",
    "weight_decay",
    "dropout",
    "hidden_units",
    "layers",
    "batch_size",
    "optimizer",
    "activation",
];
/// The most samples the designer draws (per hyperparameter; below the core's
/// [`crate::core::sampling::MAX_SAMPLES`], so four histograms redraw at once).
pub const MAX_DRAWS: i64 = 10_000;

/// The options of the categorical names.
pub fn options_of(name: &str) -> &'static [&'static str] {
    match name {
        "optimizer" => &["adam", "sgd", "rmsprop"],
        "activation" => &["relu", "tanh", "sigmoid"],
        _ => &[],
    }
}

/// What the slot's relevance rules compare with.
const NONE: &[&str] = &["none"];
const CHOICE: &[&str] = &[ScaleKind::Choice.id()];

/// The three parameters of one slot: its name, its scale (which matters once the slot holds a
/// name) and its range (which matters once it holds a name on a numeric scale, `range_when`).
const fn slot(
    (hp, scale, range): (&'static str, &'static str, &'static str),
    (name, scale_default, range_default): (&'static str, &'static str, &'static str),
    range_when: &'static [When],
) -> [ParamSpec; 3] {
    [
        choice(hp, NAMES, name).group(Group::Search).main(),
        choice(scale, &ScaleKind::IDS, scale_default)
            .group(Group::Search)
            .when(none_of(hp, NONE))
            .main(),
        list(range, (-1e6, 1e6, 1e-12), (2, 2), range_default)
            .group(Group::Search)
            .when(When::All { rules: range_when })
            .main(),
    ]
}

/// A range matters while its slot holds a name and its scale is not a choice.
const fn numeric(hp: &'static str, scale: &'static str) -> [When; 2] {
    [none_of(hp, NONE), none_of(scale, CHOICE)]
}

const R1: [When; 2] = numeric("hp1", "scale1");
const R2: [When; 2] = numeric("hp2", "scale2");
const R3: [When; 2] = numeric("hp3", "scale3");
const R4: [When; 2] = numeric("hp4", "scale4");
const S1: [ParamSpec; 3] = slot(("hp1", "scale1", "range1"), ("learning_rate", "log", "1e-4,1"), &R1);
const S2: [ParamSpec; 3] = slot(("hp2", "scale2", "range2"), ("beta", "log_one_minus", "0.9,0.999"), &R2);
const S3: [ParamSpec; 3] = slot(("hp3", "scale3", "range3"), ("hidden_units", "integer", "50,100"), &R3);
const S4: [ParamSpec; 3] = slot(("hp4", "scale4", "range4"), ("optimizer", "choice", "0,1"), &R4);

/// Parameters of `view=space`.
pub const PARAMS: &[ParamSpec] = &[
    S1[0],
    S1[1],
    S1[2],
    S2[0],
    S2[1],
    S2[2],
    S3[0],
    S3[1],
    S3[2],
    S4[0],
    S4[1],
    S4[2],
    int("samples", 10, MAX_DRAWS, "500")
        .group(Group::Data)
        .slider(Slider::Log)
        .main(),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "space",
    stage: Stage::Tuning,
    params: PARAMS,
    // `readout` {x, y, width, height}: the bin under the pointer (its range or option, and count)
    commands: &[read_only("readout")],
    new: |p| Ok(Box::new(SpaceView::build(p)?)),
};

/// The computed view.
pub struct SpaceView {
    space: SearchSpace,
    /// The samples drawn: the trial count of the exported searches.
    trials: usize,
    axes: Vec<Axis>,
    samples: Vec<Vec<f64>>,
}

/// The parameter a refused hyperparameter is noted on: its name's for the name and its options,
/// its range's for the range.
fn refused(e: &SpaceError, slots: &[usize]) -> Notice {
    let param = match e {
        SpaceError::TooMany(_) => "hp1".to_string(),
        SpaceError::Param { index, problem, .. } => {
            let k = slots.get(*index).copied().unwrap_or(1);
            match problem {
                ParamProblem::Range(_) => format!("range{k}"),
                ParamProblem::NotIdentifier | ParamProblem::Duplicate | ParamProblem::OptionLength => format!("hp{k}"),
            }
        }
    };
    Notice::inconsistent(&param, e.to_string())
}

impl SpaceView {
    /// Computes the view from validated parameters: the space of the named slots, checked by the
    /// core, and `samples` draws of each hyperparameter.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let mut hps = Vec::new();
        // the slot number of each hyperparameter, to name the parameter at fault
        let mut slots = Vec::new();
        for k in 1..=4 {
            let name = params.choice(&format!("hp{k}"));
            if name == "none" {
                continue;
            }
            let scale: ScaleKind = params.pick(&format!("scale{k}"));
            let opts = options_of(name);
            if opts.is_empty() == (scale == ScaleKind::Choice) {
                return Err(Notice::inconsistent(
                    &format!("scale{k}"),
                    if opts.is_empty() {
                        format!("{name} is a number: pick linear, log, log of 1 − x or integer")
                    } else {
                        format!("{name} is categorical: its scale must be choice")
                    },
                )
                .into());
            }
            let range = params.float_list(&format!("range{k}"));
            let (low, high) = (
                range.first().copied().unwrap_or(0.0),
                range.get(1).copied().unwrap_or(1.0),
            );
            hps.push(HyperParam {
                name: name.to_string(),
                scale: scale.scale(opts.len()),
                low,
                high,
                options: opts.iter().map(|s| s.to_string()).collect(),
            });
            slots.push(k);
        }
        let space = SearchSpace::validate(hps).map_err(|e| refused(&e, &slots))?;
        let n = params.int("samples") as usize;
        let mut rng = seeded(params.int("seed") as u64);
        let mut axes = Vec::new();
        let mut samples = Vec::new();
        for p in &space.params {
            let axis = p.axis().map_err(|e| Notice::inconsistent("samples", e.to_string()))?;
            samples.push(
                axis.sample_n(n, &mut rng)
                    .map_err(|e| Notice::inconsistent("samples", e.to_string()))?,
            );
            axes.push(axis);
        }
        Ok(SpaceView {
            space,
            trials: n,
            axes,
            samples,
        })
    }
}

impl View for SpaceView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = SpaceView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let mut out = self.summary();
        out["samples"] = json!(self
            .space
            .params
            .iter()
            .zip(&self.samples)
            .map(|(p, s)| json!({"name": p.name, "values": s}))
            .collect::<Vec<_>>());
        out
    }

    fn summary(&self) -> serde_json::Value {
        let code: serde_json::Map<String, serde_json::Value> = self
            .space
            .exports(self.trials)
            .into_iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        let params: Vec<_> = self
            .space
            .params
            .iter()
            .map(|p| json!({"name": p.name, "scale": p.scale, "low": p.low, "high": p.high, "options": p.options}))
            .collect();
        // "sample" is worded by the page; the hyperparameters are named as in the exported code
        let mut columns = vec!["sample".to_string()];
        columns.extend(self.space.params.iter().map(|p| {
            if p.options.is_empty() {
                p.name.clone()
            } else {
                let o: Vec<String> = p.options.iter().enumerate().map(|(i, o)| format!("{i}={o}")).collect();
                format!("{} ({})", p.name, o.join(", "))
            }
        }));
        let rows: Vec<Vec<f64>> = (0..self.samples.first().map_or(0, |s| s.len().min(8)))
            .map(|i| {
                let mut row = vec![(i + 1) as f64];
                row.extend(self.samples.iter().map(|s| s[i]));
                row
            })
            .collect();
        json!({"params": params, "code": code, "tables": [{"id": "samples", "columns": columns, "rows": rows}]})
    }

    fn csv(&self) -> String {
        let header: Vec<String> = self.space.params.iter().map(|p| p.name.clone()).collect();
        let n = self.samples.first().map_or(0, |s| s.len());
        if header.is_empty() {
            return csv_table(&["sample".to_string()], (0..1).map(|_| vec![0.0]));
        }
        csv_table(&header, (0..n).map(|i| self.samples.iter().map(|s| s[i]).collect()))
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let parts: Vec<String> = self
            .space
            .params
            .iter()
            .map(|p| match p.scale {
                Scale::Choice { .. } => format!("{} ∈ {{{}}}", p.name, p.options.join(", ")),
                s => (w.range)(&p.name, s.kind(), p.low, p.high),
            })
            .collect();
        let n = self.samples.first().map_or(0, |s| s.len());
        (w.describe)(parts.len(), &parts.join("; "), n)
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        // the panels are prepared outside the generic function: one copy in the wasm, not one per backend
        let panels = self.panels(theme);
        if panels.is_empty() {
            root.fill(&WHITE)?;
            return Ok(());
        }
        draw_histograms(root, &panels, words(theme.lang).samples_per_bin, theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        hist_height(self.space.params.len(), width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        let pointer = Pointer::parse(arg).ok_or_else(|| Notice::rejected(name, "expected {x, y, width, height}"))?;
        let shown = self.panels(&Theme::default());
        Ok(match bin_at(&shown, pointer.size(), pointer.at()) {
            Some((k, i)) => {
                let (p, h) = (&self.space.params[k], &shown[k]);
                json!({
                    "name": p.name,
                    "low": h.axis.from_axis(h.edges[i]),
                    "high": h.axis.from_axis(h.edges[i + 1]),
                    "whole": h.whole || !p.options.is_empty(),
                    "option": p.options.get(i),
                    "count": h.counts[i],
                    "samples": self.trials,
                })
            }
            None => serde_json::Value::Null,
        })
    }
}

impl SpaceView {
    /// One histogram per hyperparameter, in the words of `theme.lang`.
    fn panels(&self, theme: &Theme) -> Vec<HistPanel> {
        let w = words(theme.lang);
        self.space
            .params
            .iter()
            .zip(&self.axes)
            .zip(&self.samples)
            .enumerate()
            .map(|(k, ((p, axis), values))| {
                let kind = match p.scale {
                    Scale::Log => AxisKind::Log10,
                    Scale::LogOneMinus => AxisKind::LogOneMinus,
                    _ => AxisKind::Linear,
                };
                let edges: Vec<f64> = match p.scale {
                    Scale::Integer | Scale::Choice { .. } if axis.high - axis.low <= 60.0 => (0
                        ..=(axis.high - axis.low) as usize + 1)
                        .map(|i| axis.low - 0.5 + i as f64)
                        .collect(),
                    _ => {
                        let (lo, hi) = match p.scale {
                            Scale::Integer => (axis.low - 0.5, axis.high + 0.5),
                            _ => (axis.low, axis.high),
                        };
                        let (t0, t1) = (kind.to_axis(lo), kind.to_axis(hi));
                        (0..=30).map(|i| t0 + (t1 - t0) * i as f64 / 30.0).collect()
                    }
                };
                let on_axis: Vec<f64> = values.iter().map(|&x| kind.to_axis(x)).collect();
                let title = match p.scale {
                    Scale::Choice { .. } => format!("{}: {}", p.name, p.options.join(" / ")),
                    s => (w.title)(&p.name, s.kind()),
                };
                HistPanel {
                    title,
                    x_desc: String::new(),
                    axis: kind,
                    counts: histogram(&on_axis, &edges),
                    edges,
                    color: k,
                    tick_names: p.options.clone(),
                    whole: p.scale == Scale::Integer,
                }
            })
            .collect()
    }
}
