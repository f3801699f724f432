//! The two panels right of the contours: the loss against the step (on a log scale of
//! `f - f_min` when the surface has a minimum, linear otherwise) and the schedule `alpha/alpha0`
//! against the epoch (one step is one epoch here).
use super::{thin_px, OptimizersChartData, OptimizersChartWords};
use crate::chart::scale::log10_label;
use crate::chart::{padded_range, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The panel title, top left above the plotting area.
fn title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, theme: &Theme) -> Result<(), ChartError> {
    let style = theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(text, (theme.px(56.0) as i32, theme.px(11.0) as i32), style))?;
    Ok(())
}

/// The loss panel.
pub(super) fn draw_loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    // Log scale: plot log10(f - f_min) on a linear axis and label ticks as powers of ten; values
    // at (or below) the floor are left out rather than drawn at -infinity.
    let log = data.loss_floor.is_some();
    let floor = data.loss_floor.unwrap_or(0.0);
    let tf = |f: f64| -> Option<f64> {
        if log {
            let d = f - floor;
            (d > 0.0 && d.is_finite()).then(|| d.log10())
        } else {
            f.is_finite().then_some(f)
        }
    };
    let ys: Vec<f64> = data
        .paths
        .iter()
        .flat_map(|p| p.losses.iter().filter_map(|&f| tf(f)))
        .collect();
    let (mut lo, hi) = padded_range(&ys, 0.05);
    if log {
        // keep at most 16 decades so one path at 1e-300 does not flatten the rest
        lo = lo.max(hi - 16.0);
    }
    let steps = data.paths.iter().map(|p| p.points.len()).max().unwrap_or(1).max(2) - 1;
    let mut chart = ChartBuilder::on(area)
        .margin(theme.px(8.0))
        .margin_top(theme.px(22.0))
        .x_label_area_size(theme.px(38.0))
        .y_label_area_size(theme.px(48.0))
        .build_cartesian_2d(0f64..steps as f64, lo..hi)?;
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .x_desc(data.words.step)
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| if log { log10_label(*y) } else { format!("{y:.2}") })
        .draw()?;
    let width = theme.px(1.8);
    for p in &data.paths {
        let pts: Vec<(f64, f64)> = p
            .losses
            .iter()
            .enumerate()
            .filter_map(|(t, &f)| tf(f).filter(|v| *v >= lo).map(|v| (t as f64, v)))
            .collect();
        let pts = thin_px(&pts, |p| chart.backend_coord(p), theme.px(1.0) as i32);
        chart.draw_series(LineSeries::new(pts, p.color.stroke_width(width)))?;
    }
    let words = &data.words;
    title(area, if log { words.loss_log } else { words.loss_linear }, theme)
}

/// The schedule panel: `factors[e - 1]` is `alpha/alpha0` at epoch `e`.
pub(super) fn draw_schedule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    factors: &[f64],
    words: &OptimizersChartWords,
    theme: &Theme,
) -> Result<(), ChartError> {
    let n = factors.len().max(1);
    let hi = factors.iter().copied().filter(|v| v.is_finite()).fold(1.0f64, f64::max) * 1.05;
    let mut chart = ChartBuilder::on(area)
        .margin(theme.px(8.0))
        .margin_top(theme.px(22.0))
        .x_label_area_size(theme.px(38.0))
        .y_label_area_size(theme.px(48.0))
        .build_cartesian_2d(0.5f64..n as f64 + 0.5, 0f64..hi)?;
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .x_desc(words.epoch)
        .x_labels(5)
        .y_labels(4)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.2}"))
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
