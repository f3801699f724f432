//! The words of `view=optima`'s figure and text alternative, one table per language. Sentences
//! with numbers are functions, so each language orders its own words. Optimizer names (SGD is
//! written GD here: the gradient is exact), the symbols α, μ, d and the formulas are the same in
//! both.
use crate::chart::Lang;
use crate::core::lab::optima::FlatKind;
use crate::core::math::format::short;
use crate::core::optim::OptimizerKind;

/// One optimizer's outcome for the text alternative.
pub struct Outcome {
    /// The optimizer.
    pub kind: OptimizerKind,
    /// Its learning rate.
    pub lr: f64,
    /// The step it left the flat ground, if it did.
    pub escape: Option<usize>,
    /// Steps before it left whose loss was within 10% of the flat level.
    pub flat: usize,
    /// Where it diverged, if it did.
    pub diverged: Option<usize>,
}

/// What the text alternative says.
pub struct Describe<'a> {
    /// The surface.
    pub kind: FlatKind,
    /// Start.
    pub start: [f64; 2],
    /// Steps.
    pub steps: usize,
    /// Momentum's mu.
    pub mu: f64,
    /// The three optimizers.
    pub outcomes: &'a [Outcome],
    /// Draws done and planned.
    pub draws: (usize, usize),
    /// Measured GOE and independent-sign shares at d = 1, 2, 3 (fewer when d_max is smaller).
    pub goe: &'a [f64],
    /// See `goe`.
    pub signs: &'a [f64],
    /// The largest dimension with a GOE minimum among the draws (0: none).
    pub last_goe: usize,
}

