//! Figures of `view=batchnorm`: small line panels (percentiles over steps, accuracy curves, the
//! 4 x 4 grid of DLFS's `batch_norm_test`, test accuracy per batch size) and a ridge of histograms
//! over training steps (internal covariate shift).
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
    /// Title above the plot.
    pub title: String,
    /// x range.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
    /// The lines.
    pub lines: Vec<Line>,
    /// Axis label under the x axis (empty: none).
    pub x_label: String,
    /// Number of x tick labels (0: the default, 5, or 2 in a small panel).
    pub x_ticks: usize,
}

/// Draws `panel` into `area`; `small` drops most tick labels (grids of many panels).
pub fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
    x_format: &dyn Fn(f64) -> String,
    small: bool,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (x0, x1) = if panel.x.1 > panel.x.0 {
        panel.x
    } else {
        (panel.x.0, panel.x.0 + 1.0)
    };
    let (y0, y1) = if panel.y.1 > panel.y.0 {
        panel.y
    } else {
        (panel.y.0 - 0.5, panel.y.0 + 0.5)
    };
    let label_px = if small { 10.0 } else { 11.0 };
    let mut chart = ChartBuilder::on(area)
        .caption(panel.title.clone(), theme.font(if small { 11.0 } else { 13.0 }))
        .margin(theme.px(if small { 3.0 } else { 6.0 }))
        .margin_right(theme.px(if small { 4.0 } else { 96.0 }))
        .x_label_area_size(theme.px(if small { 14.0 } else { 30.0 }))
        .y_label_area_size(theme.px(if small { 26.0 } else { 40.0 }))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let fmt = |x: &f64| x_format(*x);
    let mut mesh = chart.configure_mesh();
    theme
        .mesh(&mut mesh, label_px)
        .x_labels(match (panel.x_ticks, small) {
            (0, true) => 2,
            (0, false) => 5,
            (n, _) => n,
        })
        .y_labels(if small { 2 } else { 5 })
        .x_label_formatter(&fmt);
    if !panel.x_label.is_empty() {
        mesh.x_desc(panel.x_label.clone()).axis_desc_style(theme.font(11.0));
    }
    mesh.draw()?;
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
        let (px, py) = chart.plotting_area().get_pixel_range();
        let x = px.end - bx + theme.px(4.0) as i32;
        super::draw_end_labels(area, x, (py.start - by, py.end - by), labels, theme)?;
    }
    Ok(())
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

/// Draws a ridge of histograms (each row scaled to its own peak, overlapping the row above).
pub fn draw_ridge<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ridge: &Ridge,
    theme: &Theme,
) -> Result<(), ChartError> {
    let n = ridge.rows.len().max(1) as f64;
    let mut chart = ChartBuilder::on(area)
        .caption(ridge.title.clone(), theme.font(13.0))
        .margin(theme.px(6.0))
        .x_label_area_size(theme.px(22.0))
        .y_label_area_size(theme.px(58.0))
        .build_cartesian_2d(ridge.lo..ridge.hi, 0.0..n + 2.4)?;
    let labels: Vec<(f64, String)> = ridge
        .rows
        .iter()
        .enumerate()
        .map(|(i, (label, _))| (n - i as f64, label.clone()))
        .collect();
    theme
        .mesh(&mut chart.configure_mesh(), 10.5)
        .disable_y_mesh()
        .x_labels(5)
        .y_labels(0)
        .draw()?;
    let color = series_color(ridge.color);
    let (px, _) = chart.plotting_area().get_pixel_range();
    let (bx, by) = area.get_base_pixel();
    for (i, (_, counts)) in ridge.rows.iter().enumerate() {
        let base = n - i as f64;
        let peak = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
        let width = (ridge.hi - ridge.lo) / counts.len().max(1) as f64;
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
    for (y, label) in labels.iter().step_by(labels.len().div_ceil(8).max(1)) {
        let (_, py) = chart.backend_coord(&(ridge.lo, *y));
        area.draw(&Text::new(
            label.clone(),
            (px.start - bx - theme.px(4.0) as i32, py - by),
            theme.font(10.0).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    Ok(())
}
