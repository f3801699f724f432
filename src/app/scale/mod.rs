//! `view=scale`: linear vs log sampling (seeds 000, 002). Histograms of `samples` draws for the
//! learning rate alpha (linear vs log scale), beta (linear vs log of 1 - beta), or hidden units and
//! layers (where linear is right), each on a linear or log x axis; the share per decade; and the
//! recipe as code (`summary().code`). Cap: 100,000 samples per histogram (checked before drawing).
use super::params::{choice, float, format_float as ff, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, View, ViewEntry};
use crate::chart::scale::{draw_histograms, AxisKind, HistPanel};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::math::rng::seeded;
use crate::core::sampling::{decades, expected_share, histogram_uniform, Axis, AxisConfig, Scale, MAX_SAMPLES};
use rand::RngExt;
use serde_json::json;

const AXES: &[&str] = &["linear", "log"];

/// Parameters of `view=scale`. `samples` accepts up to 10^6 so that a count above the cap of
/// 100,000 gets its own notice (and the previous figure stays) instead of a silent clamp.
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &["alpha", "beta", "integers"], "alpha"),
    log("samples", 10.0, 1e6, "1000"),
    float("alpha_low", 0.0, 10.0, 1e-4, "1e-4"),
    float("alpha_high", 0.0, 10.0, 1e-4, "1"),
    float("beta_low", 0.0, 1.0, 1e-4, "0.9"),
    float("beta_high", 0.0, 1.0, 1e-4, "0.999"),
    int("units_low", 1, 10_000, "50"),
    int("units_high", 1, 10_000, "100"),
    int("layers_low", 1, 100, "2"),
    int("layers_high", 1, 100, "4"),
    choice("axis_left", AXES, "log"),
    choice("axis_right", AXES, "log"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "scale",
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(ScaleView::build(p)?)),
};

/// One sampled histogram.
struct Hist {
    name: &'static str,
    axis: Axis,
    x_axis: AxisKind,
    edges: Vec<f64>,
    counts: Vec<u64>,
    min: f64,
    max: f64,
}

/// The computed view.
pub struct ScaleView {
    panel: &'static str,
    n: usize,
    hists: [Hist; 2],
    /// `[label, share left, share right, expected left, expected right]` per interval.
    shares: Vec<(String, [f64; 4])>,
    code: String,
}

fn invalid(param: &str, detail: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), detail)]
}

