//! Figures of `view=tuning`: the validation curves of every trial (Optuna's "intermediate
//! values"), the trials in the (log lr, log weight decay) plane coloured by validation accuracy,
//! and the best trials as small multiples (training dashed, validation solid, as DLFS's
//! `hyperparameter_optimization` plots them). The words come in as data ([`CurvesWords`],
//! [`ScatterWords`], the small multiples' heading and labels).
//!
//! Sizes are in CSS pixels times [`Theme::scale`]. The small multiples keep a readable cell
//! ([`MultiplesGrid`]: 5 across on a laptop, 2 or 1 on a phone) and the figure grows with the
//! rows ([`multiples_height`]); a figure given less height shows the best that fit. The scatter's
//! axes are log10 values labelled by decade ([`decade_label`]) and [`draw_scatter`] returns where
//! each trial landed, so the page can say which trial is under the pointer.
use super::measure::text_size;
use super::ticks::{decade_label, linear_label, whole_label};
use super::{series_color, ChartError, Theme, DATA_GREY, INK};
use crate::core::math::format::pct;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One trial's curves.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// First line of its small multiple (trial and validation accuracy).
    pub title: String,
    /// Second line of its small multiple (its hyperparameters).
    pub detail: String,
    /// Training accuracy per epoch.
    pub train: Vec<f64>,
    /// Validation accuracy per epoch.
    pub val: Vec<f64>,
    /// Highlighted (one of the best).
    pub best: bool,
}

/// The words of the curves panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvesWords<'a> {
    /// Title.
    pub title: &'a str,
    /// x-axis title (epochs).
    pub x_desc: &'a str,
    /// y-axis title (validation accuracy).
    pub y_desc: &'a str,
}

/// The words of the scatter panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScatterWords<'a> {
    /// Title.
    pub title: &'a str,
    /// x-axis title (learning rate, log scale).
    pub x_desc: &'a str,
    /// y-axis title (weight decay, log scale).
    pub y_desc: &'a str,
    /// The colour bar's title (validation accuracy), one line per `\n` (at most two).
    pub colour_bar: &'a str,
    /// Beside the cross that marks a diverged trial.
    pub diverged: &'a str,
}

/// One point of the scatter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dot {
    /// log10 learning rate.
    pub x: f64,
    /// log10 weight decay.
    pub y: f64,
    /// Validation accuracy in [0, 1].
    pub acc: f64,
    /// From the current round (drawn larger).
    pub current: bool,
    /// The run diverged (drawn as a cross).
    pub diverged: bool,
}

/// Sequential colour for an accuracy in [0, 1]: pale yellow to dark blue (a viridis-like ramp,
/// readable in grey scale: lightness falls monotonically).
pub fn acc_color(a: f64) -> RGBColor {
    const STOPS: [(f64, (u8, u8, u8)); 4] = [
        (0.0, (253, 231, 37)),
        (0.4, (94, 201, 98)),
        (0.7, (33, 145, 140)),
        (1.0, (59, 28, 140)),
    ];
    let a = if a.is_finite() { a.clamp(0.0, 1.0) } else { 0.0 };
    for w in STOPS.windows(2) {
        let ((t0, c0), (t1, c1)) = (w[0], w[1]);
        if a <= t1 {
            let u = (a - t0) / (t1 - t0);
            let mix = |p: u8, q: u8| (p as f64 + u * (q as f64 - p as f64)).round() as u8;
            return RGBColor(mix(c0.0, c1.0), mix(c0.1, c1.1), mix(c0.2, c1.2));
        }
    }
    RGBColor(59, 28, 140)
}

/// The title size: 13 CSS px, smaller (down to 11) when the title would not fit `width` pixels.
fn title_font(theme: &Theme, title: &str, width: u32) -> TextStyle<'static> {
    let room = width as f64 - 2.0 * theme.px(6.0) as f64;
    let size = [13.0, 12.0, 11.0]
        .into_iter()
        .find(|&s| text_size(title, s * theme.scale).0 as f64 <= room)
        .unwrap_or(11.0);
    theme.font(size)
}

