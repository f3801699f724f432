//! Figures of `view=train`: the decision boundary as a heatmap with the points (2-D data), or
//! the dev confusion matrix and a grid of misclassified digits; beside it the train and dev
//! cost and error per epoch, the cost of every mini-batch faint behind, and the panda changes
//! as marked vertical lines. Every word drawn (titles, curve labels, marks) comes in as data,
//! already in the page's language.
use super::network::{fitting, Rect};
use super::ticks::{linear_label, whole_label};
use super::{series_color, ChartError, Theme, INK};
use crate::core::lab::train::{Boundary, Confusion};
use plotters::coord::ranged1d::Ranged;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where the figure's panels sit in a `width x height` figure: the decision boundary (or the
/// confusion matrix), the network diagram, the two panels of curves and the weight histogram.
/// Wide figures put the boundary and the diagram side by side above the curves and the
/// histogram; a figure about three times as tall as wide (a phone, [`stacked_height`]) stacks
/// all five.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureLayout {
    /// The boundary's panel (title, ticks and the square plot).
    pub boundary: Rect,
    /// The square plot inside it: (left, top, side).
    pub square: (f64, f64, f64),
    /// The network diagram.
    pub network: Rect,
    /// The cost panel.
    pub cost: Rect,
    /// The error panel.
    pub error: Rect,
    /// The weight histogram.
    pub weights: Rect,
}

/// The heights of the stacked panels per unit of width: boundary, diagram, cost, error, weights.
const STACK: [f64; 5] = [0.95, 1.0, 0.5, 0.5, 0.55];

/// The height a stacked figure of `width` wants (the four panels of [`FigureLayout`] one above
/// the other, and the weight histogram).
pub fn stacked_height(width: f64) -> f64 {
    width * STACK.iter().sum::<f64>()
}

/// The panels of a `width x height` figure (pixels of the output, `theme` for its margins).
pub fn figure_layout(width: f64, height: f64, theme: &Theme) -> FigureLayout {
    let px = |v: f64| theme.px(v) as f64;
    let rect = |x: f64, y: f64, w: f64, h: f64| Rect { x, y, w, h };
    let (boundary, network, cost, error, weights) = if height >= 2.2 * width {
        let unit = height / STACK.iter().sum::<f64>();
        let hs = STACK.map(|k| k * unit);
        let mut y = 0.0;
        let mut next = |h: f64| {
            let r = rect(0.0, y, width, h);
            y += h;
            r
        };
        (next(hs[0]), next(hs[1]), next(hs[2]), next(hs[3]), next(hs[4]))
    } else if width < 560.0 {
        // a phone whose page caps the height: the curves side by side under the top row, the
        // weight histogram across the whole width under them (three panels in a row are unreadable)
        let top = (height * 0.56).round();
        let row = ((height - top) / 2.0).round();
        let bw = (top * 1.1).min(width * 0.5);
        (
            rect(0.0, 0.0, bw, top),
            rect(bw, 0.0, width - bw, top),
            rect(0.0, top, width / 2.0, row),
            rect(width / 2.0, top, width / 2.0, row),
            rect(0.0, top + row, width, height - top - row),
        )
    } else {
        let top = (height * 0.6).round();
        let bw = (top * 1.1).min(width * 0.5);
        (
            rect(0.0, 0.0, bw, top),
            rect(bw, 0.0, width - bw, top),
            rect(0.0, top, width / 3.0, height - top),
            rect(width / 3.0, top, width / 3.0, height - top),
            rect(2.0 * width / 3.0, top, width / 3.0, height - top),
        )
    };
    // the square: ticks on the left and below, the title above
    let (left, title, below) = (px(36.0), px(20.0), px(18.0));
    let side = (boundary.w - left - px(10.0)).min(boundary.h - title - below).max(8.0);
    let square = (boundary.x + left, boundary.y + title, side);
    FigureLayout {
        boundary,
        square,
        network: rect(
            network.x + px(6.0),
            network.y + px(4.0),
            network.w - px(10.0),
            network.h - px(6.0),
        ),
        cost,
        error,
        weights,
    }
}

/// Where the boundary's square plot sits, as `(left, top, side)` in pixels of a figure of
/// `width x height` at one device pixel per CSS pixel (the same for the canvas, the SVG and a
/// click on the figure).
pub fn plot_rect(width: f64, height: f64) -> (f64, f64, f64) {
    figure_layout(width, height, &Theme::default()).square
}

/// The colour of class `k` (class 0 blue, class 1 vermillion, as Playground's blue/orange).
pub fn class_color(k: usize) -> RGBColor {
    series_color(k)
}

