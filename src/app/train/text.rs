//! The words of `view=train`'s figure and text alternative, one table per language: panel
//! titles, curve labels, the marks on the curves (panda changes, divergence, early stop,
//! restored checkpoints: structured values from the core, worded here at drawing time), the
//! fit states and remedies of the diagnosis, and the sentences of `describe()`. Sentences with
//! numbers are functions of [`Facts`], so each language orders its own words; [`describe`] and
//! [`mark`] are written once over the table.
use crate::chart::Lang;
use crate::core::diagnosis::{FitState, Remedy};
use crate::core::lab::train::{Change, MarkKind, RunStatus};
use crate::core::math::format::short;

/// What the text alternative says, already as numbers and words.
pub struct Facts<'a> {
    /// Layer widths joined by `-` (`2-8-8-1`).
    pub sizes: String,
    /// Parameters of the network.
    pub params: usize,
    /// Rows: train, dev, test.
    pub rows: (usize, usize, usize),
    /// The optimizer's display name.
    pub optimizer: &'static str,
    /// The learning rate, formatted.
    pub lr: String,
    /// Rows per mini-batch.
    pub batch: usize,
    /// Finished epochs, target epochs, steps.
    pub progress: (u64, usize, u64),
    /// Train error of the last evaluated epoch, formatted (`–` before any).
    pub train_error: String,
    /// Dev error, formatted; `None` without a dev set.
    pub dev_error: Option<String>,
    /// The Bayes error, formatted.
    pub bayes: String,
    /// The fit state, worded (`–` when there is none).
    pub state: &'a str,
    /// The remedies, worded and joined (empty for none).
    pub remedies: String,
    /// What the left panel shows, worded.
    pub figure: &'a str,
}

/// The names of the settings a panda change marks.
pub struct Settings {
    /// The update rule.
    pub optimizer: &'static str,
    /// The learning rate.
    pub lr: &'static str,
    /// Momentum / Adam's beta1.
    pub beta1: &'static str,
    /// RMSprop's / Adam's beta2.
    pub beta2: &'static str,
    /// The schedule's formula.
    pub schedule: &'static str,
    /// The schedule's decay rate.
    pub decay: &'static str,
    /// L2 lambda.
    pub lambda: &'static str,
    /// L1 lambda.
    pub l1: &'static str,
    /// Dropout's keep probability.
    pub keep_prob: &'static str,
    /// Early stopping's patience.
    pub patience: &'static str,
}

/// The words of the network diagram.
pub struct DiagramWords {
    /// The inputs' column.
    pub inputs: &'static str,
    /// The digits' input node: the 8 x 8 pixels.
    pub pixels: &'static str,
    /// A hidden layer's column: its number (from 1) and units.
    pub hidden: fn(layer: usize, units: usize) -> String,
    /// The output's column.
    pub output: &'static str,
    /// A focused unit's readout title: layer (from 1), unit (from 1), whether it is an output.
    pub unit: fn(layer: usize, unit: usize, output: bool) -> String,
    /// The readout's histogram.
    pub histogram: &'static str,
    /// The readout's weights.
    pub incoming: &'static str,
    /// The note when units are left out: drawn and total units of the widest layer.
    pub shown: fn(drawn: usize, total: usize) -> String,
    /// The readout's place while no unit is focused: how to focus one.
    pub hint: &'static str,
    /// The sentence of the text alternative on the diagram.
    pub describe: &'static str,
    /// The readout in words for the page (under the figure): the unit's title, its incoming
    /// weights `source weight` joined, and its activation's smallest, mean and largest value.
    pub readout: fn(title: &str, weights: &str, range: (String, String, String)) -> String,
}

