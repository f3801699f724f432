//! `view=search`: grid vs random search and coarse to fine over a 2-D box (seeds 000, 002):
//! learning rate alpha (important, log axis) against Adam's epsilon (barely matters, log axis) on
//! a synthetic dev-error surface; an `n x n` grid beside `n^2` random points with their distinct
//! values per axis and best dev error; coarse-to-fine rounds; and, with `study=1`, the repeated
//! study (best-found error per strategy over `repeats` runs) with the `1 - 0.95^n` curve.
//! Caps: grid side 10 (100 trials), 6 rounds of at most 200 points, 2,000 repeats.
use super::params::{choice, flag, int, log, seed, Notice, ParamSet, ParamSpec, Problem};
use super::{csv_table, Area, View, ViewEntry};
use crate::chart::search::{draw_search, BoxPanel, SearchChartData, StudyPanel};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::search::{best, grid, random, surface_grid, CoarseToFineConfig, Round, Surface, Trial, UnitBox};
use crate::core::lab::search_study::{hit_chance, median, StudyConfig, StudyResult};
use crate::core::math::rng::seeded;
use crate::core::sampling::{distinct, histogram, Axis, AxisConfig, Scale};
use serde_json::json;

/// Parameters of `view=search`.
pub const PARAMS: &[ParamSpec] = &[
    choice("surface", &["one_matters", "both_matter", "interaction"], "one_matters"),
    int("n", 2, 10, "5"),
    log("alpha_low", 1e-8, 10.0, "1e-4"),
    log("alpha_high", 1e-8, 10.0, "1"),
    log("eps_low", 1e-12, 1e-2, "1e-10"),
    log("eps_high", 1e-12, 1e-2, "1e-6"),
    int("rounds", 1, 6, "3"),
    int("per_round", 2, 200, "15"),
    int("keep", 1, 20, "3"),
    flag("study", false),
    int("repeats", 10, 2_000, "1000"),
    seed("1"),
];

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "search",
    params: PARAMS,
    commands: &[],
    new: |p| Ok(Box::new(SearchView::build(p)?)),
};

/// Heatmap resolution (columns x rows) behind each panel.
const HEAT: (usize, usize) = (36, 24);

/// The computed view.
pub struct SearchView {
    surface: Surface,
    alpha: Axis,
    eps: Axis,
    n: usize,
    grid: Vec<Trial>,
    random: Vec<Trial>,
    rounds: Vec<Round>,
    heat: Vec<Vec<f64>>,
    study: Option<StudyResult>,
    seed: u64,
}

fn invalid(param: &str, detail: String) -> Vec<Notice> {
    vec![Notice::new(param, Problem::Inconsistent, "", String::new(), detail)]
}

fn log_axis(params: &ParamSet, low: &str, high: &str) -> Result<Axis, Vec<Notice>> {
    AxisConfig {
        scale: Scale::Log,
        low: params.float(low),
        high: params.float(high),
    }
    .validate()
    .map_err(|e| invalid(low, e.to_string()))
}

impl SearchView {
    fn point(&self, t: &Trial) -> serde_json::Value {
        json!({"alpha": self.alpha.from_unit(t.u), "epsilon": self.eps.from_unit(t.v), "u": t.u, "v": t.v, "error": t.error})
    }

    fn strategy(&self, trials: &[Trial]) -> serde_json::Value {
        let alphas: Vec<f64> = trials.iter().map(|t| self.alpha.from_unit(t.u)).collect();
        let eps: Vec<f64> = trials.iter().map(|t| self.eps.from_unit(t.v)).collect();
        json!({
            "points": trials.iter().map(|t| self.point(t)).collect::<Vec<_>>(),
            "distinct_alpha": distinct(&alphas),
            "distinct_epsilon": distinct(&eps),
            "best": best(trials).map(|t| self.point(&t)),
        })
    }

    fn best_error(trials: &[Trial]) -> f64 {
        best(trials).map_or(f64::NAN, |t| t.error)
    }

