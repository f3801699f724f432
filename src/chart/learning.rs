//! The learning-curve figure (DLFS chapter 6, figures 6-9 and 6-15): one panel per comparison,
//! side by side on a wide figure and stacked on a narrow one, both on the same loss axis so the
//! panels compare. Each run is a thin faint line (the loss of every mini-batch) under a thick
//! one (the smoothed loss), labelled at its right end; a dashed line marks a reference loss
//! (`ln 10`, what a network that guesses the ten classes uniformly scores).
//!
//! The loss axis is log10 by default (the runs end three decades apart on the digits), labelled
//! by decade ([`decade_label`]); or linear from 0, as DLFS draws it.
use super::legend::{draw_legend, LegendEntry, LegendMark};
use super::measure::text_size;
use super::ticks::{decade_label, linear_label, whole_label};
use super::{draw_end_labels, ChartError, Theme, DATA_GREY, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The narrowest figure (CSS pixels) that puts two panels side by side.
pub const SIDE_BY_SIDE: f64 = 640.0;
/// The lowest loss a log axis reaches down to.
const FLOOR: f64 = 1e-6;
/// The least height (CSS pixels) of a panel when the panels are stacked.
const MIN_STACKED_PANEL: f64 = 170.0;

/// The legend's mark of the thin lines (ink at the thin lines' opacity, on white).
const FAINT: RGBColor = RGBColor(189, 189, 189);

/// One run's curves.
#[derive(Clone, Debug)]
pub struct LossCurve<'a> {
    /// Its end label (name and last smoothed loss).
    pub label: String,
    /// Its colour.
    pub color: RGBColor,
    /// The loss of each iteration.
    pub raw: &'a [f64],
    /// The smoothed loss, as long as `raw`.
    pub smooth: &'a [f64],
}

/// One panel: a comparison.
#[derive(Clone, Debug)]
pub struct LossPanel<'a> {
    /// Its title.
    pub title: String,
    /// Its runs (those with no iteration yet are skipped).
    pub curves: Vec<LossCurve<'a>>,
}

/// The words of the figure.
#[derive(Clone, Copy, Debug)]
pub struct LearningWords<'a> {
    /// x-axis title.
    pub x_desc: &'a str,
    /// y-axis title.
    pub y_desc: &'a str,
    /// Legend: the thin line.
    pub raw: &'a str,
    /// Legend: the thick line.
    pub smoothed: &'a str,
    /// The reference line's label.
    pub reference: &'a str,
}

/// What the figure shows.
#[derive(Clone, Debug)]
pub struct LearningChart<'a> {
    /// The panels, left to right (top to bottom when stacked).
    pub panels: Vec<LossPanel<'a>>,
    /// Iterations of a whole run (the x axis).
    pub iterations: usize,
    /// A log10 loss axis (otherwise linear from 0).
    pub log_y: bool,
    /// The reference loss drawn dashed in every panel.
    pub reference: f64,
    /// The words.
    pub words: LearningWords<'a>,
}

/// Whether `panels` panels sit side by side at `width` CSS pixels.
pub fn side_by_side(width: f64, panels: usize) -> bool {
    panels > 1 && width >= SIDE_BY_SIDE
}

/// The figure's height for `panels` panels at `width` CSS pixels.
pub fn height_for(width: f64, panels: usize) -> f64 {
    if panels <= 1 {
        (width * 0.58).max(260.0)
    } else if side_by_side(width, panels) {
        (width * 0.5).clamp(300.0, 600.0)
    } else {
        panels as f64 * (width * 0.72).max(260.0)
    }
}

/// The loss axis `(low, high)`: in log10 units, whole decades around every value drawn (at
/// least two decades); linear, from 0 to a little above the largest smoothed loss and the
/// reference.
fn y_range(chart: &LearningChart) -> (f64, f64) {
    let smooth = chart
        .panels
        .iter()
        .flat_map(|p| p.curves.iter())
        .flat_map(|c| c.smooth.iter());
    let finite: Vec<f64> = smooth.copied().filter(|v| v.is_finite()).collect();
    if chart.log_y {
        let lo = finite
            .iter()
            .copied()
            .fold(chart.reference, f64::min)
            .max(FLOOR)
            .log10()
            .floor();
        let hi = finite
            .iter()
            .copied()
            .fold(chart.reference, f64::max)
            .max(FLOOR)
            .log10()
            .ceil();
        (lo.min(hi - 2.0), hi)
    } else {
        let hi = finite.iter().copied().fold(chart.reference, f64::max);
        (0.0, hi * 1.08)
    }
}

/// Draws the figure on `root`.
pub fn draw_learning<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LearningChart,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let n = chart.panels.len().max(1);
    let (w, h) = root.dim_in_pixel();
    let (width, height) = (w as f64 / theme.scale, h as f64 / theme.scale);
    // a narrow but short box (an embedded slide) puts the panels side by side rather than
    // stacking them a few pixels tall
    let squashed = n > 1 && height / (n as f64) < MIN_STACKED_PANEL;
    let areas = if side_by_side(width, n) || squashed {
        root.split_evenly((1, n))
    } else {
        root.split_evenly((n, 1))
    };
    let y = y_range(chart);
    for (k, (panel, area)) in chart.panels.iter().zip(&areas).enumerate() {
        draw_panel(area, chart, panel, y, k == 0, theme)?;
    }
    Ok(())
}

