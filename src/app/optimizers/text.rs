//! The words of `view=optimizers`' figure and text alternative, one table per language. Sentences
//! with numbers in them are functions, so each language orders its own words. Optimizer names
//! (SGD, Momentum, Adam, ...) and the symbols lr, μ, β are the same in both; numbers go through
//! the one screen formatter ([`short`]).
use crate::chart::Lang;
use crate::core::math::format::short;
use crate::core::surface::SurfaceKind;

/// Every word `view=optimizers` draws or says.
pub struct Words {
    /// x-axis title of the loss panel.
    pub step: &'static str,
    /// Title of the loss panel on a log scale.
    pub loss_log: &'static str,
    /// Title of the loss panel on a linear scale (the saddle has no minimum).
    pub loss_linear: &'static str,
    /// x-axis title of the schedule panel.
    pub epoch: &'static str,
    /// Title of the schedule panel.
    pub schedule: &'static str,
    /// The note after a diverged path's label, from the step it exploded at.
    pub diverged: fn(step: usize) -> String,
    /// One racer in the text alternative: it diverged at `step`.
    pub racer_diverged: fn(label: &str, step: usize) -> String,
    /// One racer in the text alternative: where it ends and its last loss.
    pub racer_ends: fn(label: &str, end: [f64; 2], loss: f64) -> String,
    /// The surface's minimum.
    pub minimum: fn(x: f64, y: f64) -> String,
    /// A surface's name.
    pub surface: fn(SurfaceKind) -> &'static str,
    /// The saddle's lack of one.
    pub no_minimum: &'static str,
    /// The DLFS form of momentum.
    pub form_dlfs: &'static str,
    /// The course's form of momentum.
    pub form_ng: &'static str,
    /// The text alternative from the surface id, its minimum, the racers, the start, the steps,
    /// the momentum form and the already worded racers.
    pub race: fn(&Race) -> String,
}

/// What the text alternative's sentence is made of, already worded where words are needed.
pub struct Race<'a> {
    /// The surface, named.
    pub surface: &'a str,
    /// Its minimum, worded.
    pub minimum: &'a str,
    /// How many optimizers race.
    pub racers: usize,
    /// The start point.
    pub start: [f64; 2],
    /// Steps.
    pub steps: usize,
    /// The momentum form, worded.
    pub form: &'a str,
    /// Each racer's outcome, worded and joined.
    pub outcomes: &'a str,
}

/// English.
pub static EN: Words = Words {
    step: "step",
    loss_log: "loss f − f_min (log scale)",
    loss_linear: "loss f",
    epoch: "epoch (= step)",
    schedule: "learning-rate schedule α/α₀",
    diverged: |t| format!("diverged at step {t}"),
    racer_diverged: |name, t| format!("{name} diverged at step {t}"),
    racer_ends: |name, p, loss| {
        format!(
            "{name} ends at ({}, {}) with loss {}",
            short(p[0]),
            short(p[1]),
            short(loss)
        )
    },
    minimum: |x, y| format!("minimum at ({}, {})", short(x), short(y)),
    surface: |kind| match kind {
        SurfaceKind::Bowl => "elongated bowl x²/20 + y²",
        SurfaceKind::Rotated => "rotated quadratic",
        SurfaceKind::Rosenbrock => "Rosenbrock banana valley",
        SurfaceKind::Saddle => "saddle (x² − y²)/20",
        SurfaceKind::Multimodal => "several minima",
    },
    no_minimum: "no minimum (a saddle at the origin)",
    form_dlfs: "DLFS form v = μv − lr·g, W += v",
    form_ng: "course form v = βv + (1−β)g, W −= lr·v",
    race: |r| {
        format!(
            "Contour lines of the {} surface ({}) with {} optimizer path(s) from ({}, {}) over {} steps, momentum in the {}: {}.",
            r.surface,
            r.minimum,
            r.racers,
            short(r.start[0]),
            short(r.start[1]),
            r.steps,
            r.form,
            r.outcomes
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    step: "단계",
    loss_log: "손실 f − f_min (로그 척도)",
    loss_linear: "손실 f",
    epoch: "에폭 (= 단계)",
    schedule: "학습률 일정 α/α₀",
    diverged: |t| format!("{t}단계에서 발산"),
    racer_diverged: |name, t| format!("{name}: {t}단계에서 발산"),
    racer_ends: |name, p, loss| {
        format!(
            "{name}: ({}, {})에서 끝남, 손실 {}",
            short(p[0]),
            short(p[1]),
            short(loss)
        )
    },
    minimum: |x, y| format!("최솟값 ({}, {})", short(x), short(y)),
    surface: |kind| match kind {
        SurfaceKind::Bowl => "길쭉한 그릇 x²/20 + y²",
        SurfaceKind::Rotated => "회전한 이차",
        SurfaceKind::Rosenbrock => "로젠브록 바나나 골짜기",
        SurfaceKind::Saddle => "안장 (x² − y²)/20",
        SurfaceKind::Multimodal => "여러 최솟값",
    },
    no_minimum: "최솟값 없음(원점의 안장점)",
    form_dlfs: "DLFS 표기 v = μv − lr·g, W += v",
    form_ng: "강의 표기 v = βv + (1−β)g, W −= lr·v",
    race: |r| {
        format!(
            "{} 곡면({})의 등고선과 ({}, {})에서 출발해 {}단계 진행한 최적화 경로 {}개, 모멘텀은 {}: {}.",
            r.surface,
            r.minimum,
            short(r.start[0]),
            short(r.start[1]),
            r.steps,
            r.racers,
            r.form,
            r.outcomes
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
