//! The figure of `view=tuning`, one [`Panel`] at a time: `curves` (validation accuracy of every
//! trial over epochs, the ones still training included), `scatter` (log lr x log weight decay
//! coloured by validation accuracy, every round), `best` (the best `k` as small multiples,
//! training dashed, validation solid, as many across as the width holds). The chart functions
//! get their words from [`super::text`]. [`height_for`] gives each panel the height it needs and
//! [`trial_points`] says where the scatter drew each trial (the page's readout).
use super::text::words;
use super::Area;
use crate::chart::record::Recorder;
use crate::chart::tuning::{
    decade_axis, draw_curves, draw_multiples, draw_scatter, multiples_grid, multiples_height, Curve, CurvesWords, Dot,
    ScatterWords,
};
use crate::chart::{ChartError, Theme};
use crate::core::lab::tuning::{LogRange, Round, Search, TrialResult};
use crate::core::named::named;
use plotters::prelude::*;
use serde::Serialize;

/// What the figure shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Validation accuracy of every trial over epochs (the default).
    Curves,
    /// The trials in the (log lr, log weight decay) plane, coloured by validation accuracy.
    Scatter,
    /// The best `k` trials as small multiples.
    Best,
}

named!(Panel {
    Curves => "curves",
    Scatter => "scatter",
    Best => "best",
});

/// Below this width (CSS pixels) a single plot is drawn taller than the page's default shape,
/// so a phone's figure is not a thin strip.
const NARROW: f64 = 600.0;

/// The figure's height for `width` CSS pixels: the small multiples' rows of the best `k` of
/// `trials`, or one plot (0.58 of the width, 0.85 on a narrow screen).
pub fn height_for(panel: Panel, width: f64, k: usize, trials: usize) -> f64 {
    match panel {
        Panel::Best => multiples_height(width, k.min(trials)),
        _ if width < NARROW => 0.85 * width,
        _ => crate::app::view::DEFAULT_ASPECT * width,
    }
}

/// The smallest box around every round's ranges (a later round is padded beyond the first).
fn span(rounds: &[Round], range: fn(&Round) -> LogRange) -> (f64, f64) {
    rounds
        .iter()
        .map(range)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r[0]), hi.max(r[1]))
        })
}

/// The trials with a result in every round, as the scatter draws them, in the order of
/// [`trial_points`].
fn dots(search: &Search) -> Vec<(usize, &TrialResult, Dot)> {
    let current = search.rounds.len();
    search
        .rounds
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.results.iter().flatten().map(move |t| {
                let dot = Dot {
                    x: t.spec.lr.log10(),
                    y: t.spec.weight_decay.log10(),
                    acc: t.final_val(),
                    current: i + 1 == current,
                    diverged: t.diverged.is_some(),
                };
                (i, t, dot)
            })
        })
        .collect()
}

/// Draws the scatter of `search`; returns where each of [`dots`] landed.
fn scatter(root: &Area, theme: &Theme, search: &Search) -> Result<Vec<(i32, i32)>, ChartError> {
    let w = words(theme.lang);
    let all: Vec<Dot> = dots(search).into_iter().map(|(_, _, d)| d).collect();
    let (lr, wd) = (span(&search.rounds, |r| r.lr), span(&search.rounds, |r| r.weight_decay));
    let words = ScatterWords {
        title: &(w.scatter_title)(search.rounds.len()),
        x_desc: w.learning_rate_log,
        y_desc: w.weight_decay_log,
        colour_bar: w.val_acc,
        diverged: w.diverged,
    };
    draw_scatter(
        root,
        &words,
        &all,
        decade_axis(lr.0, lr.1),
        decade_axis(wd.0, wd.1),
        theme,
    )
}

/// One trial of the scatter where it was drawn, for the page's readout (hover, tap, arrow keys).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TrialPoint {
    /// Horizontal position in CSS pixels from the figure's left edge.
    pub x: f64,
    /// Vertical position in CSS pixels from the figure's top edge.
    pub y: f64,
    /// Round, from 0.
    pub round: usize,
    /// Trial index in its round.
    pub trial: usize,
    /// Learning rate.
    pub lr: f64,
    /// Weight decay λ.
    pub weight_decay: f64,
    /// Final validation accuracy (0 for a diverged trial).
    pub val: f64,
    /// The trial diverged.
    pub diverged: bool,
}

/// Where the scatter of `search` draws each trial in a figure of `size` output pixels with
/// `theme` (its pixel ratio and language: the title's size, and so the plot area, depends on
/// both), laid out as the drawn figure is.
pub fn trial_points(search: &Search, size: (u32, u32), theme: &Theme) -> Result<Vec<TrialPoint>, ChartError> {
    let root = Recorder::new(size).into_drawing_area();
    let at = scatter(&root, theme, search)?;
    Ok(dots(search)
        .into_iter()
        .zip(at)
        .map(|((round, t, _), (px, py))| TrialPoint {
            x: px as f64 / theme.scale,
            y: py as f64 / theme.scale,
            round,
            trial: t.spec.index,
            lr: t.spec.lr,
            weight_decay: t.spec.weight_decay,
            val: t.final_val(),
            diverged: t.diverged.is_some(),
        })
        .collect())
}

/// Draws `panel` of `search`, its best `k` trials highlighted.
pub fn draw(root: &Area, theme: &Theme, search: &Search, panel: Panel, k: usize) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let w = words(theme.lang);
    let epochs = search.config.epochs;
    let best = search.best(k);
    let curve = |t: &TrialResult| Curve {
        title: (w.trial_title)(t.spec.index, t.final_val()),
        detail: (w.trial_detail)(t.spec.lr, t.spec.weight_decay),
        train: t.train_acc.clone(),
        val: t.val_acc.clone(),
        best: best.contains(&t.spec.index),
    };
    let round = search.rounds.len();
    match panel {
        Panel::Scatter => scatter(root, theme, search).map(|_| ()),
        Panel::Best => {
            let grid = multiples_grid(root.dim_in_pixel(), k.min(search.config.trials), theme);
            let curves: Vec<Curve> = search.ranking().iter().take(grid.shown).map(|t| curve(t)).collect();
            // "best 6 of 20" only when the figure holds fewer than asked for
            let n = k.min(search.config.trials);
            let of = if grid.shown < n { n } else { curves.len() };
            let head = (w.best_head)(curves.len(), of, round);
            draw_multiples(root, &head, &curves, grid, epochs, theme)
        }
        Panel::Curves => {
            // finished trials, then those being trained (their curves grow epoch by epoch)
            let mut curves: Vec<Curve> = search.round().results.iter().flatten().map(curve).collect();
            curves.retain(|c| !c.val.is_empty());
            curves.extend(
                search
                    .running()
                    .into_iter()
                    .filter(|t| !t.val_acc.is_empty())
                    .map(|t| Curve {
                        best: false,
                        ..curve(t)
                    }),
            );
            let words = CurvesWords {
                title: &(w.curves_title)(round, best.len()),
                x_desc: w.epoch,
                y_desc: w.validation_accuracy,
            };
            draw_curves(root, &words, &curves, epochs, theme)
        }
    }
}
