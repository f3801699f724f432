//! Data for the training views: 2-D toy sets like TensorFlow Playground's, 2-D regression, the
//! 1,797 handwritten digits that scikit-learn ships, the user's own CSV, and the course's set-up
//! steps (train/dev/test split from one shuffle, standardisation with the train statistics,
//! min-max scaling). Everything is a [`Dataset`]: `f64` rows plus one target per row.
pub mod augment;
pub mod csv;
pub mod dataset;
pub mod digits;
pub mod split;
pub mod synthetic;

pub use csv::{CsvConfig, CsvData, CsvError};
pub use dataset::{Dataset, Task};
pub use split::{Scaler, Split, SplitConfig};
pub use synthetic::{Shape, SyntheticConfig};
