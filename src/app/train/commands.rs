//! The page's actions on `view=train` ([`command`]: upload a CSV, add a clicked point, play,
//! pause, one mini-batch, one epoch, reset, save and restore checkpoints, focus a unit of the
//! diagram, report the time for the pace) and its read-only queries ([`query`]: what the buttons,
//! the unit buttons and the diagnosis panel read, a preset's query, the dataset pictures). Every
//! refusal is a notice naming the action; what the view had is kept.
use super::params::csv_key;
use super::text::words;
use super::{diagram, thumbnails};
use super::{Source, TrainView, Upload, ENTRY};
use crate::app::params::Notice;
use crate::chart::train::plot_rect;
use crate::chart::Lang;
use crate::core::data::CsvConfig;
use crate::core::lab::train::{presets, MAX_ROWS};
use crate::core::math::format::short;
use serde_json::json;

/// The longest JSON argument read (a click is a few dozen characters).
const MAX_ARG_LEN: usize = 10_000;

type Answer = Result<serde_json::Value, Vec<Notice>>;

/// A read-only query.
pub(super) fn query(view: &TrainView, name: &str, arg: &str) -> Answer {
    match name {
        // What the page's buttons, checkpoint list and diagnosis panel read, a few times a
        // second while training: not the whole data (up to 20,000 mini-batch costs).
        // With `width,height[,lang]` (the figure's CSS pixels, the page's language) it also says
        // where the diagram's units are, so the page can lay focusable buttons over them, and
        // words the focused unit's readout.
        "ui" => {
            let s = &view.session;
            let size = size_of(arg);
            let units = size.map(|(w, h)| diagram::node_positions(s, w, h));
            let lang = Lang::from_code(arg.split(',').nth(2).unwrap_or("en"));
            Ok(json!({
                "status": view.status_text(),
                "step": s.steps(),
                "epoch": s.epochs_done(),
                "epochs": s.config.epochs,
                "steps_per_epoch": s.trainer.steps_per_epoch(),
                "classes": s.classes,
                "features": s.raw.train.features,
                "checkpoints": view.checkpoints_json(),
                "diagnosis": view.diagnosis_json(),
                "sizes": s.config.network.sizes(),
                "units": units,
                // where the boundary's square plot sits at that size: (left, top, side)
                "square": size.map(|(w, h)| plot_rect(w, h)),
                "focus": view.focus.map(|(l, u)| focus_json(view, l, u, lang)),
            }))
        }
        "thumbnails" => Ok(thumbnails::all()),
        "preset" => {
            let p = presets::preset(arg.trim()).ok_or_else(|| {
                let known: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
                Notice::rejected(name, format!("unknown preset {:?}; known: {}", arg, known.join(", ")))
            })?;
            Ok(json!({"id": p.id, "query": p.query}))
        }
        _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
    }
}

/// An action that changes the model.
pub(super) fn command(view: &mut TrainView, name: &str, arg: &str) -> Answer {
    let s = &mut view.session;
    match name {
        "csv" => load_csv(view, arg),
        "add_point" => add_point(view, arg),
        "play" => {
            // Pressed after the run is done (or stopped early), Play trains on until paused.
            if !s.running() {
                s.extend(view.target)
                    .map_err(|e| Notice::rejected(name, e.to_string()))?;
                view.open_ended = true;
            }
            view.playing = true;
            Ok(json!({"status": view.status_text(), "epochs": view.session.config.epochs}))
        }
        "pause" => {
            view.playing = false;
            Ok(json!({"status": view.status_text()}))
        }
        "unit" => {
            let focus = parse_unit(arg).ok_or_else(|| {
                Notice::rejected(
                    name,
                    format!("expected \"layer,unit\" of a drawn unit or nothing, got {arg:?}"),
                )
            })?;
            if let Some((l, u)) = focus {
                if !diagram::focusable(s, l, u) {
                    return Err(Notice::rejected(name, format!("no drawn unit {u} in layer {l}")).into());
                }
            }
            view.focus = focus;
            Ok(json!({"focus": focus.map(|(l, u)| focus_json(view, l, u, Lang::En))}))
        }
        "clock" => {
            let ms: f64 = arg
                .trim()
                .parse()
                .map_err(|_| Notice::rejected(name, format!("{arg:?} is not a time in milliseconds")))?;
            let spe = s.trainer.steps_per_epoch();
            view.pacer.tick(ms, spe);
            Ok(json!({"allowed": view.pacer.allowed().min(u32::MAX as u64)}))
        }
        "step" => {
            view.playing = false;
            s.step_paused();
            Ok(json!({"step": s.steps()}))
        }
        "epoch" => {
            view.playing = false;
            s.epoch_paused();
            Ok(json!({"step": s.steps(), "epoch": s.epochs_done()}))
        }
        "reset" => {
            let mut cfg = s.config.clone();
            cfg.epochs = view.target;
            *s = cfg
                .start(&view.source.data)
                .map_err(|e| Notice::rejected(name, e.detail))?;
            view.playing = false;
            view.open_ended = false;
            Ok(json!({"step": 0}))
        }
        "checkpoint" => Ok(json!({"id": s.checkpoint()})),
        "restore" => {
            let id: usize = arg
                .trim()
                .parse()
                .map_err(|_| Notice::rejected(name, format!("{arg:?} is not a checkpoint number")))?;
            s.restore_paused(id)
                .map_err(|e| Notice::rejected(name, e.to_string()))?;
            view.playing = false;
            Ok(json!({"id": id, "step": s.steps()}))
        }
        _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
    }
}

