//! The words of `view=tuning`'s figure and text alternative, one table per language. Sentences
//! with numbers in them are functions, so each language orders its own words; every number goes
//! through [`crate::core::math::format`] (`1.2 × 10⁻⁵`, never `0` for a small rate).
use crate::chart::Lang;
use crate::core::lab::tuning::LogRange;
use crate::core::math::format::{decade, pct, short};

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
    /// Scatter panel, the colour bar's title (two lines).
    pub val_acc: &'static str,
    /// Scatter panel, beside the cross of a diverged trial.
    pub diverged: &'static str,
    /// Best panel heading: trials drawn, the best `k` asked for, and the round.
    pub best_head: fn(shown: usize, k: usize, round: usize) -> String,
    /// A small multiple's first line: trial index and validation accuracy.
    pub trial_title: fn(index: usize, val: f64) -> String,
    /// A small multiple's second line: learning rate and weight decay.
    pub trial_detail: fn(lr: f64, weight_decay: f64) -> String,
    /// The text alternative's first sentences.
    pub search: fn(&Facts) -> String,
    /// The best trial so far: index, lr, weight decay, validation accuracy.
    pub best_so_far: fn(index: usize, lr: f64, weight_decay: f64, val: f64) -> String,
    /// Successive halving: eta, rungs, epochs planned and of the full search.
    pub halving: fn(eta: usize, rungs: usize, planned: usize, full: usize) -> String,
}

/// `10^x` for a log10 end `x`: `10⁻⁶` for a whole exponent, else the value (`3.16 × 10⁻⁶`).
fn power(x: f64) -> String {
    if x == x.round() && x.abs() < 400.0 {
        decade(x as i64)
    } else {
        short(10f64.powf(x))
    }
}

/// A log10 range's two ends as values.
fn ends(r: LogRange) -> (String, String) {
    (power(r[0]), power(r[1]))
}

/// The share of the full search's epochs saved.
fn saved(planned: usize, full: usize) -> String {
    pct(1.0 - planned as f64 / full.max(1) as f64)
}

/// The same in both languages: a number and a share.
fn trial_title(index: usize, val: f64) -> String {
    format!("#{index} · {}", pct(val))
}

/// The same in both languages: symbols and numbers only.
fn trial_detail(lr: f64, weight_decay: f64) -> String {
    format!("lr {} · λ {}", short(lr), short(weight_decay))
}

/// English.
pub static EN: Words = Words {
    curves_title: |round, best| format!("Round {round}: validation accuracy of every trial (best {best} in colour)"),
    epoch: "epoch",
    validation_accuracy: "validation accuracy",
    scatter_title: |round| format!("Round {round}: trials by validation accuracy"),
    learning_rate_log: "learning rate lr (log scale)",
    weight_decay_log: "weight decay λ (log scale)",
    val_acc: "validation\naccuracy",
    diverged: "diverged",
    best_head: |shown, k, round| {
        let which = if shown < k {
            format!("best {shown} of {k}")
        } else {
            format!("best {shown}")
        };
        format!("Round {round}, {which}: training accuracy dashed, validation solid")
    },
    trial_title,
    trial_detail,
    search: |f| {
        let (lr0, lr1) = ends(f.lr);
        let (wd0, wd1) = ends(f.weight_decay);
        format!(
            "Random search, round {}: {} trials, learning rate from {lr0} to {lr1} and weight decay from {wd0} to \
             {wd1} (log scale), a {}-layer ReLU network on {} digits ({} held out), SGD, {} epochs each. Epochs \
             done {}/{}; {} trials finished, {} diverged.",
            f.round,
            f.trials,
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
            " Best so far: trial {index} (learning rate {}, weight decay {}) with validation accuracy {}.",
            short(lr),
            short(wd),
            pct(val)
        )
    },
    halving: |eta, rungs, planned, full| {
        format!(
            " Successive halving (η {eta}): {rungs} rungs, {planned} epochs planned instead of {full} for the full \
             search ({} saved).",
            saved(planned, full)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    curves_title: |round, best| format!("{round}라운드: 모든 시도의 검증 정확도 (색: 상위 {best})"),
    epoch: "에포크",
    validation_accuracy: "검증 정확도",
    scatter_title: |round| format!("{round}라운드: 검증 정확도별 시도"),
    learning_rate_log: "학습률 lr (로그 척도)",
    weight_decay_log: "가중치 감소 λ (로그 척도)",
    val_acc: "검증\n정확도",
    diverged: "발산",
    best_head: |shown, k, round| {
        let which = if shown < k {
            format!("상위 {k}개 중 {shown}개")
        } else {
            format!("상위 {shown}개")
        };
        format!("{round}라운드 {which}: 훈련 정확도 점선, 검증 정확도 실선")
    },
    trial_title,
    trial_detail,
    search: |f| {
        let (lr0, lr1) = ends(f.lr);
        let (wd0, wd1) = ends(f.weight_decay);
        format!(
            "무작위 탐색 {}라운드: 시도 {}번, 학습률 {lr0}~{lr1}, 가중치 감소 {wd0}~{wd1} (로그 척도), 숫자 {}개({} \
             검증용)로 {}층 ReLU 신경망을 SGD로 각 {} 에포크 학습. 진행 {}/{} 에포크; 시도 {}개 완료, {}개 발산.",
            f.round,
            f.trials,
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
            " 지금까지 가장 좋은 시도: {index}번(학습률 {}, 가중치 감소 {}), 검증 정확도 {}.",
            short(lr),
            short(wd),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_powers_of_ten_and_rates_in_the_one_formatter() {
        assert_eq!(ends([-6.0, -2.0]), ("10⁻⁶".to_string(), "10⁻²".to_string()));
        assert_eq!(power(-5.5), "3.16 × 10⁻⁶");
        assert_eq!(power(0.0), "1");
        assert_eq!(trial_detail(1.234e-6, 5e-8), "lr 1.23 × 10⁻⁶ · λ 5 × 10⁻⁸");
        assert_eq!(trial_title(7, 0.8123), "#7 · 81%");
    }
}
