//! Panels shared by the figures of `normalise`, `minibatch` and `optima`: a cost's contour lines
//! over two weights with descent paths on them ([`draw_contour_panel`], an equal-aspect plot when
//! asked, so a round bowl looks round), and the layout both it and the line panel beside it
//! ([`super::lines`]) use. Each panel is drawn into a [`Rect`] of the figure, so a figure's
//! layout is a pure function of its size (the page maps a pointer to weights with the same
//! rectangles, see [`contour_plot_rect`]). Every word comes in as data.
use super::legend::{draw_legend, legend_size, LegendEntry};
use super::measure::text_size;
use super::optimizers::clip_polyline;
use super::ticks::linear_label;
use super::{ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

/// A rectangle of the figure in output pixels.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Rect {
    /// Left.
    pub x: f64,
    /// Top.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle.
    pub const fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    /// The part `[from, to)` of the width (fractions).
    pub fn cols(self, from: f64, to: f64) -> Rect {
        Rect::new(self.x + from * self.w, self.y, (to - from) * self.w, self.h)
    }

    /// The part `[from, to)` of the height (fractions).
    pub fn rows(self, from: f64, to: f64) -> Rect {
        Rect::new(self.x, self.y + from * self.h, self.w, (to - from) * self.h)
    }

    /// The top `h` pixels, and the rest.
    pub fn cut_top(self, h: f64) -> (Rect, Rect) {
        let h = h.clamp(0.0, self.h);
        (
            Rect::new(self.x, self.y, self.w, h),
            Rect::new(self.x, self.y + h, self.w, self.h - h),
        )
    }

    /// Whether `(x, y)` lies inside.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// Room around a panel's plot, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Room {
    /// Left: y ticks and title.
    pub left: f64,
    /// Top: the panel's title and note.
    pub top: f64,
    /// Right.
    pub right: f64,
    /// Bottom: x ticks and title (below 20, the x axis is drawn without labels).
    pub bottom: f64,
}

impl Room {
    /// A panel with a title, a note and both axes labelled.
    pub const PANEL: Room = Room {
        left: 46.0,
        top: 34.0,
        right: 10.0,
        bottom: 36.0,
    };

    /// A strip of stacked panels sharing one x axis: a one-line title, and the x labels only
    /// when `last`.
    pub const fn strip(last: bool) -> Room {
        Room {
            left: 46.0,
            top: 17.0,
            right: 10.0,
            bottom: if last { 36.0 } else { 6.0 },
        }
    }

    /// Whether the x axis gets labels.
    pub(super) fn x_labels(&self) -> bool {
        self.bottom >= 20.0
    }
}
/// The smallest type drawn (CSS px).
pub(super) const TICK_PX: f64 = 10.5;

/// The plot rectangle of a panel drawn in `cell`: the cell less the room for labels, and with
/// `aspect` (data width over height per pixel, e.g. `Some(x_span / y_span)` for equal scales)
/// the largest such rectangle centred in it.
pub fn contour_plot_rect(cell: Rect, aspect: Option<f64>, theme: &Theme) -> Rect {
    plot_rect(cell, aspect, Room::PANEL, theme)
}

/// The plot rectangle of a panel in `cell` with `room` around it (see [`contour_plot_rect`]).
pub fn plot_rect(cell: Rect, aspect: Option<f64>, room: Room, theme: &Theme) -> Rect {
    let px = |v: f64| theme.px(v) as f64;
    let (w, h) = (
        (cell.w - px(room.left) - px(room.right)).max(8.0),
        (cell.h - px(room.top) - px(room.bottom)).max(8.0),
    );
    let (pw, ph) = match aspect.filter(|a| a.is_finite() && *a > 0.0) {
        Some(a) if w / h > a => (h * a, h),
        Some(a) => (w, w / a),
        None => (w, h),
    };
    Rect::new(
        (cell.x + px(room.left) + (w - pw) / 2.0).round(),
        (cell.y + px(room.top) + (h - ph) / 2.0).round(),
        pw.round(),
        ph.round(),
    )
}

/// How a path is drawn on a contour panel.
#[derive(Clone, Debug)]
pub struct PlanePath<'a> {
    /// The points, the start first.
    pub points: &'a [[f64; 2]],
    /// Colour.
    pub color: RGBColor,
    /// Line width (CSS px).
    pub width: f64,
    /// A dot at each point (short paths).
    pub dots: bool,
    /// The path exploded after its last point (marked with a cross).
    pub diverged: bool,
}

