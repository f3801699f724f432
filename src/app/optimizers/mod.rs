//! `view=optimizers`: optimizers racing on 2-D loss surfaces (seed 001: momentum, RMSprop, Adam,
//! learning-rate decay, local optima and saddles; seed 004 / DLFS figure 6-8: SGD, Momentum,
//! AdaGrad and Adam from (-7, 2) on `x^2/20 + y^2`), with the loss per step and the learning-rate
//! schedule. Every optimizer is `core::optim` applied to a parameter vector of length 2.
use super::params::{choice, flag, float, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, View, ViewEntry};
use crate::chart::optimizers::{draw_optimizers, layout, OptimizersChartData, PanelGeometry, PathSeries};
use crate::chart::{series_color, ChartError, Lang, Theme};
use crate::core::lab::race::{Path, Race, RaceConfig, MAX_NOISE, MAX_STEPS};
use crate::core::math::contour::{levels, Grid};
use crate::core::optim::{Convention, Optimizer, OptimizerConfig, OptimizerKind};
use crate::core::schedule::{ScheduleConfig, ScheduleKind};
use crate::core::surface::{Surface, SurfaceConfig, SurfaceKind, X_RANGE, Y_RANGE};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;

/// Number of iso-lines drawn.
pub const CONTOUR_LEVELS: usize = 14;

// Learning rates and betas admit the invalid edge values (lr 0, beta 1, negative beta) in the
// schema so that build() can refuse them with the optimizer's own message and keep the previous
// figure, instead of silently clamping to a value the user did not ask for.
const LR_MAX: f64 = 10.0;

/// Parameters of `view=optimizers`. The defaults are the DLFS comparison (start (-7, 2), 30
/// steps, SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3) drawn in one panel.
pub const PARAMS: &[ParamSpec] = &[
    choice(
        "surface",
        &["bowl", "rotated", "rosenbrock", "saddle", "multimodal"],
        "bowl",
    ),
    log("condition", 1.0, 1e4, "20"),
    float("x0", X_RANGE.0, X_RANGE.1, 0.1, "-7"),
    float("y0", Y_RANGE.0, Y_RANGE.1, 0.1, "2"),
    // The schema admits up to twice MAX_STEPS so that a larger request is refused with a notice
    // (keeping the previous figure) rather than silently clamped.
    int("steps", 0, 2 * MAX_STEPS as i64, "30"),
    choice("convention", &["dlfs", "ng"], "dlfs"),
    flag("sgd", true),
    float("lr_sgd", 0.0, LR_MAX, 0.001, "0.95"),
    flag("momentum", true),
    float("lr_momentum", 0.0, LR_MAX, 0.001, "0.1"),
    float("momentum_beta", -1.0, 1.0, 0.001, "0.9"),
    flag("nesterov", false),
    float("lr_nesterov", 0.0, LR_MAX, 0.001, "0.1"),
    float("nesterov_beta", -1.0, 1.0, 0.001, "0.9"),
    flag("adagrad", true),
    float("lr_adagrad", 0.0, LR_MAX, 0.001, "1.5"),
    flag("rmsprop", false),
    float("lr_rmsprop", 0.0, LR_MAX, 0.001, "0.1"),
    float("rmsprop_beta2", -1.0, 1.0, 0.001, "0.99"),
    flag("adam", true),
    float("lr_adam", 0.0, LR_MAX, 0.001, "0.3"),
    float("adam_beta1", -1.0, 1.0, 0.001, "0.9"),
    float("adam_beta2", -1.0, 1.0, 0.001, "0.999"),
    flag("bias_correction", true),
    choice("layout", &["overlay", "multiples"], "overlay"),
    choice(
        "schedule",
        &["constant", "inverse_time", "exponential", "inverse_sqrt", "staircase"],
        "constant",
    ),
    float("decay_rate", 0.0, 10.0, 0.01, "0.1"),
    float("decay_base", 0.5, 1.0, 0.001, "0.95"),
    float("decay_k", 0.01, 10.0, 0.01, "1"),
    float("stair_drop", 0.05, 1.0, 0.05, "0.5"),
    int("stair_every", 1, 1000, "10"),
    float("noise", 0.0, MAX_NOISE, 0.01, "0"),
    seed("1"),
    int("grid", 20, 400, "150"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "optimizers",
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(OptimizersView::build(p)?)),
};