/// Validation accuracy over epochs of every trial; the best drawn thick in colour.
pub fn draw_curves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    words: &CurvesWords,
    curves: &[Curve],
    epochs: usize,
    theme: &Theme,
) -> Result<(), ChartError> {
    let mut chart = ChartBuilder::on(area)
        .caption(words.title, title_font(theme, words.title, area.dim_in_pixel().0))
        .margin(theme.px(6.0))
        .margin_right(theme.px(12.0))
        .x_label_area_size(theme.px(34.0))
        .y_label_area_size(theme.px(46.0))
        .build_cartesian_2d(1.0..epochs.max(2) as f64, 0.0..1.0)?;
    let whole = |x: &f64| whole_label(*x);
    let share = |y: &f64| linear_label(*y, 1.0);
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        // axis titles as large as the tick labels here (the mesh's default is one pixel more)
        .axis_desc_style(theme.font(11.0))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&whole)
        .y_label_formatter(&share)
        .x_desc(words.x_desc)
        .y_desc(words.y_desc)
        .draw()?;
    for c in curves.iter().filter(|c| !c.best) {
        chart.draw_series(LineSeries::new(
            points(&c.val),
            DATA_GREY.mix(0.6).stroke_width(theme.px(1.0)),
        ))?;
    }
    for (i, c) in curves.iter().filter(|c| c.best).enumerate() {
        let color = series_color(i % 7);
        chart.draw_series(LineSeries::new(points(&c.val), color.stroke_width(theme.px(2.0))))?;
    }
    Ok(())
}

/// A curve's points: epoch `e + 1` for value `e`.
fn points(v: &[f64]) -> Vec<(f64, f64)> {
    v.iter().enumerate().map(|(e, &a)| ((e + 1) as f64, a)).collect()
}

/// The log10 axis from `lo` to `hi` padded by 0.2 on each side, widened to whole decades when it
/// would hold fewer than two (so it always has two decade labels).
pub fn decade_axis(lo: f64, hi: f64) -> (f64, f64) {
    let (a, b) = (lo - 0.2, hi + 0.2);
    if b.floor() - a.ceil() >= 1.0 {
        return (a, b);
    }
    let (a, b) = (a.min(lo.floor()), b.max(hi.ceil()));
    if b.floor() - a.ceil() >= 1.0 {
        (a, b)
    } else {
        (a, a.ceil() + 1.0)
    }
}

/// How many ticks to ask of plotters on a log10 axis from `lo` to `hi`: one per whole decade,
/// at most seven. Plotters then steps by 1 (or 2, 5 decades): every tick at a decade, and
/// [`decade_label`] writes it; a tick between decades would stay unlabelled.
fn decade_ticks(lo: f64, hi: f64) -> usize {
    ((hi.floor() - lo.ceil()) as usize + 1).clamp(2, 7)
}

/// The trials in the (log10 lr, log10 weight decay) plane coloured by validation accuracy,
/// with a colour bar; a diverged run is a vermillion cross. `x` and `y` are log10 ranges (see
/// [`decade_axis`]). Returns where each dot of `dots` was drawn, in the backend's pixels (the
/// page's trial readout).
pub fn draw_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    words: &ScatterWords,
    dots: &[Dot],
    x: (f64, f64),
    y: (f64, f64),
    theme: &Theme,
) -> Result<Vec<(i32, i32)>, ChartError> {
    let w = area.dim_in_pixel().0;
    let (plot, bar) = area.split_horizontally(w.saturating_sub(theme.px(74.0)));
    let mut chart = ChartBuilder::on(&plot)
        .caption(words.title, title_font(theme, words.title, w))
        .margin(theme.px(6.0))
        .margin_right(theme.px(14.0))
        .x_label_area_size(theme.px(36.0))
        .y_label_area_size(theme.px(48.0))
        .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
    let label = |v: &f64| decade_label(10f64.powf(*v));
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .axis_desc_style(theme.font(11.0))
        .x_labels(decade_ticks(x.0, x.1))
        .y_labels(decade_ticks(y.0, y.1))
        .x_label_formatter(&label)
        .y_label_formatter(&label)
        .x_desc(words.x_desc)
        .y_desc(words.y_desc)
        .draw()?;
    // earlier rounds under the current one, each dot drawn once
    let order: Vec<usize> = (0..dots.len())
        .filter(|&i| !dots[i].current)
        .chain((0..dots.len()).filter(|&i| dots[i].current))
        .collect();
    let cross = series_color(1).stroke_width(theme.px(1.5));
    for &i in &order {
        let d = dots[i];
        let r = theme.px(if d.current { 4.5 } else { 3.0 });
        if d.diverged {
            chart.draw_series(std::iter::once(Cross::new((d.x, d.y), r, cross)))?;
            continue;
        }
        chart.draw_series(std::iter::once(Circle::new((d.x, d.y), r, acc_color(d.acc).filled())))?;
        chart.draw_series(std::iter::once(Circle::new(
            (d.x, d.y),
            r,
            INK.mix(0.5).stroke_width(1),
        )))?;
    }
    let at: Vec<(i32, i32)> = dots.iter().map(|d| chart.backend_coord(&(d.x, d.y))).collect();
    colour_bar(&bar, words, theme)?;
    Ok(at)
}

