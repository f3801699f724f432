//! trainlab: a lab in the browser for the craft of training neural networks.
//!
//! The crate is layered so that data flows one way:
//!
//! * [`core`]: the pure model (ndarray, rand, serde only). Deterministic: every random function
//!   takes its RNG, seeded from the view's state.
//! * [`chart`]: plotters drawing functions generic over `DrawingBackend`, fed by plain data.
//!   The same function draws to a browser canvas and to an SVG string.
//! * [`app`]: the views: URL/query parameters with validation and notices, the registry of views,
//!   and each view's model (parameters -> core computation -> chart data, JSON and CSV).
//! * `web` (wasm32 only): thin `#[wasm_bindgen]` handles that own a canvas and a view.
pub mod app;
pub mod chart;
pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod web;