/// Every word `view=train` draws or says.
pub struct Words {
    /// The network diagram.
    pub diagram: DiagramWords,
    /// Left panel, 2-D data.
    pub boundary_title: &'static str,
    /// Left panel, more inputs: the confusion matrix.
    pub confusion_title: &'static str,
    /// Under the confusion matrix: the misclassified digits.
    pub mistakes_title: &'static str,
    /// The rows a confusion matrix counts: dev, or train without dev rows.
    pub dev_set: &'static str,
    /// See `dev_set`.
    pub train_set: &'static str,
    /// Upper right panel.
    pub cost_title: &'static str,
    /// Lower right panel.
    pub error_title: &'static str,
    /// Curve labels.
    pub train: &'static str,
    /// See `train`.
    pub dev: &'static str,
    /// The Bayes error's line.
    pub bayes: &'static str,
    /// x-axis title.
    pub epoch: &'static str,
    /// Names of the settings a panda change marks.
    pub settings: Settings,
    /// The mark of a diverged run.
    pub diverged: &'static str,
    /// The mark of an early stop that put back epoch `epoch`.
    pub early_stop: fn(epoch: u64) -> String,
    /// The mark of a restored checkpoint.
    pub restored: fn(checkpoint: usize) -> String,
    /// The four fit states, with a dev set.
    pub state: fn(FitState) -> &'static str,
    /// Without a dev set only the bias is known: [`FitState::Good`] says no high avoidable bias.
    pub no_high_bias: &'static str,
    /// A remedy.
    pub remedy: fn(Remedy) -> &'static str,
    /// What the left panel shows for 2-D data: the boundary.
    pub figure_boundary: &'static str,
    /// What the left panel shows for more inputs: the confusion matrix.
    pub figure_confusion: &'static str,
    /// The first sentence: network, rows, optimizer, what is drawn.
    pub run: fn(&Facts) -> String,
    /// The run's progress and errors (says so when there is no dev set).
    pub progress: fn(&Facts) -> String,
    /// The diagnosis (says so when it has the train error only).
    pub diagnosis: fn(&Facts) -> String,
    /// Inputs standardised with the training statistics.
    pub inputs_standardised: &'static str,
    /// Inputs as given.
    pub inputs_raw: &'static str,
    /// The run diverged.
    pub diverged_status: &'static str,
    /// Early stopping ended the run.
    pub early_stopped_status: &'static str,
    /// The weight histogram ([`super::text_weights`]).
    pub weights: &'static super::text_weights::WeightWords,
}

/// English.
pub static EN: Words = Words {
    diagram: DiagramWords {
        inputs: "inputs",
        pixels: "8×8 pixels",
        hidden: |l, n| format!("hidden {l} · {n}"),
        output: "output",
        unit: |l, u, out| {
            if out {
                format!("output unit {u}")
            } else {
                format!("layer {l} · unit {u}")
            }
        },
        histogram: "activation over the training rows",
        incoming: "strongest incoming weights",
        shown: |d, t| format!("{d} of {t} units per layer shown, with the strongest weights between them."),
        hint: "Point at a unit, or tab to it, for its activation histogram and incoming weights.",
        describe: " The network diagram draws each unit's activation over the input plane (2-D data) or the first \
                   layer's weights as 8×8 images (digits), and the weights as lines: vermillion positive, blue \
                   negative, wider for larger magnitudes.",
        readout: |title, w, (lo, mean, hi)| {
            format!("{title}: incoming weights {w}. Activation over the training rows from {lo} to {hi}, mean {mean}.")
        },
    },
    boundary_title: "decision boundary",
    confusion_title: "confusion matrix: true × predicted",
    mistakes_title: "misclassified (true→predicted)",
    dev_set: "dev",
    train_set: "train",
    cost_title: "cost per epoch (faint: each mini-batch)",
    error_title: "error rate",
    train: "train",
    dev: "dev",
    bayes: "Bayes",
    epoch: "epoch",
    settings: Settings {
        optimizer: "optimizer",
        lr: "lr",
        beta1: "β1",
        beta2: "β2",
        schedule: "schedule",
        decay: "decay",
        lambda: "λ",
        l1: "λ₁",
        keep_prob: "keep_prob",
        patience: "patience",
    },
    diverged: "diverged",
    early_stop: |e| format!("early stop: epoch {e} restored"),
    restored: |id| format!("restored checkpoint {id}"),
    state: |s| match s {
        FitState::HighBias => "high bias (underfitting)",
        FitState::HighVariance => "high variance (overfitting)",
        FitState::HighBiasAndVariance => "high bias and high variance",
        FitState::Good => "neither high bias nor high variance",
    },
    no_high_bias: "no high avoidable bias",
    remedy: |r| match r {
        Remedy::BiggerNetwork => "a bigger network",
        Remedy::TrainLonger => "train longer or a better optimizer",
        Remedy::OtherArchitecture => "another architecture",
        Remedy::MoreData => "more data",
        Remedy::Regularisation => "regularisation (L2, dropout, early stopping)",
    },
    figure_boundary: "decision boundary over the 2-D points",
    figure_confusion: "dev confusion matrix",
    run: |f| {
        let (tr, dv, te) = f.rows;
        format!(
            "Training a {} network ({} parameters) on {} rows ({tr} train, {dv} dev, {te} test) with {} (lr {}), \
             mini-batches of {}; {}, and train/dev cost and error per epoch.",
            f.sizes,
            f.params,
            tr + dv + te,
            f.optimizer,
            f.lr,
            f.batch,
            f.figure
        )
    },
    progress: |f| {
        let (e, total, step) = f.progress;
        match &f.dev_error {
            Some(dv) => format!(" Epoch {e} of {total}, step {step}: train error {}, dev error {dv}.", f.train_error),
            None => format!(
                " Epoch {e} of {total}, step {step}: train error {}; there is no dev set (dev share 0), so no dev error.",
                f.train_error
            ),
        }
    },
    diagnosis: |f| {
        let remedies = if f.remedies.is_empty() {
            String::new()
        } else {
            format!("; try {}", f.remedies)
        };
        match f.dev_error {
            Some(_) => format!(
                " Diagnosis against a Bayes error of {}: {}{remedies}.",
                f.bayes, f.state
            ),
            None => format!(
                " Diagnosis from the train error alone against a Bayes error of {} (without a dev set the variance \
                 is not measured): {}{remedies}.",
                f.bayes, f.state
            ),
        }
    },
    inputs_standardised: " Inputs standardised with the training rows' mean and standard deviation.",
    inputs_raw: " Inputs not normalised (each feature keeps its own scale).",
    diverged_status: " The run diverged (the cost became infinite): lower the learning rate and reset.",
    early_stopped_status: " Early stopping ended the run and put back the best dev epoch.",
    weights: &super::text_weights::EN,
};

