//! `view=train`: the training playground (seeds 001, 002, 004; TensorFlow Playground's layout).
//! Data (2-D sets with noise, the digits, the learner's CSV, clicked points) -> split and
//! normalise -> a network of the learner's shape -> mini-batch training a few steps per frame
//! ([`View::advance`]) -> decision boundary or confusion matrix, train/dev curves, and the
//! bias/variance diagnosis ([`crate::core::diagnosis`]) against an editable Bayes error.
//!
//! Panda mode: a change of only the learning rate, optimizer settings, schedule, lambda,
//! keep_prob, patience, target epochs or Bayes error keeps the run (weights, optimizer state,
//! curves) and marks the change ([`TrainSession::retune`]); any other change starts a new run.
//! Actions ([`View::command`]): `csv` (upload), `add_point`, `play`, `pause`, `step`,
//! `epoch`, `reset`, `checkpoint`, `restore`, `preset`.
use super::params::{choice, flag, float, int, list, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{action, csv_table, read_only, Area, Progress, View, ViewEntry};
use crate::chart::train::{draw_boundary, draw_confusion, draw_curves, plot_rect, Curve, CurvesPanel, Point};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::data::digits::embedded;
use crate::core::data::{CsvConfig, Dataset, Shape, SyntheticConfig};
use crate::core::diagnosis::{DiagnosisConfig, FitState, Remedy};
use crate::core::lab::presets;
use crate::core::lab::train_session::{RunStatus, SessionConfig, TrainSession, MAX_ROWS};
use crate::core::math::rng::seeded;
use crate::core::nn::{Activation, Init};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use crate::core::schedule::{ScheduleConfig, ScheduleKind};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;

/// Parameters of `view=train`. Caps: at most 10 hidden layers of 256 units (about 600,000
/// parameters: a new network is drawn in a few tens of milliseconds and still trains in the
/// page), 4,000 generated points, 8,000 rows in all, 5,000 epochs.
pub const PARAMS: &[ParamSpec] = &[
    choice(
        "dataset",
        &["circle", "xor", "gaussians", "spiral", "moons", "digits", "csv"],
        "circle",
    ),
    int("samples", 20, 4000, "400"),
    float("noise", 0.0, 0.5, 0.05, "0"),
    float("train", 0.05, 1.0, 0.05, "0.6"),
    float("dev", 0.0, 0.95, 0.05, "0.2"),
    flag("normalise", true),
    list("hidden", (1.0, 256.0, 1.0), (1, 10), "8,8"),
    choice(
        "activation",
        &["tanh", "relu", "leaky_relu", "sigmoid", "linear"],
        "tanh",
    ),
    choice("init", &["glorot", "he", "xavier", "small", "zeros"], "glorot"),
    flag("batchnorm", false),
    choice(
        "optimizer",
        &["adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad"],
        "adam",
    ),
    log("lr", 1e-5, 10.0, "0.01"),
    float("momentum", 0.0, 0.999, 0.001, "0.9"),
    float("beta2", 0.0, 0.9999, 0.0001, "0.999"),
    choice(
        "schedule",
        &["constant", "inverse_time", "exponential", "inverse_sqrt", "staircase"],
        "constant",
    ),
    float("decay", 0.0, 10.0, 0.01, "0.05"),
    int("batch", 1, 8192, "16"),
    float("lambda", 0.0, 100.0, 0.01, "0"),
    float("keep_prob", 0.05, 1.0, 0.05, "1"),
    int("patience", 0, 500, "0"),
    int("epochs", 1, 5000, "100"),
    float("bayes", 0.0, 1.0, 0.01, "0"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "train",
    params: PARAMS,
    commands: &[
        action("csv"),
        action("add_point"),
        action("play"),
        action("pause"),
        action("step"),
        action("epoch"),
        action("reset"),
        action("checkpoint"),
        action("restore"),
        read_only("ui"),
        read_only("preset"),
    ],
    new: |p| Ok(Box::new(TrainView::build(p)?)),
};

/// The data a run was built from, kept to restart it.
#[derive(Clone, Debug)]
struct Source {
    key: String,
    data: Rc<Dataset>,
}

/// The computed view.
pub struct TrainView {
    dataset: &'static str,
    source: Source,
    custom: Option<Rc<(Dataset, Vec<String>)>>,
    session: Rc<RefCell<TrainSession>>,
    playing: Rc<RefCell<bool>>,
    diagnosis: DiagnosisConfig,
}

fn refused(param: &str, e: impl Into<String>) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), e.into())]
}

