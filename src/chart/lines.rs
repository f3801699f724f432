//! The line panel shared by the figures of `normalise`, `minibatch` and `optima`: curves or points
//! on a linear, whole-number or decade axis, with error bars and a legend, drawn into a [`Rect`]
//! of the figure beside the contour panels of [`super::plane`]. Every word comes in as data.
use super::legend::{draw_legend, legend_size, LegendEntry};
use super::optimizers::clip_polyline;
use super::plane::{area_for, draw_title, plot_rect, thin_points, tick_count, Heading, Rect, Room, TICK_PX};
use super::ticks::{decade_label, linear_label, whole_label};
use super::{ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;

/// How a series of a line panel is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mark {
    /// A solid line.
    Line,
    /// A thin, faint line (noisy per-iteration values).
    Faint,
    /// A dashed line.
    Dashed,
    /// A filled dot per point.
    Dots,
    /// An open ring per point.
    Rings,
    /// A downward triangle per point (an upper bound).
    Below,
}

/// One series of a line panel.
#[derive(Clone, Debug)]
pub struct Series {
    /// Its points `(x, y)` (y already on the axis' scale: log10 on a decade axis).
    pub points: Vec<(f64, f64)>,
    /// Colour.
    pub color: RGBColor,
    /// How it is drawn.
    pub mark: Mark,
    /// Error bars `(x, low, high)`, on the axis' scale.
    pub bars: Vec<(f64, f64, f64)>,
}

/// How an axis is labelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Linear, exact labels.
    Linear,
    /// Whole numbers only (counts).
    Whole,
    /// The values are log10, labelled by decade.
    Decades,
}

/// A panel of curves or points.
#[derive(Clone, Debug)]
pub struct LinePanel<'a> {
    /// The heading above the plot.
    pub heading: Heading<'a>,
    /// x-axis title.
    pub x_desc: &'a str,
    /// y-axis title (may be empty).
    pub y_desc: &'a str,
    /// x range.
    pub x: (f64, f64),
    /// y range (log10 values on a decade axis).
    pub y: (f64, f64),
    /// x labels.
    pub x_axis: Axis,
    /// y labels.
    pub y_axis: Axis,
    /// The series, drawn in order.
    pub series: Vec<Series>,
    /// A legend in the top-right corner of the plot.
    pub legend: Vec<LegendEntry>,
    /// The room around the plot.
    pub room: Room,
}

/// How many ticks to ask for on a decade axis from `lo` to `hi`: one per whole decade, at most
/// six, so plotters steps by whole decades and every tick gets a label.
fn decade_ticks(lo: f64, hi: f64) -> usize {
    ((hi.floor() - lo.ceil()) as usize + 1).clamp(2, 6)
}

/// The log10 range holding `lo..hi` padded by `pad` decades, widened to hold two whole decades.
pub fn decade_range(lo: f64, hi: f64, pad: f64) -> (f64, f64) {
    let (mut a, mut b) = (lo - pad, hi + pad);
    if b.floor() - a.ceil() < 1.0 {
        a = a.min(lo.floor());
        b = b.max(a.ceil() + 1.0).max(hi.ceil());
    }
    (a, b)
}

