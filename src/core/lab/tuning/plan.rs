//! The work plan of a search: where its trials are trained and how much one call may do.
//!
//! A search runs either in Web Workers, which claim jobs and send results back (the page's own
//! calls then only report progress), or in the page, a few units per animation frame: a unit is
//! one mini-batch step or one epoch's evaluation, and one call does at most
//! [`WorkPlan::units_per_call`] of them, about [`MAX_CALL_WORK`] multiply-adds, whatever budget
//! the page asks for. A trial is a function of `(seed, round, index)` only, so both give the same
//! numbers.
use super::config::TuningConfig;

/// The most multiply-adds one in-page call plans (about 10-20 ms of wasm), so a frame stays
/// short whatever budget the page asks for.
pub const MAX_CALL_WORK: f64 = 3e7;
/// The most Web Workers a page runs for a search (one per core up to this).
pub const MAX_WORKERS: usize = 16;

/// Where a search's trials run, and the in-page unit of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WorkPlan {
    /// Web Workers train the trials (jobs are claimed); in-page calls train nothing. Default off.
    pub external: bool,
    /// Units (mini-batch steps or epoch evaluations) one in-page call may do, at least 1.
    pub units_per_call: usize,
}

impl WorkPlan {
    /// The plan of a search with `config` on rows of `inputs` features: in the page, with
    /// [`MAX_CALL_WORK`] multiply-adds per call (an evaluation of every row costs the most: the
    /// largest of all the rows and three mini-batches, forward, backward and update).
    pub fn new(config: &TuningConfig, inputs: usize) -> WorkPlan {
        let unit = config.row_work(inputs) * (config.samples as f64).max(3.0 * config.batch as f64);
        WorkPlan {
            external: false,
            units_per_call: ((MAX_CALL_WORK / unit.max(1.0)) as usize).max(1),
        }
    }

    /// The units one in-page call with the page's budget `max_units` does: none while workers
    /// train the trials, otherwise at most [`WorkPlan::units_per_call`].
    pub fn budget(&self, max_units: usize) -> usize {
        if self.external {
            0
        } else {
            max_units.min(self.units_per_call)
        }
    }
}
