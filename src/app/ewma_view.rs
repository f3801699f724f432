//! `view=ewma`: exponentially weighted averages of a noisy daily temperature series (seed 001),
//! with and without bias correction, and the seed's worked example
//! (theta = 40, 42, 44, 46, 48) as a table of `V_t` and `V_t / (1 - beta^t)`.
use super::params::{Notice, ParamKind, ParamSet, ParamSpec, Problem};
use super::{csv_table, ViewModel};
use crate::chart::ewma::{draw_ewma, EwmaChartData};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::ewma::{window, EwmaConfig, EwmaSeries};
use crate::core::series::{TemperatureConfig, MAX_DAYS};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;

/// The seed's worked example: five days of temperatures.
pub const WORKED_EXAMPLE: [f64; 5] = [40.0, 42.0, 44.0, 46.0, 48.0];

/// Parameters of `view=ewma`.
pub const PARAMS: &[ParamSpec] = &[
    // Each beta draws one line; 0.9999 (a 10,000-day window) is the largest that still means
    // something on a series of at most 10,000 days.
    ParamSpec {
        name: "beta",
        kind: ParamKind::FloatList {
            min: 0.01,
            max: 0.9999,
            step: 0.01,
            min_len: 1,
            max_len: 8,
        },
        default: "0.9,0.98,0.5",
    },
    ParamSpec {
        name: "bias_correction",
        kind: ParamKind::Bool,
        default: "0",
    },
    ParamSpec {
        name: "days",
        kind: ParamKind::Int {
            min: 10,
            max: MAX_DAYS as i64,
        },
        default: "365",
    },
    ParamSpec {
        name: "noise",
        kind: ParamKind::Float {
            min: 0.0,
            max: 30.0,
            step: 0.5,
            log: false,
        },
        default: "6",
    },
    ParamSpec {
        name: "seed",
        kind: ParamKind::Seed,
        default: "1",
    },
];

/// The computed view.
pub struct EwmaView {
    temperature: Vec<f64>,
    lines: Vec<EwmaSeries>,
    example: Vec<EwmaSeries>,
    bias_correction: bool,
    noise: f64,
    seed: u64,
}

fn invalid(param: &str, detail: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), detail)]
}

impl ViewModel for EwmaView {
    const ID: &'static str = "ewma";
    const PARAMS: &'static [ParamSpec] = PARAMS;

    fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let series = TemperatureConfig {
            days: params.int("days") as usize,
            noise_std: params.float("noise"),
            seed: params.int("seed") as u64,
            ..TemperatureConfig::default()
        };
        let temperature = series.generate().map_err(|e| invalid("days", e.to_string()))?;
        let mut lines = Vec::new();
        let mut example = Vec::new();
        for &beta in params.float_list("beta") {
            let ewma = EwmaConfig { beta }
                .validate()
                .map_err(|e| invalid("beta", e.to_string()))?;
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
        let slowest = self.lines.iter().map(|l| l.beta).fold(0.0, f64::max);
        match lang {
            Lang::En => {
                let parts: Vec<String> = self
                    .lines
                    .iter()
                    .map(|l| format!("β {} averages about the last {:.0} days", l.beta, window(l.beta)))
                    .collect();
                format!(
                    "Daily temperatures over {} days (noise {} °F, seed {}) with {} exponentially weighted average(s): {}. \
                     The line with β {} is the smoothest and lags the data by about {:.0} days.{}",
                    self.temperature.len(),
                    self.noise,
                    self.seed,
                    self.lines.len(),
                    parts.join("; "),
                    slowest,
                    window(slowest),
                    if self.bias_correction {
                        " Bias correction is on: the corrected curves start at the data, the dashed uncorrected ones start near 0."
                    } else {
                        " Bias correction is off: every average starts near 0 and needs about 1/(1−β) days to catch up."
                    }
                )
            }
            Lang::Ko => {
                let parts: Vec<String> = self
                    .lines
                    .iter()
                    .map(|l| format!("β {}는 최근 약 {:.0}일을 평균", l.beta, window(l.beta)))
                    .collect();
                format!(
                    "{}일 동안의 일별 기온(잡음 {} °F, 시드 {})과 지수가중평균 {}개: {}. \
                     β {}인 선이 가장 매끄럽고 데이터보다 약 {:.0}일 늦습니다.{}",
                    self.temperature.len(),
                    self.noise,
                    self.seed,
                    self.lines.len(),
                    parts.join("; "),
                    slowest,
                    window(slowest),
                    if self.bias_correction {
                        " 편향 보정 켜짐: 보정된 곡선은 데이터에서 시작하고, 점선인 보정 전 곡선은 0 근처에서 시작합니다."
                    } else {
                        " 편향 보정 꺼짐: 모든 평균이 0 근처에서 시작해 약 1/(1−β)일이 지나야 따라잡습니다."
                    }
                )
            }
        }
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        draw_ewma(
            root,
            &EwmaChartData {
                series: &self.temperature,
                lines: &self.lines,
                show_corrected: self.bias_correction,
                y_desc: theme.lang.pick("temperature (°F)", "기온 (°F)"),
                x_desc: theme.lang.pick("day", "일"),
            },
            theme,
        )
    }
}