/// A contour panel.
#[derive(Clone, Debug)]
pub struct ContourPanel<'a> {
    /// The heading above the plot.
    pub heading: Heading<'a>,
    /// x-axis title.
    pub x_desc: &'a str,
    /// y-axis title.
    pub y_desc: &'a str,
    /// Data window, x.
    pub x: (f64, f64),
    /// Data window, y.
    pub y: (f64, f64),
    /// Iso-lines `(level, polylines)`, lowest level first.
    pub levels: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// The paths.
    pub paths: Vec<PlanePath<'a>>,
    /// Minima (crosses).
    pub minima: &'a [[f64; 2]],
    /// Saddle points (open diamonds).
    pub saddles: &'a [[f64; 2]],
    /// The start (a ring).
    pub start: Option<[f64; 2]>,
    /// A legend in the top-right corner of the plot.
    pub legend: Vec<LegendEntry>,
}

/// The colour of iso-line `k` of `n`: dark near the valley floor, light higher up.
fn level_color(k: usize, n: usize) -> RGBColor {
    let t = if n > 1 { k as f64 / (n - 1) as f64 } else { 0.0 };
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(110.0, 205.0), mix(130.0, 212.0), mix(170.0, 226.0))
}

/// The number of ticks for a plot `len` pixels long.
pub(super) fn tick_count(len: f64, theme: &Theme) -> usize {
    ((len / theme.px(64.0) as f64) as usize + 1).clamp(2, 7)
}

/// A panel's heading: its title and a note under it, each with a shorter form for narrow
/// panels (empty: none), and the title's colour (a path's colour names the path).
#[derive(Clone, Copy, Debug)]
pub struct Heading<'a> {
    /// The title.
    pub title: &'a str,
    /// A shorter title for narrow panels.
    pub short: &'a str,
    /// The note (may be empty).
    pub note: &'a str,
    /// A shorter note for narrow panels.
    pub note_short: &'a str,
    /// The title's colour.
    pub color: RGBColor,
}

impl<'a> Heading<'a> {
    /// A plain title in ink.
    pub const fn title(title: &'a str) -> Heading<'a> {
        Heading {
            title,
            short: "",
            note: "",
            note_short: "",
            color: INK,
        }
    }
}

/// Draws `text` (or its shorter form) at the largest of `sizes` that fits between `plot`'s left
/// edge (or, failing that, the cell's) and the cell's right edge, its top at `y`.
#[allow(clippy::too_many_arguments)]
fn fitted<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: Rect,
    plot: Rect,
    (text, short): (&str, &str),
    sizes: &[f64],
    y: f64,
    color: RGBColor,
    theme: &Theme,
) -> Result<(), ChartError> {
    let edge = cell.x + cell.w - theme.px(2.0) as f64;
    let starts = [plot.x, cell.x + theme.px(4.0) as f64];
    let texts = [text, short];
    let mut choice = None;
    'search: for &x in &starts {
        for t in texts.iter().filter(|t| !t.is_empty()) {
            for &s in sizes {
                if x + text_size(t, s * theme.scale).0 as f64 <= edge {
                    choice = Some((*t, x, s));
                    break 'search;
                }
            }
        }
    }
    let fallback = (
        if short.is_empty() { text } else { short },
        starts[1],
        sizes[sizes.len() - 1],
    );
    let (t, x, s) = choice.unwrap_or(fallback);
    let style = theme.font(s).color(&color).pos(Pos::new(HPos::Left, VPos::Top));
    root.draw(&Text::new(t.to_string(), (x as i32, y as i32), style))?;
    Ok(())
}

/// Draws a panel's heading in the `top` CSS pixels above its plot.
pub(super) fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: Rect,
    plot: Rect,
    heading: &Heading,
    top: f64,
    theme: &Theme,
) -> Result<(), ChartError> {
    let y = plot.y - theme.px(top) as f64 + theme.px(2.0) as f64;
    let pair = (heading.title, heading.short);
    fitted(root, cell, plot, pair, &[13.0, 12.0, 11.0], y, heading.color, theme)?;
    if !heading.note.is_empty() {
        let pair = (heading.note, heading.note_short);
        let grey = RGBColor(85, 85, 85);
        fitted(
            root,
            cell,
            plot,
            pair,
            &[11.0, 10.5],
            y + theme.px(15.0) as f64,
            grey,
            theme,
        )?;
    }
    Ok(())
}

/// The drawing area whose plotting area, with label areas of `left` and `bottom` pixels, is
/// exactly `plot`.
pub(super) fn area_for<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: Rect,
    left: u32,
    bottom: u32,
) -> DrawingArea<DB, Shift> {
    let x = (plot.x as i32 - left as i32).max(0);
    let w = (plot.x + plot.w) as i32 - x;
    root.clone()
        .shrink((x, plot.y as i32), (w.max(2) as u32, plot.h as u32 + bottom))
}

