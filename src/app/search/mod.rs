//! `view=search`: grid vs random search and coarse to fine over a 2-D box (seeds 000, 002):
//! learning rate alpha (important, log axis) against Adam's epsilon (barely matters, log axis) on
//! a synthetic dev-error surface; an `n x n` grid beside `n^2` random points with their distinct
//! values per axis and best dev error; coarse-to-fine rounds; and, with `study=1`, the repeated
//! study (best-found error per strategy over `repeats` runs) with the `1 - 0.95^n` curve.
//! Caps (from the core): grid side 10 (100 trials), 6 rounds of at most 200 points, 2,000
//! repeats. Parameters and their mapping to the core: [`params`]; words: [`text`].
use super::params::{Notice, ParamSet, ParamSpec};
use super::{csv_table, read_only, Area, Stage, View, ViewEntry};
use crate::chart::scale::Pointer;
use crate::chart::search::{draw_search, search_layout, trial_at, BoxPanel, SearchChartData, StudyPanel};
use crate::chart::{ChartError, Lang, Theme};
use crate::core::lab::search::{best, grid, random, surface_grid, Round, Surface, Trial, UnitBox};
use crate::core::lab::search_study::{hit_chance, median, StudyResult};
use crate::core::math::rng::seeded;
use crate::core::sampling::{distinct, histogram, Axis};
use serde_json::json;

mod params;
mod text;
use text::{words, StudySummary, Summary};

/// Parameters of `view=search` (see [`params`]).
pub const PARAMS: &[ParamSpec] = params::PARAMS;

