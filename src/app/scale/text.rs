//! The words of `view=scale`'s figure and text alternative, one table per language. Sentences
//! with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;

/// Every word `view=scale` draws or says.
pub struct Words {
    /// y-axis title of every histogram.
    pub samples_per_bin: &'static str,
    /// A histogram of a linear scale.
    pub linear_scale: &'static str,
    /// A histogram of a log scale.
    pub log_scale: &'static str,
    /// A histogram of a log scale of `1 - beta`.
    pub one_minus_scale: &'static str,
    /// A histogram of whole numbers.
    pub whole_numbers: &'static str,
    /// The hidden-unit count.
    pub hidden_units: &'static str,
    /// The layer count.
    pub layers: &'static str,
    /// x-axis title on a linear axis.
    pub linear_axis: &'static str,
    /// x-axis title on a log axis.
    pub log_axis: &'static str,
    /// x-axis title on a log axis of `1 - beta`.
    pub one_minus_axis: &'static str,
    /// A histogram's title from what was sampled and on which scale.
    pub title: fn(what: &str, scale: &str) -> String,
    /// The text alternative from the sample count, the two histograms' titles and the shares per
    /// interval (`None` for whole numbers, where every value is equally likely).
    pub describe: fn(samples: usize, left: &str, right: &str, shares: Option<&str>) -> String,
}

/// English.
pub static EN: Words = Words {
    samples_per_bin: "samples per bin",
    linear_scale: "linear scale",
    log_scale: "log scale",
    one_minus_scale: "log scale of 1 − β",
    whole_numbers: "whole numbers",
    hidden_units: "hidden units",
    layers: "layers",
    linear_axis: "value (linear axis)",
    log_axis: "value (log axis)",
    one_minus_axis: "β (log axis of 1 − β)",
    title: |what, scale| format!("{what}: {scale}"),
    describe: |n, left, right, shares| {
        format!(
            "Histograms of {n} random samples: {left} (left) and {right} (right). Share per interval, left / right: {}.",
            shares.unwrap_or("every whole number equally likely")
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    samples_per_bin: "구간별 표본 수",
    linear_scale: "선형 척도",
    log_scale: "로그 척도",
    one_minus_scale: "1 − β의 로그 척도",
    whole_numbers: "정수",
    hidden_units: "은닉 유닛 수",
    layers: "층 수",
    linear_axis: "값 (선형 축)",
    log_axis: "값 (로그 축)",
    one_minus_axis: "β (1 − β 로그 축)",
    title: |what, scale| format!("{what}: {scale}"),
    describe: |n, left, right, shares| {
        format!(
            "무작위 표본 {n}개의 히스토그램: 왼쪽 {left}, 오른쪽 {right}. 구간별 비율(왼쪽 / 오른쪽): {}.",
            shares.unwrap_or("모든 정수가 같은 확률")
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
