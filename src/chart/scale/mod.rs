//! The axes of sampled hyperparameters, which the scale, space, search and race figures share:
//! * [`AxisKind`]: a value axis, `log10 x`, or `-log10(1 - x)` (0.9, 0.99, 0.999 evenly spaced);
//! * tick positions for the two log axes ([`log_ticks`], [`one_minus_ticks`]): whole decades when
//!   two or more fall inside, else 1, 2 and 5 times the powers of ten, else round values; never a
//!   repeated label (`3e0 3e0`) and never an uneven one (`0.968` between 0.9 and 0.99);
//! * [`PanelGeometry`]: where a panel's plotting area is, as fractions of the figure and CSS-pixel
//!   insets, so the page (or a read-only query) maps a pointer to data without drawing;
//! * the histograms of `view=scale` and `view=space` ([`histogram`]).
//!
//! Numbers are written by [`crate::core::math::format`] and [`super::ticks`].
use super::ticks::linear_label;
use crate::core::math::format::{code, decade, short};
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

mod histogram;

pub(crate) use histogram::fit;
pub use histogram::{bin_at, draw_histograms, hist_height, hist_layout, HistPanel};

/// Figures narrower than this many CSS pixels reflow their panels (stacked, fewer ticks).
pub const NARROW_BELOW: f64 = 560.0;

/// The label of tick `t` on an axis of `log10 x`: `10ᵏ` at whole exponents (`10⁻⁴`, `1`, `10`),
/// else the value itself in its short form (`2`, `0.05`).
pub fn log10_label(t: f64) -> String {
    if (t - t.round()).abs() < 1e-9 {
        decade(t.round() as i64)
    } else {
        short(10f64.powf(t))
    }
}

/// Round tick values over `[lo, hi]`: multiples of 1, 2 or 5 times a power of ten, as many as
/// fit in `max` and, where a finer step allows it with one more, at least two (each written
/// without float noise by the caller's formatter).
pub fn nice_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let max = max.max(2);
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) {
        return vec![lo];
    }
    let mag = 10f64.powf((span / max as f64).log10().floor());
    let ticks = |step: f64| -> Vec<f64> {
        let first = (lo / step - 1e-9).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        (first..=last).map(|k| k as f64 * step).collect()
    };
    // candidate steps from fine to coarse: the finest with at most `max` ticks
    let all: Vec<Vec<f64>> = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0]
        .iter()
        .map(|m| ticks(m * mag))
        .collect();
    let i = all.iter().position(|t| t.len() <= max).unwrap_or(all.len() - 1);
    if all[i].len() < 2 && i > 0 && all[i - 1].len() <= max + 1 {
        all[i - 1].clone()
    } else {
        all[i].clone()
    }
}

/// Tick positions on an axis of `log10 x` over `[lo, hi]` (log10 units), at most `max`: the whole
/// decades inside (every k-th, aligned, when there are many); when fewer than two fall inside, 1, 2
/// and 5 times the powers of ten; when even those are fewer than two, round values of `x`.
pub fn log_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let max = max.max(2);
    let (a, b) = ((lo - 1e-9).ceil() as i64, (hi + 1e-9).floor() as i64);
    if b - a >= 1 {
        let count = (b - a + 1) as usize;
        let k = (1..=count).find(|k| count.div_ceil(*k) <= max).unwrap_or(count) as i64;
        // aligned on multiples of k (10⁻⁴, 10⁻², 1), and never fewer than two
        let aligned: Vec<f64> = (a..=b).filter(|d| d.rem_euclid(k) == 0).map(|d| d as f64).collect();
        if aligned.len() >= 2 {
            return aligned;
        }
        return vec![a as f64, b as f64];
    }
    let mut ticks = Vec::new();
    for k in (lo.floor() as i64 - 1)..=(hi.ceil() as i64) {
        for m in [1.0, 2.0, 5.0] {
            let t = (m * 10f64.powi(k as i32)).log10();
            if t >= lo - 1e-9 && t <= hi + 1e-9 {
                ticks.push(t);
            }
        }
    }
    if ticks.len() >= 2 && ticks.len() <= max {
        return ticks;
    }
    let (vlo, vhi) = (10f64.powf(lo), 10f64.powf(hi));
    nice_ticks(vlo, vhi, max)
        .into_iter()
        .filter(|v| *v > 0.0)
        .map(f64::log10)
        .collect()
}

/// Tick positions on an axis of `-log10(1 - x)` over `[lo, hi]`: [`log_ticks`] of `1 - x`, so
/// the whole positions are 0.9, 0.99, 0.999.
pub fn one_minus_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let mut ticks: Vec<f64> = log_ticks(-hi, -lo, max).into_iter().map(|u| -u).collect();
    ticks.reverse();
    ticks
}

