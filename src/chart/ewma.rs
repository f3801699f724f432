//! The EWMA figure: a noisy daily series as dots, and one exponentially weighted average per beta
//! (bias-corrected solid and uncorrected dashed when correction is shown), each labelled at its
//! right end with beta and its window `1/(1-beta)`.
use super::legend::{draw_legend, LegendEntry, LegendMark};
use super::ticks::{linear_label, whole_label};
use super::{draw_end_labels, padded_range, series_color, ChartError, Theme, DATA_GREY, INK};
use crate::core::ewma::EwmaSeries;
use plotters::coord::Shift;
use plotters::prelude::*;

/// What the EWMA figure shows.
#[derive(Clone, Copy, Debug)]
pub struct EwmaChartData<'a> {
    /// The daily values, day 1 first.
    pub series: &'a [f64],
    /// One average per beta, over the same days.
    pub lines: &'a [EwmaSeries],
    /// Draw the corrected curve solid and the uncorrected one dashed (otherwise only uncorrected).
    pub show_corrected: bool,
    /// The label at the right end of each line (beta and its window), in `lines` order.
    pub line_labels: &'a [String],
    /// The words of the figure.
    pub words: EwmaChartWords<'a>,
}

/// The words of the EWMA figure, in the page's language.
#[derive(Clone, Copy, Debug)]
pub struct EwmaChartWords<'a> {
    /// y-axis title, e.g. "temperature (°F)".
    pub y_desc: &'a str,
    /// x-axis title, e.g. "day".
    pub x_desc: &'a str,
    /// Legend entry of the dots.
    pub daily_value: &'a str,
    /// Legend entry of the solid corrected lines.
    pub corrected: &'a str,
    /// Legend entry of the dashed uncorrected lines.
    pub uncorrected: &'a str,
}

/// Draws the figure on `root`.
pub fn draw_ewma<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &EwmaChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let n = data.series.len();
    let drawn = data
        .series
        .iter()
        .chain(data.lines.iter().flat_map(|l| l.raw.iter()))
        .chain(
            data.lines
                .iter()
                .filter(|_| data.show_corrected)
                .flat_map(|l| l.corrected.iter()),
        );
    let (lo, hi) = padded_range(drawn, 0.04);
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(10.0))
        .margin_right(theme.px(118.0))
        .x_label_area_size(theme.px(40.0))
        .y_label_area_size(theme.px(52.0))
        .build_cartesian_2d(0.5f64..(n as f64 + 0.5), lo..hi)?;
    theme
        .mesh(&mut chart.configure_mesh(), 12.0)
        .x_desc(data.words.x_desc)
        .y_desc(data.words.y_desc)
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|x| whole_label(*x))
        .y_label_formatter(&|y| linear_label(*y, hi - lo))
        .draw()?;

    let dot = theme.px(1.8);
    chart.draw_series(
        data.series
            .iter()
            .enumerate()
            .map(|(i, &t)| Circle::new(((i + 1) as f64, t), dot, DATA_GREY.filled())),
    )?;

    let width = theme.px(2.0);
    let thin = theme.px(1.3);
    let points = |ys: &[f64]| -> Vec<(f64, f64)> {
        ys.iter()
            .enumerate()
            .filter(|(_, y)| y.is_finite())
            .map(|(i, &y)| ((i + 1) as f64, y))
            .collect()
    };
    let mut end_labels = Vec::new();
    for (i, line) in data.lines.iter().enumerate() {
        let color = series_color(i);
        if data.show_corrected {
            chart.draw_series(DashedLineSeries::new(
                points(&line.raw),
                theme.px(6.0),
                theme.px(4.0),
                color.stroke_width(thin),
            ))?;
            chart.draw_series(LineSeries::new(points(&line.corrected), color.stroke_width(width)))?;
        } else {
            chart.draw_series(LineSeries::new(points(&line.raw), color.stroke_width(width)))?;
        }
        let shown = if data.show_corrected {
            &line.corrected
        } else {
            &line.raw
        };
        if let Some(&last) = shown.last().filter(|v| v.is_finite()) {
            let (_, y) = chart.backend_coord(&(n as f64, last));
            let label = data.line_labels.get(i).cloned().unwrap_or_default();
            end_labels.push((y, label, color));
        }
    }

    let area = chart.plotting_area();
    let (x_px, _) = area.get_pixel_range();
    let (_, y_px) = area.get_pixel_range();
    let base = root.get_base_pixel();
    let x = x_px.end - base.0 + theme.px(6.0) as i32;
    let labels = end_labels.into_iter().map(|(y, t, c)| (y - base.1, t, c)).collect();
    draw_end_labels(root, x, (y_px.start - base.1, y_px.end - base.1), labels, theme)?;

    // Legend of the marks (each beta's colour is named by its end label).
    let mut legend = vec![LegendEntry {
        label: data.words.daily_value.to_string(),
        mark: LegendMark::Dot,
        color: DATA_GREY,
    }];
    if data.show_corrected && !data.lines.is_empty() {
        legend.push(LegendEntry {
            label: data.words.corrected.to_string(),
            mark: LegendMark::Line,
            color: INK,
        });
        legend.push(LegendEntry {
            label: data.words.uncorrected.to_string(),
            mark: LegendMark::Dashed,
            color: INK,
        });
    }
    let inset = theme.px(8.0) as i32;
    draw_legend(
        root,
        (x_px.start - base.0 + inset, y_px.start - base.1 + inset),
        &legend,
        theme,
    )?;
    Ok(())
}
