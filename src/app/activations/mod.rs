//! `view=activations`: what initialisation and batch norm do to each layer's activations (and,
//! backwards, to its gradients). DLFS `weight_init_activation_histogram` (seed 004) side by side
//! with batch norm (seeds 000, 002, 003), and the vanishing/exploding signals of seed 001.
//!
//! The study itself is [`crate::core::lab::activation_study`]; the view keeps its random draws
//! while only the activation, the initialisation or the direction change. Words: [`text`].
use super::params::{choice, int, log, one_of, seed, Group, Notice, ParamSet, ParamSpec};
use super::{csv_table, Area, Stage, View, ViewEntry};
use crate::chart::activations::{draw_hist_grid, HistCell, HistRow};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::activation_study::{
    ActivationStudy, ActivationStudyConfig, Direction, LayerStats, NamedInit, StudyDraws, StudyError, MAX_LAYERS,
    MAX_SAMPLES, MAX_UNITS, STUDIED_IDS,
};
use crate::core::nn::activation::Activation;
use serde_json::json;

mod text;
use text::{words, LayerNumbers, Summary, Words};

/// The initialisation whose std is the `std` parameter.
const CUSTOM: &[&str] = &[NamedInit::Custom.id()];

/// Parameters of `view=activations`. Sizes are capped by the study's caps so one recomputation
/// stays interactive (500 units x 5,000 samples x 10 layers would be 25 M cells; the study refuses
/// more than 5 M, [`crate::core::lab::activation_study::MAX_CELLS`]).
#[rustfmt::skip] // one line per parameter
pub const PARAMS: &[ParamSpec] = &[
    choice("activation", &STUDIED_IDS, "sigmoid").group(Group::Network),
    choice("init", &NamedInit::IDS, "std1").group(Group::Network),
    log("std", 1e-4, 10.0, "0.05").group(Group::Network).when(one_of("init", CUSTOM)),
    int("layers", 1, MAX_LAYERS as i64, "5").group(Group::Network),
    int("units", 10, MAX_UNITS as i64, "100").group(Group::Network),
    int("samples", 50, MAX_SAMPLES as i64, "1000").group(Group::Data),
    choice("direction", &Direction::IDS, "forward"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "activations",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(ActivationsView::build(p)?)),
};

/// The computed view.
pub struct ActivationsView {
    config: ActivationStudyConfig,
    study: ActivationStudy,
    draws: StudyDraws,
}

fn config_of(params: &ParamSet) -> ActivationStudyConfig {
    ActivationStudyConfig {
        samples: params.int("samples") as usize,
        units: params.int("units") as usize,
        layers: params.int("layers") as usize,
        activation: params.pick::<Activation>("activation"),
        init: params.pick::<NamedInit>("init").init(params.float("std")),
        backward: params.pick::<Direction>("direction") == Direction::Backward,
        seed: params.int("seed") as u64,
        ..ActivationStudyConfig::default()
    }
}

/// The study's refusal as a notice on the parameter it names (the cap on all three sizes, and
/// the bins, which are not a parameter, fall on `samples`).
fn refused(e: StudyError) -> Vec<Notice> {
    let param = match &e {
        StudyError::Setting { field, .. } => match *field {
            "units" => "units",
            "layers" => "layers",
            "init" => "std",
            _ => "samples",
        },
        StudyError::TooManyCells(_) => "samples",
    };
    Notice::inconsistent(param, e.to_string()).into()
}

impl ActivationsView {
    fn backward(&self) -> bool {
        self.config.backward
    }

    fn cell(&self, l: &LayerStats, w: &Words) -> HistCell {
        if let (true, Some(h), Some(g)) = (self.backward(), &l.grad_hist, l.grad_mean_abs) {
            return HistCell {
                lo: h.lo,
                hi: h.hi,
                counts: h.counts.clone(),
                lines: vec![(w.mean_grad)(g)],
            };
        }
        let share = match self.config.activation {
            Activation::Relu => w.zero_share,
            _ => w.saturated_share,
        };
        HistCell {
            lo: l.hist.lo,
            hi: l.hist.hi,
            counts: l.hist.counts.clone(),
            lines: vec![(w.mean_std)(l.mean, l.std), share(l.saturated)],
        }
    }

