//! The figure of `view=minibatch`: the three descents' paths on the training cost's contour lines
//! (equal scales), the training cost above its minimum against the epoch (decade axis; one point
//! per iteration, so the noise floor of small batches shows) with the target as a dashed line,
//! and one strip per method with each iteration's batch cost `J^{t}` placed at its epoch (smooth
//! for the full batch, noisy for small batches; the strips share the x axis).
//!
//! Layout ([`layout`]): from 640 px wide the contour on the left and the cost and the strips on
//! the right; narrower, the contour and the cost side by side above the strips.
use super::lines::{decade_range, draw_line_panel, hline, Axis, LinePanel, Mark, Series};
use super::plane::{contour_plot_rect, draw_contour_panel, ContourPanel, Heading, PlanePath, Rect, Room};
use super::{padded_range, series_color, ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// Below this width the panels stack.
pub const WIDE: f64 = 640.0;
/// The most points drawn per run in the cost panel (four times as many in a strip).
pub const SAMPLES: usize = 300;

/// Indices `0..n` thinned to at most about `max`, evenly, always with the first and the last.
fn every(n: usize, max: usize) -> impl Iterator<Item = usize> {
    let step = n.div_ceil(max.max(1)).max(1);
    (0..n).filter(move |&t| t % step == 0 || t + 1 == n)
}

/// One method as drawn.
#[derive(Clone, Debug)]
pub struct RunFigure<'a> {
    /// Legend name ("mini-batch 64").
    pub name: String,
    /// Its strip's title ("mini-batch 64: 16 iterations per epoch") and a shorter form.
    pub strip: [String; 2],
    /// The weights visited.
    pub points: &'a [[f64; 2]],
    /// The epoch of each point (examples seen / m).
    pub epochs: Vec<f64>,
    /// The batch cost of each iteration (at the point before its step).
    pub batch_costs: &'a [f64],
    /// `J(w) - J*` at each point.
    pub excess: Vec<f64>,
    /// Whether it diverged.
    pub diverged: bool,
}

/// The words of the figure.
#[derive(Clone, Copy, Debug)]
pub struct MinibatchChartWords<'a> {
    /// `w₁`.
    pub w1: &'a str,
    /// `w₂`.
    pub w2: &'a str,
    /// The contour panel's title, and a shorter form.
    pub paths: [&'a str; 2],
    /// The cost panel's title, and a shorter form.
    pub cost: [&'a str; 2],
    /// The shared x axis.
    pub epoch: &'a str,
    /// The strips' y axis.
    pub batch_cost: &'a str,
}

/// Everything the figure shows.
#[derive(Clone, Debug)]
pub struct MinibatchChartData<'a> {
    /// Batch, mini-batch, stochastic.
    pub runs: Vec<RunFigure<'a>>,
    /// Weight window (square).
    pub x: (f64, f64),
    /// See `x`.
    pub y: (f64, f64),
    /// Iso-lines.
    pub levels: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// `w*`.
    pub optimum: [f64; 2],
    /// The start.
    pub start: [f64; 2],
    /// The target's height above the minimum.
    pub target_excess: f64,
    /// Epochs run.
    pub epochs: f64,
    /// The cost panel's note (what the dashed target line is), and a shorter form.
    pub target_note: [String; 2],
    /// Words.
    pub words: MinibatchChartWords<'a>,
}

/// Where each panel goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MinibatchLayout {
    /// The contour cell and its square plot.
    pub contour: (Rect, Rect),
    /// The cost per epoch.
    pub cost: Rect,
    /// The three strips, top to bottom.
    pub strips: [Rect; 3],
}

/// The height the figure wants at `width`.
pub fn height_for(width: f64) -> f64 {
    if width >= WIDE {
        width * 0.52
    } else {
        width * 1.2
    }
}

/// The panels of a `width x height` figure (output pixels).
pub fn layout(width: f64, height: f64, theme: &Theme) -> MinibatchLayout {
    let all = Rect::new(0.0, 0.0, width, height);
    let (contour, cost, strips) = if width >= WIDE {
        let right = all.cols(0.42, 1.0);
        (all.cols(0.0, 0.42), right.rows(0.0, 0.45), right.rows(0.45, 1.0))
    } else {
        let top = all.rows(0.0, 0.5);
        (top.cols(0.0, 0.5), top.cols(0.5, 1.0), all.rows(0.5, 1.0))
    };
    // the strips share one x axis: only the last has its labels below it
    let px = |v: f64| theme.px(v) as f64;
    let labels = px(Room::strip(true).bottom) - px(Room::strip(false).bottom);
    let each = (strips.h - labels) / 3.0;
    let strip = |k: usize| {
        let extra = if k == 2 { labels } else { 0.0 };
        Rect::new(strips.x, strips.y + k as f64 * each, strips.w, each + extra)
    };
    MinibatchLayout {
        contour: (contour, contour_plot_rect(contour, Some(1.0), theme)),
        cost,
        strips: [strip(0), strip(1), strip(2)],
    }
}