/// One optimizer in the race.
pub struct Racer {
    /// Its validated settings.
    pub optimizer: Optimizer,
    /// Its path.
    pub path: Path,
}

/// The computed view.
pub struct OptimizersView {
    surface: Surface,
    race: Race,
    racers: Vec<Racer>,
    contours: Vec<(f64, Vec<Vec<[f64; 2]>>)>,
    schedule: Vec<f64>,
    multiples: bool,
    convention: Convention,
    grid: usize,
}

fn invalid(param: &str, detail: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), detail)]
}

/// The colour of an optimizer kind: its index in [`OptimizerKind::ALL`] in the Okabe-Ito palette,
/// so a kind keeps its colour whatever else races.
pub fn kind_color(kind: OptimizerKind) -> RGBColor {
    series_color(OptimizerKind::ALL.iter().position(|k| *k == kind).unwrap_or(0))
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn optimizer_config(
    params: &ParamSet,
    kind: OptimizerKind,
    convention: Convention,
) -> (OptimizerConfig, [&'static str; 3]) {
    let lr_name = match kind {
        OptimizerKind::Sgd => "lr_sgd",
        OptimizerKind::Momentum => "lr_momentum",
        OptimizerKind::Nesterov => "lr_nesterov",
        OptimizerKind::AdaGrad => "lr_adagrad",
        OptimizerKind::RmsProp => "lr_rmsprop",
        OptimizerKind::Adam => "lr_adam",
    };
    let mut c = OptimizerConfig::new(kind, convention, params.float(lr_name));
    c.bias_correction = params.bool("bias_correction");
    let (b1, b2) = match kind {
        OptimizerKind::Momentum => ("momentum_beta", ""),
        OptimizerKind::Nesterov => ("nesterov_beta", ""),
        OptimizerKind::RmsProp => ("", "rmsprop_beta2"),
        OptimizerKind::Adam => ("adam_beta1", "adam_beta2"),
        _ => ("", ""),
    };
    if !b1.is_empty() {
        c.beta1 = params.float(b1);
    }
    if !b2.is_empty() {
        c.beta2 = params.float(b2);
    }
    (
        c,
        [
            lr_name,
            if b1.is_empty() { lr_name } else { b1 },
            if b2.is_empty() { lr_name } else { b2 },
        ],
    )
}

impl OptimizersView {
    /// The racers, in [`OptimizerKind::ALL`] order.
    pub fn racers(&self) -> &[Racer] {
        &self.racers
    }

    /// Geometry of the contour plotting areas (for mapping clicks to data).
    pub fn geometry(&self) -> Vec<PanelGeometry> {
        layout(self.racers.len(), self.multiples, X_RANGE, Y_RANGE)
    }

    /// "SGD lr=0.95", "Momentum lr=0.1 μ=0.9" (DLFS form) or "Momentum lr=1 β=0.9" (Ng form):
    /// the momentum symbol says which convention the path uses.
    fn label(r: &Racer) -> String {
        let c = r.optimizer.config();
        let base = format!("{} lr={}", c.kind.name(), c.lr);
        match (c.kind, c.convention) {
            (OptimizerKind::Momentum | OptimizerKind::Nesterov, Convention::Dlfs) => format!("{base} μ={}", c.beta1),
            (OptimizerKind::Momentum | OptimizerKind::Nesterov, Convention::Ng) => format!("{base} β={}", c.beta1),
            _ => base,
        }
    }

    /// The figure's data for the chart.
    fn chart_data(&self) -> OptimizersChartData<'_> {
        OptimizersChartData {
            contours: &self.contours,
            x_range: X_RANGE,
            y_range: Y_RANGE,
            minimum: self.surface.minimum().map(|(x, y, _)| [x, y]),
            paths: self
                .racers
                .iter()
                .map(|r| PathSeries {
                    label: Self::label(r),
                    color: kind_color(r.optimizer.kind()),
                    points: &r.path.points,
                    losses: &r.path.losses,
                    diverged_at: r.path.diverged_at,
                })
                .collect(),
            multiples: self.multiples,
            loss_floor: self.surface.minimum().map(|(_, _, f)| f),
            schedule: &self.schedule,
        }
    }

    /// Draws and returns the contour plotting areas in device pixels (for tests of the geometry).
    pub fn draw_with_geometry<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<Vec<[i32; 4]>, ChartError> {
        draw_optimizers(root, &self.chart_data(), theme)
    }
}

impl OptimizersView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let steps = params.int("steps") as usize;
        if steps > MAX_STEPS {
            return Err(invalid(
                "steps",
                format!("at most {MAX_STEPS} steps (asked for {steps})"),
            ));
        }
        let surface = SurfaceConfig {
            kind: SurfaceKind::from_id(params.choice("surface")).unwrap_or(SurfaceKind::Bowl),
            condition: params.float("condition"),
        }
        .validate()
        .map_err(|e| invalid("condition", e.to_string()))?;
        let convention = if params.choice("convention") == "ng" {
            Convention::Ng
        } else {
            Convention::Dlfs
        };
        let race = RaceConfig {
            start: [params.float("x0"), params.float("y0")],
            steps,
            noise: params.float("noise"),
            seed: params.int("seed") as u64,
            schedule: ScheduleConfig {
                kind: ScheduleKind::from_id(params.choice("schedule")).unwrap_or(ScheduleKind::Constant),
                decay_rate: params.float("decay_rate"),
                base: params.float("decay_base"),
                k: params.float("decay_k"),
                drop: params.float("stair_drop"),
                every: params.int("stair_every") as u32,
            },
        }
        .validate()
        .map_err(|e| invalid("schedule", e.to_string()))?;
        let mut optimizers = Vec::new();
        for kind in OptimizerKind::ALL {
            if !params.bool(kind.id()) {
                continue;
            }
            let (config, names) = optimizer_config(params, kind, convention);
            let o = config.validate().map_err(|e| {
                use crate::core::optim::OptimError as E;
                let name = match e {
                    E::Beta1(_) => names[1],
                    E::Beta2(_) => names[2],
                    _ => names[0],
                };
                invalid(name, format!("{}: {e}", kind.name()))
            })?;
            optimizers.push(o);
        }
        if optimizers.is_empty() {
            return Err(invalid("sgd", "pick at least one optimizer".into()));
        }
        let racers = optimizers
            .into_iter()
            .map(|o| Racer {
                path: race.run(&surface, &o),
                optimizer: o,
            })
            .collect();
        let grid = params.int("grid") as usize;
        let g = Grid::sample(grid, grid, X_RANGE, Y_RANGE, |x, y| surface.value(x, y));
        let contours = match g.finite_range() {
            Some((lo, hi)) => {
                let min = surface.minimum().map(|m| m.2);
                let ls = levels(min.unwrap_or(lo), hi, CONTOUR_LEVELS, min.is_some());
                let lines = g.contours(&ls);
                ls.into_iter().zip(lines).collect()
            }
            None => Vec::new(),
        };
        let schedule = race.schedule().curve(1.0, steps as u64);
        Ok(OptimizersView {
            surface,
            race,
            racers,
            contours,
            schedule,
            multiples: params.choice("layout") == "multiples",
            convention,
            grid,
        })
    }
}

