//! `view=tuning`: caviar search over learning rate x weight decay on the digits (seed 002; DLFS
//! `hyperparameter_optimization`; successive halving). The search ([`Search`]) runs in Web
//! Workers when the page has them: the page claims jobs (`command("claim")`), a worker trains the
//! trial from its seed (`src/web/tuning.rs`) and the page hands the result back
//! (`command("result")`); after each epoch the worker also sends the curves so far
//! (`command("partial")`, drawn live, not part of the results). Without workers (the single-file build, `workers=0`, native tests)
//! [`View::advance`] trains the same trials here, a few mini-batches per frame; a trial is a
//! function of `(seed, round, index)` only, so both give the same numbers.
//!
//! Panels: `curves` (validation accuracy of every trial over epochs), `scatter` (log lr x log
//! weight decay coloured by validation accuracy, every round), `best` (the best `k` as small
//! multiples, training dashed, validation solid). `command("next_round")` narrows the ranges
//! around the best `k` (coarse to fine).
use super::params::{choice, flag, float, format_float, int, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{action, background, csv_table, read_only, Area, Progress, View, ViewEntry};
use crate::chart::tuning::{draw_curves, draw_multiples, draw_scatter, Curve, Dot};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::data::digits::embedded;
use crate::core::data::Dataset;
use crate::core::lab::tuning::{Job, LogRange, Round, Search, TrialResult, TuningConfig, MAX_EPOCHS, MAX_TRIALS};
use crate::core::sampling::Scale;
use crate::core::search_space::{HyperParam, SearchSpace};
use plotters::prelude::*;
use serde::Deserialize;
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;

/// The most work a search may plan, in multiply-adds: trials x epochs x rows x parameters x 3
/// (forward, backward, update) summed over the rungs. About 25 times the default search.
pub const MAX_WORK: f64 = 5e12;
/// The most multiply-adds one in-page `advance` call plans (about 10-20 ms of wasm), so a
/// frame stays short whatever budget the page asks for.
pub const MAX_CALL_WORK: f64 = 3e7;

/// Parameters of `view=tuning` (defaults: DLFS's `hyperparameter_optimization`).
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &["curves", "scatter", "best"], "curves"),
    int("trials", 1, MAX_TRIALS as i64, "100"),
    int("epochs", 1, MAX_EPOCHS as i64, "50"),
    int("samples", 20, 1797, "500"),
    float("val", 0.05, 0.5, 0.05, "0.2"),
    int("batch", 1, 1000, "100"),
    int("layers", 1, 8, "6"),
    int("units", 1, 256, "100"),
    float("lr_min", -10.0, 1.0, 0.25, "-6"),
    float("lr_max", -10.0, 1.0, 0.25, "-2"),
    float("wd_min", -10.0, 1.0, 0.25, "-8"),
    float("wd_max", -10.0, 1.0, 0.25, "-4"),
    flag("halving", false),
    int("eta", 2, 9, "3"),
    int("min_epochs", 1, MAX_EPOCHS as i64, "2"),
    int("k", 1, 30, "20"),
    int("workers", 0, 16, "8"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "tuning",
    params: PARAMS,
    commands: &[
        action("workers"),
        background("claim"),
        read_only("status"),
        background("release"),
        background("result"),
        background("partial"),
        action("next_round"),
    ],
    new: |p| Ok(Box::new(TuningView::build(p)?)),
};

/// The computed view: display settings and the search (shared with rebuilt models while the
/// search settings are unchanged).
pub struct TuningView {
    panel: &'static str,
    k: usize,
    workers: usize,
    /// Workers compute the trials: `advance` only reports progress.
    external: bool,
    /// Units (mini-batch steps or epoch evaluations) one `advance` call may do.
    units_per_call: usize,
    digits: Rc<Dataset>,
    search: Rc<RefCell<Search>>,
    /// A finished first round of the same trials with successive halving the other way (kept
    /// when the learner toggles `halving`), for "the compute saved for the same best result".
    previous: Option<Rc<RefCell<Search>>>,
}

/// Whether two searches train the same trials (they may differ in successive halving only).
pub fn same_trials(a: &TuningConfig, b: &TuningConfig) -> bool {
    let strip = |c: &TuningConfig| TuningConfig {
        halving: false,
        eta: 0,
        min_epochs: 0,
        ..c.clone()
    };
    strip(a) == strip(b)
}