/// Every word `view=optima` draws or says.
pub struct Words {
    /// An optimizer's name.
    pub name: fn(OptimizerKind) -> &'static str,
    /// An optimizer's legend label from its name, lr, mu and escape step.
    pub label: fn(&str, f64, Option<f64>, Option<usize>) -> String,
    /// The share panel's title and a shorter form.
    pub share: [&'static str; 2],
    /// Its note from the draws done and planned, and a shorter form.
    pub share_note: fn(usize, usize) -> [String; 2],
    /// The dimension axis.
    pub dimension: &'static str,
    /// Legend, long and short.
    pub legend: [[&'static str; 4]; 2],
    /// A surface's title and shorter form.
    pub surface: fn(FlatKind) -> [&'static str; 2],
    /// Its note: the escape level, and a shorter form.
    pub surface_note: fn(FlatKind, f64) -> [String; 2],
    /// The loss panel's title and a shorter form.
    pub loss: [&'static str; 2],
    /// Its note, and a shorter form.
    pub loss_note: [&'static str; 2],
    /// The step axis.
    pub step: &'static str,
    /// The surface's axes.
    pub axes: [&'static str; 2],
    /// The text alternative.
    pub describe: fn(&Describe) -> String,
}

fn shares(v: &[f64]) -> String {
    v.iter().map(|s| short(*s)).collect::<Vec<_>>().join(", ")
}

/// English.
pub static EN: Words = Words {
    name: |k| match k {
        OptimizerKind::Sgd => "GD",
        k => k.name(),
    },
    label: |name, lr, mu, escape| {
        let mu = mu.map(|m| format!(" μ={}", short(m))).unwrap_or_default();
        let when = escape.map_or_else(|| ": still flat".to_string(), |t| format!(": leaves at step {t}"));
        format!("{name} α={}{mu}{when}", short(lr))
    },
    share: ["Share of critical points that are minima", "Share that are minima"],
    share_note: |done, total| {
        [
            format!("all d curvatures must be positive · {done} of {total} Hessians drawn"),
            format!("{done} of {total} drawn"),
        ]
    },
    dimension: "dimension d",
    legend: [
        [
            "2⁻ᵈ: independent signs, exact",
            "independent signs, measured",
            "random symmetric (GOE), measured",
            "none found: 95% bound",
        ],
        ["2⁻ᵈ", "signs", "GOE", "bound"],
    ],
    surface: |k| match k {
        FlatKind::Plateau => ["Plateau: f = 1 − exp(−(x²/4 + y²)/2)", "Plateau"],
        FlatKind::Saddle => ["Saddle between two minima", "Saddle"],
    },
    surface_note: |k, level| match k {
        FlatKind::Plateau => [format!("flat at f ≈ 1; left once f < {}", short(level)), format!("left at f < {}", short(level))],
        FlatKind::Saddle => [
            format!("saddle (diamond) at f = 0.25; left once f < {}", short(level)),
            format!("left at f < {}", short(level)),
        ],
    },
    loss: ["Loss per step (log scale)", "Loss (log)"],
    loss_note: ["dashed: halfway down from the flat ground", "dashed: halfway down"],
    step: "step",
    axes: ["x", "y"],
    describe: |d| {
        let outcomes: Vec<String> = d
            .outcomes
            .iter()
            .map(|o| {
                let name = (EN.name)(o.kind);
                match (o.diverged, o.escape) {
                    (Some(t), _) => format!("{name} (α = {}) diverges at step {t}", short(o.lr)),
                    (None, Some(t)) => format!("{name} (α = {}) stays flat for {} steps and leaves at step {t}", short(o.lr), o.flat),
                    (None, None) => format!("{name} (α = {}) is still on the flat ground after {} steps", short(o.lr), d.steps),
                }
            })
            .collect();
        let surface = match d.kind {
            FlatKind::Plateau => "a plateau around one minimum",
            FlatKind::Saddle => "a saddle between two minima",
        };
        let last = if d.last_goe > 0 {
            format!("no random symmetric Hessian beyond d = {} was positive definite", d.last_goe)
        } else {
            "no random symmetric Hessian was positive definite yet".into()
        };
        format!(
            "Share of zero-gradient points that are minima: with independent signs of the curvatures it is exactly 2⁻ᵈ (measured {} at d = 1, 2, 3); \
             for random symmetric Hessians (GOE) it is measured {} at d = 1, 2, 3 and falls much faster; {last} ({} of {} draws). \
             On {surface}, from ({}, {}), momentum μ = {}: {}.",
            shares(d.signs), shares(d.goe), d.draws.0, d.draws.1, short(d.start[0]), short(d.start[1]), short(d.mu), outcomes.join("; ")
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    name: |k| match k {
        OptimizerKind::Sgd => "GD",
        k => k.name(),
    },
    label: |name, lr, mu, escape| {
        let mu = mu.map(|m| format!(" μ={}", short(m))).unwrap_or_default();
        let when = escape.map_or_else(|| ": 아직 평지".to_string(), |t| format!(": {t}단계에 벗어남"));
        format!("{name} α={}{mu}{when}", short(lr))
    },
    share: ["경사가 0인 점 가운데 극소점의 비율", "극소점의 비율"],
    share_note: |done, total| {
        [
            format!("d개 곡률이 모두 양수여야 함 · 헤세 행렬 {total}개 중 {done}개 뽑음"),
            format!("{total}개 중 {done}개"),
        ]
    },
    dimension: "차원 d",
    legend: [
        [
            "2⁻ᵈ: 독립인 부호, 정확한 값",
            "독립인 부호, 측정",
            "무작위 대칭 행렬, 측정",
            "하나도 없음: 95% 상한",
        ],
        ["2⁻ᵈ", "독립 부호", "대칭 행렬", "상한"],
    ],
    surface: |k| match k {
        FlatKind::Plateau => ["평지: f = 1 − exp(−(x²/4 + y²)/2)", "평지"],
        FlatKind::Saddle => ["두 극소점 사이의 안장점", "안장점"],
    },
    surface_note: |k, level| match k {
        FlatKind::Plateau => [
            format!("f ≈ 1에서 평평함 · f < {}이면 벗어남", short(level)),
            format!("f < {}이면 벗어남", short(level)),
        ],
        FlatKind::Saddle => [
            format!("안장점(마름모) f = 0.25 · f < {}이면 벗어남", short(level)),
            format!("f < {}이면 벗어남", short(level)),
        ],
    },
    loss: ["단계별 손실 (로그 척도)", "손실 (로그)"],
    loss_note: ["점선: 평지에서 최솟값까지의 절반", "점선: 절반 높이"],
    step: "단계",
    axes: ["x", "y"],
    describe: |d| {
        let outcomes: Vec<String> = d
            .outcomes
            .iter()
            .map(|o| {
                let name = (KO.name)(o.kind);
                match (o.diverged, o.escape) {
                    (Some(t), _) => format!("{name}(α = {})는 {t}단계에서 발산", short(o.lr)),
                    (None, Some(t)) => format!("{name}(α = {})는 {}단계 동안 평평하다가 {t}단계에 벗어남", short(o.lr), o.flat),
                    (None, None) => format!("{name}(α = {})는 {}단계 뒤에도 평지에 있음", short(o.lr), d.steps),
                }
            })
            .collect();
        let surface = match d.kind {
            FlatKind::Plateau => "극소점 하나를 둘러싼 평지",
            FlatKind::Saddle => "두 극소점 사이의 안장점",
        };
        let last = if d.last_goe > 0 {
            format!("d = {}보다 큰 무작위 대칭 헤세 행렬은 하나도 양의 정부호가 아니었습니다", d.last_goe)
        } else {
            "아직 양의 정부호인 무작위 대칭 헤세 행렬이 없습니다".into()
        };
        format!(
            "경사가 0인 점 가운데 극소점의 비율: 곡률의 부호가 서로 독립이면 정확히 2⁻ᵈ입니다(d = 1, 2, 3에서 측정값 {}). \
             무작위 대칭 헤세 행렬에서는 d = 1, 2, 3에서 {}로 훨씬 빨리 줄어듭니다. {last}({}개 중 {}개 뽑음). \
             {surface}에서 ({}, {})부터, 모멘텀 μ = {}: {}.",
            shares(d.signs), shares(d.goe), d.draws.1, d.draws.0, short(d.start[0]), short(d.start[1]), short(d.mu), outcomes.join("; ")
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
