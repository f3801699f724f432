//! The words of `view=train`'s weight histogram (the panel beside the curves), one table per
//! language: its title, its axis, the sparsity it prints and the sentence of the text
//! alternative. Part of the view's words ([`super::text`]), kept in their own file.
use crate::core::math::format::{pct, short};

/// The words of the weight histogram.
pub struct WeightWords {
    /// The panel's title.
    pub title: &'static str,
    /// The x axis: a weight's value.
    pub axis: &'static str,
    /// The share printed on the panel: (share of weights, threshold), both numbers.
    pub share: fn(share: f64, threshold: f64) -> String,
    /// The text alternative: (share, threshold, weights in all, L1 lambda, L2 lambda).
    pub describe: fn(share: f64, threshold: f64, total: usize, l1: f64, l2: f64) -> String,
}

/// English.
pub static EN: WeightWords = WeightWords {
    title: "weights of every layer (shaded: |w| < threshold)",
    axis: "weight w",
    share: |s, t| format!("{} of weights |w| < {}", pct(s), short(t)),
    describe: |s, t, n, l1, l2| {
        format!(
            " Weight histogram: {} of the {n} weights have |w| < {} (L1 λ {}, L2 λ {}).",
            pct(s),
            short(t),
            short(l1),
            short(l2)
        )
    },
};

/// Korean.
pub static KO: WeightWords = WeightWords {
    title: "모든 층의 가중치(음영: |w| < 기준값)",
    axis: "가중치 w",
    share: |s, t| format!("가중치의 {}가 |w| < {}", pct(s), short(t)),
    describe: |s, t, n, l1, l2| {
        format!(
            " 가중치 히스토그램: 가중치 {n}개 중 {}가 |w| < {}입니다(L1 λ {}, L2 λ {}).",
            pct(s),
            short(t),
            short(l1),
            short(l2)
        )
    },
};
