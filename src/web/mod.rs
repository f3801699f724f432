//! The browser boundary (wasm32 only): thin `#[wasm_bindgen]` handles that own a view's state and
//! draw it on a canvas. Values cross as query strings and JSON text; every error becomes a
//! `JsError`; the panic hook makes any panic visible in the console (and fails the tests).
use crate::app::{catalog_json, Mounted};
use crate::chart::record::replay;
use crate::chart::{Lang, Theme};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "engine")]
pub mod runs;

/// Installs the panic hook when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The catalogue of views and their parameters, as JSON text. Not exported to the page: the page
/// reads the build's `www/catalog.json` before any module (the serialisers of the schema stay out
/// of the modules); the browser tests call it.
pub fn catalog() -> String {
    catalog_json().to_string()
}

/// Takes the digits file (`www/data/digits.bin`) for the views that train on it; the page fetches
/// it only before it mounts such a view. Errors say what is wrong with the file. Only in the
/// modules that hold such views (`with digits` in the registry: train, engine).
#[cfg(any(feature = "train", feature = "engine"))]
#[wasm_bindgen(js_name = provideDigits)]
pub fn provide_digits(bytes: &[u8]) -> Result<(), JsError> {
    crate::app::assets::provide_digits(bytes).map_err(|e| JsError::new(&e))
}

/// A number as the page shows it: about three significant digits, never `0` for a value that is
/// not zero, `1.2 × 10⁻⁵` for very small or large values (`core::math::format::short`, the same
/// formatter the figures use).
#[wasm_bindgen(js_name = formatNumber)]
pub fn format_number(v: f64) -> String {
    crate::core::math::format::short(v)
}

/// A fresh random seed from the browser's entropy (for the "new seed" button).
#[wasm_bindgen(js_name = randomSeed)]
pub fn random_seed() -> Result<u32, JsError> {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_err(|e| JsError::new(&format!("no randomness available: {e}")))?;
    Ok(u32::from_le_bytes(bytes))
}

/// One mounted view: its validated parameters and computed model.
#[wasm_bindgen]
pub struct ViewHandle {
    view: Mounted,
}

fn to_json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_string())
}

#[wasm_bindgen]
impl ViewHandle {
    /// Mounts view `id` at its defaults. An unknown id is an error naming the known ones.
    #[wasm_bindgen(constructor)]
    pub fn new(id: &str) -> Result<ViewHandle, JsError> {
        Mounted::new(id).map(|view| ViewHandle { view }).map_err(|notices| {
            let detail = notices.first().map(|n| n.detail.clone()).unwrap_or_default();
            JsError::new(&format!("unknown view '{id}' ({detail})"))
        })
    }

    /// The view id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.view.id().to_string()
    }

    /// Applies a query string (`beta=0.9&seed=3`); returns the notices as JSON text.
    pub fn set(&mut self, query: &str) -> String {
        to_json_text(&self.view.set(query))
    }

    /// The canonical query string of the current parameters.
    pub fn query(&self) -> String {
        self.view.params().to_query()
    }

    /// The current parameters as JSON text.
    #[wasm_bindgen(js_name = paramsJson)]
    pub fn params_json(&self) -> String {
        self.view.params().to_json().to_string()
    }

    /// The numbers the figure shows, as JSON text.
    #[wasm_bindgen(js_name = dataJson)]
    pub fn data_json(&self) -> String {
        self.view.data().to_string()
    }

    /// Does at most `max_units` units of the view's long work; returns `{done, total}` as JSON
    /// text, or `null` when the view has none.
    pub fn advance(&mut self, max_units: usize) -> String {
        to_json_text(&self.view.advance(max_units))
    }

    /// Runs a view action listed in its registry entry (a read-only query or a command, see
    /// `app::View`); returns `{"result": ...}` or
    /// `{"notices": [...]}` as JSON text.
    pub fn command(&mut self, name: &str, arg: &str) -> String {
        match self.view.command(name, arg) {
            Ok(result) => serde_json::json!({ "result": result }).to_string(),
            Err(notices) => serde_json::json!({ "notices": notices }).to_string(),
        }
    }

    /// What the page shows beside the figure (tables, hints), as JSON text.
    #[wasm_bindgen(js_name = summaryJson)]
    pub fn summary_json(&self) -> String {
        self.view.summary().to_string()
    }

    /// The figure's height in CSS pixels for a width of `width` CSS pixels (the view's own
    /// layout: panels stack on a narrow screen).
    #[wasm_bindgen(js_name = heightFor)]
    pub fn height_for(&self, width: f64) -> f64 {
        self.view.height_for(width)
    }

    /// The figure's numbers as CSV.
    pub fn csv(&self) -> String {
        self.view.csv()
    }

    /// A text alternative for the figure, in `lang` (`en` or `ko`).
    pub fn describe(&self, lang: &str) -> String {
        self.view.describe(Lang::from_code(lang))
    }

    /// The figure as SVG, `width` x `height` CSS pixels, its words in `lang`.
    pub fn svg(&self, width: u32, height: u32, lang: &str) -> Result<String, JsError> {
        self.view
            .svg(width, height, Lang::from_code(lang))
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Draws the figure on `canvas` (sized in device pixels by the caller; `scale` is the
    /// device-pixel ratio the fonts and lines follow; `lang` the language of its words).
    pub fn draw(&self, canvas: HtmlCanvasElement, scale: f64, lang: &str) -> Result<(), JsError> {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale.min(4.0)
        } else {
            1.0
        };
        let size = (canvas.width(), canvas.height());
        let mut backend =
            CanvasBackend::with_canvas_object(canvas).ok_or_else(|| JsError::new("canvas has no 2d context"))?;
        let ops = self
            .view
            .record(
                size,
                &Theme {
                    scale,
                    lang: Lang::from_code(lang),
                },
            )
            .map_err(|e| JsError::new(&e.to_string()))?;
        replay(&ops, &mut backend).map_err(|e| JsError::new(&e.to_string()))
    }
}
