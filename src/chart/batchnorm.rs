//! Figures of `view=batchnorm`: small line panels (percentiles over steps, accuracy curves, the
//! 4 x 4 grid of DLFS's `batch_norm_test`, test accuracy per batch size) and a ridge of histograms
//! over training steps (internal covariate shift). Tick labels come from [`super::ticks`]; each
//! drawing returns where its plotting area went ([`PlotBox`]), so the view can name what a
//! pointer is over.
use super::measure::text_size;
use super::ticks::linear_label;
use super::{series_color, ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One line of a panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// (x, y) points.
    pub points: Vec<(f64, f64)>,
    /// Palette index.
    pub color: usize,
    /// Drawn thin and faint (secondary series such as the 15th/85th percentiles).
    pub thin: bool,
    /// Label written at the line's end (empty: none).
    pub label: String,
}

/// A small chart of lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Title above the plot (drawn inside a compact panel's top left corner).
    pub title: String,
    /// x range.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
    /// The lines.
    pub lines: Vec<Line>,
    /// Axis label under the x axis (empty: none).
    pub x_label: String,
    /// Number of x tick labels (0: as many as fit, one per 70 CSS px, 2 to 6).
    pub x_ticks: usize,
}

/// How much of its frame a panel draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// A cell of a grid of many panels: small type, no end labels, thin margins.
    pub small: bool,
    /// Its x tick labels (false: the tick marks only, as in a grid's upper rows).
    pub x_labels: bool,
    /// Its y tick labels (false: as in a grid's inner columns).
    pub y_labels: bool,
}

impl Frame {
    /// A panel on its own: every label.
    pub const FULL: Frame = Frame {
        small: false,
        x_labels: true,
        y_labels: true,
    };
}

/// Where a plotting area went, in the output's pixels, and the data ranges it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlotBox {
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub y0: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub y1: i32,
    /// The x range shown.
    pub x: (f64, f64),
    /// The y range shown.
    pub y: (f64, f64),
}

impl PlotBox {
    /// The pixel x of data value `x`.
    pub fn px_x(&self, x: f64) -> f64 {
        let (a, b) = self.x;
        self.x0 as f64 + (x - a) / (b - a) * (self.x1 - self.x0) as f64
    }

    /// The pixel y of data value `y`.
    pub fn px_y(&self, y: f64) -> f64 {
        let (a, b) = self.y;
        self.y1 as f64 - (y - a) / (b - a) * (self.y1 - self.y0) as f64
    }
}

/// A range that is not empty.
fn span((a, b): (f64, f64)) -> (f64, f64) {
    if b > a {
        (a, b)
    } else {
        (a - 0.5, a + 0.5)
    }
}

