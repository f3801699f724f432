//! The four panels of `view=batchnorm`, drawn with [`crate::chart::batchnorm`]'s line panels
//! and ridges from the jobs' state and the words of [`super::text`]:
//! * `shift`: one unit's 15th/50th/85th input percentiles over steps, without and with batch norm
//!   side by side, over the two networks' dev accuracy;
//! * `ridge`: the last hidden layer's input histograms over steps (at most [`RIDGE_ROWS`] rows);
//! * `test`: test accuracy by test batch size, running statistics vs the batch's own;
//! * `grid`: DLFS's small multiples, training accuracy by epoch per initial weight scale.
use super::text::Words;
use crate::chart::batchnorm::{draw_panel, draw_ridge, Line, Panel, Ridge};
use crate::chart::{padded_range, series_color, ChartError, Theme, INK};
use crate::core::lab::bn_grid::BnGrid;
use crate::core::lab::bn_study::{BnStudy, Probe, TestRow, PROBED_LAYER};
use crate::core::math::format::pct;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Most histograms in a ridge, evenly spaced over the probes so far.
pub const RIDGE_ROWS: usize = 12;
/// Palette index of the network without batch norm.
const PLAIN: usize = 0;
/// Palette index of the network with batch norm.
const BATCH_NORM: usize = 2;
/// Palette index of the test accuracy with each test batch's own statistics.
const BATCH_STATS: usize = 1;

fn whole(x: f64) -> String {
    format!("{x:.0}")
}

/// The two networks' probes with their titles and colours.
fn runs<'a>(study: &'a BnStudy, w: &Words) -> [(&'static str, &'a [Probe], usize); 2] {
    [
        (w.without_bn, &study.plain.probes, PLAIN),
        (w.with_bn, &study.batch_norm.probes, BATCH_NORM),
    ]
}

/// `shift`: the probed unit's percentiles (top, one half per network) and the dev accuracy.
pub fn draw_shift<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<(), ChartError> {
    let total = study.total_steps() as f64;
    let (top, bottom) = root.split_vertically(root.dim_in_pixel().1 * 3 / 5);
    let halves = top.split_evenly((1, 2));
    let all: Vec<f64> = [&study.plain.probes, &study.batch_norm.probes]
        .iter()
        .flat_map(|p| p.iter().flat_map(|p| [p.p15, p.p85]))
        .collect();
    let y = padded_range(&all, 0.05);
    let unit = study.config.unit + 1;
    for (area, (title, probes, color)) in halves.iter().zip(runs(study, w)) {
        let series = |f: fn(&Probe) -> f64| probes.iter().map(|p| (p.step as f64, f(p))).collect::<Vec<_>>();
        let line = |points, thin, label: String| Line {
            points,
            color,
            thin,
            label,
        };
        let panel = Panel {
            title: (w.unit_title)(title, unit),
            x: (0.0, total),
            y,
            lines: vec![
                line(series(|p| p.p85), true, pct(0.85)),
                line(series(|p| p.p50), false, pct(0.50)),
                line(series(|p| p.p15), true, pct(0.15)),
            ],
            x_label: w.step.to_string(),
            x_ticks: 0,
        };
        draw_panel(area, &panel, &whole, false, theme)?;
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
    draw_panel(&bottom, &panel, &whole, false, theme)
}

/// `ridge`: the probed layer's input histograms over steps, one ridge per network.
pub fn draw_layer_ridge<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<(), ChartError> {
    let halves = root.split_evenly((1, 2));
    for (area, (title, probes, color)) in halves.iter().zip(runs(study, w)) {
        let every = probes.len().div_ceil(RIDGE_ROWS).max(1);
        let rows = probes
            .iter()
            .step_by(every)
            .map(|p| ((w.ridge_row)(p.step), p.hist.counts.clone()))
            .collect();
        let ridge = Ridge {
            title: (w.ridge_title)(title, PROBED_LAYER),
            lo: -study.config.range,
            hi: study.config.range,
            rows,
            color,
        };
        draw_ridge(area, &ridge, theme)?;
    }
    Ok(())
}

/// `test`: the trained BN network's test accuracy per test batch size.
pub fn draw_test<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &BnStudy,
    w: &Words,
    theme: &Theme,
) -> Result<(), ChartError> {
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
    let size_at = |x: f64| {
        let i = x.round() as usize;
        if (x - i as f64).abs() > 1e-6 {
            return String::new();
        }
        sizes.get(i).map(|b| b.to_string()).unwrap_or_default()
    };
    draw_panel(root, &panel, &size_at, false, theme)
}

/// `grid`: a key, then one small panel of training accuracy by epoch per weight scale.
pub fn draw_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &BnGrid,
    w: &Words,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (head, body) = root.split_vertically(theme.px(20.0));
    // The key's colours: ink, without and with batch norm.
    let colors = [INK, series_color(PLAIN), series_color(BATCH_NORM)];
    let font = |c: usize| {
        theme
            .font(12.0)
            .color(&colors[c])
            .pos(Pos::new(HPos::Left, VPos::Center))
    };
    let y = theme.px(10.0) as i32;
    let width = head.dim_in_pixel().0 as i32;
    head.draw(&Text::new(w.grid_heading, (theme.px(6.0) as i32, y), font(0)))?;
    head.draw(&Text::new(w.grid_without, (width * 2 / 5, y), font(1)))?;
    head.draw(&Text::new(w.grid_with, (width * 7 / 10, y), font(2)))?;
    let side = (grid.cells.len() as f64).sqrt().ceil().max(1.0) as usize;
    let epochs = grid.config.epochs as f64;
    for (area, cell) in body.split_evenly((side, side)).iter().zip(&grid.cells) {
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
            x_ticks: 0,
        };
        draw_panel(area, &panel, &whole, true, theme)?;
    }
    Ok(())
}