    fn study_edges(s: &StudyResult) -> Vec<f64> {
        let all = s.grid_best.iter().chain(&s.random_best);
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &e| (a.min(e), b.max(e)));
        let hi = if hi > lo { hi } else { lo + 1e-3 };
        (0..=30).map(|i| lo + (hi - lo) * i as f64 / 30.0).collect()
    }

    fn curve(budget: usize) -> Vec<(f64, f64)> {
        let n_max = (budget * 2).max(100);
        (0..=n_max).map(|n| (n as f64, hit_chance(n))).collect()
    }
}

impl SearchView {
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let surface = match params.choice("surface") {
            "both_matter" => Surface::BothMatter,
            "interaction" => Surface::Interaction,
            _ => Surface::OneMatters,
        };
        let alpha = log_axis(params, "alpha_low", "alpha_high")?;
        let eps = log_axis(params, "eps_low", "eps_high")?;
        let n = params.int("n") as usize;
        let seed = params.int("seed") as u64;
        // one stream per part, so changing the rounds does not move the random panel's points
        let random_pts = random(surface, n * n, &UnitBox::FULL, &mut seeded(seed));
        let rounds = CoarseToFineConfig {
            rounds: params.int("rounds") as usize,
            per_round: params.int("per_round") as usize,
            keep: params.int("keep") as usize,
            ..CoarseToFineConfig::default()
        }
        .run(surface, &mut seeded(seed.wrapping_add(1)))
        .map_err(|e| invalid("keep", e))?;
        let study = if params.bool("study") {
            Some(
                StudyConfig {
                    n,
                    repeats: params.int("repeats") as usize,
                    surface,
                }
                .run(&mut seeded(seed.wrapping_add(2)))
                .map_err(|e| invalid("repeats", e))?,
            )
        } else {
            None
        };
        Ok(SearchView {
            surface,
            alpha,
            eps,
            n,
            grid: grid(surface, n, (0.0, 0.0)),
            random: random_pts,
            rounds,
            heat: surface_grid(surface, HEAT.0, HEAT.1),
            study,
            seed,
        })
    }
}

impl View for SearchView {
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>> {
        *self = SearchView::build(params)?;
        Ok(())
    }

    fn data(&self) -> serde_json::Value {
        let mut out = self.summary();
        out["grid"] = self.strategy(&self.grid);
        out["random"] = self.strategy(&self.random);
        out["coarse_to_fine"] = json!(self
            .rounds
            .iter()
            .map(|r| json!({
                "box": {
                    "alpha_low": self.alpha.from_unit(r.region.u0), "alpha_high": self.alpha.from_unit(r.region.u1),
                    "eps_low": self.eps.from_unit(r.region.v0), "eps_high": self.eps.from_unit(r.region.v1),
                    "u0": r.region.u0, "u1": r.region.u1, "v0": r.region.v0, "v1": r.region.v1,
                },
                "points": r.trials.iter().map(|t| self.point(t)).collect::<Vec<_>>(),
                "best": best(&r.trials).map(|t| self.point(&t)),
            }))
            .collect::<Vec<_>>());
        out["heatmap"] = json!({"cols": HEAT.0, "rows": HEAT.1, "error": self.heat});
        if let Some(s) = &self.study {
            out["study"]["grid_best"] = json!(s.grid_best);
            out["study"]["random_best"] = json!(s.random_best);
            out["study"]["curve"] = json!(Self::curve(s.budget));
        }
        out
    }

    fn summary(&self) -> serde_json::Value {
        let row = |label: String, trials: &[Trial]| {
            let a: Vec<f64> = trials.iter().map(|t| self.alpha.from_unit(t.u)).collect();
            let e: Vec<f64> = trials.iter().map(|t| self.eps.from_unit(t.v)).collect();
            json!([
                label,
                trials.len(),
                distinct(&a),
                distinct(&e),
                Self::best_error(trials)
            ])
        };
        let mut rows = vec![
            row(format!("grid {0}×{0}", self.n), &self.grid),
            row(format!("random {}", self.n * self.n), &self.random),
        ];
        for (i, r) in self.rounds.iter().enumerate() {
            rows.push(row(format!("coarse→fine round {}", i + 1), &r.trials));
        }
        let study = self.study.as_ref().map(|s| {
            json!({
                "repeats": s.grid_best.len(), "budget": s.budget, "top5_threshold": s.top5_threshold,
                "grid_median": median(&s.grid_best), "random_median": median(&s.random_best),
                "grid_hit_rate": s.grid_hit_rate, "random_hit_rate": s.random_hit_rate,
                "random_wins": s.random_wins, "expected_random_hit_rate": hit_chance(s.budget),
            })
        });
        json!({
            "surface": self.surface, "n": self.n, "budget": self.n * self.n, "seed": self.seed,
            "alpha_range": [self.alpha.low, self.alpha.high], "eps_range": [self.eps.low, self.eps.high],
            "study": study,
            "tables": [{"id": "strategies", "columns": ["", "trials", "distinct α", "distinct ε", "best dev error"], "rows": rows}],
        })
    }

