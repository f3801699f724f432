//! The figure of `view=train`: the decision boundary with the points (2-D data) or the confusion
//! matrix with the misclassified digits, beside it the network diagram ([`super::diagram`]), and
//! under them the cost per epoch (every mini-batch faint behind) and the error rate with the
//! Bayes error, the marks of the run on both, and the weight histogram with its share of
//! (near-)zero weights. On a narrow, tall figure the four panels stack. Drawn by [`crate::chart::train`] from the session's numbers and the words of
//! [`super::text`] in the page's language.
use super::diagram::diagram;
use super::text::{mark, words, Words};
use super::TrainView;
use crate::app::Area;
use crate::chart::network::{draw_network, Rect};
use crate::chart::train::{
    draw_boundary, draw_confusion, draw_curves, figure_layout, BoundaryPlot, Curve, CurvesPanel, Point,
};
use crate::chart::weights::{draw_weights, WeightPanel};
use crate::chart::{ChartError, Theme};
use crate::core::lab::train::{weight_histogram, EpochStats, EvalSet, TrainSession};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Draws the whole figure: the panels where [`figure_layout`] puts them.
pub(super) fn draw(view: &TrainView, root: &Area, theme: &Theme) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let w = words(theme.lang);
    let s = &view.session;
    let (width, height) = root.dim_in_pixel();
    let layout = figure_layout(width as f64, height as f64, theme);
    if s.raw.train.features == 2 {
        let plot = BoundaryPlot {
            boundary: s.boundary.as_ref(),
            view: s.view_box,
            points: &points(s),
            classes: s.classes,
            title: w.boundary_title,
            square: layout.square,
        };
        draw_boundary(root, &plot, theme)?;
    } else {
        let set = s.confusion.as_ref().map_or(EvalSet::Dev, |c| c.set);
        let set_name = match set {
            EvalSet::Dev => w.dev_set,
            EvalSet::Train => w.train_set,
        };
        let title = format!("{} ({set_name})", w.confusion_title);
        draw_confusion(
            root,
            s.confusion.as_ref(),
            &mistakes(s),
            &title,
            w.mistakes_title,
            layout.square,
            theme,
        )?;
    }
    draw_network(root, layout.network, &diagram(s, view.focus, w), theme)?;
    let panel = |r: Rect| {
        let [(x0, y0), (x1, y1)] = r.corners();
        root.clone().shrink(
            (x0.max(0) as u32, y0.max(0) as u32),
            ((x1 - x0).max(1) as u32, (y1 - y0).max(1) as u32),
        )
    };
    curves(
        s,
        view.diagnosis.bayes_error,
        w,
        (&panel(layout.cost), &panel(layout.error)),
        theme,
    )?;
    let hist = weight_histogram(&s.trainer.net, view.threshold);
    let ww = w.weights;
    let weights = WeightPanel {
        title: ww.title.into(),
        axis: ww.axis.into(),
        range: hist.range,
        counts: hist.counts,
        threshold: hist.threshold,
        share: (ww.share)(hist.share, hist.threshold),
    };
    draw_weights(&panel(layout.weights), &weights, theme)
}

/// The rows of a 2-D set to draw: dev and test as rings, train (with clicked points) filled on
/// top.
fn points(s: &TrainSession) -> Vec<Point> {
    let mut pts = Vec::new();
    for (set, train) in [(&s.raw.dev, false), (&s.raw.test, false), (&s.raw.train, true)] {
        for i in 0..set.rows() {
            let r = set.row(i);
            pts.push((r[0], r[1], set.label(i), train));
        }
    }
    pts
}

/// The misclassified 8 x 8 digits of the last confusion matrix, each row's pixels stretched to
/// [0, 1], with their true and predicted classes.
fn mistakes(s: &TrainSession) -> Vec<(Vec<f64>, usize, usize)> {
    let Some(c) = s.confusion.as_ref().filter(|_| s.raw.dev.features == 64) else {
        return Vec::new();
    };
    let set = match c.set {
        EvalSet::Dev => &s.raw.dev,
        EvalSet::Train => &s.raw.train,
    };
    c.mistakes
        .iter()
        .filter(|m| m.0 < set.rows())
        .map(|&(i, t, p)| {
            let row = set.row(i);
            let (lo, hi) = row
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
            let span = if hi > lo { hi - lo } else { 1.0 };
            (row.iter().map(|v| (v - lo) / span).collect(), t, p)
        })
        .collect()
}

/// The two panels of curves over epochs, with the run's marks.
fn curves<DB: DrawingBackend>(
    s: &TrainSession,
    bayes: f64,
    w: &Words,
    (top, bottom): (&DrawingArea<DB, Shift>, &DrawingArea<DB, Shift>),
    theme: &Theme,
) -> Result<(), ChartError> {
    let spe = s.trainer.steps_per_epoch().max(1) as f64;
    let x_max = (s.config.epochs as f64).max(s.epochs_done() as f64).max(1.0);
    let marks: Vec<(f64, String)> = s
        .marks
        .iter()
        .map(|m| (m.step as f64 / spe, mark(w, &m.kind)))
        .collect();
    let ep = |f: fn(&EpochStats) -> Option<f64>| {
        s.epochs
            .iter()
            .filter_map(|e| f(e).map(|v| (e.epoch as f64, v)))
            .collect::<Vec<_>>()
    };
    let steps: Vec<(f64, f64)> = s.step_losses.iter().map(|&(t, l)| (t as f64 / spe, l)).collect();
    let train_loss = ep(|e| Some(e.train_loss));
    let dev_loss = ep(|e| e.dev_loss);
    // The cost axis reaches the epoch costs and the 95th percentile of the mini-batch costs (a
    // few noisy batches do not flatten the curves).
    let mut finite: Vec<f64> = train_loss.iter().chain(&dev_loss).map(|p| p.1).collect();
    let mut batch: Vec<f64> = steps.iter().map(|p| p.1).filter(|v| v.is_finite()).collect();
    batch.sort_by(f64::total_cmp);
    if let Some(&q) = batch.get(batch.len() * 95 / 100) {
        finite.push(q);
    }
    let y_max = finite
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0f64, f64::max)
        .max(1e-3)
        * 1.05;
    let curve = |points, color, faint, label: &str| Curve {
        points,
        color,
        faint,
        label: label.to_string(),
    };
    let loss = CurvesPanel {
        title: w.cost_title.into(),
        x: (0.0, x_max),
        y: (0.0, y_max),
        curves: vec![
            curve(steps, 0, true, ""),
            curve(train_loss, 0, false, w.train),
            curve(dev_loss, 1, false, w.dev),
        ],
        marks: marks.clone(),
        x_label: w.epoch.into(),
    };
    draw_curves(top, &loss, theme)?;
    let err = CurvesPanel {
        title: w.error_title.into(),
        x: (0.0, x_max),
        y: (0.0, 1.0),
        curves: vec![
            curve(ep(|e| Some(e.train_error)), 0, false, w.train),
            curve(ep(|e| e.dev_error), 1, false, w.dev),
            curve(vec![(0.0, bayes), (x_max, bayes)], 6, true, w.bayes),
        ],
        marks,
        x_label: w.epoch.into(),
    };
    draw_curves(bottom, &err, theme)
}
