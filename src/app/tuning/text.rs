//! The words of `view=tuning`'s figure and text alternative, one table per language. Sentences
//! with numbers in them are functions, so each language orders its own words.
use crate::app::params::format_float;
use crate::chart::Lang;
use crate::core::lab::tuning::LogRange;
use crate::core::math::format::pct;

/// What the text alternative's first sentences say of the search shown.
pub struct Facts {
    /// The round, from 1.
    pub round: usize,
    /// Trials per round.
    pub trials: usize,
    /// The round's log10 learning-rate range.
    pub lr: LogRange,
    /// The round's log10 weight-decay range.
    pub weight_decay: LogRange,
    /// Hidden layers.
    pub layers: usize,
    /// Digits used.
    pub samples: usize,
    /// Share held out.
    pub val_fraction: f64,
    /// Epochs of a full trial.
    pub epochs: usize,
    /// Epochs of the round's schedule done and in all.
    pub progress: (usize, usize),
    /// Trials of the round with a result.
    pub finished: usize,
    /// Of those, the diverged ones.
    pub diverged: usize,
}

/// Every word `view=tuning` draws or says.
pub struct Words {
    /// Curves panel title: the round (from 1) and how many best trials are in colour.
    pub curves_title: fn(round: usize, best: usize) -> String,
    /// Curves panel, x axis.
    pub epoch: &'static str,
    /// Curves panel, y axis.
    pub validation_accuracy: &'static str,
    /// Scatter panel title from the round.
    pub scatter_title: fn(round: usize) -> String,
    /// Scatter panel, x axis.
    pub learning_rate_log: &'static str,
    /// Scatter panel, y axis.
    pub weight_decay_log: &'static str,
    /// Scatter panel, the colour bar.
    pub val_acc: &'static str,
    /// Best panel heading: trials shown and the round.
    pub best_head: fn(shown: usize, round: usize) -> String,
    /// A trial's label (small multiples): index, validation accuracy, lr, weight decay.
    pub trial_label: fn(index: usize, val: f64, lr: f64, weight_decay: f64) -> String,
    /// The text alternative's first sentences.
    pub search: fn(&Facts) -> String,
    /// The best trial so far: index, lr, weight decay, validation accuracy.
    pub best_so_far: fn(index: usize, lr: f64, weight_decay: f64, val: f64) -> String,
    /// Successive halving: eta, rungs, epochs planned and of the full search.
    pub halving: fn(eta: usize, rungs: usize, planned: usize, full: usize) -> String,
}

/// A log10 range as `1e-6 .. 1e-2`.
fn decades(r: LogRange) -> String {
    format!("1e{} .. 1e{}", format_float(r[0]), format_float(r[1]))
}

/// The share of the full search's epochs saved.
fn saved(planned: usize, full: usize) -> String {
    pct(1.0 - planned as f64 / full.max(1) as f64)
}

/// The same in both languages: names and numbers only.
fn trial_label(index: usize, val: f64, lr: f64, weight_decay: f64) -> String {
    format!("#{index} {} lr {lr:.0e} wd {weight_decay:.0e}", pct(val))
}

/// English.
pub static EN: Words = Words {
    curves_title: |round, best| format!("validation accuracy of every trial (round {round}; best in colour: {best})"),
    epoch: "epoch",
    validation_accuracy: "validation accuracy",
    scatter_title: |round| format!("trials by validation accuracy (round {round})"),
    learning_rate_log: "learning rate (log)",
    weight_decay_log: "weight decay (log)",
    val_acc: "val acc",
    best_head: |shown, round| format!("best {shown} (round {round}): training accuracy dashed, validation solid"),
    trial_label,
    search: |f| {
        format!(
            "Random search, round {}: {} trials, learning rate in {} and weight decay in {} (log scale), a {}-layer \
             ReLU network on {} digits ({} held out), SGD, {} epochs each. Epochs done {}/{}; {} trials finished, {} \
             diverged.",
            f.round,
            f.trials,
            decades(f.lr),
            decades(f.weight_decay),
            f.layers,
            f.samples,
            pct(f.val_fraction),
            f.epochs,
            f.progress.0,
            f.progress.1,
            f.finished,
            f.diverged
        )
    },
    best_so_far: |index, lr, wd, val| {
        format!(
            " Best so far: trial {index} (lr {lr:.2e}, weight decay {wd:.2e}) with validation accuracy {}.",
            pct(val)
        )
    },
    halving: |eta, rungs, planned, full| {
        format!(
            " Successive halving (eta {eta}): {rungs} rungs, {planned} epochs planned instead of {full} for the full \
             search ({} saved).",
            saved(planned, full)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    curves_title: |round, best| format!("모든 시도의 검증 정확도 (라운드 {round}; 색: 상위 {best})"),
    epoch: "에포크",
    validation_accuracy: "검증 정확도",
    scatter_title: |round| format!("검증 정확도별 시도 (라운드 {round})"),
    learning_rate_log: "학습률(로그)",
    weight_decay_log: "가중치 감소(로그)",
    val_acc: "검증 정확도",
    best_head: |shown, round| format!("상위 {shown} (라운드 {round}): 훈련 정확도 점선, 검증 정확도 실선"),
    trial_label,
    search: |f| {
        format!(
            "무작위 탐색 {}라운드: 시도 {}번, 학습률 {}, 가중치 감소 {} (로그 척도), 숫자 {}개({} 검증용)로 {}층 ReLU \
             신경망을 SGD로 각 {} 에포크 학습. 진행 {}/{} 에포크; 시도 {}개 완료, {}개 발산.",
            f.round,
            f.trials,
            decades(f.lr),
            decades(f.weight_decay),
            f.samples,
            pct(f.val_fraction),
            f.layers,
            f.epochs,
            f.progress.0,
            f.progress.1,
            f.finished,
            f.diverged
        )
    },
    best_so_far: |index, lr, wd, val| {
        format!(
            " 지금까지 가장 좋은 시도: {index}번(학습률 {lr:.2e}, 가중치 감소 {wd:.2e}), 검증 정확도 {}.",
            pct(val)
        )
    },
    halving: |eta, rungs, planned, full| {
        format!(
            " 연속 절반 줄이기(η {eta}): 단계 {rungs}개, 전체 탐색의 {full} 에포크 대신 {planned} 에포크({} 절약).",
            saved(planned, full)
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