/// Korean.
pub static KO: Words = Words {
    diagram: DiagramWords {
        inputs: "입력",
        pixels: "8×8 화소",
        hidden: |l, n| format!("은닉층 {l} · {n}"),
        output: "출력",
        unit: |l, u, out| {
            if out {
                format!("출력 유닛 {u}")
            } else {
                format!("층 {l} · 유닛 {u}")
            }
        },
        histogram: "훈련 행에서의 활성값",
        incoming: "들어오는 가장 큰 가중치",
        shown: |d, t| format!("층마다 유닛 {t}개 중 {d}개와 그 사이의 가장 큰 가중치만 그렸습니다."),
        hint: "유닛을 가리키거나 탭 키로 옮겨 가면 활성값 히스토그램과 들어오는 가중치가 보입니다.",
        describe:
            " 신경망 그림은 유닛마다 입력 평면 위의 활성값(2차원 데이터) 또는 첫 층의 가중치를 8×8 그림(숫자)으로, \
                   가중치는 선으로 그립니다: 주홍은 양수, 파랑은 음수, 크기가 클수록 굵게.",
        readout: |title, w, (lo, mean, hi)| {
            format!("{title}: 들어오는 가중치 {w}. 훈련 행에서의 활성값은 {lo}부터 {hi}까지, 평균 {mean}.")
        },
    },
    boundary_title: "결정 경계",
    confusion_title: "혼동 행렬: 실제 × 예측",
    mistakes_title: "잘못 분류된 예(실제→예측)",
    dev_set: "dev",
    train_set: "훈련",
    cost_title: "에포크별 비용(옅은 선: 미니배치마다)",
    error_title: "오차율",
    train: "훈련",
    dev: "dev",
    bayes: "베이즈",
    epoch: "에포크",
    settings: Settings {
        optimizer: "최적화",
        lr: "학습률",
        beta1: "β1",
        beta2: "β2",
        schedule: "감쇠 방식",
        decay: "감쇠율",
        lambda: "λ",
        l1: "λ₁",
        keep_prob: "keep_prob",
        patience: "인내",
    },
    diverged: "발산",
    early_stop: |e| format!("조기 종료: 에포크 {e} 복원"),
    restored: |id| format!("체크포인트 {id} 복원"),
    state: |s| match s {
        FitState::HighBias => "높은 편향(과소적합)",
        FitState::HighVariance => "높은 분산(과대적합)",
        FitState::HighBiasAndVariance => "높은 편향과 높은 분산",
        FitState::Good => "편향도 분산도 높지 않음",
    },
    no_high_bias: "회피 가능 편향이 높지 않음",
    remedy: |r| match r {
        Remedy::BiggerNetwork => "더 큰 신경망",
        Remedy::TrainLonger => "더 오래 학습하거나 더 나은 최적화 알고리즘",
        Remedy::OtherArchitecture => "다른 신경망 구조",
        Remedy::MoreData => "더 많은 데이터",
        Remedy::Regularisation => "정규화(L2, 드롭아웃, 조기 종료)",
    },
    figure_boundary: "2차원 점 위의 결정 경계",
    figure_confusion: "dev 혼동 행렬",
    run: |f| {
        let (tr, dv, te) = f.rows;
        format!(
            "{} 신경망(매개변수 {}개)을 {}행(훈련 {tr}, dev {dv}, 테스트 {te})으로 {}(학습률 {}), 미니배치 {}로 학습합니다; \
             {}, 그리고 에포크별 훈련/dev 비용과 오차.",
            f.sizes,
            f.params,
            tr + dv + te,
            f.optimizer,
            f.lr,
            f.batch,
            f.figure
        )
    },
    progress: |f| {
        let (e, total, step) = f.progress;
        match &f.dev_error {
            Some(dv) => format!(
                " 에포크 {e}/{total}, 스텝 {step}: 훈련 오차 {}, dev 오차 {dv}.",
                f.train_error
            ),
            None => format!(
                " 에포크 {e}/{total}, 스텝 {step}: 훈련 오차 {}; dev 세트가 없어(dev 비율 0) dev 오차도 없습니다.",
                f.train_error
            ),
        }
    },
    diagnosis: |f| {
        let remedies = if f.remedies.is_empty() {
            String::new()
        } else {
            format!("; 해 볼 것: {}", f.remedies)
        };
        match f.dev_error {
            Some(_) => format!(" 베이즈 오차 {} 기준 진단: {}{remedies}.", f.bayes, f.state),
            None => format!(
                " 훈련 오차만으로 한 베이즈 오차 {} 기준 진단(dev 세트가 없어 분산은 재지 못함): {}{remedies}.",
                f.bayes, f.state
            ),
        }
    },
    inputs_standardised: " 입력은 훈련 행의 평균과 표준편차로 표준화했습니다.",
    inputs_raw: " 입력을 정규화하지 않았습니다(특성마다 자기 스케일).",
    diverged_status: " 학습이 발산했습니다(비용이 무한대): 학습률을 낮추고 초기화하세요.",
    early_stopped_status: " 조기 종료로 학습을 멈추고 dev 비용이 가장 낮았던 에포크의 가중치를 되돌렸습니다.",
    weights: &super::text_weights::KO,
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}

