//! The words of `view=search`'s figure and text alternative, one table per language. Sentences
//! with numbers in them are functions over plain structs, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::pct;

/// Every word `view=search` draws or says.
pub struct Words {
    /// x-axis title (alpha on a log axis).
    pub x_desc: &'static str,
    /// y-axis title (Adam's epsilon on a log axis).
    pub y_desc: &'static str,
    /// The grid panel's title from its side, distinct alphas and best dev error.
    pub grid_title: fn(n: usize, distinct: usize, best: f64) -> String,
    /// The random panel's title from its count, distinct alphas and best dev error.
    pub random_title: fn(count: usize, distinct: usize, best: f64) -> String,
    /// The coarse-to-fine panel's title from its rounds.
    pub coarse_title: fn(rounds: usize) -> String,
    /// The study histogram's title from its repeats.
    pub study_title: fn(repeats: usize) -> String,
    /// The hit-chance panel's title.
    pub hit_title: &'static str,
    /// The grid strategy, in the study's legend.
    pub grid: &'static str,
    /// The random strategy, in the study's legend.
    pub random: &'static str,
    /// The dashed top-5% threshold, in the study's legend.
    pub threshold: &'static str,
    /// The text alternative.
    pub describe: fn(&Summary) -> String,
    /// The study's sentence of the text alternative.
    pub study: fn(&StudySummary) -> String,
}

/// What the text alternative says.
pub struct Summary<'a> {
    /// The alpha range.
    pub alpha: (f64, f64),
    /// Grid side.
    pub n: usize,
    /// Distinct alphas of the grid.
    pub grid_distinct: usize,
    /// Best dev error of the grid.
    pub grid_best: f64,
    /// Distinct alphas of random search (its `n^2` points).
    pub random_distinct: usize,
    /// Best dev error of random search.
    pub random_best: f64,
    /// Rounds of coarse to fine.
    pub rounds: usize,
    /// Best dev error of coarse to fine's last round.
    pub last_best: f64,
    /// The study's sentence, or nothing.
    pub study: &'a str,
}

/// What the study's sentence says.
pub struct StudySummary {
    /// Repeats.
    pub repeats: usize,
    /// Budget per strategy and repeat.
    pub budget: usize,
    /// Share of repeats random search beat the grid.
    pub random_wins: f64,
    /// Share of repeats random search hit the top 5%.
    pub random_hit: f64,
    /// `1 - 0.95^budget`.
    pub expected: f64,
    /// Share of repeats the grid hit the top 5%.
    pub grid_hit: f64,
}

/// English.
pub static EN: Words = Words {
    x_desc: "α (log)",
    y_desc: "Adam ε (log)",
    grid_title: |n, d, best| format!("{n}×{n} grid · {d} α · best {best:.3}"),
    random_title: |c, d, best| format!("{c} random · {d} α · best {best:.3}"),
    coarse_title: |r| format!("coarse → fine ({r})"),
    study_title: |r| format!("best dev error found ({r} ×)"),
    hit_title: "P(top 5%) = 1 − 0.95ⁿ",
    grid: "grid",
    random: "random",
    threshold: "- - top 5%",
    describe: |s| {
        format!(
            "Learning rate α (log axis, {} to {}) against Adam's ε (log axis) on a synthetic dev-error surface. \
             A {n}×{n} grid tries {} distinct α and reaches a best dev error of {:.4}; {} random points try {} distinct α and reach {:.4}. \
             Coarse to fine over {} rounds ends at {:.4}.{}",
            s.alpha.0,
            s.alpha.1,
            s.grid_distinct,
            s.grid_best,
            s.n * s.n,
            s.random_distinct,
            s.random_best,
            s.rounds,
            s.last_best,
            s.study,
            n = s.n,
        )
    },
    study: |s| {
        format!(
            " Over {} repeats, random search beat the grid {} of the time; its best landed in the top 5% in {} of repeats (1 − 0.95^{} = {}), the grid's in {}.",
            s.repeats,
            pct(s.random_wins),
            pct(s.random_hit),
            s.budget,
            pct(s.expected),
            pct(s.grid_hit)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    x_desc: "α (로그)",
    y_desc: "Adam ε (로그)",
    grid_title: |n, d, best| format!("{n}×{n} 격자 · {d} α · 최선 {best:.3}"),
    random_title: |c, d, best| format!("{c} 무작위 · {d} α · 최선 {best:.3}"),
    coarse_title: |r| format!("정밀화 접근 ({r})"),
    study_title: |r| format!("찾은 최선 오차 ({r} ×)"),
    hit_title: "P(상위 5%) = 1 − 0.95ⁿ",
    grid: "격자",
    random: "무작위",
    threshold: "- - 상위 5%",
    describe: |s| {
        format!(
            "합성 개발 세트 오차 위에서 학습률 α(로그 축, {} ~ {})와 Adam의 ε(로그 축). \
             {n}×{n} 격자는 서로 다른 α {}개를 시도해 최선 오차 {:.4}, 무작위 {}개는 서로 다른 α {}개로 {:.4}에 도달합니다. \
             정밀화 접근 {}라운드의 최선은 {:.4}입니다.{}",
            s.alpha.0,
            s.alpha.1,
            s.grid_distinct,
            s.grid_best,
            s.n * s.n,
            s.random_distinct,
            s.random_best,
            s.rounds,
            s.last_best,
            s.study,
            n = s.n,
        )
    },
    study: |s| {
        format!(
            " {}번 반복하면 무작위 탐색이 격자보다 나은 경우가 {}이고, 최선값이 상위 5%에 든 비율은 무작위 {}(1 − 0.95^{} = {}), 격자 {}입니다.",
            s.repeats,
            pct(s.random_wins),
            pct(s.random_hit),
            s.budget,
            pct(s.expected),
            pct(s.grid_hit)
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
