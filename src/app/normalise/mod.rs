//! `view=normalise`: normalising inputs (seed 001, "Normalizing inputs"): the cost of the same
//! two-feature linear regression over `(w1, w2)` on raw features of very different scales and on
//! the same data transformed with the training mean and standard deviation, gradient descent from
//! the same start with the same learning rate in both, the largest learning rate that still
//! converges (`2 / lambda_max` of the Hessian, exact for a quadratic cost), each bowl's condition
//! number, and the test set transformed with the training statistics. The experiment is
//! [`crate::core::lab::normalise`]; words: [`text`].
use super::params::{choice, float, int, log, seed, Group, Notice, ParamSet, ParamSpec};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::normalise::{draw_normalise, height_for, layout, NormaliseChartData, NormaliseChartWords, SpaceFigure};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::normalise::{
    NormaliseConfig, NormaliseError, NormaliseStudy, Space, Transform, MAX_MEAN, MAX_NOISE, MAX_RHO, MAX_ROWS, MAX_SD,
    MAX_STEPS, MIN_SD,
};
use crate::core::math::contour::Grid;
use serde_json::json;

mod text;
use text::{words, Bowl, Describe};

/// Iso-lines drawn per panel.
pub const LEVELS: usize = 14;
/// Contour grid points per side.
pub const GRID: usize = 120;
/// A path has converged when its cost is this share of its start above the minimum.
pub const CONVERGED: f64 = 1e-3;

/// Parameters of `view=normalise`. The defaults: features with means 5 and 1 and standard
/// deviations 2 and 0.25, standardised; learning rate 0.06 for 100 steps from (0, 0).
pub const PARAMS: &[ParamSpec] = &[
    choice("transform", &Transform::IDS, "standardise").main(),
    log("lr", 1e-4, 10.0, "0.06").group(Group::Optimisation).main(),
    // twice the cap, so that more is refused with a notice rather than clamped
    int("steps", 0, 2 * MAX_STEPS as i64, "100").group(Group::Run).main(),
    log("sd1", MIN_SD, MAX_SD, "2").group(Group::Data).main(),
    log("sd2", MIN_SD, MAX_SD, "0.25").group(Group::Data),
    float("mean1", -MAX_MEAN, MAX_MEAN, 0.1, "5").group(Group::Data),
    float("mean2", -MAX_MEAN, MAX_MEAN, 0.1, "1").group(Group::Data),
    float("rho", -MAX_RHO, MAX_RHO, 0.01, "0").group(Group::Data),
    float("noise", 0.0, MAX_NOISE, 0.01, "0.5").group(Group::Data),
    int("train", 3, MAX_ROWS as i64, "200").group(Group::Data),
    int("test", 1, MAX_ROWS as i64, "50").group(Group::Data),
    float("w1", -1000.0, 1000.0, 0.01, "0").group(Group::Run),
    float("w2", -1000.0, 1000.0, 0.01, "0").group(Group::Run),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "normalise",
    stage: Stage::Setup,
    params: PARAMS,
    commands: &[read_only("geometry")],
    new: |p| Ok(Box::new(NormaliseView::build(p)?)),
};

/// One space as the figure shows it: the window and the iso-lines.
struct Drawn {
    x: (f64, f64),
    y: (f64, f64),
    levels: Vec<(f64, Vec<Vec<[f64; 2]>>)>,
}

/// The computed view.
pub struct NormaliseView {
    study: NormaliseStudy,
    drawn: [Drawn; 2],
}

/// The parameter that holds a refused setting.
fn param_of(e: &NormaliseError) -> &'static str {
    match e {
        NormaliseError::Mean(0, _) => "mean1",
        NormaliseError::Mean(..) => "mean2",
        NormaliseError::Sd(0, _) => "sd1",
        NormaliseError::Sd(..) => "sd2",
        NormaliseError::Rho(_) | NormaliseError::Collinear => "rho",
        NormaliseError::Noise(_) => "noise",
        NormaliseError::Train(_) => "train",
        NormaliseError::Test(_) => "test",
        NormaliseError::Lr(_) => "lr",
        NormaliseError::Steps(_) => "steps",
        NormaliseError::Start => "w1",
    }
}

