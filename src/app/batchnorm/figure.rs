//! The four panels of `view=batchnorm`, drawn with [`crate::chart::batchnorm`]'s line panels
//! and ridges from the jobs' state and the words of [`super::text`]:
//! * `shift`: one unit's 15th/50th/85th input percentiles over steps, without and with batch norm
//!   side by side (stacked on a phone), over the two networks' dev accuracy;
//! * `ridge`: the last hidden layer's input histograms over steps (at most [`RIDGE_ROWS`] rows);
//! * `test`: test accuracy by test batch size, running statistics vs the batch's own;
//! * `grid`: DLFS's small multiples, training accuracy by epoch per initial weight scale, four
//!   across on a laptop and two on a phone.
//!
//! Each drawing returns where its plots went ([`Drawn`]), and [`super::readout::targets`] turns
//! that into the readouts the page shows under a pointer.
use super::text::Words;
use super::Panel as Shown;
use crate::chart::batchnorm::{draw_panel, draw_ridge, Frame, Line, Panel, PlotBox, Ridge};
use crate::chart::measure::text_size;
use crate::chart::ticks::{linear_label, whole_label};
use crate::chart::{padded_range, series_color, ChartError, Theme, INK};
use crate::core::lab::bn_grid::BnGrid;
use crate::core::lab::bn_study::{BnStudy, Probe, TestRow, PROBED_LAYER};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Most histograms in a ridge, evenly spaced over the probes so far.
pub const RIDGE_ROWS: usize = 12;
/// Below this width (CSS px) side-by-side panels stack and the grid is two across.
pub const NARROW: f64 = 560.0;
/// Palette index of the network without batch norm.
const PLAIN: usize = 0;
/// Palette index of the network with batch norm.
const BATCH_NORM: usize = 2;
/// Palette index of the test accuracy with each test batch's own statistics.
const BATCH_STATS: usize = 1;
/// A grid cell below this height (CSS px) is drawn compact: labels on the outer cells only.
const FULL_CELL: f64 = 90.0;

/// Where the panels went: the plot boxes in drawing order (see each `draw_*`), and for the
/// ridge the probes each row shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    /// The plotting areas.
    pub boxes: Vec<PlotBox>,
    /// The ridge's rows: indices into the probes.
    pub ridge_rows: Vec<usize>,
}

/// The figure's height for a width of `width` CSS px, for panel `shown` of a grid of `cells`.
pub fn height_for(shown: Shown, width: f64, cells: usize) -> f64 {
    let narrow = width < NARROW;
    match shown {
        // its own file's height (the view asks [`super::figure_layer::height_for`])
        Shown::Layer => width * 0.42,
        Shown::Shift if narrow => 3.0 * 210.0,
        Shown::Ridge if narrow => 2.0 * 330.0,
        Shown::Shift | Shown::Ridge => width * 0.56,
        Shown::Test if narrow => (width * 0.95).max(300.0),
        Shown::Test => width * 0.5,
        Shown::Grid => {
            let across = grid_across(width);
            let rows = cells.max(1).div_ceil(across) as f64;
            let cell = if narrow {
                100.0
            } else {
                (width / across as f64 * 0.62).clamp(FULL_CELL, 170.0)
            };
            key_height(width) + rows * cell
        }
    }
}

/// Grid cells across at `width` CSS px.
fn grid_across(width: f64) -> usize {
    if width < NARROW {
        2
    } else {
        4
    }
}

/// The grid key's height at most: one line, or two where the heading and the key do not fit
/// side by side (a phone; the drawing measures).
fn key_height(width: f64) -> f64 {
    if width < NARROW {
        40.0
    } else {
        22.0
    }
}

fn whole(x: f64, _span: f64) -> String {
    whole_label(x)
}

/// The two networks' probes with their titles and colours.
fn runs<'a>(study: &'a BnStudy, w: &Words) -> [(&'static str, &'a [Probe], usize); 2] {
    [
        (w.without_bn, &study.plain.probes, PLAIN),
        (w.with_bn, &study.batch_norm.probes, BATCH_NORM),
    ]
}

/// Splits `root` into `n` panels side by side, or stacked when it is narrow.
fn split<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, n: usize, theme: &Theme) -> Vec<DrawingArea<DB, Shift>> {
    if (root.dim_in_pixel().0 as f64) / theme.scale < NARROW {
        root.split_evenly((n, 1))
    } else {
        root.split_evenly((1, n))
    }
}

