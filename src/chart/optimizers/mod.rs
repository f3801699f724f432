//! The optimizer race figure: iso-lines of a 2-D loss surface with each optimizer's path (one
//! panel for all, or small multiples like DLFS figure 6-8; [`contour`]), the loss against the
//! step on a log scale and the learning-rate schedule ([`panels`]).
//!
//! The layout is a pure function of the figure size ([`layout`], [`side_panels`],
//! [`figure_height`]): panels are fractions of the figure, and each plotting area is its panel
//! inset by fixed CSS-pixel margins, so the page (or the view's `readout` query) maps a pointer to
//! data coordinates from [`PanelGeometry`] without asking the chart. A narrow figure (a phone)
//! puts the contours above the loss | schedule row and the small multiples in one column. Every word
//! drawn comes in as data ([`OptimizersChartWords`], [`PathSeries::diverged`]).
use super::scale::sub_area;
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

mod contour;
mod panels;

pub use contour::clip_polyline;
pub use panels::{loss_axis, loss_geometry, LossAxis};

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

pub use crate::chart::scale::PanelGeometry;

const OVERLAY_INSET: [f64; 4] = [44.0, 8.0, 8.0, 32.0];
const MULTIPLE_INSET: [f64; 4] = [34.0, 20.0, 6.0, 24.0];
/// A small multiple above another in one column: no x tick labels (the lowest one has them).
const STACKED_INSET: [f64; 4] = [34.0, 20.0, 6.0, 6.0];
/// Insets of the loss and schedule panels: tick labels and the axis title left and below, the
/// panel title above.
pub(crate) const SIDE_INSET: [f64; 4] = [54.0, 24.0, 8.0, 44.0];

/// Figures narrower than this many CSS pixels put the contours above the loss and schedule
/// panels, and the small multiples in one column.
pub const NARROW_BELOW: f64 = 480.0;

/// Height of the single contour panel on a narrow figure, per CSS pixel of width (the window is
/// twice as wide as it is high).
const NARROW_CONTOUR: f64 = 0.56;
/// Height of one small multiple on a narrow figure, per CSS pixel of width.
const NARROW_MULTIPLE: f64 = 0.5;
/// Height of the loss | schedule row on a narrow figure, per CSS pixel of width.
const NARROW_SIDE: f64 = 0.5;

/// How the contour panels go: `(panels, columns, narrow)`.
fn grid(n: usize, multiples: bool, width: f64) -> (usize, usize, bool) {
    let narrow = width < NARROW_BELOW;
    if !multiples || n <= 1 {
        (1, 1, narrow)
    } else if narrow {
        (n, 1, true)
    } else {
        (n, if n <= 2 { 1 } else { 2 }, false)
    }
}

/// The contours' height on a narrow figure, per CSS pixel of width.
fn narrow_contours(panels: usize) -> f64 {
    if panels > 1 {
        NARROW_MULTIPLE * panels as f64
    } else {
        NARROW_CONTOUR
    }
}

/// The figure's height for `n` paths at `width` CSS pixels: 0.58 of the width on a wide figure;
/// on a narrow one the contours (one per path in small multiples) above the loss | schedule row.
pub fn figure_height(n: usize, multiples: bool, width: f64) -> f64 {
    let (panels, _, narrow) = grid(n, multiples, width);
    if narrow {
        width * (narrow_contours(panels) + NARROW_SIDE)
    } else {
        width * 0.58
    }
}

/// The least height (CSS pixels) the loss | schedule row keeps on a narrow figure that the page
/// gives less height than [`figure_height`] asks for (a phone keeps half its screen for controls).
const MIN_SIDE: f64 = 150.0;

/// The share of a narrow figure `size` (CSS pixels) taken by the contours: what they ask for, or,
/// on a figure lower than that, all but the loss | schedule row's least height.
fn contour_share(panels: usize, (w, h): (f64, f64)) -> f64 {
    let (contours, side) = (w * narrow_contours(panels), w * NARROW_SIDE);
    if !(h.is_finite() && h > 0.0) || h >= contours + side - 0.5 {
        return contours / (contours + side);
    }
    let side = side.min(MIN_SIDE.max(h * 0.36));
    ((h - side) / h).clamp(0.3, 0.9)
}

/// The contour panels for `n` paths on a figure of `size` CSS pixels: one panel, or small
/// multiples (1 column for up to 2 paths, else 2 columns; one column on a narrow figure, where
/// they share the lowest panel's x axis).
pub fn layout(n: usize, multiples: bool, x: (f64, f64), y: (f64, f64), size: (f64, f64)) -> Vec<PanelGeometry> {
    let (panels, cols, narrow) = grid(n, multiples, size.0);
    let (right, bottom) = if narrow {
        (1.0, contour_share(panels, size))
    } else {
        (CONTOUR_WIDTH, 1.0)
    };
    let rows = panels.div_ceil(cols);
    let inset = |k: usize| match (multiples, narrow && panels > 1 && k + 1 < panels) {
        (false, _) => OVERLAY_INSET,
        (true, true) => STACKED_INSET,
        (true, false) => MULTIPLE_INSET,
    };
    // one column: the panels' plotting areas equally high (the lowest panel is taller by its
    // tick labels); a grid: equal cells
    let stacked = narrow && panels > 1 && size.1.is_finite() && size.1 > 0.0;
    let insets: f64 = (0..panels).map(|k| inset(k)[1] + inset(k)[3]).sum();
    let plot = ((bottom * size.1 - insets) / panels as f64).max(1.0);
    let mut top = 0.0;
    (0..panels)
        .map(|k| {
            let (c, r) = ((k % cols) as f64, (k / cols) as f64);
            let (w, h) = (right / cols as f64, bottom / rows as f64);
            let frac = if stacked {
                let h = (plot + inset(k)[1] + inset(k)[3]) / size.1;
                top += h;
                [0.0, top - h, 1.0, top]
            } else {
                [c * w, r * h, (c + 1.0) * w, (r + 1.0) * h]
            };
            PanelGeometry {
                frac,
                inset: inset(k),
                x,
                y,
            }
        })
        .collect()
}

/// The loss and schedule panels as fractions of a figure of `size` CSS pixels: right of the
/// contours, or side by side under them on a narrow figure.
pub fn side_panels(n: usize, multiples: bool, size: (f64, f64)) -> ([f64; 4], [f64; 4]) {
    let (panels, _, narrow) = grid(n, multiples, size.0);
    if narrow {
        let top = contour_share(panels, size);
        ([0.0, top, 0.5, 1.0], [0.5, top, 1.0, 1.0])
    } else {
        ([CONTOUR_WIDTH, 0.0, 1.0, 0.6], [CONTOUR_WIDTH, 0.6, 1.0, 1.0])
    }
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
    let (w, h) = root.dim_in_pixel();
    let size = (w as f64 / theme.scale, h as f64 / theme.scale);
    let n = data.paths.len();
    let panels = layout(n, data.multiples, data.x_range, data.y_range, size);
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
    let (loss, schedule) = side_panels(n, data.multiples, size);
    panels::draw_loss(&sub_area(root, loss), data, theme)?;
    panels::draw_schedule(&sub_area(root, schedule), data.schedule, &data.words, theme)?;
    Ok(rects)
}
