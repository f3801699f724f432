//! The worker's side of the run protocol: [`compute`] reads a [`Run`] and hands it to the view
//! it names (one line per view that hands runs to workers). A file of its own so that the views'
//! run code can use the helpers of [`super`] without an import cycle.
use crate::app::params::Notice;
use crate::core::lab::runs::Run;

/// Computes `run_json` (a [`Run`] as JSON text) and returns the text of its
/// [`crate::core::lab::runs::RunReport`];
/// `on_partial` is called with the text of the reports so far (the live curves). A run of a view
/// that hands none to workers, or of a view not compiled into this module, is refused.
// a module without the engine (math, search) has no view with runs: `on_partial` goes unused
#[cfg_attr(not(feature = "engine"), allow(unused_variables))]
pub fn compute(run_json: &str, on_partial: &mut dyn FnMut(&str)) -> Result<String, Notice> {
    let run: Run = serde_json::from_str(run_json).map_err(|e| Notice::rejected("run", format!("not a run: {e}")))?;
    match run.view.as_str() {
        #[cfg(feature = "engine")]
        "learning" => crate::app::learning::commands::compute(&run, on_partial),
        #[cfg(feature = "engine")]
        "tuning" => crate::app::tuning::runs::compute(&run, on_partial),
        #[cfg(feature = "engine")]
        "batchnorm" => crate::app::batchnorm::commands::compute(&run, on_partial),
        other => Err(Notice::rejected(
            "run",
            format!("view {other:?} hands no runs to workers in this module"),
        )),
    }
}
