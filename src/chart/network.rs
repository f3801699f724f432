//! The network diagram of `view=train`, after TensorFlow Playground's: one column of nodes per
//! layer (inputs, hidden layers, output), the weights between them as lines coloured by sign
//! (vermillion positive, blue negative, the palette's class colours) and as wide as their
//! magnitude. A node's face is what the unit computes: for 2-D data a small heatmap of its
//! activation over the input plane (the plane of the decision boundary), for the digits the first
//! layer's incoming weights as an 8 x 8 image, otherwise a disc shaded by the unit's mean
//! activation. A focused unit gets a frame and a readout: its activation histogram over the
//! training rows and its strongest incoming weights.
//!
//! Everything drawn comes in as plain data ([`Diagram`]), already capped by the caller (a subset
//! of units, the strongest weights) and worded in the page's language. [`node_boxes`] says where
//! each node is, so the page can lay focusable buttons over them.
pub use super::readout::{fitting, wrap, Readout};
use super::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A rectangle in pixels of the figure: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// The rectangle's corners in whole pixels.
    pub fn corners(&self) -> [(i32, i32); 2] {
        [
            (self.x.round() as i32, self.y.round() as i32),
            ((self.x + self.w).round() as i32, (self.y + self.h).round() as i32),
        ]
    }
}

/// How a heatmap's values map to colour: `t = (v - centre) / half`, clamped to [-1, 1];
/// vermillion above the centre, blue below, white at it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatScale {
    /// The value drawn white.
    pub centre: f64,
    /// The distance from the centre drawn at full colour.
    pub half: f64,
}

/// What a node shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Face {
    /// The unit's activation on a `side x side` lattice, row `j` = y from the bottom.
    Heat {
        /// Points per side.
        side: usize,
        /// `side * side` values.
        values: Vec<f32>,
        /// Colour scale.
        scale: HeatScale,
    },
    /// An 8 x 8 image of signed values (a first-layer unit's weights), row by row from the top,
    /// drawn with `scale` (centre 0).
    Image {
        /// 64 values.
        pixels: Vec<f64>,
        /// Largest magnitude drawn at full colour.
        scale: f64,
    },
    /// A disc shaded by a value.
    Plain {
        /// The value.
        value: f64,
        /// Colour scale.
        scale: HeatScale,
    },
}

/// One drawn unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Its face.
    pub face: Face,
    /// A short label beside it (`x₁`, a digit class), or empty.
    pub label: String,
}

/// One drawn weight, between node `from` of a layer and node `to` of the next (indices into the
/// drawn nodes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Edge {
    /// Drawn node of the lower layer.
    pub from: usize,
    /// Drawn node of the upper layer.
    pub to: usize,
    /// The weight.
    pub weight: f64,
}

/// Everything the diagram draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagram {
    /// Drawn nodes per layer, inputs first.
    pub layers: Vec<Vec<Node>>,
    /// A column title per layer (`inputs`, `hidden 1: 8`, `output`).
    pub titles: Vec<String>,
    /// Drawn weights between layer `l` and `l + 1`.
    pub edges: Vec<Vec<Edge>>,
    /// The focused unit: (layer, drawn node).
    pub focus: Option<(usize, usize)>,
    /// Its readout.
    pub readout: Option<Readout>,
    /// What is left out (a note in the readout's place while no unit is focused), or empty.
    pub note: String,
    /// What the readout's place says while no unit is focused.
    pub hint: String,
}

/// A diagram at least this wide (CSS pixels) keeps its readout in a column on its right;
/// narrower ones in a strip along the bottom.
const SIDE_READOUT_MIN: f64 = 380.0;
/// Columns narrower than this (CSS pixels) stagger their titles over two lines.
const STAGGER_BELOW: f64 = 96.0;

/// The diagram's two parts: the nodes' area and the readout's, which is reserved whether or not
/// a unit is focused (the nodes never move under the pointer).
pub fn split(area: Rect, theme: &Theme) -> (Rect, Rect) {
    let px = |v: f64| theme.px(v) as f64;
    if area.w >= px(SIDE_READOUT_MIN) {
        let w = px(176.0);
        (
            Rect { w: area.w - w, ..area },
            Rect {
                x: area.x + area.w - w,
                w,
                ..area
            },
        )
    } else {
        let h = px(86.0).min(area.h * 0.4);
        (
            Rect { h: area.h - h, ..area },
            Rect {
                y: area.y + area.h - h,
                h,
                ..area
            },
        )
    }
}

/// Whether the columns of `cols` layers in `nodes` stagger their titles over two lines.
fn staggered(nodes: Rect, cols: usize, theme: &Theme) -> bool {
    nodes.w / (cols.max(1) as f64) < theme.px(STAGGER_BELOW) as f64
}

