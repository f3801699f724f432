//! The histograms of `view=scale`: the same draws `u ~ U(0, 1)` mapped onto each side's scale and
//! binned on the x axis shown, and the panels the chart draws from them in the page's words.
use super::params::Panel;
use super::text::Words;
use crate::chart::scale::{AxisKind, HistPanel};
use crate::core::sampling::{histogram_uniform, Axis, Scale};

/// One sampled histogram.
pub struct Hist {
    /// Its id in the data (`alpha_log`, `layers`, ...).
    pub name: &'static str,
    /// The scale sampled.
    pub axis: Axis,
    /// The x axis shown.
    pub x_axis: AxisKind,
    /// Bin edges in axis coordinates, increasing.
    pub edges: Vec<f64>,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Smallest value drawn.
    pub min: f64,
    /// Largest value drawn.
    pub max: f64,
}

/// Counts per bin of the samples at unit positions `units`, for bins equal on the x axis
/// (`edges`, axis coordinates). No pow/log per sample (2 x 100,000 samples must redraw in a frame):
/// the edges are mapped into unit positions once, and each `u` is binned there, by division when
/// the axis matches the scale (the unit edges are then equally spaced), else by binary search.
fn bin_units(axis: &Axis, x_axis: AxisKind, edges: &[f64], units: &[f64]) -> Vec<u64> {
    let bins = edges.len() - 1;
    let matched = matches!(
        (axis.scale, x_axis),
        (Scale::Linear, AxisKind::Linear) | (Scale::Log, AxisKind::Log10) | (Scale::LogOneMinus, AxisKind::LogOneMinus)
    );
    let mut unit_edges: Vec<f64> = edges.iter().map(|&t| axis.to_unit(x_axis.from_axis(t))).collect();
    // 1 - x runs the other way: u = 0 is the top of the range
    let reversed = unit_edges[0] > unit_edges[bins];
    if reversed {
        unit_edges.reverse();
    }
    // the outer edges are the ends of the range by construction; no sample may fall off by rounding
    unit_edges[0] = 0.0;
    unit_edges[bins] = 1.0;
    let mut counts = if matched {
        histogram_uniform(units, unit_edges[0], unit_edges[bins], bins)
    } else {
        let mut counts = vec![0u64; bins];
        for &u in units {
            let i = unit_edges.partition_point(|&e| e <= u);
            if (1..=bins).contains(&i) {
                counts[i - 1] += 1;
            }
        }
        counts
    };
    if reversed {
        counts.reverse();
    }
    counts
}

/// The histogram of the samples at unit positions `units` (the value of `u` is
/// `axis.from_unit(u)`): one bar per whole number for up to 60 of them on a linear axis, else 40
/// bins equal on the axis shown.
pub fn sample(name: &'static str, axis: Axis, x_axis: AxisKind, units: &[f64]) -> Hist {
    let integer = axis.scale == Scale::Integer;
    let (lo, hi) = if integer {
        (axis.low - 0.5, axis.high + 0.5)
    } else {
        (axis.low, axis.high)
    };
    let count = (axis.high - axis.low + 1.0) as usize;
    let bins = if integer && x_axis == AxisKind::Linear && count <= 60 {
        // one bar per whole number
        count
    } else {
        40
    };
    let (t0, t1) = (x_axis.to_axis(lo), x_axis.to_axis(hi));
    let edges: Vec<f64> = (0..=bins).map(|i| t0 + (t1 - t0) * i as f64 / bins as f64).collect();
    let counts = bin_units(&axis, x_axis, &edges, units);
    let (umin, umax) = units
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &u| (a.min(u), b.max(u)));
    // from_unit is monotone (decreasing for 1 - x): the extreme values come from the extreme u
    let (e0, e1) = (axis.from_unit(umin), axis.from_unit(umax));
    Hist {
        name,
        axis,
        x_axis,
        edges,
        counts,
        min: e0.min(e1),
        max: e0.max(e1),
    }
}

/// The share of samples (given by their unit positions) with a value in `[lo, hi)`.
pub fn share(axis: &Axis, units: &[f64], lo: f64, hi: f64) -> f64 {
    if units.is_empty() {
        return 0.0;
    }
    let inside = if axis.scale == Scale::Integer {
        units.iter().filter(|&&u| (lo..hi).contains(&axis.from_unit(u))).count()
    } else {
        let (p, q) = (axis.to_unit(lo.max(axis.low)), axis.to_unit(hi.min(axis.high)));
        let (p, q) = (p.min(q), p.max(q));
        units.iter().filter(|&&u| u >= p && u < q).count()
    };
    inside as f64 / units.len() as f64
}

/// What side `k` of `panel` samples, in `w`'s words.
fn what(w: &Words, panel: Panel, k: usize) -> &'static str {
    match (panel, k) {
        (Panel::Alpha, _) => "α",
        (Panel::Beta, _) => "β",
        (Panel::Integers, 0) => w.hidden_units,
        (Panel::Integers, _) => w.layers,
    }
}

/// The title of side `k`'s histogram: what it samples and on which scale.
pub fn title(w: &Words, panel: Panel, k: usize, h: &Hist) -> String {
    let scale = match h.axis.scale {
        Scale::Linear => w.linear_scale,
        Scale::Log => w.log_scale,
        Scale::LogOneMinus => w.one_minus_scale,
        Scale::Integer | Scale::Choice { .. } => w.whole_numbers,
    };
    (w.title)(what(w, panel, k), scale)
}

/// The histograms the figure shows, in `w`'s words.
pub fn panels(w: &Words, panel: Panel, hists: &[Hist]) -> Vec<HistPanel> {
    hists
        .iter()
        .enumerate()
        .map(|(k, h)| HistPanel {
            title: title(w, panel, k, h),
            x_desc: match h.x_axis {
                AxisKind::Linear => w.linear_axis,
                AxisKind::Log10 => w.log_axis,
                AxisKind::LogOneMinus => w.one_minus_axis,
            }
            .to_string(),
            axis: h.x_axis,
            edges: h.edges.clone(),
            counts: h.counts.clone(),
            color: k,
            tick_names: Vec::new(),
            whole: h.axis.scale == Scale::Integer,
        })
        .collect()
}
