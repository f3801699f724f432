//! The evaluation of one epoch of a training session, in chunks (so a page can spread it over
//! frames): cost and error on the training rows, then on the dev rows (with the confusion matrix
//! and the misclassified rows), then the decision boundary on a grid for 2-D data.
//!
//! Cost on `n` rows: the mean output loss (summed chunk by chunk as `mean_chunk * m_chunk`) plus
//! the L2 term `lambda/(2n) sum ||W||^2` once. Error: the share of rows whose predicted class
//! (argmax for softmax, `a >= 0.5` for one sigmoid) is not the label. Boundary: the predicted
//! class and its probability at the centres of a `side x side` lattice over the plot's region
//! ([`super::units::grid_sides`]: 72 for small networks, 36 for large ones), mapped through the
//! same standardisation as the data. The same passes fill the network diagram's numbers
//! ([`super::units`]): the training rows' pass the units' activation histograms, the grid's pass
//! every unit's activation over the plane.
use super::stats::EpochStats;
use super::units::{Histograms, UnitGrids};
use crate::core::data::{Dataset, Scaler};
use crate::core::nn::{argmax, Network, TrainData};
use serde::{Deserialize, Serialize};

/// Most misclassified rows listed: 32.
pub const MAX_MISTAKES: usize = 32;

/// `(min, max)` of the finite values padded by `pad` of the span; `(-1, 1)` for none, a unit
/// span around a constant.
pub fn padded(values: &[f64], pad: f64) -> (f64, f64) {
    let (lo, hi) = values
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if lo > hi {
        return (-1.0, 1.0);
    }
    if hi - lo < 1e-12 {
        return (lo - 0.5, hi + 0.5);
    }
    (lo - pad * (hi - lo), hi + pad * (hi - lo))
}

/// The plotted region of a 2-D set, `((x0, x1), (y0, y1))` in raw coordinates.
pub type ViewBox = ((f64, f64), (f64, f64));

/// The padded range of the first two features (the 2-D plot's axes): the data's range padded
/// by 10% on each side.
pub fn view_box(data: &Dataset) -> ViewBox {
    let col = |j: usize| -> Vec<f64> { (0..data.rows()).filter_map(|i| data.row(i).get(j).copied()).collect() };
    (padded(&col(0), 0.1), padded(&col(1), 0.1))
}

/// The predicted class and probability at each grid cell, row by row from the bottom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Boundary {
    /// Cells per side.
    pub side: usize,
    /// x range (raw coordinates).
    pub x: (f64, f64),
    /// y range (raw coordinates).
    pub y: (f64, f64),
    /// Predicted class per cell (`side * side`, row `j` = y from the bottom).
    pub class: Vec<u8>,
    /// Probability of the predicted class per cell.
    pub confidence: Vec<f32>,
}

/// The rows a confusion matrix counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvalSet {
    /// The dev rows.
    Dev,
    /// The training rows (when there are no dev rows).
    Train,
}

/// Counts of (true class, predicted class) and the first misclassified rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Confusion {
    /// The dev rows, or the training rows when there are none.
    pub set: EvalSet,
    /// Classes.
    pub classes: usize,
    /// `classes x classes`, row = true class, column = predicted.
    pub counts: Vec<usize>,
    /// `(row index in the set, true class, predicted class)`, at most [`MAX_MISTAKES`].
    pub mistakes: Vec<(usize, usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Train,
    Dev,
    Grid,
    Done,
}

#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    loss: f64,
    wrong: usize,
    rows: usize,
}

/// The evaluation of one epoch, chunk by chunk.
#[derive(Clone, Debug)]
pub struct EvalJob {
    epoch: u64,
    step: u64,
    lr: f64,
    stage: Stage,
    pos: usize,
    chunk: usize,
    classes: usize,
    train: Sums,
    dev: Sums,
    grid: Option<Vec<f32>>,
    grid_class: Vec<u8>,
    grid_conf: Vec<f32>,
    view: ViewBox,
    side: usize,
    figure_only: bool,
    /// Every unit's activation over the plane (2-D data), filled by the grid's pass.
    pub units: Option<UnitGrids>,
    /// Every unit's activation histogram over the training rows (full evaluations only).
    pub histograms: Histograms,
    /// The boundary, once computed.
    pub boundary: Option<Boundary>,
    /// The confusion matrix, once computed.
    pub confusion: Option<Confusion>,
}

