//! The gradient-check figure: one horizontal bar per parameter tensor (and one for all of them)
//! at its relative difference `||d_approx - d|| / (||d_approx|| + ||d||)` on a log axis, over
//! three bands: fine (<= 1e-7), look closer (up to 1e-3, the notes' 1e-5 dashed), bug (>= 1e-3).
//! The axis is labelled by decade ([`super::ticks::decade_label`]); the drawing returns each bar's
//! row ([`BarBox`]) for the page's readouts.
use super::measure::text_size;
use super::ticks::decade_label;
use super::{ChartError, Theme, INK, PALETTE};
use crate::core::nn::gradcheck::{BUG, FINE};
use crate::core::nn::Verdict;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Left end of the axis, as log10 (differences below 1e-14 are drawn at 1e-14).
pub const LOG_MIN: f64 = -14.0;
/// Right end of the axis, as log10.
pub const LOG_MAX: f64 = 0.0;

/// One bar.
#[derive(Clone, Debug)]
pub struct GradBar {
    /// Its label (`W1`, `b1`, ..., `all`).
    pub label: String,
    /// The relative difference (any value; non-finite is drawn at the right end).
    pub rel_diff: f64,
}

/// What the figure shows.
#[derive(Clone, Debug)]
pub struct GradCheckChartData<'a> {
    /// Bars, top to bottom.
    pub bars: &'a [GradBar],
    /// x-axis description.
    pub x_desc: &'a str,
    /// Names of the three bands: fine, look closer, bug.
    pub bands: [&'a str; 3],
}

/// log10 of `d`, clamped to the axis.
pub fn log_position(d: f64) -> f64 {
    if !d.is_finite() {
        return LOG_MAX;
    }
    if d <= 0.0 {
        return LOG_MIN;
    }
    d.log10().clamp(LOG_MIN, LOG_MAX)
}

/// Band colour of a verdict: bluish green (fine), orange (look closer), vermillion (bug).
pub fn verdict_color(v: Verdict) -> RGBColor {
    match v {
        Verdict::Fine => PALETTE[2],
        Verdict::LookCloser => PALETTE[4],
        Verdict::Bug => PALETTE[1],
    }
}

/// Band colour of a value (its [`Verdict`]'s colour).
pub fn band_color(d: f64) -> RGBColor {
    verdict_color(Verdict::of(d))
}

/// Where bar `i`'s row went (its whole slot across the plot), in the output's pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BarBox {
    /// Left edge of the plot.
    pub x0: i32,
    /// Top of the row.
    pub y0: i32,
    /// Right edge of the plot.
    pub x1: i32,
    /// Bottom of the row.
    pub y1: i32,
}

/// The figure's height for `bars` bars at `width` CSS px: about 44 px a bar on a laptop, 34 on
/// a phone, plus the band names and the axis.
pub fn height_for(width: f64, bars: usize) -> f64 {
    let per_bar = if width < 560.0 { 34.0 } else { 44.0 };
    (28.0 + 58.0 + per_bar * bars.max(1) as f64).max(width * 0.4)
}

/// Draws the figure on `root`; returns each bar's row.
pub fn draw_gradcheck<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &GradCheckChartData,
    theme: &Theme,
) -> Result<Vec<BarBox>, ChartError> {
    root.fill(&WHITE)?;
    let n = data.bars.len().max(1);
    let label_w = data.bars.iter().map(|b| text_size(&b.label, 12.0).0).max().unwrap_or(0) as f64 + 14.0;
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(10.0))
        .margin_top(theme.px(28.0))
        .x_label_area_size(theme.px(44.0))
        .y_label_area_size(theme.px(label_w.max(30.0)))
        .build_cartesian_2d(LOG_MIN..LOG_MAX, 0.0..n as f64)?;
    let (px, _) = chart.plotting_area().get_pixel_range();
    // a decade label about every 60 CSS px (plotters steps by 1, 2 or 5 decades)
    let plot_w = (px.end - px.start) as f64 / theme.scale;
    let x_count = ((plot_w / 60.0) as usize).clamp(3, 8);
    // The bands behind everything.
    let (fine, bug) = (FINE.log10(), BUG.log10());
    for (lo, hi, v) in [
        (LOG_MIN, fine, Verdict::Fine),
        (fine, bug, Verdict::LookCloser),
        (bug, LOG_MAX, Verdict::Bug),
    ] {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(lo, 0.0), (hi, n as f64)],
            verdict_color(v).mix(0.12).filled(),
        )))?;
    }
    let labels: Vec<String> = data.bars.iter().map(|b| b.label.clone()).collect();
    theme
        .mesh(&mut chart.configure_mesh(), 12.0)
        .x_desc(data.x_desc)
        .disable_y_mesh()
        .x_labels(x_count)
        .y_labels(n * 2 + 1)
        .y_max_light_lines(0)
        .x_label_formatter(&|x| decade_label(10f64.powf(*x)))
        .y_label_formatter(&|y| {
            // label the middle of each bar's slot; bars run top to bottom
            let slot = y.floor();
            if (y - slot - 0.5).abs() > 1e-9 || slot < 0.0 {
                return String::new();
            }
            let i = n as f64 - 1.0 - slot;
            labels.get(i as usize).cloned().unwrap_or_default()
        })
        .draw()?;
    for x in [fine, bug] {
        chart.draw_series(LineSeries::new(
            [(x, 0.0), (x, n as f64)],
            INK.stroke_width(theme.px(1.0)),
        ))?;
    }
    chart.draw_series(DashedLineSeries::new(
        [(-5.0, 0.0), (-5.0, n as f64)],
        theme.px(5.0),
        theme.px(4.0),
        INK.stroke_width(theme.px(1.0)),
    ))?;
    for (i, bar) in data.bars.iter().enumerate() {
        let top = (n - i) as f64 - 0.2;
        let x = log_position(bar.rel_diff);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(LOG_MIN, top - 0.6), (x, top)],
            band_color(bar.rel_diff).filled(),
        )))?;
    }
    // Band names along the top, centred in their bands.
    let style = theme.font(12.0).color(&INK);
    for (x, name) in [
        ((LOG_MIN + fine) / 2.0, data.bands[0]),
        (-5.0, data.bands[1]),
        ((bug + LOG_MAX) / 2.0, data.bands[2]),
    ] {
        let (px, _) = chart.backend_coord(&(x, n as f64));
        let w = text_size(name, 12.0 * theme.scale).0 as i32;
        root.draw_text(name, &style, (px - w / 2, theme.px(8.0) as i32))?;
    }
    let (px, _) = chart.plotting_area().get_pixel_range();
    Ok((0..data.bars.len())
        .map(|i| {
            let top = (n - i) as f64;
            let (_, y0) = chart.backend_coord(&(LOG_MIN, top));
            let (_, y1) = chart.backend_coord(&(LOG_MIN, top - 1.0));
            BarBox {
                x0: px.start,
                y0,
                x1: px.end,
                y1,
            }
        })
        .collect())
}
