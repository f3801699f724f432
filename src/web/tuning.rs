//! The Web Worker entry point of `view=tuning`: each worker (`www/tuning-worker.js`) loads its
//! own wasm instance and runs trials with [`TuningWorker::run`], the same code the page runs in
//! its own thread when there are no workers.
use crate::core::data::digits::embedded;
use crate::core::lab::tuning::{Job, TrialRun, TuningConfig, TuningData};
use wasm_bindgen::prelude::*;

/// A worker's state: the digits and the data split of the last search it ran for.
#[wasm_bindgen]
pub struct TuningWorker {
    digits: crate::core::data::Dataset,
    cached: Option<(TuningConfig, TuningData)>,
}

impl TuningWorker {
    /// The split of `config`, recomputed only when the data settings change.
    fn data(&mut self, config: &TuningConfig) -> Result<&TuningData, String> {
        let same = |c: &TuningConfig| {
            c.samples == config.samples && c.val_fraction == config.val_fraction && c.seed == config.seed
        };
        if !self.cached.as_ref().is_some_and(|(c, _)| same(c)) {
            let data = config.data(&self.digits)?;
            self.cached = Some((config.clone(), data));
        }
        Ok(&self.cached.as_ref().expect("set above").1)
    }
}

#[wasm_bindgen]
impl TuningWorker {
    /// Decodes the embedded digits.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<TuningWorker, JsError> {
        Ok(TuningWorker {
            digits: embedded().map_err(|e| JsError::new(&e.to_string()))?,
            cached: None,
        })
    }

    /// Runs one job: `config_json` is the search's settings and `job_json` the job, both as the
    /// page's `command("claim")` returned them. Returns the message for `command("result")`:
    /// `{"config", "job", "result"}` as JSON text.
    /// `on_epoch` is called after every epoch but the last with the message for
    /// `command("partial")` (the curves so far), as JSON text.
    pub fn run(&mut self, config_json: &str, job_json: &str, on_epoch: &js_sys::Function) -> Result<String, JsError> {
        let config: TuningConfig = serde_json::from_str(config_json).map_err(|e| JsError::new(&e.to_string()))?;
        let job: Job = serde_json::from_str(job_json).map_err(|e| JsError::new(&e.to_string()))?;
        let data = self.data(&config).map_err(|e| JsError::new(&e))?;
        let mut report = |r: &crate::core::lab::tuning::TrialResult| {
            let msg = serde_json::json!({"config": config, "job": job, "result": r}).to_string();
            // a failing callback only loses the live curve, never the result
            let _ = on_epoch.call1(&JsValue::NULL, &JsValue::from_str(&msg));
        };
        let result = TrialRun::run_job_reporting(&config, data, &job, &mut report).map_err(|e| JsError::new(&e))?;
        Ok(serde_json::json!({"config": config, "job": job, "result": result}).to_string())
    }
}