/// A linear f64 coordinate whose ticks are exactly `ticks` (plotters' own `WithKeyPoints` loses
/// the default label formatting the mesh needs). Maps values as plotters' `RangedCoordf64` does,
/// so a plotting area maps pixels identically either way.
#[derive(Clone, Debug)]
pub struct Ticked {
    /// The range.
    pub range: (f64, f64),
    /// The tick positions.
    pub ticks: Vec<f64>,
}

impl Ticked {
    /// The range `lo..hi` with ticks at `ticks` (those outside the range are dropped).
    pub fn new(lo: f64, hi: f64, ticks: Vec<f64>) -> Self {
        let (a, b) = (lo.min(hi), lo.max(hi));
        let ticks = ticks.into_iter().filter(|t| *t >= a - 1e-9 && *t <= b + 1e-9).collect();
        Ticked { range: (lo, hi), ticks }
    }
}

impl Ranged for Ticked {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let (lo, hi) = self.range;
        if hi == lo {
            return (limit.1 - limit.0) / 2;
        }
        let logic = (v - lo) / (hi - lo);
        let length = limit.1 - limit.0;
        if length == 0 {
            return limit.1;
        }
        if logic.is_infinite() {
            return if logic.is_sign_positive() { limit.1 } else { limit.0 };
        }
        if length > 0 {
            limit.0 + (length as f64 * logic + 1e-3).floor() as i32
        } else {
            limit.0 + (length as f64 * logic - 1e-3).ceil() as i32
        }
    }

    fn key_points<H: KeyPointHint>(&self, hint: H) -> Vec<f64> {
        // bold points only: light grid lines are never drawn by these charts
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.0..self.range.1
    }
}

/// What the x axis of a histogram shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisKind {
    /// The values themselves.
    Linear,
    /// `log10(x)`, labelled with `x`.
    Log10,
    /// `-log10(1 - x)`, labelled with `x` (0.9, 0.99, 0.999 evenly spaced).
    LogOneMinus,
}

impl AxisKind {
    /// The axis coordinate of value `x`.
    pub fn to_axis(self, x: f64) -> f64 {
        match self {
            AxisKind::Linear => x,
            AxisKind::Log10 => x.log10(),
            AxisKind::LogOneMinus => -(1.0 - x).log10(),
        }
    }

    /// The value at axis coordinate `t`.
    pub fn from_axis(self, t: f64) -> f64 {
        match self {
            AxisKind::Linear => t,
            AxisKind::Log10 => 10f64.powf(t),
            AxisKind::LogOneMinus => 1.0 - 10f64.powf(-t),
        }
    }

    /// Tick positions (axis coordinates) over `[lo, hi]`, at most `max`.
    pub fn ticks(self, lo: f64, hi: f64, max: usize) -> Vec<f64> {
        match self {
            AxisKind::Linear => nice_ticks(lo, hi, max),
            AxisKind::Log10 => log_ticks(lo, hi, max),
            AxisKind::LogOneMinus => one_minus_ticks(lo, hi, max),
        }
    }

    /// The label of the tick at axis coordinate `t` on an axis spanning `span`: the value there.
    pub fn label(self, t: f64, span: f64) -> String {
        match self {
            AxisKind::Linear => linear_label(t, span),
            AxisKind::Log10 => log10_label(t),
            // 0.9, 0.99, 0.999, 0.9999, 0.95 written out in full (three significant digits
            // would round 0.9999 to 1), without the float noise of 1 - 10^-t
            AxisKind::LogOneMinus => code(1.0 - (10f64.powf(-t) * 1e6).round() / 1e6),
        }
    }
}

/// Where a panel's plotting area is, for mapping pixels to data: the panel is the fraction
/// `frac` = [left, top, right, bottom] of the figure; the plotting area is the panel inset by
/// `inset` = [left, top, right, bottom] CSS pixels; `x`, `y` are the data ranges (axis
/// coordinates: log10 on a log axis).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelGeometry {
    /// Panel as fractions of the figure width/height.
    pub frac: [f64; 4],
    /// Plotting-area insets in CSS pixels.
    pub inset: [f64; 4],
    /// Data x range (left to right).
    pub x: (f64, f64),
    /// Data y range (bottom to top).
    pub y: (f64, f64),
}

impl PanelGeometry {
    /// The plotting area [left, top, right, bottom] in CSS pixels of a figure `size` wide and high.
    pub fn plot(&self, size: (f64, f64)) -> [f64; 4] {
        let (w, h) = size;
        [
            self.frac[0] * w + self.inset[0],
            self.frac[1] * h + self.inset[1],
            self.frac[2] * w - self.inset[2],
            self.frac[3] * h - self.inset[3],
        ]
    }

    /// The data point under pixel `at` (CSS pixels) of a figure `size`, if it is inside the
    /// plotting area.
    pub fn data_at(&self, size: (f64, f64), at: (f64, f64)) -> Option<(f64, f64)> {
        let [l, t, r, b] = self.plot(size);
        if at.0 < l || at.0 > r || at.1 < t || at.1 > b || r <= l || b <= t {
            return None;
        }
        Some((
            self.x.0 + (at.0 - l) / (r - l) * (self.x.1 - self.x.0),
            self.y.1 - (at.1 - t) / (b - t) * (self.y.1 - self.y.0),
        ))
    }

