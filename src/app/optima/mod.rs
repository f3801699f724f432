//! `view=optima`: the problem of local optima (seed 001: in high dimensions a point of zero
//! gradient is almost never a minimum, because all `d` directions would have to curve upwards;
//! most are saddles, and what slows learning is the flat ground around them, which momentum and
//! Adam leave sooner). The share of minima among random critical points against the dimension
//! ([`crate::core::critical`], drawn a few thousand Hessians per frame through
//! [`View::advance`]) beside a plateau or saddle surface with gradient descent, momentum and Adam
//! and their loss per step ([`crate::core::lab::optima`]). Words: [`text`].
use super::params::{choice, float, int, log, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider, When};
use super::{csv_table, read_only, Area, Progress, Stage, View, ViewEntry};
use crate::chart::optima::{draw_optima, height_for, layout, FlatFigure, OptimaChartData, OptimaChartWords, Share};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::critical::{independent_share, wilson, CriticalConfig, CriticalStudy, HessianModel, MAX_DIM, MAX_DRAWS};
use crate::core::lab::optima::{FlatConfig, FlatError, FlatKind, FlatPath, MAX_STEPS, PLATEAU_WINDOW, SADDLE_WINDOW};
use crate::core::math::contour::Grid;
use crate::core::optim::{OptimError, OptimizerKind};
use serde_json::json;

mod text;
use text::{words, Describe, Outcome};

/// Contour grid points along x (half as many along y).
pub const GRID: usize = 160;
/// A step is on the flat ground while its loss is within this share of the flat level (of its
/// height above the minimum).
pub const FLAT_BAND: f64 = 0.1;
/// Wilson intervals at this many standard errors (95%).
pub const Z95: f64 = 1.96;

/// Parameters of `view=optima`. The defaults: the plateau from (-5.5, 1), 500 steps, gradient
/// descent and momentum (mu 0.9) with alpha 0.1, Adam with alpha 0.1; dimensions 1 to 12 with
/// 200,000 Hessians of each model.
pub const PARAMS: &[ParamSpec] = &[
    choice("surface", &FlatKind::IDS, "plateau").main(),
    log("lr", 1e-4, 10.0, "0.1").group(Group::Optimisation).main(),
    log("lr_adam", 1e-4, 10.0, "0.1").group(Group::Optimisation).main(),
    // twice the caps, so that more is refused with a notice rather than clamped
    int("steps", 0, 2 * MAX_STEPS as i64, "500").group(Group::Run).main(),
    int("max_dim", 1, 2 * MAX_DIM as i64, "12").main(),
    // the schema admits [-1, 1] so that the optimizer refuses what is outside [0, 1)
    float("mu", -1.0, 1.0, 0.001, "0.9").group(Group::Optimisation),
    int("draws", 1, 2 * MAX_DRAWS as i64, "200000")
        .slider(Slider::Log)
        .group(Group::Run),
    // each surface has its own start (its own window)
    float("x0", PLATEAU_WINDOW.0 .0, PLATEAU_WINDOW.0 .1, 0.01, "-5.5")
        .group(Group::Run)
        .when(ON_PLATEAU),
    float("y0", PLATEAU_WINDOW.1 .0, PLATEAU_WINDOW.1 .1, 0.01, "1")
        .group(Group::Run)
        .when(ON_PLATEAU),
    float("saddle_x0", SADDLE_WINDOW.0 .0, SADDLE_WINDOW.0 .1, 0.001, "-2.5")
        .group(Group::Run)
        .when(ON_SADDLE),
    float("saddle_y0", SADDLE_WINDOW.1 .0, SADDLE_WINDOW.1 .1, 0.001, "0.001")
        .group(Group::Run)
        .when(ON_SADDLE),
    seed("1"),
];

const ON_PLATEAU: When = one_of("surface", &[FlatKind::Plateau.id()]);
const ON_SADDLE: When = one_of("surface", &[FlatKind::Saddle.id()]);

/// The start parameters of surface `kind`.
pub fn start_params(kind: FlatKind) -> [&'static str; 2] {
    match kind {
        FlatKind::Plateau => ["x0", "y0"],
        FlatKind::Saddle => ["saddle_x0", "saddle_y0"],
    }
}

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "optima",
    stage: Stage::Optimisation,
    params: PARAMS,
    commands: &[read_only("geometry")],
    new: |p| Ok(Box::new(OptimaView::build(p)?)),
};

/// The computed view.
pub struct OptimaView {
    flat: FlatConfig,
    paths: Vec<FlatPath>,
    levels: Levels,
    minima: Vec<[f64; 2]>,
    saddles: Vec<[f64; 2]>,
    study: CriticalStudy,
}

/// The iso-levels of a surface: the plateau's approach to 1 in halvings, the saddle's bowl
/// through its saddle value.
fn levels(kind: FlatKind) -> Vec<f64> {
    match kind {
        FlatKind::Plateau => vec![0.05, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999],
        FlatKind::Saddle => vec![0.02, 0.06, 0.125, 0.2, 0.25, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0],
    }
}