fn title_font(theme: &Theme, title: &str, width: u32) -> TextStyle<'static> {
    let room = width as f64 - 2.0 * theme.px(8.0) as f64;
    let size = [13.0, 12.0, 11.0]
        .into_iter()
        .find(|&s| text_size(title, s * theme.scale).0 as f64 <= room)
        .unwrap_or(11.0);
    theme.font(size)
}

/// Ticks to ask of plotters on a log10 axis from `lo` to `hi`: one per decade, at most seven
/// (plotters then steps by whole decades).
fn decade_ticks((lo, hi): (f64, f64)) -> usize {
    ((hi.floor() - lo.ceil()) as usize + 1).clamp(2, 7)
}

fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LearningChart,
    panel: &LossPanel,
    (y0, y1): (f64, f64),
    first: bool,
    theme: &Theme,
) -> Result<(), ChartError> {
    let w = area.dim_in_pixel().0;
    let n = chart.iterations.max(1) as f64;
    // room at the right for the widest end label (drawn at 12 px), at most 40% of the panel
    let widest = panel
        .curves
        .iter()
        .map(|c| text_size(&c.label, 12.0 * theme.scale).0)
        .max()
        .unwrap_or(0);
    let right = (widest + theme.px(14.0)).clamp(theme.px(24.0), w * 2 / 5);
    let mut c = ChartBuilder::on(area)
        .caption(&panel.title, title_font(theme, &panel.title, w))
        .margin(theme.px(8.0))
        .margin_right(right)
        .x_label_area_size(theme.px(36.0))
        .y_label_area_size(theme.px(50.0))
        .build_cartesian_2d(0f64..n, y0..y1)?;
    let log = chart.log_y;
    let y_label = |v: &f64| {
        if log {
            decade_label(10f64.powf(*v))
        } else {
            linear_label(*v, y1 - y0)
        }
    };
    theme
        .mesh(&mut c.configure_mesh(), 11.0)
        .x_desc(chart.words.x_desc)
        .y_desc(chart.words.y_desc)
        .x_labels(5)
        .y_labels(if log { decade_ticks((y0, y1)) } else { 6 })
        .x_label_formatter(&|x| whole_label(*x))
        .y_label_formatter(&y_label)
        .draw()?;
    let to_y = |v: f64| {
        let v = if log { v.max(FLOOR).log10() } else { v };
        v.clamp(y0, y1)
    };
    let points = |ys: &[f64]| -> Vec<(f64, f64)> {
        ys.iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(i, &v)| ((i + 1) as f64, to_y(v)))
            .collect()
    };
    // the reference loss, dashed, with its label above the line at the left
    let r = to_y(chart.reference);
    c.draw_series(DashedLineSeries::new(
        [(0.0, r), (n, r)],
        theme.px(5.0),
        theme.px(4.0),
        DATA_GREY.stroke_width(theme.px(1.0)),
    ))?;
    let (rx, ry) = c.backend_coord(&(0.0, r));
    let base = area.get_base_pixel();
    let style = theme.font(11.0).color(&DATA_GREY);
    let at = (rx - base.0 + theme.px(4.0) as i32, ry - base.1 - theme.px(14.0) as i32);
    area.draw(&Text::new(chart.words.reference.to_string(), at, style))?;

    let mut labels = Vec::new();
    for curve in panel.curves.iter().filter(|c| !c.raw.is_empty()) {
        c.draw_series(LineSeries::new(
            points(curve.raw),
            curve.color.mix(0.3).stroke_width(theme.px(1.0)),
        ))?;
        c.draw_series(LineSeries::new(
            points(curve.smooth),
            curve.color.stroke_width(theme.px(2.2)),
        ))?;
        if let Some(&last) = curve.smooth.last().filter(|v| v.is_finite()) {
            let (_, py) = c.backend_coord(&(n, to_y(last)));
            labels.push((py - base.1, curve.label.clone(), curve.color));
        }
    }
    let (xs, ys) = c.plotting_area().get_pixel_range();
    let x = xs.end - base.0 + theme.px(6.0) as i32;
    draw_end_labels(area, x, (ys.start - base.1, ys.end - base.1), labels, theme)?;
    if first {
        let legend = [
            LegendEntry {
                label: chart.words.smoothed.to_string(),
                mark: LegendMark::Line,
                color: INK,
            },
            LegendEntry {
                label: chart.words.raw.to_string(),
                mark: LegendMark::Line,
                color: FAINT,
            },
        ];
        let inset = theme.px(8.0) as i32;
        // bottom left when the loss falls from the top, out of the curves' way at the start
        let (_, lh) = super::legend::legend_size(&legend, theme);
        let at = (xs.start - base.0 + inset, ys.end - base.1 - inset - lh as i32);
        draw_legend(area, at, &legend, theme)?;
    }
    Ok(())
}