/// The best result of a search's first round and what it cost.
fn outcome(s: &Search) -> serde_json::Value {
    // the trials trained furthest (halving's last rung), then the best validation accuracy
    let results = s.rounds[0].results.iter().flatten();
    let top = results.clone().map(|t| t.epochs).max().unwrap_or(0);
    let best = results.filter(|t| t.epochs == top).max_by(|a, b| {
        a.final_val()
            .total_cmp(&b.final_val())
            .then(b.spec.index.cmp(&a.spec.index))
    });
    json!({
        "halving": s.config.halving,
        "done": s.rounds.len() > 1 || s.round_done(),
        "best_trial": best.map(|t| t.spec.index),
        "best_val": best.map(|t| t.final_val()),
        "epochs": s.config.planned_epochs().0,
    })
}

fn refused(param: &str, e: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), e)]
}

fn rejected(name: &str, e: String) -> Vec<Notice> {
    vec![Notice::new(name, Problem::Rejected, "", String::new(), e)]
}

/// The search settings of a parameter set.
pub fn config(params: &ParamSet) -> TuningConfig {
    TuningConfig {
        samples: params.int("samples") as usize,
        val_fraction: params.float("val"),
        trials: params.int("trials") as usize,
        epochs: params.int("epochs") as usize,
        batch: params.int("batch") as usize,
        hidden: vec![params.int("units") as usize; params.int("layers") as usize],
        lr: [params.float("lr_min"), params.float("lr_max")],
        weight_decay: [params.float("wd_min"), params.float("wd_max")],
        halving: params.bool("halving"),
        eta: params.int("eta") as usize,
        min_epochs: params.int("min_epochs") as usize,
        seed: params.int("seed") as u64,
    }
}

/// The digits embedded in the wasm, as a data set.
fn digits() -> Result<Dataset, String> {
    embedded().map_err(|e| e.to_string())
}

/// Multiply-adds the search plans (see [`MAX_WORK`]).
pub fn planned_work(c: &TuningConfig, inputs: usize) -> f64 {
    let mut sizes = vec![inputs];
    sizes.extend(&c.hidden);
    sizes.push(10);
    let weights: f64 = sizes.windows(2).map(|w| (w[0] * w[1]) as f64).sum();
    c.planned_epochs().0 as f64 * c.samples as f64 * weights * 3.0
}

/// Units per `advance` call for [`MAX_CALL_WORK`]: an evaluation of every row costs the most.
pub fn units_per_call(c: &TuningConfig, inputs: usize) -> usize {
    let mut sizes = vec![inputs];
    sizes.extend(&c.hidden);
    sizes.push(10);
    let weights: f64 = sizes.windows(2).map(|w| (w[0] * w[1]) as f64).sum();
    let unit = weights * (c.samples as f64).max(3.0 * c.batch as f64);
    ((MAX_CALL_WORK / unit.max(1.0)) as usize).max(1)
}

fn start(c: TuningConfig, digits: &Dataset) -> Result<Search, Vec<Notice>> {
    if c.lr[0] > c.lr[1] {
        return Err(refused(
            "lr_min",
            format!("lr_min ({}) must not exceed lr_max ({})", c.lr[0], c.lr[1]),
        ));
    }
    if c.weight_decay[0] > c.weight_decay[1] {
        return Err(refused(
            "wd_min",
            format!(
                "wd_min ({}) must not exceed wd_max ({})",
                c.weight_decay[0], c.weight_decay[1]
            ),
        ));
    }
    if c.halving && c.min_epochs > c.epochs {
        return Err(refused(
            "min_epochs",
            format!(
                "the first rung ({} epochs) must not exceed epochs ({})",
                c.min_epochs, c.epochs
            ),
        ));
    }
    let work = planned_work(&c, digits.features);
    if work > MAX_WORK {
        return Err(refused(
            "trials",
            format!(
                "this search would take about {:.1e} multiply-adds, more than the cap {MAX_WORK:.0e} (hours in a browser): \
                 fewer trials, epochs, samples or a smaller network",
                work
            ),
        ));
    }
    Search::new(c, digits).map_err(|e| refused("samples", e))
}

