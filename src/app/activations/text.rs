//! The words of `view=activations`' figure and text alternative, one table per language.
//! Sentences with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::{pct, short};

/// The numbers of one layer a sentence of the text alternative quotes.
#[derive(Clone, Copy, Debug)]
pub struct LayerNumbers {
    /// Mean of the activations.
    pub mean: f64,
    /// Their standard deviation.
    pub std: f64,
    /// Their saturated share.
    pub saturated: f64,
}

/// What the text alternative describes.
#[derive(Clone, Copy, Debug)]
pub struct Summary<'a> {
    /// The activation's id (`sigmoid`, `tanh`, `relu`).
    pub activation: &'a str,
    /// Layers.
    pub layers: usize,
    /// Units per layer.
    pub units: usize,
    /// The weights' standard deviation.
    pub weight_std: f64,
    /// The last layer without batch norm.
    pub plain: LayerNumbers,
    /// The last layer with batch norm.
    pub batch_norm: LayerNumbers,
}

/// Every word `view=activations` draws or says.
pub struct Words {
    /// Title of the top row.
    pub without_bn: &'static str,
    /// Title of the bottom row.
    pub with_bn: &'static str,
    /// Appended to both titles in the backward direction.
    pub gradients: &'static str,
    /// A column's title: layer `n` (from 1).
    pub layer: fn(n: usize) -> String,
    /// Under a gradient histogram: the mean |dJ/dz|.
    pub mean_grad: fn(g: f64) -> String,
    /// Under an activation histogram: mean and std.
    pub mean_std: fn(mean: f64, std: f64) -> String,
    /// Under a ReLU histogram: the share of outputs that are 0.
    pub zero_share: fn(share: f64) -> String,
    /// Under a sigmoid or tanh histogram: the saturated share.
    pub saturated_share: fn(share: f64) -> String,
    /// The text alternative.
    pub describe: fn(&Summary) -> String,
}

/// English.
pub static EN: Words = Words {
    without_bn: "without batch norm",
    with_bn: "with batch norm (before the activation)",
    gradients: " — log10 |dJ/dz|",
    layer: |n| format!("layer {n}"),
    mean_grad: |g| format!("mean |g| {}", short(g)),
    mean_std: |m, s| format!("μ {} σ {}", short(m), short(s)),
    zero_share: |s| format!("zero {}", pct(s)),
    saturated_share: |s| format!("saturated {}", pct(s)),
    describe: |s| {
        let (p, b) = (s.plain, s.batch_norm);
        format!(
            "Histograms of {} activations in {} layers of {} units, weights N(0, {:.4}²), without and with batch norm. \
             Last layer without batch norm: mean {}, std {}, {} saturated; with batch norm: mean {}, std {}, {} saturated.",
            s.activation,
            s.layers,
            s.units,
            s.weight_std,
            short(p.mean),
            short(p.std),
            pct(p.saturated),
            short(b.mean),
            short(b.std),
            pct(b.saturated)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    without_bn: "배치 정규화 없이",
    with_bn: "배치 정규화와 함께(활성화 전)",
    gradients: " — log10 |dJ/dz|",
    layer: |n| format!("층 {n}"),
    mean_grad: |g| format!("평균 |g| {}", short(g)),
    mean_std: |m, s| format!("μ {} σ {}", short(m), short(s)),
    zero_share: |s| format!("0인 값 {}", pct(s)),
    saturated_share: |s| format!("포화 {}", pct(s)),
    describe: |s| {
        let (p, b) = (s.plain, s.batch_norm);
        format!(
            "{}개 유닛의 {}개 층에서 {} 활성값 히스토그램(가중치 N(0, {:.4}²)), 배치 정규화 없이와 함께. \
             마지막 층, 배치 정규화 없이: 평균 {}, 표준편차 {}, 포화 {}; 배치 정규화와 함께: 평균 {}, 표준편차 {}, 포화 {}.",
            s.units,
            s.layers,
            s.activation,
            s.weight_std,
            short(p.mean),
            short(p.std),
            pct(p.saturated),
            short(b.mean),
            short(b.std),
            pct(b.saturated)
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