fn rejected(name: &str, e: impl Into<String>) -> Vec<Notice> {
    vec![Notice::new(name, Problem::Rejected, "", String::new(), e.into())]
}

fn session_config(p: &ParamSet) -> Result<SessionConfig, Vec<Notice>> {
    let (train, dev) = (p.float("train"), p.float("dev"));
    if train + dev > 1.0 + 1e-9 {
        return Err(refused(
            "dev",
            format!(
                "train + dev shares are {:.2}; they must be at most 1 (test gets the rest)",
                train + dev
            ),
        ));
    }
    let kind = match p.choice("optimizer") {
        "sgd" => OptimizerKind::Sgd,
        "momentum" => OptimizerKind::Momentum,
        "nesterov" => OptimizerKind::Nesterov,
        "rmsprop" => OptimizerKind::RmsProp,
        "adagrad" => OptimizerKind::AdaGrad,
        _ => OptimizerKind::Adam,
    };
    let mut optimizer = OptimizerConfig::new(kind, Convention::Ng, p.float("lr"));
    optimizer.beta1 = p.float("momentum");
    optimizer.beta2 = p.float("beta2");
    let schedule_kind = ScheduleKind::from_id(p.choice("schedule")).unwrap_or(ScheduleKind::Constant);
    let decay = p.float("decay");
    let schedule = ScheduleConfig {
        kind: schedule_kind,
        decay_rate: decay,
        // Exponential: base 1 - decay (0.05 -> 0.95, the notes' example); staircase: halve.
        base: (1.0 - decay).clamp(0.01, 1.0),
        ..ScheduleConfig::default()
    };
    let init = match p.choice("init") {
        "he" => Init::He,
        "xavier" => Init::XavierCourse,
        "small" => Init::Normal(0.01),
        "zeros" => Init::Zeros,
        _ => Init::Glorot,
    };
    let mut cfg = SessionConfig::default();
    cfg.split.train = train;
    cfg.split.dev = dev;
    cfg.normalise = p.bool("normalise");
    cfg.network.hidden = p.float_list("hidden").iter().map(|&u| u.round() as usize).collect();
    cfg.network.activation = Activation::from_id(p.choice("activation")).unwrap_or(Activation::Tanh);
    cfg.network.init = init;
    cfg.network.batch_norm = p.bool("batchnorm");
    cfg.network.l2 = p.float("lambda");
    cfg.network.keep_prob = p.float("keep_prob");
    cfg.train.optimizer = optimizer;
    cfg.train.schedule = schedule;
    cfg.train.batch_size = p.int("batch") as usize;
    cfg.train.patience = p.int("patience") as usize;
    cfg.epochs = p.int("epochs") as usize;
    cfg.seed = p.int("seed") as u64;
    Ok(cfg)
}

/// The key of the data a parameter set asks for (equal keys: the same rows).
fn data_key(p: &ParamSet, custom_id: usize) -> String {
    match p.choice("dataset") {
        // The first `samples` digits: the same rows whatever the seed (the split shuffles them).
        "digits" => format!("digits/{}", p.int("samples").min(1797)),
        "csv" => format!("csv/{custom_id}"),
        shape => format!("{shape}/{}/{}/{}", p.int("samples"), p.float("noise"), p.int("seed")),
    }
}

fn load_data(p: &ParamSet, custom: Option<&Rc<(Dataset, Vec<String>)>>) -> Result<Dataset, Vec<Notice>> {
    let seed = p.int("seed") as u64;
    match p.choice("dataset") {
        "digits" => {
            let all = embedded().map_err(|e| refused("dataset", e.to_string()))?;
            let n = (p.int("samples") as usize).min(all.rows());
            let idx: Vec<usize> = (0..n).collect();
            Ok(all.subset(&idx))
        }
        "csv" => custom.map(|c| c.0.clone()).ok_or_else(|| {
            refused(
                "dataset",
                "no CSV loaded yet: drop a file on the figure or use the file picker",
            )
        }),
        shape => {
            let shape = match shape {
                "xor" => Shape::Xor,
                "gaussians" => Shape::Gaussians,
                "spiral" => Shape::Spiral,
                "moons" => Shape::Moons,
                _ => Shape::Circle,
            };
            let cfg = SyntheticConfig {
                shape,
                samples: p.int("samples") as usize,
                noise: p.float("noise"),
            };
            // The points have their own stream (seed + 1), so the weights' seed does not move them.
            cfg.generate(&mut seeded(seed.wrapping_add(1_000_003)))
                .map_err(|e| refused("samples", e))
        }
    }
}

