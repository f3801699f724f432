//! The `layer` panel of `view=batchnorm`: batch norm against layer norm over mini-batch sizes
//! 1..128 ([`NormBatchStudy`]), two plots on a log2 axis of the batch size (side by side on a
//! laptop, stacked on a phone):
//! * the test accuracy each run reached (so far), batch norm and layer norm;
//! * the probed unit's batch statistics against the population's: batch norm's spread of the
//!   batch means over `sigma` and mean batch variance over `sigma^2`, each beside its sampling
//!   formula for `b` of `N` rows drawn without replacement (thin lines:
//!   `sqrt((N - b) / (b (N - 1)))` and `(b - 1) / b * N / (N - 1)`), and layer norm's per-example
//!   variance of `x_hat` (1 at every batch size: it never looks at the batch).
use super::figure::{Drawn, NARROW};
use super::text_layer::LayerWords;
use crate::chart::batchnorm::{draw_panel, Frame, Line, Panel};
use crate::chart::{ChartError, Theme};
use crate::core::lab::norm_batch::{NormCurve, BATCH_SIZES, RUNS};
use crate::core::lab::norm_batch_study::NormBatchStudy;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Palette index of batch norm (as in the other panels).
const BN: usize = 2;
/// Palette index of layer norm.
const LN: usize = 4;
/// Palette index of batch norm's variance ratio.
const BN_VAR: usize = 3;

/// The panel's height for a width of `width` CSS px.
pub fn height_for(width: f64) -> f64 {
    if width < NARROW {
        2.0 * 300.0
    } else {
        (width * 0.42).max(320.0)
    }
}

/// The sampling formula of the spread of batch means over `sigma`: `sqrt((N - b) / (b (N - 1)))`.
pub fn mean_spread_formula(b: usize, n: usize) -> f64 {
    let (b, n) = (b as f64, n as f64);
    ((n - b) / (b * (n - 1.0))).max(0.0).sqrt()
}

/// The expected biased batch variance over `sigma^2`: `(b - 1) / b * N / (N - 1)`.
pub fn var_ratio_formula(b: usize, n: usize) -> f64 {
    let (b, n) = (b as f64, n as f64);
    (b - 1.0) / b * n / (n - 1.0)
}

/// Each run's curve so far, by index.
fn curves(study: &NormBatchStudy) -> Vec<Option<&NormCurve>> {
    (0..RUNS).map(|i| study.curve(i)).collect()
}

/// Points `(log2 b, f(curve))` of the runs of one norm (`odd`: layer norm) that `f` has a value for.
fn points(cs: &[Option<&NormCurve>], odd: bool, f: &dyn Fn(&NormCurve) -> Option<f64>) -> Vec<(f64, f64)> {
    cs.iter()
        .enumerate()
        .filter(|(i, _)| (i % 2 == 1) == odd)
        .filter_map(|(i, c)| Some(((i / 2) as f64, f((*c)?)?)))
        .collect()
}

fn line(points: Vec<(f64, f64)>, color: usize, thin: bool, label: &str) -> Line {
    Line {
        points,
        color,
        thin,
        label: label.to_string(),
    }
}

/// Draws the panel; boxes: accuracy, statistics.
pub fn draw_layer<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    study: &NormBatchStudy,
    w: &LayerWords,
    theme: &Theme,
) -> Result<Drawn, ChartError> {
    let narrow = (root.dim_in_pixel().0 as f64) / theme.scale < NARROW;
    let areas = if narrow {
        root.split_evenly((2, 1))
    } else {
        root.split_evenly((1, 2))
    };
    let cs = curves(study);
    let x = (0.0, (BATCH_SIZES.len() - 1) as f64);
    let size_at = |v: f64, _span: f64| {
        let i = v.round() as usize;
        if (v - i as f64).abs() > 1e-6 {
            return String::new();
        }
        BATCH_SIZES.get(i).map(|b| b.to_string()).unwrap_or_default()
    };
    let last = |c: &NormCurve| c.accuracy.last().copied();
    let accuracy = Panel {
        title: (w.accuracy_title)(study.config.epochs),
        x,
        y: (0.0, 1.0),
        lines: vec![
            line(points(&cs, false, &last), BN, false, w.bn),
            line(points(&cs, true, &last), LN, false, w.ln),
        ],
        x_label: w.batch_axis.to_string(),
        x_ticks: BATCH_SIZES.len(),
    };
    let n = study.config.samples;
    let spread = |c: &NormCurve| c.stats.map(|s| s.batch_mean_sd / s.pop_var.sqrt().max(1e-12));
    let ratio = |c: &NormCurve| c.stats.map(|s| s.batch_var_mean / s.pop_var.max(1e-12));
    let ln_var = |c: &NormCurve| c.stats.and_then(|s| s.example_var);
    let formula = |f: fn(usize, usize) -> f64| {
        BATCH_SIZES
            .iter()
            .enumerate()
            .map(|(i, &b)| (i as f64, f(b, n)))
            .collect::<Vec<_>>()
    };
    let stats = Panel {
        title: (w.stats_title)(study.config.unit + 1),
        x,
        y: (0.0, 1.1),
        lines: vec![
            line(formula(mean_spread_formula), BN, true, ""),
            line(formula(var_ratio_formula), BN_VAR, true, ""),
            line(points(&cs, false, &spread), BN, false, w.mean_spread),
            line(points(&cs, false, &ratio), BN_VAR, false, w.var_ratio),
            line(points(&cs, true, &ln_var), LN, false, w.ln_var),
        ],
        x_label: w.batch_axis.to_string(),
        x_ticks: BATCH_SIZES.len(),
    };
    let boxes = vec![
        draw_panel(&areas[0], &accuracy, &size_at, Frame::FULL, theme)?,
        draw_panel(&areas[1], &stats, &size_at, Frame::FULL, theme)?,
    ];
    Ok(Drawn {
        boxes,
        ridge_rows: Vec::new(),
    })
}
