//! What every unit of a training session's network computes, for the network diagram of
//! `view=train` (after TensorFlow Playground's picture, where each neuron is a small heatmap):
//!
//! * [`UnitGrids`]: for 2-D data, each unit's activation `a[l]_u(x)` over the input plane on a
//!   coarse `side x side` lattice. Its points are every [`UNIT_STRIDE`]-th centre of the decision
//!   boundary's grid (cell `3i + 1` of a `3n` grid has the centre `(3i + 1.5) / 3n = (i + 0.5) / n`
//!   of cell `i` of an `n` grid), so the activations are read off the boundary's own forward
//!   pass ([`crate::core::nn::Network::activations`]) at no extra cost.
//! * [`UnitHistogram`]: each unit's activation over the training rows (evaluation mode: running
//!   batch-norm statistics, no dropout), in [`HIST_BINS`] bins over the activation's range: `[-1, 1]`
//!   for tanh, `[0, 1]` for the sigmoid and the output's probabilities, `[0, R]` for ReLU and
//!   `[-R, R]` for leaky ReLU and linear units, `R` the first chunk's largest `|a|` rounded up to
//!   1, 2 or 5 times a power of ten (values past it are counted in the end bins; the true
//!   minimum and maximum are kept).
//!
//! Layers are numbered as in the notes: 0 the inputs (standardised like the data), 1.. the
//! hidden layers, the last the output.
use crate::core::nn::{Activation, Network};
use serde::Serialize;

/// The unit grids take every third point of the boundary's grid.
pub const UNIT_STRIDE: usize = 3;
/// Bins of an activation histogram: 20.
pub const HIST_BINS: usize = 20;
/// Networks of at most this many parameters get the fine grids (72 x 72 boundary, 24 x 24 per
/// unit); larger ones 36 x 36 and 12 x 12, so an evaluation stays a small share of training.
pub const FINE_GRID_PARAMS: usize = 20_000;

/// The sides of the decision-boundary grid and of the unit grids for a network of `params`
/// parameters: (72, 24) up to [`FINE_GRID_PARAMS`], else (36, 12).
pub fn grid_sides(params: usize) -> (usize, usize) {
    let unit = if params <= FINE_GRID_PARAMS { 24 } else { 12 };
    (UNIT_STRIDE * unit, unit)
}

/// Every unit's activation on the unit lattice, layer by layer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitGrids {
    /// Points per side.
    pub side: usize,
    /// Per layer (0 = inputs), unit by unit: `side * side` values each, row `j` = y from the
    /// bottom, as the boundary's cells.
    pub layers: Vec<Vec<f32>>,
}

impl UnitGrids {
    /// Empty grids of `side` for layers of `sizes` units (inputs first).
    pub fn new(side: usize, sizes: &[usize]) -> Self {
        UnitGrids {
            side,
            layers: sizes.iter().map(|&n| vec![0.0; n * side * side]).collect(),
        }
    }

    /// Unit `unit` of layer `layer` (`side * side` values), if there is one.
    pub fn unit(&self, layer: usize, unit: usize) -> Option<&[f32]> {
        let cells = self.side * self.side;
        self.layers.get(layer)?.get(unit * cells..(unit + 1) * cells)
    }

    /// Takes the activations of the boundary grid's cells `pos..end` (side `boundary`), just
    /// predicted by `net`, at the points that lie on the unit lattice.
    pub fn capture(&mut self, net: &Network<f32>, pos: usize, end: usize, boundary: usize) {
        let (side, cells) = (self.side, self.side * self.side);
        for (l, grid) in self.layers.iter_mut().enumerate() {
            let Some(acts) = net.activations(l) else { continue };
            let n = grid.len() / cells.max(1);
            if acts.len() < (end - pos) * n {
                continue;
            }
            for c in pos..end {
                let (i, j) = (c % boundary, c / boundary);
                if i % UNIT_STRIDE != 1 || j % UNIT_STRIDE != 1 {
                    continue;
                }
                let (ui, uj) = (i / UNIT_STRIDE, j / UNIT_STRIDE);
                if ui >= side || uj >= side {
                    continue;
                }
                let row = &acts[(c - pos) * n..(c - pos + 1) * n];
                for (u, &a) in row.iter().enumerate() {
                    grid[u * cells + uj * side + ui] = a;
                }
            }
        }
    }
}

