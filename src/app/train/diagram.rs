//! The network diagram's numbers, from the session: which units and weights are drawn (at most
//! [`MAX_DRAWN_UNITS`] units per layer and [`MAX_DRAWN_EDGES`] weights between two layers, the
//! strongest), each node's face ([`crate::chart::network::Face`]), the focused unit's readout,
//! the same numbers as JSON for `handle.data()`, and where each node sits in a figure of a given
//! size (the page lays focusable buttons over them).
use super::text::Words;
use crate::chart::network::{node_boxes, Diagram, Edge, Face, HeatScale, Node, Readout};
use crate::chart::train::figure_layout;
use crate::chart::Theme;
use crate::core::lab::train::TrainSession;
use crate::core::nn::{Activation, ParamKind};
use serde_json::json;

/// Most units drawn per layer: 12 (the first ones; a note says how many there are).
pub const MAX_DRAWN_UNITS: usize = 12;
/// Most weights drawn between two layers: 96, the largest in magnitude among the drawn units.
pub const MAX_DRAWN_EDGES: usize = 96;
/// A layer's weights go into `handle.data()` in full up to this many (larger ones: the drawn).
pub const MAX_LISTED_WEIGHTS: usize = 4096;
/// The strongest incoming weights a readout lists.
pub const READOUT_WEIGHTS: usize = 6;

/// A layer's weights `W[l]` (`n_in x n_out`, row-major) and biases (none with batch norm), from 1.
fn layer_params(s: &TrainSession, layer: usize) -> (Vec<f64>, Option<Vec<f64>>) {
    let net = &s.trainer.net;
    let find = |kind: ParamKind| {
        net.param_info()
            .iter()
            .position(|i| i.layer == layer && i.kind == kind)
            .map(|k| net.params()[k].iter().map(|&v| v as f64).collect::<Vec<f64>>())
    };
    (find(ParamKind::Weight).unwrap_or_default(), find(ParamKind::Bias))
}

/// Whether the inputs are the 8 x 8 digits (their column is one image node).
fn is_image(s: &TrainSession) -> bool {
    s.raw.train.features == 64
}

/// Units drawn per layer (inputs first).
pub fn drawn_counts(s: &TrainSession) -> Vec<usize> {
    let sizes = s.config.network.sizes();
    sizes
        .iter()
        .enumerate()
        .map(|(l, &n)| {
            if l == 0 && is_image(s) {
                1
            } else {
                n.min(MAX_DRAWN_UNITS)
            }
        })
        .collect()
}

/// The drawn weights between layer `layer - 1` and `layer`: the strongest among drawn units.
fn edges(s: &TrainSession, layer: usize, counts: &[usize]) -> Vec<Edge> {
    if layer == 1 && is_image(s) {
        return Vec::new(); // the first layer's weights are the units' images
    }
    let sizes = s.config.network.sizes();
    let n_out = sizes[layer];
    let (w, _) = layer_params(s, layer);
    let mut e: Vec<Edge> = (0..counts[layer - 1])
        .flat_map(|i| (0..counts[layer]).map(move |j| (i, j)))
        .filter_map(|(i, j)| w.get(i * n_out + j).map(|&weight| Edge { from: i, to: j, weight }))
        .collect();
    if e.len() > MAX_DRAWN_EDGES {
        e.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
        e.truncate(MAX_DRAWN_EDGES);
    }
    e
}

/// The colour scale of a hidden unit's activation (`peak`: its largest magnitude on the grid).
fn scale_of(activation: Activation, peak: f64) -> HeatScale {
    match activation {
        Activation::Tanh => HeatScale { centre: 0.0, half: 1.0 },
        Activation::Sigmoid => HeatScale { centre: 0.5, half: 0.5 },
        _ => HeatScale {
            centre: 0.0,
            half: peak.max(1e-6),
        },
    }
}

