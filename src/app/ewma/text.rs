//! The words of `view=ewma`'s figure and text alternative, one table per language. Sentences
//! with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::short;

/// Every word `view=ewma` draws or says.
pub struct Words {
    /// x-axis title.
    pub day: &'static str,
    /// y-axis title.
    pub temperature: &'static str,
    /// Legend: the dots.
    pub daily_value: &'static str,
    /// Legend: the solid bias-corrected lines.
    pub corrected: &'static str,
    /// Legend: the dashed uncorrected lines.
    pub uncorrected: &'static str,
    /// A line's end label from its beta and rounded window (`β=0.9 (≈10 d)`).
    pub line_label: fn(beta: f64, window: &str) -> String,
    /// The text alternative's first sentence: days, noise, seed, number of lines, and the
    /// already worded windows.
    pub series: fn(days: usize, noise: f64, seed: u64, lines: usize, windows: &str) -> String,
    /// One line's window in the text alternative.
    pub averages: fn(beta: f64, window: f64) -> String,
    /// Which line is smoothest, and its lag.
    pub smoothest: fn(beta: f64, window: f64) -> String,
    /// Bias correction on.
    pub correction_on: &'static str,
    /// Bias correction off.
    pub correction_off: &'static str,
}

/// English.
pub static EN: Words = Words {
    day: "day",
    temperature: "temperature (°F)",
    daily_value: "daily value",
    corrected: "bias-corrected V/(1−βᵗ)",
    uncorrected: "uncorrected V",
    line_label: |beta, w| format!("β={beta} (≈{w} d)"),
    series: |days, noise, seed, lines, windows| {
        format!(
            "Daily temperatures over {days} days (noise {} °F, seed {seed}) with {lines} exponentially weighted average(s): {windows}.",
            short(noise)
        )
    },
    averages: |beta, w| format!("β {beta} averages about the last {w:.0} days"),
    smoothest: |beta, w| format!(" The line with β {beta} is the smoothest and lags the data by about {w:.0} days."),
    correction_on:
        " Bias correction is on: the corrected curves start at the data, the dashed uncorrected ones start near 0.",
    correction_off: " Bias correction is off: every average starts near 0 and needs about 1/(1−β) days to catch up.",
};

/// Korean.
pub static KO: Words = Words {
    day: "일",
    temperature: "기온 (°F)",
    daily_value: "일별 값",
    corrected: "편향 보정 V/(1−βᵗ)",
    uncorrected: "보정 전 V",
    line_label: |beta, w| format!("β={beta} (≈{w}일)"),
    series: |days, noise, seed, lines, windows| {
        format!(
            "{days}일 동안의 일별 기온(잡음 {} °F, 시드 {seed})과 지수가중평균 {lines}개: {windows}.",
            short(noise)
        )
    },
    averages: |beta, w| format!("β {beta}는 최근 약 {w:.0}일을 평균"),
    smoothest: |beta, w| format!(" β {beta}인 선이 가장 매끄럽고 데이터보다 약 {w:.0}일 늦습니다."),
    correction_on: " 편향 보정 켜짐: 보정된 곡선은 데이터에서 시작하고, 점선인 보정 전 곡선은 0 근처에서 시작합니다.",
    correction_off: " 편향 보정 꺼짐: 모든 평균이 0 근처에서 시작해 약 1/(1−β)일이 지나야 따라잡습니다.",
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
