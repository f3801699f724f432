//! The figure of `view=optima`: the share of critical points that are minima against the
//! dimension on a decade axis (the exact `2^-d` of independent signs as a dashed line, the
//! measured shares of both Hessian models with 95% Wilson intervals, a downward triangle at the
//! bound where no draw was a minimum); a saddle or plateau surface's contour lines with the three
//! optimizers' paths (equal scales); and the loss per step of each, with the escape level dashed.
//!
//! Layout ([`layout`]): from 640 px wide the share panel on the left and the surface above the
//! loss on the right; narrower, the surface across the top and the two panels below it.
use super::legend::{LegendEntry, LegendMark};
use super::lines::{decade_range, draw_line_panel, hline, Axis, LinePanel, Mark, Series};
use super::plane::{draw_contour_panel, plot_rect, ContourPanel, Heading, PlanePath, Rect, Room};
use super::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Below this width the panels stack.
pub const WIDE: f64 = 640.0;

/// One dimension's measurement: draws that were minima, and the interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Share {
    /// The dimension.
    pub d: usize,
    /// The measured share (0 when no draw was a minimum).
    pub share: f64,
    /// The 95% interval.
    pub interval: (f64, f64),
}

/// One optimizer's path as drawn.
#[derive(Clone, Debug)]
pub struct FlatFigure<'a> {
    /// Legend text.
    pub label: String,
    /// Points.
    pub points: &'a [[f64; 2]],
    /// Loss per step.
    pub losses: &'a [f64],
    /// Diverged.
    pub diverged: bool,
}

