//! The readouts of `view=batchnorm`: what the page shows under a pointer (or the arrow keys) on
//! each panel, from where [`super::figure`] drew it: a probe's percentiles or dev accuracies
//! (`shift`), a ridge bin's count (`ridge`), a test batch size's two accuracies (`test`), a grid
//! cell's latest training accuracies (`grid`).
use super::figure::Drawn;
use super::text::{GridReadout, ProbeReadout, RidgeReadout, TestReadout, Words};
use super::Panel as Shown;
use crate::app::targets::Target;
use crate::chart::batchnorm::{ridge_base, PlotBox};
use crate::core::lab::bn_grid::BnGrid;
use crate::core::lab::bn_study::{BnStudy, Probe};

/// The readout targets of what [`Drawn`] holds for panel `shown`.
pub fn targets(shown: Shown, drawn: &Drawn, study: &BnStudy, grid: &BnGrid, w: &Words) -> Vec<Target> {
    let mut out = Vec::new();
    let mut push = |x0: f64, y0: f64, x1: f64, y1: f64, group: usize, label: String| {
        out.push(Target {
            x0,
            y0,
            x1,
            y1,
            group,
            label,
        })
    };
    match shown {
        // the layer panel's numbers are in its table (no readouts yet)
        Shown::Layer => {}
        Shown::Shift => {
            let probes = [&study.plain.probes, &study.batch_norm.probes];
            for (g, b) in drawn.boxes.iter().enumerate() {
                let steps = probes[g.min(1)];
                for (i, p) in steps.iter().enumerate() {
                    let (lo, hi) = column(b, steps, i);
                    let r = ProbeReadout {
                        batch_norm: g == 1,
                        step: p.step,
                        p15: p.p15,
                        p50: p.p50,
                        p85: p.p85,
                        dev_plain: study.plain.probes.get(i).map_or(f64::NAN, |q| q.dev_accuracy),
                        dev_bn: study.batch_norm.probes.get(i).map_or(f64::NAN, |q| q.dev_accuracy),
                    };
                    let label = if g < 2 { (w.probe)(&r) } else { (w.accuracy)(&r) };
                    push(lo, b.y0 as f64, hi, b.y1 as f64, g, label);
                }
            }
        }
        Shown::Ridge => {
            let probes = [&study.plain.probes, &study.batch_norm.probes];
            let n = drawn.ridge_rows.len();
            for (g, b) in drawn.boxes.iter().enumerate() {
                for (row, &i) in drawn.ridge_rows.iter().enumerate() {
                    let Some(p) = probes[g.min(1)].get(i) else { continue };
                    let bins = p.hist.counts.len().max(1);
                    let step = (p.hist.hi - p.hist.lo) / bins as f64;
                    let base = ridge_base(row, n);
                    let total = p.hist.counts.iter().map(|&c| c as f64).sum::<f64>().max(1.0);
                    for (k, &count) in p.hist.counts.iter().enumerate() {
                        let lo = p.hist.lo + step * k as f64;
                        let r = RidgeReadout {
                            batch_norm: g == 1,
                            step: p.step,
                            lo,
                            hi: lo + step,
                            count,
                            share: count as f64 / total,
                        };
                        let (x0, x1) = (b.px_x(lo), b.px_x(lo + step));
                        let (y0, y1) = (b.px_y(base + 1.0), b.px_y(base));
                        push(x0, y0, x1, y1, g * n + row, (w.ridge_bin)(&r));
                    }
                }
            }
        }
        Shown::Test => {
            if let Some(b) = drawn.boxes.first() {
                for (i, r) in study.test_rows.iter().enumerate() {
                    let (x0, x1) = (
                        b.px_x(i as f64 - 0.5).max(b.x0 as f64),
                        b.px_x(i as f64 + 0.5).min(b.x1 as f64),
                    );
                    let r = TestReadout {
                        batch_size: r.batch_size,
                        running: r.running,
                        batch_stats: r.batch_stats,
                    };
                    push(x0, b.y0 as f64, x1, b.y1 as f64, 0, (w.test_point)(&r));
                }
            }
        }
        Shown::Grid => {
            let across = if drawn.boxes.len() > 1 && drawn.boxes[1].y0 == drawn.boxes[0].y0 {
                drawn.boxes.iter().take_while(|b| b.y0 == drawn.boxes[0].y0).count()
            } else {
                1
            };
            for (k, (b, cell)) in drawn.boxes.iter().zip(&grid.cells).enumerate() {
                let (plain, bn) = cell.final_accuracy();
                let r = GridReadout {
                    scale: cell.scale,
                    epochs: cell.plain.len().min(cell.batch_norm.len()).saturating_sub(1),
                    plain,
                    batch_norm: bn,
                };
                push(
                    b.x0 as f64,
                    b.y0 as f64,
                    b.x1 as f64,
                    b.y1 as f64,
                    k / across,
                    (w.grid_point)(&r),
                );
            }
        }
    }
    out
}

/// The pixel columns of probe `i` of `probes` in box `b`: halfway to its neighbours.
fn column(b: &PlotBox, probes: &[Probe], i: usize) -> (f64, f64) {
    let x = |j: usize| b.px_x(probes[j].step as f64);
    let lo = if i == 0 { b.x0 as f64 } else { (x(i - 1) + x(i)) / 2.0 };
    let hi = if i + 1 == probes.len() {
        b.x1 as f64
    } else {
        (x(i) + x(i + 1)) / 2.0
    };
    (lo, hi)
}
