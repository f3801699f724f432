//! A data set as plain numbers: `rows x features` inputs (row-major, `f64`) and one target per
//! row, a class index (classification) or a value (regression).
use crate::core::nn::{NnFloat, Output, TrainData};
use serde::{Deserialize, Serialize};

/// What the targets mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// Class indices `0..classes`.
    Classification {
        /// Number of classes (>= 2).
        classes: usize,
    },
    /// Real-valued targets.
    Regression,
}

/// Inputs and targets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// `rows x features`, row-major.
    pub x: Vec<f64>,
    /// One target per row: the class index as a number, or the value.
    pub y: Vec<f64>,
    /// Features per row.
    pub features: usize,
    /// Classification or regression.
    pub task: Task,
}

impl Dataset {
    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.y.len()
    }

    /// Row `i`'s features.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.features..(i + 1) * self.features]
    }

    /// The class of row `i` (0 for regression).
    pub fn label(&self, i: usize) -> usize {
        match self.task {
            Task::Classification { .. } => self.y[i] as usize,
            Task::Regression => 0,
        }
    }

    /// The rows `idx`, in that order.
    pub fn subset(&self, idx: &[usize]) -> Dataset {
        let mut x = Vec::with_capacity(idx.len() * self.features);
        let mut y = Vec::with_capacity(idx.len());
        for &i in idx {
            x.extend_from_slice(self.row(i));
            y.push(self.y[i]);
        }
        Dataset {
            x,
            y,
            features: self.features,
            task: self.task,
        }
    }

    /// Rows of each class (empty for regression).
    pub fn class_counts(&self) -> Vec<usize> {
        let Task::Classification { classes } = self.task else {
            return Vec::new();
        };
        let mut c = vec![0; classes];
        for i in 0..self.rows() {
            if let Some(n) = c.get_mut(self.label(i)) {
                *n += 1;
            }
        }
        c
    }

    /// The targets as a network reads them for `output` with `outputs` units: one-hot rows for
    /// softmax, 0/1 for a single sigmoid (class 1 is "yes") or one-hot for several sigmoids, the
    /// value for a linear output (`outputs` must be 1 then).
    pub fn train_data<T: NnFloat>(&self, output: Output, outputs: usize) -> TrainData<T> {
        let x = self.x.iter().map(|&v| T::from_f64(v)).collect();
        let mut y = vec![T::ZERO; self.rows() * outputs];
        for (i, row) in y.chunks_exact_mut(outputs).enumerate() {
            match (output, self.task) {
                (Output::LinearSquaredError, _) | (_, Task::Regression) => row[0] = T::from_f64(self.y[i]),
                (Output::SigmoidBinaryCrossEntropy, _) if outputs == 1 => {
                    row[0] = if self.label(i) >= 1 { T::ONE } else { T::ZERO }
                }
                _ => {
                    if let Some(v) = row.get_mut(self.label(i)) {
                        *v = T::ONE;
                    }
                }
            }
        }
        TrainData {
            x,
            y,
            rows: self.rows(),
        }
    }
}
