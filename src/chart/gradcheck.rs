//! The gradient-check figure: one horizontal bar per parameter tensor (and one for all of them)
//! at its relative difference `||d_approx - d|| / (||d_approx|| + ||d||)` on a log axis, over
//! three bands: fine (<= 1e-7), look closer (up to 1e-3, the notes' 1e-5 dashed), bug (>= 1e-3).
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

/// Draws the figure on `root`.
pub fn draw_gradcheck<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &GradCheckChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let n = data.bars.len().max(1);
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(10.0))
        .margin_top(theme.px(28.0))
        .x_label_area_size(theme.px(40.0))
        .y_label_area_size(theme.px(64.0))
        .build_cartesian_2d(LOG_MIN..LOG_MAX, 0.0..n as f64)?;
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
        .x_labels(8)
        .y_labels(n * 2 + 1)
        .y_max_light_lines(0)
        .x_label_formatter(&|x| format!("1e{:.0}", x))
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
    // Band names along the top.
    let style = theme.font(12.0).color(&INK);
    for (x, name) in [(-10.5, data.bands[0]), (-5.0, data.bands[1]), (-1.5, data.bands[2])] {
        let (px, _) = chart.backend_coord(&(x, n as f64));
        let w = crate::chart::measure::text_size(name, 12.0 * theme.scale).0 as i32;
        root.draw_text(name, &style, (px - w / 2, theme.px(8.0) as i32))?;
    }
    Ok(())
}