/// Draws `panel` into `area`; `x_format(v, span)` writes an x tick. Returns its plotting area.
pub fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
    x_format: &dyn Fn(f64, f64) -> String,
    frame: Frame,
    theme: &Theme,
) -> Result<PlotBox, ChartError> {
    let ((x0, x1), (y0, y1)) = (span(panel.x), span(panel.y));
    let s = theme.scale;
    let small = frame.small;
    let label_px = if small { 10.0 } else { 11.0 };
    // the end labels' column: as wide as the longest label
    let end_w = if small {
        4.0
    } else {
        let widest = panel
            .lines
            .iter()
            .map(|l| text_size(&l.label, 12.0).0)
            .max()
            .unwrap_or(0);
        if widest == 0 {
            6.0
        } else {
            widest as f64 + 12.0
        }
    };
    let y_area = match (frame.y_labels, small) {
        (false, _) => 4.0,
        (true, true) => 22.0,
        (true, false) => 36.0,
    };
    let x_area = match (frame.x_labels, small, panel.x_label.is_empty()) {
        (false, _, _) => 4.0,
        (true, true, _) => 14.0,
        (true, false, true) => 18.0,
        (true, false, false) => 32.0,
    };
    // a small panel writes its title in a 13 px row over its plot, a full one as a caption
    let mut builder = ChartBuilder::on(area);
    if !panel.title.is_empty() && !small {
        builder.caption(panel.title.clone(), theme.font(13.0));
    }
    let mut chart = builder
        .margin(theme.px(if small { 3.0 } else { 6.0 }))
        .margin_top(theme.px(if small { 15.0 } else { 6.0 }))
        .margin_right(theme.px(end_w))
        .x_label_area_size(theme.px(x_area))
        .y_label_area_size(theme.px(y_area))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let (px, py) = chart.plotting_area().get_pixel_range();
    let plot_w = (px.end - px.start) as f64 / s;
    let plot_h = (py.end - py.start) as f64 / s;
    let x_count = match panel.x_ticks {
        0 => ((plot_w / 70.0) as usize).clamp(2, 6),
        n => n,
    };
    let y_count = ((plot_h / 24.0) as usize).clamp(if small { 2 } else { 3 }, 6);
    let (xs, ys) = (x1 - x0, y1 - y0);
    let x_fmt = |x: &f64| {
        if frame.x_labels {
            x_format(*x, xs)
        } else {
            String::new()
        }
    };
    // a grid's small panels leave 0 to the x axis, so the corner holds one label
    let y_fmt = |y: &f64| {
        if !frame.y_labels || (small && y.abs() < ys * 1e-9) {
            String::new()
        } else {
            linear_label(*y, ys)
        }
    };
    let mut mesh = chart.configure_mesh();
    theme
        .mesh(&mut mesh, label_px)
        .x_labels(x_count)
        .y_labels(y_count)
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt);
    if !panel.x_label.is_empty() && frame.x_labels {
        mesh.x_desc(panel.x_label.clone()).axis_desc_style(theme.font(11.0));
    }
    mesh.draw()?;
    if small && !panel.title.is_empty() {
        let (bx, by) = area.get_base_pixel();
        area.draw(&Text::new(
            panel.title.clone(),
            ((px.start + px.end) / 2 - bx, py.start - by - theme.px(7.0) as i32),
            theme.font(10.5).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    for line in &panel.lines {
        let color = series_color(line.color);
        let style = if line.thin {
            color.mix(0.7).stroke_width(theme.px(1.0))
        } else {
            color.stroke_width(theme.px(if small { 1.5 } else { 2.0 }))
        };
        chart.draw_series(LineSeries::new(line.points.iter().copied(), style))?;
        if line.points.len() == 1 {
            chart.draw_series(
                line.points
                    .iter()
                    .map(|&p| Circle::new(p, theme.px(2.0), color.filled())),
            )?;
        }
    }
    if !small {
        let labels: Vec<(i32, String, RGBColor)> = panel
            .lines
            .iter()
            .filter(|l| !l.label.is_empty())
            .filter_map(|l| {
                let p = l.points.last()?;
                Some((chart.backend_coord(p).1, l.label.clone(), series_color(l.color)))
            })
            .collect();
        // backend_coord and the pixel range are in the root's pixels; `area` draws relative to its corner.
        let (bx, by) = area.get_base_pixel();
        let labels = labels.into_iter().map(|(y, t, c)| (y - by, t, c)).collect();
        let x = px.end - bx + theme.px(4.0) as i32;
        super::draw_end_labels(area, x, (py.start - by, py.end - by), labels, theme)?;
    }
    Ok(PlotBox {
        x0: px.start,
        y0: py.start,
        x1: px.end,
        y1: py.end,
        x: (x0, x1),
        y: (y0, y1),
    })
}

/// One ridge: histograms stacked from the first (top) to the last probe (bottom).
#[derive(Clone, Debug, PartialEq)]
pub struct Ridge {
    /// Title above the ridge.
    pub title: String,
    /// Left edge of the first bin.
    pub lo: f64,
    /// Right edge of the last bin.
    pub hi: f64,
    /// (row label, counts), oldest first.
    pub rows: Vec<(String, Vec<u32>)>,
    /// Palette index.
    pub color: usize,
}

/// The data y of ridge row `i` of `n` (its baseline; each row is one unit high, its curve
/// rises up to 2.2 units, over the rows above).
pub fn ridge_base(i: usize, n: usize) -> f64 {
    (n - i) as f64
}

/// Draws a ridge of histograms (each row scaled to its own peak, overlapping the row above).
/// Returns its plotting area (y in rows: row `i`'s baseline at [`ridge_base`]).
pub fn draw_ridge<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ridge: &Ridge,
    theme: &Theme,
) -> Result<PlotBox, ChartError> {
    let n = ridge.rows.len().max(1);
    let top = n as f64 + 2.4;
    let label_w = ridge.rows.iter().map(|r| text_size(&r.0, 10.0).0).max().unwrap_or(0) as f64 + 10.0;
    let mut chart = ChartBuilder::on(area)
        .caption(ridge.title.clone(), theme.font(13.0))
        .margin(theme.px(6.0))
        .x_label_area_size(theme.px(20.0))
        .y_label_area_size(theme.px(label_w.max(30.0)))
        .build_cartesian_2d(ridge.lo..ridge.hi, 0.0..top)?;
    let (px, py) = chart.plotting_area().get_pixel_range();
    let span = ridge.hi - ridge.lo;
    let x_count = (((px.end - px.start) as f64 / theme.scale / 70.0) as usize).clamp(2, 6);
    theme
        .mesh(&mut chart.configure_mesh(), 10.5)
        .disable_y_mesh()
        .x_labels(x_count)
        .x_label_formatter(&|x| linear_label(*x, span))
        .y_labels(0)
        .draw()?;
    let color = series_color(ridge.color);
    let (bx, by) = area.get_base_pixel();
    for (i, (_, counts)) in ridge.rows.iter().enumerate() {
        let base = ridge_base(i, n);
        let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
        let width = span / counts.len().max(1) as f64;
        let mut pts = vec![(ridge.lo, base)];
        pts.extend(
            counts
                .iter()
                .enumerate()
                .map(|(b, &c)| (ridge.lo + width * (b as f64 + 0.5), base + 2.2 * c as f64 / peak)),
        );
        pts.push((ridge.hi, base));
        chart.draw_series(std::iter::once(Polygon::new(pts.clone(), WHITE.mix(0.9).filled())))?;
        chart.draw_series(std::iter::once(PathElement::new(
            pts,
            color.stroke_width(theme.px(1.2)),
        )))?;
    }
    // row labels: as many as fit, one per 14 CSS px
    let row_px = (py.end - py.start) as f64 / top / theme.scale;
    let every = ((14.0 / row_px).ceil() as usize).max(1);
    for (i, (label, _)) in ridge.rows.iter().enumerate().step_by(every) {
        let (_, y) = chart.backend_coord(&(ridge.lo, ridge_base(i, n)));
        area.draw(&Text::new(
            label.clone(),
            (px.start - bx - theme.px(4.0) as i32, y - by),
            theme.font(10.0).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    Ok(PlotBox {
        x0: px.start,
        y0: py.start,
        x1: px.end,
        y1: py.end,
        x: (ridge.lo, ridge.hi),
        y: (0.0, top),
    })
}
