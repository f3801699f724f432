//! The words of `view=learning`'s figure and text alternative, one table per language. Sentences
//! with numbers are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::lab::learning::InitScheme;
use crate::core::math::format::short;

/// What [`Words::summary`] says of the study.
pub struct Facts {
    /// Iterations of a run.
    pub iterations: usize,
    /// Rows per mini-batch.
    pub batch: usize,
    /// Hidden layers.
    pub layers: usize,
    /// Units per hidden layer.
    pub units: usize,
    /// Iterations done and in all, over the runs shown.
    pub progress: (usize, usize),
}

/// Every word `view=learning` draws or says.
pub struct Words {
    /// Title of the optimizer panel.
    pub by_optimizer: &'static str,
    /// Title of the initialisation panel, from its activation's name.
    pub by_init: fn(activation: &str) -> String,
    /// The name of an initialisation in the legend and the text.
    pub init_name: fn(InitScheme) -> &'static str,
    /// x-axis title.
    pub iteration: &'static str,
    /// y-axis title on a log axis.
    pub loss_log: &'static str,
    /// y-axis title on a linear axis.
    pub loss: &'static str,
    /// Legend: the thin lines.
    pub raw: &'static str,
    /// Legend: the thick lines.
    pub smoothed: &'static str,
    /// The dashed line at `ln 10`.
    pub reference: &'static str,
    /// The first sentence of the text alternative.
    pub summary: fn(&Facts) -> String,
    /// The optimizers' last smoothed losses (already worded `name value` pairs) and the slowest.
    pub optimizers: fn(pairs: &str, slowest: &str) -> String,
    /// The initialisations' last smoothed losses and `ln 10`.
    pub inits: fn(pairs: &str, activation: &str) -> String,
    /// What DLFS reports on MNIST.
    pub dlfs: &'static str,
}

/// A run's end label and text: its name and last smoothed loss.
pub fn pair(name: &str, loss: f64) -> String {
    format!("{name} {}", short(loss))
}

/// English.
pub static EN: Words = Words {
    by_optimizer: "By optimizer (ReLU, He weights)",
    by_init: |act| format!("By initialisation ({act}, SGD)"),
    init_name: |s| match s {
        InitScheme::Std001 => "std 0.01",
        InitScheme::Xavier => "Xavier",
        InitScheme::He => "He",
    },
    iteration: "iteration",
    loss_log: "loss (log scale)",
    loss: "loss",
    raw: "loss of each mini-batch",
    smoothed: "smoothed",
    reference: "ln 10: guessing",
    summary: |f| {
        format!(
            "Learning curves on the 1,797 digits: {} hidden layers of {} units, mini-batches of {}, {} iterations per run ({} of {} done).",
            f.layers, f.units, f.batch, f.iterations, f.progress.0, f.progress.1
        )
    },
    optimizers: |pairs, slowest| {
        format!(" Same weights, same mini-batches; last smoothed loss: {pairs}. The slowest is {slowest}.")
    },
    inits: |pairs, act| {
        format!(" SGD from three initialisations ({act}); last smoothed loss: {pairs} (ln 10 = 2.303 is a network that has learnt nothing).")
    },
    dlfs: " DLFS reports on MNIST: SGD is the slowest and the other three are close, AdaGrad a little ahead; std 0.01 does not learn at all, Xavier and He do, He faster.",
};

/// Korean.
pub static KO: Words = Words {
    by_optimizer: "옵티마이저별 (ReLU, He 초깃값)",
    by_init: |act| format!("초깃값별 ({act}, SGD)"),
    init_name: |s| match s {
        InitScheme::Std001 => "표준편차 0.01",
        InitScheme::Xavier => "Xavier",
        InitScheme::He => "He",
    },
    iteration: "반복",
    loss_log: "손실 (로그 눈금)",
    loss: "손실",
    raw: "미니배치별 손실",
    smoothed: "평활한 손실",
    reference: "ln 10: 무작위 추측",
    summary: |f| {
        format!(
            "숫자 1,797개의 학습 곡선: 은닉층 {}개 × 유닛 {}개, 미니배치 {}, 실행마다 {}회 반복 ({} / {} 완료).",
            f.layers, f.units, f.batch, f.iterations, f.progress.0, f.progress.1
        )
    },
    optimizers: |pairs, slowest| {
        format!(" 같은 초깃값, 같은 미니배치; 마지막 평활 손실: {pairs}. 가장 느린 것은 {slowest}입니다.")
    },
    inits: |pairs, act| {
        format!(" 세 가지 초깃값에서 SGD ({act}); 마지막 평활 손실: {pairs} (ln 10 = 2.303은 아무것도 배우지 못한 신경망입니다).")
    },
    dlfs: " DLFS는 MNIST에서 이렇게 보고합니다: SGD가 가장 느리고 나머지 셋은 비슷하며 AdaGrad가 조금 빠릅니다; 표준편차 0.01은 전혀 학습하지 못하고 Xavier와 He는 학습하며 He가 더 빠릅니다.",
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