/// The parameter that holds a refused setting.
fn flat_param(e: &FlatError, kind: &FlatKind) -> &'static str {
    match e {
        FlatError::Steps(_) => "steps",
        FlatError::Start => start_params(*kind)[0],
        FlatError::Optimizer(OptimizerKind::Momentum, OptimError::Beta1(_)) => "mu",
        FlatError::Optimizer(OptimizerKind::Adam, _) => "lr_adam",
        FlatError::Optimizer(..) => "lr",
    }
}

fn read(params: &ParamSet) -> (FlatConfig, CriticalConfig) {
    let kind: FlatKind = params.pick("surface");
    let [x0, y0] = start_params(kind);
    (
        FlatConfig {
            kind,
            start: [params.float(x0), params.float(y0)],
            steps: params.int("steps") as usize,
            lr: params.float("lr"),
            mu: params.float("mu"),
            lr_adam: params.float("lr_adam"),
        },
        CriticalConfig {
            max_dim: params.int("max_dim") as usize,
            draws: params.int("draws") as usize,
            seed: params.int("seed") as u64,
        },
    )
}

fn study(c: &CriticalConfig) -> Result<CriticalStudy, Notice> {
    c.validate().map_err(|e| {
        let param = match e {
            crate::core::critical::CriticalError::MaxDim(_) => "max_dim",
            crate::core::critical::CriticalError::Draws(_) => "draws",
        };
        Notice::inconsistent(param, e.to_string())
    })
}

/// Contour lines by level: `(level, polylines)`.
type Levels = Vec<(f64, Vec<Vec<[f64; 2]>>)>;

fn descend(flat: &FlatConfig) -> Result<(Vec<FlatPath>, Levels), Notice> {
    let paths = flat.run().map_err(|e| Notice::inconsistent(flat_param(&e, &flat.kind), e.to_string()))?;
    let (x, y) = flat.kind.window();
    let g = Grid::sample(GRID, GRID / 2, x, y, |a, b| flat.kind.value(a, b));
    let ls = levels(flat.kind);
    let lines = g.contours(&ls);
    Ok((paths, ls.into_iter().zip(lines).collect()))
}

impl OptimaView {
    /// Computes the view from validated parameters (the study starts with no draw; see
    /// [`View::advance`]).
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let (flat, critical) = read(params);
        let study = study(&critical)?;
        let (paths, levels) = descend(&flat)?;
        Ok(OptimaView {
            minima: flat.kind.minima(),
            saddles: flat.kind.saddle().into_iter().collect(),
            flat,
            paths,
            levels,
            study,
        })
    }

    /// The study of random critical points.
    pub fn study(&self) -> &CriticalStudy {
        &self.study
    }

    /// The three paths: gradient descent, momentum, Adam.
    pub fn paths(&self) -> &[FlatPath] {
        &self.paths
    }

    fn shares(&self, model: HessianModel) -> Vec<Share> {
        let n = self.study.done() as u64;
        self.study
            .minima(model)
            .iter()
            .enumerate()
            .map(|(i, &k)| Share {
                d: i + 1,
                share: if n > 0 { k as f64 / n as f64 } else { 0.0 },
                interval: if n > 0 { wilson(k, n, Z95) } else { (0.0, 0.0) },
            })
            .collect()
    }

    fn outcomes(&self) -> Vec<Outcome> {
        self.paths
            .iter()
            .map(|p| Outcome {
                kind: p.kind,
                lr: p.lr,
                escape: p.escape,
                flat: p.flat_steps(self.flat.kind, FLAT_BAND),
                diverged: p.diverged_at,
            })
            .collect()
    }

    fn chart_data(&self, lang: Lang) -> OptimaChartData<'_> {
        let w = words(lang);
        let kind = self.flat.kind;
        let surface = (w.surface)(kind);
        let paths = self
            .paths
            .iter()
            .map(|p| {
                let mu = (p.kind == OptimizerKind::Momentum).then_some(self.flat.mu);
                FlatFigure {
                    label: (w.label)((w.name)(p.kind), p.lr, mu, p.escape),
                    points: &p.points,
                    losses: &p.losses,
                    diverged: p.diverged_at.is_some(),
                }
            })
            .collect();
        OptimaChartData {
            signs: self.shares(HessianModel::IndependentSigns),
            goe: self.shares(HessianModel::Goe),
            share_note: (w.share_note)(self.study.done(), self.study.config().draws),
            resolution: 1.0 / self.study.config().draws as f64,
            surface: surface.map(String::from),
            surface_note: (w.surface_note)(kind, kind.escape_level()),
            x: kind.window().0,
            y: kind.window().1,
            levels: &self.levels,
            minima: &self.minima,
            saddles: &self.saddles,
            start: self.flat.start,
            paths,
            escape: kind.escape_level(),
            loss_note: w.loss_note,
            words: OptimaChartWords {
                share: w.share,
                dimension: w.dimension,
                legend: w.legend,
                x: w.axes[0],
                y: w.axes[1],
                loss: w.loss,
                step: w.step,
            },
        }
    }
}

