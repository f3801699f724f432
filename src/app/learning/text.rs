//! The words of `view=learning`'s figure and text alternative, one table per language. Sentences
//! with numbers are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::data::augment::Augment;
use crate::core::lab::learning::InitScheme;
use crate::core::math::format::{pct, pct1, short};

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

/// What [`AugmentWords::summary`] says of the augmentation runs.
pub struct AugmentFacts {
    /// Epochs of a run.
    pub epochs: usize,
    /// Epochs done and in all, over the three runs.
    pub progress: (usize, usize),
}

/// Every word the augmentation panel (`compare=augment`) draws or says.
pub struct AugmentWords {
    /// The panel's title.
    pub title: &'static str,
    /// A shorter title for a phone.
    pub title_short: &'static str,
    /// The note under the title: what the line styles mean.
    pub note: &'static str,
    /// The same, shorter.
    pub note_short: &'static str,
    /// The name of an augmentation.
    pub name: fn(Augment) -> &'static str,
    /// x-axis title.
    pub epoch: &'static str,
    /// y-axis title.
    pub accuracy: &'static str,
    /// A run's legend entry: its name, and its last train and dev accuracy.
    pub entry: fn(name: &str, train: f64, dev: f64) -> String,
    /// The first sentence of the text alternative.
    pub summary: fn(&AugmentFacts) -> String,
    /// One run's result in the text alternative.
    pub result: fn(name: &str, train: f64, dev: f64) -> String,
    /// What the notes say of augmentation.
    pub notes: &'static str,
}

/// The gap in percentage points between two accuracies, as the legend writes it.
pub fn points(train: f64, dev: f64) -> String {
    short((100.0 * (train - dev) * 10.0).round() / 10.0)
}

/// English.
pub static AUGMENT_EN: AugmentWords = AugmentWords {
    title: "Augmenting 300 training digits (6 × 100 ReLU, He, SGD 0.01, batches of 100)",
    title_short: "Augmenting 300 training digits",
    note: "train accuracy solid, dev accuracy dashed; the legend gives the gap after the last epoch",
    note_short: "train solid, dev dashed",
    name: |a| match a {
        Augment::None => "none",
        Augment::Shift => "shift ±1 px",
        Augment::ShiftRotate => "shift ±1 px + rotate ±10°",
    },
    epoch: "epoch",
    accuracy: "accuracy",
    entry: |name, train, dev| format!("{name}: {} / {}, gap {} pts", pct(train), pct(dev), points(train, dev)),
    summary: |f| {
        format!(
            "DLFS's overfitting setup on the digits: 300 training digits, the other 1,497 as dev, 6 hidden layers of 100 ReLU units, SGD 0.01, batches of 100, {} epochs per run ({} of {} done), the training digits shifted and turned anew each epoch.",
            f.epochs, f.progress.0, f.progress.1
        )
    },
    result: |name, train, dev| {
        format!(" {name}: train {}, dev {}, gap {} points.", pct1(train), pct1(dev), points(train, dev))
    },
    notes: " The notes: augmentation makes new training examples from the old ones (flip, crop, rotate); it is not as good as new data, but it regularises: the network can no longer learn the 300 images by heart.",
};

/// Korean.
pub static AUGMENT_KO: AugmentWords = AugmentWords {
    title: "훈련 숫자 300개 증강 (ReLU 100 × 6, He, SGD 0.01, 미니배치 100)",
    title_short: "훈련 숫자 300개 증강",
    note: "실선은 훈련 정확도, 점선은 dev 정확도; 범례는 마지막 에포크의 차이",
    note_short: "실선 훈련, 점선 dev",
    name: |a| match a {
        Augment::None => "증강 없음",
        Augment::Shift => "이동 ±1픽셀",
        Augment::ShiftRotate => "이동 ±1픽셀 + 회전 ±10°",
    },
    epoch: "에포크",
    accuracy: "정확도",
    entry: |name, train, dev| format!("{name}: {} / {}, 차이 {}%p", pct(train), pct(dev), points(train, dev)),
    summary: |f| {
        format!(
            "숫자로 옮긴 DLFS의 과대적합 설정: 훈련 숫자 300개, 나머지 1,497개는 dev, ReLU 유닛 100개의 은닉층 6개, SGD 0.01, 미니배치 100, 실행마다 {} 에포크 ({} / {} 완료). 훈련 숫자는 에포크마다 새로 옮기고 돌립니다.",
            f.epochs, f.progress.0, f.progress.1
        )
    },
    result: |name, train, dev| {
        format!(" {name}: 훈련 {}, dev {}, 차이 {}%p.", pct1(train), pct1(dev), points(train, dev))
    },
    notes: " 노트: 데이터 증강은 기존 훈련 예제를 변형해 새 예제를 만듭니다(뒤집기, 잘라내기, 회전). 진짜 새 데이터만 못하지만 정규화 효과가 있습니다: 신경망이 300개 이미지를 더는 외울 수 없습니다.",
};

/// The augmentation words of `lang`.
pub fn augment_words(lang: Lang) -> &'static AugmentWords {
    lang.pick(&AUGMENT_EN, &AUGMENT_KO)
}
