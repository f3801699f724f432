//! Data augmentation in a training session (seed 001, "other regularisation methods"; the
//! transforms are [`crate::core::data::augment`]'s): at the start of every epoch the training
//! images are replaced by new random shifts and rotations of the ORIGINAL training rows, drawn
//! from [`epoch_rng`]`(seed, epoch)`, then standardised with the session's scaler like every
//! other row. The dev and test rows, and the train error and cost the curves show (measured on
//! the original training rows), are never augmented: the gap between train and dev is the gap
//! on the images the network was given to learn.
use super::config::{Field, SessionConfig, SessionError};
use super::session::TrainSession;
use crate::core::data::augment::{epoch_rng, Augmenter, SIDE};

impl SessionConfig {
    /// The augmenter of these settings for rows of `features` inputs (`None`: no augmentation).
    /// Refused for rows that are not 8 x 8 images.
    pub(super) fn augmenter(&self, features: usize) -> Result<Option<Augmenter>, SessionError> {
        let Some(config) = self.augment.config() else {
            return Ok(None);
        };
        if features != SIDE * SIDE {
            return Err(SessionError::new(
                Field::Augment,
                format!("augmentation shifts and turns {SIDE} x {SIDE} images; these rows have {features} inputs"),
            ));
        }
        let augmenter = config
            .validate()
            .map_err(|e| SessionError::new(Field::Augment, e.to_string()))?;
        Ok(Some(augmenter))
    }
}

impl TrainSession {
    /// Before a step that opens an epoch: hands the trainer this epoch's augmented training rows.
    pub(super) fn augment_epoch(&mut self) {
        let Some(augmenter) = self.augmenter else { return };
        if !self.trainer.at_epoch_start() {
            return;
        }
        let epoch = self.trainer.history().len() as u64 + 1;
        let mut rows = self.raw.train.clone();
        rows.x = augmenter.augment_rows(&rows.x, &mut epoch_rng(self.config.seed, epoch));
        self.scaler.apply(&mut rows);
        let (output, outputs) = (self.config.network.output, self.config.network.outputs);
        // the shapes are the training rows' own, which the trainer already took
        let _ = self.trainer.set_train_data(rows.train_data::<f32>(output, outputs));
    }
}