/// Where the nodes of layers of `counts` drawn units sit in the diagram's `area`: per layer, per
/// node, the face's square `(left, top, side)`. Columns are evenly spaced in the nodes' part
/// ([`split`]); a node is at most 64 pixels (`theme`'s), and spaced so that a column's nodes fit
/// under its title.
pub fn node_boxes(area: Rect, counts: &[usize], theme: &Theme) -> Vec<Vec<(f64, f64, f64)>> {
    let (area, _) = split(area, theme);
    let lines = if staggered(area, counts.len(), theme) { 2.0 } else { 1.0 };
    let title = theme.px(14.0) as f64 * lines;
    let top = area.y + title + theme.px(6.0) as f64;
    let usable = (area.h - title - theme.px(10.0) as f64).max(8.0);
    let cols = counts.len().max(1) as f64;
    let pitch_x = area.w / cols;
    let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let side = (usable / most * 0.78)
        .min(pitch_x * 0.42)
        .min(theme.px(64.0) as f64)
        .max(4.0);
    counts
        .iter()
        .enumerate()
        .map(|(l, &n)| {
            let cx = area.x + pitch_x * (l as f64 + 0.5);
            let pitch_y = usable / n.max(1) as f64;
            (0..n)
                .map(|k| {
                    let cy = top + pitch_y * (k as f64 + 0.5);
                    (cx - side / 2.0, cy - side / 2.0, side)
                })
                .collect()
        })
        .collect()
}

fn mix(c: RGBColor, t: f64) -> RGBColor {
    let f = |v: u8| (255.0 + (v as f64 - 255.0) * t.clamp(0.0, 1.0)).round() as u8;
    RGBColor(f(c.0), f(c.1), f(c.2))
}

/// The colour of a signed share `t` in [-1, 1], quantised to `levels` steps a side: vermillion
/// above 0, blue below.
fn signed(t: f64, levels: f64) -> RGBColor {
    let t = if t.is_finite() { t.clamp(-1.0, 1.0) } else { 0.0 };
    let q = (t.abs() * levels).round() / levels;
    mix(series_color(if t >= 0.0 { 1 } else { 0 }), 0.85 * q)
}

fn shade(v: f64, s: HeatScale) -> RGBColor {
    signed((v - s.centre) / s.half.max(1e-12), 6.0)
}

/// Draws a heatmap into a square, merging equal neighbours in a row into one rectangle.
fn draw_heat<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (left, top, side): (f64, f64, f64),
    n: usize,
    values: &[f32],
    scale: HeatScale,
    stride: usize,
) -> Result<(), ChartError> {
    // every `stride`-th point of the lattice (its middle one), so a figure of many units stays
    // a few thousand rectangles
    let k = stride.clamp(1, n.max(1));
    let m = n.div_ceil(k).max(1);
    let at = |j: usize, i: usize| {
        let (jj, ii) = ((j * k + k / 2).min(n - 1), (i * k + k / 2).min(n - 1));
        shade(values.get(jj * n + ii).copied().unwrap_or(0.0) as f64, scale)
    };
    let cell = side / m as f64;
    for j in 0..m {
        let mut i = 0;
        while i < m {
            let color = at(j, i);
            let start = i;
            while i < m && at(j, i) == color {
                i += 1;
            }
            // row j counts from the bottom
            let a = (
                (left + cell * start as f64).round() as i32,
                (top + side - cell * (j + 1) as f64).round() as i32,
            );
            let z = (
                (left + cell * i as f64).round() as i32,
                (top + side - cell * j as f64).round() as i32,
            );
            root.draw(&Rectangle::new([a, z], color.filled()))?;
        }
    }
    Ok(())
}

/// Most heatmap cells drawn in one diagram: 12,000 (a 2-8-8-1 network's 19 faces of 24 x 24
/// fit; larger networks sample every second or third point).
pub const HEAT_BUDGET: usize = 12_000;

/// The sampling stride of the heatmaps: the smallest that keeps `faces` faces of `n x n` points
/// within [`HEAT_BUDGET`] cells and no cell under two pixels of a `side`-pixel face.
pub fn heat_stride(faces: usize, n: usize, side: f64) -> usize {
    let by_pixels = (n as f64 / (side / 2.0).max(1.0)).ceil().max(1.0) as usize;
    (1..=n.max(1))
        .find(|&k| k >= by_pixels && faces * n.div_ceil(k).pow(2) <= HEAT_BUDGET)
        .unwrap_or(n.max(1))
}

fn draw_face<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    b: (f64, f64, f64),
    face: &Face,
    stride: usize,
) -> Result<(), ChartError> {
    let (left, top, side) = b;
    match face {
        Face::Heat { side: n, values, scale } => draw_heat(root, b, *n, values, *scale, stride)?,
        Face::Image { pixels, scale } => {
            // row 0 is the top row of the image: flip into the heatmap's bottom-up order
            let flipped: Vec<f32> = (0..8)
                .rev()
                .flat_map(|r| (0..8).map(move |c| (r, c)))
                .map(|(r, c)| pixels.get(r * 8 + c).copied().unwrap_or(0.0) as f32)
                .collect();
            let s = HeatScale {
                centre: 0.0,
                half: scale.max(1e-12),
            };
            draw_heat(root, b, 8, &flipped, s, 1)?;
        }
        Face::Plain { value, scale } => {
            let c = ((left + side / 2.0).round() as i32, (top + side / 2.0).round() as i32);
            let r = (side / 2.0).round() as i32;
            root.draw(&Circle::new(c, r, shade(*value, *scale).filled()))?;
            root.draw(&Circle::new(c, r, RGBColor(150, 150, 150).stroke_width(1)))?;
        }
    }
    Ok(())
}