/// The class predicted for one output row and its probability.
fn predicted(a: &[f32]) -> (usize, f32) {
    if a.len() == 1 {
        if a[0] >= 0.5 {
            (1, a[0])
        } else {
            (0, 1.0 - a[0])
        }
    } else {
        let k = argmax(a);
        (k, a[k])
    }
}

fn label(y: &[f32]) -> usize {
    if y.len() == 1 {
        usize::from(y[0] >= 0.5)
    } else {
        argmax(y)
    }
}

/// What an evaluation needs to know of its session.
#[derive(Clone, Debug)]
pub struct EvalSetup<'a> {
    /// The mini-batch size (a chunk is three batches, 64..=2048 rows).
    pub batch_size: usize,
    /// Classes of the task.
    pub classes: usize,
    /// Input features (2: the decision boundary is evaluated on a grid).
    pub features: usize,
    /// The plotted region of a 2-D set.
    pub view_box: ViewBox,
    /// The input map applied to the grid points.
    pub scaler: &'a Scaler,
    /// Sides of the boundary grid and of the unit grids ([`super::units::grid_sides`]).
    pub grid: (usize, usize),
    /// Units per layer, inputs first.
    pub sizes: Vec<usize>,
}

impl EvalJob {
    /// The evaluation of epoch `epoch` (`step` steps, learning rate `lr`).
    pub fn new(s: &EvalSetup, epoch: u64, step: u64, lr: f64) -> EvalJob {
        let chunk = (3 * s.batch_size).clamp(64, 2048);
        let (side, unit_side) = s.grid;
        let grid = (s.features == 2).then(|| {
            let ((x0, x1), (y0, y1)) = s.view_box;
            let mut g = Vec::with_capacity(side * side * 2);
            for j in 0..side {
                for i in 0..side {
                    let x = x0 + (x1 - x0) * (i as f64 + 0.5) / side as f64;
                    let y = y0 + (y1 - y0) * (j as f64 + 0.5) / side as f64;
                    g.push(((x - s.scaler.shift[0]) * s.scaler.scale[0]) as f32);
                    g.push(((y - s.scaler.shift[1]) * s.scaler.scale[1]) as f32);
                }
            }
            g
        });
        EvalJob {
            epoch,
            step,
            lr,
            stage: Stage::Train,
            pos: 0,
            chunk,
            classes: s.classes,
            train: Sums::default(),
            dev: Sums::default(),
            units: grid.is_some().then(|| UnitGrids::new(unit_side, &s.sizes)),
            grid,
            grid_class: Vec::new(),
            grid_conf: Vec::new(),
            view: s.view_box,
            side,
            figure_only: false,
            histograms: Histograms::default(),
            boundary: None,
            confusion: None,
        }
    }

    /// Only the figure (boundary, or dev confusion matrix) for the current weights.
    pub fn figure_only(s: &EvalSetup) -> EvalJob {
        let mut job = EvalJob::new(s, 0, 0, 0.0);
        job.stage = Stage::Dev;
        job.figure_only = true;
        job
    }

    /// Whether the job only redraws the figure (no epoch statistics).
    pub fn is_figure_only(&self) -> bool {
        self.figure_only
    }

    /// Evaluates one chunk; returns true when the whole evaluation is done.
    pub fn run_chunk(&mut self, net: &mut Network<f32>, train: &TrainData<f32>, dev: &TrainData<f32>) -> bool {
        match self.stage {
            Stage::Train => {
                if self.sums_chunk(net, train, false) {
                    self.stage = Stage::Dev;
                    self.pos = 0;
                }
            }
            Stage::Dev => {
                let (set, name) = if dev.rows > 0 {
                    (dev, EvalSet::Dev)
                } else {
                    (train, EvalSet::Train)
                };
                if self.confusion.is_none() {
                    self.confusion = Some(Confusion {
                        set: name,
                        classes: self.classes,
                        counts: vec![0; self.classes * self.classes],
                        mistakes: Vec::new(),
                    });
                }
                if self.sums_chunk(net, set, true) {
                    self.stage = if self.grid.is_some() { Stage::Grid } else { Stage::Done };
                    self.pos = 0;
                }
            }
            Stage::Grid => self.grid_chunk(net),
            Stage::Done => {}
        }
        self.stage == Stage::Done
    }

