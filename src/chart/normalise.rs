//! The figure of `view=normalise`: the training cost's contour lines over `(w1, w2)` for the raw
//! and the transformed features side by side (equal scales on both axes, so a round bowl looks
//! round), each with the same gradient-descent path; the cost above its minimum per step for
//! both (decade axis); and, where there is room, the data in both spaces (training rows grey,
//! test rows transformed with the training statistics as rings).
//!
//! Layout ([`layout`]), a pure function of the size: from 640 px wide three columns (the two
//! contour panels, their data panels below them, the cost per step on the right); narrower, the
//! two contour panels side by side above the cost per step, and the data panels only when the
//! figure is tall enough.
use super::legend::{LegendEntry, LegendMark};
use super::lines::{decade_range, draw_line_panel, Axis, LinePanel, Mark, Series};
use super::plane::{contour_plot_rect, draw_contour_panel, ContourPanel, Heading, PlanePath, Rect, Room};
use super::{series_color, ChartError, Theme, DATA_GREY};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Below this width the panels stack.
pub const WIDE: f64 = 640.0;

/// One feature space as drawn.
#[derive(Clone, Debug)]
pub struct SpaceFigure<'a> {
    /// Panel title.
    pub title: String,
    /// The bowl's numbers under it, and a shorter form.
    pub note: [String; 2],
    /// Weight window (square).
    pub x: (f64, f64),
    /// See `x`.
    pub y: (f64, f64),
    /// Iso-lines.
    pub levels: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// The descent.
    pub path: &'a [[f64; 2]],
    /// Whether it diverged.
    pub diverged: bool,
    /// `J_t - J*` per step.
    pub excess: Vec<f64>,
    /// The least-squares weights.
    pub optimum: [f64; 2],
    /// Training features.
    pub train: &'a [[f64; 2]],
    /// Test features.
    pub test: &'a [[f64; 2]],
    /// The data panel's title, and a shorter form.
    pub data_title: [String; 2],
}

/// The words of the figure.
#[derive(Clone, Copy, Debug)]
pub struct NormaliseChartWords<'a> {
    /// `w₁`.
    pub w1: &'a str,
    /// `w₂`.
    pub w2: &'a str,
    /// `x₁`.
    pub x1: &'a str,
    /// `x₂`.
    pub x2: &'a str,
    /// The cost panel's title, and a shorter form.
    pub cost_title: [&'a str; 2],
    /// Its x-axis title.
    pub step: &'a str,
    /// Legend: training rows.
    pub train: &'a str,
    /// Legend: test rows.
    pub test: &'a str,
}

/// Everything the figure shows.
#[derive(Clone, Debug)]
pub struct NormaliseChartData<'a> {
    /// Raw, then transformed.
    pub spaces: [SpaceFigure<'a>; 2],
    /// The start of both paths.
    pub start: [f64; 2],
    /// Legend names of the two paths in the cost panel.
    pub names: [String; 2],
    /// Words.
    pub words: NormaliseChartWords<'a>,
}

/// Where each panel goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormaliseLayout {
    /// The contour cells and their square plots, raw then transformed.
    pub contours: [(Rect, Rect); 2],
    /// The cost per step.
    pub cost: Rect,
    /// The data panels, when there is room.
    pub data: Option<[Rect; 2]>,
}

/// The height the figure wants at `width`.
pub fn height_for(width: f64) -> f64 {
    if width >= WIDE {
        width * 0.6
    } else {
        width * 1.35
    }
}

/// The panels of a `width x height` figure (output pixels).
pub fn layout(width: f64, height: f64, theme: &Theme) -> NormaliseLayout {
    let all = Rect::new(0.0, 0.0, width, height);
    let square = |cell: Rect| (cell, contour_plot_rect(cell, Some(1.0), theme));
    if width >= WIDE {
        let (left, right) = (all.cols(0.0, 0.72), all.cols(0.72, 1.0));
        let (top, below) = left.cut_top(height * 0.68);
        NormaliseLayout {
            contours: [square(top.cols(0.0, 0.5)), square(top.cols(0.5, 1.0))],
            cost: right,
            data: Some([below.cols(0.0, 0.5), below.cols(0.5, 1.0)]),
        }
    } else {
        // two squares of half the width, then the cost, then (if tall enough) the data
        let side = (width / 2.0 + theme.px(24.0) as f64).min(height * 0.55);
        let (top, rest) = all.cut_top(side);
        let with_data = rest.h >= width * 0.75;
        let (cost, data) = if with_data {
            rest.cut_top(rest.h * 0.5)
        } else {
            (rest, rest)
        };
        NormaliseLayout {
            contours: [square(top.cols(0.0, 0.5)), square(top.cols(0.5, 1.0))],
            cost,
            data: with_data.then(|| [data.cols(0.0, 0.5), data.cols(0.5, 1.0)]),
        }
    }
}

