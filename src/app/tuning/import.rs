//! A results file brought back into `view=tuning` (`command("results", csv)`): the trials of an
//! Optuna study, a Ray Tune run or the lab's own search ([`crate::core::lab::tuning::results`]),
//! drawn with the view's figures: the scatter on log lr x log λ coloured by validation accuracy
//! (pruned trials ringed, diverged ones crossed), the validation curves where the file has them,
//! the best `k` as small multiples, and the best-`k` table, best first by the engine's own rule.
//! The search of the parameters goes on underneath; `command("clear_results")` or a new search
//! setting shows it again. A file that cannot be read leaves everything as it was.
use super::figure::{height_for, Panel, TrialPoint};
use super::study_text::{study_words, StudyFacts};
use super::text::words;
use super::Area;
use crate::app::params::Notice;
use crate::chart::record::Recorder;
use crate::chart::tuning::{
    decade_axis, draw_curves, draw_multiples, draw_scatter, multiples_grid, Curve, CurvesWords, Dot, ScatterWords,
};
use crate::chart::{ChartError, Lang, Theme, INK};
use crate::core::lab::tuning::results::{ImportedTrial, Results, State};
use plotters::prelude::*;
use serde_json::json;

/// A results file shown instead of the search.
pub struct Imported {
    results: Results,
}

impl Imported {
    /// Reads a results CSV; a malformed one is a notice on `results` naming its line.
    pub fn load(text: &str) -> Result<Imported, Notice> {
        Results::parse(text)
            .map(|results| Imported { results })
            .map_err(|e| Notice::rejected("results", e.to_string()))
    }

    /// The trials read.
    pub fn results(&self) -> &Results {
        &self.results
    }

    /// What was read: the engine, the trials, the pruned ones and the best as the engine picks it.
    pub fn summary(&self) -> serde_json::Value {
        let r = &self.results;
        let best = r.best().map(|t| {
            json!({"number": t.number, "label": t.label, "lr": t.lr, "weight_decay": t.weight_decay, "val_acc": t.val})
        });
        json!({
            "source": r.source.id(),
            "trials": r.trials.len(),
            "pruned": r.pruned(),
            "epochs": r.epochs(),
            "curves": r.trials.iter().any(|t| !t.val_acc.is_empty()),
            "best": best,
        })
    }

    /// The best `k` as the view's table (the lab's columns).
    pub fn table(&self, k: usize) -> serde_json::Value {
        let t = &self.results.trials;
        let rows: Vec<Vec<f64>> = self
            .results
            .ranking()
            .into_iter()
            .take(k)
            .map(|i| {
                let t = &t[i];
                vec![
                    t.number as f64,
                    t.lr,
                    t.weight_decay,
                    t.epochs as f64,
                    t.train.unwrap_or(0.0),
                    t.val,
                ]
            })
            .collect();
        json!({"id": "best", "columns": ["trial", "lr", "weight_decay", "epochs", "train_acc", "val_acc"], "rows": rows})
    }

    /// The figure's height for `width` CSS pixels.
    pub fn height_for(&self, panel: Panel, width: f64, k: usize) -> f64 {
        height_for(panel, width, k, self.results.trials.len())
    }

    /// The text alternative.
    pub fn describe(&self, lang: Lang) -> String {
        let r = &self.results;
        let facts = StudyFacts {
            source: r.source,
            trials: r.trials.len(),
            pruned: r.pruned(),
            best: r.best().map(|t| (t.label.as_str(), t.lr, t.weight_decay, t.val)),
        };
        (study_words(lang).describe)(&facts)
    }

    fn dots(&self) -> Vec<Dot> {
        let last = self.results.last_round();
        self.results
            .trials
            .iter()
            .map(|t| Dot {
                x: t.lr.log10(),
                y: t.weight_decay.log10(),
                acc: t.val,
                current: t.round == last,
                diverged: matches!(t.state, State::Diverged | State::Failed),
            })
            .collect()
    }

