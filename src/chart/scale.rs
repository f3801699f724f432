//! Histograms of sampled hyperparameter values, side by side, each on a linear or a log x axis
//! (the bins are equal-width on the axis shown, so the same samples look crowded or even), and
//! the tick labels of such axes ([`log10_label`]) that the search and race figures share. Numbers
//! are written by [`crate::core::math::format`].
use super::{series_color, ChartError, Theme};
use crate::core::math::format::{code, decade, short};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The label of tick `t` on an axis of `log10 x`: `10ᵏ` at whole exponents (`10⁻⁴`, `1`, `10`),
/// else the value itself in its short form.
pub fn log10_label(t: f64) -> String {
    if (t - t.round()).abs() < 1e-9 {
        decade(t.round() as i64)
    } else {
        short(10f64.powf(t))
    }
}

/// What the x axis of a histogram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisKind {
    /// The values themselves.
    Linear,
    /// `log10(x)`, labelled with `x`.
    Log10,
    /// `-log10(1 - x)`, labelled with `x` (0.9, 0.99, 0.999 evenly spaced).
    LogOneMinus,
}

impl AxisKind {
    /// The axis coordinate of value `x`.
    pub fn to_axis(self, x: f64) -> f64 {
        match self {
            AxisKind::Linear => x,
            AxisKind::Log10 => x.log10(),
            AxisKind::LogOneMinus => -(1.0 - x).log10(),
        }
    }

    /// The value at axis coordinate `t`.
    pub fn from_axis(self, t: f64) -> f64 {
        match self {
            AxisKind::Linear => t,
            AxisKind::Log10 => 10f64.powf(t),
            AxisKind::LogOneMinus => 1.0 - 10f64.powf(-t),
        }
    }

    /// The label of axis coordinate `t`: the value there.
    fn label(self, t: f64) -> String {
        match self {
            AxisKind::Linear => short(t),
            AxisKind::Log10 => log10_label(t),
            // whole exponents are the round values 0.9, 0.99, 0.999, 0.9999, written out in full
            // (three significant digits would round 0.9999 to 1); others in the short form
            AxisKind::LogOneMinus if (t - t.round()).abs() < 1e-9 => code(self.from_axis(t.round())),
            AxisKind::LogOneMinus => short(self.from_axis(t)),
        }
    }
}

/// One histogram.
#[derive(Clone, Debug)]
pub struct HistPanel {
    /// Title above it.
    pub title: String,
    /// x-axis description.
    pub x_desc: String,
    /// The axis.
    pub axis: AxisKind,
    /// Bin edges in axis coordinates, increasing.
    pub edges: Vec<f64>,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Colour index.
    pub color: usize,
    /// Names of the whole-number ticks 0, 1, 2, … (a choice's options); empty for numbers.
    pub tick_names: Vec<String>,
}

/// Draws the histograms side by side on `root`.
pub fn draw_histograms<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[HistPanel],
    y_desc: &str,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    // up to two side by side; more go on a 2-column grid (the designer's four rows)
    let n = panels.len().max(1);
    let layout = if n <= 2 { (1, n) } else { (n.div_ceil(2), 2) };
    let cells = root.split_evenly(layout);
    for (area, p) in cells.iter().zip(panels) {
        let (x0, x1) = (*p.edges.first().unwrap_or(&0.0), *p.edges.last().unwrap_or(&1.0));
        let (x0, x1) = if x1 > x0 { (x0, x1) } else { (x0 - 0.5, x0 + 0.5) };
        let top = p.counts.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.08;
        let mut chart = ChartBuilder::on(area)
            .margin(theme.px(8.0))
            .caption(&p.title, theme.font(13.0))
            .x_label_area_size(theme.px(38.0))
            .y_label_area_size(theme.px(50.0))
            .build_cartesian_2d(x0..x1, 0.0..top)?;
        let axis = p.axis;
        theme
            .mesh(&mut chart.configure_mesh(), 11.0)
            .x_desc(p.x_desc.as_str())
            .y_desc(y_desc)
            .x_labels(if p.tick_names.is_empty() {
                6
            } else {
                p.tick_names.len() + 1
            })
            .y_labels(if n > 2 { 3 } else { 5 })
            .x_label_formatter(&|t| {
                if p.tick_names.is_empty() {
                    axis.label(*t)
                } else if (t - t.round()).abs() < 1e-9 && *t >= 0.0 {
                    p.tick_names.get(t.round() as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .draw()?;
        let color = series_color(p.color);
        chart.draw_series(p.counts.iter().enumerate().map(|(i, &c)| {
            Rectangle::new(
                [(p.edges[i], 0.0), (p.edges[i + 1], c as f64)],
                color.mix(0.75).filled(),
            )
        }))?;
        chart.draw_series(p.counts.iter().enumerate().map(|(i, &c)| {
            Rectangle::new(
                [(p.edges[i], 0.0), (p.edges[i + 1], c as f64)],
                WHITE.stroke_width(theme.px(1.0)),
            )
        }))?;
    }
    Ok(())
}