/// The window holding `points` and the origin, with data width over height `aspect`, padded,
/// and with room above the points for the legend.
fn data_window(points: &[[f64; 2]], aspect: f64) -> ((f64, f64), (f64, f64)) {
    let (mut x, mut y) = ((0.0f64, 0.0f64), (0.0f64, 0.0f64));
    for p in points.iter().filter(|p| p[0].is_finite() && p[1].is_finite()) {
        x = (x.0.min(p[0]), x.1.max(p[0]));
        y = (y.0.min(p[1]), y.1.max(p[1]));
    }
    y.1 += 0.6 * (y.1 - y.0);
    let (mut sx, mut sy) = ((x.1 - x.0).max(1e-9) * 1.1, (y.1 - y.0).max(1e-9) * 1.1);
    if sx / sy > aspect {
        sy = sx / aspect;
    } else {
        sx = sy * aspect;
    }
    let (cx, cy) = ((x.0 + x.1) / 2.0, (y.0 + y.1) / 2.0);
    ((cx - sx / 2.0, cx + sx / 2.0), (cy - sy / 2.0, cy + sy / 2.0))
}

/// Draws the figure.
pub fn draw_normalise<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &NormaliseChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let l = layout(w as f64, h as f64, theme);
    let words = &data.words;
    for (k, space) in data.spaces.iter().enumerate() {
        let (cell, plot) = l.contours[k];
        let panel = ContourPanel {
            heading: Heading {
                title: &space.title,
                short: "",
                note: &space.note[0],
                note_short: &space.note[1],
                color: series_color(k),
            },
            x_desc: words.w1,
            y_desc: words.w2,
            x: space.x,
            y: space.y,
            levels: space.levels,
            paths: vec![PlanePath {
                points: space.path,
                color: series_color(k),
                width: 2.0,
                dots: space.path.len() <= 120,
                diverged: space.diverged,
            }],
            minima: std::slice::from_ref(&space.optimum),
            saddles: &[],
            start: Some(data.start),
            legend: Vec::new(),
        };
        draw_contour_panel(root, cell, plot, &panel, theme)?;
    }
    // the cost above its minimum per step, both paths, on decades
    let logs: Vec<Vec<(f64, f64)>> = data
        .spaces
        .iter()
        .map(|s| {
            s.excess
                .iter()
                .enumerate()
                .filter(|(_, e)| **e > 0.0 && e.is_finite())
                .map(|(t, e)| (t as f64, e.log10()))
                .collect()
        })
        .collect();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for p in logs.iter().flatten() {
        lo = lo.min(p.1);
        hi = hi.max(p.1);
    }
    if lo > hi {
        (lo, hi) = (-1.0, 1.0);
    }
    // at most 14 decades, so a path at machine precision does not flatten the other
    let (ylo, yhi) = decade_range(lo.max(hi - 14.0), hi, 0.3);
    let steps = data.spaces.iter().map(|s| s.path.len()).max().unwrap_or(1).max(2) - 1;
    let series = logs
        .into_iter()
        .enumerate()
        .map(|(k, points)| Series {
            points,
            color: series_color(k),
            mark: Mark::Line,
            bars: Vec::new(),
        })
        .collect();
    let legend = data
        .names
        .iter()
        .enumerate()
        .map(|(k, n)| LegendEntry {
            label: n.clone(),
            mark: LegendMark::Line,
            color: series_color(k),
        })
        .collect();
    draw_line_panel(
        root,
        l.cost,
        &LinePanel {
            heading: Heading {
                title: words.cost_title[0],
                short: words.cost_title[1],
                note: "",
                note_short: "",
                color: super::INK,
            },
            x_desc: words.step,
            y_desc: "",
            x: (0.0, steps as f64),
            y: (ylo, yhi),
            x_axis: Axis::Whole,
            y_axis: Axis::Decades,
            series,
            legend,
            room: Room::PANEL,
        },
        theme,
    )?;
    if let Some(cells) = l.data {
        for (k, space) in data.spaces.iter().enumerate() {
            let plot = contour_plot_rect(cells[k], None, theme);
            let all: Vec<[f64; 2]> = space.train.iter().chain(space.test).copied().collect();
            let (x, y) = data_window(&all, plot.w / plot.h.max(1.0));
            let points = |pts: &[[f64; 2]]| pts.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>();
            let panel = LinePanel {
                heading: Heading {
                    title: &space.data_title[0],
                    short: &space.data_title[1],
                    note: "",
                    note_short: "",
                    color: super::INK,
                },
                x_desc: words.x1,
                y_desc: words.x2,
                x,
                y,
                x_axis: Axis::Linear,
                y_axis: Axis::Linear,
                series: vec![
                    Series {
                        points: points(space.train),
                        color: DATA_GREY,
                        mark: Mark::Dots,
                        bars: Vec::new(),
                    },
                    Series {
                        points: points(space.test),
                        color: series_color(1),
                        mark: Mark::Rings,
                        bars: Vec::new(),
                    },
                ],
                legend: if k == 0 {
                    vec![
                        LegendEntry {
                            label: words.train.to_string(),
                            mark: LegendMark::Dot,
                            color: DATA_GREY,
                        },
                        LegendEntry {
                            label: words.test.to_string(),
                            mark: LegendMark::Dot,
                            color: series_color(1),
                        },
                    ]
                } else {
                    Vec::new()
                },
                room: Room::PANEL,
            };
            draw_line_panel(root, cells[k], &panel, theme)?;
        }
    }
    Ok(())
}
