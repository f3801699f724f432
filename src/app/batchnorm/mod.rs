//! `view=batchnorm`: batch norm during training (seeds 000, 003, 004; Ioffe & Szegedy 2015; DLFS
//! `batch_norm_test`). Four panels over two long jobs, both trained a little per frame through
//! [`View::advance`]:
//! * `shift`, `ridge`, `test`: [`BnStudy`] (3 x 100 sigmoid units, digits, batches of 60, without
//!   and with BN): one unit's input percentiles and the dev accuracy (`shift`), the last hidden
//!   layer's input histograms over steps (`ridge`), and test accuracy with running statistics vs
//!   the test batch's own (`test`, batch sizes 1 to all);
//! * `grid`: [`BnGrid`] (16 weight scales x with/without BN, 4 x 4 small multiples).
//!
//! The jobs are shared between models ([`View::rebuild`]) while their settings do not
//! change, so switching panels keeps the work done. The digits are embedded in the wasm
//! (`www/data/digits.bin`, 117 KB raw, about 45 KB gzipped), so the single-file build works too.
use super::params::{choice, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, Progress, View, ViewEntry};
use crate::chart::batchnorm::{draw_panel, draw_ridge, Line, Panel, Ridge};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::data::digits::embedded;
use crate::core::data::Dataset;
use crate::core::lab::bn_grid::{BnGrid, BnGridConfig};
use crate::core::lab::bn_study::{BnStudy, BnStudyConfig, Probe};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;
use std::cell::RefCell;
use std::rc::Rc;

/// Parameters of `view=batchnorm`. Caps keep the jobs to a few tens of seconds; the grid
/// defaults to 10 epochs (DLFS: 20, allowed) so the full 4 x 4 grid finishes in about 20 s.
pub const PARAMS: &[ParamSpec] = &[
    choice("panel", &["shift", "ridge", "test", "grid"], "shift"),
    int("epochs", 1, 100, "30"),
    log("lr", 0.01, 5.0, "0.5"),
    int("unit", 1, 100, "1"),
    int("grid_epochs", 1, 20, "10"),
    int("grid_samples", 100, 1797, "1000"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "batchnorm",
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(BatchnormView::build(p)?)),
};

/// The computed view: the panel shown and the two jobs (shared with rebuilt models).
pub struct BatchnormView {
    panel: &'static str,
    study_cfg: BnStudyConfig,
    grid_cfg: BnGridConfig,
    digits: Rc<Dataset>,
    study: Rc<RefCell<BnStudy>>,
    grid: Rc<RefCell<BnGrid>>,
}

fn configs(params: &ParamSet) -> (BnStudyConfig, BnGridConfig) {
    let seed = params.int("seed") as u64;
    (
        BnStudyConfig {
            epochs: params.int("epochs") as usize,
            lr: params.float("lr"),
            unit: (params.int("unit") - 1) as usize,
            seed,
            ..BnStudyConfig::default()
        },
        BnGridConfig {
            epochs: params.int("grid_epochs") as usize,
            samples: params.int("grid_samples") as usize,
            seed,
            ..BnGridConfig::default()
        },
    )
}

fn refused(param: &str, e: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), e)]
}

fn digits() -> Result<Dataset, Vec<Notice>> {
    embedded().map_err(|e| refused("seed", e.to_string()))
}

fn pct(x: f64) -> String {
    format!("{:.0}%", 100.0 * x)
}

/// How far a percentile series moves over training: the largest (max - min) over time among the
/// 15th, 50th and 85th percentiles.
pub fn drift(probes: &[Probe]) -> f64 {
    let sweep = |f: fn(&Probe) -> f64| {
        let (lo, hi) = probes
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if hi >= lo {
            hi - lo
        } else {
            0.0
        }
    };
    sweep(|p| p.p15).max(sweep(|p| p.p50)).max(sweep(|p| p.p85))
}

impl BatchnormView {
    fn progress(&self) -> Progress {
        match self.panel {
            "grid" => {
                let g = self.grid.borrow();
                let (done, total) = (g.done_units(), g.total_units());
                Progress { done, total }
            }
            _ => {
                let s = self.study.borrow();
                Progress {
                    done: s.done_units(),
                    total: s.total_units(),
                }
            }
        }
    }