/// A square window around the start and the minimum (equal scales on both axes).
fn window(start: [f64; 2], optimum: [f64; 2]) -> ((f64, f64), (f64, f64)) {
    let c = [(start[0] + optimum[0]) / 2.0, (start[1] + optimum[1]) / 2.0];
    let span = (start[0] - optimum[0]).abs().max((start[1] - optimum[1]).abs());
    let half = (0.75 * span).max(0.05 * (1.0 + optimum[0].abs().max(optimum[1].abs())));
    ((c[0] - half, c[0] + half), (c[1] - half, c[1] + half))
}

impl NormaliseView {
    /// Computes the view from validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let config = NormaliseConfig {
            means: [params.float("mean1"), params.float("mean2")],
            sds: [params.float("sd1"), params.float("sd2")],
            rho: params.float("rho"),
            noise: params.float("noise"),
            train: params.int("train") as usize,
            test: params.int("test") as usize,
            seed: params.int("seed") as u64,
            transform: params.pick("transform"),
            lr: params.float("lr"),
            steps: params.int("steps") as usize,
            start: [params.float("w1"), params.float("w2")],
        };
        let study = config
            .run()
            .map_err(|e| Notice::inconsistent(param_of(&e), e.to_string()))?;
        // the same cost levels in both panels: halvings of the larger start's height
        let top = [&study.raw, &study.transformed]
            .iter()
            .map(|s| s.cost.value(config.start) - s.min_cost)
            .fold(0.0f64, f64::max)
            .max(1e-9);
        let drawn = [&study.raw, &study.transformed].map(|s| {
            let (x, y) = window(config.start, s.optimum);
            let g = Grid::sample(GRID, GRID, x, y, |a, b| s.cost.value([a, b]));
            let ls: Vec<f64> = (0..LEVELS)
                .map(|k| s.min_cost + 1.5 * top * 0.5f64.powi(k as i32))
                .collect();
            let lines = g.contours(&ls);
            Drawn {
                x,
                y,
                levels: ls.into_iter().zip(lines).collect(),
            }
        });
        Ok(NormaliseView { study, drawn })
    }

    /// The study.
    pub fn study(&self) -> &NormaliseStudy {
        &self.study
    }

    fn spaces(&self) -> [&Space; 2] {
        [&self.study.raw, &self.study.transformed]
    }

    fn bowl(s: &Space) -> Bowl {
        let last = s.path.costs.last().copied().unwrap_or(0.0);
        Bowl {
            kappa: s.cost.condition(),
            lr_max: s.cost.max_stable_lr(),
            excess: last - s.min_cost,
            start_excess: s.path.costs[0] - s.min_cost,
            diverged: s.path.diverged_at,
        }
    }

    fn chart_data(&self, lang: Lang) -> NormaliseChartData<'_> {
        let w = words(lang);
        let t = self.study.config.transform;
        let titles = [
            (w.raw, [w.raw_data, w.raw_data]),
            ((w.transformed)(t), [(w.transformed_data)(t), w.transformed_data_short]),
        ];
        let spaces = [0, 1].map(|k| {
            let s = self.spaces()[k];
            let d = &self.drawn[k];
            SpaceFigure {
                title: titles[k].0.to_string(),
                note: [
                    (w.note)(s.cost.condition(), s.cost.max_stable_lr()),
                    (w.note_short)(s.cost.condition(), s.cost.max_stable_lr()),
                ],
                x: d.x,
                y: d.y,
                levels: &d.levels,
                path: &s.path.points,
                diverged: s.path.diverged_at.is_some(),
                excess: s.path.costs.iter().map(|j| j - s.min_cost).collect(),
                optimum: s.optimum,
                train: &s.train,
                test: &s.test,
                data_title: titles[k].1.map(String::from),
            }
        });
        NormaliseChartData {
            spaces,
            start: self.study.config.start,
            names: [w.raw_short.to_string(), (w.transformed_short)(t).to_string()],
            words: NormaliseChartWords {
                w1: w.w[0],
                w2: w.w[1],
                x1: w.x[0],
                x2: w.x[1],
                cost_title: w.cost_title,
                step: w.step,
                train: w.train,
                test: w.test,
            },
        }
    }

    /// The contour plots at `width x height` CSS pixels: where each is and its weight window.
    pub fn geometry(&self, width: f64, height: f64) -> serde_json::Value {
        let l = layout(width, height, &Theme::default());
        let ids = ["raw", self.study.config.transform.id()];
        json!((0..2)
            .map(|k| {
                let r = l.contours[k].1;
                json!({"space": ids[k], "rect": [r.x, r.y, r.w, r.h], "x": self.drawn[k].x, "y": self.drawn[k].y})
            })
            .collect::<Vec<_>>())
    }
}

