//! `view=depth`: vanishing and exploding signals in a deep network (seed 001: the linear network
//! with `W = 1.5 I` or `0.5 I`, and why `Var(W) = 1/n` or `2/n`). The study is
//! [`crate::core::lab::depth`]; the view keeps its random draws while only the activation, the
//! identity scales or the schemes shown change. Words: [`text`].
use super::params::{choice, float, int, none_of, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use super::{csv_table, Area, Stage, View, ViewEntry};
use crate::chart::depth::{draw_depth, height_for, DepthLine, DepthWords};
use crate::chart::{series_color, ChartError, Lang, Theme};
use crate::core::lab::depth::{
    profile, DepthActivation, DepthConfig, DepthDraws, DepthError, Profile, Weights, MAX_LAYERS, MAX_SAMPLES,
    MAX_WIDTH, SCALE_RANGE,
};
use crate::core::named::named;
use serde_json::json;

mod text;
use text::words;

/// Which weight schemes are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// All five. The default.
    All,
    /// The notes' scaled identities.
    Identity,
    /// The three random initialisations.
    Init,
}

named!(Show {
    All => "all",
    Identity => "identity",
    Init => "init",
});

impl Show {
    /// The schemes shown.
    pub fn schemes(self) -> &'static [Weights] {
        match self {
            Show::All => &Weights::ALL,
            Show::Identity => &[Weights::Up, Weights::Down],
            Show::Init => &[Weights::Normal, Weights::Xavier, Weights::He],
        }
    }
}

/// While the identities are drawn.
const IDENTITY_SHOWN: super::params::When = none_of("show", &[Show::Init.id()]);

/// Parameters of `view=depth`. The main ones: the activation, what to show, the depth and the
/// width.
#[rustfmt::skip]
pub const PARAMS: &[ParamSpec] = &[
    choice("activation", &DepthActivation::IDS, "linear").group(Group::Network).main(),
    choice("show", &Show::IDS, "all").group(Group::Figure).main(),
    int("layers", 1, MAX_LAYERS as i64, "50").group(Group::Network).main(),
    int("width", 1, MAX_WIDTH as i64, "100").group(Group::Network).slider(Slider::Pow2).main(),
    float("up", 1.0, SCALE_RANGE.1, 0.05, "1.5").group(Group::Network).when(IDENTITY_SHOWN),
    float("down", SCALE_RANGE.0, 1.0, 0.05, "0.5").group(Group::Network).when(IDENTITY_SHOWN),
    int("samples", 1, MAX_SAMPLES as i64, "16").group(Group::Data).slider(Slider::Pow2),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "depth",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(DepthView::build(p)?)),
};

/// The computed view.
pub struct DepthView {
    config: DepthConfig,
    show: Show,
    draws: DepthDraws,
    profiles: Vec<Profile>,
}

fn config_of(params: &ParamSet) -> DepthConfig {
    DepthConfig {
        layers: params.int("layers") as usize,
        width: params.int("width") as usize,
        samples: params.int("samples") as usize,
        activation: params.pick("activation"),
        up: params.float("up"),
        down: params.float("down"),
        seed: params.int("seed") as u64,
    }
}

fn refused(e: DepthError) -> Vec<Notice> {
    Notice::inconsistent(e.field, e.to_string()).into()
}

impl DepthView {
    /// Computes the view from validated parameters, reusing `draws` when they fit.
    fn compute(params: &ParamSet, draws: Option<DepthDraws>) -> Result<Self, Vec<Notice>> {
        let config = config_of(params);
        config.validate().map_err(refused)?;
        let draws = draws.filter(|d| d.fit(&config)).unwrap_or_else(|| DepthDraws::new(&config));
        let show: Show = params.pick("show");
        let profiles = show.schemes().iter().map(|&w| profile(&config, &draws, w)).collect();
        Ok(DepthView {
            config,
            show,
            draws,
            profiles,
        })
    }

    /// Computes the view from validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        Self::compute(params, None)
    }

    fn color(w: Weights) -> plotters::style::RGBColor {
        series_color(Weights::ALL.iter().position(|x| *x == w).unwrap_or(0))
    }

    fn table(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .profiles
            .iter()
            .map(|p| {
                json!([
                    p.weights.id(),
                    p.factor,
                    p.expected_gain,
                    p.measured_gain(),
                    p.activation.last(),
                    p.gradient.first(),
                ])
            })
            .collect();
        json!({
            "id": "schemes",
            "columns": ["weights", "factor", "expected_gain", "measured_gain", "top_activation", "input_gradient"],
            "rows": rows,
        })
    }
}

impl View for DepthView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        let next = Self::compute(params, Some(self.draws.clone()))?;
        *self = next;
        Ok(())
    }

    fn height_for(&self, width: f64) -> f64 {
        height_for(width, self.profiles.len() + 1)
    }

    fn data(&self) -> serde_json::Value {
        json!({
            "config": self.config,
            "show": self.show.id(),
            "profiles": self.profiles,
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"tables": [self.table()]})
    }

    fn csv(&self) -> String {
        let mut header = vec!["layer".to_string()];
        for p in &self.profiles {
            header.push(format!("{}_activation", p.weights.id()));
            header.push(format!("{}_gradient", p.weights.id()));
        }
        let rows = (0..=self.config.layers).map(|l| {
            let mut row = vec![l as f64];
            for p in &self.profiles {
                row.push(p.activation[l]);
                row.push(p.gradient[l]);
            }
            row
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let c = &self.config;
        let mut out = (w.summary)(c.layers, c.width, c.samples, c.activation.id());
        for p in &self.profiles {
            let name = (w.scheme)(p.weights, p.factor);
            let top = p.activation.last().copied().unwrap_or(f64::NAN);
            let input = p.gradient.first().copied().unwrap_or(f64::NAN);
            out.push_str(&(w.line)(&name, top, input, p.measured_gain(), p.expected_gain));
        }
        out
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        let w = words(theme.lang);
        let lines: Vec<DepthLine> = self
            .profiles
            .iter()
            .map(|p| DepthLine {
                label: (w.scheme)(p.weights, p.factor),
                color: Self::color(p.weights),
                activation: &p.activation,
                gradient: &p.gradient,
                gain: p.expected_gain,
            })
            .collect();
        let words = DepthWords {
            activations: w.activations,
            gradients: w.gradients,
            x_desc: w.layer,
            y_desc: w.magnitude,
            closed_form: w.closed_form,
        };
        draw_depth(root, &lines, &words, theme)
    }
}
