//! `view=activations`: what initialisation and batch norm do to each layer's activations (and,
//! backwards, to its gradients). DLFS `weight_init_activation_histogram` (seed 004) side by side
//! with batch norm (seeds 000, 002, 003), and the vanishing/exploding signals of seed 001.
//!
//! The study itself is [`crate::core::lab::activation_study`]; the view keeps its random draws
//! while only the activation, the initialisation or the direction change. A study of up to
//! [`SYNC_FLOPS`] (DLFS's sizes) is computed in the input's handler; a larger one (5,000
//! samples: about a GFLOP) runs as long work a little per frame ([`View::advance`]) while the
//! old figure stays, and replaces it when complete. Words: [`text`]; figure: [`figure`].
use super::params::{choice, int, log, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use super::targets::{answer, Frame, QUERY};
use super::{csv_table, read_only, Area, Progress, Stage, View, ViewEntry};
use crate::chart::activations::grid_height;
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::activation_study::{
    ActivationStudy, ActivationStudyConfig, Direction, LayerStats, NamedInit, StudyDraws, StudyError, StudyJob,
    MAX_LAYERS, MAX_SAMPLES, MAX_UNITS, STUDIED_IDS,
};
use crate::core::nn::activation::Activation;
use serde_json::json;

mod figure;
mod text;
use figure::Figure;
use text::{words, LayerNumbers, Summary};

/// The largest study computed at once in the input's handler, in floating-point operations:
/// DLFS's 1,000 x 100 x 5 layers forward (about 2.7 x 10⁸ with its elementwise passes) fits, and
/// the figure is redrawn within a frame; beyond, the study runs as long work.
pub const SYNC_FLOPS: f64 = 3.0e8;

/// The initialisation whose std is the `std` parameter.
const CUSTOM: &[&str] = &[NamedInit::Custom.id()];

/// Parameters of `view=activations`: the activation, the initialisation (its std for a custom
/// one), the depth and what to show are the main controls; the sizes fold under Data and
/// Network, on log sliders as they span decades. Sizes are capped by the study's caps
/// (500 units x 5,000 samples x 10 layers would be 25 M cells; the study refuses more than 5 M,
/// [`crate::core::lab::activation_study::MAX_CELLS`]).
#[rustfmt::skip] // one line per parameter
pub const PARAMS: &[ParamSpec] = &[
    choice("activation", &STUDIED_IDS, "sigmoid").group(Group::Network).main(),
    choice("init", &NamedInit::IDS, "std1").group(Group::Network).main(),
    log("std", 1e-4, 10.0, "0.05").group(Group::Network).when(one_of("init", CUSTOM)).main(),
    int("layers", 1, MAX_LAYERS as i64, "5").group(Group::Network).main(),
    choice("direction", &Direction::IDS, "forward").main(),
    int("units", 10, MAX_UNITS as i64, "100").group(Group::Network).slider(Slider::Log),
    int("samples", 50, MAX_SAMPLES as i64, "1000").group(Group::Data).slider(Slider::Log),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "activations",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[read_only(QUERY)],
    new: |p| Ok(Box::new(ActivationsView::build(p)?)),
};

/// The computed view: the study shown (and its settings), the random draws, and a larger study
/// under way.
pub struct ActivationsView {
    config: ActivationStudyConfig,
    study: ActivationStudy,
    draws: StudyDraws,
    pending: Option<StudyJob>,
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

    fn runs(&self) -> [(&'static str, &[LayerStats]); 2] {
        [("plain", &self.study.plain), ("batch_norm", &self.study.batch_norm)]
    }

    fn figure(&self) -> Figure<'_> {
        Figure {
            study: &self.study,
            activation: self.config.activation,
            backward: self.backward(),
        }
    }

    /// Shows the study of a finished job, and keeps its draws for the next one.
    fn finish(&mut self, job: StudyJob) {
        if let Some(draws) = job.draws() {
            self.draws = draws.clone();
        }
        self.config = *job.config();
        self.study = job.finish().expect("a finished job");
    }

    /// Computes the view from validated parameters (at once, whatever its size).
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = config_of(params);
        let mut draws = config.draw().map_err(refused)?;
        let study = config.run_with(&mut draws).map_err(refused)?;
        Ok(ActivationsView {
            config,
            study,
            draws,
            pending: None,
        })
    }
}

impl View for ActivationsView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        // Keep the random draws when only the activation, the initialisation or the direction
        // changed (start draws again when the seed or a size differs); on a refusal the draws,
        // the study and the settings stay as they were. A study under way is dropped.
        let config = config_of(params);
        let mut job = config.start(&self.draws).map_err(refused)?;
        if job.flops() <= SYNC_FLOPS {
            job.run_to_end();
            self.finish(job);
            self.pending = None;
        } else {
            self.pending = Some(job);
        }
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        let job = self.pending.as_mut()?;
        let (done, total) = job.advance(max_units);
        if !job.is_done() {
            return Some(Progress { done, total });
        }
        // complete: the new study replaces the old figure, and there is no work left to show
        let job = self.pending.take().expect("a job under way");
        self.finish(job);
        None
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        if name != QUERY {
            return Err(Notice::rejected(name, format!("no query {name:?}")).into());
        }
        let frame = Frame::parse(arg)?;
        let w = words(frame.lang);
        let figure = self.figure();
        let boxes = frame.record(|root, theme| figure.draw(root, w, theme))?;
        Ok(answer(figure.targets(&boxes, w)))
    }

    fn height_for(&self, width: f64) -> f64 {
        let lines = if self.backward() { 1 } else { 2 };
        grid_height(width, 2, self.config.layers, lines)
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
            "computing": self.pending.as_ref().map(|job| json!({"config": job.config(), "flops": job.flops()})),
        })
    }

    fn summary(&self) -> serde_json::Value {
        let mut columns = vec!["layer".to_string()];
        for (run, _) in self.runs() {
            let share = if self.config.activation == Activation::Relu {
                "zero"
            } else {
                "saturated"
            };
            for stat in ["mean", "std", share] {
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
        self.figure().draw(root, words(theme.lang), theme).map(|_| ())
    }
}