    fn runs(&self) -> [(&'static str, &[LayerStats]); 2] {
        [("plain", &self.study.plain), ("batch_norm", &self.study.batch_norm)]
    }

    /// Computes the view from validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = config_of(params);
        let mut draws = config.draw().map_err(refused)?;
        let study = config.run_with(&mut draws).map_err(refused)?;
        Ok(ActivationsView { config, study, draws })
    }
}

impl View for ActivationsView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        // Keep the random draws when only the activation, the initialisation or the direction
        // changed (run_with draws again when the seed or a size differs); on a refusal the draws,
        // the study and the settings stay as they were.
        let config = config_of(params);
        let mut draws = self.draws.clone();
        let study = config.run_with(&mut draws).map_err(refused)?;
        *self = ActivationsView { config, study, draws };
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        json!({
            "activation": self.config.activation.id(),
            "weight_std": self.study.weight_std,
            "samples": self.config.samples,
            "units": self.config.units,
            "backward": self.config.backward,
            "plain": self.study.plain,
            "batch_norm": self.study.batch_norm,
            "tables": self.summary()["tables"],
        })
    }

    fn summary(&self) -> serde_json::Value {
        let mut columns = vec!["layer".to_string()];
        for (run, _) in self.runs() {
            for stat in ["mean", "std", "saturated"] {
                columns.push(format!("{run}_{stat}"));
            }
            if self.backward() {
                columns.push(format!("{run}_grad_mean_abs"));
            }
        }
        let rows: Vec<Vec<f64>> = (0..self.config.layers)
            .map(|l| {
                let mut row = vec![(l + 1) as f64];
                for (_, run) in self.runs() {
                    row.extend([run[l].mean, run[l].std, run[l].saturated]);
                    if self.backward() {
                        row.push(run[l].grad_mean_abs.unwrap_or(0.0));
                    }
                }
                row
            })
            .collect();
        json!({"weight_std": self.study.weight_std, "tables": [{"id": "layers", "columns": columns, "rows": rows}]})
    }

    fn csv(&self) -> String {
        // one row per (condition, layer, bin)
        let header: Vec<String> = ["batch_norm", "layer", "bin_lo", "bin_hi", "count"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut rows = Vec::new();
        for (bn, (_, run)) in self.runs().iter().enumerate() {
            for (l, stats) in run.iter().enumerate() {
                let h = match (&stats.grad_hist, self.backward()) {
                    (Some(g), true) => g,
                    _ => &stats.hist,
                };
                let width = (h.hi - h.lo) / h.counts.len() as f64;
                for (b, &c) in h.counts.iter().enumerate() {
                    let lo = h.lo + width * b as f64;
                    rows.push(vec![bn as f64, (l + 1) as f64, lo, lo + width, c as f64]);
                }
            }
        }
        csv_table(&header, rows.into_iter())
    }

    fn describe(&self, lang: Lang) -> String {
        let last = self.config.layers - 1;
        let numbers = |l: &LayerStats| LayerNumbers {
            mean: l.mean,
            std: l.std,
            saturated: l.saturated,
        };
        (words(lang).describe)(&Summary {
            activation: self.config.activation.id(),
            layers: self.config.layers,
            units: self.config.units,
            weight_std: self.study.weight_std,
            plain: numbers(&self.study.plain[last]),
            batch_norm: numbers(&self.study.batch_norm[last]),
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        let w = words(theme.lang);
        let backward = self.backward();
        let what = if backward { w.gradients } else { "" };
        let rows: Vec<HistRow> = [
            (w.without_bn, &self.study.plain, 0),
            (w.with_bn, &self.study.batch_norm, 2),
        ]
        .into_iter()
        .map(|(title, run, color)| HistRow {
            title: format!("{title}{what}"),
            color,
            cells: run.iter().map(|l| self.cell(l, w)).collect(),
        })
        .collect();
        draw_hist_grid(
            root,
            &rows,
            &|i| (w.layer)(i + 1),
            &|x| {
                // log10 |dJ/dz| in whole decades; activations to two decimals
                if backward {
                    format!("{x:.0}")
                } else {
                    format!("{}", (x * 100.0).round() / 100.0)
                }
            },
            theme,
        )
    }
}
