//! The pure model: concepts from the course notes as plain, deterministic Rust.
//!
//! Nothing here may depend on wasm-bindgen, web-sys, js-sys or plotters (a test greps for it).
//! Every random function takes the RNG it draws from; nothing reads a clock or a global.
pub mod activation_study;
pub mod bn_grid;
pub mod bn_study;
pub mod contour;
pub mod data;
pub mod diagnosis;
pub mod ewma;
pub mod gemm;
pub mod halving;
pub mod nn;
pub mod num;
pub mod optim;
pub mod presets;
pub mod race;
pub mod rng;
pub mod sampling;
pub mod schedule;
pub mod search;
pub mod search_space;
pub mod search_study;
pub mod series;
pub mod surface;
pub mod train_eval;
pub mod train_session;
pub mod tuning;
