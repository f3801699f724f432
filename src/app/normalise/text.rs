//! The words of `view=normalise`'s figure and text alternative, one table per language.
//! Sentences with numbers are functions, so each language orders its own words; numbers go
//! through [`short`].
use crate::chart::Lang;
use crate::core::lab::normalise::Transform;
use crate::core::math::format::short;

/// One space's numbers, for the panel note and the text alternative.
pub struct Bowl {
    /// Condition number.
    pub kappa: f64,
    /// `2 / lambda_max`.
    pub lr_max: f64,
    /// The path's last cost above the minimum.
    pub excess: f64,
    /// The start's cost above the minimum.
    pub start_excess: f64,
    /// Where the path diverged, if it did.
    pub diverged: Option<usize>,
}

/// Every word `view=normalise` draws or says.
pub struct Words {
    /// Weight axes.
    pub w: [&'static str; 2],
    /// Feature axes.
    pub x: [&'static str; 2],
    /// The raw space's title.
    pub raw: &'static str,
    /// The transformed space's title.
    pub transformed: fn(Transform) -> &'static str,
    /// Short names of the spaces (legend of the cost panel).
    pub raw_short: &'static str,
    /// See `raw_short`.
    pub transformed_short: fn(Transform) -> &'static str,
    /// A contour panel's note: the condition number and the largest stable rate.
    pub note: fn(kappa: f64, lr_max: f64) -> String,
    /// Its shorter form.
    pub note_short: fn(kappa: f64, lr_max: f64) -> String,
    /// The data panels' titles.
    pub raw_data: &'static str,
    /// See `raw_data`.
    pub transformed_data: fn(Transform) -> &'static str,
    /// The transformed data panel's shorter title.
    pub transformed_data_short: &'static str,
    /// The cost panel's title, and a shorter form.
    pub cost_title: [&'static str; 2],
    /// Its x axis.
    pub step: &'static str,
    /// Legend: training rows.
    pub train: &'static str,
    /// Legend: test rows.
    pub test: &'static str,
    /// The text alternative from the numbers.
    pub describe: fn(&Describe) -> String,
}

/// What the text alternative says.
pub struct Describe<'a> {
    /// Raw, then transformed.
    pub bowls: [Bowl; 2],
    /// Learning rate.
    pub lr: f64,
    /// Steps.
    pub steps: usize,
    /// Start.
    pub start: [f64; 2],
    /// The training mu and sigma of each feature.
    pub mu: [f64; 2],
    /// See `mu`.
    pub sigma: [f64; 2],
    /// The transformed test set's means and standard deviations.
    pub test_mean: [f64; 2],
    /// See `test_mean`.
    pub test_sd: [f64; 2],
    /// The names of the spaces (already worded).
    pub names: [&'a str; 2],
    /// Whether the transform is the full standardisation (mean 0 and variance 1 on train).
    pub standardised: bool,
}

fn pair(v: [f64; 2]) -> String {
    format!("({}, {})", short(v[0]), short(v[1]))
}

fn en_outcome(b: &Bowl) -> String {
    match b.diverged {
        Some(t) => format!("diverges at step {t}"),
        None => format!("ends {} above the minimum (it started {} above)", short(b.excess), short(b.start_excess)),
    }
}

fn ko_outcome(b: &Bowl) -> String {
    match b.diverged {
        Some(t) => format!("{t}단계에서 발산합니다"),
        None => format!("최솟값보다 {} 높은 곳에서 끝납니다(시작은 {} 높았습니다)", short(b.excess), short(b.start_excess)),
    }
}

/// English.
pub static EN: Words = Words {
    w: ["w₁", "w₂"],
    x: ["x₁", "x₂"],
    raw: "Raw features",
    transformed: |t| match t {
        Transform::Standardise => "Standardised (x − μ)/σ",
        Transform::Centre => "Centred x − μ",
        Transform::Scale => "Scaled x/σ",
    },
    raw_short: "raw",
    transformed_short: |t| match t {
        Transform::Standardise => "standardised",
        Transform::Centre => "centred",
        Transform::Scale => "scaled",
    },
    note: |k, lr| format!("κ = {} · largest stable α = 2/λmax = {}", short(k), short(lr)),
    note_short: |k, lr| format!("κ = {} · 2/λmax = {}", short(k), short(lr)),
    raw_data: "Raw data",
    transformed_data: |t| match t {
        Transform::Standardise => "Standardised with the train μ, σ",
        Transform::Centre => "Centred with the train μ",
        Transform::Scale => "Scaled with the train σ",
    },
    transformed_data_short: "Transformed data",
    cost_title: ["Cost above its minimum, J − J*", "J − J* per step"],
    step: "step",
    train: "train",
    test: "test (train μ, σ)",
    describe: |d| {
        let [r, t] = &d.bowls;
        format!(
            "Contour lines of the training cost over (w₁, w₂) for the raw features (condition number {}, largest stable learning rate 2/λmax = {}) \
             and the {} features ({}, {}). Gradient descent with learning rate {} from {} for {} steps: on the raw features it {}; on the {} features it {}. \
             The test set is transformed with the training statistics μ = {} and σ = {}, so its means become {} and its standard deviations {}{}",
            short(r.kappa), short(r.lr_max), d.names[1], short(t.kappa), short(t.lr_max), short(d.lr), pair(d.start), d.steps,
            en_outcome(r), d.names[1], en_outcome(t), pair(d.mu), pair(d.sigma), pair(d.test_mean), pair(d.test_sd),
            if d.standardised { ", near but not exactly 0 and 1." } else { "." }
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    w: ["w₁", "w₂"],
    x: ["x₁", "x₂"],
    raw: "원래 특성",
    transformed: |t| match t {
        Transform::Standardise => "표준화 (x − μ)/σ",
        Transform::Centre => "평균 빼기 x − μ",
        Transform::Scale => "분산 정규화 x/σ",
    },
    raw_short: "원래 특성",
    transformed_short: |t| match t {
        Transform::Standardise => "표준화",
        Transform::Centre => "평균 빼기",
        Transform::Scale => "분산 정규화",
    },
    note: |k, lr| format!("κ = {} · 수렴하는 가장 큰 α = 2/λmax = {}", short(k), short(lr)),
    note_short: |k, lr| format!("κ = {} · 2/λmax = {}", short(k), short(lr)),
    raw_data: "원래 데이터",
    transformed_data: |t| match t {
        Transform::Standardise => "훈련 세트의 μ, σ로 표준화",
        Transform::Centre => "훈련 세트의 μ를 뺌",
        Transform::Scale => "훈련 세트의 σ로 나눔",
    },
    transformed_data_short: "변환한 데이터",
    cost_title: ["최솟값 위의 비용 J − J*", "단계별 J − J*"],
    step: "단계",
    train: "훈련",
    test: "테스트 (훈련 μ, σ)",
    describe: |d| {
        let [r, t] = &d.bowls;
        format!(
            "원래 특성(조건수 {}, 수렴하는 가장 큰 학습률 2/λmax = {})과 {} 특성({}, {})에서 본 (w₁, w₂) 위 훈련 비용의 등고선입니다. \
             학습률 {}로 {}에서 {}단계 경사 하강: 원래 특성에서는 {}. {} 특성에서는 {}. \
             테스트 세트는 훈련 세트의 통계량 μ = {}, σ = {}로 변환하므로, 평균은 {}, 표준편차는 {}가 됩니다{}",
            short(r.kappa), short(r.lr_max), d.names[1], short(t.kappa), short(t.lr_max), short(d.lr), pair(d.start), d.steps,
            ko_outcome(r), d.names[1], ko_outcome(t), pair(d.mu), pair(d.sigma), pair(d.test_mean), pair(d.test_sd),
            if d.standardised { ". 0과 1에 가깝지만 정확히 같지는 않습니다." } else { "." }
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