    /// The pixel (CSS pixels) of data point `p` on a figure `size`.
    pub fn pixel_of(&self, size: (f64, f64), p: (f64, f64)) -> (f64, f64) {
        let [l, t, r, b] = self.plot(size);
        (
            l + (p.0 - self.x.0) / (self.x.1 - self.x.0) * (r - l),
            t + (self.y.1 - p.1) / (self.y.1 - self.y.0) * (b - t),
        )
    }
}

/// A pointer on a figure, as the page sends it to a view's `readout` query: its position and the
/// figure's size, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, serde::Deserialize)]
pub struct Pointer {
    /// From the figure's left edge.
    pub x: f64,
    /// From the figure's top edge.
    pub y: f64,
    /// The figure's width.
    pub width: f64,
    /// The figure's height.
    pub height: f64,
}

impl Pointer {
    /// Reads `{"x", "y", "width", "height"}`; `None` unless every number is finite and the size
    /// positive.
    pub fn parse(arg: &str) -> Option<Pointer> {
        let p: Pointer = serde_json::from_str(arg).ok()?;
        let finite = [p.x, p.y, p.width, p.height].iter().all(|v| v.is_finite());
        (finite && p.width > 0.0 && p.height > 0.0).then_some(p)
    }

    /// The figure's size.
    pub fn size(&self) -> (f64, f64) {
        (self.width, self.height)
    }

    /// The position.
    pub fn at(&self) -> (f64, f64) {
        (self.x, self.y)
    }
}

/// The sub-area of `root` covering the fraction `frac` = [left, top, right, bottom].
pub fn sub_area<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, frac: [f64; 4]) -> DrawingArea<DB, Shift> {
    let (w, h) = root.dim_in_pixel();
    let (x0, y0) = ((frac[0] * w as f64).round() as i32, (frac[1] * h as f64).round() as i32);
    let (x1, y1) = ((frac[2] * w as f64).round() as i32, (frac[3] * h as f64).round() as i32);
    root.clone().shrink((x0, y0), ((x1 - x0).max(1), (y1 - y0).max(1)))
}

/// How many ticks fit along `px` CSS pixels with about `per` pixels each (2 to 6).
pub fn tick_count(px: f64, per: f64) -> usize {
    ((px / per).floor() as usize).clamp(2, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(kind: AxisKind, lo: f64, hi: f64, max: usize) -> Vec<String> {
        kind.ticks(lo, hi, max)
            .iter()
            .map(|&t| kind.label(t, hi - lo))
            .collect()
    }

    #[test]
    fn round_ticks_fit_and_are_at_least_two() {
        assert_eq!(nice_ticks(-10.0, 10.0, 5), [-10.0, -5.0, 0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(0.0, 1.05, 3), [0.0, 0.5, 1.0]);
        // 1..30 in room for two: 20 alone is too few, so 10, 20, 30
        assert_eq!(nice_ticks(1.0, 30.0, 2), [10.0, 20.0, 30.0]);
        for (lo, hi, max) in [(0.0, 1.0, 5), (0.5, 30.5, 2), (49.5, 100.5, 6), (0.0, 212.0, 4)] {
            let t = nice_ticks(lo, hi, max);
            assert!(t.len() >= 2 && t.len() <= max + 1, "{lo}..{hi} max {max}: {t:?}");
            assert!(t.iter().all(|v| *v >= lo - 1e-9 && *v <= hi + 1e-9), "{t:?}");
        }
    }

    #[test]
    fn log_axes_are_labelled_by_decade_and_never_repeat() {
        assert_eq!(
            labels(AxisKind::Log10, -4.0, 0.0, 6),
            ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"]
        );
        // many decades: every other, aligned
        assert_eq!(labels(AxisKind::Log10, -10.0, -6.0, 3), ["10⁻¹⁰", "10⁻⁸", "10⁻⁶"]);
        // less than a decade (a loss between 3 and 6): 1-2-5 values, then round ones
        assert_eq!(
            labels(AxisKind::Log10, 3f64.log10(), 6f64.log10(), 5),
            ["3", "4", "5", "6"]
        );
        assert_eq!(
            labels(AxisKind::Log10, 0.5f64.log10(), 3f64.log10(), 5),
            ["0.5", "1", "2"]
        );
        // β: 0.9, 0.99, 0.999, not 0.968 or 0.997
        assert_eq!(labels(AxisKind::LogOneMinus, 1.0, 3.0, 6), ["0.9", "0.99", "0.999"]);
        assert_eq!(
            labels(AxisKind::LogOneMinus, 1.0, 4.0, 6),
            ["0.9", "0.99", "0.999", "0.9999"]
        );
    }
}
