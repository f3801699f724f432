//! `view=optimizers`: optimizers racing on 2-D loss surfaces (seed 001: momentum, RMSprop, Adam,
//! learning-rate decay, local optima and saddles; seed 004 / DLFS figure 6-8: SGD, Momentum,
//! AdaGrad and Adam from (-7, 2) on `x^2/20 + y^2`), with the loss per step and the learning-rate
//! schedule. Every optimizer is `core::optim` applied to a parameter vector of length 2.
//! Parameters and their mapping to the core: [`params`]; words: [`text`].
use super::params::{Notice, ParamSet, ParamSpec};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::optimizers::{
    draw_optimizers, figure_height, layout, loss_axis, loss_geometry, side_panels, OptimizersChartData,
    OptimizersChartWords, PanelGeometry, PathSeries,
};
use crate::chart::scale::Pointer;
use crate::chart::{series_color, ChartError, Lang, Theme};
use crate::core::lab::race::{Path, Race, MAX_STEPS};
use crate::core::math::contour::{levels, Grid};
use crate::core::math::format::short;
use crate::core::optim::{Convention, Optimizer, OptimizerKind};
use crate::core::surface::{Surface, X_RANGE, Y_RANGE};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;

mod params;
mod text;
pub use params::{racer, Layout, RacerParams};
use text::{words, Race as RaceWords};

/// Number of iso-lines drawn.
pub const CONTOUR_LEVELS: usize = 14;

/// Parameters of `view=optimizers` (see [`params`]).
pub const PARAMS: &[ParamSpec] = params::PARAMS;

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "optimizers",
    stage: Stage::Optimisation,
    params: PARAMS,
    // `readout` {x, y, width, height}: the start under the pointer and the nearest path point
    commands: &[read_only("readout")],
    new: |p| Ok(Box::new(OptimizersView::build(p)?)),
};

/// How near (CSS pixels) the pointer must be to a path point for the readout to name it.
pub const READOUT_REACH: f64 = 10.0;

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

/// The colour of an optimizer kind: its index in [`OptimizerKind::ALL`] in the Okabe-Ito palette,
/// so a kind keeps its colour whatever else races.
pub fn kind_color(kind: OptimizerKind) -> RGBColor {
    series_color(OptimizerKind::ALL.iter().position(|k| *k == kind).unwrap_or(0))
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

impl OptimizersView {
    /// The racers, in [`OptimizerKind::ALL`] order.
    pub fn racers(&self) -> &[Racer] {
        &self.racers
    }

    /// Geometry of the contour plotting areas on a wide figure (`data().geometry`, for mapping
    /// clicks to data on a laptop).
    pub fn geometry(&self) -> Vec<PanelGeometry> {
        self.geometry_for((f64::INFINITY, f64::INFINITY))
    }

    /// Geometry of the contour plotting areas on a figure of `size` CSS pixels.
    pub fn geometry_for(&self, size: (f64, f64)) -> Vec<PanelGeometry> {
        layout(self.racers.len(), self.multiples, X_RANGE, Y_RANGE, size)
    }

    /// "SGD lr=0.95", "Momentum lr=0.1 μ=0.9" (DLFS form) or "Momentum lr=1 β=0.9" (Ng form):
    /// the momentum symbol says which convention the path uses.
    fn label(r: &Racer) -> String {
        let c = r.optimizer.config();
        let base = format!("{} lr={}", c.kind.name(), short(c.lr));
        match (c.kind, c.convention) {
            (OptimizerKind::Momentum | OptimizerKind::Nesterov, Convention::Dlfs) => {
                format!("{base} μ={}", short(c.beta1))
            }
            (OptimizerKind::Momentum | OptimizerKind::Nesterov, Convention::Ng) => {
                format!("{base} β={}", short(c.beta1))
            }
            _ => base,
        }
    }

    /// What the pointer is on (`readout` query): the start it would set (data coordinates in a
    /// contour panel, to 0.01) and the path point nearest to it within [`READOUT_REACH`] pixels,
    /// on the contours or on the loss curves (its optimizer, step, position and loss).
    fn readout(&self, pointer: &Pointer) -> serde_json::Value {
        let size = pointer.size();
        let panels = self.geometry_for(size);
        let at = panels
            .iter()
            .find_map(|g| g.data_at(size, pointer.at()))
            .map(|(x, y)| [(x * 100.0).round() / 100.0, (y * 100.0).round() / 100.0]);
        let near = |p: (f64, f64)| {
            let d = (p.0 - pointer.x).hypot(p.1 - pointer.y);
            (d <= READOUT_REACH).then_some(d)
        };
        // (distance, racer, step)
        let mut best: Option<(f64, usize, usize)> = None;
        let mut offer = |d: Option<f64>, i: usize, t: usize| {
            if let Some(d) = d.filter(|d| best.is_none_or(|b| *d < b.0)) {
                best = Some((d, i, t));
            }
        };
        let split = self.multiples && self.racers.len() > 1;
        for (k, g) in panels.iter().enumerate() {
            for (i, r) in self.racers.iter().enumerate() {
                if split && i != k {
                    continue;
                }
                for (t, p) in r.path.points.iter().enumerate() {
                    offer(near(g.pixel_of(size, (p[0], p[1]))), i, t);
                }
            }
        }
        let data = self.chart_data(Lang::En);
        let loss = loss_geometry(&data, side_panels(self.racers.len(), self.multiples, size).0);
        let axis = loss_axis(&data);
        let [l, top, r, b] = loss.plot(size);
        if pointer.x >= l - READOUT_REACH && pointer.x <= r && pointer.y >= top && pointer.y <= b {
            for (i, racer) in self.racers.iter().enumerate() {
                for (t, &f) in racer.path.losses.iter().enumerate() {
                    if let Some(v) = axis.to_axis(f).filter(|v| *v >= axis.range.0) {
                        offer(near(loss.pixel_of(size, (t as f64, v))), i, t);
                    }
                }
            }
        }
        let point = best.map(|(_, i, t)| {
            let r = &self.racers[i];
            let p = r.path.points[t];
            json!({
                "kind": r.optimizer.kind().id(), "name": r.optimizer.kind().name(),
                "color": hex(kind_color(r.optimizer.kind())), "step": t, "x": p[0], "y": p[1],
                "loss": r.path.losses[t], "lr": if t == 0 { None } else { r.path.lrs.get(t - 1) },
            })
        });
        json!({"at": at, "point": point})
    }

    /// The figure's data for the chart, in the words of `lang`.
    fn chart_data(&self, lang: Lang) -> OptimizersChartData<'_> {
        let w = words(lang);
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
                    diverged: r.path.diverged_at.map(w.diverged),
                })
                .collect(),
            multiples: self.multiples,
            loss_floor: self.surface.minimum().map(|(_, _, f)| f),
            schedule: &self.schedule,
            words: OptimizersChartWords {
                step: w.step,
                loss_log: w.loss_log,
                loss_linear: w.loss_linear,
                epoch: w.epoch,
                schedule: w.schedule,
            },
        }
    }

    /// Draws and returns the contour plotting areas in device pixels (for tests of the geometry).
    pub fn draw_with_geometry<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> Result<Vec<[i32; 4]>, ChartError> {
        draw_optimizers(root, &self.chart_data(theme.lang), theme)
    }
}

