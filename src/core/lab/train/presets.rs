//! DLFS's overfitting experiments as presets of `view=train` (DLFS chapter 6,
//! `overfit_weight_decay.py` and `overfit_dropout.py`; seed 001 "Regularization", "Dropout").
//!
//! DLFS trains a 784-[100 x 6]-10 ReLU network (He init) on only 300 MNIST images with SGD
//! (lr 0.01, batches of 100): without a regulariser the training accuracy reaches 100% while
//! the test accuracy stays far below. `overfit_weight_decay` adds `0.5 lambda ||W||^2` with
//! lambda 0.1 (201 epochs); `overfit_dropout` drops hidden units with ratio 0.2 (301 epochs).
//!
//! Here the data are the 1,797 8 x 8 digits: 300 for training, the other 1,497 held out as dev
//! (DLFS's test). The lab's L2 term is `lambda/(2m) sum ||W||^2` per batch of `m` rows
//! (gradient `lambda/m W`), so DLFS's lambda 0.1 with batches of 100 is lambda = 0.1 x 100 = 10
//! here (the same gradient `0.1 W`). Dropout ratio 0.2 is keep_prob 0.8.
//!
//! Two presets are not DLFS's: `overfit_augment`, the weight-decay run without L2 whose training
//! digits are shifted by up to a pixel and turned by up to 10 degrees anew every epoch (seed
//! 001's data augmentation; [`crate::core::data::augment`]), and `overfit_l1`, the same network
//! with L1 `lambda_1/m sum |W|` (seed 001) in place of L2.
use serde::Serialize;

/// One preset: its id and the view parameters it sets, as a query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Preset {
    /// The id (`overfit_weight_decay`, `overfit_weight_decay_off`, ...).
    pub id: &'static str,
    /// The query the view applies (every setting it depends on, so the link reproduces it).
    pub query: &'static str,
}

/// A preset from the DLFS network and data shared by every preset and the rest of its query:
/// 300 training digits of 1,797 (share 0.167 rounds to 300), no test rows, 6 hidden ReLU layers
/// of 100, He init, SGD lr 0.01, batches of 100, no normalisation (pixels already in [0, 1]).
macro_rules! preset {
    ($id:literal, $rest:literal) => {
        Preset {
            id: $id,
            query: concat!(
                "dataset=digits&samples=1797&train=0.167&dev=0.833&normalise=0&hidden=100,100,100,100,100,100",
                "&activation=relu&init=he&batchnorm=0&optimizer=sgd&lr=0.01&schedule=constant&batch=100&patience=0",
                "&augment=none",
                $rest
            ),
        }
    };
}

/// Every preset: each experiment with its regulariser and without it.
pub const PRESETS: [Preset; 6] = [
    preset!("overfit_weight_decay", "&epochs=201&lambda=10&keep_prob=1&l1=0"),
    preset!("overfit_weight_decay_off", "&epochs=201&lambda=0&keep_prob=1&l1=0"),
    preset!("overfit_dropout", "&epochs=301&lambda=0&keep_prob=0.8&l1=0"),
    preset!("overfit_dropout_off", "&epochs=301&lambda=0&keep_prob=1&l1=0"),
    // the overfit run with random shifts and rotations of the training digits each epoch;
    // `overfit_weight_decay_off` is the same run without them
    preset!(
        "overfit_augment",
        "&epochs=201&lambda=0&keep_prob=1&l1=0&augment=shift_rotate"
    ),
    // L1 instead of L2 (its "off" is `overfit_weight_decay_off`): lambda_1/m sum |W|, gradient
    // lambda_1/m sign(W); lambda_1 = 1 with batches of 100 pulls each weight by 0.01 per unit of
    // learning rate, and leaves about a third of the weights below 0.01 (tests/train_l1.rs)
    preset!("overfit_l1", "&epochs=201&lambda=0&l1=1&keep_prob=1"),
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