fn axis(scale: Scale, low: f64, high: f64, param: &str) -> Result<Axis, Vec<Notice>> {
    AxisConfig { scale, low, high }
        .validate()
        .map_err(|e| invalid(param, e.to_string()))
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

/// The histogram of the samples at unit positions `units` (the value of `u` is `axis.from_unit(u)`).
fn sample(name: &'static str, axis: Axis, x_axis: AxisKind, units: &[f64]) -> Hist {
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
fn share(axis: &Axis, units: &[f64], lo: f64, hi: f64) -> f64 {
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

fn x_axis(choice: &str, log_kind: AxisKind) -> AxisKind {
    if choice == "log" {
        log_kind
    } else {
        AxisKind::Linear
    }
}

impl ScaleView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let requested = params.float("samples").round();
        if requested > MAX_SAMPLES as f64 {
            return Err(invalid(
                "samples",
                format!("{} samples is above the cap of {}", ff(requested), MAX_SAMPLES),
            ));
        }
        let n = requested as usize;
        let seed = params.int("seed") as u64;
        let panel = params.choice("panel");
        let (left, right) = (params.choice("axis_left"), params.choice("axis_right"));
        let f = |name| params.float(name);
        let i = |name| params.int(name) as f64;
        let (a, b, names, log_kind) = match panel {
            "beta" => (
                axis(Scale::Linear, f("beta_low"), f("beta_high"), "beta_low")?,
                axis(Scale::LogOneMinus, f("beta_low"), f("beta_high"), "beta_low")?,
                ["beta_linear", "beta_one_minus_log"],
                AxisKind::LogOneMinus,
            ),
            "integers" => (
                axis(Scale::Integer, i("units_low"), i("units_high"), "units_low")?,
                axis(Scale::Integer, i("layers_low"), i("layers_high"), "layers_low")?,
                ["hidden_units", "layers"],
                AxisKind::Log10,
            ),
            _ => (
                axis(Scale::Linear, f("alpha_low"), f("alpha_high"), "alpha_low")?,
                axis(Scale::Log, f("alpha_low"), f("alpha_high"), "alpha_low")?,
                ["alpha_linear", "alpha_log"],
                AxisKind::Log10,
            ),
        };
        // the same draws u ~ U(0, 1) for both sides: the two histograms differ only by their scale
        // (n is at most MAX_SAMPLES, checked above before allocating)
        let mut rng = seeded(seed);
        let units: Vec<f64> = (0..n).map(|_| rng.random::<f64>()).collect();
        let (v0, v1) = (&units, &units);
        let h0 = sample(names[0], a, x_axis(left, log_kind), &units);
        let h1 = sample(names[1], b, x_axis(right, log_kind), &units);
        let intervals: Vec<(String, f64, f64)> = match panel {
            "beta" => {
                // decades of 1 - beta, written as beta intervals
                decades(1.0 - b.high, 1.0 - b.low)
                    .into_iter()
                    .rev()
                    .map(|(lo, hi)| (format!("[{}, {})", ff(1.0 - hi), ff(1.0 - lo)), 1.0 - hi, 1.0 - lo))
                    .collect()
            }
            "integers" => (b.low as i64..=b.high as i64)
                .take(20)
                .map(|k| (format!("layers = {k}"), k as f64, k as f64 + 0.5))
                .collect(),
            _ => decades(a.low, a.high)
                .into_iter()
                .map(|(lo, hi)| (format!("[{}, {})", ff(lo), ff(hi)), lo, hi))
                .collect(),
        };
        let shares = intervals
            .into_iter()
            .map(|(label, lo, hi)| {
                let row = if panel == "integers" {
                    let e = 1.0 / (b.high - b.low + 1.0);
                    [f64::NAN, share(&b, v1, lo, hi), f64::NAN, e]
                } else {
                    [
                        share(&a, v0, lo, hi),
                        share(&b, v1, lo, hi),
                        expected_share(&a, lo, hi),
                        expected_share(&b, lo, hi),
                    ]
                };
                (label, row)
            })
            .collect();
        Ok(ScaleView {
            panel,
            n,
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
        let rows: Vec<serde_json::Value> = self
            .shares
            .iter()
            .map(|(label, s)| {
                if self.panel == "integers" {
                    json!([label, s[1], s[3]])
                } else {
                    json!([label, s[0], s[1], s[2], s[3]])
                }
            })
            .collect();
        let columns: Vec<String> = if self.panel == "integers" {
            vec!["".into(), format!("share ({r})"), "expected".into()]
        } else {
            vec![
                "".into(),
                format!("share ({l})"),
                format!("share ({r})"),
                format!("expected ({l})"),
                format!("expected ({r})"),
            ]
        };
        let shares: Vec<_> = self.shares.iter().map(|(label, s)| json!({"interval": label, "left": s[0], "right": s[1], "expected_left": s[2], "expected_right": s[3]})).collect();
        let mut shares_json = json!(shares);
        // NaN is not JSON: integer panels have no left share
        if self.panel == "integers" {
            shares_json = json!(self
                .shares
                .iter()
                .map(|(label, s)| json!({"interval": label, "right": s[1], "expected_right": s[3]}))
                .collect::<Vec<_>>());
        }
        json!({
            "panel": self.panel,
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
        let parts: Vec<String> = self
            .shares
            .iter()
            .filter(|(_, s)| s[0].is_finite())
            .map(|(label, s)| format!("{label}: {:.0}% / {:.0}%", 100.0 * s[0], 100.0 * s[1]))
            .collect();
        let (l, r) = (self.hists[0].name, self.hists[1].name);
        match lang {
            Lang::En => format!(
                "Histograms of {} random samples: {} (left) and {} (right). Share per interval, left / right: {}.",
                self.n,
                l,
                r,
                if parts.is_empty() {
                    "every whole number equally likely".to_string()
                } else {
                    parts.join("; ")
                }
            ),
            Lang::Ko => format!(
                "무작위 표본 {}개의 히스토그램: 왼쪽 {}, 오른쪽 {}. 구간별 비율(왼쪽 / 오른쪽): {}.",
                self.n,
                l,
                r,
                if parts.is_empty() {
                    "모든 정수가 같은 확률".to_string()
                } else {
                    parts.join("; ")
                }
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        // the panels are prepared outside the generic function: one copy in the wasm, not one per backend
        let words = theme.lang.pick("samples per bin", "구간별 표본 수");
        draw_histograms(root, &self.panels(theme), words, theme)
    }
}

impl ScaleView {
    /// The histograms the figure shows, in the words of `theme.lang`.
    fn panels(&self, theme: &Theme) -> Vec<HistPanel> {
        let lang = theme.lang;
        let title = |h: &Hist| -> String {
            let scale = match h.axis.scale {
                Scale::Linear => lang.pick("linear scale", "선형 척도"),
                Scale::Log => lang.pick("log scale", "로그 척도"),
                Scale::LogOneMinus => lang.pick("log scale of 1 − β", "1 − β의 로그 척도"),
                _ => lang.pick("whole numbers", "정수"),
            };
            let what = match h.name {
                "hidden_units" => lang.pick("hidden units", "은닉 유닛 수"),
                "layers" => lang.pick("layers", "층 수"),
                n if n.starts_with("beta") => "β",
                _ => "α",
            };
            format!("{what}: {scale}")
        };
        let panels: Vec<HistPanel> = self
            .hists
            .iter()
            .enumerate()
            .map(|(k, h)| HistPanel {
                title: title(h),
                x_desc: match h.x_axis {
                    AxisKind::Linear => lang.pick("value (linear axis)", "값 (선형 축)"),
                    AxisKind::Log10 => lang.pick("value (log axis)", "값 (로그 축)"),
                    AxisKind::LogOneMinus => lang.pick("β (log axis of 1 − β)", "β (1 − β 로그 축)"),
                }
                .to_string(),
                axis: h.x_axis,
                edges: h.edges.clone(),
                counts: h.counts.clone(),
                color: k,
                tick_names: Vec::new(),
            })
            .collect();
        panels
    }
}

/// The sampling recipe as Python-like code for the current range.
fn recipe(panel: &str, a: &Axis, b: &Axis) -> String {
    match panel {
        "beta" => format!(
            "# beta in [{lo}, {hi}]: sample 1 - beta on a log scale\na = log10(1 - {hi})   # = {a}\nb = log10(1 - {lo})   # = {b}\nr = a + (b - a) * rand()   # r ~ U({a}, {b})\nbeta = 1 - 10 ** r\n\n# quiz (seed 002): r in [0, 1)  ->  beta = 1 - 10 ** (-r - 1), beta in [0.9, 0.99)",
            lo = ff(b.low),
            hi = ff(b.high),
            a = ff((b.a * 1e6).round() / 1e6),
            b = ff((b.b * 1e6).round() / 1e6),
        ),
        "integers" => format!(
            "# linear is right here: every whole number is equally likely\nhidden_units = randint({}, {})   # both ends included\nlayers = randint({}, {})",
            ff(a.low),
            ff(a.high),
            ff(b.low),
            ff(b.high)
        ),
        _ => format!(
            "# alpha in [{lo}, {hi}] on a log scale\na = log10({lo})   # = {a}\nb = log10({hi})   # = {b}\nr = a + (b - a) * rand()   # r ~ U({a}, {b})\nalpha = 10 ** r\n\n# linear instead: alpha = {lo} + ({hi} - {lo}) * rand()",
            lo = ff(b.low),
            hi = ff(b.high),
            a = ff((b.a * 1e6).round() / 1e6),
            b = ff((b.b * 1e6).round() / 1e6),
        ),
    }
}
