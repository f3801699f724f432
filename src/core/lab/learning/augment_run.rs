//! The data of an augmentation run of the learning study (seed 001's data augmentation on DLFS's
//! overfitting setup, `overfit_weight_decay.py` without its L2): the digits split once by a
//! seeded shuffle into [`AUGMENT_TRAIN`] training digits and the rest as dev (DLFS's test), the
//! training digits replaced at the start of every epoch by augmented copies drawn from
//! [`epoch_rng`]`(seed, epoch)` (none, shifts, or shifts and rotations:
//! [`crate::core::data::augment`]), and the train and dev accuracy measured after every epoch
//! on the ORIGINAL training digits and the dev digits (DLFS's `train_acc_list`,
//! `test_acc_list`, epoch 0 being the untrained network).
//!
//! Every augmentation run of a study gets the same split, the same initial weights and the same
//! mini-batch indices; shift-only and shift-and-rotate also draw the same shifts.
use super::config::{LearningError, AUGMENT_ITERATIONS_PER_EPOCH, AUGMENT_TRAIN, CLASSES};
use crate::core::data::augment::{epoch_rng, Augment, Augmenter};
use crate::core::lab::tuning::mix;
use crate::core::math::rng::seeded;
use crate::core::nn::trainer::shuffle;
use crate::core::nn::{Network, TrainData};

/// The rows of one augmentation run.
pub struct AugmentedData {
    augmenter: Option<Augmenter>,
    seed: u64,
    /// The training digits' pixels as given.
    raw: Vec<f64>,
    /// The training digits as given (what the train accuracy is measured on).
    train: TrainData<f32>,
    /// This epoch's training digits (augmented).
    pub current: TrainData<f32>,
    dev: TrainData<f32>,
}

/// The rows `idx` of `data`.
fn subset(data: &TrainData<f32>, idx: &[usize]) -> TrainData<f32> {
    let ni = data.x.len() / data.rows.max(1);
    let mut out = TrainData {
        x: Vec::with_capacity(idx.len() * ni),
        y: Vec::with_capacity(idx.len() * CLASSES),
        rows: idx.len(),
    };
    for &r in idx {
        out.x.extend_from_slice(&data.x[r * ni..(r + 1) * ni]);
        out.y.extend_from_slice(&data.y[r * CLASSES..(r + 1) * CLASSES]);
    }
    out
}

impl AugmentedData {
    /// Splits `data` (every digit, one-hot) by the study's `seed` and prepares `augment`.
    pub fn new(augment: Augment, data: &TrainData<f32>, seed: u64) -> Result<AugmentedData, LearningError> {
        if data.rows <= AUGMENT_TRAIN {
            return Err(LearningError::TooFewRows {
                rows: data.rows,
                batch: AUGMENT_TRAIN + 1,
            });
        }
        let augmenter = match augment.config() {
            Some(c) => Some(c.validate().map_err(|e| LearningError::Engine(e.to_string()))?),
            None => None,
        };
        let mut order: Vec<usize> = (0..data.rows).collect();
        shuffle(&mut order, &mut seeded(mix(seed, 4, 0)));
        let train = subset(data, &order[..AUGMENT_TRAIN]);
        Ok(AugmentedData {
            augmenter,
            seed,
            raw: train.x.iter().map(|&v| v as f64).collect(),
            current: train.clone(),
            train,
            dev: subset(data, &order[AUGMENT_TRAIN..]),
        })
    }

    /// Before iteration `t` (from 1): at an epoch's first iteration, draws that epoch's images.
    pub fn prepare(&mut self, t: usize) {
        let Some(augmenter) = self.augmenter else { return };
        if (t - 1) % AUGMENT_ITERATIONS_PER_EPOCH != 0 {
            return;
        }
        let epoch = ((t - 1) / AUGMENT_ITERATIONS_PER_EPOCH + 1) as u64;
        let x = augmenter.augment_rows(&self.raw, &mut epoch_rng(self.seed, epoch));
        self.current.x = x.into_iter().map(|v| v as f32).collect();
    }

    /// `(train, dev)` accuracy of `net` in evaluation mode.
    pub fn accuracy(&self, net: &mut Network<f32>) -> (f64, f64) {
        let mut on = |d: &TrainData<f32>| {
            if net.predict(&d.x, d.rows).is_err() {
                return 0.0;
            }
            net.accuracy(&d.y).unwrap_or(0.0)
        };
        (on(&self.train), on(&self.dev))
    }
}
