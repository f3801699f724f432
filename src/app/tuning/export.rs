//! The code `view=tuning` exports: the search as complete studies, one self-contained Python
//! file per engine ([`crate::core::lab::tuning::export`]): the round's ranges, the search's
//! network, data, epochs and successive halving, for as many trials as a round here. `files`
//! names the files the page downloads.
use crate::core::lab::tuning::{Search, StudyExport};
use serde_json::json;

/// `{optuna, ray_tune, files: {optuna, ray_tune}}`, or `{}` when the round's ranges form no
/// search space (they always do for validated settings).
pub fn exports(search: &Search) -> serde_json::Value {
    let Some(space) = search.round().space() else {
        return json!({});
    };
    let study = StudyExport::of_tuning(&search.config, space);
    json!({
        "optuna": study.optuna(),
        "ray_tune": study.ray_tune(),
        "files": {"optuna": study.file_name("optuna"), "ray_tune": study.file_name("ray")},
    })
}
