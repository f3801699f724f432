//! `view=scale`: linear vs log sampling (seeds 000, 002). Histograms of `samples` draws for the
//! learning rate alpha (linear vs log scale), beta (linear vs log of 1 - beta), or hidden units and
//! layers (where linear is right), each on a linear or log x axis; the share per decade; and the
//! recipe as code (`summary().code`). Cap: [`MAX_SAMPLES`](crate::core::sampling::MAX_SAMPLES) samples per histogram (checked by the
//! core before anything is drawn). Parameters: [`params`]; histograms: [`figure`]; words: [`text`].
use super::params::{Notice, ParamSet, ParamSpec};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::scale::{bin_at, draw_histograms, hist_height, AxisKind, Pointer};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::math::format::{code, pct};
use crate::core::math::rng::seeded;
use crate::core::sampling::{decades, expected_share, unit_draws, Axis};
use serde_json::json;

mod figure;
mod params;
mod text;
use figure::{panels, sample, share, title, Hist};
pub use params::{Panel, XAxis};
use text::words;

/// Parameters of `view=scale` (see [`params`]).
pub const PARAMS: &[ParamSpec] = params::PARAMS;

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "scale",
    stage: Stage::Tuning,
    params: PARAMS,
    // `readout` {x, y, width, height}: the bin under the pointer (its range and count)
    commands: &[read_only("readout")],
    new: |p| Ok(Box::new(ScaleView::build(p)?)),
};

/// The computed view.
pub struct ScaleView {
    panel: Panel,
    n: usize,
    hists: [Hist; 2],
    /// `(label, [share left, share right, expected left, expected right])` per interval.
    shares: Vec<(String, [f64; 4])>,
    code: String,
}

impl ScaleView {
    /// Computes the view from validated parameters: the same draws on both sides' scales, the
    /// histograms and the share per interval.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let panel: Panel = params.pick("panel");
        // the same draws u ~ U(0, 1) for both sides: the two histograms differ only by their scale
        // (the core refuses more than MAX_SAMPLES before allocating; checked first, so a count
        // over the cap is named even when a range is wrong too)
        let units = unit_draws(
            params.float("samples").round() as usize,
            &mut seeded(params.int("seed") as u64),
        )
        .map_err(|e| Notice::inconsistent("samples", e.to_string()))?;
        let sides = params::sides(params, panel)?;
        let [a, b] = sides.axes;
        // whole numbers on a linear axis, one bar each (a log axis would bin three integers into
        // 40 bars); the axis choices are for α and β
        let x_axis = |name| match panel {
            Panel::Integers => AxisKind::Linear,
            _ => params.pick::<XAxis>(name).kind(sides.log_kind),
        };
        let h0 = sample(sides.names[0], a, x_axis("axis_left"), &units);
        let h1 = sample(sides.names[1], b, x_axis("axis_right"), &units);
        // interval bounds in the exact form of code (0.999, not 3 rounded digits)
        let interval = |lo: f64, hi: f64| format!("[{}, {})", code(lo), code(hi));
        let intervals: Vec<(String, f64, f64)> = match panel {
            // decades of 1 - beta, written as beta intervals
            Panel::Beta => decades(1.0 - b.high, 1.0 - b.low)
                .into_iter()
                .rev()
                .map(|(lo, hi)| (interval(1.0 - hi, 1.0 - lo), 1.0 - hi, 1.0 - lo))
                .collect(),
            Panel::Integers => (b.low as i64..=b.high as i64)
                .take(20)
                .map(|k| (k.to_string(), k as f64, k as f64 + 0.5))
                .collect(),
            Panel::Alpha => decades(a.low, a.high)
                .into_iter()
                .map(|(lo, hi)| (interval(lo, hi), lo, hi))
                .collect(),
        };
        let shares = intervals
            .into_iter()
            .map(|(label, lo, hi)| {
                let row = if panel == Panel::Integers {
                    let e = 1.0 / (b.high - b.low + 1.0);
                    [f64::NAN, share(&b, &units, lo, hi), f64::NAN, e]
                } else {
                    [
                        share(&a, &units, lo, hi),
                        share(&b, &units, lo, hi),
                        expected_share(&a, lo, hi),
                        expected_share(&b, lo, hi),
                    ]
                };
                (label, row)
            })
            .collect();
        Ok(ScaleView {
            panel,
            n: units.len(),
            code: recipe(panel, &a, &b),
            hists: [h0, h1],
            shares,
        })
    }
}