fn mix(c: RGBColor, t: f64) -> RGBColor {
    let f = |v: u8| (255.0 + (v as f64 - 255.0) * t.clamp(0.0, 1.0)).round() as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// A point to draw: raw coordinates, class, whether it is a training row.
pub type Point = (f64, f64, usize, bool);

/// What the 2-D panel draws.
pub struct BoundaryPlot<'a> {
    /// The boundary's cells, once computed.
    pub boundary: Option<&'a Boundary>,
    /// The plotted region, `((x0, x1), (y0, y1))` in raw coordinates.
    pub view: ((f64, f64), (f64, f64)),
    /// The points.
    pub points: &'a [Point],
    /// Classes of the task.
    pub classes: usize,
    /// The title above the plot.
    pub title: &'a str,
    /// Where the square plot sits: `(left, top, side)` ([`FigureLayout::square`]).
    pub square: (f64, f64, f64),
}

/// The 2-D panel: boundary cells and points.
pub fn draw_boundary<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    plot: &BoundaryPlot,
    theme: &Theme,
) -> Result<(), ChartError> {
    let BoundaryPlot {
        boundary,
        view,
        points,
        classes,
        title,
        square,
    } = *plot;
    let (left, top, side) = square;
    let ((x0, x1), (y0, y1)) = view;
    let to_px = |x: f64, y: f64| {
        (
            (left + (x - x0) / (x1 - x0) * side).round() as i32,
            (top + side - (y - y0) / (y1 - y0) * side).round() as i32,
        )
    };
    if let Some(b) = boundary {
        let n = b.side.max(1);
        let chance = 1.0 / classes.max(2) as f64;
        // Colour levels quantised to 12 steps, and equal neighbours in a row drawn as one
        // rectangle (a few hundred rectangles instead of 1,600 per frame).
        let color_of = |c: usize| -> Option<RGBColor> {
            let (&k, &p) = (b.class.get(c)?, b.confidence.get(c)?);
            let share = ((p as f64 - chance) / (1.0 - chance)).clamp(0.0, 1.0);
            let level = (share * 12.0).round() / 12.0;
            Some(mix(class_color(k as usize), 0.12 + 0.5 * level))
        };
        for j in 0..n {
            let mut i = 0;
            while i < n {
                let Some(color) = color_of(j * n + i) else {
                    i += 1;
                    continue;
                };
                let start = i;
                while i < n && color_of(j * n + i) == Some(color) {
                    i += 1;
                }
                let a = (
                    (left + side * start as f64 / n as f64).round() as i32,
                    (top + side - side * (j + 1) as f64 / n as f64).round() as i32,
                );
                let z = (
                    (left + side * i as f64 / n as f64).round() as i32,
                    (top + side - side * j as f64 / n as f64).round() as i32,
                );
                root.draw(&Rectangle::new([a, z], color.filled()))?;
            }
        }
    }
    let frame = [
        (left.round() as i32, top.round() as i32),
        ((left + side).round() as i32, (top + side).round() as i32),
    ];
    root.draw(&Rectangle::new(frame, INK.stroke_width(theme.px(1.0))))?;
    let r = theme.px(3.0) as i32;
    for &(x, y, k, train) in points {
        if !(x.is_finite() && y.is_finite()) || x < x0 || x > x1 || y < y0 || y > y1 {
            continue;
        }
        let p = to_px(x, y);
        let c = class_color(k);
        if train {
            root.draw(&Circle::new(p, r, c.filled()))?;
            root.draw(&Circle::new(p, r, WHITE.stroke_width(1)))?;
        } else {
            root.draw(&Circle::new(p, r, c.stroke_width(theme.px(1.5))))?;
        }
    }
    let font = theme.font(10.0);
    // nice ticks (plotters' 1-2-5 steps), fewer on a small square so their labels never touch
    let count = ((side / theme.px(60.0) as f64).floor() as usize).clamp(2, 6);
    let ticks = |v0: f64, v1: f64| -> Vec<f64> { RangedCoordf64::from(v0..v1).key_points(count) };
    let tick = INK.stroke_width(theme.px(1.0));
    let len = theme.px(3.0) as i32;
    for v in ticks(x0, x1) {
        let (px, _) = to_px(v, y0);
        root.draw(&PathElement::new(vec![(px, frame[1].1), (px, frame[1].1 + len)], tick))?;
        let style = font.clone().pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(linear_label(v, x1 - x0), (px, frame[1].1 + len + 1), style))?;
    }
    for v in ticks(y0, y1) {
        let (_, py) = to_px(x0, v);
        root.draw(&PathElement::new(vec![(frame[0].0 - len, py), (frame[0].0, py)], tick))?;
        let style = font.clone().pos(Pos::new(HPos::Right, VPos::Center));
        root.draw(&Text::new(linear_label(v, y1 - y0), (frame[0].0 - len - 2, py), style))?;
    }
    let style = theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw(&Text::new(
        title.to_string(),
        (frame[0].0, frame[0].1 - theme.px(4.0) as i32),
        style,
    ))?;
    Ok(())
}