/// Draws the diagram into `area` of `root`.
pub fn draw_network<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: Rect,
    d: &Diagram,
    theme: &Theme,
) -> Result<(), ChartError> {
    let counts: Vec<usize> = d.layers.iter().map(Vec::len).collect();
    let boxes = node_boxes(area, &counts, theme);
    // the weights first, under the nodes; the focused unit's incoming ones last, on top
    let peak = d
        .edges
        .iter()
        .flatten()
        .map(|e| e.weight.abs())
        .filter(|w| w.is_finite())
        .fold(0.0f64, f64::max)
        .max(1e-12);
    let mut top_edges = Vec::new();
    for (l, edges) in d.edges.iter().enumerate() {
        for e in edges {
            let (Some(a), Some(b)) = (boxes[l].get(e.from), boxes.get(l + 1).and_then(|x| x.get(e.to))) else {
                continue;
            };
            let focused = d.focus == Some((l + 1, e.to));
            if focused {
                top_edges.push((*a, *b, e.weight));
                continue;
            }
            let faint = d.focus.is_some();
            draw_edge(root, *a, *b, e.weight, peak, faint, theme)?;
        }
    }
    for (a, b, w) in top_edges {
        draw_edge(root, a, b, w, peak, false, theme)?;
    }
    let heats: Vec<usize> = d
        .layers
        .iter()
        .flatten()
        .filter_map(|n| match n.face {
            Face::Heat { side, .. } => Some(side),
            _ => None,
        })
        .collect();
    let face_px = boxes.iter().flatten().map(|b| b.2).next().unwrap_or(1.0);
    let stride = heat_stride(heats.len(), heats.iter().copied().max().unwrap_or(1), face_px);
    let label_font = theme.font(10.0);
    for (l, nodes) in d.layers.iter().enumerate() {
        for (k, node) in nodes.iter().enumerate() {
            let b = boxes[l][k];
            draw_face(root, b, &node.face, stride)?;
            let focused = d.focus == Some((l, k));
            let frame = Rect {
                x: b.0,
                y: b.1,
                w: b.2,
                h: b.2,
            };
            let style = if focused {
                INK.stroke_width(theme.px(2.5))
            } else {
                RGBColor(150, 150, 150).stroke_width(theme.px(1.0))
            };
            if !matches!(node.face, Face::Plain { .. }) || focused {
                root.draw(&Rectangle::new(frame.corners(), style))?;
            }
            if !node.label.is_empty() {
                let at = (
                    (b.0 - theme.px(3.0) as f64).round() as i32,
                    (b.1 + b.2 / 2.0).round() as i32,
                );
                root.draw(&Text::new(
                    node.label.clone(),
                    at,
                    label_font.clone().pos(Pos::new(HPos::Right, VPos::Center)),
                ))?;
            }
        }
    }
    let (nodes, strip) = split(area, theme);
    let cols = d.titles.len().max(1);
    let pitch = nodes.w / cols as f64;
    let stagger = staggered(nodes, cols, theme);
    for (l, title) in d.titles.iter().enumerate() {
        let cx = nodes.x + pitch * (l as f64 + 0.5);
        let room = if stagger { 2.0 * pitch } else { pitch } - theme.px(6.0) as f64;
        let size = fitting(title, room, 11.0 * theme.scale) / theme.scale;
        let y = nodes.y
            + if stagger && l % 2 == 1 {
                theme.px(14.0) as f64
            } else {
                0.0
            };
        root.draw(&Text::new(
            title.clone(),
            (cx.round() as i32, y.round() as i32),
            theme.font(size).pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    let strip_tuple = (strip.x, strip.y, strip.w, strip.h);
    match (d.focus, d.readout.as_ref()) {
        (Some(_), Some(r)) => super::readout::draw_readout(root, strip_tuple, r, theme)?,
        _ => super::readout::draw_hint(root, strip_tuple, &d.hint, &d.note, theme)?,
    }
    Ok(())
}

fn draw_edge<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: (f64, f64, f64),
    b: (f64, f64, f64),
    w: f64,
    peak: f64,
    faint: bool,
    theme: &Theme,
) -> Result<(), ChartError> {
    if !w.is_finite() {
        return Ok(());
    }
    let t = (w.abs() / peak).clamp(0.0, 1.0);
    let color = series_color(if w >= 0.0 { 1 } else { 0 });
    let alpha = if faint { 0.12 } else { 0.25 + 0.65 * t };
    let width = theme.px(0.5 + 3.5 * t);
    let from = ((a.0 + a.2).round() as i32, (a.1 + a.2 / 2.0).round() as i32);
    let to = (b.0.round() as i32, (b.1 + b.2 / 2.0).round() as i32);
    root.draw(&PathElement::new(vec![from, to], color.mix(alpha).stroke_width(width)))?;
    Ok(())
}
