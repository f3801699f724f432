//! The words of `view=minibatch`'s figure and text alternative, one table per language.
//! Sentences with numbers are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::lab::minibatch::Method;
use crate::core::math::format::short;

/// One run's numbers for the text alternative.
pub struct RunWords {
    /// The method.
    pub method: Method,
    /// Batch size.
    pub batch: usize,
    /// Iterations per epoch.
    pub per_epoch: usize,
    /// When it reached the target: iterations, epochs, examples seen.
    pub reached: Option<(usize, f64, usize)>,
    /// RMS of the batch cost around the full cost.
    pub spread: f64,
    /// Mean distance to the optimum over the last epoch.
    pub wander: f64,
    /// Where it diverged, if it did.
    pub diverged: Option<usize>,
}

/// Every word `view=minibatch` draws or says.
pub struct Words {
    /// Weight axes.
    pub w: [&'static str; 2],
    /// A method's legend name from its batch size.
    pub name: fn(Method, usize) -> String,
    /// A strip's title from the method, batch size and iterations per epoch.
    pub strip: fn(Method, usize, usize) -> String,
    /// Its shorter form.
    pub strip_short: fn(Method, usize, usize) -> String,
    /// The contour panel's title, and a shorter form.
    pub paths: [&'static str; 2],
    /// The cost panel's title, and a shorter form.
    pub cost: [&'static str; 2],
    /// Its note: the target share.
    pub target: fn(f64) -> String,
    /// Its shorter form.
    pub target_short: &'static str,
    /// The shared x axis.
    pub epoch: &'static str,
    /// The strips' y axis.
    pub batch_cost: &'static str,
    /// The text alternative.
    pub describe: fn(&Describe) -> String,
}

/// What the text alternative says.
pub struct Describe<'a> {
    /// Examples.
    pub m: usize,
    /// Learning rate.
    pub lr: f64,
    /// Epochs.
    pub epochs: usize,
    /// Start.
    pub start: [f64; 2],
    /// `w*`.
    pub optimum: [f64; 2],
    /// The target share.
    pub target: f64,
    /// The three runs.
    pub runs: &'a [RunWords],
}

fn pair(v: [f64; 2]) -> String {
    format!("({}, {})", short(v[0]), short(v[1]))
}

fn en_name(m: Method, b: usize) -> String {
    match m {
        Method::Batch => format!("batch (all {b})"),
        Method::MiniBatch => format!("mini-batch {b}"),
        Method::Stochastic => "stochastic (1)".into(),
    }
}

fn ko_name(m: Method, b: usize) -> String {
    match m {
        Method::Batch => format!("배치 (전체 {b}개)"),
        Method::MiniBatch => format!("미니배치 {b}"),
        Method::Stochastic => "확률적 (1개)".into(),
    }
}

fn en_run(r: &RunWords) -> String {
    let name = en_name(r.method, r.batch);
    let when = match (r.diverged, r.reached) {
        (Some(t), _) => format!("diverges at iteration {t}"),
        (None, Some((i, e, n))) => format!(
            "reaches the target after {i} iterations = {} epochs = {n} examples seen",
            short(e)
        ),
        (None, None) => "does not reach the target".into(),
    };
    format!(
        "{name} ({} iterations per epoch) {when}; its batch cost strays from the full cost by {} (RMS) and its last epoch stays {} from the optimum on average",
        r.per_epoch,
        short(r.spread),
        short(r.wander)
    )
}

fn ko_run(r: &RunWords) -> String {
    let name = ko_name(r.method, r.batch);
    let when = match (r.diverged, r.reached) {
        (Some(t), _) => format!("{t}번째 반복에서 발산합니다"),
        (None, Some((i, e, n))) => format!("반복 {i}번 = 에포크 {} = 예제 {n}개를 본 뒤 목표에 닿습니다", short(e)),
        (None, None) => "목표에 닿지 못합니다".into(),
    };
    format!(
        "{name}(에포크당 반복 {}번)은 {when}. 배치 비용은 전체 비용에서 평균 제곱근 {}만큼 벗어나고, 마지막 에포크에는 최적점에서 평균 {} 떨어져 있습니다",
        r.per_epoch,
        short(r.spread),
        short(r.wander)
    )
}

/// English.
pub static EN: Words = Words {
    w: ["w₁", "w₂"],
    name: en_name,
    strip: |m, b, per| match m {
        Method::Batch => format!("batch (all {b}): 1 iteration per epoch"),
        Method::MiniBatch => format!("mini-batch {b}: {per} iterations per epoch"),
        Method::Stochastic => format!("stochastic (1): {per} iterations per epoch"),
    },
    strip_short: |m, b, per| match m {
        Method::Batch => format!("batch ({b}): 1 per epoch"),
        Method::MiniBatch => format!("mini-batch {b}: {per} per epoch"),
        Method::Stochastic => format!("stochastic: {per} per epoch"),
    },
    paths: ["Paths on the training cost", "Paths"],
    cost: ["Training cost above its minimum, J − J*", "J − J* (training)"],
    target: |t| format!("dashed: the target, {} of the start's height", short(t)),
    target_short: "dashed: the target",
    epoch: "epoch (examples seen / m)",
    batch_cost: "batch cost J{t}",
    describe: |d| {
        let runs: Vec<String> = d.runs.iter().map(en_run).collect();
        format!(
            "Gradient descent on a least-squares regression with m = {} examples, learning rate {}, {} epochs from {}; the target is a training cost {} of the way from the optimum {} to the start. {}.",
            d.m,
            short(d.lr),
            d.epochs,
            pair(d.start),
            short(d.target),
            pair(d.optimum),
            runs.join("; ")
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    w: ["w₁", "w₂"],
    name: ko_name,
    strip: |m, b, per| match m {
        Method::Batch => format!("배치 (전체 {b}개): 에포크당 반복 1번"),
        Method::MiniBatch => format!("미니배치 {b}: 에포크당 반복 {per}번"),
        Method::Stochastic => format!("확률적 (1개): 에포크당 반복 {per}번"),
    },
    strip_short: |m, b, per| match m {
        Method::Batch => format!("배치 ({b}): 에포크당 1번"),
        Method::MiniBatch => format!("미니배치 {b}: 에포크당 {per}번"),
        Method::Stochastic => format!("확률적: 에포크당 {per}번"),
    },
    paths: ["훈련 비용 위의 경로", "경로"],
    cost: ["최솟값 위의 훈련 비용 J − J*", "J − J* (훈련)"],
    target: |t| format!("점선: 목표, 시작 높이의 {}", short(t)),
    target_short: "점선: 목표",
    epoch: "에포크 (본 예제 수 / m)",
    batch_cost: "배치 비용 J{t}",
    describe: |d| {
        let runs: Vec<String> = d.runs.iter().map(ko_run).collect();
        format!(
            "예제 m = {}개의 최소제곱 회귀에서 학습률 {}로 {}에서 {} 에포크 동안 경사 하강을 합니다. 목표는 최적점 {}에서 시작까지 거리의 {}인 훈련 비용입니다. {}.",
            d.m,
            short(d.lr),
            pair(d.start),
            d.epochs,
            pair(d.optimum),
            short(d.target),
            runs.join("; ")
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