    fn table(&self) -> serde_json::Value {
        let s = self.study.borrow();
        match self.panel {
            "grid" => {
                let g = self.grid.borrow();
                let rows: Vec<Vec<f64>> = g
                    .cells
                    .iter()
                    .map(|c| {
                        let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
                        vec![c.scale, last(&c.plain), last(&c.batch_norm)]
                    })
                    .collect();
                json!({"id": "grid", "columns": ["weight_std", "plain_train_accuracy", "batch_norm_train_accuracy"], "rows": rows})
            }
            "test" => {
                let rows: Vec<Vec<f64>> = s
                    .test_rows
                    .iter()
                    .map(|r| vec![r.batch_size as f64, r.running, r.batch_stats])
                    .collect();
                json!({"id": "test", "columns": ["test_batch_size", "running_stats_accuracy", "batch_stats_accuracy"], "rows": rows})
            }
            _ => {
                let rows: Vec<Vec<f64>> = [&s.plain.probes, &s.batch_norm.probes]
                    .iter()
                    .enumerate()
                    .filter_map(|(bn, probes)| {
                        let p = probes.last()?;
                        Some(vec![
                            bn as f64,
                            p.step as f64,
                            p.p15,
                            p.p50,
                            p.p85,
                            drift(probes),
                            p.dev_accuracy,
                        ])
                    })
                    .collect();
                json!({"id": "shift", "columns": ["batch_norm", "step", "p15", "p50", "p85", "drift", "dev_accuracy"], "rows": rows})
            }
        }
    }