fn diagnosis_config(p: &ParamSet) -> DiagnosisConfig {
    DiagnosisConfig {
        bayes_error: p.float("bayes"),
        ..DiagnosisConfig::default()
    }
}

impl TrainView {
    fn custom_id(&self) -> usize {
        self.custom.as_ref().map_or(0, |c| Rc::as_ptr(c) as usize)
    }

    fn start(p: &ParamSet, custom: Option<Rc<(Dataset, Vec<String>)>>) -> Result<TrainView, Vec<Notice>> {
        let cfg = session_config(p)?;
        let data = load_data(p, custom.as_ref())?;
        let session = cfg.start(&data).map_err(|e| refused("hidden", e))?;
        let id = custom.as_ref().map_or(0, |c| Rc::as_ptr(c) as usize);
        Ok(TrainView {
            dataset: p.choice("dataset"),
            source: Source {
                key: data_key(p, id),
                data: Rc::new(data),
            },
            custom,
            session: Rc::new(RefCell::new(session)),
            playing: Rc::new(RefCell::new(true)),
            diagnosis: diagnosis_config(p),
        })
    }

    fn progress(&self) -> Progress {
        let s = self.session.borrow();
        let done = s.steps() as usize;
        let playing = *self.playing.borrow() && s.running();
        // While playing, at least one unit is left until the last evaluation is done.
        let left = if playing { (s.steps_left() as usize).max(1) } else { 0 };
        Progress {
            done,
            total: done + left,
        }
    }

    fn diagnosis_json(&self) -> serde_json::Value {
        let s = self.session.borrow();
        let Some(last) = s.epochs.last() else {
            return json!(null);
        };
        let dev = last.dev_error.unwrap_or(last.train_error);
        match self.diagnosis.diagnose(last.train_error, dev) {
            Ok(d) => json!({
                "epoch": last.epoch,
                "train_error": last.train_error,
                "dev_error": last.dev_error,
                "bayes_error": self.diagnosis.bayes_error,
                "state": d.state,
                "avoidable_bias": d.avoidable_bias,
                "variance": d.variance,
                "remedies": d.remedies,
            }),
            Err(e) => json!({"error": e.to_string()}),
        }
    }