impl View for NormaliseView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = NormaliseView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let space = |s: &Space| {
            json!({
                "shift": s.scaler.shift, "scale": s.scaler.scale, "bias": s.bias,
                "hessian": s.cost.h, "g": s.cost.g, "c": s.cost.c,
                "eigenvalues": s.cost.eigenvalues(), "condition": s.cost.condition(), "lr_max": s.cost.max_stable_lr(),
                "optimum": s.optimum, "min_cost": s.min_cost,
                "points": s.path.points, "costs": s.path.costs, "diverged_at": s.path.diverged_at,
                "test_cost": s.test_cost, "train": s.train, "test": s.test,
            })
        };
        let st = &self.study;
        let mut out = self.summary();
        out["raw"] = space(&st.raw);
        out["transformed"] = space(&st.transformed);
        out["train_y"] = json!(st.train_y);
        out["test_y"] = json!(st.test_y);
        out
    }

    fn summary(&self) -> serde_json::Value {
        let st = &self.study;
        let ids = ["raw", st.config.transform.id()];
        let rows: Vec<serde_json::Value> = self
            .spaces()
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let [big, small] = s.cost.eigenvalues();
                let steps = if s.path.diverged_at.is_some() {
                    serde_json::Value::Null
                } else {
                    json!(s.path.steps_to(s.min_cost, CONVERGED))
                };
                json!([ids[k], big, small, s.cost.condition(), s.cost.max_stable_lr(), s.path.costs.last(), steps, s.test_cost[1]])
            })
            .collect();
        let (tr, te, after) = (&st.train_moments, &st.test_moments, &st.test_moments_after);
        let stats: Vec<serde_json::Value> = (0..2)
            .map(|j| {
                let feature = ["x1", "x2"][j];
                json!([feature, tr.mean[j], tr.sd[j], te.mean[j], te.sd[j], after.mean[j], after.sd[j]])
            })
            .collect();
        json!({
            "transform": st.config.transform.id(),
            "lr": st.config.lr,
            "start": st.config.start,
            "spaces": self.spaces().map(|s| json!({
                "condition": s.cost.condition(), "lr_max": s.cost.max_stable_lr(), "optimum": s.optimum,
                "diverged_at": s.path.diverged_at,
            })),
            "tables": [
                {"id": "bowls", "columns": ["space", "lambda_max", "lambda_min", "condition", "lr_max", "final_cost", "steps_to", "test_cost"], "rows": rows},
                {"id": "statistics", "columns": ["feature", "train_mean", "train_sd", "test_mean", "test_sd", "test_mean_after", "test_sd_after"], "rows": stats},
            ],
        })
    }

    fn csv(&self) -> String {
        // one row per step: the point and cost of each space (a diverged path repeats nothing:
        // its rows stop, the other's go on with empty cells written as the last value kept)
        let header: Vec<String> = ["step", "raw_w1", "raw_w2", "raw_cost", "t_w1", "t_w2", "t_cost"]
            .map(String::from)
            .to_vec();
        let [r, t] = self.spaces();
        let n = r.path.points.len().max(t.path.points.len());
        let at = |s: &Space, k: usize| {
            let k = k.min(s.path.points.len() - 1);
            (s.path.points[k], s.path.costs[k])
        };
        let rows = (0..n).map(|k| {
            let ((a, ja), (b, jb)) = (at(r, k), at(t, k));
            vec![k as f64, a[0], a[1], ja, b[0], b[1], jb]
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let st = &self.study;
        let t = st.config.transform;
        (w.describe)(&Describe {
            bowls: self.spaces().map(Self::bowl),
            lr: st.config.lr,
            steps: st.config.steps,
            start: st.config.start,
            mu: st.train_moments.mean,
            sigma: st.train_moments.sd,
            test_mean: st.test_moments_after.mean,
            test_sd: st.test_moments_after.sd,
            names: [w.raw_short, (w.transformed_short)(t)],
            standardised: t == Transform::Standardise,
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        draw_normalise(root, &self.chart_data(theme.lang), theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        height_for(width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "geometry" => {
                let size: Vec<f64> = arg.split(',').filter_map(|v| v.trim().parse().ok()).collect();
                match size[..] {
                    [w, h] if w.is_finite() && h.is_finite() && w >= 16.0 && h >= 16.0 => Ok(self.geometry(w, h)),
                    _ => Err(Notice::rejected("geometry", format!("expected width,height, got {arg:?}")).into()),
                }
            }
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }
}
