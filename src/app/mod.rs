//! The views: each is a [`View`] (parameters -> core computation -> figure, data and CSV) in a
//! folder of its own (`app/<id>/`: `mod.rs` with the model and its entry, `text.rs` with its
//! words in both languages; larger views add `params.rs`, `commands.rs`, `figure.rs`), listed
//! once in the `registry!` below: the plain table [`VIEWS`] of the views compiled in (the page,
//! the URL state, the embed API and the tests all iterate it) and [`MODULES`], which wasm module
//! of the page holds each view and which data it needs (the page's static catalogue).
use crate::chart::record::{replay, Op, Recorder};
use crate::chart::{ChartError, Lang, Theme};
use plotters::prelude::*;

pub mod assets;
pub mod params;
pub mod query;
mod registry;
pub mod runs;
pub mod targets;
pub mod view;

pub use view::{
    action, background, query as read_only, Area, CommandKind, CommandSpec, Progress, Stage, View, ViewEntry,
};

use params::{Notice, ParamSet, Problem};
use registry::registry;
pub use registry::ViewModule;

registry! {
    // view         wasm module (a cargo feature)   data it trains on
    normalise   in "math",
    minibatch   in "math",
    ewma        in "ewma",
    optimizers  in "math",
    optima      in "math",
    search      in "search",
    scale       in "search",
    space       in "search",
    activations in "nn",
    depth       in "nn",
    gradcheck   in "nn",
    batchnorm   in "engine" with digits,
    train       in "train" with digits when params::one_of("dataset", &["digits"]),
    learning    in "engine" with digits,
    tuning      in "engine" with digits,
}

/// The registry entry of view `id`.
pub fn entry(id: &str) -> Option<&'static ViewEntry> {
    VIEWS.iter().find(|v| v.id == id)
}

/// Default figure size in CSS pixels, used by SVG exports.
pub const DEFAULT_SIZE: (u32, u32) = (760, 440);
/// The largest figure drawn, per side, in device pixels (bigger requests are clamped).
pub const MAX_FIGURE_SIDE: u32 = 4096;

/// A mounted view: its entry, its current (valid) parameters and its model. Invalid input never
/// replaces a valid state.
pub struct Mounted {
    entry: &'static ViewEntry,
    params: ParamSet,
    view: Box<dyn View>,
}

impl Mounted {
    /// Mounts view `id` at its defaults; an unknown id gives an [`Problem::UnknownView`] notice
    /// (a registry test checks that every default builds).
    pub fn new(id: &str) -> Result<Self, Vec<Notice>> {
        let Some(entry) = entry(id) else {
            return Err(vec![Notice::new(
                "view",
                Problem::UnknownView,
                id,
                String::new(),
                format!("known: {}", VIEWS.iter().map(|v| v.id).collect::<Vec<_>>().join(", ")),
            )]);
        };
        let params = ParamSet::defaults(entry.params);
        let view = (entry.new)(&params)?;
        Ok(Mounted { entry, params, view })
    }

    /// The view's id.
    pub fn id(&self) -> &'static str {
        self.entry.id
    }

    /// Its registry entry.
    pub fn entry(&self) -> &'static ViewEntry {
        self.entry
    }

    /// Applies a query string; returns the notices. On an invalid combination the previous
    /// parameters and figure stay.
    pub fn set(&mut self, query: &str) -> Vec<Notice> {
        let mut next = self.params.clone();
        let mut notices = next.apply_query(query);
        if next != self.params {
            match self.view.update(&next) {
                Ok(()) => self.params = next,
                Err(mut more) => notices.append(&mut more),
            }
        }
        notices
    }

    /// Current parameters.
    pub fn params(&self) -> &ParamSet {
        &self.params
    }

    /// The model.
    pub fn view(&self) -> &dyn View {
        self.view.as_ref()
    }

    /// See [`View::data`].
    pub fn data(&self) -> serde_json::Value {
        self.view.data()
    }

    /// See [`View::summary`].
    pub fn summary(&self) -> serde_json::Value {
        self.view.summary()
    }

    /// See [`View::csv`].
    pub fn csv(&self) -> String {
        self.view.csv()
    }

    /// See [`View::describe`].
    pub fn describe(&self, lang: Lang) -> String {
        self.view.describe(lang)
    }

    /// See [`View::height_for`] (a finite, positive width; at least 120 pixels are returned).
    pub fn height_for(&self, width: f64) -> f64 {
        let width = if width.is_finite() && width > 0.0 {
            width.min(MAX_FIGURE_SIDE as f64)
        } else {
            DEFAULT_SIZE.0 as f64
        };
        let h = self.view.height_for(width);
        if h.is_finite() {
            h.clamp(120.0, MAX_FIGURE_SIDE as f64)
        } else {
            width * view::DEFAULT_ASPECT
        }
    }

    /// See [`View::advance`].
    pub fn advance(&mut self, max_units: usize) -> Option<Progress> {
        self.view.advance(max_units)
    }

    /// Runs action `name` if the entry lists it: a [`CommandKind::Query`] reads the model
    /// ([`View::query`]), the others may change it ([`View::command`]).
    pub fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match self.entry.commands.iter().find(|c| c.name == name) {
            Some(c) if c.kind == CommandKind::Query => self.view.query(name, arg),
            Some(_) => self.view.command(name, arg),
            None => Err(Notice::unknown_command(self.entry.id, name).into()),
        }
    }

    /// The figure as an SVG document, drawn by the same chart code as the canvas.
    pub fn svg(&self, width: u32, height: u32, lang: Lang) -> Result<String, ChartError> {
        let size = (width.clamp(16, MAX_FIGURE_SIDE), height.clamp(16, MAX_FIGURE_SIDE));
        let ops = self.record(size, &Theme { scale: 1.0, lang })?;
        let mut out = String::new();
        {
            let mut svg = SVGBackend::with_string(&mut out, size);
            replay(&ops, &mut svg).map_err(|e| ChartError(e.to_string()))?;
        }
        Ok(out)
    }

    /// Draws the figure once into a display list (see [`crate::chart::record`]), for any backend.
    pub fn record(&self, size: (u32, u32), theme: &Theme) -> Result<Vec<Op>, ChartError> {
        let recorder = Recorder::new(size);
        let ops = recorder.ops();
        {
            let root = recorder.into_drawing_area();
            self.view.draw(&root, theme)?;
            root.present()?;
        }
        let list = ops.borrow().clone();
        Ok(list)
    }
}

/// The catalogue the page builds its navigation and controls from: views, their parameters and
/// actions, which wasm module holds each and the data it trains on, and the reserved page keys.
/// The build writes it as `www/catalog.json` (`examples/catalog.rs`), so the page knows every
/// view before it loads any module.
pub fn catalog_json() -> serde_json::Value {
    let views: Vec<serde_json::Value> = VIEWS
        .iter()
        .map(|v| {
            let mut entry = serde_json::to_value(v).unwrap_or_default();
            if let Some(m) = MODULES.iter().find(|m| m.id == v.id) {
                entry["module"] = serde_json::json!(m.module);
                entry["digits"] = serde_json::json!(m.digits);
            }
            entry
        })
        .collect();
    serde_json::json!({
        "views": views,
        "reserved": params::RESERVED,
    })
}

/// Writes rows of numbers as CSV with the given header.
pub fn csv_table(header: &[String], rows: impl Iterator<Item = Vec<f64>>) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|v| params::format_float(*v)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