    fn status_text(&self) -> &'static str {
        let s = self.session.borrow();
        match s.status {
            RunStatus::Diverged => "diverged",
            RunStatus::EarlyStopped => "early_stopped",
            RunStatus::Done if s.pending.is_none() => "done",
            _ if *self.playing.borrow() => "playing",
            _ => "paused",
        }
    }

    fn table(&self) -> serde_json::Value {
        let s = self.session.borrow();
        let rows: Vec<Vec<f64>> = s
            .epochs
            .iter()
            .rev()
            .take(1)
            .map(|e| {
                vec![
                    e.epoch as f64,
                    e.step as f64,
                    e.train_loss,
                    e.train_error,
                    e.dev_loss.unwrap_or(f64::NAN),
                    e.dev_error.unwrap_or(f64::NAN),
                    self.diagnosis.bayes_error,
                ]
            })
            .filter(|r| r.iter().all(|v| v.is_finite()))
            .collect();
        json!({"id": "epoch", "columns": ["epoch", "step", "train_cost", "train_error", "dev_cost", "dev_error", "bayes_error"], "rows": rows})
    }

    fn points(&self) -> Vec<Point> {
        let s = self.session.borrow();
        if s.raw.train.features != 2 {
            return Vec::new();
        }
        let mut pts = Vec::new();
        for (set, train) in [(&s.raw.dev, false), (&s.raw.test, false), (&s.raw.train, true)] {
            for i in 0..set.rows() {
                let r = set.row(i);
                pts.push((r[0], r[1], set.label(i), train));
            }
        }
        pts
    }

    fn curves<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        let lang = theme.lang;
        let s = self.session.borrow();
        let spe = s.trainer.steps_per_epoch().max(1) as f64;
        let x_max = (s.config.epochs as f64).max(s.epochs_done() as f64).max(1.0);
        let marks: Vec<(f64, String)> = s.marks.iter().map(|m| (m.step as f64 / spe, m.label.clone())).collect();
        let ep = |f: fn(&crate::core::lab::train_session::EpochStats) -> Option<f64>| {
            s.epochs
                .iter()
                .filter_map(|e| f(e).map(|v| (e.epoch as f64, v)))
                .collect::<Vec<_>>()
        };
        let steps: Vec<(f64, f64)> = s.step_losses.iter().map(|&(t, l)| (t as f64 / spe, l)).collect();
        let train_loss = ep(|e| Some(e.train_loss));
        let dev_loss = ep(|e| e.dev_loss);
        let mut finite: Vec<f64> = train_loss.iter().chain(&dev_loss).map(|p| p.1).collect();
        let mut batch: Vec<f64> = steps.iter().map(|p| p.1).filter(|v| v.is_finite()).collect();
        batch.sort_by(f64::total_cmp);
        if let Some(&q) = batch.get(batch.len() * 95 / 100) {
            finite.push(q);
        }
        let y_max = finite
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max)
            .max(1e-3)
            * 1.05;
        let (top, bottom) = area.split_vertically(area.dim_in_pixel().1 / 2);
        let loss = CurvesPanel {
            title: lang
                .pick(
                    "cost per epoch (faint: each mini-batch)",
                    "에포크별 비용(옅은 선: 미니배치마다)",
                )
                .into(),
            x: (0.0, x_max),
            y: (0.0, y_max),
            curves: vec![
                Curve {
                    points: steps,
                    color: 0,
                    faint: true,
                    label: String::new(),
                },
                Curve {
                    points: train_loss,
                    color: 0,
                    faint: false,
                    label: lang.pick("train", "훈련").into(),
                },
                Curve {
                    points: dev_loss,
                    color: 1,
                    faint: false,
                    label: "dev".into(),
                },
            ],
            marks: marks.clone(),
            x_label: String::new(),
        };
        draw_curves(&top, &loss, theme)?;
        let err = CurvesPanel {
            title: lang.pick("error rate", "오차율").into(),
            x: (0.0, x_max),
            y: (0.0, 1.0),
            curves: vec![
                Curve {
                    points: ep(|e| Some(e.train_error)),
                    color: 0,
                    faint: false,
                    label: lang.pick("train", "훈련").into(),
                },
                Curve {
                    points: ep(|e| e.dev_error),
                    color: 1,
                    faint: false,
                    label: "dev".into(),
                },
                Curve {
                    points: vec![(0.0, self.diagnosis.bayes_error), (x_max, self.diagnosis.bayes_error)],
                    color: 6,
                    faint: true,
                    label: lang.pick("Bayes", "베이즈").into(),
                },
            ],
            marks,
            x_label: lang.pick("epoch", "에포크").into(),
        };
        draw_curves(&bottom, &err, theme)
    }

    fn rebuild_from(&self, p: &ParamSet) -> Result<TrainView, Vec<Notice>> {
        if data_key(p, self.custom_id()) != self.source.key {
            return TrainView::start(p, self.custom.clone());
        }
        // Same rows (e.g. a new seed or network on the digits): reuse them, skip the decoding.
        let cfg = session_config(p)?;
        let session = cfg.start(&self.source.data).map_err(|e| refused("hidden", e))?;
        Ok(TrainView {
            dataset: p.choice("dataset"),
            source: self.source.clone(),
            custom: self.custom.clone(),
            session: Rc::new(RefCell::new(session)),
            playing: Rc::new(RefCell::new(true)),
            diagnosis: diagnosis_config(p),
        })
    }

    fn restart(&mut self) -> Result<(), String> {
        let cfg = self.session.borrow().config.clone();
        let fresh = cfg.start(&self.source.data)?;
        self.session = Rc::new(RefCell::new(fresh));
        Ok(())
    }
}

fn arg_json(name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
    if arg.len() > 10_000 {
        return Err(rejected(name, "argument too long"));
    }
    serde_json::from_str(arg).map_err(|e| rejected(name, format!("expected JSON: {e}")))
}