/// Draws a contour panel in `cell` with plot `plot` (see [`contour_plot_rect`]).
pub fn draw_contour_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    cell: Rect,
    plot: Rect,
    panel: &ContourPanel,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (left, bottom) = ((plot.x - cell.x).max(1.0) as u32, theme.px(Room::PANEL.bottom));
    let area = area_for(root, plot, left, bottom);
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(bottom)
        .y_label_area_size(left)
        .build_cartesian_2d(panel.x.0..panel.x.1, panel.y.0..panel.y.1)?;
    let (sx, sy) = (panel.x.1 - panel.x.0, panel.y.1 - panel.y.0);
    let xl = |v: &f64| linear_label(*v, sx);
    let yl = |v: &f64| linear_label(*v, sy);
    theme
        .mesh(&mut chart.configure_mesh(), TICK_PX)
        .axis_desc_style(theme.font(11.0))
        .bold_line_style(TRANSPARENT)
        .x_labels(tick_count(plot.w, theme))
        .y_labels(tick_count(plot.h, theme))
        .x_label_formatter(&xl)
        .y_label_formatter(&yl)
        .x_desc(panel.x_desc)
        .y_desc(panel.y_desc)
        .draw()?;
    let thin = theme.px(1.0);
    let n = panel.levels.len();
    for (k, (_, lines)) in panel.levels.iter().enumerate() {
        let style = level_color(k, n).stroke_width(thin);
        for line in lines {
            let pts: Vec<(f64, f64)> = line.iter().map(|p| (p[0], p[1])).collect();
            for piece in clip_polyline(&pts, panel.x, panel.y) {
                chart.draw_series(std::iter::once(PathElement::new(piece, style)))?;
            }
        }
    }
    let inside = |p: &[f64; 2]| p[0] >= panel.x.0 && p[0] <= panel.x.1 && p[1] >= panel.y.0 && p[1] <= panel.y.1;
    let s = theme.px(5.0) as i32;
    for m in panel.minima.iter().filter(|m| inside(m)) {
        chart.draw_series(std::iter::once(
            EmptyElement::at((m[0], m[1]))
                + PathElement::new(vec![(-s, 0), (s, 0)], INK.stroke_width(theme.px(1.5)))
                + PathElement::new(vec![(0, -s), (0, s)], INK.stroke_width(theme.px(1.5))),
        ))?;
    }
    for m in panel.saddles.iter().filter(|m| inside(m)) {
        chart.draw_series(std::iter::once(
            EmptyElement::at((m[0], m[1]))
                + PathElement::new(
                    vec![(-s, 0), (0, -s), (s, 0), (0, s), (-s, 0)],
                    INK.stroke_width(theme.px(1.5)),
                ),
        ))?;
    }
    for path in &panel.paths {
        let pts = thin_points(path.points, |p| chart.backend_coord(p), theme.px(1.0) as i32);
        let style = path.color.stroke_width(theme.px(path.width));
        for piece in clip_polyline(&pts, panel.x, panel.y) {
            chart.draw_series(std::iter::once(PathElement::new(piece, style)))?;
        }
        if path.dots {
            let r = theme.px(2.0);
            chart.draw_series(
                path.points
                    .iter()
                    .filter(|p| inside(p))
                    .map(|p| Circle::new((p[0], p[1]), r, path.color.filled())),
            )?;
        }
        if let Some(last) = path.points.last().filter(|p| path.diverged && inside(p)) {
            chart.draw_series(std::iter::once(Cross::new((last[0], last[1]), theme.px(5.0), style)))?;
        }
    }
    if let Some(p) = panel.start.filter(inside) {
        chart.draw_series(std::iter::once(Circle::new(
            (p[0], p[1]),
            theme.px(5.0),
            INK.stroke_width(theme.px(1.5)),
        )))?;
    }
    draw_title(root, cell, plot, &panel.heading, Room::PANEL.top, theme)?;
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
    Ok(())
}

/// Drops points closer than `min_px` (both directions) to the last kept one once mapped to
/// pixels; the first and last are kept. A converged path piles thousands of steps on one pixel.
pub fn thin_points(points: &[[f64; 2]], to_px: impl Fn(&(f64, f64)) -> (i32, i32), min_px: i32) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len().min(4096));
    let mut last: Option<(i32, i32)> = None;
    for (k, p) in points.iter().enumerate() {
        let q = to_px(&(p[0], p[1]));
        let far = last.is_none_or(|l| (q.0 - l.0).abs() >= min_px || (q.1 - l.1).abs() >= min_px);
        if far || k + 1 == points.len() {
            out.push((p[0], p[1]));
            last = Some(q);
        }
    }
    out
}