impl OptimizersView {
    /// Computes the view from validated parameters: every racer's path, the iso-lines and the
    /// schedule curve.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let params::Settings {
            surface,
            race,
            optimizers,
            convention,
            multiples,
            grid,
        } = params::read(params)?;
        let racers = optimizers
            .into_iter()
            .map(|o| Racer {
                path: race.run(&surface, &o),
                optimizer: o,
            })
            .collect();
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
        let schedule = race.schedule().curve(1.0, race.config().steps as u64);
        Ok(OptimizersView {
            surface,
            race,
            racers,
            contours,
            schedule,
            multiples,
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
                // the optimizer's name (the same in every language), or the page's words for a
                // path that diverged: {"id": "diverged", "arg": {"name", "step"}}
                let name = match r.path.diverged_at {
                    Some(t) => json!({"id": "diverged", "arg": {"name": r.optimizer.kind().name(), "step": t}}),
                    None => json!(r.optimizer.kind().name()),
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
            "convention": self.convention.id(),
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
        let w = words(lang);
        let outcomes: Vec<String> = self
            .racers
            .iter()
            .map(|r| {
                let name = Self::label(r);
                let loss = r.path.losses.last().copied().unwrap_or(0.0);
                match (r.path.diverged_at, r.path.points.last()) {
                    (Some(t), _) => (w.racer_diverged)(&name, t),
                    (None, Some(p)) => (w.racer_ends)(&name, *p, loss),
                    (None, None) => name,
                }
            })
            .collect();
        let minimum = match self.surface.minimum() {
            Some((x, y, _)) => (w.minimum)(x, y),
            None => w.no_minimum.to_string(),
        };
        (w.race)(&RaceWords {
            surface: (w.surface)(self.surface.kind()),
            minimum: &minimum,
            racers: self.racers.len(),
            start: self.race.config().start,
            steps: self.race.config().steps,
            form: match self.convention {
                Convention::Dlfs => w.form_dlfs,
                Convention::Ng => w.form_ng,
            },
            outcomes: &outcomes.join("; "),
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        self.draw_with_geometry(root, theme).map(|_| ())
    }

    fn height_for(&self, width: f64) -> f64 {
        figure_height(self.racers.len(), self.multiples, width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        let pointer = Pointer::parse(arg).ok_or_else(|| Notice::rejected(name, "expected {x, y, width, height}"))?;
        Ok(self.readout(&pointer))
    }
}