/// The face of unit `unit` of layer `layer`.
fn face(s: &TrainSession, layer: usize, unit: usize) -> Face {
    let sizes = s.config.network.sizes();
    let last = sizes.len() - 1;
    let probability = HeatScale { centre: 0.5, half: 0.5 };
    let scale = |peak: f64| match layer {
        0 => HeatScale {
            centre: 0.0,
            half: peak.max(1e-6),
        },
        l if l == last => probability,
        _ => scale_of(s.config.network.activation, peak),
    };
    if layer == 1 && is_image(s) {
        let (w, _) = layer_params(s, 1);
        let n = sizes[1];
        let pixels: Vec<f64> = (0..64).map(|p| w.get(p * n + unit).copied().unwrap_or(0.0)).collect();
        let peak = w.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        return Face::Image { pixels, scale: peak };
    }
    if let Some(values) = s.units.as_ref().and_then(|g| g.unit(layer, unit).map(|v| (g.side, v))) {
        let (side, values) = values;
        let peak = values.iter().fold(0.0f64, |a, &v| a.max((v as f64).abs()));
        return Face::Heat {
            side,
            values: values.to_vec(),
            scale: scale(peak),
        };
    }
    let mean = layer
        .checked_sub(1)
        .and_then(|l| s.histograms.layers.get(l))
        .and_then(|u| u.get(unit))
        .map_or(0.0, |h| h.mean);
    Face::Plain {
        value: mean,
        scale: scale(1.0),
    }
}

/// The digits' input node: the mean training image (raw pixels).
fn mean_digit(s: &TrainSession) -> Face {
    let (rows, mut sum) = (s.raw.train.rows().max(1), vec![0.0; 64]);
    for i in 0..s.raw.train.rows() {
        for (a, v) in sum.iter_mut().zip(s.raw.train.row(i)) {
            *a += v;
        }
    }
    let pixels: Vec<f64> = sum.iter().map(|v| v / rows as f64).collect();
    let scale = pixels.iter().fold(1e-12, |a: f64, v| a.max(v.abs()));
    Face::Image { pixels, scale }
}

/// The label of node `unit` of layer `layer` (input features, digit classes).
fn label(s: &TrainSession, layer: usize, unit: usize, last: usize) -> String {
    match layer {
        0 if !is_image(s) => format!("x{}", subscript(unit + 1)),
        l if l == last && s.classes > 2 => unit.to_string(),
        _ => String::new(),
    }
}

fn subscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

/// The label of input `i` of unit in layer `layer` (a feature, a pixel, a unit below, `b`).
fn source_label(s: &TrainSession, layer: usize, i: usize) -> String {
    match layer {
        1 if is_image(s) => format!("({},{})", i / 8 + 1, i % 8 + 1),
        1 => format!("x{}", subscript(i + 1)),
        _ => format!("u{}", i + 1),
    }
}

/// The focused unit's readout numbers: the strongest incoming weights `(source, weight)` (the
/// bias as `b`), its bias, its histogram.
pub fn incoming(s: &TrainSession, layer: usize, unit: usize) -> Vec<(String, f64)> {
    let sizes = s.config.network.sizes();
    let n_out = sizes.get(layer).copied().unwrap_or(0);
    let (w, b) = layer_params(s, layer);
    let mut list: Vec<(String, f64)> = (0..sizes[layer - 1])
        .filter_map(|i| w.get(i * n_out + unit).map(|&v| (source_label(s, layer, i), v)))
        .collect();
    list.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    list.truncate(READOUT_WEIGHTS);
    if let Some(b) = b.and_then(|b| b.get(unit).copied()) {
        list.push(("b".into(), b));
    }
    list
}

/// The diagram to draw, worded in `w`; `focus` is (layer, unit).
pub fn diagram(s: &TrainSession, focus: Option<(usize, usize)>, w: &Words) -> Diagram {
    let sizes = s.config.network.sizes();
    let last = sizes.len() - 1;
    let counts = drawn_counts(s);
    let layers = counts
        .iter()
        .enumerate()
        .map(|(l, &n)| {
            (0..n)
                .map(|u| Node {
                    face: if l == 0 && is_image(s) {
                        mean_digit(s)
                    } else {
                        face(s, l, u)
                    },
                    label: label(s, l, u, last),
                })
                .collect()
        })
        .collect();
    let d = &w.diagram;
    let titles = sizes
        .iter()
        .enumerate()
        .map(|(l, &n)| match l {
            0 if is_image(s) => d.pixels.to_string(),
            0 => d.inputs.to_string(),
            l if l == last => d.output.to_string(),
            l => (d.hidden)(l, n),
        })
        .collect();
    let edges = (1..sizes.len()).map(|l| edges(s, l, &counts)).collect();
    let widest = sizes[1..last].iter().copied().max().unwrap_or(0);
    let note = if widest > MAX_DRAWN_UNITS {
        (d.shown)(MAX_DRAWN_UNITS, widest)
    } else {
        String::new()
    };
    let readout = focus.and_then(|(l, u)| {
        let h = s.histograms.layers.get(l.checked_sub(1)?)?.get(u)?;
        Some(Readout {
            title: (d.unit)(l, u + 1, l == last),
            counts: h.counts.clone(),
            range: (h.lo, h.hi),
            hist_title: d.histogram.to_string(),
            weights: incoming(s, l, u),
            weights_title: d.incoming.to_string(),
        })
    });
    Diagram {
        layers,
        titles,
        edges,
        focus,
        readout,
        note,
        hint: d.hint.to_string(),
    }
}

