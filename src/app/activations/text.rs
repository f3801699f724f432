//! The words of `view=activations`' figure and text alternative, one table per language.
//! Sentences with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::{pct, pct1, short};

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

/// One histogram bin the page points at.
#[derive(Clone, Copy, Debug)]
pub struct BinReadout {
    /// The network with batch norm (else without).
    pub batch_norm: bool,
    /// The layer, from 1.
    pub layer: usize,
    /// The bin's left edge (log10 |dJ/dz| when `log10`).
    pub lo: f64,
    /// Its right edge.
    pub hi: f64,
    /// The edges are log10 of gradient magnitudes.
    pub log10: bool,
    /// Values in the bin.
    pub count: u32,
    /// Their share of the layer's values.
    pub share: f64,
}

/// The bin's range as the readout writes it: the values, or the gradient magnitudes `10^lo` to
/// `10^hi`.
fn bin_range(b: &BinReadout) -> (String, String) {
    if b.log10 {
        (short(10f64.powf(b.lo)), short(10f64.powf(b.hi)))
    } else {
        (short(b.lo), short(b.hi))
    }
}

/// Every word `view=activations` draws or says.
pub struct Words {
    /// Title of the top row.
    pub without_bn: &'static str,
    /// Title of the bottom row.
    pub with_bn: &'static str,
    /// The top condition's title where the columns are narrow (a phone).
    pub without_bn_short: &'static str,
    /// The bottom condition's title where the columns are narrow.
    pub with_bn_short: &'static str,
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
    /// The readout of a histogram bin.
    pub bin: fn(&BinReadout) -> String,
    /// The text alternative.
    pub describe: fn(&Summary) -> String,
}

/// English.
pub static EN: Words = Words {
    without_bn: "without batch norm",
    with_bn: "with batch norm (before the activation)",
    without_bn_short: "without BN",
    with_bn_short: "with BN",
    gradients: ": |dJ/dz|, log scale",
    layer: |n| format!("layer {n}"),
    mean_grad: |g| format!("mean |g| {}", short(g)),
    mean_std: |m, s| format!("μ {} σ {}", short(m), short(s)),
    zero_share: |s| format!("zero {}", pct(s)),
    saturated_share: |s| format!("saturated {}", pct(s)),
    bin: |b| {
        let (lo, hi) = bin_range(b);
        let run = if b.batch_norm {
            "with batch norm"
        } else {
            "without batch norm"
        };
        let what = if b.log10 { "|dJ/dz| from" } else { "from" };
        format!(
            "{run}, layer {}: {what} {lo} to {hi}: {} values ({})",
            b.layer,
            b.count,
            pct1(b.share)
        )
    },
    describe: |s| {
        let (p, b) = (s.plain, s.batch_norm);
        format!(
            "Histograms of {} activations in {} layers of {} units, weights N(0, {}²), without and with batch norm. \
             Last layer without batch norm: mean {}, std {}, {} saturated; with batch norm: mean {}, std {}, {} saturated.",
            s.activation,
            s.layers,
            s.units,
            short(s.weight_std),
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
    without_bn_short: "BN 없이",
    with_bn_short: "BN과 함께",
    gradients: ": |dJ/dz|, 로그 척도",
    layer: |n| format!("{n}층"),
    mean_grad: |g| format!("평균 |g| {}", short(g)),
    mean_std: |m, s| format!("μ {} σ {}", short(m), short(s)),
    zero_share: |s| format!("0인 값 {}", pct(s)),
    saturated_share: |s| format!("포화 {}", pct(s)),
    bin: |b| {
        let (lo, hi) = bin_range(b);
        let run = if b.batch_norm {
            "배치 정규화와 함께"
        } else {
            "배치 정규화 없이"
        };
        let what = if b.log10 { "|dJ/dz| " } else { "" };
        format!(
            "{run}, {}층: {what}{lo}에서 {hi}까지: 값 {}개 ({})",
            b.layer,
            b.count,
            pct1(b.share)
        )
    },
    describe: |s| {
        let (p, b) = (s.plain, s.batch_norm);
        format!(
            "{}개 유닛의 {}개 층에서 {} 활성값 히스토그램(가중치 N(0, {}²)), 배치 정규화 없이와 함께. \
             마지막 층, 배치 정규화 없이: 평균 {}, 표준편차 {}, 포화 {}; 배치 정규화와 함께: 평균 {}, 표준편차 {}, 포화 {}.",
            s.units,
            s.layers,
            s.activation,
            short(s.weight_std),
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