/// `shift`: the probed unit's percentiles (one panel per network) and the dev accuracy; boxes:
/// without, with batch norm, accuracy.
pub fn draw_shift<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<Drawn, ChartError> {
    let total = study.total_steps() as f64;
    let narrow = (root.dim_in_pixel().0 as f64) / theme.scale < NARROW;
    let (top, bottom) = if narrow {
        root.split_vertically(root.dim_in_pixel().1 * 2 / 3)
    } else {
        root.split_vertically(root.dim_in_pixel().1 * 3 / 5)
    };
    let all: Vec<f64> = [&study.plain.probes, &study.batch_norm.probes]
        .iter()
        .flat_map(|p| p.iter().flat_map(|p| [p.p15, p.p85]))
        .collect();
    let y = padded_range(&all, 0.05);
    let unit = study.config.unit + 1;
    let mut boxes = Vec::new();
    for (area, (title, probes, color)) in split(&top, 2, theme).iter().zip(runs(study, w)) {
        let series = |f: fn(&Probe) -> f64| probes.iter().map(|p| (p.step as f64, f(p))).collect::<Vec<_>>();
        let line = |points, thin, label: &str| Line {
            points,
            color,
            thin,
            label: label.to_string(),
        };
        let panel = Panel {
            title: (w.unit_title)(title, unit),
            x: (0.0, total),
            y,
            lines: vec![
                line(series(|p| p.p85), true, w.p85),
                line(series(|p| p.p50), false, w.p50),
                line(series(|p| p.p15), true, w.p15),
            ],
            // stacked on a phone: the step axis is named once, under the bottom panel
            x_label: if narrow { String::new() } else { w.step.to_string() },
            x_ticks: 0,
        };
        boxes.push(draw_panel(area, &panel, &linear_label, Frame::FULL, theme)?);
    }
    let acc = |probes: &[Probe], color, label: &str| Line {
        points: probes.iter().map(|p| (p.step as f64, p.dev_accuracy)).collect(),
        color,
        thin: false,
        label: label.to_string(),
    };
    let panel = Panel {
        title: w.dev_accuracy.to_string(),
        x: (0.0, total),
        y: (0.0, 1.0),
        lines: vec![
            acc(&study.plain.probes, PLAIN, w.no_bn),
            acc(&study.batch_norm.probes, BATCH_NORM, w.bn),
        ],
        x_label: w.step.to_string(),
        x_ticks: 0,
    };
    boxes.push(draw_panel(&bottom, &panel, &linear_label, Frame::FULL, theme)?);
    Ok(Drawn {
        boxes,
        ridge_rows: Vec::new(),
    })
}

/// The probes a ridge shows: at most [`RIDGE_ROWS`], evenly spaced.
fn ridge_rows(probes: usize) -> Vec<usize> {
    let every = probes.div_ceil(RIDGE_ROWS).max(1);
    (0..probes).step_by(every).collect()
}

/// `ridge`: the probed layer's input histograms over steps, one ridge per network.
pub fn draw_layer_ridge<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<Drawn, ChartError> {
    let mut boxes = Vec::new();
    let rows = ridge_rows(study.plain.probes.len().min(study.batch_norm.probes.len()));
    for (area, (title, probes, color)) in split(root, 2, theme).iter().zip(runs(study, w)) {
        let ridge = Ridge {
            title: (w.ridge_title)(title, PROBED_LAYER),
            lo: -study.config.range,
            hi: study.config.range,
            rows: rows
                .iter()
                .filter_map(|&i| probes.get(i))
                .map(|p| ((w.ridge_row)(p.step), p.hist.counts.clone()))
                .collect(),
            color,
        };
        boxes.push(draw_ridge(area, &ridge, theme)?);
    }
    Ok(Drawn {
        boxes,
        ridge_rows: rows,
    })
}