/// What the page sends back with a worker's result.
#[derive(Deserialize)]
struct Returned {
    config: TuningConfig,
    job: Job,
    result: TrialResult,
}

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

impl TuningView {
    fn progress(&self) -> Progress {
        let (done, total) = self.search.borrow().progress();
        Progress { done, total }
    }

    fn best(&self) -> Vec<TrialResult> {
        self.search
            .borrow()
            .ranking()
            .into_iter()
            .take(self.k)
            .cloned()
            .collect()
    }

    fn compute(&self) -> serde_json::Value {
        let s = self.search.borrow();
        let (planned, full) = s.config.planned_epochs();
        let checkpoints = if s.config.halving {
            s.config.halving_config().cost().map(|c| c.0).unwrap_or(planned)
        } else {
            planned
        };
        json!({
            "spent_epochs": s.spent,
            "planned_epochs": planned,
            "full_epochs": full,
            "with_checkpoints_epochs": checkpoints,
            "saved_share": 1.0 - planned as f64 / full.max(1) as f64,
        })
    }

    fn table(&self) -> serde_json::Value {
        let rows: Vec<Vec<f64>> = self
            .best()
            .iter()
            .map(|r| {
                vec![
                    r.spec.index as f64,
                    r.spec.lr,
                    r.spec.weight_decay,
                    r.epochs as f64,
                    r.train_acc.last().copied().unwrap_or(0.0),
                    r.final_val(),
                ]
            })
            .collect();
        json!({"id": "best", "columns": ["trial", "lr", "weight_decay", "epochs", "train_acc", "val_acc"], "rows": rows})
    }

    /// The full search and successive halving side by side, once both have run on the same
    /// trials (`null` otherwise): each one's best first-round trial and the epochs it planned.
    fn compare(&self) -> serde_json::Value {
        let Some(prev) = &self.previous else {
            return serde_json::Value::Null;
        };
        let (a, b) = (outcome(&self.search.borrow()), outcome(&prev.borrow()));
        let (full, halving) = if a["halving"] == true { (b, a) } else { (a, b) };
        json!({"full": full, "halving": halving})
    }

    fn exports(&self) -> serde_json::Value {
        let s = self.search.borrow();
        let r = s.round();
        let p = |name: &str, range: [f64; 2]| HyperParam {
            name: name.to_string(),
            scale: Scale::Log,
            low: 10f64.powf(range[0]),
            high: 10f64.powf(range[1]),
            options: Vec::new(),
        };
        match SearchSpace::validate(vec![p("lr", r.lr), p("weight_decay", r.weight_decay)]) {
            Ok(space) => json!({"optuna": space.optuna(), "ray_tune": space.ray_tune()}),
            Err(_) => json!({}),
        }
    }
}

impl TuningView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let digits = digits().map_err(|e| refused("seed", e))?;
        let search = start(config(params), &digits)?;
        let units = units_per_call(&search.config, digits.features);
        Ok(TuningView {
            panel: params.choice("panel"),
            k: params.int("k") as usize,
            workers: params.int("workers") as usize,
            external: false,
            units_per_call: units,
            digits: Rc::new(digits),
            search: Rc::new(RefCell::new(search)),
            previous: None,
        })
    }

    pub fn rebuild(&self, params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let c = config(params);
        let (search, previous) = if c == self.search.borrow().config {
            (self.search.clone(), self.previous.clone())
        } else if let Some(back) = self.previous.as_ref().filter(|p| p.borrow().config == c) {
            // back to the search shown before (halving switched twice): nothing is trained again,
            // and the current one becomes the comparison
            let current = self.search.borrow();
            let compare = same_trials(&current.config, &c) && current.config.halving != c.halving;
            (back.clone(), compare.then(|| self.search.clone()))
        } else {
            let keep = [Some(&self.search), self.previous.as_ref()]
                .into_iter()
                .flatten()
                .find(|s| {
                    let s = s.borrow();
                    same_trials(&s.config, &c)
                        && s.config.halving != c.halving
                        && (s.rounds.len() > 1 || s.round_done())
                });
            (Rc::new(RefCell::new(start(c, &self.digits)?)), keep.cloned())
        };
        let units = units_per_call(&search.borrow().config, self.digits.features);
        Ok(TuningView {
            panel: params.choice("panel"),
            k: params.int("k") as usize,
            workers: params.int("workers") as usize,
            external: self.external,
            units_per_call: units,
            digits: self.digits.clone(),
            search,
            previous,
        })
    }
}

