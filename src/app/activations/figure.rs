//! The figure of `view=activations`: the study's histograms as [`crate::chart::activations`]'s
//! small multiples (without batch norm, then with it), and the bins as readout targets.
use super::text::{BinReadout, Words};
use crate::app::targets::Target;
use crate::app::Area;
use crate::chart::activations::{draw_hist_grid, CellBox, HistCell, HistGridWords, HistRow};
use crate::chart::ticks::linear_label;
use crate::chart::{ChartError, Theme};
use crate::core::lab::activation_study::{ActivationStudy, LayerStats};
use crate::core::math::format::decade;
use crate::core::nn::activation::Activation;

/// Palette index of the network without batch norm (blue).
const PLAIN: usize = 0;
/// Palette index of the network with batch norm (bluish green).
const BATCH_NORM: usize = 2;

/// What the figure needs from the view.
pub struct Figure<'a> {
    /// The study shown.
    pub study: &'a ActivationStudy,
    /// Its activation.
    pub activation: Activation,
    /// Whether it shows the gradients (backward) rather than the activations.
    pub backward: bool,
}

impl Figure<'_> {
    /// The two conditions, without and with batch norm.
    fn runs(&self) -> [&[LayerStats]; 2] {
        [&self.study.plain, &self.study.batch_norm]
    }

    fn cell(&self, l: &LayerStats, w: &Words) -> HistCell {
        if let (true, Some(h), Some(g)) = (self.backward, &l.grad_hist, l.grad_mean_abs) {
            return HistCell {
                lo: h.lo,
                hi: h.hi,
                counts: h.counts.clone(),
                lines: vec![(w.mean_grad)(g)],
            };
        }
        let share = match self.activation {
            Activation::Relu => w.zero_share,
            _ => w.saturated_share,
        };
        HistCell {
            lo: l.hist.lo,
            hi: l.hist.hi,
            counts: l.hist.counts.clone(),
            lines: vec![(w.mean_std)(l.mean, l.std), share(l.saturated)],
        }
    }

    /// Draws the grid; returns where each histogram went.
    pub fn draw(&self, root: &Area, w: &Words, theme: &Theme) -> Result<Vec<CellBox>, ChartError> {
        let what = if self.backward { w.gradients } else { "" };
        let titles = [(w.without_bn, w.without_bn_short), (w.with_bn, w.with_bn_short)];
        let rows: Vec<HistRow> = self
            .runs()
            .into_iter()
            .zip(titles)
            .zip([PLAIN, BATCH_NORM])
            .map(|((run, (title, short)), color)| HistRow {
                title: format!("{title}{what}"),
                short_title: format!("{short}{what}"),
                color,
                cells: run.iter().map(|l| self.cell(l, w)).collect(),
            })
            .collect();
        let backward = self.backward;
        let tick = move |x: f64, span: f64| {
            if !backward {
                linear_label(x, span)
            } else if (x - x.round()).abs() < 1e-9 {
                // log10 |dJ/dz|: whole decades only
                decade(x.round() as i64)
            } else {
                String::new()
            }
        };
        let words = HistGridWords {
            cell_title: &|i| (w.layer)(i + 1),
            tick: &tick,
        };
        draw_hist_grid(root, &rows, &words, theme)
    }

    /// One target per bin of every histogram (the whole height of its column), grouped by
    /// histogram, with its count in words.
    pub fn targets(&self, boxes: &[CellBox], w: &Words) -> Vec<Target> {
        let mut out = Vec::new();
        for (group, b) in boxes.iter().enumerate() {
            let Some(layer) = self.runs()[b.row].get(b.cell) else {
                continue;
            };
            let h = match (&layer.grad_hist, self.backward) {
                (Some(g), true) => g,
                _ => &layer.hist,
            };
            let bins = h.counts.len().max(1);
            let total = h.counts.iter().map(|&c| c as f64).sum::<f64>().max(1.0);
            let (px, width) = (b.x0 as f64, (b.x1 - b.x0) as f64 / bins as f64);
            let step = (h.hi - h.lo) / bins as f64;
            for (i, &count) in h.counts.iter().enumerate() {
                let (lo, hi) = (h.lo + step * i as f64, h.lo + step * (i + 1) as f64);
                let readout = BinReadout {
                    batch_norm: b.row == 1,
                    layer: b.cell + 1,
                    lo,
                    hi,
                    log10: self.backward,
                    count,
                    share: count as f64 / total,
                };
                out.push(Target {
                    x0: px + width * i as f64,
                    y0: b.y0 as f64,
                    x1: px + width * (i + 1) as f64,
                    y1: b.y1 as f64,
                    group,
                    label: (w.bin)(&readout),
                });
            }
        }
        out
    }
}
