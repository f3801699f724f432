//! The augmentation panel of `view=learning` (`compare=augment`; seed 001's data augmentation on
//! DLFS's overfitting setup): the train accuracy (solid) and dev accuracy (dashed) per epoch of
//! the three runs, one colour per augmentation, the legend giving each run's last accuracies and
//! their gap; its table and its text alternative.
use super::text::{augment_words, AugmentFacts};
use super::LearningView;
use crate::app::Area;
use crate::chart::legend::{draw_legend, legend_size, LegendEntry, LegendMark};
use crate::chart::lines::{draw_line_panel, Axis, LinePanel, Mark, Series};
use crate::chart::plane::{Heading, Rect, Room};
use crate::chart::{series_color, ChartError, Lang, Theme, INK};
use crate::core::data::augment::Augment;
use crate::core::lab::learning::{RunKind, CURVE_RUNS};
use plotters::prelude::*;
use serde_json::json;

/// Below this width in CSS pixels the legend sits under the plot and the figure is taller.
pub const NARROW: f64 = 600.0;

/// The figure's height at `width` CSS pixels: taller on a phone, where the legend goes below.
pub fn height_for(width: f64) -> f64 {
    if width < NARROW {
        (width * 1.15).max(300.0)
    } else {
        crate::chart::learning::height_for(width, 1)
    }
}

/// One augmentation run so far: its augmentation, colour index and accuracies per epoch.
pub(super) struct AugmentCurve<'a> {
    pub augment: Augment,
    pub train: &'a [f64],
    pub dev: &'a [f64],
}

impl LearningView {
    /// The augmentation runs with their accuracies so far (empty before their first epoch 0).
    pub(super) fn augment_curves(&self) -> Vec<AugmentCurve<'_>> {
        Augment::ALL
            .iter()
            .enumerate()
            .map(|(k, &augment)| {
                let c = self.study.curve(CURVE_RUNS + k);
                AugmentCurve {
                    augment,
                    train: c.map_or(&[][..], |c| c.train_acc.as_slice()),
                    dev: c.map_or(&[][..], |c| c.dev_acc.as_slice()),
                }
            })
            .collect()
    }

    /// One row per augmentation: its id, epochs done, last train and dev accuracy, their gap.
    pub(super) fn augment_table(&self) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .augment_curves()
            .iter()
            .map(|c| {
                let (t, d) = (c.train.last(), c.dev.last());
                let gap = t.zip(d).map(|(t, d)| t - d);
                json!([c.augment.id(), c.train.len().saturating_sub(1), t, d, gap])
            })
            .collect();
        json!({"id": "augment", "columns": ["run", "epochs", "train_accuracy", "dev_accuracy", "gap"], "rows": rows})
    }

    /// The text alternative of the augmentation panel.
    pub(super) fn describe_augment(&self, lang: Lang) -> String {
        let w = augment_words(lang);
        let (done, total) = self.study.progress();
        let per = self.study.config.iterations_of(RunKind::Augment(Augment::None)).max(1) as f64;
        let epochs = self.study.config.epochs as f64;
        let mut out = (w.summary)(&AugmentFacts {
            epochs: self.study.config.epochs,
            progress: (
                (done as f64 / per * epochs).round() as usize,
                (total as f64 / per * epochs).round() as usize,
            ),
        });
        for c in self.augment_curves() {
            if let (Some(&t), Some(&d)) = (c.train.last(), c.dev.last()) {
                out.push_str(&(w.result)((w.name)(c.augment), t, d));
            }
        }
        out.push_str(w.notes);
        out
    }

    /// Draws the augmentation panel.
    pub(super) fn draw_augment(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        root.fill(&WHITE)?;
        let w = augment_words(theme.lang);
        let (pw, ph) = root.dim_in_pixel();
        let narrow = (pw as f64 / theme.scale) < NARROW;
        let epochs = self.study.config.epochs as f64;
        let curves = self.augment_curves();
        let mut series = Vec::new();
        let mut legend = Vec::new();
        for (k, c) in curves.iter().enumerate() {
            let points = |v: &[f64]| v.iter().enumerate().map(|(e, &a)| (e as f64, a)).collect();
            let color = series_color(k);
            series.push(Series {
                points: points(c.dev),
                color,
                mark: Mark::Dashed,
                bars: Vec::new(),
            });
            series.push(Series {
                points: points(c.train),
                color,
                mark: Mark::Line,
                bars: Vec::new(),
            });
            let label = match (c.train.last(), c.dev.last()) {
                (Some(&t), Some(&d)) => (w.entry)((w.name)(c.augment), t, d),
                _ => (w.name)(c.augment).to_string(),
            };
            legend.push(LegendEntry {
                label,
                mark: LegendMark::Line,
                color,
            });
        }
        // on a phone the legend goes under the plot instead of covering half of it
        let (lw, lh) = legend_size(&legend, theme);
        let inset = theme.px(8.0) as f64;
        let below = if narrow { lh as f64 + inset } else { 0.0 };
        let cell = Rect::new(0.0, 0.0, pw as f64, ph as f64 - below);
        let plot = draw_line_panel(
            root,
            cell,
            &LinePanel {
                heading: Heading {
                    title: w.title,
                    short: w.title_short,
                    note: w.note,
                    note_short: w.note_short,
                    color: INK,
                },
                x_desc: w.epoch,
                y_desc: w.accuracy,
                x: (0.0, epochs.max(1.0)),
                y: (0.0, 1.0),
                x_axis: Axis::Whole,
                y_axis: Axis::Linear,
                series,
                legend: Vec::new(),
                room: Room::PANEL,
            },
            theme,
        )?;
        // bottom right: the curves rise to the top and stay there
        let at = if narrow {
            (inset as i32, (ph as f64 - lh as f64 - inset / 2.0) as i32)
        } else {
            (
                (plot.x + plot.w - lw as f64 - inset).max(plot.x) as i32,
                (plot.y + plot.h - lh as f64 - inset) as i32,
            )
        };
        draw_legend(root, at, &legend, theme)?;
        Ok(())
    }
}