impl View for OptimaView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        let (flat, critical) = read(params);
        // the draws depend only on the dimension, their number and the seed: keep them when
        // only the descents change
        let fresh = if critical == *self.study.config() {
            None
        } else {
            Some(study(&critical)?)
        };
        let (paths, levels) = descend(&flat)?;
        if let Some(s) = fresh {
            self.study = s;
        }
        self.minima = flat.kind.minima();
        self.saddles = flat.kind.saddle().into_iter().collect();
        self.flat = flat;
        self.paths = paths;
        self.levels = levels;
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        // one unit: 64 Hessians of each model (a few microseconds each, most stop at their
        // first or second pivot)
        self.study.advance(max_units.saturating_mul(64));
        let total = self.study.config().draws;
        Some(Progress {
            done: self.study.done().div_ceil(64),
            total: total.div_ceil(64),
        })
    }

    fn data(&self) -> serde_json::Value {
        let paths: Vec<_> = self
            .paths
            .iter()
            .map(|p| {
                json!({
                    "kind": p.kind.id(), "lr": p.lr, "points": p.points, "losses": p.losses,
                    "escape": p.escape, "flat_steps": p.flat_steps(self.flat.kind, FLAT_BAND), "diverged_at": p.diverged_at,
                })
            })
            .collect();
        let mut out = self.summary();
        out["paths"] = json!(paths);
        out["minima_counts"] = json!({
            "independent_signs": self.study.minima(HessianModel::IndependentSigns),
            "goe": self.study.minima(HessianModel::Goe),
        });
        out
    }

    fn summary(&self) -> serde_json::Value {
        let n = self.study.done() as u64;
        let (signs, goe) = (
            self.study.minima(HessianModel::IndependentSigns),
            self.study.minima(HessianModel::Goe),
        );
        let rows: Vec<serde_json::Value> = (0..signs.len())
            .map(|i| {
                let share = |k: u64| if n > 0 { json!(k as f64 / n as f64) } else { serde_json::Value::Null };
                json!([i + 1, independent_share(i + 1), share(signs[i]), share(goe[i]), goe[i]])
            })
            .collect();
        let escapes: Vec<serde_json::Value> = self
            .paths
            .iter()
            .map(|p| {
                json!([p.kind.id(), p.lr, p.escape, p.flat_steps(self.flat.kind, FLAT_BAND), p.losses.last()])
            })
            .collect();
        json!({
            "surface": self.flat.kind.id(),
            "start": self.flat.start,
            "x_range": self.flat.kind.window().0,
            "y_range": self.flat.kind.window().1,
            "escape_level": self.flat.kind.escape_level(),
            "draws": {"done": n, "total": self.study.config().draws},
            "tables": [
                {"id": "escape", "columns": ["optimizer", "lr", "escape", "flat_steps", "final_loss"], "rows": escapes},
                {"id": "minima", "columns": ["d", "two_to_minus_d", "signs_share", "goe_share", "goe_minima"], "rows": rows},
            ],
        })
    }

    fn csv(&self) -> String {
        // one row per dimension: the exact 2^-d, the two measured shares and the GOE count
        let header: Vec<String> = ["d", "two_to_minus_d", "independent_signs_share", "goe_share", "goe_minima", "draws"]
            .map(String::from)
            .to_vec();
        let n = self.study.done();
        let (signs, goe) = (
            self.study.shares(HessianModel::IndependentSigns),
            self.study.shares(HessianModel::Goe),
        );
        let counts = self.study.minima(HessianModel::Goe);
        let rows = (0..signs.len()).map(|i| {
            vec![(i + 1) as f64, independent_share(i + 1), signs[i], goe[i], counts[i] as f64, n as f64]
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let outcomes = self.outcomes();
        let (signs, goe) = (
            self.study.shares(HessianModel::IndependentSigns),
            self.study.shares(HessianModel::Goe),
        );
        let counts = self.study.minima(HessianModel::Goe);
        let last_goe = counts.iter().rposition(|&k| k > 0).map_or(0, |i| i + 1);
        let k = signs.len().min(3);
        (words(lang).describe)(&Describe {
            kind: self.flat.kind,
            start: self.flat.start,
            steps: self.flat.steps,
            mu: self.flat.mu,
            outcomes: &outcomes,
            draws: (self.study.done(), self.study.config().draws),
            goe: &goe[..k],
            signs: &signs[..k],
            last_goe,
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        draw_optima(root, &self.chart_data(theme.lang), theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        height_for(width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "geometry" => {
                let size: Vec<f64> = arg.split(',').filter_map(|v| v.trim().parse().ok()).collect();
                match size[..] {
                    [w, h] if w.is_finite() && h.is_finite() && w >= 16.0 && h >= 16.0 => {
                        let r = layout(w, h, &Theme::default()).surface.1;
                        let (x, y) = self.flat.kind.window();
                        let params = start_params(self.flat.kind);
                        Ok(json!([{"space": "surface", "rect": [r.x, r.y, r.w, r.h], "x": x, "y": y, "params": params}]))
                    }
                    _ => Err(Notice::rejected("geometry", format!("expected width,height, got {arg:?}")).into()),
                }
            }
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }
}