/// One unit's activation over the training rows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UnitHistogram {
    /// The bins' range: `HIST_BINS` equal bins from `lo` to `hi`.
    pub lo: f64,
    /// See `lo`.
    pub hi: f64,
    /// Rows per bin (values outside the range in the end bins).
    pub counts: Vec<u32>,
    /// The smallest activation seen.
    pub min: f64,
    /// The largest activation seen.
    pub max: f64,
    /// The mean activation.
    pub mean: f64,
    /// Rows counted.
    pub rows: usize,
}

/// 1, 2 or 5 times a power of ten, at least `v` (and at least 0.001).
fn nice_ceiling(v: f64) -> f64 {
    let v = if v.is_finite() { v.max(1e-3) } else { 1e3 };
    let p = 10f64.powf(v.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|k| k * p)
        .find(|&x| x >= v * (1.0 - 1e-12))
        .unwrap_or(10.0 * p)
}

/// Histograms of every hidden and output unit, filled chunk by chunk.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Histograms {
    /// Per layer from 1 (index `l - 1`), unit by unit.
    pub layers: Vec<Vec<UnitHistogram>>,
    #[serde(skip)]
    sums: Vec<Vec<f64>>,
}

impl Histograms {
    /// Adds the `m` rows of `net`'s last (evaluation) forward pass. The first call sets the
    /// ranges.
    pub fn add(&mut self, net: &Network<f32>, m: usize) {
        let sizes = net.config().sizes();
        let last = sizes.len() - 1;
        if self.layers.is_empty() {
            for (l, &n) in sizes.iter().enumerate().skip(1) {
                let acts = net.activations(l).unwrap_or(&[]);
                let peak = |u: usize| {
                    acts.iter()
                        .skip(u)
                        .step_by(n.max(1))
                        .fold(0.0f64, |a, &v| a.max((v as f64).abs()))
                };
                let units = (0..n)
                    .map(|u| {
                        let (lo, hi) = if l == last {
                            (0.0, 1.0)
                        } else {
                            match net.config().activation {
                                Activation::Tanh => (-1.0, 1.0),
                                Activation::Sigmoid => (0.0, 1.0),
                                Activation::Relu => (0.0, nice_ceiling(peak(u))),
                                Activation::LeakyRelu | Activation::Linear => {
                                    let r = nice_ceiling(peak(u));
                                    (-r, r)
                                }
                            }
                        };
                        UnitHistogram {
                            lo,
                            hi,
                            counts: vec![0; HIST_BINS],
                            min: f64::INFINITY,
                            max: f64::NEG_INFINITY,
                            mean: 0.0,
                            rows: 0,
                        }
                    })
                    .collect();
                self.layers.push(units);
                self.sums.push(vec![0.0; n]);
            }
        }
        for (l, &n) in sizes.iter().enumerate().skip(1) {
            let Some(acts) = net.activations(l) else { continue };
            if acts.len() < m * n {
                continue;
            }
            let (units, sums) = (&mut self.layers[l - 1], &mut self.sums[l - 1]);
            for row in acts[..m * n].chunks_exact(n) {
                for (u, &a) in row.iter().enumerate() {
                    let (h, a) = (&mut units[u], a as f64);
                    if !a.is_finite() {
                        continue;
                    }
                    let k = ((a - h.lo) / (h.hi - h.lo) * HIST_BINS as f64).floor();
                    h.counts[(k.max(0.0) as usize).min(HIST_BINS - 1)] += 1;
                    h.min = h.min.min(a);
                    h.max = h.max.max(a);
                    h.rows += 1;
                    sums[u] += a;
                }
            }
            for (h, s) in units.iter_mut().zip(sums.iter()) {
                h.mean = if h.rows > 0 { s / h.rows as f64 } else { 0.0 };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ceilings_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_ceiling(0.7), 1.0);
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(1.3), 2.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(6.0), 10.0);
        assert_eq!(nice_ceiling(0.0), 0.001);
    }

    #[test]
    fn the_unit_lattice_is_every_third_centre_of_the_boundary_grid() {
        let (b, u) = grid_sides(100);
        assert_eq!((b, u), (72, 24));
        // the centre of unit cell i equals the centre of boundary cell 3i + 1
        for i in 0..u {
            let unit = (i as f64 + 0.5) / u as f64;
            let fine = ((UNIT_STRIDE * i + 1) as f64 + 0.5) / b as f64;
            assert!((unit - fine).abs() < 1e-12);
        }
        assert_eq!(grid_sides(FINE_GRID_PARAMS + 1), (36, 12));
    }
}