/// The confusion matrix (and below it up to 24 misclassified 8 x 8 images when `images` holds
/// their pixels in [0, 1]).
pub fn draw_confusion<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    conf: Option<&Confusion>,
    images: &[(Vec<f64>, usize, usize)],
    title: &str,
    mistakes_title: &str,
    square: (f64, f64, f64),
    theme: &Theme,
) -> Result<(), ChartError> {
    let (left, top, side) = square;
    let bottom = top + side + theme.px(16.0) as f64;
    let matrix_side = if images.is_empty() { side } else { side * 0.58 };
    let size = fitting(title, side + theme.px(8.0) as f64, 12.0 * theme.scale) / theme.scale;
    let style = theme.font(size).pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw(&Text::new(title.to_string(), (left as i32, (top - 4.0) as i32), style))?;
    let Some(c) = conf else { return Ok(()) };
    let k = c.classes.max(1);
    let cell = matrix_side / k as f64;
    let small = theme.font(if cell > 18.0 { 10.0 } else { 8.0 });
    for t in 0..k {
        let row: usize = c.counts[t * k..(t + 1) * k].iter().sum();
        for p in 0..k {
            let n = c.counts[t * k + p];
            let share = n as f64 / row.max(1) as f64;
            let color = if t == p { series_color(2) } else { series_color(1) };
            let a = ((left + cell * p as f64) as i32, (top + cell * t as f64) as i32);
            let z = (
                (left + cell * (p + 1) as f64) as i32,
                (top + cell * (t + 1) as f64) as i32,
            );
            root.draw(&Rectangle::new([a, z], mix(color, 0.08 + 0.8 * share).filled()))?;
            if n > 0 && cell > 9.0 {
                let mid = ((a.0 + z.0) / 2, (a.1 + z.1) / 2);
                let s = small.clone().pos(Pos::new(HPos::Center, VPos::Center));
                root.draw(&Text::new(n.to_string(), mid, s))?;
            }
        }
        if cell > 9.0 {
            let s = small.clone().pos(Pos::new(HPos::Right, VPos::Center));
            let y = (top + cell * (t as f64 + 0.5)) as i32;
            root.draw(&Text::new(t.to_string(), ((left - 3.0) as i32, y), s))?;
            let s = small.clone().pos(Pos::new(HPos::Center, VPos::Top));
            let x = (left + cell * (t as f64 + 0.5)) as i32;
            root.draw(&Text::new(t.to_string(), (x, (top + matrix_side + 2.0) as i32), s))?;
        }
    }
    let frame = [
        (left as i32, top as i32),
        ((left + matrix_side) as i32, (top + matrix_side) as i32),
    ];
    root.draw(&Rectangle::new(frame, INK.stroke_width(theme.px(1.0))))?;
    if images.is_empty() {
        return Ok(());
    }
    let y_img = top + matrix_side + theme.px(30.0) as f64;
    let style = theme.font(11.0).pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw(&Text::new(
        mistakes_title.to_string(),
        (left as i32, (y_img - 3.0) as i32),
        style,
    ))?;
    let per_row = 8usize;
    let box_side = side / per_row as f64;
    let px = (box_side - 2.0).max(8.0) / 8.0;
    for (n, (img, t, p)) in images.iter().enumerate().take(24) {
        let (col, row) = (n % per_row, n / per_row);
        let ox = left + box_side * col as f64;
        let oy = y_img + (box_side + 10.0) * row as f64;
        if oy + box_side + 10.0 > bottom {
            break;
        }
        for (i, v) in img.iter().enumerate().take(64) {
            let (r, c) = (i / 8, i % 8);
            let g = (255.0 * (1.0 - v.clamp(0.0, 1.0))).round() as u8;
            let a = ((ox + px * c as f64) as i32, (oy + px * r as f64) as i32);
            let z = ((ox + px * (c + 1) as f64) as i32, (oy + px * (r + 1) as f64) as i32);
            root.draw(&Rectangle::new([a, z], RGBColor(g, g, g).filled()))?;
        }
        let s = theme.font(9.0).pos(Pos::new(HPos::Left, VPos::Top));
        root.draw(&Text::new(format!("{t}→{p}"), (ox as i32, (oy + 8.0 * px) as i32), s))?;
    }
    Ok(())
}