    fn csv(&self) -> String {
        let header: Vec<String> = ["strategy", "round", "alpha", "epsilon", "dev_error"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // strategy 0 = grid, 1 = random, 2 = coarse to fine (with its round)
        let mut rows = Vec::new();
        let mut push = |s: f64, r: f64, t: &Trial| {
            rows.push(vec![s, r, self.alpha.from_unit(t.u), self.eps.from_unit(t.v), t.error])
        };
        self.grid.iter().for_each(|t| push(0.0, 0.0, t));
        self.random.iter().for_each(|t| push(1.0, 0.0, t));
        for (i, r) in self.rounds.iter().enumerate() {
            r.trials.iter().for_each(|t| push(2.0, (i + 1) as f64, t));
        }
        csv_table(&header, rows.into_iter())
    }

    fn describe(&self, lang: Lang) -> String {
        let (g, r) = (Self::best_error(&self.grid), Self::best_error(&self.random));
        let n2 = self.n * self.n;
        let ga: Vec<f64> = self.grid.iter().map(|t| self.alpha.from_unit(t.u)).collect();
        let ra: Vec<f64> = self.random.iter().map(|t| self.alpha.from_unit(t.u)).collect();
        let last = self.rounds.last().map_or(f64::NAN, |x| Self::best_error(&x.trials));
        let study = self.study.as_ref().map_or(String::new(), |s| match lang {
            Lang::En => format!(
                " Over {} repeats, random search beat the grid {:.0}% of the time; its best landed in the top 5% in {:.0}% of repeats (1 − 0.95^{} = {:.0}%), the grid's in {:.0}%.",
                s.grid_best.len(), 100.0 * s.random_wins, 100.0 * s.random_hit_rate, s.budget, 100.0 * hit_chance(s.budget), 100.0 * s.grid_hit_rate
            ),
            Lang::Ko => format!(
                " {}번 반복하면 무작위 탐색이 격자보다 나은 경우가 {:.0}%이고, 최선값이 상위 5%에 든 비율은 무작위 {:.0}%(1 − 0.95^{} = {:.0}%), 격자 {:.0}%입니다.",
                s.grid_best.len(), 100.0 * s.random_wins, 100.0 * s.random_hit_rate, s.budget, 100.0 * hit_chance(s.budget), 100.0 * s.grid_hit_rate
            ),
        });
        match lang {
            Lang::En => format!(
                "Learning rate α (log axis, {} to {}) against Adam's ε (log axis) on a synthetic dev-error surface. \
                 A {}×{} grid tries {} distinct α and reaches a best dev error of {:.4}; {} random points try {} distinct α and reach {:.4}. \
                 Coarse to fine over {} rounds ends at {:.4}.{}",
                self.alpha.low, self.alpha.high, self.n, self.n, distinct(&ga), g, n2, distinct(&ra), r, self.rounds.len(), last, study
            ),
            Lang::Ko => format!(
                "합성 개발 세트 오차 위에서 학습률 α(로그 축, {} ~ {})와 Adam의 ε(로그 축). \
                 {}×{} 격자는 서로 다른 α {}개를 시도해 최선 오차 {:.4}, 무작위 {}개는 서로 다른 α {}개로 {:.4}에 도달합니다. \
                 정밀화 접근 {}라운드의 최선은 {:.4}입니다.{}",
                self.alpha.low, self.alpha.high, self.n, self.n, distinct(&ga), g, n2, distinct(&ra), r, self.rounds.len(), last, study
            ),
        }
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        // the figure's data is prepared outside the generic function: one copy in the wasm, not one per backend
        draw_search(root, &self.chart_data(theme), theme)
    }
}

impl SearchView {
    /// What the figure shows, in the words of `theme.lang`.
    fn chart_data(&self, theme: &Theme) -> SearchChartData {
        let to_xy = |t: &Trial| {
            (
                self.alpha.a + (self.alpha.b - self.alpha.a) * t.u,
                self.eps.a + (self.eps.b - self.eps.a) * t.v,
            )
        };
        let lang = theme.lang;
        let pts = |trials: &[Trial], k: usize| trials.iter().map(|t| (to_xy(t).0, to_xy(t).1, k)).collect::<Vec<_>>();
        let ga: Vec<f64> = self.grid.iter().map(|t| t.u).collect();
        let ra: Vec<f64> = self.random.iter().map(|t| t.u).collect();
        let mut panels = vec![
            BoxPanel {
                title: format!(
                    "{}×{} {} · {} α · {} {:.3}",
                    self.n,
                    self.n,
                    lang.pick("grid", "격자"),
                    distinct(&ga),
                    lang.pick("best", "최선"),
                    Self::best_error(&self.grid)
                ),
                points: pts(&self.grid, 0),
                best: best(&self.grid).map(|t| to_xy(&t)),
                ..BoxPanel::default()
            },
            BoxPanel {
                title: format!(
                    "{} {} · {} α · {} {:.3}",
                    self.n * self.n,
                    lang.pick("random", "무작위"),
                    distinct(&ra),
                    lang.pick("best", "최선"),
                    Self::best_error(&self.random)
                ),
                points: pts(&self.random, 1),
                best: best(&self.random).map(|t| to_xy(&t)),
                ..BoxPanel::default()
            },
        ];
        let mut c2f = BoxPanel {
            title: format!("{} ({})", lang.pick("coarse → fine", "정밀화 접근"), self.rounds.len()),
            ..BoxPanel::default()
        };
        let all: Vec<Trial> = self.rounds.iter().flat_map(|r| r.trials.iter().copied()).collect();
        for (i, r) in self.rounds.iter().enumerate() {
            // colours 2.. so rounds never reuse the grid's and random's colours
            let k = 2 + i;
            let (a, c) = to_xy(&Trial {
                u: r.region.u0,
                v: r.region.v0,
                error: 0.0,
            });
            let (b, d) = to_xy(&Trial {
                u: r.region.u1,
                v: r.region.v1,
                error: 0.0,
            });
            c2f.boxes.push((a, b, c, d, k));
            c2f.points.extend(pts(&r.trials, k));
        }
        c2f.best = best(&all).map(|t| to_xy(&t));
        panels.push(c2f);
        let study = self.study.as_ref().map(|s| {
            let edges = Self::study_edges(s);
            StudyPanel {
                grid_counts: histogram(&s.grid_best, &edges),
                random_counts: histogram(&s.random_best, &edges),
                edges,
                threshold: s.top5_threshold,
                curve: Self::curve(s.budget),
                budget: s.budget as f64,
                hits: (s.grid_hit_rate, s.random_hit_rate),
                titles: (
                    format!(
                        "{} ({} ×)",
                        lang.pick("best dev error found", "찾은 최선 오차"),
                        s.grid_best.len()
                    ),
                    lang.pick("P(top 5%) = 1 − 0.95ⁿ", "P(상위 5%) = 1 − 0.95ⁿ").to_string(),
                ),
                words: (
                    lang.pick("grid", "격자").to_string(),
                    lang.pick("random", "무작위").to_string(),
                    lang.pick("- - top 5%", "- - 상위 5%").to_string(),
                ),
            }
        });
        SearchChartData {
            x_range: (self.alpha.a, self.alpha.b),
            y_range: (self.eps.a, self.eps.b),
            x_desc: lang.pick("α (log)", "α (로그)").to_string(),
            y_desc: lang.pick("Adam ε (log)", "Adam ε (로그)").to_string(),
            heat: self.heat.clone(),
            panels,
            study,
        }
    }
}
