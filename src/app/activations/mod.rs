//! `view=activations`: what initialisation and batch norm do to each layer's activations (and,
//! backwards, to its gradients). DLFS `weight_init_activation_histogram` (seed 004) side by side
//! with batch norm (seeds 000, 002, 003), and the vanishing/exploding signals of seed 001.
use super::params::{choice, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, View, ViewEntry};
use crate::chart::activations::{draw_hist_grid, HistCell, HistRow};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::activation_study::{ActivationStudy, ActivationStudyConfig, LayerStats, StudyDraws, StudyError};
use crate::core::nn::activation::Activation;
use crate::core::nn::init::Init;
use serde_json::json;

/// Parameters of `view=activations`. Sizes are capped so one recomputation stays interactive
/// (500 units x 5,000 samples x 10 layers would be 25 M cells; the study refuses more than 5 M).
pub const PARAMS: &[ParamSpec] = &[
    choice("activation", &["sigmoid", "tanh", "relu"], "sigmoid"),
    choice("init", &["std1", "std001", "xavier", "glorot", "he", "custom"], "std1"),
    log("std", 1e-4, 10.0, "0.05"),
    int("layers", 1, 10, "5"),
    int("units", 10, 500, "100"),
    int("samples", 50, 5000, "1000"),
    choice("direction", &["forward", "backward"], "forward"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "activations",
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

fn init_of(id: &str, std: f64) -> Init {
    match id {
        "std001" => Init::Normal(0.01),
        "xavier" => Init::XavierCourse,
        "glorot" => Init::Glorot,
        "he" => Init::He,
        "custom" => Init::Normal(std),
        _ => Init::Normal(1.0),
    }
}

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

fn short(x: f64) -> String {
    if x != 0.0 && (x.abs() < 0.01 || x.abs() >= 1000.0) {
        format!("{x:.1e}")
    } else {
        format!("{x:.2}")
    }
}

fn config_of(params: &ParamSet) -> ActivationStudyConfig {
    ActivationStudyConfig {
        samples: params.int("samples") as usize,
        units: params.int("units") as usize,
        layers: params.int("layers") as usize,
        activation: Activation::from_id(params.choice("activation")).unwrap_or(Activation::Sigmoid),
        init: init_of(params.choice("init"), params.float("std")),
        backward: params.choice("direction") == "backward",
        seed: params.int("seed") as u64,
        ..ActivationStudyConfig::default()
    }
}

fn refused(e: StudyError) -> Vec<Notice> {
    vec![Notice::new(
        "samples",
        Problem::Inconsistent,
        "",
        String::new(),
        e.to_string(),
    )]
}

impl ActivationsView {
    fn backward(&self) -> bool {
        self.config.backward
    }

    fn cell(&self, l: &LayerStats, lang: Lang) -> HistCell {
        if let (true, Some(h), Some(g)) = (self.backward(), &l.grad_hist, l.grad_mean_abs) {
            return HistCell {
                lo: h.lo,
                hi: h.hi,
                counts: h.counts.clone(),
                lines: vec![format!("{} {}", lang.pick("mean |g|", "평균 |g|"), short(g))],
            };
        }
        let sat = match self.config.activation {
            Activation::Relu => lang.pick("zero", "0인 값"),
            _ => lang.pick("saturated", "포화"),
        };
        HistCell {
            lo: l.hist.lo,
            hi: l.hist.hi,
            counts: l.hist.counts.clone(),
            lines: vec![
                format!("μ {} σ {}", short(l.mean), short(l.std)),
                format!("{sat} {}", pct(l.saturated)),
            ],
        }
    }

    fn runs(&self) -> [(&'static str, &[LayerStats]); 2] {
        [("plain", &self.study.plain), ("batch_norm", &self.study.batch_norm)]
    }
}

impl ActivationsView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = config_of(params);
        let mut draws = config.draw().map_err(refused)?;
        let study = config.run_with(&mut draws).map_err(refused)?;
        Ok(ActivationsView { config, study, draws })
    }

    pub fn rebuild(&self, params: &ParamSet) -> Result<Self, Vec<Notice>> {
        // Keep the random draws when only the activation, the initialisation or the direction
        // changed (run_with draws again when the seed or a size differs).
        let config = config_of(params);
        let mut draws = self.draws.clone();
        let study = config.run_with(&mut draws).map_err(refused)?;
        Ok(ActivationsView { config, study, draws })
    }
}

impl View for ActivationsView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = self.rebuild(params)?;
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
        let (p, b) = (&self.study.plain[last], &self.study.batch_norm[last]);
        match lang {
            Lang::En => format!(
                "Histograms of {} activations in {} layers of {} units, weights N(0, {:.4}²), without and with batch norm. \
                 Last layer without batch norm: mean {}, std {}, {} saturated; with batch norm: mean {}, std {}, {} saturated.",
                self.config.activation.id(),
                self.config.layers,
                self.config.units,
                self.study.weight_std,
                short(p.mean),
                short(p.std),
                pct(p.saturated),
                short(b.mean),
                short(b.std),
                pct(b.saturated)
            ),
            Lang::Ko => format!(
                "{}개 유닛의 {}개 층에서 {} 활성값 히스토그램(가중치 N(0, {:.4}²)), 배치 정규화 없이와 함께. \
                 마지막 층, 배치 정규화 없이: 평균 {}, 표준편차 {}, 포화 {}; 배치 정규화와 함께: 평균 {}, 표준편차 {}, 포화 {}.",
                self.config.units,
                self.config.layers,
                self.config.activation.id(),
                self.study.weight_std,
                short(p.mean),
                short(p.std),
                pct(p.saturated),
                short(b.mean),
                short(b.std),
                pct(b.saturated)
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        let lang = theme.lang;
        let what = if self.backward() {
            lang.pick(" — log10 |dJ/dz|", " — log10 |dJ/dz|")
        } else {
            ""
        };
        let rows: Vec<HistRow> = [
            (
                lang.pick("without batch norm", "배치 정규화 없이"),
                &self.study.plain,
                0,
            ),
            (
                lang.pick(
                    "with batch norm (before the activation)",
                    "배치 정규화와 함께(활성화 전)",
                ),
                &self.study.batch_norm,
                2,
            ),
        ]
        .into_iter()
        .map(|(title, run, color)| HistRow {
            title: format!("{title}{what}"),
            color,
            cells: run.iter().map(|l| self.cell(l, lang)).collect(),
        })
        .collect();
        let layer = lang.pick("layer", "층");
        let backward = self.backward();
        draw_hist_grid(
            root,
            &rows,
            &|i| format!("{layer} {}", i + 1),
            &|x| {
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