/// The colour bar beside the scatter: 0% at the bottom, 100% at the top, and the cross of a
/// diverged trial under it.
fn colour_bar<DB: DrawingBackend>(
    bar: &DrawingArea<DB, Shift>,
    words: &ScatterWords,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (bw, bh) = bar.dim_in_pixel();
    let top = theme.px(40.0) as i32;
    // the page's progress line floats over the figure's bottom right corner: the bar and the
    // diverged cross stay above it
    let bottom = bh as i32 - theme.px(84.0) as i32;
    let left = theme.px(10.0) as i32;
    let right = (left + theme.px(14.0) as i32).min(bw as i32);
    let steps = 40;
    let yy = |a: f64| bottom - ((bottom - top) as f64 * a).round() as i32;
    for s in 0..steps {
        let (a0, a1) = (s as f64 / steps as f64, (s + 1) as f64 / steps as f64);
        bar.draw(&Rectangle::new(
            [(left, yy(a1)), (right, yy(a0))],
            acc_color((a0 + a1) / 2.0).filled(),
        ))?;
    }
    let style = theme.font(10.0).pos(Pos::new(HPos::Left, VPos::Center));
    for a in [0.0, 0.5, 1.0] {
        bar.draw(&Text::new(pct(a), (right + theme.px(3.0) as i32, yy(a)), style.clone()))?;
    }
    // the title over the bar, one line per `\n`, the last just above it
    let lines: Vec<&str> = words.colour_bar.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let up = theme.px(12.0 * (lines.len() - i) as f64) as i32;
        bar.draw(&Text::new(
            line.to_string(),
            (theme.px(2.0) as i32, top - up),
            style.clone(),
        ))?;
    }
    let cy = bottom + theme.px(26.0) as i32;
    let cx = left + theme.px(7.0) as i32;
    bar.draw(&Cross::new(
        (cx, cy),
        theme.px(4.5),
        series_color(1).stroke_width(theme.px(1.5)),
    ))?;
    bar.draw(&Text::new(
        words.diverged.to_string(),
        (right + theme.px(3.0) as i32, cy),
        style,
    ))?;
    Ok(())
}

/// The heading line above the small multiples, in CSS pixels.
pub const MULTIPLES_HEAD: f64 = 22.0;
/// The narrowest small multiple, in CSS pixels: 5 across from 850 px, 2 on a 390 px phone.
pub const MIN_CELL_WIDTH: f64 = 170.0;
/// The most small multiples side by side.
pub const MAX_COLUMNS: usize = 5;

/// How the small multiples lie in a figure: `cols` across, `rows` down, the first `shown` of the
/// curves (all that fit), each cell `cell` pixels high.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MultiplesGrid {
    /// Cells across.
    pub cols: usize,
    /// Rows drawn.
    pub rows: usize,
    /// Curves drawn (the best first).
    pub shown: usize,
    /// A cell's height in output pixels.
    pub cell: u32,
}

/// Columns for `n` small multiples in `width` CSS pixels: as many cells of [`MIN_CELL_WIDTH`]
/// as fit, at most [`MAX_COLUMNS`] and `n`, at least one.
fn columns(width: f64, n: usize) -> usize {
    ((width / MIN_CELL_WIDTH).floor() as usize)
        .clamp(1, MAX_COLUMNS)
        .min(n.max(1))
}

/// A cell's height for its width, in CSS pixels: room for two title lines and a plot.
fn cell_height(cell_width: f64) -> f64 {
    (0.62 * cell_width).clamp(112.0, 150.0)
}

/// The height in CSS pixels that `n` small multiples need in a figure `width` CSS pixels wide
/// (whole pixels, rounded up).
pub fn multiples_height(width: f64, n: usize) -> f64 {
    let cols = columns(width, n);
    (MULTIPLES_HEAD + n.max(1).div_ceil(cols) as f64 * cell_height(width / cols as f64)).ceil()
}

