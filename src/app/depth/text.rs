//! The words of `view=depth`'s figure and text alternative, one table per language.
use crate::chart::Lang;
use crate::core::lab::depth::Weights;
use crate::core::math::format::short;

/// Every word `view=depth` draws or says.
pub struct Words {
    /// Title of the activation panel, and a short form for a narrow panel.
    pub activations: [&'static str; 2],
    /// Title of the gradient panel, and a short form.
    pub gradients: [&'static str; 2],
    /// x-axis title.
    pub layer: &'static str,
    /// y-axis title.
    pub magnitude: &'static str,
    /// Legend of the dashed lines, and a short form for a narrow legend.
    pub closed_form: [&'static str; 2],
    /// A scheme's name from its factor (identity scale or std).
    pub scheme: fn(Weights, f64) -> String,
    /// The first sentence: layers, width, samples, activation.
    pub summary: fn(layers: usize, width: usize, samples: usize, activation: &str) -> String,
    /// One scheme: its name, the activation and gradient magnitudes at the ends, the gain per
    /// layer measured and (if any) expected.
    pub line: fn(name: &str, top: f64, bottom_gradient: f64, gain: f64, expected: Option<f64>) -> String,
}

/// English.
pub static EN: Words = Words {
    activations: ["Activations: root mean square of a[l]", "Activations a[l] (RMS)"],
    gradients: ["Gradients: root mean square of dJ/da[l]", "Gradients dJ/da[l] (RMS)"],
    layer: "layer l",
    magnitude: "magnitude (log scale)",
    closed_form: ["dashed: gain per layer to the power l", "dashed: gain^l"],
    scheme: |w, f| match w {
        Weights::Up | Weights::Down => format!("W = {} I", short(f)),
        Weights::Normal => "W ~ N(0, 1)".into(),
        Weights::Xavier => "std √(1/n) (Xavier)".into(),
        Weights::He => "std √(2/n) (He)".into(),
    },
    summary: |layers, width, samples, act| {
        format!("A network of {layers} layers of {width} units ({act}), {samples} random inputs; the magnitudes layer by layer:")
    },
    line: |name, top, grad, gain, expected| {
        let e = expected.map_or(String::new(), |e| format!(", expected {}", short(e)));
        format!(
            " {name}: activations reach {} at the top, the gradient reaching the input is {} (gain {} per layer{e}).",
            short(top),
            short(grad),
            short(gain)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    activations: ["활성값: a[l]의 제곱평균제곱근", "활성값 a[l] (RMS)"],
    gradients: ["기울기: dJ/da[l]의 제곱평균제곱근", "기울기 dJ/da[l] (RMS)"],
    layer: "층 l",
    magnitude: "크기 (로그 눈금)",
    closed_form: ["점선: 층마다 같은 배율의 l제곱", "점선: 배율^l"],
    scheme: |w, f| match w {
        Weights::Up | Weights::Down => format!("W = {} I", short(f)),
        Weights::Normal => "W ~ N(0, 1)".into(),
        Weights::Xavier => "표준편차 √(1/n) (Xavier)".into(),
        Weights::He => "표준편차 √(2/n) (He)".into(),
    },
    summary: |layers, width, samples, act| {
        format!("{layers}층, 층마다 유닛 {width}개 ({act}), 무작위 입력 {samples}개인 신경망의 층별 크기:")
    },
    line: |name, top, grad, gain, expected| {
        let e = expected.map_or(String::new(), |e| format!(", 기댓값 {}", short(e)));
        format!(
            " {name}: 맨 위 활성값 {}, 입력까지 온 기울기 {} (층마다 {}배{e}).",
            short(top),
            short(grad),
            short(gain)
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
