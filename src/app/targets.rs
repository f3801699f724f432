//! Readout targets: the parts of a figure a pointer, a tap or the arrow keys can point at (a
//! histogram's bin, a grid cell, a bar), with the words the page shows for each. A view answers
//! the read-only query `targets` with them: the page sends the figure's size in CSS pixels and
//! its language (`{"width": 760, "height": 440, "lang": "ko"}`), the view draws its figure once
//! more into a throwaway display list at that size (so the boxes are where the canvas drew them)
//! and returns one [`Target`] per part. `group` orders them for the keyboard: left and right
//! move within a group (the bins of one histogram), up and down between groups.
use super::params::Notice;
use super::Area;
use crate::chart::record::Recorder;
use crate::chart::{ChartError, Lang, Theme};
use plotters::prelude::IntoDrawingArea;
use serde::Serialize;

/// The name of the query (`read_only(QUERY)` in a view's commands).
pub const QUERY: &str = "targets";

/// One part of the figure and its words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Target {
    /// Left edge, CSS px from the figure's left.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
    /// Its group for keyboard moves (a histogram, a row of cells).
    pub group: usize,
    /// What the page shows for it, in the asked language.
    pub label: String,
}

/// The figure the page asks about: its size in CSS px and its language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Width in CSS px (16 to 4,096).
    pub width: u32,
    /// Height in CSS px (16 to 4,096).
    pub height: u32,
    /// The language of the labels.
    pub lang: Lang,
}

impl Frame {
    /// Reads `{"width": w, "height": h, "lang": "en" | "ko"}`.
    pub fn parse(arg: &str) -> Result<Frame, Vec<Notice>> {
        let v: serde_json::Value =
            serde_json::from_str(arg).map_err(|e| Vec::from(Notice::rejected(QUERY, format!("not JSON: {e}"))))?;
        let side = |key: &str| -> Result<u32, Vec<Notice>> {
            v[key]
                .as_f64()
                .filter(|x| x.is_finite())
                .map(|x| x.round().clamp(16.0, super::MAX_FIGURE_SIDE as f64) as u32)
                .ok_or_else(|| Notice::rejected(QUERY, format!("needs a number {key}")).into())
        };
        Ok(Frame {
            width: side("width")?,
            height: side("height")?,
            lang: Lang::from_code(v["lang"].as_str().unwrap_or("en")),
        })
    }

    /// Draws with `draw` into a display list of this size (one pixel per CSS pixel) and returns
    /// what it returns (the geometry of what it drew).
    pub fn record<T>(&self, draw: impl FnOnce(&Area, &Theme) -> Result<T, ChartError>) -> Result<T, Vec<Notice>> {
        let root = Recorder::new((self.width, self.height)).into_drawing_area();
        let theme = Theme {
            scale: 1.0,
            lang: self.lang,
        };
        draw(&root, &theme).map_err(|e| Notice::rejected(QUERY, e.to_string()).into())
    }
}

/// The query's answer: `{"targets": [...]}`.
pub fn answer(targets: Vec<Target>) -> serde_json::Value {
    serde_json::json!({ "targets": targets })
}