impl View for ScaleView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = ScaleView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let mut out = self.summary();
        out["histograms"] = json!(self
            .hists
            .iter()
            .map(|h| json!({
                "name": h.name,
                "scale": h.axis.scale,
                "low": h.axis.low,
                "high": h.axis.high,
                "x_axis": match h.x_axis { AxisKind::Linear => "linear", AxisKind::Log10 => "log", AxisKind::LogOneMinus => "log_one_minus" },
                // edges as values (the axis coordinates mapped back)
                "edges": h.edges.iter().map(|&t| h.x_axis.from_axis(t)).collect::<Vec<_>>(),
                "counts": h.counts,
                "min": h.min,
                "max": h.max,
            }))
            .collect::<Vec<_>>());
        out
    }

    fn summary(&self) -> serde_json::Value {
        let (l, r) = (self.hists[0].name, self.hists[1].name);
        // row labels: the interval as written in code, or {"id": "layers", "arg": k}; columns
        // name the histogram they measure ({"id": "share", "arg": "alpha_log"}): the page words both
        let rows: Vec<serde_json::Value> = self
            .shares
            .iter()
            .map(|(label, s)| {
                if self.panel == Panel::Integers {
                    json!([{"id": "layers", "arg": label.parse::<i64>().unwrap_or(0)}, s[1], s[3]])
                } else {
                    json!([label, s[0], s[1], s[2], s[3]])
                }
            })
            .collect();
        let col = |id: &str, side: &str| json!({"id": id, "arg": side});
        let columns: Vec<serde_json::Value> = if self.panel == Panel::Integers {
            vec![json!("layers"), col("share", r), col("expected", r)]
        } else {
            vec![
                json!("interval"),
                col("share", l),
                col("share", r),
                col("expected", l),
                col("expected", r),
            ]
        };
        let shares: Vec<_> = self.shares.iter().map(|(label, s)| json!({"interval": label, "left": s[0], "right": s[1], "expected_left": s[2], "expected_right": s[3]})).collect();
        let mut shares_json = json!(shares);
        // NaN is not JSON: integer panels have no left share
        if self.panel == Panel::Integers {
            shares_json = json!(self
                .shares
                .iter()
                .map(|(label, s)| json!({"interval": label, "right": s[1], "expected_right": s[3]}))
                .collect::<Vec<_>>());
        }
        json!({
            "panel": self.panel.id(),
            "samples": self.n,
            "shares": shares_json,
            "code": self.code,
            "tables": [{"id": "shares", "columns": columns, "rows": rows}],
        })
    }

    fn csv(&self) -> String {
        let header: Vec<String> = ["histogram", "bin_low", "bin_high", "count"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let rows = self.hists.iter().enumerate().flat_map(|(k, h)| {
            h.counts.iter().enumerate().map(move |(i, &c)| {
                vec![
                    k as f64,
                    h.x_axis.from_axis(h.edges[i]),
                    h.x_axis.from_axis(h.edges[i + 1]),
                    c as f64,
                ]
            })
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let parts: Vec<String> = self
            .shares
            .iter()
            .filter(|(_, s)| s[0].is_finite())
            .map(|(label, s)| format!("{label}: {} / {}", pct(s[0]), pct(s[1])))
            .collect();
        let side = |k: usize| title(w, self.panel, k, &self.hists[k]);
        let shares = (!parts.is_empty()).then(|| parts.join("; "));
        (w.describe)(self.n, &side(0), &side(1), shares.as_deref())
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        // the panels are prepared outside the generic function: one copy in the wasm, not one per backend
        let w = words(theme.lang);
        draw_histograms(root, &panels(w, self.panel, &self.hists), w.samples_per_bin, theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        hist_height(self.hists.len(), width)
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        let pointer = Pointer::parse(arg).ok_or_else(|| Notice::rejected(name, "expected {x, y, width, height}"))?;
        let shown = panels(words(Lang::En), self.panel, &self.hists);
        Ok(match bin_at(&shown, pointer.size(), pointer.at()) {
            Some((k, i)) => {
                let h = &self.hists[k];
                json!({
                    "histogram": h.name,
                    "side": k,
                    "low": h.x_axis.from_axis(h.edges[i]),
                    "high": h.x_axis.from_axis(h.edges[i + 1]),
                    "whole": h.axis.scale == crate::core::sampling::Scale::Integer,
                    "count": h.counts[i],
                    "samples": self.n,
                })
            }
            None => serde_json::Value::Null,
        })
    }
}

/// The sampling recipe as Python-like code for the current range, numbers in the exact form of
/// code ([`code`]); the transformed ends are rounded to 6 decimals for the comment.
fn recipe(panel: Panel, a: &Axis, b: &Axis) -> String {
    match panel {
        Panel::Beta => format!(
            "# beta in [{lo}, {hi}]: sample 1 - beta on a log scale\na = log10(1 - {hi})   # = {a}\nb = log10(1 - {lo})   # = {b}\nr = a + (b - a) * rand()   # r ~ U({a}, {b})\nbeta = 1 - 10 ** r\n\n# quiz (seed 002): r in [0, 1)  ->  beta = 1 - 10 ** (-r - 1), beta in [0.9, 0.99)",
            lo = code(b.low),
            hi = code(b.high),
            a = code((b.a * 1e6).round() / 1e6),
            b = code((b.b * 1e6).round() / 1e6),
        ),
        Panel::Integers => format!(
            "# linear is right here: every whole number is equally likely\nhidden_units = randint({}, {})   # both ends included\nlayers = randint({}, {})",
            code(a.low),
            code(a.high),
            code(b.low),
            code(b.high)
        ),
        Panel::Alpha => format!(
            "# alpha in [{lo}, {hi}] on a log scale\na = log10({lo})   # = {a}\nb = log10({hi})   # = {b}\nr = a + (b - a) * rand()   # r ~ U({a}, {b})\nalpha = 10 ** r\n\n# linear instead: alpha = {lo} + ({hi} - {lo}) * rand()",
            lo = code(b.low),
            hi = code(b.high),
            a = code((b.a * 1e6).round() / 1e6),
            b = code((b.b * 1e6).round() / 1e6),
        ),
    }
}