impl View for OptimizersView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = OptimizersView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let optimizers: Vec<_> = self
            .racers
            .iter()
            .map(|r| {
                let c = r.optimizer.config();
                json!({
                    "kind": c.kind.id(), "name": c.kind.name(), "lr": c.lr, "beta1": c.beta1, "beta2": c.beta2,
                    "eps": c.eps, "bias_correction": c.bias_correction, "color": hex(kind_color(c.kind)),
                    "points": r.path.points, "losses": r.path.losses, "lrs": r.path.lrs,
                    "diverged_at": r.path.diverged_at, "diverged": r.path.diverged_at.is_some(),
                })
            })
            .collect();
        let mut out = self.summary();
        out["optimizers"] = json!(optimizers);
        out["schedule"] = json!({"kind": self.race.schedule().config().kind.id(), "factors": self.schedule});
        out["levels"] = json!(self.contours.iter().map(|c| c.0).collect::<Vec<_>>());
        out["grid"] = json!(self.grid);
        out
    }

    fn summary(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .racers
            .iter()
            .map(|r| {
                let last = r.path.points.last().copied().unwrap_or(self.race.config().start);
                let name = match r.path.diverged_at {
                    Some(t) => format!("{} (diverged at step {t})", r.optimizer.kind().name()),
                    None => r.optimizer.kind().name().to_string(),
                };
                json!([
                    name,
                    r.optimizer.lr(),
                    r.path.points.len() - 1,
                    last[0],
                    last[1],
                    r.path.losses.last().copied().unwrap_or(0.0)
                ])
            })
            .collect();
        let status: Vec<_> = self
            .racers
            .iter()
            .map(|r| json!({"kind": r.optimizer.kind().id(), "diverged_at": r.path.diverged_at, "color": hex(kind_color(r.optimizer.kind()))}))
            .collect();
        json!({
            "surface": self.surface.kind().id(),
            "convention": match self.convention { Convention::Ng => "ng", Convention::Dlfs => "dlfs" },
            "start": self.race.config().start,
            "steps": self.race.config().steps,
            "max_steps": MAX_STEPS,
            "x_range": X_RANGE,
            "y_range": Y_RANGE,
            "minimum": self.surface.minimum().map(|(x, y, f)| [x, y, f]),
            "geometry": self.geometry(),
            "racers": status,
            "tables": [{
                "id": "race",
                "columns": ["optimizer", "lr", "steps", "x", "y", "loss"],
                "rows": rows,
            }],
        })
    }

    fn csv(&self) -> String {
        // Long format (one row per optimizer and step) so diverged, shorter paths leave no gaps;
        // `optimizer` is the index in SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam.
        let header: Vec<String> = ["optimizer", "step", "x", "y", "loss", "lr"].map(String::from).to_vec();
        let rows = self.racers.iter().flat_map(|r| {
            let k = OptimizerKind::ALL
                .iter()
                .position(|k| *k == r.optimizer.kind())
                .unwrap_or(0) as f64;
            (0..r.path.points.len()).map(move |t| {
                let p = r.path.points[t];
                let lr = if t == 0 { 0.0 } else { r.path.lrs[t - 1] };
                vec![k, t as f64, p[0], p[1], r.path.losses[t], lr]
            })
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let start = self.race.config().start;
        let parts: Vec<String> = self
            .racers
            .iter()
            .map(|r| {
                let name = Self::label(r);
                let loss = r.path.losses.last().copied().unwrap_or(0.0);
                match (r.path.diverged_at, r.path.points.last(), lang) {
                    (Some(t), _, Lang::En) => format!("{name} diverged at step {t}"),
                    (Some(t), _, Lang::Ko) => format!("{name}: {t}단계에서 발산"),
                    (None, Some(p), Lang::En) => {
                        format!("{name} ends at ({:.3}, {:.3}) with loss {loss:.3e}", p[0], p[1])
                    }
                    (None, Some(p), Lang::Ko) => {
                        format!("{name}: ({:.3}, {:.3})에서 끝남, 손실 {loss:.3e}", p[0], p[1])
                    }
                    _ => name,
                }
            })
            .collect();
        let steps = self.race.config().steps;
        let surface = self.surface.kind().id();
        match lang {
            Lang::En => {
                let min = match self.surface.minimum() {
                    Some((x, y, _)) => format!("minimum at ({x}, {y})"),
                    None => "no minimum (a saddle at the origin)".to_string(),
                };
                let form = match self.convention {
                    Convention::Dlfs => "DLFS form v = μv − lr·g, W += v",
                    Convention::Ng => "course form v = βv + (1−β)g, W −= lr·v",
                };
                format!(
                    "Contour lines of the {surface} surface ({min}) with {} optimizer path(s) from ({}, {}) over {steps} steps, momentum in the {form}: {}.",
                    self.racers.len(),
                    start[0],
                    start[1],
                    parts.join("; ")
                )
            }
            Lang::Ko => {
                let min = match self.surface.minimum() {
                    Some((x, y, _)) => format!("최솟값 ({x}, {y})"),
                    None => "최솟값 없음(원점의 안장점)".to_string(),
                };
                let form = match self.convention {
                    Convention::Dlfs => "DLFS 표기 v = μv − lr·g, W += v",
                    Convention::Ng => "강의 표기 v = βv + (1−β)g, W −= lr·v",
                };
                format!(
                    "{surface} 곡면({min})의 등고선과 ({}, {})에서 출발해 {steps}단계 진행한 최적화 경로 {}개, 모멘텀은 {form}: {}.",
                    start[0],
                    start[1],
                    self.racers.len(),
                    parts.join("; ")
                )
            }
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        self.draw_with_geometry(root, theme).map(|_| ())
    }
}