/// Draws a line panel in `cell` (its plot fills the cell less the label room); returns the plot.
pub fn draw_line_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: Rect,
    panel: &LinePanel,
    theme: &Theme,
) -> Result<Rect, ChartError> {
    let plot = plot_rect(cell, None, panel.room, theme);
    let (left, bottom) = ((plot.x - cell.x).max(1.0) as u32, theme.px(panel.room.bottom));
    let area = area_for(root, plot, left, bottom);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(bottom)
        .y_label_area_size(left)
        .build_cartesian_2d(panel.x.0..panel.x.1, panel.y.0..panel.y.1)?;
    let label = |axis: Axis, span: f64| {
        move |v: &f64| match axis {
            Axis::Linear => linear_label(*v, span),
            Axis::Whole => whole_label(*v),
            Axis::Decades => decade_label(10f64.powf(*v)),
        }
    };
    let labelled = panel.room.x_labels();
    let x_label = label(panel.x_axis, panel.x.1 - panel.x.0);
    let xl = |v: &f64| if labelled { x_label(v) } else { String::new() };
    let yl = label(panel.y_axis, panel.y.1 - panel.y.0);
    let count = |axis: Axis, r: (f64, f64), len: f64| match axis {
        Axis::Decades => decade_ticks(r.0, r.1),
        _ => tick_count(len, theme),
    };
    theme
        .mesh(&mut chart.configure_mesh(), TICK_PX)
        .axis_desc_style(theme.font(11.0))
        .x_labels(count(panel.x_axis, panel.x, plot.w))
        .y_labels(count(panel.y_axis, panel.y, plot.h))
        .x_label_formatter(&xl)
        .y_label_formatter(&yl)
        .x_desc(if labelled { panel.x_desc } else { "" })
        .y_desc(panel.y_desc)
        .draw()?;
    let inside = |p: &(f64, f64)| p.0 >= panel.x.0 && p.0 <= panel.x.1 && p.1 >= panel.y.0 && p.1 <= panel.y.1;
    for s in &panel.series {
        let pts: Vec<[f64; 2]> = s.points.iter().map(|p| [p.0, p.1]).collect();
        let thinned = thin_points(&pts, |p| chart.backend_coord(p), theme.px(1.0) as i32);
        let r = theme.px(3.0);
        match s.mark {
            Mark::Line | Mark::Faint => {
                let (width, color) = if s.mark == Mark::Line {
                    (theme.px(2.0), s.color.to_rgba())
                } else {
                    (theme.px(1.0), s.color.mix(0.55))
                };
                for piece in clip_polyline(&thinned, panel.x, panel.y) {
                    chart.draw_series(std::iter::once(PathElement::new(piece, color.stroke_width(width))))?;
                }
            }
            Mark::Dashed => {
                for piece in clip_polyline(&thinned, panel.x, panel.y) {
                    chart.draw_series(DashedLineSeries::new(
                        piece,
                        theme.px(6.0),
                        theme.px(4.0),
                        s.color.stroke_width(theme.px(1.5)),
                    ))?;
                }
            }
            Mark::Dots => {
                chart.draw_series(
                    thinned
                        .iter()
                        .filter(|p| inside(p))
                        .map(|&p| Circle::new(p, r, s.color.filled())),
                )?;
            }
            Mark::Rings => {
                chart.draw_series(
                    thinned
                        .iter()
                        .filter(|p| inside(p))
                        .map(|&p| Circle::new(p, r + 1, s.color.stroke_width(theme.px(1.5)))),
                )?;
            }
            Mark::Below => {
                let k = r as i32 + 1;
                chart.draw_series(thinned.iter().filter(|p| inside(p)).map(|&p| {
                    EmptyElement::at(p) + Polygon::new(vec![(-k, -k), (k, -k), (0, k)], s.color.mix(0.85).filled())
                }))?;
            }
        }
        let stroke = s.color.stroke_width(theme.px(1.2));
        for &(x, lo, hi) in &s.bars {
            let (lo, hi) = (lo.max(panel.y.0), hi.min(panel.y.1));
            if x >= panel.x.0 && x <= panel.x.1 && lo < hi {
                chart.draw_series(std::iter::once(PathElement::new(vec![(x, lo), (x, hi)], stroke)))?;
            }
        }
    }
    draw_title(root, cell, plot, &panel.heading, panel.room.top, theme)?;
    if !panel.legend.is_empty() {
        let (w, _) = legend_size(&panel.legend, theme);
        let inset = theme.px(6.0) as f64;
        draw_legend(
            root,
            ((plot.x + plot.w - inset - w as f64) as i32, (plot.y + inset) as i32),
            &panel.legend,
            theme,
        )?;
    }
    Ok(plot)
}

/// A horizontal reference line across the panel at `y`.
pub fn hline(x: (f64, f64), y: f64, color: RGBColor) -> Series {
    Series {
        points: vec![(x.0, y), (x.1, y)],
        color,
        mark: Mark::Dashed,
        bars: Vec::new(),
    }
}
