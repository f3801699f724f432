//! The figure of `view=tuning`, one [`Panel`] at a time: `curves` (validation accuracy of every
//! trial over epochs, the ones still training included), `scatter` (log lr x log weight decay
//! coloured by validation accuracy, every round), `best` (the best `k` as small multiples,
//! training dashed, validation solid). The chart functions get their words from [`super::text`].
use super::text::words;
use super::Area;
use crate::chart::tuning::{draw_curves, draw_multiples, draw_scatter, Curve, CurvesWords, Dot, ScatterWords};
use crate::chart::{ChartError, Theme};
use crate::core::lab::tuning::{LogRange, Round, Search, TrialResult};
use crate::core::named::named;
use plotters::prelude::*;

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

/// The smallest box around every round's ranges (a later round is padded beyond the first).
fn span(rounds: &[Round], range: fn(&Round) -> LogRange) -> (f64, f64) {
    rounds
        .iter()
        .map(range)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r[0]), hi.max(r[1]))
        })
}

/// Draws `panel` of `search`, its best `k` trials highlighted.
pub fn draw(root: &Area, theme: &Theme, search: &Search, panel: Panel, k: usize) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let w = words(theme.lang);
    let epochs = search.config.epochs;
    let best = search.best(k);
    let curve = |t: &TrialResult| Curve {
        label: (w.trial_label)(t.spec.index, t.final_val(), t.spec.lr, t.spec.weight_decay),
        train: t.train_acc.clone(),
        val: t.val_acc.clone(),
        best: best.contains(&t.spec.index),
    };
    let round = search.rounds.len();
    match panel {
        Panel::Scatter => {
            let dots: Vec<Dot> = search
                .rounds
                .iter()
                .enumerate()
                .flat_map(|(i, r)| {
                    r.results.iter().flatten().map(move |t| Dot {
                        x: t.spec.lr.log10(),
                        y: t.spec.weight_decay.log10(),
                        acc: t.final_val(),
                        current: i + 1 == round,
                        diverged: t.diverged.is_some(),
                    })
                })
                .collect();
            let (lr, wd) = (span(&search.rounds, |r| r.lr), span(&search.rounds, |r| r.weight_decay));
            let words = ScatterWords {
                title: &(w.scatter_title)(round),
                x_desc: w.learning_rate_log,
                y_desc: w.weight_decay_log,
                colour_bar: w.val_acc,
            };
            draw_scatter(
                root,
                &words,
                &dots,
                (lr.0 - 0.2, lr.1 + 0.2),
                (wd.0 - 0.2, wd.1 + 0.2),
                theme,
            )
        }
        Panel::Best => {
            let curves: Vec<Curve> = search.ranking().iter().take(k).map(|t| curve(t)).collect();
            draw_multiples(root, &(w.best_head)(curves.len(), round), &curves, epochs, theme)
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
