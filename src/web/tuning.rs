//! The Web Worker entry point of `view=tuning`: each worker (`www/tuning-worker.js`) loads its
//! own wasm instance and runs trials with [`TuningWorker::run`], the core's
//! [`JobRunner`] (the same training the page does in its own thread when there are no workers);
//! this handle only moves JSON across.
use crate::app::assets;
use crate::core::lab::tuning::{Job, JobReportRef, JobRunner, TuningConfig};
use wasm_bindgen::prelude::*;

fn js(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// A worker's state: the core's runner (the digits and the split of the last search).
#[wasm_bindgen]
pub struct TuningWorker {
    runner: JobRunner,
}

#[wasm_bindgen]
impl TuningWorker {
    /// Takes the digits file (`www/data/digits.bin`, fetched by the worker script) and decodes it
    /// (an empty slice uses the digits compiled in, in builds that have them).
    #[wasm_bindgen(constructor)]
    pub fn new(digits_bin: &[u8]) -> Result<TuningWorker, JsError> {
        if !digits_bin.is_empty() {
            assets::provide_digits(digits_bin).map_err(|e| JsError::new(&e))?;
        }
        let digits = assets::digits("digits").map_err(|n| JsError::new(&n.detail))?;
        Ok(TuningWorker {
            runner: JobRunner::new(digits.clone()),
        })
    }

    /// Runs one job: `config_json` is the search's settings and `job_json` the job, both as the
    /// page's `command("claim")` returned them. Returns the message for `command("result")`:
    /// `{"config", "job", "result"}` as JSON text.
    /// `on_epoch` is called after every epoch but the last with the message for
    /// `command("partial")` (the curves so far), as JSON text.
    pub fn run(&mut self, config_json: &str, job_json: &str, on_epoch: &js_sys::Function) -> Result<String, JsError> {
        let config: TuningConfig = serde_json::from_str(config_json).map_err(js)?;
        let job: Job = serde_json::from_str(job_json).map_err(js)?;
        let mut report = |r: JobReportRef| {
            let msg = serde_json::to_string(&r).unwrap_or_default();
            // a failing callback only loses the live curve, never the result
            let _ = on_epoch.call1(&JsValue::NULL, &JsValue::from_str(&msg));
        };
        let result = self.runner.run(&config, &job, &mut report).map_err(js)?;
        let done = JobReportRef {
            config: &config,
            job: &job,
            result: &result,
        };
        serde_json::to_string(&done).map_err(js)
    }
}