fn remedy_text(r: Remedy, lang: Lang) -> &'static str {
    match r {
        Remedy::BiggerNetwork => lang.pick("a bigger network", "더 큰 신경망"),
        Remedy::TrainLonger => lang.pick(
            "train longer or a better optimizer",
            "더 오래 학습하거나 더 나은 최적화 알고리즘",
        ),
        Remedy::OtherArchitecture => lang.pick("another architecture", "다른 신경망 구조"),
        Remedy::MoreData => lang.pick("more data", "더 많은 데이터"),
        Remedy::Regularisation => lang.pick(
            "regularisation (L2, dropout, early stopping)",
            "정규화(L2, 드롭아웃, 조기 종료)",
        ),
    }
}

impl TrainView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        TrainView::start(params, None)
    }

    pub fn rebuild(&self, params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let next = session_config(params)?;
        let same_data = data_key(params, self.custom_id()) == self.source.key;
        let cur = self.session.borrow().config.clone();
        // Panda: everything but the tunable settings unchanged -> keep the run.
        let structural = |c: &SessionConfig| {
            (
                c.split,
                c.normalise,
                c.network.hidden.clone(),
                c.network.activation,
                c.network.init,
                c.network.batch_norm,
                c.train.batch_size,
                c.seed,
            )
        };
        if same_data && structural(&next) == structural(&cur) {
            self.session.borrow_mut().retune(&next).map_err(|e| refused("lr", e))?;
            return Ok(TrainView {
                dataset: params.choice("dataset"),
                source: self.source.clone(),
                custom: self.custom.clone(),
                session: self.session.clone(),
                playing: self.playing.clone(),
                diagnosis: diagnosis_config(params),
            });
        }
        self.rebuild_from(params)
    }
}