    fn draw_shift<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        let lang = theme.lang;
        let s = self.study.borrow();
        let total = s.total_steps() as f64;
        let (top, bottom) = root.split_vertically(root.dim_in_pixel().1 * 3 / 5);
        let halves = top.split_evenly((1, 2));
        let all: Vec<f64> = [&s.plain.probes, &s.batch_norm.probes]
            .iter()
            .flat_map(|p| p.iter().flat_map(|p| [p.p15, p.p85]))
            .collect();
        let y = crate::chart::padded_range(&all, 0.05);
        let runs = [
            (lang.pick("without batch norm", "배치 정규화 없이"), &s.plain.probes, 0),
            (
                lang.pick("with batch norm", "배치 정규화와 함께"),
                &s.batch_norm.probes,
                2,
            ),
        ];
        let unit = self.study_cfg.unit + 1;
        for (area, (title, probes, color)) in halves.iter().zip(runs) {
            let series = |f: fn(&Probe) -> f64| probes.iter().map(|p| (p.step as f64, f(p))).collect::<Vec<_>>();
            let line = |points, thin, label: &str| Line {
                points,
                color,
                thin,
                label: label.to_string(),
            };
            let panel = Panel {
                title: format!("{title}: {} {unit}, z", lang.pick("unit", "유닛")),
                x: (0.0, total),
                y,
                lines: vec![
                    line(series(|p| p.p85), true, "85%"),
                    line(series(|p| p.p50), false, "50%"),
                    line(series(|p| p.p15), true, "15%"),
                ],
                x_label: lang.pick("step", "스텝").to_string(),
                x_ticks: 0,
            };
            draw_panel(area, &panel, &|x| format!("{x:.0}"), false, theme)?;
        }
        let acc = |probes: &[Probe], color, label: &str| Line {
            points: probes.iter().map(|p| (p.step as f64, p.dev_accuracy)).collect(),
            color,
            thin: false,
            label: label.to_string(),
        };
        let panel = Panel {
            title: lang.pick("dev accuracy", "dev 정확도").to_string(),
            x: (0.0, total),
            y: (0.0, 1.0),
            lines: vec![
                acc(&s.plain.probes, 0, lang.pick("no BN", "BN 없음")),
                acc(&s.batch_norm.probes, 2, "BN"),
            ],
            x_label: lang.pick("step", "스텝").to_string(),
            x_ticks: 0,
        };
        draw_panel(&bottom, &panel, &|x| format!("{x:.0}"), false, theme)
    }

    fn draw_ridge<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        let lang = theme.lang;
        let s = self.study.borrow();
        let halves = root.split_evenly((1, 2));
        let runs = [
            (lang.pick("without batch norm", "배치 정규화 없이"), &s.plain.probes, 0),
            (
                lang.pick("with batch norm", "배치 정규화와 함께"),
                &s.batch_norm.probes,
                2,
            ),
        ];
        let step = lang.pick("step", "스텝");
        for (area, (title, probes, color)) in halves.iter().zip(runs) {
            // At most 12 rows, evenly spaced over the probes so far.
            let every = probes.len().div_ceil(12).max(1);
            let rows = probes
                .iter()
                .step_by(every)
                .map(|p| (format!("{step} {}", p.step), p.hist.counts.clone()))
                .collect();
            let ridge = Ridge {
                title: format!("{title}: {}", lang.pick("layer 3 inputs z", "3층 입력 z")),
                lo: -self.study_cfg.range,
                hi: self.study_cfg.range,
                rows,
                color,
            };
            draw_ridge(area, &ridge, theme)?;
        }
        Ok(())
    }

    fn draw_test<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        let lang = theme.lang;
        let s = self.study.borrow();
        let sizes: Vec<usize> = s.test_rows.iter().map(|r| r.batch_size).collect();
        let pts = |f: fn(&crate::core::lab::bn_study::TestRow) -> f64| {
            s.test_rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i as f64, f(r)))
                .collect::<Vec<_>>()
        };
        let panel = Panel {
            title: lang
                .pick(
                    "BN network: test accuracy by test batch size",
                    "BN 네트워크: 테스트 배치 크기별 테스트 정확도",
                )
                .to_string(),
            x: (0.0, (sizes.len().max(2) - 1) as f64),
            y: (0.0, 1.0),
            lines: vec![
                Line {
                    points: pts(|r| r.running),
                    color: 2,
                    thin: false,
                    label: lang.pick("running (EWMA)", "이동 평균").to_string(),
                },
                Line {
                    points: pts(|r| r.batch_stats),
                    color: 1,
                    thin: false,
                    label: lang.pick("batch stats", "배치 통계").to_string(),
                },
            ],
            x_label: lang.pick("rows per test batch", "테스트 배치의 행 수").to_string(),
            x_ticks: sizes.len().max(2),
        };
        draw_panel(
            root,
            &panel,
            &|x| {
                let i = x.round() as usize;
                if (x - i as f64).abs() > 1e-6 {
                    return String::new();
                }
                sizes.get(i).map(|b| b.to_string()).unwrap_or_default()
            },
            false,
            theme,
        )
    }

    fn draw_grid<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
        let g = self.grid.borrow();
        let lang = theme.lang;
        root.fill(&WHITE)?;
        let (head, body) = root.split_vertically(theme.px(20.0));
        let colors = [
            crate::chart::series_color(0),
            crate::chart::series_color(2),
            crate::chart::INK,
        ];
        let font = |c: usize| {
            theme
                .font(12.0)
                .color(&colors[c])
                .pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Center,
                ))
        };
        let y = theme.px(10.0) as i32;
        let w = head.dim_in_pixel().0 as i32;
        head.draw(&Text::new(
            lang.pick("training accuracy by epoch:", "에포크별 훈련 정확도:"),
            (theme.px(6.0) as i32, y),
            font(2),
        ))?;
        head.draw(&Text::new(
            lang.pick("— without BN", "— BN 없이"),
            (w * 2 / 5, y),
            font(0),
        ))?;
        head.draw(&Text::new(
            lang.pick("— with BN", "— BN과 함께"),
            (w * 7 / 10, y),
            font(1),
        ))?;
        let side = (g.cells.len() as f64).sqrt().ceil().max(1.0) as usize;
        let epochs = g.config.epochs as f64;
        for (area, cell) in body.split_evenly((side, side)).iter().zip(&g.cells) {
            let line = |v: &[f64], color| Line {
                points: v.iter().enumerate().map(|(e, &a)| (e as f64, a)).collect(),
                color,
                thin: false,
                label: String::new(),
            };
            let panel = Panel {
                title: format!("w std {}", short(cell.scale)),
                x: (0.0, epochs),
                y: (0.0, 1.0),
                lines: vec![line(&cell.plain, 0), line(&cell.batch_norm, 2)],
                x_label: String::new(),
                x_ticks: 0,
            };
            draw_panel(area, &panel, &|x| format!("{x:.0}"), true, theme)?;
        }
        Ok(())
    }
}

fn short(x: f64) -> String {
    if x < 0.01 {
        format!("{x:.0e}")
    } else {
        format!("{x:.2}")
    }
}

