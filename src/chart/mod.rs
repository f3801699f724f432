//! Charts: plotters drawing functions generic over `DrawingBackend`, fed by plain data from
//! `core`. The same function draws to a `<canvas>` in the browser (plotters-canvas) and to an SVG
//! string in native tests and exports (plotters' SVG backend).
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub mod activations;
pub mod batchnorm;
pub mod depth;
pub mod ewma;
pub mod gradcheck;
pub mod learning;
pub mod legend;
pub mod lines;
pub mod measure;
pub mod minibatch;
pub mod network;
pub mod normalise;
pub mod optima;
pub mod optimizers;
pub mod plane;
pub mod readout;
pub mod record;
pub mod scale;
pub mod search;
pub mod ticks;
pub mod train;
pub mod tuning;
pub mod weights;

/// A drawing failure, as text (plotters' error types differ per backend).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError(e.to_string())
    }
}

/// The language of the words drawn in a figure (axis titles, legends, labels) and of its text
/// alternative. Default English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (default).
    #[default]
    En,
    /// Korean, the language of the course notes.
    Ko,
}

impl Lang {
    /// Parses `en` / `ko` (anything else is English).
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// This language's one of two values (words, a table of words).
    pub fn pick<'a, T: ?Sized>(self, en: &'a T, ko: &'a T) -> &'a T {
        match self {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }
}

/// Sizes that follow the output's pixel density, and the language of the figure's words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Device pixels per CSS pixel: 1 for SVG, `devicePixelRatio` for a canvas. Default 1.
    pub scale: f64,
    /// Language of the figure's words. Default English.
    pub lang: Lang,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            scale: 1.0,
            lang: Lang::En,
        }
    }
}

impl Theme {
    /// A length of `css` CSS pixels in output pixels (at least 1).
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// The lab's font at `css` pixels.
    pub fn font(&self, css: f64) -> TextStyle<'static> {
        // the family's kind, not its name: a name is lower-cased by plotters (Unicode case tables)
        (FontFamily::SansSerif, css * self.scale).into_font().color(&INK)
    }

    /// The axis block every chart shares: tick labels at `label_px` CSS pixels, axis titles one
    /// pixel larger, a 1-pixel ink axis, faint major grid lines and no minor ones. Charts then
    /// set their own label counts, formatters and titles on the returned style.
    pub fn mesh<'m, 'a, 'b, X, Y, DB>(
        &self,
        mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
        label_px: f64,
    ) -> &'m mut MeshStyle<'a, 'b, X, Y, DB>
    where
        X: Ranged,
        Y: Ranged,
        DB: DrawingBackend,
    {
        mesh.label_style(self.font(label_px))
            .axis_desc_style(self.font(label_px + 1.0))
            .axis_style(INK.stroke_width(self.px(1.0)))
            .bold_line_style(GRID.stroke_width(self.px(1.0)))
            .light_line_style(TRANSPARENT)
    }
}

/// Text and axis colour.
pub const INK: RGBColor = RGBColor(34, 34, 34);
/// Faint grid lines.
pub const GRID: RGBColor = RGBColor(232, 232, 232);
/// Raw data points drawn behind the series.
pub const DATA_GREY: RGBColor = RGBColor(160, 160, 160);

/// Series colours: Okabe & Ito's palette (2008), chosen to stay distinguishable with the common
/// colour-vision deficiencies; yellow comes last because it is faint on white.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(230, 159, 0),   // orange
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(0, 0, 0),       // black
    RGBColor(240, 228, 66),  // yellow
];

/// The colour of series `i` (cycles after eight).
pub fn series_color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// `(min, max)` of the finite values, padded by `pad` of the span on each side; `(0, 1)` when
/// there are none, and a unit span around a constant.
pub fn padded_range<'a>(values: impl IntoIterator<Item = &'a f64>, pad: f64) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for &v in values {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    }
    if lo > hi {
        return (0.0, 1.0);
    }
    if hi - lo < 1e-12 {
        return (lo - 0.5, hi + 0.5);
    }
    let span = hi - lo;
    (lo - pad * span, hi + pad * span)
}

/// Text labels placed at the right end of lines, pushed apart vertically so they do not overlap.
/// `labels` holds (pixel y wanted, text, colour); x is the same for all.
pub fn draw_end_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    x: i32,
    y_range: (i32, i32),
    mut labels: Vec<(i32, String, RGBColor)>,
    theme: &Theme,
) -> Result<(), ChartError> {
    let gap = theme.px(14.0) as i32;
    // a few labels: an insertion sort (stable, like sort_by_key) keeps the library's sort out of
    // the modules that need no other
    for i in 1..labels.len() {
        let mut j = i;
        while j > 0 && labels[j - 1].0 > labels[j].0 {
            labels.swap(j - 1, j);
            j -= 1;
        }
    }
    // push down, then pull back up from the bottom edge
    for i in 1..labels.len() {
        if labels[i].0 < labels[i - 1].0 + gap {
            labels[i].0 = labels[i - 1].0 + gap;
        }
    }
    let n = labels.len();
    for i in (0..n).rev() {
        let limit = if i + 1 < n { labels[i + 1].0 - gap } else { y_range.1 };
        labels[i].0 = labels[i].0.min(limit).max(y_range.0);
    }
    for (y, text, color) in labels {
        let style = theme.font(12.0).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(text, (x, y), style))?;
    }
    Ok(())
}
