//! The words of `view=space`'s figure and text alternative, one table per language. The
//! hyperparameter names and options are identifiers of the exported code and stay as they are.
use crate::chart::Lang;
use crate::core::math::format::code;
use crate::core::sampling::ScaleKind;

/// Every word `view=space` draws or says.
pub struct Words {
    /// y-axis title of every histogram.
    pub samples_per_bin: &'static str,
    /// A histogram's title from the hyperparameter's name and scale (a choice lists its
    /// options instead).
    pub title: fn(name: &str, scale: ScaleKind) -> String,
    /// One numeric hyperparameter in the text alternative: its name, scale and range.
    pub range: fn(name: &str, scale: ScaleKind, low: f64, high: f64) -> String,
    /// The text alternative from the number of hyperparameters, their worded ranges and the
    /// number of samples.
    pub describe: fn(count: usize, params: &str, samples: usize) -> String,
}

/// English.
pub static EN: Words = Words {
    samples_per_bin: "samples per bin",
    title: |name, scale| match scale {
        ScaleKind::Log => format!("{name} (log)"),
        ScaleKind::LogOneMinus => format!("{name} (1 − x log)"),
        _ => format!("{name} (linear)"),
    },
    range: |name, scale, low, high| {
        let scale = match scale {
            ScaleKind::Log => "on a log scale",
            ScaleKind::LogOneMinus => "on a log scale of 1 − x",
            ScaleKind::Integer => "as whole numbers",
            ScaleKind::Linear | ScaleKind::Choice => "on a linear scale",
        };
        format!("{name} {scale} in [{}, {}]", code(low), code(high))
    },
    describe: |count, params, n| {
        format!(
            "A search space of {count} hyperparameter(s): {params}. {n} samples drawn, one histogram each on its own scale; the same space is exported as code for Optuna, Ray Tune, scikit-learn and Keras Tuner."
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    samples_per_bin: "구간별 표본 수",
    title: |name, scale| match scale {
        ScaleKind::Log => format!("{name} (로그)"),
        ScaleKind::LogOneMinus => format!("{name} (1 − x 로그)"),
        _ => format!("{name} (선형)"),
    },
    range: |name, scale, low, high| {
        let scale = match scale {
            ScaleKind::Log => "로그 척도",
            ScaleKind::LogOneMinus => "1 − x의 로그 척도",
            ScaleKind::Integer => "정수",
            ScaleKind::Linear | ScaleKind::Choice => "선형 척도",
        };
        format!("{name}: {scale} [{}, {}]", code(low), code(high))
    },
    describe: |count, params, n| {
        format!(
            "하이퍼파라미터 {count}개의 탐색 공간: {params}. 표본 {n}개를 뽑아 각자의 척도로 히스토그램을 그렸고, 같은 공간을 Optuna, Ray Tune, scikit-learn, Keras Tuner 코드로 내보냅니다."
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
