//! The optimizer race figure: iso-lines of a 2-D loss surface with each optimizer's path (one
//! panel for all, or small multiples like DLFS figure 6-8; [`contour`]), the loss against the
//! step on a log scale and the learning-rate schedule ([`panels`]).
//!
//! The layout is a pure function of the figure size ([`layout`]): panels are fractions of the
//! figure, and each plotting area is its panel inset by fixed CSS-pixel margins, so the page can
//! map a click to data coordinates from [`PanelGeometry`] without asking the chart. Every word
//! drawn comes in as data ([`OptimizersChartWords`], [`PathSeries::diverged`]).
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

mod contour;
mod panels;

pub use contour::clip_polyline;

/// Share of the figure width given to the contour panel(s).
pub const CONTOUR_WIDTH: f64 = 0.62;
/// Paths longer than this are drawn without a marker per step (markers cost a canvas arc each).
pub const MAX_MARKED_STEPS: usize = 120;

/// One optimizer's path as the chart draws it.
#[derive(Clone, Debug)]
pub struct PathSeries<'a> {
    /// Legend text, e.g. "Adam lr=0.3".
    pub label: String,
    /// Colour.
    pub color: RGBColor,
    /// Finite points, the start first.
    pub points: &'a [[f64; 2]],
    /// Loss at each point.
    pub losses: &'a [f64],
    /// If the path exploded: the note drawn after its label ("diverged at step 4"); its last
    /// point is then marked with a cross.
    pub diverged: Option<String>,
}

/// The words of the race figure, in the page's language.
#[derive(Clone, Copy, Debug)]
pub struct OptimizersChartWords<'a> {
    /// x-axis title of the loss panel, e.g. "step".
    pub step: &'a str,
    /// Title of the loss panel on a log scale, e.g. "loss f − f_min (log scale)".
    pub loss_log: &'a str,
    /// Title of the loss panel on a linear scale (no minimum), e.g. "loss f".
    pub loss_linear: &'a str,
    /// x-axis title of the schedule panel, e.g. "epoch (= step)".
    pub epoch: &'a str,
    /// Title of the schedule panel, e.g. "learning-rate schedule α/α₀".
    pub schedule: &'a str,
}

/// Everything the figure shows.
#[derive(Clone, Debug)]
pub struct OptimizersChartData<'a> {
    /// Iso-lines: (level, polylines).
    pub contours: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// x window.
    pub x_range: (f64, f64),
    /// y window.
    pub y_range: (f64, f64),
    /// The global minimum, marked with a cross.
    pub minimum: Option<[f64; 2]>,
    /// The racers.
    pub paths: Vec<PathSeries<'a>>,
    /// One panel per path (true) or all paths in one panel.
    pub multiples: bool,
    /// Subtracted from the loss before the log scale (the surface's minimum); `None` plots the
    /// loss on a linear scale (the saddle is unbounded below).
    pub loss_floor: Option<f64>,
    /// `alpha / alpha0` for steps 1..=n.
    pub schedule: &'a [f64],
    /// The words drawn.
    pub words: OptimizersChartWords<'a>,
}

/// Where a contour panel's plotting area is, for mapping pixels to data: the panel is the
/// fraction `frac` = [left, top, right, bottom] of the figure; the plotting area is the panel
/// inset by `inset` = [left, top, right, bottom] CSS pixels; `x`, `y` are the data ranges.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelGeometry {
    /// Panel as fractions of the figure width/height.
    pub frac: [f64; 4],
    /// Plotting-area insets in CSS pixels.
    pub inset: [f64; 4],
    /// Data x range (left to right).
    pub x: (f64, f64),
    /// Data y range (bottom to top).
    pub y: (f64, f64),
}

const OVERLAY_INSET: [f64; 4] = [44.0, 8.0, 8.0, 32.0];
const MULTIPLE_INSET: [f64; 4] = [34.0, 20.0, 6.0, 24.0];

/// The contour panels for `n` paths: one panel, or a grid of small multiples (1 column for up to
/// 2 paths, else 2 columns).
pub fn layout(n: usize, multiples: bool, x: (f64, f64), y: (f64, f64)) -> Vec<PanelGeometry> {
    if !multiples || n <= 1 {
        return vec![PanelGeometry {
            frac: [0.0, 0.0, CONTOUR_WIDTH, 1.0],
            inset: if multiples { MULTIPLE_INSET } else { OVERLAY_INSET },
            x,
            y,
        }];
    }
    let cols = if n <= 2 { 1 } else { 2 };
    let rows = n.div_ceil(cols);
    (0..n)
        .map(|k| {
            let (c, r) = ((k % cols) as f64, (k / cols) as f64);
            let (w, h) = (CONTOUR_WIDTH / cols as f64, 1.0 / rows as f64);
            PanelGeometry {
                frac: [c * w, r * h, (c + 1.0) * w, (r + 1.0) * h],
                inset: MULTIPLE_INSET,
                x,
                y,
            }
        })
        .collect()
}

fn sub_area<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, frac: [f64; 4]) -> DrawingArea<DB, Shift> {
    let (w, h) = root.dim_in_pixel();
    let (x0, y0) = ((frac[0] * w as f64).round() as i32, (frac[1] * h as f64).round() as i32);
    let (x1, y1) = ((frac[2] * w as f64).round() as i32, (frac[3] * h as f64).round() as i32);
    root.clone().shrink((x0, y0), ((x1 - x0).max(1), (y1 - y0).max(1)))
}

/// Drops points closer than `min_px` (in both directions) to the last kept one, once mapped to
/// pixels by `to_px`; the last point is always kept. Each point drawn on a canvas is one call
/// across the wasm boundary, and a converged path piles hundreds of steps onto one pixel.
fn thin_px(points: &[(f64, f64)], to_px: impl Fn(&(f64, f64)) -> (i32, i32), min_px: i32) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len().min(4096));
    let mut last: Option<(i32, i32)> = None;
    for (k, p) in points.iter().enumerate() {
        let q = to_px(p);
        let far = last.is_none_or(|l| (q.0 - l.0).abs() >= min_px || (q.1 - l.1).abs() >= min_px);
        if far || k + 1 == points.len() {
            out.push(*p);
            last = Some(q);
        }
    }
    out
}

/// Draws the figure; returns the pixel ranges of the contour plotting areas actually used
/// (device pixels relative to `root`), which a test compares with [`layout`].
pub fn draw_optimizers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    theme: &Theme,
) -> Result<Vec<[i32; 4]>, ChartError> {
    root.fill(&WHITE)?;
    let panels = layout(data.paths.len(), data.multiples, data.x_range, data.y_range);
    let mut rects = Vec::new();
    let base = root.get_base_pixel();
    for (k, panel) in panels.iter().enumerate() {
        let area = sub_area(root, panel.frac);
        let shown: Vec<usize> = if data.multiples && data.paths.len() > 1 {
            vec![k]
        } else {
            (0..data.paths.len()).collect()
        };
        let r = contour::draw_contour_panel(&area, data, panel, &shown, theme)?;
        rects.push([r[0] - base.0, r[1] - base.1, r[2] - base.0, r[3] - base.1]);
    }
    let right = sub_area(root, [CONTOUR_WIDTH, 0.0, 1.0, 0.6]);
    panels::draw_loss(&right, data, theme)?;
    let below = sub_area(root, [CONTOUR_WIDTH, 0.6, 1.0, 1.0]);
    panels::draw_schedule(&below, data.schedule, &data.words, theme)?;
    Ok(rects)
}
