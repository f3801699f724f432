//! The optimizer race figure: iso-lines of a 2-D loss surface with each optimizer's path (one
//! panel for all, or small multiples like DLFS figure 6-8), the loss against the step on a log
//! scale, and the learning-rate schedule.
//!
//! The layout is a pure function of the figure size ([`layout`]): panels are fractions of the
//! figure, and each plotting area is its panel inset by fixed CSS-pixel margins, so the page can
//! map a click to data coordinates from [`PanelGeometry`] without asking the chart.
use super::legend::{draw_legend, legend_size, LegendEntry, LegendMark};
use super::{padded_range, ChartError, Theme, GRID, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

/// Share of the figure width given to the contour panel(s).
pub const CONTOUR_WIDTH: f64 = 0.62;
/// Paths longer than this are drawn without a marker per step (markers cost a canvas arc each).
pub const MAX_MARKED_STEPS: usize = 120;

/// One optimizer's path as the chart draws it.
#[derive(Clone, Debug)]
pub struct PathSeries<'a> {
    /// Legend text, e.g. "Adam lr=0.3".
    pub label: String,
    /// Colour.
    pub color: RGBColor,
    /// Finite points, the start first.
    pub points: &'a [[f64; 2]],
    /// Loss at each point.
    pub losses: &'a [f64],
    /// The step at which the path exploded, if it did.
    pub diverged_at: Option<usize>,
}

/// Everything the figure shows.
#[derive(Clone, Debug)]
pub struct OptimizersChartData<'a> {
    /// Iso-lines: (level, polylines).
    pub contours: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// x window.
    pub x_range: (f64, f64),
    /// y window.
    pub y_range: (f64, f64),
    /// The global minimum, marked with a cross.
    pub minimum: Option<[f64; 2]>,
    /// The racers.
    pub paths: Vec<PathSeries<'a>>,
    /// One panel per path (true) or all paths in one panel.
    pub multiples: bool,
    /// Subtracted from the loss before the log scale (the surface's minimum); `None` plots the
    /// loss on a linear scale (the saddle is unbounded below).
    pub loss_floor: Option<f64>,
    /// `alpha / alpha0` for steps 1..=n.
    pub schedule: &'a [f64],
}

/// Where a contour panel's plotting area is, for mapping pixels to data: the panel is the
/// fraction `frac` = [left, top, right, bottom] of the figure; the plotting area is the panel
/// inset by `inset` = [left, top, right, bottom] CSS pixels; `x`, `y` are the data ranges.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelGeometry {
    /// Panel as fractions of the figure width/height.
    pub frac: [f64; 4],
    /// Plotting-area insets in CSS pixels.
    pub inset: [f64; 4],
    /// Data x range (left to right).
    pub x: (f64, f64),
    /// Data y range (bottom to top).
    pub y: (f64, f64),
}

const OVERLAY_INSET: [f64; 4] = [44.0, 8.0, 8.0, 32.0];
const MULTIPLE_INSET: [f64; 4] = [34.0, 20.0, 6.0, 24.0];

/// The contour panels for `n` paths: one panel, or a grid of small multiples (1 column for up to
/// 2 paths, else 2 columns).
pub fn layout(n: usize, multiples: bool, x: (f64, f64), y: (f64, f64)) -> Vec<PanelGeometry> {
    if !multiples || n <= 1 {
        return vec![PanelGeometry {
            frac: [0.0, 0.0, CONTOUR_WIDTH, 1.0],
            inset: if multiples { MULTIPLE_INSET } else { OVERLAY_INSET },
            x,
            y,
        }];
    }
    let cols = if n <= 2 { 1 } else { 2 };
    let rows = n.div_ceil(cols);
    (0..n)
        .map(|k| {
            let (c, r) = ((k % cols) as f64, (k / cols) as f64);
            let (w, h) = (CONTOUR_WIDTH / cols as f64, 1.0 / rows as f64);
            PanelGeometry {
                frac: [c * w, r * h, (c + 1.0) * w, (r + 1.0) * h],
                inset: MULTIPLE_INSET,
                x,
                y,
            }
        })
        .collect()
}

fn sub_area<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, frac: [f64; 4]) -> DrawingArea<DB, Shift> {
    let (w, h) = root.dim_in_pixel();
    let (x0, y0) = ((frac[0] * w as f64).round() as i32, (frac[1] * h as f64).round() as i32);
    let (x1, y1) = ((frac[2] * w as f64).round() as i32, (frac[3] * h as f64).round() as i32);
    root.clone().shrink((x0, y0), ((x1 - x0).max(1), (y1 - y0).max(1)))
}

/// Drops points closer than `min_px` (in both directions) to the last kept one, once mapped to
/// pixels by `to_px`; the last point is always kept. Each point drawn on a canvas is one call
/// across the wasm boundary, and a converged path piles hundreds of steps onto one pixel.
fn thin_px(points: &[(f64, f64)], to_px: impl Fn(&(f64, f64)) -> (i32, i32), min_px: i32) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len().min(4096));
    let mut last: Option<(i32, i32)> = None;
    for (k, p) in points.iter().enumerate() {
        let q = to_px(p);
        let far = last.is_none_or(|l| (q.0 - l.0).abs() >= min_px || (q.1 - l.1).abs() >= min_px);
        if far || k + 1 == points.len() {
            out.push(*p);
            last = Some(q);
        }
    }
    out
}

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