/// The grid of `n` small multiples in an area of `size` output pixels: the columns its width
/// gives, and as many rows as its height holds (at least one).
pub fn multiples_grid(size: (u32, u32), n: usize, theme: &Theme) -> MultiplesGrid {
    let (w, h) = (size.0 as f64 / theme.scale, size.1 as f64 / theme.scale);
    let cols = columns(w, n);
    let cell = cell_height(w / cols as f64);
    // a pixel of slack: a height rounded to whole pixels still holds its rows
    let fit = (((h - MULTIPLES_HEAD + 1.0) / cell).floor() as usize).max(1);
    let rows = n.div_ceil(cols).min(fit);
    MultiplesGrid {
        cols,
        rows,
        shown: n.min(rows * cols),
        cell: theme.px(cell),
    }
}

/// The first `grid.shown` of the best trials as small multiples (see [`multiples_grid`]):
/// training accuracy dashed, validation solid, each titled by its two lines.
pub fn draw_multiples<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    head: &str,
    curves: &[Curve],
    grid: MultiplesGrid,
    epochs: usize,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (top, body) = area.split_vertically(theme.px(MULTIPLES_HEAD));
    top.draw(&Text::new(
        head.to_string(),
        (theme.px(6.0) as i32, theme.px(MULTIPLES_HEAD / 2.0) as i32),
        title_font(theme, head, area.dim_in_pixel().0).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    let shown = grid.shown.min(curves.len());
    if shown == 0 {
        return Ok(());
    }
    let (body, _) = body.split_vertically(grid.cell * grid.rows as u32);
    let cells = body.split_evenly((grid.rows, grid.cols));
    let e = epochs.max(2) as f64;
    let color = series_color(0);
    let line = theme.px(12.0) as i32;
    for (cell, c) in cells.iter().zip(&curves[..shown]) {
        let style = theme.font(10.0).pos(Pos::new(HPos::Left, VPos::Top));
        let x0 = theme.px(4.0) as i32;
        cell.draw(&Text::new(c.title.clone(), (x0, theme.px(2.0) as i32), style.clone()))?;
        cell.draw(&Text::new(c.detail.clone(), (x0, theme.px(2.0) as i32 + line), style))?;
        let mut chart = ChartBuilder::on(cell)
            .margin_top(theme.px(30.0))
            .margin_left(theme.px(2.0))
            .margin_right(theme.px(12.0))
            .margin_bottom(theme.px(2.0))
            .x_label_area_size(theme.px(16.0))
            .y_label_area_size(theme.px(32.0))
            .build_cartesian_2d(1.0..e, 0.0..1.0)?;
        let whole = |x: &f64| whole_label(*x);
        let share = |y: &f64| pct(*y);
        theme
            .mesh(&mut chart.configure_mesh(), 10.0)
            .x_labels(3)
            .y_labels(3)
            .x_label_formatter(&whole)
            .y_label_formatter(&share)
            .draw()?;
        chart.draw_series(DashedLineSeries::new(
            points(&c.train),
            theme.px(4.0),
            theme.px(3.0),
            color.mix(0.8).stroke_width(theme.px(1.0)),
        ))?;
        chart.draw_series(LineSeries::new(points(&c.val), color.stroke_width(theme.px(1.5))))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decade_axis_always_holds_two_decades() {
        assert_eq!(decade_axis(-6.0, -2.0), (-6.2, -1.8));
        let (a, b) = decade_axis(-3.4, -3.1);
        assert!(b.floor() - a.ceil() >= 1.0, "{a} {b}");
        let (a, b) = decade_axis(-3.0, -3.0);
        assert!(b.floor() - a.ceil() >= 1.0, "{a} {b}");
        assert_eq!(decade_ticks(-6.2, -1.8), 5);
        assert_eq!(decade_ticks(-10.2, 1.2), 7);
    }

    #[test]
    fn small_multiples_reflow_instead_of_shrinking() {
        let t = Theme::default();
        let laptop = multiples_grid((1000, multiples_height(1000.0, 20) as u32), 20, &t);
        assert_eq!((laptop.cols, laptop.rows, laptop.shown), (5, 4, 20));
        let phone = multiples_grid((372, multiples_height(372.0, 20) as u32), 20, &t);
        assert_eq!((phone.cols, phone.rows, phone.shown), (2, 10, 20));
        assert!(phone.cell >= 112);
        // a figure given less height shows the best that fit, in cells of the same size
        let short = multiples_grid((372, 400), 20, &t);
        assert_eq!((short.cols, short.shown, short.cell), (2, 2 * short.rows, phone.cell));
        assert_eq!(multiples_grid((300, 400), 20, &t).cols, 1);
        assert_eq!(multiples_grid((1000, 600), 3, &t).cols, 3);
    }
}