/// The registry entry.
pub const ENTRY: ViewEntry = ViewEntry {
    id: "search",
    stage: Stage::Tuning,
    params: PARAMS,
    // `readout` {x, y, width, height}: the trial under the pointer (its values and dev error)
    commands: &[read_only("readout")],
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
    /// Computes the view from validated parameters: both strategies, coarse to fine and, when
    /// asked for, the study.
    pub fn build(params: &ParamSet) -> Result<Self, Vec<Notice>> {
        let surface: Surface = params.pick("surface");
        let alpha = params::log_axis(params, "alpha_low", "alpha_high")?;
        let eps = params::log_axis(params, "eps_low", "eps_high")?;
        let n = params.int("n") as usize;
        let seed = params.int("seed") as u64;
        // one stream per part, so changing the rounds does not move the random panel's points
        let random_pts = random(surface, n * n, &UnitBox::FULL, &mut seeded(seed));
        let rounds = params::coarse_to_fine(params)
            .run(surface, &mut seeded(seed.wrapping_add(1)))
            .map_err(params::coarse_to_fine_refused)?;
        let study = match params::study(params, surface) {
            Some(config) => Some(
                config
                    .run(&mut seeded(seed.wrapping_add(2)))
                    .map_err(params::study_refused)?,
            ),
            None => None,
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
        let row = |label: serde_json::Value, trials: &[Trial]| {
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
        // row labels are the page's words: {"id": "grid" | "random" | "round", "arg": n, n², round}
        let label = |id: &str, arg: usize| json!({"id": id, "arg": arg});
        let mut rows = vec![
            row(label("grid", self.n), &self.grid),
            row(label("random", self.n * self.n), &self.random),
        ];
        for (i, r) in self.rounds.iter().enumerate() {
            rows.push(row(label("round", i + 1), &r.trials));
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
            "tables": [{
                "id": "strategies",
                "columns": ["strategy", "trials", "distinct_alpha", "distinct_epsilon", "best_error"],
                "rows": rows,
            }],
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
        let w = words(lang);
        let alphas = |trials: &[Trial]| -> Vec<f64> { trials.iter().map(|t| self.alpha.from_unit(t.u)).collect() };
        let study = self.study.as_ref().map_or(String::new(), |s| {
            (w.study)(&StudySummary {
                repeats: s.grid_best.len(),
                budget: s.budget,
                random_wins: s.random_wins,
                random_hit: s.random_hit_rate,
                expected: hit_chance(s.budget),
                grid_hit: s.grid_hit_rate,
            })
        });
        (w.describe)(&Summary {
            alpha: (self.alpha.low, self.alpha.high),
            n: self.n,
            grid_distinct: distinct(&alphas(&self.grid)),
            grid_best: Self::best_error(&self.grid),
            random_distinct: distinct(&alphas(&self.random)),
            random_best: Self::best_error(&self.random),
            rounds: self.rounds.len(),
            last_best: self.rounds.last().map_or(f64::NAN, |x| Self::best_error(&x.trials)),
            study: &study,
        })
    }

    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError> {
        // the figure's data is prepared outside the generic function: one copy in the wasm, not one per backend
        draw_search(root, &self.chart_data(theme), theme)
    }

    fn height_for(&self, width: f64) -> f64 {
        search_layout(&self.chart_data(&Theme::default()), width).2
    }

    fn query(&self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        let pointer = Pointer::parse(arg).ok_or_else(|| Notice::rejected(name, "expected {x, y, width, height}"))?;
        let data = self.chart_data(&Theme::default());
        let Some((panel, i)) = trial_at(&data, pointer.size(), pointer.at(), READOUT_REACH) else {
            return Ok(serde_json::Value::Null);
        };
        let (strategy, round, trial) = match panel {
            0 => ("grid", 0, self.grid.get(i)),
            1 => ("random", 0, self.random.get(i)),
            _ => {
                let mut rest = i;
                let mut found = (0, None);
                for (r, round) in self.rounds.iter().enumerate() {
                    if rest < round.trials.len() {
                        found = (r + 1, round.trials.get(rest));
                        break;
                    }
                    rest -= round.trials.len();
                }
                ("coarse_to_fine", found.0, found.1)
            }
        };
        Ok(trial.map_or(serde_json::Value::Null, |t| {
            let mut out = self.point(t);
            out["strategy"] = json!(strategy);
            out["round"] = json!(round);
            out
        }))
    }
}

/// How near (CSS pixels) the pointer must be to a trial for the readout to name it.
const READOUT_REACH: f64 = 10.0;

impl SearchView {
    /// What the figure shows, in the words of `theme.lang` ([`text`]).
    fn chart_data(&self, theme: &Theme) -> SearchChartData {
        let to_xy = |t: &Trial| {
            (
                self.alpha.a + (self.alpha.b - self.alpha.a) * t.u,
                self.eps.a + (self.eps.b - self.eps.a) * t.v,
            )
        };
        let w = words(theme.lang);
        let pts = |trials: &[Trial], k: usize| trials.iter().map(|t| (to_xy(t).0, to_xy(t).1, k)).collect::<Vec<_>>();
        let ga: Vec<f64> = self.grid.iter().map(|t| t.u).collect();
        let ra: Vec<f64> = self.random.iter().map(|t| t.u).collect();
        let mut panels = vec![
            BoxPanel {
                title: (w.grid_title)(self.n, distinct(&ga), Self::best_error(&self.grid)),
                points: pts(&self.grid, 0),
                best: best(&self.grid).map(|t| to_xy(&t)),
                ..BoxPanel::default()
            },
            BoxPanel {
                title: (w.random_title)(self.n * self.n, distinct(&ra), Self::best_error(&self.random)),
                points: pts(&self.random, 1),
                best: best(&self.random).map(|t| to_xy(&t)),
                ..BoxPanel::default()
            },
        ];
        let mut c2f = BoxPanel {
            title: (w.coarse_title)(self.rounds.len()),
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
                titles: ((w.study_title)(s.grid_best.len()), w.hit_title.to_string()),
                words: (w.grid.to_string(), w.random.to_string(), w.threshold.to_string()),
            }
        });
        SearchChartData {
            x_range: (self.alpha.a, self.alpha.b),
            y_range: (self.eps.a, self.eps.b),
            x_desc: w.x_desc.to_string(),
            y_desc: w.y_desc.to_string(),
            heat: self.heat.clone(),
            panels,
            study,
        }
    }
}
