//! `view=gradcheck`: gradient checking (seed 004). A small network on a random batch; for every
//! parameter tensor, the relative difference between backpropagation's gradient and the
//! two-sided difference `(J(theta + eps) - J(theta - eps)) / (2 eps)`, judged with the notes'
//! thresholds. A planted bug shows a failing check; dropout with fresh masks at every evaluation
//! shows why the check is done with dropout off (or its masks frozen).
use super::params::{choice, flag, float, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, View, ViewEntry};
use crate::chart::gradcheck::{draw_gradcheck, GradBar, GradCheckChartData};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::math::rng::{seeded, standard_normal};
use crate::core::nn::{
    grad_check, one_hot, Activation, GradCheckConfig, GradCheckReport, Init, NetworkConfig, Output, PlantedBug, Verdict,
};
use serde_json::json;

/// Input features of the checked network.
pub const INPUTS: usize = 4;
/// Output units.
pub const OUTPUTS: usize = 3;
/// Rows of the checked batch.
pub const BATCH: usize = 8;

const BUGS: &[&str] = &[
    "none",
    "activation_sign",
    "missing_l2_gradient",
    "bias_not_averaged",
    "dropout_mask_ignored",
];

/// Parameters of `view=gradcheck`. Caps: at most 4 hidden layers of 16 units (a few hundred
/// parameters, two forward passes each).
pub const PARAMS: &[ParamSpec] = &[
    int("layers", 0, 4, "2"),
    int("units", 1, 16, "5"),
    choice(
        "activation",
        &["sigmoid", "tanh", "relu", "leaky_relu", "linear"],
        "tanh",
    ),
    choice("output", &["softmax", "sigmoid", "linear"], "softmax"),
    flag("batch_norm", false),
    float("l2", 0.0, 10.0, 0.1, "0"),
    float("keep_prob", 0.1, 1.0, 0.05, "1"),
    flag("freeze_masks", false),
    choice("bug", BUGS, "none"),
    log("epsilon", 1e-10, 1e-1, "1e-7"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "gradcheck",
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(GradCheckView::build(p)?)),
};

/// The computed view.
pub struct GradCheckView {
    report: GradCheckReport,
    epsilon: f64,
    dropout: bool,
    frozen: bool,
}

fn bug_of(id: &str) -> PlantedBug {
    match id {
        "activation_sign" => PlantedBug::ActivationSign,
        "missing_l2_gradient" => PlantedBug::MissingL2Gradient,
        "bias_not_averaged" => PlantedBug::BiasNotAveraged,
        "dropout_mask_ignored" => PlantedBug::DropoutMaskIgnored,
        _ => PlantedBug::None,
    }
}

fn verdict_id(v: Verdict) -> &'static str {
    match v {
        Verdict::Fine => "fine",
        Verdict::LookCloser => "look_closer",
        Verdict::Bug => "bug",
    }
}

impl GradCheckView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let output = Output::from_id(params.choice("output")).unwrap_or_default();
        let cfg = NetworkConfig {
            inputs: INPUTS,
            hidden: vec![params.int("units") as usize; params.int("layers") as usize],
            outputs: OUTPUTS,
            activation: Activation::from_id(params.choice("activation")).unwrap_or_default(),
            output,
            init: Init::XavierCourse,
            batch_norm: params.bool("batch_norm"),
            keep_prob: params.float("keep_prob"),
            l2: params.float("l2"),
            bug: bug_of(params.choice("bug")),
            ..NetworkConfig::default()
        };
        let fail = |p: &str, e: String| vec![Notice::new(p, Problem::Inconsistent, "", String::new(), e)];
        if cfg.batch_norm && cfg.hidden.is_empty() {
            return Err(fail("batch_norm", "batch norm needs at least one hidden layer".into()));
        }
        let mut rng = seeded(params.int("seed") as u64);
        let net = cfg
            .validate::<f64, _>(&mut rng)
            .map_err(|e| fail("layers", e.to_string()))?;
        let x: Vec<f64> = (0..BATCH * INPUTS).map(|_| standard_normal(&mut rng)).collect();
        let y: Vec<f64> = match output {
            Output::SoftmaxCrossEntropy => {
                one_hot(&(0..BATCH).map(|i| (i * 7 + 1) % OUTPUTS).collect::<Vec<_>>(), OUTPUTS)
            }
            Output::SigmoidBinaryCrossEntropy => {
                (0..BATCH * OUTPUTS).map(|i| ((i * 5) % 3 == 0) as u8 as f64).collect()
            }
            Output::LinearSquaredError => (0..BATCH * OUTPUTS).map(|_| standard_normal(&mut rng)).collect(),
        };
        let check = GradCheckConfig {
            epsilon: params.float("epsilon"),
            freeze_dropout: params.bool("freeze_masks"),
            ..GradCheckConfig::default()
        };
        let report = grad_check(&net, &x, &y, BATCH, &check, &mut rng).map_err(|e| fail("epsilon", e.to_string()))?;
        Ok(GradCheckView {
            report,
            epsilon: check.epsilon,
            dropout: cfg.keep_prob < 1.0,
            frozen: check.freeze_dropout,
        })
    }
}