impl BatchnormView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let (study_cfg, grid_cfg) = configs(params);
        let data = digits()?;
        let study = study_cfg.start(&data).map_err(|e| refused("epochs", e))?;
        let grid = grid_cfg.start(&data).map_err(|e| refused("grid_samples", e))?;
        Ok(BatchnormView {
            panel: params.choice("panel"),
            study_cfg,
            grid_cfg,
            digits: Rc::new(data),
            study: Rc::new(RefCell::new(study)),
            grid: Rc::new(RefCell::new(grid)),
        })
    }

    pub fn rebuild(&self, params: &ParamSet) -> Result<Self, Vec<Notice>> {
        // Keep each job (and the work done on it) while its own settings are unchanged.
        let (study_cfg, grid_cfg) = configs(params);
        let d = &self.digits;
        let study = if study_cfg != self.study_cfg {
            Rc::new(RefCell::new(study_cfg.start(d).map_err(|e| refused("epochs", e))?))
        } else {
            self.study.clone()
        };
        let grid = if grid_cfg != self.grid_cfg {
            Rc::new(RefCell::new(grid_cfg.start(d).map_err(|e| refused("grid_samples", e))?))
        } else {
            self.grid.clone()
        };
        Ok(BatchnormView {
            panel: params.choice("panel"),
            study_cfg,
            grid_cfg,
            digits: self.digits.clone(),
            study,
            grid,
        })
    }
}

