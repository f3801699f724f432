//! The neural-network engine: dense layers, activations, output losses, initialisation, batch
//! norm, inverted dropout, L2 weight decay, gradient checking and mini-batch training, generic
//! over `f32` (speed) and `f64` (gradient checking). Seeds 001, 003, 004 and
//! `../shared/reference.md`.
//!
//! Pattern: [`NetworkConfig`] (caps stated in [`config`]) -> [`NetworkConfig::validate`] ->
//! [`Network`]; [`Network::forward`] / [`Network::backward`] over a row-major batch;
//! [`Network::params_and_grads`] hands each tensor to an optimizer from `core::optim`.
pub mod activation;
pub mod batchnorm;
pub mod config;
pub mod dense;
pub mod dropout;
pub mod float;
pub mod gradcheck;
pub mod init;
pub mod layernorm;
pub mod network;
pub mod output;
mod pass;
pub mod probe;
pub mod trainer;

pub use activation::Activation;
pub use config::{NetworkConfig, NetworkError, PlantedBug, MAX_BATCH, MAX_LAYERS, MAX_PARAMS, MAX_UNITS};
pub use float::NnFloat;
pub use gradcheck::{grad_check, GradCheckConfig, GradCheckReport, Verdict};
pub use init::Init;
pub use network::{argmax, one_hot, Mode, Network, ParamInfo, ParamKind};
pub use output::Output;
pub use trainer::{EpochRecord, Status, TrainConfig, TrainData, TrainError, Trainer};