/// Whether `(layer, unit)` is a drawn hidden or output unit (one that can be focused).
pub fn focusable(s: &TrainSession, layer: usize, unit: usize) -> bool {
    let counts = drawn_counts(s);
    layer >= 1 && layer < counts.len() && unit < counts[layer]
}

/// Where each focusable node sits in a figure of `width x height` CSS pixels:
/// `[{layer, unit, x, y, side}]`.
pub fn node_positions(s: &TrainSession, width: f64, height: f64) -> Vec<serde_json::Value> {
    let theme = Theme::default();
    let area = figure_layout(width, height, &theme).network;
    let boxes = node_boxes(area, &drawn_counts(s), &theme);
    boxes
        .iter()
        .enumerate()
        .skip(1)
        .flat_map(|(l, nodes)| {
            nodes
                .iter()
                .enumerate()
                .map(move |(u, &(x, y, side))| json!({"layer": l, "unit": u, "x": x, "y": y, "side": side}))
        })
        .collect()
}

/// The diagram's numbers for `handle.data()`: per layer from 1 its weights (in full up to
/// [`MAX_LISTED_WEIGHTS`]), biases, drawn units with their activation grid and histogram, and
/// the drawn weights; the unit lattice's raw coordinates.
pub fn network_json(s: &TrainSession) -> serde_json::Value {
    let sizes = s.config.network.sizes();
    let counts = drawn_counts(s);
    let grid = |l: usize, u: usize| s.units.as_ref().and_then(|g| g.unit(l, u)).map(|v| v.to_vec());
    let layers: Vec<serde_json::Value> = (1..sizes.len())
        .map(|l| {
            let (w, b) = layer_params(s, l);
            let n_out = sizes[l];
            let weights =
                (w.len() <= MAX_LISTED_WEIGHTS).then(|| w.chunks(n_out.max(1)).map(|r| r.to_vec()).collect::<Vec<_>>());
            let units: Vec<serde_json::Value> = (0..counts[l])
                .map(|u| {
                    json!({
                        "unit": u,
                        "grid": grid(l, u),
                        "histogram": s.histograms.layers.get(l - 1).and_then(|h| h.get(u)),
                    })
                })
                .collect();
            let drawn: Vec<serde_json::Value> = edges(s, l, &counts)
                .iter()
                .map(|e| json!([e.from, e.to, e.weight]))
                .collect();
            json!({"units": n_out, "weights": weights, "bias": b, "drawn": units, "edges": drawn})
        })
        .collect();
    let inputs: Vec<serde_json::Value> = (0..counts[0]).map(|u| json!({"unit": u, "grid": grid(0, u)})).collect();
    let lattice = s.units.as_ref().map(|g| {
        let ((x0, x1), (y0, y1)) = s.view_box;
        let n = g.side;
        let at = |a: f64, b: f64, i: usize| a + (b - a) * (i as f64 + 0.5) / n as f64;
        json!({
            "side": n,
            "x": (0..n).map(|i| at(x0, x1, i)).collect::<Vec<_>>(),
            "y": (0..n).map(|j| at(y0, y1, j)).collect::<Vec<_>>(),
            "step": s.figure_step,
        })
    });
    json!({"layers": layers, "inputs": inputs, "lattice": lattice, "drawn_units": counts})
}
