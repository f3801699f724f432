//! The words of `view=batchnorm`'s `layer` panel (batch norm against layer norm over batch sizes)
//! and its text alternative, one table per language (a file beside [`super::text`], which holds
//! the other four panels' words, so neither passes 450 lines).
use crate::chart::Lang;
use crate::core::math::format::{pct, short};

/// What the panel's text alternative says.
#[derive(Clone, Copy, Debug)]
pub struct LayerSummary<'a> {
    /// Training digits.
    pub samples: usize,
    /// Epochs per run.
    pub epochs: usize,
    /// Final test accuracy with batch norm at batch 1 (NaN before it is done).
    pub bn_1: f64,
    /// The same with layer norm.
    pub ln_1: f64,
    /// Final test accuracy with batch norm at batch 128.
    pub bn_128: f64,
    /// The same with layer norm.
    pub ln_128: f64,
    /// Runs done, as `done/total`.
    pub done: &'a str,
}

/// Every word the `layer` panel draws or says.
pub struct LayerWords {
    /// Title of the accuracy plot: the epochs.
    pub accuracy_title: fn(epochs: usize) -> String,
    /// Title of the statistics plot: the probed unit (from 1).
    pub stats_title: fn(unit: usize) -> String,
    /// x-axis title of both plots.
    pub batch_axis: &'static str,
    /// The batch-norm line.
    pub bn: &'static str,
    /// The layer-norm line.
    pub ln: &'static str,
    /// Batch norm's spread of the batch means over the population's standard deviation.
    pub mean_spread: &'static str,
    /// Batch norm's mean batch variance over the population's variance.
    pub var_ratio: &'static str,
    /// Layer norm's per-example variance of `x_hat`.
    pub ln_var: &'static str,
    /// Text alternative.
    pub describe: fn(&LayerSummary) -> String,
}

fn pct_or(v: f64, none: &str) -> String {
    if v.is_finite() {
        pct(v)
    } else {
        none.to_string()
    }
}

/// English.
pub static EN: LayerWords = LayerWords {
    accuracy_title: |epochs| format!("Test accuracy after {epochs} epochs"),
    stats_title: |unit| format!("Unit {unit} of layer 1: batch statistics / population's"),
    batch_axis: "rows per mini-batch",
    bn: "batch norm",
    ln: "layer norm",
    mean_spread: "BN: sd(μ_B) / σ",
    var_ratio: "BN: mean σ_B² / σ²",
    ln_var: "LN: var(x̂) per example",
    describe: |s| {
        format!(
            "Batch norm against layer norm on {} training digits, {} epochs per run, for mini-batches of 1 to 128 rows \
             ({} runs done). With one row per batch, batch norm's batch mean is the example itself, so every unit \
             normalises to 0 and outputs β: the network cannot learn, and its running variance is 0 at test time. \
             Test accuracy at batch 1: batch norm {}, layer norm {}; at batch 128: batch norm {}, layer norm {}. \
             Layer norm normalises each example over the layer's units, so its statistics are the same in any batch \
             and at test time.",
            short(s.samples as f64),
            s.epochs,
            s.done,
            pct_or(s.bn_1, "not yet"),
            pct_or(s.ln_1, "not yet"),
            pct_or(s.bn_128, "not yet"),
            pct_or(s.ln_128, "not yet"),
        )
    },
};

/// Korean.
pub static KO: LayerWords = LayerWords {
    accuracy_title: |epochs| format!("{epochs} 에폭 뒤 테스트 정확도"),
    stats_title: |unit| format!("1층 유닛 {unit}: 배치 통계 / 모집단 통계"),
    batch_axis: "미니 배치의 행 수",
    bn: "배치 정규화",
    ln: "층 정규화",
    mean_spread: "BN: sd(μ_B) / σ",
    var_ratio: "BN: 평균 σ_B² / σ²",
    ln_var: "LN: 예제별 var(x̂)",
    describe: |s| {
        format!(
            "훈련 숫자 {}개, 실행마다 {} 에폭으로 배치 크기 1에서 128까지 배치 정규화와 층 정규화를 비교합니다 \
             (실행 {} 완료). 배치에 행이 하나뿐이면 배치 평균이 곧 그 예제이므로 모든 유닛이 0으로 정규화되어 \
             β만 출력합니다: 신경망은 배우지 못하고, 테스트 때의 이동 분산도 0입니다. \
             배치 1의 테스트 정확도: 배치 정규화 {}, 층 정규화 {}; 배치 128: 배치 정규화 {}, 층 정규화 {}. \
             층 정규화는 예제마다 그 층의 유닛들에 걸쳐 정규화하므로, 통계가 어떤 배치에서도, 테스트 때에도 같습니다.",
            short(s.samples as f64),
            s.epochs,
            s.done,
            pct_or(s.bn_1, "아직"),
            pct_or(s.ln_1, "아직"),
            pct_or(s.bn_128, "아직"),
            pct_or(s.ln_128, "아직"),
        )
    },
};

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static LayerWords {
    lang.pick(&EN, &KO)
}