    /// Draws the scatter; returns where each trial landed (backend pixels).
    fn scatter(&self, root: &Area, theme: &Theme) -> Result<Vec<(i32, i32)>, ChartError> {
        let (w, s) = (words(theme.lang), study_words(theme.lang));
        let dots = self.dots();
        let span = |f: fn(&Dot) -> f64| {
            dots.iter()
                .map(f)
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
        };
        let ((x0, x1), (y0, y1)) = (span(|d| d.x), span(|d| d.y));
        let r = &self.results;
        let title = (s.scatter_title)((s.source)(r.source), r.trials.len(), r.pruned());
        let sw = ScatterWords {
            title: &title,
            x_desc: w.learning_rate_log,
            y_desc: w.weight_decay_log,
            colour_bar: w.val_acc,
            diverged: w.diverged,
        };
        let at = draw_scatter(root, &sw, &dots, decade_axis(x0, x1), decade_axis(y0, y1), theme)?;
        // a pruned trial: a ring around its dot
        let ring = INK.stroke_width(theme.px(1.5));
        for (t, &p) in r.trials.iter().zip(&at) {
            if t.state == State::Pruned {
                root.draw(&Circle::new(p, theme.px(7.5), ring))?;
            }
        }
        Ok(at)
    }

    /// Where the scatter draws each trial in a figure of `size` output pixels (the readout).
    pub fn points(&self, size: (u32, u32), theme: &Theme) -> Result<Vec<TrialPoint>, ChartError> {
        let root = Recorder::new(size).into_drawing_area();
        let at = self.scatter(&root, theme)?;
        Ok(self
            .results
            .trials
            .iter()
            .zip(at)
            .map(|(t, (px, py))| TrialPoint {
                x: px as f64 / theme.scale,
                y: py as f64 / theme.scale,
                round: t.round,
                trial: t.number,
                lr: t.lr,
                weight_decay: t.weight_decay,
                val: t.val,
                diverged: matches!(t.state, State::Diverged | State::Failed),
            })
            .collect())
    }

    /// Draws `panel` of the results, the best `k` highlighted.
    pub fn draw(&self, root: &Area, theme: &Theme, panel: Panel, k: usize) -> Result<(), ChartError> {
        root.fill(&WHITE)?;
        let (w, s) = (words(theme.lang), study_words(theme.lang));
        let r = &self.results;
        let name = (s.source)(r.source);
        let ranking = r.ranking();
        let best: Vec<usize> = ranking.iter().copied().take(k).collect();
        let epochs = r.epochs().max(1);
        let curve = |i: usize, t: &ImportedTrial| Curve {
            title: (w.trial_title)(t.number, t.val),
            detail: (w.trial_detail)(t.lr, t.weight_decay),
            train: t.train_acc.clone(),
            val: t.val_acc.clone(),
            best: best.contains(&i),
        };
        match panel {
            Panel::Scatter => self.scatter(root, theme).map(|_| ()),
            Panel::Best => {
                let n = k.min(ranking.len());
                let grid = multiples_grid(root.dim_in_pixel(), n, theme);
                let curves: Vec<Curve> = ranking
                    .iter()
                    .take(grid.shown)
                    .map(|&i| curve(i, &r.trials[i]))
                    .collect();
                let of = if grid.shown < n { n } else { curves.len() };
                draw_multiples(root, &(s.best_head)(name, curves.len(), of), &curves, grid, epochs, theme)
            }
            Panel::Curves => {
                let curves: Vec<Curve> = r
                    .trials
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !t.val_acc.is_empty())
                    .map(|(i, t)| curve(i, t))
                    .collect();
                let title = (s.curves_title)(name, best.len(), !curves.is_empty());
                let cw = CurvesWords {
                    title: &title,
                    x_desc: w.epoch,
                    y_desc: w.validation_accuracy,
                };
                draw_curves(root, &cw, &curves, epochs, theme)
            }
        }
    }
}