/// One line of the curves panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// `(epoch, value)` points.
    pub points: Vec<(f64, f64)>,
    /// Palette index.
    pub color: usize,
    /// Dashed-looking thin line (train) or solid (dev); `faint`: the per-mini-batch costs.
    pub faint: bool,
    /// Label at the right end.
    pub label: String,
}

/// A panel of curves over epochs with vertical marks.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvesPanel {
    /// Title.
    pub title: String,
    /// x range in epochs.
    pub x: (f64, f64),
    /// y range.
    pub y: (f64, f64),
    /// The curves.
    pub curves: Vec<Curve>,
    /// `(epoch, label)` of each mark.
    pub marks: Vec<(f64, String)>,
    /// x axis label.
    pub x_label: String,
}

/// Draws a curves panel.
pub fn draw_curves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &CurvesPanel,
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
        (panel.y.0, panel.y.0 + 1.0)
    };
    let (w, h) = area.dim_in_pixel();
    // the curve labels need the right margin; tick counts follow the panel's size so that
    // neighbouring labels never touch
    let x_labels = ((w as f64 / theme.px(70.0) as f64).floor() as usize).clamp(2, 6);
    let y_labels = ((h as f64 / theme.px(36.0) as f64).floor() as usize).clamp(2, 5);
    let x_area = if panel.x_label.is_empty() { 18.0 } else { 32.0 };
    let mut chart = ChartBuilder::on(area)
        .caption(
            panel.title.clone(),
            theme.font(fitting(&panel.title, 0.85 * w as f64 - theme.px(8.0) as f64, 11.0 * theme.scale) / theme.scale),
        )
        .margin(theme.px(4.0))
        .margin_right(theme.px(52.0))
        .x_label_area_size(theme.px(x_area))
        .y_label_area_size(theme.px(38.0))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let y_span = y1 - y0;
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        // the axis title as small as the tick labels: the panels are small
        .axis_desc_style(theme.font(10.0))
        .x_labels(x_labels)
        .y_labels(y_labels)
        .x_label_formatter(&|x| whole_label(*x))
        .y_label_formatter(&|y| linear_label(*y, y_span))
        .x_desc(panel.x_label.clone())
        .draw()?;
    let clip = |v: f64| v.clamp(y0, y1);
    for c in &panel.curves {
        let pts: Vec<(f64, f64)> = c
            .points
            .iter()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .map(|&(x, y)| (x, clip(y)))
            .collect();
        let color = series_color(c.color);
        let style = if c.faint {
            mix(color, 0.3).stroke_width(theme.px(1.0))
        } else {
            color.stroke_width(theme.px(2.0))
        };
        chart.draw_series(LineSeries::new(pts, style))?;
    }
    // backend_coord is in the root's pixels; `area` draws relative to its corner.
    let (bx, by) = area.get_base_pixel();
    let mark_color = RGBColor(120, 120, 120);
    for (n, (x, label)) in panel.marks.iter().enumerate() {
        if !(x0..=x1).contains(x) {
            continue;
        }
        chart.draw_series(LineSeries::new(
            [(*x, y0), (*x, y1)],
            mark_color.stroke_width(theme.px(1.0)),
        ))?;
        let (px, py) = chart.backend_coord(&(*x, y1));
        let (px, py) = (px - bx, py - by);
        let style = theme.font(9.0).color(&mark_color).pos(Pos::new(HPos::Left, VPos::Top));
        let dy = (n % 3) as i32 * theme.px(10.0) as i32;
        area.draw(&Text::new(label.clone(), (px + 2, py + 2 + dy), style))?;
    }
    let mut labels = Vec::new();
    for c in panel.curves.iter().filter(|c| !c.label.is_empty()) {
        if let Some(&(x, y)) = c.points.iter().rev().find(|p| p.1.is_finite()) {
            let (_, py) = chart.backend_coord(&(x, clip(y)));
            labels.push((py - by, c.label.clone(), series_color(c.color)));
        }
    }
    let (px, py) = chart.plotting_area().get_pixel_range();
    let x = px.end - bx + theme.px(4.0) as i32;
    super::draw_end_labels(area, x, (py.start - by, py.end - by), labels, theme)
}