impl View for BatchnormView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = self.rebuild(params)?;
        Ok(())
    }

    fn advance(&mut self, max_units: usize) -> Option<Progress> {
        match self.panel {
            "grid" => {
                self.grid.borrow_mut().advance(max_units);
            }
            _ => {
                self.study.borrow_mut().advance(max_units);
            }
        }
        Some(self.progress())
    }

    fn data(&self) -> serde_json::Value {
        let s = self.study.borrow();
        let g = self.grid.borrow();
        let run = |r: &crate::core::lab::bn_study::StudyRun| json!({"probes": r.probes, "drift": drift(&r.probes)});
        json!({
            "panel": self.panel,
            "progress": self.progress(),
            "study": {
                "config": s.config,
                "steps_per_epoch": s.total_steps() / s.config.epochs as u64,
                "total_steps": s.total_steps(),
                "done_units": s.done_units(),
                "plain": run(&s.plain),
                "batch_norm": run(&s.batch_norm),
                "test": s.test_rows,
            },
            "grid": {
                "config": g.config,
                "done_units": g.done_units(),
                "total_units": g.total_units(),
                "cells": g.cells,
            },
            "tables": [self.table()],
        })
    }

    fn summary(&self) -> serde_json::Value {
        json!({"progress": self.progress(), "tables": [self.table()]})
    }

    fn csv(&self) -> String {
        let h = |cols: &[&str]| cols.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match self.panel {
            "grid" => {
                let g = self.grid.borrow();
                let mut rows = Vec::new();
                for c in &g.cells {
                    for e in 0..c.plain.len().min(c.batch_norm.len()) {
                        rows.push(vec![c.scale, e as f64, c.plain[e], c.batch_norm[e]]);
                    }
                }
                csv_table(&h(&["weight_std", "epoch", "plain", "batch_norm"]), rows.into_iter())
            }
            "test" => {
                let s = self.study.borrow();
                let rows = s
                    .test_rows
                    .iter()
                    .map(|r| vec![r.batch_size as f64, r.running, r.batch_stats]);
                csv_table(&h(&["test_batch_size", "running_stats", "batch_stats"]), rows)
            }
            _ => {
                let s = self.study.borrow();
                let (a, b) = (&s.plain.probes, &s.batch_norm.probes);
                let rows = a.iter().zip(b).map(|(p, q)| {
                    vec![
                        p.step as f64,
                        p.p15,
                        p.p50,
                        p.p85,
                        p.dev_accuracy,
                        q.p15,
                        q.p50,
                        q.p85,
                        q.dev_accuracy,
                    ]
                });
                let cols = [
                    "step",
                    "plain_p15",
                    "plain_p50",
                    "plain_p85",
                    "plain_dev",
                    "bn_p15",
                    "bn_p50",
                    "bn_p85",
                    "bn_dev",
                ];
                csv_table(&h(&cols), rows)
            }
        }
    }

    fn describe(&self, lang: Lang) -> String {
        let s = self.study.borrow();
        let p = self.progress();
        let done = format!("{}/{}", p.done, p.total);
        match self.panel {
            "grid" => {
                let g = self.grid.borrow();
                let wins = g
                    .cells
                    .iter()
                    .filter(|c| c.batch_norm.last().unwrap_or(&0.0) > c.plain.last().unwrap_or(&0.0))
                    .count();
                match lang {
                    Lang::En => format!(
                        "DLFS's batch norm test on {} digits: {} initial weight scales from 1 to 1e-4, each trained {} epochs with SGD (lr 0.01, batches of 100) \
                         without and with batch norm; training accuracy per epoch in a grid of small charts. Steps done {done}. \
                         So far batch norm ends higher in {wins} of {} cells.",
                        g.config.samples, g.cells.len(), g.config.epochs, g.cells.len()
                    ),
                    Lang::Ko => format!(
                        "숫자 {}개로 한 DLFS 배치 정규화 실험: 초기 가중치 스케일 {}개(1에서 1e-4까지), 각각 배치 정규화 없이와 함께 SGD(학습률 0.01, 미니배치 100)로 {} 에포크 학습; \
                         에포크마다 훈련 정확도를 작은 그래프 격자로 보입니다. 진행 {done}. 지금까지 {}칸 중 {wins}칸에서 배치 정규화 쪽이 더 높습니다.",
                        g.config.samples, g.cells.len(), g.config.epochs, g.cells.len()
                    ),
                }
            }
            "test" => {
                let first = s.test_rows.first();
                let (r, b1) = first.map(|r| (r.running, r.batch_stats)).unwrap_or((0.0, 0.0));
                match lang {
                    Lang::En => format!(
                        "Test accuracy of the batch-norm network by test batch size: with the running (EWMA) statistics {} for every size; \
                         with each batch's own statistics {} for batches of 1 (variance 0, every row gets the same output), rising with the batch size. Steps done {done}.",
                        pct(r), pct(b1)
                    ),
                    Lang::Ko => format!(
                        "배치 정규화 네트워크의 테스트 배치 크기별 테스트 정확도: 이동 평균(지수 가중 평균) 통계로는 크기와 상관없이 {}; \
                         테스트 배치 자체의 통계로는 배치 크기 1에서 {}(분산 0, 모든 행이 같은 출력), 배치가 커질수록 올라갑니다. 진행 {done}.",
                        pct(r), pct(b1)
                    ),
                }
            }
            panel => {
                let last = |probes: &[Probe]| probes.last().map(|p| p.dev_accuracy).unwrap_or(0.0);
                let (dp, db) = (drift(&s.plain.probes), drift(&s.batch_norm.probes));
                let (ap, ab) = (last(&s.plain.probes), last(&s.batch_norm.probes));
                let what_en = if panel == "ridge" {
                    "Histograms of the last hidden layer's inputs over training steps"
                } else {
                    "The 15th, 50th and 85th percentiles of one last-layer unit's input over training steps"
                };
                let what_ko = if panel == "ridge" {
                    "학습 스텝에 따른 마지막 은닉층 입력의 히스토그램"
                } else {
                    "학습 스텝에 따른 마지막 은닉층 한 유닛 입력의 15, 50, 85 백분위수"
                };
                match lang {
                    Lang::En => format!(
                        "{what_en}, in a 3-layer sigmoid network on the digits (mini-batches of 60), without and with batch norm. \
                         The percentiles move by up to {dp:.2} without and {db:.2} with batch norm; dev accuracy {} without and {} with. Steps done {done}.",
                        pct(ap), pct(ab)
                    ),
                    Lang::Ko => format!(
                        "{what_ko}, 숫자 데이터의 3층 시그모이드 네트워크(미니배치 60), 배치 정규화 없이와 함께. \
                         백분위수는 배치 정규화 없이 최대 {dp:.2}, 함께일 때 {db:.2}만큼 움직입니다; dev 정확도는 없이 {}, 함께 {}. 진행 {done}.",
                        pct(ap), pct(ab)
                    ),
                }
            }
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        root.fill(&WHITE)?;
        match self.panel {
            "grid" => self.draw_grid(root, theme),
            "test" => self.draw_test(root, theme),
            "ridge" => self.draw_ridge(root, theme),
            _ => self.draw_shift(root, theme),
        }
    }
}