/// `width,height` in CSS pixels (both positive and finite) at the start of `arg`.
fn size_of(arg: &str) -> Option<(f64, f64)> {
    let mut parts = arg.split(',');
    let (w, h): (f64, f64) = (parts.next()?.trim().parse().ok()?, parts.next()?.trim().parse().ok()?);
    (w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0).then_some((w.min(8192.0), h.min(8192.0)))
}

/// `layer,unit` -> `Some(Some(..))`, nothing -> `Some(None)` (no focus), else `None`.
fn parse_unit(arg: &str) -> Option<Option<(usize, usize)>> {
    if arg.trim().is_empty() {
        return Some(None);
    }
    let (l, u) = arg.split_once(',')?;
    Some(Some((l.trim().parse().ok()?, u.trim().parse().ok()?)))
}

/// A focused unit's readout for the page: its incoming weights (the bias as `b`) and its
/// activation histogram over the training rows.
fn focus_json(view: &TrainView, layer: usize, unit: usize, lang: Lang) -> serde_json::Value {
    let s = &view.session;
    let last = s.config.network.sizes().len() - 1;
    let weights = diagram::incoming(s, layer, unit);
    let histogram = s.histograms.layers.get(layer - 1).and_then(|h| h.get(unit));
    let d = &words(lang).diagram;
    let listed: Vec<String> = weights.iter().map(|(k, w)| format!("{k} {}", short(*w))).collect();
    let range = histogram.map_or(("–".into(), "–".into(), "–".into()), |h| {
        (short(h.min), short(h.mean), short(h.max))
    });
    let text = (d.readout)(&(d.unit)(layer, unit + 1, layer == last), &listed.join(", "), range);
    json!({
        "layer": layer,
        "unit": unit,
        "output": layer == last,
        "weights": weights,
        "histogram": histogram,
        "text": text,
    })
}

/// Takes in an uploaded CSV (last column = class). Showing a CSV already, the run restarts on
/// the new rows at once; otherwise the answer's `query` switches the dataset to it.
fn load_csv(view: &mut TrainView, text: &str) -> Answer {
    let loaded = CsvConfig::default().load(text).map_err(|e| {
        let detail = if e.line > 0 {
            format!("CSV line {}: {}", e.line, e.message)
        } else {
            format!("CSV: {}", e.message)
        };
        Notice::rejected("csv", detail)
    })?;
    let data = loaded.data;
    if data.rows() > MAX_ROWS {
        return Err(Notice::rejected(
            "csv",
            format!("CSV: {} rows; the train view uses at most {MAX_ROWS}", data.rows()),
        )
        .into());
    }
    let answer = json!({
        "rows": data.rows(),
        "features": data.features,
        "classes": loaded.class_names.len(),
        "query": "dataset=csv",
    });
    let id = view.upload_id() + 1;
    if view.dataset == "csv" {
        // Already showing a CSV: restart on the new rows now (the parameters are unchanged).
        view.session = view
            .session
            .config
            .start(&data)
            .map_err(|e| Notice::rejected("csv", e.detail))?;
        view.source = Source {
            key: csv_key(id),
            data: data.clone(),
        };
    }
    view.upload = Some(Upload { id, data });
    view.playing = true;
    Ok(answer)
}

/// Adds a training point where the learner clicked: `{"x", "y", "width", "height", "class"}` in
/// CSS pixels of the figure, mapped back through the left panel's square ([`plot_rect`]).
fn add_point(view: &mut TrainView, arg: &str) -> Answer {
    let name = "add_point";
    if arg.len() > MAX_ARG_LEN {
        return Err(Notice::rejected(name, "argument too long").into());
    }
    let v: serde_json::Value =
        serde_json::from_str(arg).map_err(|e| Notice::rejected(name, format!("expected JSON: {e}")))?;
    let num = |k: &str| v.get(k).and_then(|x| x.as_f64()).filter(|x| x.is_finite());
    let (Some(px), Some(py), Some(w), Some(h)) = (num("x"), num("y"), num("width"), num("height")) else {
        return Err(Notice::rejected(
            name,
            "expected {\"x\", \"y\", \"width\", \"height\", \"class\"} in CSS pixels",
        )
        .into());
    };
    let class = num("class").unwrap_or(1.0).max(0.0) as usize;
    let s = &mut view.session;
    if s.raw.train.features != 2 {
        return Err(Notice::rejected(name, "points can be added to 2-D data only").into());
    }
    let (left, top, side) = plot_rect(w, h);
    let (fx, fy) = ((px - left) / side, 1.0 - (py - top) / side);
    if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
        return Err(Notice::rejected(name, "the click is outside the data plot").into());
    }
    let ((x0, x1), (y0, y1)) = s.view_box;
    let point = [x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)];
    // the weights are unchanged, so the boundary is too (points are drawn from the data)
    s.add_point(&point, class)
        .map_err(|e| Notice::rejected(name, e.to_string()))?;
    Ok(json!({"x": point[0], "y": point[1], "class": class, "train_rows": s.raw.train.rows()}))
}
