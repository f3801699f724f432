//! Figures of `view=tuning`: the validation curves of every trial (Optuna's "intermediate
//! values"), the trials in the (log lr, log weight decay) plane coloured by validation accuracy,
//! and the best trials as small multiples (training dashed, validation solid, as DLFS's
//! `hyperparameter_optimization` plots them). The words come in as data ([`CurvesWords`],
//! [`ScatterWords`], the small multiples' heading and labels).
use super::{series_color, ChartError, Theme, DATA_GREY, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One trial's curves.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Title (small multiples) or label.
    pub label: String,
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
    /// x-axis title (log10 learning rate).
    pub x_desc: &'a str,
    /// y-axis title (log10 weight decay).
    pub y_desc: &'a str,
    /// The colour bar's title (validation accuracy).
    pub colour_bar: &'a str,
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

fn axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    title: &str,
    x: (f64, f64),
    y: (f64, f64),
    small: bool,
    theme: &Theme,
) -> Result<
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>,
    ChartError,
> {
    let chart = ChartBuilder::on(area)
        .caption(title, theme.font(if small { 10.0 } else { 13.0 }))
        .margin(theme.px(if small { 2.0 } else { 6.0 }))
        .margin_right(theme.px(if small { 4.0 } else { 12.0 }))
        .x_label_area_size(theme.px(if small { 12.0 } else { 34.0 }))
        .y_label_area_size(theme.px(if small { 24.0 } else { 46.0 }))
        .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
    Ok(chart)
}

/// Validation accuracy over epochs of every trial; the best drawn thick in colour.
pub fn draw_curves<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    words: &CurvesWords,
    curves: &[Curve],
    epochs: usize,
    theme: &Theme,
) -> Result<(), ChartError> {
    let mut chart = axes(area, words.title, (1.0, epochs.max(2) as f64), (0.0, 1.0), false, theme)?;
    let whole = |x: &f64| format!("{x:.0}");
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        // axis titles as large as the tick labels here (the mesh's default is one pixel more)
        .axis_desc_style(theme.font(11.0))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&whole)
        .x_desc(words.x_desc)
        .y_desc(words.y_desc)
        .draw()?;
    let pts = |v: &[f64]| {
        v.iter()
            .enumerate()
            .map(|(e, &a)| ((e + 1) as f64, a))
            .collect::<Vec<_>>()
    };
    for c in curves.iter().filter(|c| !c.best) {
        chart.draw_series(LineSeries::new(
            pts(&c.val),
            DATA_GREY.mix(0.6).stroke_width(theme.px(1.0)),
        ))?;
    }
    for (i, c) in curves.iter().filter(|c| c.best).enumerate() {
        let color = series_color(i % 7);
        chart.draw_series(LineSeries::new(pts(&c.val), color.stroke_width(theme.px(2.0))))?;
    }
    Ok(())
}

/// The trials in the (log10 lr, log10 weight decay) plane coloured by validation accuracy,
/// with a colour bar; a diverged run is a vermillion cross.
pub fn draw_scatter<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    words: &ScatterWords,
    dots: &[Dot],
    x: (f64, f64),
    y: (f64, f64),
    theme: &Theme,
) -> Result<(), ChartError> {
    let w = area.dim_in_pixel().0;
    let (plot, bar) = area.split_horizontally(w.saturating_sub(theme.px(70.0)));
    let mut chart = axes(&plot, words.title, x, y, false, theme)?;
    let fmt = |v: &f64| format!("1e{}", v.round() as i64);
    theme
        .mesh(&mut chart.configure_mesh(), 11.0)
        .axis_desc_style(theme.font(11.0))
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&fmt)
        .y_label_formatter(&fmt)
        .x_desc(words.x_desc)
        .y_desc(words.y_desc)
        .draw()?;
    for d in dots
        .iter()
        .filter(|d| !d.current)
        .chain(dots.iter().filter(|d| d.current))
    {
        let r = theme.px(if d.current { 4.5 } else { 3.0 });
        if d.diverged {
            let style = super::series_color(1).stroke_width(theme.px(1.5));
            chart.draw_series(std::iter::once(Cross::new((d.x, d.y), r, style)))?;
            continue;
        }
        chart.draw_series(std::iter::once(Circle::new((d.x, d.y), r, acc_color(d.acc).filled())))?;
        chart.draw_series(std::iter::once(Circle::new(
            (d.x, d.y),
            r,
            INK.mix(0.5).stroke_width(1),
        )))?;
    }
    // colour bar: 0 at the bottom, 1 at the top
    let (bw, bh) = bar.dim_in_pixel();
    let top = theme.px(30.0) as i32;
    let bottom = bh as i32 - theme.px(40.0) as i32;
    let left = theme.px(14.0) as i32;
    let right = (left + theme.px(14.0) as i32).min(bw as i32);
    let steps = 40;
    for s in 0..steps {
        let (a0, a1) = (s as f64 / steps as f64, (s + 1) as f64 / steps as f64);
        let yy = |a: f64| bottom - ((bottom - top) as f64 * a).round() as i32;
        bar.draw(&Rectangle::new(
            [(left, yy(a1)), (right, yy(a0))],
            acc_color((a0 + a1) / 2.0).filled(),
        ))?;
    }
    let style = theme.font(10.0).pos(Pos::new(HPos::Left, VPos::Center));
    for (a, t) in [(0.0, "0"), (0.5, "0.5"), (1.0, "1")] {
        let yy = bottom - ((bottom - top) as f64 * a).round() as i32;
        bar.draw(&Text::new(t, (right + theme.px(3.0) as i32, yy), style.clone()))?;
    }
    bar.draw(&Text::new(
        words.colour_bar.to_string(),
        (left, top - theme.px(12.0) as i32),
        theme.font(10.0).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

/// The best trials as small multiples: training accuracy dashed, validation solid.
pub fn draw_multiples<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    head: &str,
    curves: &[Curve],
    epochs: usize,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (top, body) = area.split_vertically(theme.px(20.0));
    top.draw(&Text::new(
        head.to_string(),
        (theme.px(6.0) as i32, theme.px(10.0) as i32),
        theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    if curves.is_empty() {
        return Ok(());
    }
    let n = curves.len();
    let cols = (n as f64).sqrt().ceil().max(1.0) as usize;
    let cols = if n > 4 { cols.max(5).min(n) } else { cols };
    let rows = n.div_ceil(cols);
    let color = series_color(0);
    for (cell, c) in body.split_evenly((rows, cols)).iter().zip(curves) {
        let mut chart = axes(cell, &c.label, (1.0, epochs.max(2) as f64), (0.0, 1.0), true, theme)?;
        let whole = |x: &f64| format!("{x:.0}");
        theme
            .mesh(&mut chart.configure_mesh(), 9.0)
            .x_labels(2)
            .y_labels(2)
            .x_label_formatter(&whole)
            .draw()?;
        let pts = |v: &[f64]| {
            v.iter()
                .enumerate()
                .map(|(e, &a)| ((e + 1) as f64, a))
                .collect::<Vec<_>>()
        };
        chart.draw_series(DashedLineSeries::new(
            pts(&c.train),
            theme.px(4.0),
            theme.px(3.0),
            color.mix(0.8).stroke_width(theme.px(1.0)),
        ))?;
        chart.draw_series(LineSeries::new(pts(&c.val), color.stroke_width(theme.px(1.5))))?;
    }
    Ok(())
}
