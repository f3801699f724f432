//! The pure model: concepts from the course notes as plain, deterministic Rust.
//!
//! Nothing here may depend on wasm-bindgen, web-sys, js-sys or plotters, nor on `app`, `chart`
//! or `web` (tests/layering.rs checks both). Every random function takes the RNG it draws from;
//! nothing reads a clock or a global.
//!
//! Laid out by what things are:
//! * the concepts of the notes at the top: [`ewma`], [`schedule`], [`optim`], [`nn`], [`data`],
//!   [`sampling`], [`search_space`], [`halving`], [`diagnosis`], [`surface`], [`series`];
//! * [`lab`]: each view's experiment, built from those concepts;
//! * [`math`]: numeric infrastructure (matrix products, portable `exp`, the float trait, the RNG).
pub mod critical;
pub mod data;
pub mod diagnosis;
pub mod ewma;
pub mod halving;
pub mod lab;
pub mod math;
pub mod named;
pub mod nn;
pub mod optim;
pub mod quadratic;
pub mod sampling;
pub mod schedule;
pub mod search_space;
pub mod series;
pub mod surface;