/// The words of the figure.
#[derive(Clone, Copy, Debug)]
pub struct OptimaChartWords<'a> {
    /// The share panel's title and short form.
    pub share: [&'a str; 2],
    /// Its x axis.
    pub dimension: &'a str,
    /// Legend, long and short forms: the exact `2^-d`, the independent-signs measurement, the
    /// GOE measurement, a bound.
    pub legend: [[&'a str; 4]; 2],
    /// Axes of the surface.
    pub x: &'a str,
    /// See `x`.
    pub y: &'a str,
    /// The loss panel's title and short form.
    pub loss: [&'a str; 2],
    /// Its x axis.
    pub step: &'a str,
}

/// Everything the figure shows.
#[derive(Clone, Debug)]
pub struct OptimaChartData<'a> {
    /// The independent-signs shares, per dimension.
    pub signs: Vec<Share>,
    /// The GOE shares.
    pub goe: Vec<Share>,
    /// The share panel's note (draws so far) and short form.
    pub share_note: [String; 2],
    /// The smallest share one draw can show, `1 / draws`, for the axis.
    pub resolution: f64,
    /// The surface's title and short form.
    pub surface: [String; 2],
    /// Its note (the escape level) and short form.
    pub surface_note: [String; 2],
    /// The window.
    pub x: (f64, f64),
    /// See `x`.
    pub y: (f64, f64),
    /// Iso-lines.
    pub levels: &'a [(f64, Vec<Vec<[f64; 2]>>)],
    /// Minima.
    pub minima: &'a [[f64; 2]],
    /// Saddles.
    pub saddles: &'a [[f64; 2]],
    /// The start.
    pub start: [f64; 2],
    /// The three paths.
    pub paths: Vec<FlatFigure<'a>>,
    /// The escape level (dashed in the loss panel).
    pub escape: f64,
    /// The loss panel's note and a shorter form.
    pub loss_note: [&'a str; 2],
    /// Words.
    pub words: OptimaChartWords<'a>,
}

/// Where each panel goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptimaLayout {
    /// The share panel.
    pub share: Rect,
    /// The surface cell and its plot (twice as wide as high).
    pub surface: (Rect, Rect),
    /// The loss per step.
    pub loss: Rect,
    /// Below the share and loss panels on a narrow figure: the strip for the shares' legend
    /// (inside the share panel it would cover marks); `None` on a wide figure.
    pub legend: Option<Rect>,
}

/// Rows of the shares' legend in its strip on a narrow figure (two columns of two entries).
const STRIP_ROWS: f64 = 2.0;

/// The height the figure wants at `width`.
pub fn height_for(width: f64) -> f64 {
    if width >= WIDE {
        width * 0.55
    } else {
        // the page gives a phone's figure at most half its screen: the surface above, the
        // shares and the losses side by side below (stacked, each would be too flat)
        width * 1.2
    }
}

/// The panels of a `width x height` figure (output pixels).
pub fn layout(width: f64, height: f64, theme: &Theme) -> OptimaLayout {
    let all = Rect::new(0.0, 0.0, width, height);
    let px = |v: f64| theme.px(v) as f64;
    let room = Room::PANEL;
    // the surface's height for its cell width: a plot twice as wide as high, and the label room
    let surface_h = |w: f64| (w - px(room.left) - px(room.right)) / 2.0 + px(room.top) + px(room.bottom);
    let (share, surface, loss, legend) = if width >= WIDE {
        let right = all.cols(0.38, 1.0);
        let (top, below) = right.cut_top(surface_h(right.w).min(height * 0.62));
        (all.cols(0.0, 0.38), top, below, None)
    } else {
        let (top, below) = all.cut_top(surface_h(width).min(height * 0.55));
        // the legend's strip: two rows of 17 px in a box padded by 6 px, and a 4 px gap
        let strip = px(17.0) * STRIP_ROWS + px(12.0) + px(4.0);
        let (panels, legend) = below.cut_top(below.h - strip);
        (panels.cols(0.0, 0.5), top, panels.cols(0.5, 1.0), Some(legend))
    };
    OptimaLayout {
        share,
        surface: (surface, plot_rect(surface, Some(2.0), room, theme)),
        loss,
        legend,
    }
}

fn log_share(s: &Share) -> Option<(f64, f64)> {
    (s.share > 0.0).then(|| (s.d as f64, s.share.log10()))
}

/// Draws the figure.
pub fn draw_optima<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &OptimaChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let l = layout(w as f64, h as f64, theme);
    let words = &data.words;
    let d_max = data.signs.len().max(data.goe.len()).max(1);
    let x = (0.5, d_max as f64 + 0.5);
    let floor = data.resolution.max(1e-300).log10().min(-(d_max as f64) * 2f64.log10());
    let (ylo, yhi) = decade_range(floor - 0.3, 0.0, 0.05);
    let exact: Vec<(f64, f64)> = (1..=d_max).map(|d| (d as f64, -(d as f64) * 2f64.log10())).collect();
    let bars = |v: &[Share]| -> Vec<(f64, f64, f64)> {
        v.iter()
            .filter(|s| s.share > 0.0)
            .map(|s| (s.d as f64, s.interval.0.max(1e-300).log10(), s.interval.1.log10()))
            .collect()
    };
    let (blue, red) = (series_color(0), series_color(1));
    let series = vec![
        Series {
            points: exact,
            color: INK,
            mark: Mark::Dashed,
            bars: Vec::new(),
        },
        Series {
            points: data.signs.iter().filter_map(log_share).collect(),
            color: blue,
            mark: Mark::Rings,
            bars: bars(&data.signs),
        },
        Series {
            points: data.goe.iter().filter_map(log_share).collect(),
            color: red,
            mark: Mark::Dots,
            bars: bars(&data.goe),
        },
        Series {
            points: data
                .goe
                .iter()
                .filter(|s| s.share == 0.0 && s.interval.1 > 0.0)
                .map(|s| (s.d as f64, s.interval.1.log10()))
                .collect(),
            color: red,
            mark: Mark::Below,
            bars: Vec::new(),
        },
    ];
    let entry = |label: &str, mark, color| LegendEntry {
        label: label.to_string(),
        mark,
        color,
    };
    let legend = |w: &[&str; 4]| {
        vec![
            entry(w[0], LegendMark::Dashed, INK),
            entry(w[1], LegendMark::Dot, blue),
            entry(w[2], LegendMark::Dot, red),
            entry(w[3], LegendMark::Square, red),
        ]
    };
    let marks: Vec<(f64, f64)> = series.iter().flat_map(|s| s.points.iter().copied()).collect();
    draw_line_panel(
        root,
        l.share,
        &LinePanel {
            heading: Heading {
                title: words.share[0],
                short: words.share[1],
                note: &data.share_note[0],
                note_short: &data.share_note[1],
                color: INK,
            },
            x_desc: words.dimension,
            y_desc: "",
            x,
            y: (ylo, yhi),
            x_axis: Axis::Whole,
            y_axis: Axis::Decades,
            series,
            legend: Vec::new(),
            room: Room::PANEL,
        },
        theme,
    )?;
    // the legend where it covers no mark: the bottom left corner (below the shares of low
    // dimensions, left of the bounds of high ones) or the top right (above the 2^-d line), in
    // its long form or its short one; the short one bottom left when nothing is free
    let plot = plot_rect(l.share, None, Room::PANEL, theme);
    let inset = theme.px(6.0) as f64;
    let to_px = |(u, v): (f64, f64)| {
        (
            plot.x + (u - x.0) / (x.1 - x.0) * plot.w,
            plot.y + (yhi - v) / (yhi - ylo) * plot.h,
        )
    };
    let marks_px: Vec<(f64, f64)> = marks.into_iter().map(to_px).collect();
    let r = theme.px(5.0) as f64;
    let place = |e: &[LegendEntry], corner: usize| {
        let (w, h) = super::legend::legend_size(e, theme);
        let (w, h) = (w as f64, h as f64);
        let (x0, y0) = if corner == 0 {
            (plot.x + inset, plot.y + plot.h - inset - h)
        } else {
            (plot.x + plot.w - inset - w, plot.y + inset)
        };
        let fits = w + 2.0 * inset <= plot.w && h + 2.0 * inset <= plot.h;
        let free = marks_px
            .iter()
            .all(|&(a, b)| a + r < x0 || a - r > x0 + w || b + r < y0 || b - r > y0 + h);
        (fits && free).then_some((x0 as i32, y0 as i32))
    };
    let forms = [legend(&words.legend[0]), legend(&words.legend[1])];
    let chosen = forms
        .iter()
        .flat_map(|e| [0, 1].map(|c| (e, c)))
        .find_map(|(e, c)| place(e, c).map(|at| (e, at)))
        .or_else(|| {
            let (w, h) = super::legend::legend_size(&forms[1], theme);
            (w as f64 + 2.0 * inset <= plot.w && (h as f64) <= plot.h).then(|| {
                (
                    &forms[1],
                    ((plot.x + inset) as i32, (plot.y + plot.h - inset - h as f64) as i32),
                )
            })
        });
    if let Some(strip) = l.legend {
        // a narrow figure: the short legend in two columns under the share panel
        let short = &forms[1];
        let rows = STRIP_ROWS as usize;
        let mut at_x = l.share.x + inset;
        for column in short.chunks(rows) {
            let (w, _) = super::legend::draw_legend(
                root,
                (at_x as i32, (strip.y + theme.px(4.0) as f64) as i32),
                column,
                theme,
            )?;
            at_x += w as f64 + inset;
        }
    } else if let Some((e, at)) = chosen {
        super::legend::draw_legend(root, at, e, theme)?;
    }
    let paths: Vec<PlanePath> = data
        .paths
        .iter()
        .enumerate()
        .map(|(k, p)| PlanePath {
            points: p.points,
            color: series_color(k),
            width: 2.0,
            dots: false,
            diverged: p.diverged,
        })
        .collect();
    let (cell, plot) = l.surface;
    draw_contour_panel(
        root,
        cell,
        plot,
        &ContourPanel {
            heading: Heading {
                title: &data.surface[0],
                short: &data.surface[1],
                note: &data.surface_note[0],
                note_short: &data.surface_note[1],
                color: INK,
            },
            x_desc: words.x,
            y_desc: words.y,
            x: data.x,
            y: data.y,
            levels: data.levels,
            paths,
            minima: data.minima,
            saddles: data.saddles,
            start: Some(data.start),
            legend: data
                .paths
                .iter()
                .enumerate()
                .map(|(k, p)| entry(&p.label, LegendMark::Line, series_color(k)))
                .collect(),
        },
        theme,
    )?;
    let steps = data.paths.iter().map(|p| p.losses.len()).max().unwrap_or(1).max(2) - 1;
    // the loss on decades (its minimum is 0), at most 9 below the highest
    let logs: Vec<Vec<(f64, f64)>> = data
        .paths
        .iter()
        .map(|p| {
            p.losses
                .iter()
                .enumerate()
                .filter(|(_, f)| **f > 0.0 && f.is_finite())
                .map(|(t, f)| (t as f64, f.log10()))
                .collect()
        })
        .collect();
    let hi = logs.iter().flatten().map(|p| p.1).fold(data.escape.log10(), f64::max);
    let lo = logs.iter().flatten().map(|p| p.1).fold(hi, f64::min).max(hi - 9.0);
    let xs = (0.0, steps as f64);
    let mut series: Vec<Series> = logs
        .into_iter()
        .enumerate()
        .map(|(k, points)| Series {
            points,
            color: series_color(k),
            mark: Mark::Line,
            bars: Vec::new(),
        })
        .collect();
    series.push(hline(xs, data.escape.log10(), INK));
    draw_line_panel(
        root,
        l.loss,
        &LinePanel {
            heading: Heading {
                title: words.loss[0],
                short: words.loss[1],
                note: data.loss_note[0],
                note_short: data.loss_note[1],
                color: INK,
            },
            x_desc: words.step,
            y_desc: "",
            x: xs,
            y: decade_range(lo, hi, 0.2),
            x_axis: Axis::Whole,
            y_axis: Axis::Decades,
            series,
            legend: Vec::new(),
            room: Room::PANEL,
        },
        theme,
    )?;
    Ok(())
}
