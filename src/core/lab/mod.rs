//! The views' experiments, each built from the concepts of [`crate::core`]: the optimizer race
//! ([`race`]), grid vs random search and its repeated study ([`search`], [`search_study`]), the
//! activation histograms ([`activation_study`]), batch norm over training and its weight-scale
//! grid ([`bn_study`], [`bn_grid`]), the gradient check's small network ([`gradcheck_study`]),
//! the training playground ([`train`]: session, evaluation, presets), the caviar search
//! ([`tuning`]) and the peers' benchmark workloads ([`workload`]).
pub mod activation_study;
pub mod bn_grid;
pub mod bn_grid_run;
pub mod bn_study;
pub mod depth;
pub mod gradcheck_study;
pub mod learning;
pub mod minibatch;
pub mod norm_batch;
pub mod norm_batch_study;
pub mod normalise;
pub mod optima;
pub mod race;
pub mod runs;
pub mod search;
pub mod search_study;
pub mod train;
pub mod tuning;
pub mod workload;