/// Draws the figure.
pub fn draw_minibatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &MinibatchChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let l = layout(w as f64, h as f64, theme);
    let words = &data.words;
    // the stochastic path first, so the smoother ones stay visible on top of its cloud
    let paths = (0..data.runs.len())
        .rev()
        .map(|k| {
            let r = &data.runs[k];
            PlanePath {
                points: r.points,
                color: series_color(k),
                width: if k == 2 { 1.0 } else { 2.0 },
                dots: r.points.len() <= 40,
                diverged: r.diverged,
            }
        })
        .collect();
    let (cell, plot) = l.contour;
    draw_contour_panel(
        root,
        cell,
        plot,
        &ContourPanel {
            heading: Heading {
                title: words.paths[0],
                short: words.paths[1],
                note: "",
                note_short: "",
                color: super::INK,
            },
            x_desc: words.w1,
            y_desc: words.w2,
            x: data.x,
            y: data.y,
            levels: data.levels,
            paths,
            minima: std::slice::from_ref(&data.optimum),
            saddles: &[],
            start: Some(data.start),
            legend: Vec::new(),
        },
        theme,
    )?;
    let x = (0.0, data.epochs.max(1e-9));
    // the cost above the minimum per iteration, on decades
    // at most SAMPLES evenly spaced iterations per run: every iteration of a stochastic run
    // would be a wall of noise, its samples show the same spread
    let logs: Vec<Vec<(f64, f64)>> = data
        .runs
        .iter()
        .map(|r| {
            every(r.excess.len(), SAMPLES)
                .map(|t| (r.epochs[t], r.excess[t]))
                .filter(|(_, e)| *e > 0.0 && e.is_finite())
                .map(|(t, e)| (t, e.log10()))
                .collect()
        })
        .collect();
    let target = data.target_excess.max(1e-300).log10();
    let (mut lo, mut hi) = (target, target);
    for p in logs.iter().flatten() {
        lo = lo.min(p.1);
        hi = hi.max(p.1);
    }
    let (ylo, yhi) = decade_range(lo.max(hi - 10.0), hi, 0.2);
    let mut series: Vec<Series> = logs
        .into_iter()
        .enumerate()
        .rev()
        .map(|(k, points)| Series {
            points,
            color: series_color(k),
            mark: if k == 2 { Mark::Faint } else { Mark::Line },
            bars: Vec::new(),
        })
        .collect();
    series.push(hline(x, target, super::INK));
    draw_line_panel(
        root,
        l.cost,
        &LinePanel {
            heading: Heading {
                title: words.cost[0],
                short: words.cost[1],
                note: &data.target_note[0],
                note_short: &data.target_note[1],
                color: super::INK,
            },
            x_desc: words.epoch,
            y_desc: "",
            x,
            y: (ylo, yhi),
            x_axis: Axis::Linear,
            y_axis: Axis::Decades,
            series,
            legend: Vec::new(),
            room: Room::PANEL,
        },
        theme,
    )?;
    // the batch costs, one strip per method on one y range: up to 1.6 times the largest cost of
    // the smoothest run, so the spikes of single examples are cut rather than flatten the rest
    let smooth = data.runs.first().map_or(&[][..], |r| r.batch_costs);
    let (_, top) = padded_range(smooth, 0.0);
    let top = 1.6 * top;
    for (k, r) in data.runs.iter().enumerate() {
        let points: Vec<(f64, f64)> = every(r.batch_costs.len(), 4 * SAMPLES)
            .map(|t| (r.epochs[t], r.batch_costs[t]))
            .collect();
        let mark = if points.len() <= 60 { Mark::Line } else { Mark::Faint };
        let mut series = vec![Series {
            points: points.clone(),
            color: series_color(k),
            mark,
            bars: Vec::new(),
        }];
        if points.len() <= 60 {
            series.push(Series {
                points,
                color: series_color(k),
                mark: Mark::Dots,
                bars: Vec::new(),
            });
        }
        draw_line_panel(
            root,
            l.strips[k],
            &LinePanel {
                heading: Heading {
                    title: &r.strip[0],
                    short: &r.strip[1],
                    note: "",
                    note_short: "",
                    color: series_color(k),
                },
                x_desc: words.epoch,
                y_desc: "",
                x,
                y: (0.0, top.max(1e-9)),
                x_axis: Axis::Linear,
                y_axis: Axis::Linear,
                series,
                legend: Vec::new(),
                room: Room::strip(k == 2),
            },
            theme,
        )?;
    }
    // one y-axis title for the three strips, along their left edge
    let (top, bottom) = (
        l.strips[0].y,
        l.strips[2].y + l.strips[2].h - theme.px(Room::strip(true).bottom) as f64,
    );
    let style = theme
        .font(11.0)
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let x = l.strips[0].x + theme.px(2.0) as f64;
    root.draw(&Text::new(
        words.batch_cost.to_string(),
        (x as i32, ((top + bottom) / 2.0) as i32),
        style,
    ))?;
    Ok(())
}
