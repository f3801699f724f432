//! The runs views hand to Web Workers (issue 14), on the app's side of the run protocol
//! ([`crate::core::lab::runs`]): [`compute`] is the one entry point a worker calls
//! (`src/web/runs.rs`, `www/run-worker.js`): it reads a [`Run`] and computes it with the code of
//! the view it names, the same code that view runs in the page when there are no workers, so a
//! worker can take any run of any view its wasm module holds. The rest are the helpers every such
//! view shares: the settings of a run from its query ([`settings`]), the query of the settings a
//! run depends on ([`query_of`]) and the reports a page hands back ([`report`], [`write`]).
//!
//! A view that hands runs to workers lists `workers`, `claim`, `release`, `result` and `partial`
//! among its commands (see `app::learning::commands`) and adds one line to [`compute`].
mod worker;

pub use worker::compute;

use super::params::{Notice, ParamSet, ParamSpec};
use crate::core::lab::runs::{Run, RunReport, RunReportRef};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// The parameters of `run`: `specs` at their defaults, then its query and its seed. A query that
/// does not parse cleanly (an unknown name, a value out of range) is refused: a worker computes
/// exactly what the view asked for or nothing.
pub fn settings(run: &Run, specs: &'static [ParamSpec]) -> Result<ParamSet, Notice> {
    let mut params = ParamSet::defaults(specs);
    let notices = params.apply_query(&format!("{}&seed={}", run.params, run.seed));
    match notices.first() {
        None => Ok(params),
        Some(n) => Err(Notice::rejected(
            "run",
            format!("{}: {:?} {}", n.param, n.problem, n.detail),
        )),
    }
}

/// The canonical query of `params` restricted to `keys` (the settings a run depends on, so that
/// a change of what is only shown does not make the runs out with workers stale).
pub fn query_of(params: &ParamSet, keys: &[&str]) -> String {
    params
        .to_query()
        .split('&')
        .filter(|pair| keys.contains(&pair.split('=').next().unwrap_or("")))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads the worker count of command `name` (the `workers` action every such view has: 0 = the
/// page computes the runs).
pub fn worker_count(name: &str, arg: &str) -> Result<usize, Notice> {
    arg.trim()
        .parse()
        .map_err(|_| Notice::rejected(name, format!("expected a worker count, got {arg:?}")))
}

/// Reads a worker's report from the page's text for command `name`.
pub fn report<T: DeserializeOwned>(name: &str, arg: &str) -> Result<RunReport<T>, Notice> {
    RunReport::parse(arg).map_err(|e| Notice::rejected(name, e.to_string()))
}

/// The text of a report on `run` with `result`.
pub fn write<T: Serialize>(run: &Run, result: &T) -> String {
    serde_json::to_string(&RunReportRef { run, result }).unwrap_or_default()
}
