//! `view=ewma`: exponentially weighted averages of a noisy daily temperature series (seed 001),
//! with and without bias correction, and the seed's worked example
//! (theta = 40, 42, 44, 46, 48) as a table of `V_t` and `V_t / (1 - beta^t)`.
//!
//! `V_0 = 0`, `V_t = beta V_{t-1} + (1 - beta) theta_t` ([`crate::core::ewma`]); the window of
//! each line is about `1 / (1 - beta)` days. Words: [`text`].
use super::params::{flag, float, int, list, seed, Group, Notice, ParamSet, ParamSpec, Slider};
use super::{csv_table, Area, Stage, View, ViewEntry};
use crate::chart::ewma::{draw_ewma, EwmaChartData, EwmaChartWords};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::ewma::{window, EwmaConfig, EwmaSeries};
use crate::core::series::{TemperatureConfig, MAX_DAYS};
use serde_json::json;

mod text;
use text::words;

/// The seed's worked example: five days of temperatures.
pub const WORKED_EXAMPLE: [f64; 5] = [40.0, 42.0, 44.0, 46.0, 48.0];

/// Parameters of `view=ewma`. Each beta draws one line; 0.9999 (a 10,000-day window) is the
/// largest that still means something on a series of at most [`MAX_DAYS`] days.
pub const PARAMS: &[ParamSpec] = &[
    list("beta", (0.01, 0.9999, 0.01), (1, 8), "0.9,0.98,0.5")
        .slider(Slider::LogOneMinus)
        .main(),
    flag("bias_correction", false).main(),
    int("days", 10, MAX_DAYS as i64, "365").group(Group::Data),
    float("noise", 0.0, 30.0, 0.5, "6").group(Group::Data),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "ewma",
    stage: Stage::Optimisation,
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(EwmaView::build(p)?)),
};

/// The computed view.
pub struct EwmaView {
    temperature: Vec<f64>,
    lines: Vec<EwmaSeries>,
    example: Vec<EwmaSeries>,
    bias_correction: bool,
    noise: f64,
    seed: u64,
}

impl EwmaView {
    /// Computes the view from validated parameters.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let series = TemperatureConfig {
            days: params.int("days") as usize,
            noise_std: params.float("noise"),
            seed: params.int("seed") as u64,
            ..TemperatureConfig::default()
        };
        let temperature = series
            .generate()
            .map_err(|e| Notice::inconsistent("days", e.to_string()))?;
        let mut lines = Vec::new();
        let mut example = Vec::new();
        for &beta in params.float_list("beta") {
            let ewma = EwmaConfig { beta }
                .validate()
                .map_err(|e| Notice::inconsistent("beta", e.to_string()))?;
            lines.push(ewma.run(&temperature));
            example.push(ewma.run(&WORKED_EXAMPLE));
        }
        Ok(EwmaView {
            temperature,
            lines,
            example,
            bias_correction: params.bool("bias_correction"),
            noise: series.noise_std,
            seed: series.seed,
        })
    }
}

impl View for EwmaView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = EwmaView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let lines: Vec<_> = self
            .lines
            .iter()
            .map(|l| json!({"beta": l.beta, "window": window(l.beta), "raw": l.raw, "corrected": l.corrected}))
            .collect();
        let example: Vec<_> = self
            .example
            .iter()
            .map(|l| json!({"beta": l.beta, "v": l.raw, "v_corrected": l.corrected}))
            .collect();
        let mut out = self.summary();
        out["days"] = json!(self.temperature.len());
        out["temperature"] = json!(self.temperature);
        out["bias_correction"] = json!(self.bias_correction);
        out["lines"] = json!(lines);
        out["worked_example"] = json!({"theta": WORKED_EXAMPLE, "lines": example});
        out
    }

    fn summary(&self) -> serde_json::Value {
        // The worked example as a table the page renders under the figure, and each line's window
        // for the hint next to its beta.
        let mut columns = vec!["t".to_string(), "θ_t".to_string()];
        for l in &self.example {
            columns.push(format!("V_t (β={})", l.beta));
            columns.push(format!("V_t/(1−β^t) (β={})", l.beta));
        }
        let rows: Vec<Vec<f64>> = (0..WORKED_EXAMPLE.len())
            .map(|t| {
                let mut row = vec![(t + 1) as f64, WORKED_EXAMPLE[t]];
                for l in &self.example {
                    row.push(l.raw[t]);
                    row.push(l.corrected[t]);
                }
                row
            })
            .collect();
        let windows: Vec<_> = self
            .lines
            .iter()
            .map(|l| json!({"beta": l.beta, "window": window(l.beta)}))
            .collect();
        json!({
            "lines": windows,
            "tables": [{"id": "worked_example", "columns": columns, "rows": rows}],
        })
    }

    fn csv(&self) -> String {
        let mut header = vec!["day".to_string(), "temperature".to_string()];
        for l in &self.lines {
            header.push(format!("ewma_beta_{}", l.beta));
            header.push(format!("ewma_beta_{}_corrected", l.beta));
        }
        let rows = (0..self.temperature.len()).map(|d| {
            let mut row = vec![(d + 1) as f64, self.temperature[d]];
            for l in &self.lines {
                row.push(l.raw[d]);
                row.push(l.corrected[d]);
            }
            row
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let w = words(lang);
        let slowest = self.lines.iter().map(|l| l.beta).fold(0.0, f64::max);
        let windows: Vec<String> = self
            .lines
            .iter()
            .map(|l| (w.averages)(l.beta, window(l.beta)))
            .collect();
        let correction = if self.bias_correction {
            w.correction_on
        } else {
            w.correction_off
        };
        format!(
            "{}{}{correction}",
            (w.series)(
                self.temperature.len(),
                self.noise,
                self.seed,
                self.lines.len(),
                &windows.join("; ")
            ),
            (w.smoothest)(slowest, window(slowest)),
        )
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        let w = words(theme.lang);
        let line_labels: Vec<String> = self
            .lines
            .iter()
            .map(|l| {
                let win = window(l.beta);
                let rounded = if win >= 10.0 {
                    format!("{win:.0}")
                } else {
                    format!("{win:.1}")
                };
                (w.line_label)(l.beta, &rounded)
            })
            .collect();
        draw_ewma(
            root,
            &EwmaChartData {
                series: &self.temperature,
                lines: &self.lines,
                show_corrected: self.bias_correction,
                line_labels: &line_labels,
                words: EwmaChartWords {
                    y_desc: w.temperature,
                    x_desc: w.day,
                    daily_value: w.daily_value,
                    corrected: w.corrected,
                    uncorrected: w.uncorrected,
                },
            },
            theme,
        )
    }
}
