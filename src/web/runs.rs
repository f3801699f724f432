//! The one Web Worker entry point of the run protocol (issue 14): `www/run-worker.js` loads the
//! wasm module of the view whose runs it computes (and the digits, if the view trains on them)
//! and calls [`RunWorker::run`] for each run the page hands it. The computing is
//! [`crate::app::runs::compute`], the code the views run in the page when there are no workers;
//! this handle only moves text across.
use wasm_bindgen::prelude::*;

/// A worker's handle (no state: every run is a function of its description).
#[wasm_bindgen]
#[derive(Default)]
pub struct RunWorker {}

#[wasm_bindgen]
impl RunWorker {
    /// A handle; the digits, if the runs need them, are handed over first (`provideDigits`).
    #[wasm_bindgen(constructor)]
    pub fn new() -> RunWorker {
        RunWorker {}
    }

    /// Computes the run `run_json` (`{"view", "params", "seed", "index"}`, as the page's
    /// `command("claim")` returned it) and returns the report for `command("result")` as JSON
    /// text. `on_partial` is called with the report of the result so far (for
    /// `command("partial")`, the live curves).
    pub fn run(&self, run_json: &str, on_partial: &js_sys::Function) -> Result<String, JsError> {
        let mut partial = |text: &str| {
            // a failing callback only loses the live curve, never the result
            let _ = on_partial.call1(&JsValue::NULL, &JsValue::from_str(text));
        };
        crate::app::runs::compute(run_json, &mut partial)
            .map_err(|n| JsError::new(&format!("{}: {}", n.param, n.detail)))
    }
}
