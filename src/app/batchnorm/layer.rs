//! The `layer` panel's table, CSV and text alternative (batch norm against layer norm over batch
//! sizes, [`NormBatchStudy`]); its figure is [`super::figure_layer`], its words
//! [`super::text_layer`].
use super::text_layer::{LayerSummary, LayerWords};
use crate::app::csv_table;
use crate::core::lab::norm_batch::{NormCurve, BATCH_SIZES, RUNS};
use crate::core::lab::norm_batch_study::NormBatchStudy;
use serde_json::json;

fn final_accuracy(c: Option<&NormCurve>) -> Option<f64> {
    c.filter(|c| c.stats.is_some())?.accuracy.last().copied()
}

/// One row per batch size: its final test accuracy with batch norm and with layer norm (null
/// until done), and batch norm's spread of batch means over `sigma` and mean batch variance over
/// `sigma^2`.
fn rows(study: &NormBatchStudy) -> Vec<[Option<f64>; 5]> {
    BATCH_SIZES
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            let (bn, ln) = (study.curve(2 * i), study.curve(2 * i + 1));
            let stats = bn.and_then(|c| c.stats);
            [
                Some(b as f64),
                final_accuracy(bn),
                final_accuracy(ln),
                stats.map(|s| s.batch_mean_sd / s.pop_var.sqrt().max(1e-12)),
                stats.map(|s| s.batch_var_mean / s.pop_var.max(1e-12)),
            ]
        })
        .collect()
}

const COLUMNS: [&str; 5] = ["batch_size", "bn_test_accuracy", "ln_test_accuracy", "bn_mean_spread", "bn_variance_ratio"];

/// The summary table.
pub fn table(study: &NormBatchStudy) -> serde_json::Value {
    json!({"id": "layer", "columns": COLUMNS, "rows": rows(study)})
}

/// One row per run and epoch: run index, batch size, layer norm (0/1), epoch, test accuracy.
pub fn csv(study: &NormBatchStudy) -> String {
    let header: Vec<String> = ["run", "batch_size", "layer_norm", "epoch", "test_accuracy"]
        .map(String::from)
        .to_vec();
    let rows = (0..RUNS).filter_map(|i| study.curve(i)).flat_map(|c| {
        c.accuracy
            .iter()
            .enumerate()
            .map(|(e, &a)| vec![c.index as f64, c.batch_size as f64, (c.index % 2) as f64, e as f64, a])
            .collect::<Vec<_>>()
    });
    csv_table(&header, rows)
}

/// The text alternative.
pub fn describe(study: &NormBatchStudy, w: &LayerWords) -> String {
    let at = |i: usize| final_accuracy(study.curve(i)).unwrap_or(f64::NAN);
    let done = format!("{}/{RUNS}", study.done_runs());
    (w.describe)(&LayerSummary {
        samples: study.config.samples,
        epochs: study.config.epochs,
        bn_1: at(0),
        ln_1: at(1),
        bn_128: at(RUNS - 2),
        ln_128: at(RUNS - 1),
        done: &done,
    })
}