    /// One chunk of `data`; returns true at its end.
    fn sums_chunk(&mut self, net: &mut Network<f32>, data: &TrainData<f32>, dev: bool) -> bool {
        let (ni, no) = (net.config().inputs, net.config().outputs);
        let end = (self.pos + self.chunk).min(data.rows);
        let m = end - self.pos;
        if m == 0 {
            return true;
        }
        let x = &data.x[self.pos * ni..end * ni];
        let y = &data.y[self.pos * no..end * no];
        let loss = match net.predict(x, m) {
            Ok(_) => net.loss(y).map(|l| l - net.penalty_cost(m)).unwrap_or(f64::NAN),
            Err(_) => f64::NAN,
        };
        if !dev {
            self.histograms.add(net, m);
        }
        let mut wrong = 0;
        for (r, (a, t)) in net.output().chunks_exact(no).zip(y.chunks_exact(no)).enumerate() {
            let (p, want) = (predicted(a).0, label(t));
            if p != want {
                wrong += 1;
            }
            if dev {
                if let Some(c) = self.confusion.as_mut() {
                    if want < c.classes && p < c.classes {
                        c.counts[want * c.classes + p] += 1;
                    }
                    if p != want && c.mistakes.len() < MAX_MISTAKES {
                        c.mistakes.push((self.pos + r, want, p));
                    }
                }
            }
        }
        let sums = if dev { &mut self.dev } else { &mut self.train };
        sums.loss += loss * m as f64;
        sums.wrong += wrong;
        sums.rows += m;
        self.pos = end;
        end == data.rows
    }

    fn grid_chunk(&mut self, net: &mut Network<f32>) {
        let Some(grid) = &self.grid else {
            self.stage = Stage::Done;
            return;
        };
        let side = self.side;
        let cells = side * side;
        let end = (self.pos + self.chunk).min(cells);
        let m = end - self.pos;
        if m > 0 {
            if let Ok(out) = net.predict(&grid[self.pos * 2..end * 2], m) {
                let no = out.len() / m;
                for a in out.chunks_exact(no) {
                    let (k, p) = predicted(a);
                    self.grid_class.push(k as u8);
                    self.grid_conf.push(if p.is_finite() { p } else { 0.0 });
                }
                if let Some(units) = self.units.as_mut() {
                    units.capture(net, self.pos, end, side);
                }
            } else {
                self.grid_class.extend(std::iter::repeat_n(0, m));
                self.grid_conf.extend(std::iter::repeat_n(0.0, m));
            }
        }
        self.pos = end;
        if end == cells {
            self.boundary = Some(Boundary {
                side,
                x: self.view.0,
                y: self.view.1,
                class: std::mem::take(&mut self.grid_class),
                confidence: std::mem::take(&mut self.grid_conf),
            });
            self.stage = Stage::Done;
        }
    }

    /// The epoch's statistics from the finished sums and the network's current L2 and L1 terms.
    pub fn stats(&self, net: &Network<f32>) -> EpochStats {
        let cost = |s: &Sums| s.loss / s.rows.max(1) as f64 + net.penalty_cost(s.rows.max(1));
        let err = |s: &Sums| s.wrong as f64 / s.rows.max(1) as f64;
        let has_dev = self.dev.rows > 0 && self.confusion.as_ref().is_some_and(|c| c.set == EvalSet::Dev);
        EpochStats {
            epoch: self.epoch,
            step: self.step,
            lr: self.lr,
            train_loss: cost(&self.train),
            train_error: err(&self.train),
            dev_loss: has_dev.then(|| cost(&self.dev)),
            dev_error: has_dev.then(|| err(&self.dev)),
        }
    }
}
