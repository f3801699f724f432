//! The contour panel of the race figure: iso-lines of the surface (darker towards the valley
//! floor), the minimum as a cross, each path clipped to the window (Liang & Barsky) with a dot per
//! step while it is short, a cross where it exploded, the start ringed; a legend in the overlay or
//! a title per small multiple.
use super::{thin_px, OptimizersChartData, PanelGeometry, MAX_MARKED_STEPS, OVERLAY_INSET, STACKED_INSET};
use crate::chart::legend::{draw_legend, legend_size, LegendEntry, LegendMark};
use crate::chart::scale::{fit, nice_ticks, tick_count, Ticked};
use crate::chart::ticks::linear_label;
use crate::chart::{ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The pieces of a polyline inside the window `x` by `y` (Liang & Barsky's segment clipping):
/// plotters would otherwise pin points outside the plotting area to its edge.
pub fn clip_polyline(points: &[(f64, f64)], x: (f64, f64), y: (f64, f64)) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Vec<(f64, f64)> = Vec::new();
    let inside = |p: &(f64, f64)| p.0 >= x.0 && p.0 <= x.1 && p.1 >= y.0 && p.1 <= y.1;
    if points.len() == 1 && inside(&points[0]) {
        return vec![points.to_vec()];
    }
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let mut visible = true;
        for (p, q) in [(-dx, a.0 - x.0), (dx, x.1 - a.0), (-dy, a.1 - y.0), (dy, y.1 - a.1)] {
            if p == 0.0 {
                if q < 0.0 {
                    visible = false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        if !visible || t0 > t1 {
            if !current.is_empty() {
                pieces.push(std::mem::take(&mut current));
            }
            continue;
        }
        let start = (a.0 + t0 * dx, a.1 + t0 * dy);
        let end = (a.0 + t1 * dx, a.1 + t1 * dy);
        if current.is_empty() {
            current.push(start);
        }
        current.push(end);
        if t1 < 1.0 {
            pieces.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        pieces.push(current);
    }
    pieces
}

fn level_color(k: usize, n: usize) -> RGBColor {
    // low levels (the valley floor) darker, high levels lighter: blue-grey ramp
    let t = if n > 1 { k as f64 / (n - 1) as f64 } else { 0.0 };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(120.0, 200.0), mix(140.0, 210.0), mix(175.0, 225.0))
}

/// Draws one contour panel with the paths `shown`; returns its plotting area in device pixels.
pub(super) fn draw_contour_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    panel: &PanelGeometry,
    shown: &[usize],
    theme: &Theme,
) -> Result<[i32; 4], ChartError> {
    let small = panel.inset != OVERLAY_INSET;
    // a small multiple above another in one column shares the lowest one's x tick labels
    let stacked = panel.inset == STACKED_INSET;
    let [l, t, r, b] = panel.inset;
    // insets = margin + label area; label areas are 30 (overlay 38) px left and 18 (26) px below
    let (ylab, xlab) = match (small, stacked) {
        (_, true) => (28.0, 0.0),
        (true, false) => (28.0, 18.0),
        (false, _) => (38.0, 26.0),
    };
    let (w, h) = area.dim_in_pixel();
    let (pw, ph) = (w as f64 / theme.scale - l - r, h as f64 / theme.scale - t - b);
    let ((x0, x1), (y0, y1)) = (data.x_range, data.y_range);
    let xt = if stacked {
        Vec::new()
    } else {
        nice_ticks(x0, x1, tick_count(pw, 48.0).min(5))
    };
    let yt = nice_ticks(y0, y1, tick_count(ph, 30.0).min(5));
    let mut chart = ChartBuilder::on(area)
        .margin_left(theme.px(l - ylab))
        .margin_top(theme.px(t))
        .margin_right(theme.px(r))
        .margin_bottom(theme.px(b - xlab))
        .x_label_area_size(theme.px(xlab))
        .y_label_area_size(theme.px(ylab))
        .build_cartesian_2d(Ticked::new(x0, x1, xt), Ticked::new(y0, y1, yt))?;
    let (x_label, y_label) = (|x: &f64| linear_label(*x, x1 - x0), |y: &f64| linear_label(*y, y1 - y0));
    // no grid: the iso-lines are the texture of this panel
    theme
        .mesh(&mut chart.configure_mesh(), if small { 10.0 } else { 12.0 })
        .bold_line_style(TRANSPARENT)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    let thin = theme.px(1.0);
    let n_levels = data.contours.len();
    for (k, (_, lines)) in data.contours.iter().enumerate() {
        let style = level_color(k, n_levels).stroke_width(thin);
        for line in lines {
            let pts: Vec<(f64, f64)> = line.iter().map(|p| (p[0], p[1])).collect();
            let pts = thin_px(&pts, |p| chart.backend_coord(p), theme.px(2.0) as i32);
            chart.draw_series(std::iter::once(PathElement::new(pts, style)))?;
        }
    }
    if let Some(m) = data.minimum {
        let s = theme.px(5.0) as i32;
        chart.draw_series(std::iter::once(
            EmptyElement::at((m[0], m[1]))
                + PathElement::new(vec![(-s, 0), (s, 0)], INK.stroke_width(thin))
                + PathElement::new(vec![(0, -s), (0, s)], INK.stroke_width(thin)),
        ))?;
    }
    let in_window = |p: &[f64; 2]| {
        p[0] >= data.x_range.0 && p[0] <= data.x_range.1 && p[1] >= data.y_range.0 && p[1] <= data.y_range.1
    };
    let width = theme.px(if small { 1.5 } else { 2.0 });
    for &i in shown {
        let path = &data.paths[i];
        let color = path.color;
        let pts: Vec<(f64, f64)> = path.points.iter().map(|p| (p[0], p[1])).collect();
        let pts = thin_px(&pts, |p| chart.backend_coord(p), theme.px(1.0) as i32);
        // Only the pieces inside the window are drawn; markers likewise.
        let pieces = clip_polyline(&pts, data.x_range, data.y_range);
        chart.draw_series(
            pieces
                .into_iter()
                .map(|piece| PathElement::new(piece, color.stroke_width(width))),
        )?;
        if path.points.len() <= MAX_MARKED_STEPS + 1 {
            let dot = theme.px(if small { 1.8 } else { 2.2 });
            chart.draw_series(
                path.points
                    .iter()
                    .filter(|p| in_window(p))
                    .map(|p| Circle::new((p[0], p[1]), dot, color.filled())),
            )?;
        }
        if let (Some(_), Some(last)) = (&path.diverged, path.points.last().filter(|p| in_window(p))) {
            let s = theme.px(6.0) as i32;
            chart.draw_series(std::iter::once(
                EmptyElement::at((last[0], last[1]))
                    + PathElement::new(vec![(-s, -s), (s, s)], color.stroke_width(width))
                    + PathElement::new(vec![(-s, s), (s, -s)], color.stroke_width(width)),
            ))?;
        }
    }
    if let Some(start) = data.paths.first().and_then(|p| p.points.first()) {
        chart.draw_series(std::iter::once(Circle::new(
            (start[0], start[1]),
            theme.px(4.5),
            INK.stroke_width(theme.px(1.5)),
        )))?;
    }
    if small {
        if let Some(&i) = shown.first() {
            let p = &data.paths[i];
            let title = match &p.diverged {
                Some(note) => format!("{} ({note})", p.label),
                None => p.label.clone(),
            };
            let x = theme.px(l) as i32;
            let (title, size) = fit(&title, w as f64 - x as f64 - theme.px(4.0) as f64, 12.0, theme);
            let style = theme.font(size).color(&p.color).pos(Pos::new(HPos::Left, VPos::Center));
            area.draw(&Text::new(title, (x, theme.px(t / 2.0) as i32), style))?;
        }
    }
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    if !small && !shown.is_empty() {
        // legend in the top-right corner of the plotting area (the DLFS start is top-left)
        let entries: Vec<LegendEntry> = shown
            .iter()
            .map(|&i| {
                let p = &data.paths[i];
                LegendEntry {
                    label: match &p.diverged {
                        Some(note) => format!("{} — {note}", p.label),
                        None => p.label.clone(),
                    },
                    mark: LegendMark::Line,
                    color: p.color,
                }
            })
            .collect();
        let (w, _) = legend_size(&entries, theme);
        let base = area.get_base_pixel();
        let inset = theme.px(8.0) as i32;
        // on a narrow figure (one panel across a phone) the plot is low: the legend goes to the
        // bottom-right corner, away from the DLFS start and the paths' way in along the valley
        let (_, h) = legend_size(&entries, theme);
        let narrow = panel.frac[2] - panel.frac[0] > 0.99;
        let top = if narrow {
            ys.end - base.1 - inset - h as i32
        } else {
            ys.start - base.1 + inset
        };
        draw_legend(area, (xs.end - base.0 - inset - w as i32, top), &entries, theme)?;
    }
    Ok([xs.start, ys.start, xs.end, ys.end])
}