impl View for GradCheckView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = GradCheckView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let mut out = self.summary();
        out["report"] = json!(self.report);
        out
    }

    fn summary(&self) -> serde_json::Value {
        let r = &self.report;
        let mut rows: Vec<Vec<f64>> = r
            .groups
            .iter()
            .map(|g| vec![g.layer as f64, g.size as f64, g.rel_diff, g.max_abs_diff])
            .collect();
        rows.push(vec![
            0.0,
            r.total as f64,
            r.rel_diff,
            r.groups.iter().map(|g| g.max_abs_diff).fold(0.0, f64::max),
        ]);
        let names: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).chain(["all"]).collect();
        json!({
            "rel_diff": r.rel_diff,
            "verdict": verdict_id(r.verdict),
            "epsilon": self.epsilon,
            "loss": r.loss,
            "dropout": self.dropout,
            "frozen_masks": self.frozen,
            "names": names,
            "verdicts": r.groups.iter().map(|g| verdict_id(g.verdict)).collect::<Vec<_>>(),
            "tables": [{
                "id": "groups",
                "columns": ["layer (0 = all)", "entries", "relative difference", "max |d_approx − d|"],
                "rows": rows,
            }],
        })
    }

    fn csv(&self) -> String {
        let header: Vec<String> = ["group", "layer", "entries", "rel_diff", "max_abs_diff"]
            .map(String::from)
            .to_vec();
        let rows = self.report.groups.iter().enumerate().map(|(i, g)| {
            vec![
                (i + 1) as f64,
                g.layer as f64,
                g.size as f64,
                g.rel_diff,
                g.max_abs_diff,
            ]
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let r = &self.report;
        let worst = r
            .groups
            .iter()
            .max_by(|a, b| a.rel_diff.total_cmp(&b.rel_diff))
            .map(|g| (g.name.clone(), g.rel_diff))
            .unwrap_or_default();
        match lang {
            Lang::En => format!(
                "Gradient check of {} parameters in {} tensors with eps {:e}: overall relative difference {:.2e} ({}). \
                 The largest is {} at {:.2e}. Thresholds: 1e-7 fine, about 1e-5 look closer, 1e-3 or more a bug.",
                r.total,
                r.groups.len(),
                self.epsilon,
                r.rel_diff,
                match r.verdict {
                    Verdict::Fine => "fine",
                    Verdict::LookCloser => "look closer",
                    Verdict::Bug => "very likely a bug",
                },
                worst.0,
                worst.1
            ),
            Lang::Ko => format!(
                "파라미터 {}개(텐서 {}개)의 기울기 검사, eps {:e}: 전체 상대 차이 {:.2e} ({}). \
                 가장 큰 것은 {}의 {:.2e}. 기준: 1e-7 정상, 1e-5 정도면 다시 확인, 1e-3 이상이면 버그.",
                r.total,
                r.groups.len(),
                self.epsilon,
                r.rel_diff,
                match r.verdict {
                    Verdict::Fine => "정상",
                    Verdict::LookCloser => "다시 확인",
                    Verdict::Bug => "버그일 가능성이 큼",
                },
                worst.0,
                worst.1
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        let mut bars: Vec<GradBar> = self
            .report
            .groups
            .iter()
            .map(|g| GradBar {
                label: g.name.clone(),
                rel_diff: g.rel_diff,
            })
            .collect();
        bars.push(GradBar {
            label: theme.lang.pick("all", "전체").to_string(),
            rel_diff: self.report.rel_diff,
        });
        draw_gradcheck(
            root,
            &GradCheckChartData {
                bars: &bars,
                x_desc: theme.lang.pick(
                    "relative difference ||dθ_approx − dθ|| / (||dθ_approx|| + ||dθ||)",
                    "상대 차이 ||dθ_approx − dθ|| / (||dθ_approx|| + ||dθ||)",
                ),
                bands: [
                    theme.lang.pick("fine", "정상"),
                    theme.lang.pick("look closer", "다시 확인"),
                    theme.lang.pick("bug", "버그"),
                ],
            },
            theme,
        )
    }
}
