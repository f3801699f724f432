//! The two panels beside the contours: the loss against the step (on a log scale of
//! `f - f_min` when the surface has a minimum, linear otherwise) and the schedule `alpha/alpha0`
//! against the epoch (one step is one epoch here). Log ticks are whole decades (1-2-5 values
//! when the losses span less than two), linear ticks exact ([`crate::chart::ticks`]).
use super::{thin_px, OptimizersChartData, OptimizersChartWords, PanelGeometry, SIDE_INSET};
use crate::chart::scale::{fit, log10_label, log_ticks, nice_ticks, tick_count, Ticked};
use crate::chart::ticks::{linear_label, whole_label};
use crate::chart::{padded_range, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Label areas inside [`SIDE_INSET`]: y tick labels, x tick labels and title.
const SIDE_LABELS: (f64, f64) = (46.0, 36.0);

/// The loss panel's y axis: `log10(f - floor)` when `log`, else `f`, over `range`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LossAxis {
    /// A log scale of `f - floor`.
    pub log: bool,
    /// The surface's minimum (0 on a linear axis).
    pub floor: f64,
    /// The axis range (log10 units on a log axis).
    pub range: (f64, f64),
    /// The steps shown: `0..=steps`.
    pub steps: usize,
}

impl LossAxis {
    /// The axis coordinate of loss `f` (`None`: not drawn, at or below the floor or not finite).
    pub fn to_axis(&self, f: f64) -> Option<f64> {
        if self.log {
            let d = f - self.floor;
            (d > 0.0 && d.is_finite()).then(|| d.log10())
        } else {
            f.is_finite().then_some(f)
        }
    }
}

/// The loss panel's axis for `data`. Values at (or below) the floor are left out rather than
/// drawn at -infinity; at most 16 decades are shown so one path at 1e-300 does not flatten the rest.
pub fn loss_axis(data: &OptimizersChartData) -> LossAxis {
    let mut axis = LossAxis {
        log: data.loss_floor.is_some(),
        floor: data.loss_floor.unwrap_or(0.0),
        range: (0.0, 1.0),
        steps: data.paths.iter().map(|p| p.points.len()).max().unwrap_or(1).max(2) - 1,
    };
    let ys: Vec<f64> = data
        .paths
        .iter()
        .flat_map(|p| p.losses.iter().filter_map(|&f| axis.to_axis(f)))
        .collect();
    let (mut lo, hi) = padded_range(&ys, 0.05);
    if axis.log {
        lo = lo.max(hi - 16.0);
    }
    axis.range = (lo, hi);
    axis
}

/// The geometry of the loss panel `frac` of the figure (for the readout).
pub fn loss_geometry(data: &OptimizersChartData, frac: [f64; 4]) -> PanelGeometry {
    let axis = loss_axis(data);
    PanelGeometry {
        frac,
        inset: SIDE_INSET,
        x: (0.0, axis.steps as f64),
        y: axis.range,
    }
}

/// The panel title, top left, fitted to the panel.
fn title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, theme: &Theme) -> Result<(), ChartError> {
    let (w, _) = area.dim_in_pixel();
    let (text, size) = fit(text, w as f64 - theme.px(12.0) as f64, 12.0, theme);
    let style = theme.font(size).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(text, (theme.px(6.0) as i32, theme.px(12.0) as i32), style))?;
    Ok(())
}

/// A side panel's chart over `x` by `y` with ticks `xt`, `yt`.
fn side_chart<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x: Ticked,
    y: Ticked,
    theme: &Theme,
) -> Result<ChartContext<'a, DB, Cartesian2d<Ticked, Ticked>>, ChartError> {
    Ok(ChartBuilder::on(area)
        .margin_left(theme.px(SIDE_INSET[0] - SIDE_LABELS.0))
        .margin_top(theme.px(SIDE_INSET[1]))
        .margin_right(theme.px(SIDE_INSET[2]))
        .margin_bottom(theme.px(SIDE_INSET[3] - SIDE_LABELS.1))
        .x_label_area_size(theme.px(SIDE_LABELS.1))
        .y_label_area_size(theme.px(SIDE_LABELS.0))
        .build_cartesian_2d(x, y)?)
}

/// Plotting-area size in CSS pixels of a side panel `area`.
fn plot_size<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, theme: &Theme) -> (f64, f64) {
    let (w, h) = area.dim_in_pixel();
    let i = SIDE_INSET;
    (
        w as f64 / theme.scale - i[0] - i[2],
        h as f64 / theme.scale - i[1] - i[3],
    )
}

/// Whole-number ticks over `0..=n`.
fn step_ticks(n: f64, px: f64) -> Vec<f64> {
    nice_ticks(0.0, n, tick_count(px, 44.0))
        .into_iter()
        .filter(|v| (v - v.round()).abs() < 1e-9)
        .collect()
}

/// The loss panel.
pub(super) fn draw_loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    let axis = loss_axis(data);
    let (lo, hi) = axis.range;
    let (pw, ph) = plot_size(area, theme);
    let yt = if axis.log {
        log_ticks(lo, hi, tick_count(ph, 26.0))
    } else {
        nice_ticks(lo, hi, tick_count(ph, 26.0))
    };
    let steps = axis.steps as f64;
    let mut chart = side_chart(
        area,
        Ticked::new(0.0, steps, step_ticks(steps, pw)),
        Ticked::new(lo, hi, yt),
        theme,
    )?;
    let x_label = |x: &f64| whole_label(*x);
    let y_label = |y: &f64| {
        if axis.log {
            log10_label(*y)
        } else {
            linear_label(*y, hi - lo)
        }
    };
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .x_desc(data.words.step)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    let width = theme.px(1.8);
    for p in &data.paths {
        let pts: Vec<(f64, f64)> = p
            .losses
            .iter()
            .enumerate()
            .filter_map(|(t, &f)| axis.to_axis(f).filter(|v| *v >= lo).map(|v| (t as f64, v)))
            .collect();
        let pts = thin_px(&pts, |p| chart.backend_coord(p), theme.px(1.0) as i32);
        chart.draw_series(LineSeries::new(pts, p.color.stroke_width(width)))?;
    }
    let words = &data.words;
    title(area, if axis.log { words.loss_log } else { words.loss_linear }, theme)
}

/// The schedule panel: `factors[e - 1]` is `alpha/alpha0` at epoch `e`.
pub(super) fn draw_schedule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    factors: &[f64],
    words: &OptimizersChartWords,
    theme: &Theme,
) -> Result<(), ChartError> {
    let n = factors.len().max(1) as f64;
    let hi = factors.iter().copied().filter(|v| v.is_finite()).fold(1.0f64, f64::max) * 1.05;
    let (pw, ph) = plot_size(area, theme);
    let xt: Vec<f64> = step_ticks(n, pw).into_iter().filter(|v| *v >= 1.0 || n < 2.0).collect();
    let mut chart = side_chart(
        area,
        Ticked::new(0.5, n + 0.5, xt),
        Ticked::new(0.0, hi, nice_ticks(0.0, hi, tick_count(ph, 26.0).min(4))),
        theme,
    )?;
    let x_label = |x: &f64| whole_label(*x);
    let y_label = |y: &f64| linear_label(*y, hi);
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .x_desc(words.epoch)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    let pts: Vec<(f64, f64)> = factors
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_finite())
        .map(|(i, &v)| ((i + 1) as f64, v))
        .collect();
    chart.draw_series(LineSeries::new(pts, INK.stroke_width(theme.px(1.8))))?;
    title(area, words.schedule, theme)
}