impl View for TuningView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = self.rebuild(params)?;
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        if !self.external && max_units > 0 {
            // The page grows `max_units` while calls are quick (with workers a call does nothing),
            // so cap one call's work by its size: about MAX_CALL_WORK multiply-adds, at least
            // one unit.
            let budget = max_units.min(self.units_per_call);
            // A failing trial set-up cannot happen for validated settings; stop the job if it does.
            if self.search.borrow_mut().advance(budget).is_err() {
                let p = self.progress();
                return Some(Progress {
                    done: p.total,
                    total: p.total,
                });
            }
        }
        Some(self.progress())
    }

    fn query(&self, name: &str, _arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "status" => {
                let s = self.search.borrow();
                Ok(json!({
                    "round": s.rounds.len() - 1,
                    "round_done": s.round_done(),
                    "halving": s.config.halving,
                    "compute": self.compute(),
                    "compare": self.compare(),
                    "code": self.exports(),
                }))
            }
            _ => Err(Notice::unknown_command(ENTRY.id, name).into()),
        }
    }

    fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        match name {
            "workers" => {
                let n: usize = arg
                    .trim()
                    .parse()
                    .map_err(|_| rejected(name, format!("expected a worker count, got {arg:?}")))?;
                self.external = n > 0;
                if !self.external {
                    self.search.borrow_mut().release();
                }
                Ok(json!({"external": self.external}))
            }
            "claim" => {
                let mut s = self.search.borrow_mut();
                let job = s.claim();
                Ok(json!({"job": job, "config": s.config, "left": s.pending()}))
            }
            "release" => {
                self.search.borrow_mut().release();
                Ok(json!({"released": true}))
            }
            "result" => {
                if arg.len() > 1 << 20 {
                    return Err(rejected(name, "a result of more than 1 MB".into()));
                }
                let r: Returned =
                    serde_json::from_str(arg).map_err(|e| rejected(name, format!("not a trial result: {e}")))?;
                let mut s = self.search.borrow_mut();
                if r.config != s.config {
                    return Ok(json!({"stale": true}));
                }
                match s.accept(&r.job, r.result) {
                    // quiet: the page's work loop redraws once per frame when the progress moves
                    Ok(true) => Ok(json!({"accepted": true})),
                    Ok(false) => Ok(json!({"stale": true})),
                    Err(e) => Err(rejected(name, e)),
                }
            }
            "partial" => {
                if arg.len() > 1 << 20 {
                    return Err(rejected(name, "partial curves of more than 1 MB".into()));
                }
                let r: Returned =
                    serde_json::from_str(arg).map_err(|e| rejected(name, format!("not trial curves: {e}")))?;
                let mut s = self.search.borrow_mut();
                if r.config != s.config {
                    return Ok(json!({"stale": true}));
                }
                match s.partial(&r.job, r.result) {
                    Ok(kept) => Ok(json!({"accepted": kept})),
                    Err(e) => Err(rejected(name, e)),
                }
            }
            "next_round" => {
                let (lr, wd) = self
                    .search
                    .borrow_mut()
                    .next_round(self.k)
                    .map_err(|e| rejected(name, e))?;
                Ok(json!({"lr": lr, "weight_decay": wd}))
            }
            _ => Err(rejected(name, format!("tuning has no action {name:?}"))),
        }
    }

    fn data(&self) -> serde_json::Value {
        let s = self.search.borrow();
        let best: Vec<usize> = s.ranking().iter().take(self.k).map(|r| r.spec.index).collect();
        let rounds: Vec<_> = s
            .rounds
            .iter()
            .map(|r| {
                json!({
                    "lr": r.lr,
                    "weight_decay": r.weight_decay,
                    "rung": r.rung,
                    "alive": r.alive,
                    "results": r.results.iter().flatten().collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "panel": self.panel,
            "workers": self.workers,
            "external": self.external,
            "config": s.config,
            "progress": self.progress(),
            "round_done": s.round_done(),
            "rungs": s.rungs(),
            "round": s.rounds.len() - 1,
            "rounds": rounds,
            "running": s.running(),
            "best": best,
            "compute": self.compute(),
            "compare": self.compare(),
            "code": self.exports(),
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        let s = self.search.borrow();
        json!({
            "progress": self.progress(),
            "round": s.rounds.len() - 1,
            "round_done": s.round_done(),
            "compute": self.compute(),
            "code": self.exports(),
            "tables": [self.table()],
        })
    }

    fn csv(&self) -> String {
        let s = self.search.borrow();
        let header: Vec<String> = [
            "round",
            "trial",
            "lr",
            "weight_decay",
            "epochs",
            "train_acc",
            "val_acc",
            "train_loss",
            "val_loss",
            "diverged_epoch",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect();
        // Every trial of every round; one not trained yet has epochs 0 and zeros after it.
        let rows = s.rounds.iter().enumerate().flat_map(|(k, r)| {
            r.specs.iter().zip(&r.results).map(move |(spec, t)| {
                let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
                match t {
                    Some(t) => vec![
                        k as f64,
                        spec.index as f64,
                        spec.lr,
                        spec.weight_decay,
                        t.epochs as f64,
                        last(&t.train_acc),
                        last(&t.val_acc),
                        last(&t.train_loss),
                        last(&t.val_loss),
                        t.diverged.map(|e| e as f64).unwrap_or(0.0),
                    ],
                    None => vec![
                        k as f64,
                        spec.index as f64,
                        spec.lr,
                        spec.weight_decay,
                        0.0,
                        0.0,
                        0.0,
                        0.0,
                        0.0,
                        0.0,
                    ],
                }
            })
        });
        csv_table(&header, rows)
    }

    fn describe(&self, lang: Lang) -> String {
        let s = self.search.borrow();
        let c = &s.config;
        let p = self.progress();
        let r = s.round();
        let done = r.results.iter().flatten().count();
        let diverged = r.results.iter().flatten().filter(|t| t.diverged.is_some()).count();
        let range = |v: [f64; 2]| format!("1e{} .. 1e{}", format_float(v[0]), format_float(v[1]));
        let best = s.ranking().first().map(|t| (*t).clone());
        let best_en = best
            .as_ref()
            .map(|t| {
                format!(
                    " Best so far: trial {} (lr {:.2e}, weight decay {:.2e}) with validation accuracy {}.",
                    t.spec.index,
                    t.spec.lr,
                    t.spec.weight_decay,
                    pct(t.final_val())
                )
            })
            .unwrap_or_default();
        let best_ko = best
            .as_ref()
            .map(|t| {
                format!(
                    " 지금까지 가장 좋은 시도: {}번(학습률 {:.2e}, 가중치 감소 {:.2e}), 검증 정확도 {}.",
                    t.spec.index,
                    t.spec.lr,
                    t.spec.weight_decay,
                    pct(t.final_val())
                )
            })
            .unwrap_or_default();
        let (planned, full) = c.planned_epochs();
        let halving_en = if c.halving {
            format!(
                " Successive halving (eta {}): {} rungs, {planned} epochs planned instead of {full} for the full search ({} saved).",
                c.eta,
                s.rungs().len(),
                pct(1.0 - planned as f64 / full.max(1) as f64)
            )
        } else {
            String::new()
        };
        let halving_ko = if c.halving {
            format!(
                " 연속 절반 줄이기(eta {}): 단계 {}개, 전체 탐색의 {full} 에포크 대신 {planned} 에포크({} 절약).",
                c.eta,
                s.rungs().len(),
                pct(1.0 - planned as f64 / full.max(1) as f64)
            )
        } else {
            String::new()
        };
        let round = s.rounds.len();
        match lang {
            Lang::En => format!(
                "Random search, round {round}: {} trials, learning rate in {} and weight decay in {} (log scale), \
                 a {}-layer ReLU network on {} digits ({} held out), SGD, {} epochs each. Epochs done {}/{}; \
                 {done} trials finished, {diverged} diverged.{best_en}{halving_en}",
                c.trials,
                range(r.lr),
                range(r.weight_decay),
                c.hidden.len(),
                c.samples,
                pct(c.val_fraction),
                c.epochs,
                p.done,
                p.total
            ),
            Lang::Ko => format!(
                "무작위 탐색 {round}라운드: 시도 {}번, 학습률 {}, 가중치 감소 {} (로그 척도), \
                 숫자 {}개({} 검증용)로 {}층 ReLU 신경망을 SGD로 각 {} 에포크 학습. 진행 {}/{} 에포크; \
                 시도 {done}개 완료, {diverged}개 발산.{best_ko}{halving_ko}",
                c.trials,
                range(r.lr),
                range(r.weight_decay),
                c.samples,
                pct(c.val_fraction),
                c.hidden.len(),
                c.epochs,
                p.done,
                p.total
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        root.fill(&WHITE)?;
        let lang = theme.lang;
        let s = self.search.borrow();
        let epochs = s.config.epochs;
        let best: Vec<usize> = s.ranking().iter().take(self.k).map(|r| r.spec.index).collect();
        let curve = |t: &TrialResult| Curve {
            label: format!(
                "#{} {} lr {:.0e} wd {:.0e}",
                t.spec.index,
                pct(t.final_val()),
                t.spec.lr,
                t.spec.weight_decay
            ),
            train: t.train_acc.clone(),
            val: t.val_acc.clone(),
            best: best.contains(&t.spec.index),
        };
        let round = s.rounds.len();
        match self.panel {
            "scatter" => {
                let dots: Vec<Dot> = s
                    .rounds
                    .iter()
                    .enumerate()
                    .flat_map(|(k, r)| {
                        r.results.iter().flatten().map(move |t| Dot {
                            x: t.spec.lr.log10(),
                            y: t.spec.weight_decay.log10(),
                            acc: t.final_val(),
                            current: k + 1 == round,
                            diverged: t.diverged.is_some(),
                        })
                    })
                    .collect();
                // every round's box (a later round is padded beyond the first one's)
                let span = |f: fn(&Round) -> LogRange| {
                    s.rounds
                        .iter()
                        .map(f)
                        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
                            (lo.min(r[0]), hi.max(r[1]))
                        })
                };
                let (lr, wd) = (span(|r| r.lr), span(|r| r.weight_decay));
                let title = format!(
                    "{} ({} {round})",
                    lang.pick("trials by validation accuracy", "검증 정확도별 시도"),
                    lang.pick("round", "라운드")
                );
                draw_scatter(
                    root,
                    &title,
                    (
                        lang.pick("learning rate (log)", "학습률(로그)"),
                        lang.pick("weight decay (log)", "가중치 감소(로그)"),
                        lang.pick("val acc", "검증 정확도"),
                    ),
                    &dots,
                    (lr.0 - 0.2, lr.1 + 0.2),
                    (wd.0 - 0.2, wd.1 + 0.2),
                    theme,
                )
            }
            "best" => {
                let curves: Vec<Curve> = s.ranking().iter().take(self.k).map(|t| curve(t)).collect();
                let head = format!(
                    "{} {} ({} {round}): {}",
                    lang.pick("best", "상위"),
                    curves.len(),
                    lang.pick("round", "라운드"),
                    lang.pick(
                        "training accuracy dashed, validation solid",
                        "훈련 정확도 점선, 검증 정확도 실선"
                    )
                );
                draw_multiples(root, &head, &curves, epochs, theme)
            }
            _ => {
                // finished trials, then those being trained (their curves grow epoch by epoch)
                let mut curves: Vec<Curve> = s.round().results.iter().flatten().map(curve).collect();
                curves.retain(|c| !c.val.is_empty());
                curves.extend(
                    s.running()
                        .into_iter()
                        .filter(|t| !t.val_acc.is_empty())
                        .map(|t| Curve {
                            best: false,
                            ..curve(t)
                        }),
                );
                let title = format!(
                    "{} ({} {round}; {} {})",
                    lang.pick("validation accuracy of every trial", "모든 시도의 검증 정확도"),
                    lang.pick("round", "라운드"),
                    lang.pick("best in colour:", "색: 상위"),
                    best.len()
                );
                draw_curves(
                    root,
                    &title,
                    (
                        lang.pick("epoch", "에포크"),
                        lang.pick("validation accuracy", "검증 정확도"),
                    ),
                    &curves,
                    epochs,
                    theme,
                )
            }
        }
    }
}
