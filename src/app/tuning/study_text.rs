//! The words of a results file shown in `view=tuning` (a study run by Optuna, Ray Tune or the lab
//! itself, brought back as a CSV), one table per language; the axes and the small multiples'
//! labels are the view's own ([`super::text`]). Every number goes through
//! [`crate::core::math::format`].
use crate::chart::Lang;
use crate::core::lab::tuning::results::Source;
use crate::core::math::format::{pct, short};

/// What the text alternative says of a results file.
pub struct StudyFacts<'a> {
    /// Who wrote it.
    pub source: Source,
    /// Its trials.
    pub trials: usize,
    /// Those the engine pruned.
    pub pruned: usize,
    /// Its best trial as the engine picks it: name, lr, weight decay, validation accuracy.
    pub best: Option<(&'a str, f64, f64, f64)>,
}

/// Every word a results file's figures and text alternative add.
pub struct StudyWords {
    /// The engine's name.
    pub source: fn(Source) -> &'static str,
    /// Scatter title: engine, trials, pruned (ringed).
    pub scatter_title: fn(&str, usize, usize) -> String,
    /// Curves title: engine, best in colour; `false`: the file has no per-epoch curves.
    pub curves_title: fn(&str, usize, bool) -> String,
    /// Best panel heading: engine, shown, asked for.
    pub best_head: fn(&str, usize, usize) -> String,
    /// The text alternative.
    pub describe: fn(&StudyFacts) -> String,
}

fn source_en(s: Source) -> &'static str {
    match s {
        Source::Lab => "This lab's search",
        Source::Optuna => "Optuna study",
        Source::RayTune => "Ray Tune run",
    }
}

fn source_ko(s: Source) -> &'static str {
    match s {
        Source::Lab => "이 실험실의 탐색",
        Source::Optuna => "Optuna 연구",
        Source::RayTune => "Ray Tune 실행",
    }
}

/// English.
pub static EN: StudyWords = StudyWords {
    source: source_en,
    scatter_title: |s, n, pruned| {
        if pruned > 0 {
            format!("{s}: {n} trials by validation accuracy, {pruned} pruned (ringed)")
        } else {
            format!("{s}: {n} trials by validation accuracy")
        }
    },
    curves_title: |s, best, curves| {
        if curves {
            format!("{s}: validation accuracy of every trial (best {best} in colour)")
        } else {
            format!("{s}: the file has no per-epoch curves")
        }
    },
    best_head: |s, shown, k| {
        let which = if shown < k { format!("best {shown} of {k}") } else { format!("best {shown}") };
        format!("{s}, {which}: training accuracy dashed, validation solid")
    },
    describe: |f| {
        let mut out = format!(
            "Results loaded from a file: {}, {} trials, {} of them pruned.",
            source_en(f.source),
            f.trials,
            f.pruned
        );
        if let Some((name, lr, wd, val)) = f.best {
            out.push_str(&format!(
                " Its best trial: {name} (learning rate {}, weight decay {}) with validation accuracy {}.",
                short(lr),
                short(wd),
                pct(val)
            ));
        }
        out
    },
};

/// Korean.
pub static KO: StudyWords = StudyWords {
    source: source_ko,
    scatter_title: |s, n, pruned| {
        if pruned > 0 {
            format!("{s}: 검증 정확도별 시도 {n}개, 가지치기 {pruned}개(고리 표시)")
        } else {
            format!("{s}: 검증 정확도별 시도 {n}개")
        }
    },
    curves_title: |s, best, curves| {
        if curves {
            format!("{s}: 모든 시도의 검증 정확도 (색: 상위 {best})")
        } else {
            format!("{s}: 이 파일에는 에포크별 곡선이 없음")
        }
    },
    best_head: |s, shown, k| {
        let which = if shown < k { format!("상위 {k}개 중 {shown}개") } else { format!("상위 {shown}개") };
        format!("{s} {which}: 훈련 정확도 점선, 검증 정확도 실선")
    },
    describe: |f| {
        let mut out = format!(
            "파일에서 불러온 결과: {}, 시도 {}개, 그중 가지치기 {}개.",
            source_ko(f.source),
            f.trials,
            f.pruned
        );
        if let Some((name, lr, wd, val)) = f.best {
            out.push_str(&format!(
                " 가장 좋은 시도: {name}(학습률 {}, 가중치 감소 {}), 검증 정확도 {}.",
                short(lr),
                short(wd),
                pct(val)
            ));
        }
        out
    },
};

/// The table of `lang`.
pub fn study_words(lang: Lang) -> &'static StudyWords {
    lang.pick(&EN, &KO)
}