/// `test`: the trained BN network's test accuracy per test batch size.
pub fn draw_test<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<Drawn, ChartError> {
    let sizes: Vec<usize> = study.test_rows.iter().map(|r| r.batch_size).collect();
    // One x position per batch size: the sizes grow geometrically, the ticks are their values.
    let points = |f: fn(&TestRow) -> f64| {
        study
            .test_rows
            .iter()
            .enumerate()
            .map(|(i, r)| (i as f64, f(r)))
            .collect::<Vec<_>>()
    };
    let line = |points, color, label: &str| Line {
        points,
        color,
        thin: false,
        label: label.to_string(),
    };
    let panel = Panel {
        title: w.test_title.to_string(),
        x: (0.0, (sizes.len().max(2) - 1) as f64),
        y: (0.0, 1.0),
        lines: vec![
            line(points(|r| r.running), BATCH_NORM, w.running),
            line(points(|r| r.batch_stats), BATCH_STATS, w.batch_stats),
        ],
        x_label: w.rows_per_batch.to_string(),
        x_ticks: sizes.len().max(2),
    };
    let size_at = |x: f64, _span: f64| {
        let i = x.round() as usize;
        if (x - i as f64).abs() > 1e-6 {
            return String::new();
        }
        sizes.get(i).map(|b| b.to_string()).unwrap_or_default()
    };
    let b = draw_panel(root, &panel, &size_at, Frame::FULL, theme)?;
    Ok(Drawn {
        boxes: vec![b],
        ridge_rows: Vec::new(),
    })
}

/// Whether the grid's key fits on one line `width` output px wide (else the two networks go on a
/// second line).
fn key_fits(width: f64, w: &Words, theme: &Theme) -> bool {
    let s = theme.scale;
    let texts = [w.grid_heading, w.grid_without, w.grid_with];
    let widths: f64 = texts.iter().map(|t| text_size(t, 12.0).0 as f64 * s).sum();
    6.0 * s + widths + 2.0 * 16.0 * s <= width
}

/// The grid's key: the heading, then the two networks in their colours, on one line where they
/// fit and on a second line where they do not.
fn draw_key<DB: DrawingBackend>(head: &DrawingArea<DB, Shift>, w: &Words, theme: &Theme) -> Result<(), ChartError> {
    let colors = [INK, series_color(PLAIN), series_color(BATCH_NORM)];
    let s = theme.scale;
    let texts = [w.grid_heading, w.grid_without, w.grid_with];
    let widths: Vec<f64> = texts.iter().map(|t| text_size(t, 12.0).0 as f64 * s).collect();
    let gap = 16.0 * s;
    let mut at = [(6.0 * s, 11.0 * s); 3];
    if key_fits(head.dim_in_pixel().0 as f64, w, theme) {
        at[1].0 = at[0].0 + widths[0] + gap;
        at[2].0 = at[1].0 + widths[1] + gap;
    } else {
        at[1] = (6.0 * s, 29.0 * s);
        at[2] = (at[1].0 + widths[1] + gap, 29.0 * s);
    }
    for ((text, (x, y)), color) in texts.iter().zip(at).zip(colors) {
        let style = theme.font(12.0).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        head.draw(&Text::new(text.to_string(), (x as i32, y as i32), style))?;
    }
    Ok(())
}

/// `grid`: a key, then one small panel of training accuracy by epoch per weight scale (row by
/// row, largest scale first).
pub fn draw_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &BnGrid,
    w: &Words,
    theme: &Theme,
) -> Result<Drawn, ChartError> {
    root.fill(&WHITE)?;
    let width = root.dim_in_pixel().0 as f64 / theme.scale;
    let key = if key_fits(root.dim_in_pixel().0 as f64, w, theme) {
        22.0
    } else {
        40.0
    };
    let (head, body) = root.split_vertically(theme.px(key));
    draw_key(&head, w, theme)?;
    let across = grid_across(width);
    let down = grid.cells.len().max(1).div_ceil(across);
    let cell_h = body.dim_in_pixel().1 as f64 / theme.scale / down as f64;
    let compact = cell_h < FULL_CELL;
    let epochs = grid.config.epochs as f64;
    let mut boxes = Vec::new();
    for (k, (area, cell)) in body.split_evenly((down, across)).iter().zip(&grid.cells).enumerate() {
        let line = |v: &[f64], color| Line {
            points: v.iter().enumerate().map(|(e, &a)| (e as f64, a)).collect(),
            color,
            thin: false,
            label: String::new(),
        };
        let panel = Panel {
            title: (w.grid_cell)(cell.scale),
            x: (0.0, epochs),
            y: (0.0, 1.0),
            lines: vec![line(&cell.plain, PLAIN), line(&cell.batch_norm, BATCH_NORM)],
            x_label: String::new(),
            x_ticks: 2,
        };
        // compact: tick labels on the outer cells only (the cells share both axes)
        let frame = Frame {
            small: true,
            x_labels: !compact || k + across >= grid.cells.len(),
            y_labels: !compact || k % across == 0,
        };
        boxes.push(draw_panel(area, &panel, &whole, frame, theme)?);
    }
    Ok(Drawn {
        boxes,
        ridge_rows: Vec::new(),
    })
}