/// A mark on the curves, worded: `lr 0.01 → 0.002`, `diverged`, `restored checkpoint 2`.
pub fn mark(w: &Words, kind: &MarkKind) -> String {
    let n = &w.settings;
    let change = |name: &str, a: String, b: String| format!("{name} {a} → {b}");
    match *kind {
        MarkKind::Changed(c) => match c {
            Change::Optimizer(a, b) => change(n.optimizer, a.id().into(), b.id().into()),
            Change::Lr(a, b) => change(n.lr, short(a), short(b)),
            Change::Beta1(a, b) => change(n.beta1, short(a), short(b)),
            Change::Beta2(a, b) => change(n.beta2, short(a), short(b)),
            Change::Schedule(a, b) => change(n.schedule, a.id().into(), b.id().into()),
            Change::Decay(a, b) => change(n.decay, short(a), short(b)),
            Change::Lambda(a, b) => change(n.lambda, short(a), short(b)),
            Change::L1(a, b) => change(n.l1, short(a), short(b)),
            Change::KeepProb(a, b) => change(n.keep_prob, short(a), short(b)),
            Change::Patience(a, b) => change(n.patience, a.to_string(), b.to_string()),
        },
        MarkKind::Diverged => w.diverged.to_string(),
        MarkKind::EarlyStopped { epoch } => (w.early_stop)(epoch),
        MarkKind::Restored { checkpoint } => (w.restored)(checkpoint),
    }
}

/// The text alternative, from the facts of the run, its inputs and its status.
pub fn describe(w: &Words, f: &Facts, normalised: bool, status: RunStatus) -> String {
    let status = match status {
        RunStatus::Diverged => w.diverged_status,
        RunStatus::EarlyStopped => w.early_stopped_status,
        RunStatus::Running | RunStatus::Done => "",
    };
    let inputs = if normalised {
        w.inputs_standardised
    } else {
        w.inputs_raw
    };
    format!(
        "{}{}{}{}{inputs}{status}",
        (w.run)(f),
        (w.progress)(f),
        (w.diagnosis)(f),
        w.diagram.describe
    )
}