/// "diverged at step 4" in the figure's language.
fn diverged_text(t: usize, theme: &Theme) -> String {
    match theme.lang {
        super::Lang::En => format!("diverged at step {t}"),
        super::Lang::Ko => format!("{t}단계에서 발산"),
    }
}

fn level_color(k: usize, n: usize) -> RGBColor {
    // low levels (the valley floor) darker, high levels lighter: blue-grey ramp
    let t = if n > 1 { k as f64 / (n - 1) as f64 } else { 0.0 };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(120.0, 200.0), mix(140.0, 210.0), mix(175.0, 225.0))
}

/// Draws the figure; returns the pixel ranges of the contour plotting areas actually used
/// (device pixels relative to `root`), which a test compares with [`layout`].
pub fn draw_optimizers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    theme: &Theme,
) -> Result<Vec<[i32; 4]>, ChartError> {
    root.fill(&WHITE)?;
    let panels = layout(data.paths.len(), data.multiples, data.x_range, data.y_range);
    let mut rects = Vec::new();
    let base = root.get_base_pixel();
    for (k, panel) in panels.iter().enumerate() {
        let area = sub_area(root, panel.frac);
        let shown: Vec<usize> = if data.multiples && data.paths.len() > 1 {
            vec![k]
        } else {
            (0..data.paths.len()).collect()
        };
        let r = draw_contour_panel(&area, data, panel, &shown, theme)?;
        rects.push([r[0] - base.0, r[1] - base.1, r[2] - base.0, r[3] - base.1]);
    }
    let right = sub_area(root, [CONTOUR_WIDTH, 0.0, 1.0, 0.6]);
    draw_loss(&right, data, theme)?;
    let below = sub_area(root, [CONTOUR_WIDTH, 0.6, 1.0, 1.0]);
    draw_schedule(&below, data.schedule, theme)?;
    Ok(rects)
}

fn draw_contour_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &OptimizersChartData,
    panel: &PanelGeometry,
    shown: &[usize],
    theme: &Theme,
) -> Result<[i32; 4], ChartError> {
    let small = panel.inset == MULTIPLE_INSET;
    let [l, t, r, b] = panel.inset;
    // insets = margin + label area; label areas are 30 (overlay 38) px left and 18 (26) px below
    let (ylab, xlab) = if small { (28.0, 18.0) } else { (38.0, 26.0) };
    let mut chart = ChartBuilder::on(area)
        .margin_left(theme.px(l - ylab))
        .margin_top(theme.px(t))
        .margin_right(theme.px(r))
        .margin_bottom(theme.px(b - xlab))
        .x_label_area_size(theme.px(xlab))
        .y_label_area_size(theme.px(ylab))
        .build_cartesian_2d(data.x_range.0..data.x_range.1, data.y_range.0..data.y_range.1)?;
    let font = if small { 10.0 } else { 12.0 };
    let mut mesh = chart.configure_mesh();
    mesh.label_style(theme.font(font))
        .axis_style(INK.stroke_width(theme.px(1.0)))
        .bold_line_style(TRANSPARENT)
        .light_line_style(TRANSPARENT)
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"));
    mesh.draw()?;
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
        if let (Some(_), Some(last)) = (path.diverged_at, path.points.last().filter(|p| in_window(p))) {
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
            let title = match p.diverged_at {
                Some(t) => format!("{} ({})", p.label, diverged_text(t, theme)),
                None => p.label.clone(),
            };
            let x = theme.px(l) as i32;
            let style = theme.font(12.0).color(&p.color).pos(Pos::new(HPos::Left, VPos::Center));
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
                    label: match p.diverged_at {
                        Some(t) => format!("{} — {}", p.label, diverged_text(t, theme)),
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
        draw_legend(
            area,
            (xs.end - base.0 - inset - w as i32, ys.start - base.1 + inset),
            &entries,
            theme,
        )?;
    }
    Ok([xs.start, ys.start, xs.end, ys.end])
}

fn draw_loss<DB: DrawingBackend>(
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
    chart
        .configure_mesh()
        .x_desc(theme.lang.pick("step", "단계"))
        .label_style(theme.font(11.0))
        .axis_desc_style(theme.font(12.0))
        .axis_style(INK.stroke_width(theme.px(1.0)))
        .bold_line_style(GRID.stroke_width(theme.px(1.0)))
        .light_line_style(TRANSPARENT)
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| {
            if log {
                format!("{:.0e}", 10f64.powf(*y))
            } else {
                format!("{y:.2}")
            }
        })
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
    let title = match (log, theme.lang) {
        (true, super::Lang::En) => "loss f − f_min (log scale)",
        (true, super::Lang::Ko) => "손실 f − f_min (로그 척도)",
        (false, super::Lang::En) => "loss f",
        (false, super::Lang::Ko) => "손실 f",
    };
    let style = theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(title, (theme.px(56.0) as i32, theme.px(11.0) as i32), style))?;
    Ok(())
}

fn draw_schedule<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    factors: &[f64],
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
    chart
        .configure_mesh()
        .x_desc(theme.lang.pick("epoch (= step)", "에폭 (= 단계)"))
        .label_style(theme.font(11.0))
        .axis_desc_style(theme.font(12.0))
        .axis_style(INK.stroke_width(theme.px(1.0)))
        .bold_line_style(GRID.stroke_width(theme.px(1.0)))
        .light_line_style(TRANSPARENT)
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
    let style = theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(
        theme.lang.pick("learning-rate schedule α/α₀", "학습률 일정 α/α₀"),
        (theme.px(56.0) as i32, theme.px(11.0) as i32),
        style,
    ))?;
    Ok(())
}