impl View for TrainView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = self.rebuild(params)?;
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        if *self.playing.borrow() {
            self.session.borrow_mut().advance(max_units);
        }
        Some(self.progress())
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "ui" => {
                // what the page's buttons, checkpoint list and diagnosis panel read, a few times
                // a second while training: not the whole data (up to 20,000 mini-batch costs)
                let s = self.session.borrow();
                let checkpoints: Vec<serde_json::Value> = s
                    .checkpoints
                    .iter()
                    .map(|c| json!({"id": c.id, "step": c.step, "epoch": c.epoch, "train_error": c.train_error, "dev_error": c.dev_error}))
                    .collect();
                Ok(json!({
                    "status": self.status_text(),
                    "step": s.steps(),
                    "epoch": s.epochs_done(),
                    "classes": s.classes,
                    "features": s.raw.train.features,
                    "checkpoints": checkpoints,
                    "diagnosis": self.diagnosis_json(),
                }))
            }
            "preset" => {
                let p = presets::preset(arg.trim()).ok_or_else(|| {
                    let known: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
                    rejected(name, format!("unknown preset {:?}; known: {}", arg, known.join(", ")))
                })?;
                Ok(json!({"id": p.id, "query": p.query}))
            }
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "csv" => {
                let loaded = CsvConfig::default().load(arg).map_err(|e| {
                    let detail = if e.line > 0 {
                        format!("CSV line {}: {}", e.line, e.message)
                    } else {
                        format!("CSV: {}", e.message)
                    };
                    rejected("csv", detail)
                })?;
                if loaded.data.rows() > MAX_ROWS {
                    return Err(rejected(
                        "csv",
                        format!(
                            "CSV: {} rows; the train view uses at most {MAX_ROWS}",
                            loaded.data.rows()
                        ),
                    ));
                }
                let rows = loaded.data.rows();
                let features = loaded.data.features;
                let classes = loaded.class_names.len();
                let custom = Rc::new((loaded.data, loaded.class_names));
                if self.dataset == "csv" {
                    // Already showing a CSV: restart on the new rows now (the parameters are unchanged).
                    let cfg = self.session.borrow().config.clone();
                    let session = cfg.start(&custom.0).map_err(|e| rejected("csv", e))?;
                    self.session = Rc::new(RefCell::new(session));
                    self.source = Source {
                        key: format!("csv/{}", Rc::as_ptr(&custom) as usize),
                        data: Rc::new(custom.0.clone()),
                    };
                }
                self.custom = Some(custom);
                *self.playing.borrow_mut() = true;
                Ok(json!({"rows": rows, "features": features, "classes": classes, "query": "dataset=csv"}))
            }
            "add_point" => {
                let v = arg_json(name, arg)?;
                let num = |k: &str| v.get(k).and_then(|x| x.as_f64()).filter(|x| x.is_finite());
                let (Some(px), Some(py), Some(w), Some(h)) = (num("x"), num("y"), num("width"), num("height")) else {
                    return Err(rejected(
                        name,
                        "expected {\"x\", \"y\", \"width\", \"height\", \"class\"} in CSS pixels",
                    ));
                };
                let class = num("class").unwrap_or(1.0).max(0.0) as usize;
                let mut s = self.session.borrow_mut();
                if s.raw.train.features != 2 {
                    return Err(rejected(name, "points can be added to 2-D data only"));
                }
                let (left, top, side) = plot_rect(w, h);
                let (fx, fy) = ((px - left) / side, 1.0 - (py - top) / side);
                if !(0.0..=1.0).contains(&fx) || !(0.0..=1.0).contains(&fy) {
                    return Err(rejected(name, "the click is outside the data plot"));
                }
                let ((x0, x1), (y0, y1)) = s.view_box;
                let point = [x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)];
                // the weights are unchanged, so the boundary is too (points are drawn from the data)
                s.add_point(&point, class).map_err(|e| rejected(name, e))?;
                Ok(json!({"x": point[0], "y": point[1], "class": class, "train_rows": s.raw.train.rows()}))
            }
            "play" => {
                *self.playing.borrow_mut() = true;
                Ok(json!({"status": self.status_text()}))
            }
            "pause" => {
                *self.playing.borrow_mut() = false;
                Ok(json!({"status": self.status_text()}))
            }
            "step" => {
                *self.playing.borrow_mut() = false;
                let mut s = self.session.borrow_mut();
                s.finish_pending();
                let epochs = s.epochs.len();
                s.step();
                s.finish_pending();
                // a step that closed an epoch has its figure already; otherwise compute it now,
                // even when large (paused: advance() would not finish a queued one)
                if s.epochs.len() == epochs {
                    s.refresh_figure();
                    s.finish_pending();
                }
                Ok(json!({"step": s.steps()}))
            }
            "epoch" => {
                *self.playing.borrow_mut() = false;
                let mut s = self.session.borrow_mut();
                s.finish_pending();
                s.step_epoch();
                Ok(json!({"step": s.steps(), "epoch": s.epochs_done()}))
            }
            "reset" => {
                self.restart().map_err(|e| rejected(name, e))?;
                *self.playing.borrow_mut() = false;
                Ok(json!({"step": 0}))
            }
            "checkpoint" => {
                let id = self.session.borrow_mut().checkpoint();
                Ok(json!({"id": id}))
            }
            "restore" => {
                let id: usize = arg
                    .trim()
                    .parse()
                    .map_err(|_| rejected(name, format!("{arg:?} is not a checkpoint number")))?;
                let mut session = self.session.borrow_mut();
                session.restore(id).map_err(|e| rejected(name, e))?;
                // paused from here on: finish the restored weights' figure now, however large
                session.finish_pending();
                drop(session);
                *self.playing.borrow_mut() = false;
                Ok(json!({"id": id, "step": self.session.borrow().steps()}))
            }
            _ => Err(rejected(name, format!("train has no action {name:?}"))),
        }
    }

    fn data(&self) -> serde_json::Value {
        let s = self.session.borrow();
        let checkpoints: Vec<serde_json::Value> = s
            .checkpoints
            .iter()
            .map(|c| json!({"id": c.id, "step": c.step, "epoch": c.epoch, "train_error": c.train_error, "dev_error": c.dev_error}))
            .collect();
        json!({
            "dataset": self.dataset,
            "progress": self.progress(),
            "status": self.status_text(),
            "classes": s.classes,
            "features": s.raw.train.features,
            "rows": {"train": s.raw.train.rows(), "dev": s.raw.dev.rows(), "test": s.raw.test.rows()},
            "network": {
                "sizes": s.config.network.sizes(),
                "params": s.trainer.net.param_count(),
                "output": s.config.network.output.id(),
                "l2": s.config.network.l2,
                "keep_prob": s.config.network.keep_prob,
            },
            "optimizer": s.config.train.optimizer,
            "batch_size": s.config.train.batch_size.min(s.raw.train.rows()),
            "steps_per_epoch": s.trainer.steps_per_epoch(),
            "step": s.steps(),
            "epoch": s.epochs_done(),
            "epochs": s.epochs,
            "step_losses": s.step_losses,
            "marks": s.marks,
            "checkpoints": checkpoints,
            "normalise": s.config.normalise,
            "scaler": s.scaler,
            "view_box": s.view_box,
            "confusion": s.confusion,
            "diagnosis": self.diagnosis_json(),
            "presets": presets::PRESETS,
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"progress": self.progress(), "status": self.status_text(), "diagnosis": self.diagnosis_json(), "tables": [self.table()]})
    }

    fn csv(&self) -> String {
        let s = self.session.borrow();
        let h: Vec<String> = [
            "epoch",
            "step",
            "lr",
            "train_cost",
            "train_error",
            "dev_cost",
            "dev_error",
        ]
        .iter()
        .map(|c| c.to_string())
        .collect();
        let rows = s
            .epochs
            .iter()
            .map(|e| {
                vec![
                    e.epoch as f64,
                    e.step as f64,
                    e.lr,
                    e.train_loss,
                    e.train_error,
                    e.dev_loss.unwrap_or(e.train_loss),
                    e.dev_error.unwrap_or(e.train_error),
                ]
            })
            .filter(|r| r.iter().all(|v| v.is_finite()));
        csv_table(&h, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let s = self.session.borrow();
        let sizes = s
            .config
            .network
            .sizes()
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("-");
        let last = s.epochs.last();
        let pct = |v: Option<f64>| v.map_or("–".to_string(), |v| format!("{:.1}%", 100.0 * v));
        let (tr, dv) = (pct(last.map(|e| e.train_error)), pct(last.and_then(|e| e.dev_error)));
        let diag = self
            .diagnosis
            .diagnose(
                last.map_or(1.0, |e| e.train_error),
                last.and_then(|e| e.dev_error)
                    .or(last.map(|e| e.train_error))
                    .unwrap_or(1.0),
            )
            .ok();
        let state = diag.as_ref().map(|d| match (d.state, lang) {
            (FitState::HighBias, Lang::En) => "high bias (underfitting)",
            (FitState::HighVariance, Lang::En) => "high variance (overfitting)",
            (FitState::HighBiasAndVariance, Lang::En) => "high bias and high variance",
            (FitState::Good, Lang::En) => "neither high bias nor high variance",
            (FitState::HighBias, Lang::Ko) => "높은 편향(과소적합)",
            (FitState::HighVariance, Lang::Ko) => "높은 분산(과대적합)",
            (FitState::HighBiasAndVariance, Lang::Ko) => "높은 편향과 높은 분산",
            (FitState::Good, Lang::Ko) => "편향도 분산도 높지 않음",
        });
        let remedies = diag
            .as_ref()
            .map(|d| {
                d.remedies
                    .iter()
                    .map(|r| remedy_text(*r, lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let status = match (s.status, lang) {
            (RunStatus::Diverged, Lang::En) => {
                " The run diverged (the cost became infinite): lower the learning rate and reset."
            }
            (RunStatus::Diverged, Lang::Ko) => " 학습이 발산했습니다(비용이 무한대): 학습률을 낮추고 초기화하세요.",
            (RunStatus::EarlyStopped, Lang::En) => " Early stopping ended the run and put back the best dev epoch.",
            (RunStatus::EarlyStopped, Lang::Ko) => {
                " 조기 종료로 학습을 멈추고 dev 비용이 가장 낮았던 에포크의 가중치를 되돌렸습니다."
            }
            _ => "",
        };
        let inputs = match (s.config.normalise, lang) {
            (true, Lang::En) => " Inputs standardised with the training rows' mean and standard deviation.",
            (false, Lang::En) => " Inputs not normalised (each feature keeps its own scale).",
            (true, Lang::Ko) => " 입력은 훈련 행의 평균과 표준편차로 표준화했습니다.",
            (false, Lang::Ko) => " 입력을 정규화하지 않았습니다(특성마다 자기 스케일).",
        };
        let what = if s.raw.train.features == 2 {
            lang.pick("decision boundary over the 2-D points", "2차원 점 위의 결정 경계")
        } else {
            lang.pick("dev confusion matrix", "dev 혼동 행렬")
        };
        match lang {
            Lang::En => format!(
                "Training a {sizes} network ({} parameters) on {} rows ({} train, {} dev, {} test) with {} (lr {}), mini-batches of {}; \
                 {what}, and train/dev cost and error per epoch. Epoch {} of {}, step {}: train error {tr}, dev error {dv}. \
                 Diagnosis against a Bayes error of {:.1}%: {}{}.{inputs}{status}",
                s.trainer.net.param_count(),
                s.raw.train.rows() + s.raw.dev.rows() + s.raw.test.rows(),
                s.raw.train.rows(), s.raw.dev.rows(), s.raw.test.rows(),
                s.config.train.optimizer.kind.name(), crate::core::lab::train_eval::short(s.config.train.optimizer.lr),
                s.config.train.batch_size.min(s.raw.train.rows()),
                s.epochs_done(), s.config.epochs, s.steps(),
                100.0 * self.diagnosis.bayes_error,
                state.unwrap_or("–"),
                if remedies.is_empty() { String::new() } else { format!("; try {remedies}") },
            ),
            Lang::Ko => format!(
                "{sizes} 신경망(매개변수 {}개)을 {}행(훈련 {}, dev {}, 테스트 {})으로 {}(학습률 {}), 미니배치 {}로 학습합니다; \
                 {what}, 그리고 에포크별 훈련/dev 비용과 오차. 에포크 {}/{}, 스텝 {}: 훈련 오차 {tr}, dev 오차 {dv}. \
                 베이즈 오차 {:.1}% 기준 진단: {}{}.{inputs}{status}",
                s.trainer.net.param_count(),
                s.raw.train.rows() + s.raw.dev.rows() + s.raw.test.rows(),
                s.raw.train.rows(), s.raw.dev.rows(), s.raw.test.rows(),
                s.config.train.optimizer.kind.name(), crate::core::lab::train_eval::short(s.config.train.optimizer.lr),
                s.config.train.batch_size.min(s.raw.train.rows()),
                s.epochs_done(), s.config.epochs, s.steps(),
                100.0 * self.diagnosis.bayes_error,
                state.unwrap_or("–"),
                if remedies.is_empty() { String::new() } else { format!("; 해 볼 것: {remedies}") },
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        root.fill(&WHITE)?;
        let lang = theme.lang;
        let (w, _) = root.dim_in_pixel();
        let (_, right) = root.split_horizontally(w * 50 / 100);
        {
            let s = self.session.borrow();
            if s.raw.train.features == 2 {
                drop(s);
                let pts = self.points();
                let s = self.session.borrow();
                let title = lang.pick(
                    "decision boundary (filled: train, rings: dev/test)",
                    "결정 경계(채운 점: 훈련, 고리: dev/테스트)",
                );
                // The plot rectangle is computed on the whole figure, so a click maps back the same way.
                draw_boundary(root, s.boundary.as_ref(), s.view_box, &pts, s.classes, title, theme)?;
            } else {
                let images: Vec<(Vec<f64>, usize, usize)> = match (&s.confusion, s.raw.dev.features) {
                    (Some(c), 64) => {
                        let set = if c.set == "dev" { &s.raw.dev } else { &s.raw.train };
                        c.mistakes
                            .iter()
                            .filter(|m| m.0 < set.rows())
                            .map(|&(i, t, p)| {
                                let row = set.row(i);
                                let (lo, hi) = row
                                    .iter()
                                    .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
                                let span = if hi > lo { hi - lo } else { 1.0 };
                                (row.iter().map(|v| (v - lo) / span).collect(), t, p)
                            })
                            .collect()
                    }
                    _ => Vec::new(),
                };
                let set = s.confusion.as_ref().map_or("dev", |c| c.set);
                let title = format!(
                    "{} ({set})",
                    lang.pick(
                        "confusion matrix: true (rows) × predicted",
                        "혼동 행렬: 실제(행) × 예측"
                    )
                );
                let mistakes = lang.pick("misclassified (true→predicted)", "잘못 분류된 예(실제→예측)");
                draw_confusion(root, s.confusion.as_ref(), &images, &title, mistakes, theme)?;
            }
        }
        self.curves(&right, theme)
    }
}
