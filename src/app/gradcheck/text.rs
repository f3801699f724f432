//! The words of `view=gradcheck`'s figure and text alternative, one table per language.
//! Sentences with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::nn::gradcheck::{BUG, FINE};
use crate::core::nn::Verdict;

/// What the text alternative says.
#[derive(Clone, Copy, Debug)]
pub struct Summary<'a> {
    /// Parameters in the network.
    pub total: usize,
    /// Parameter tensors.
    pub tensors: usize,
    /// The check's step.
    pub epsilon: f64,
    /// The overall relative difference.
    pub rel_diff: f64,
    /// Its verdict.
    pub verdict: Verdict,
    /// The tensor with the largest relative difference, and that difference.
    pub worst: (&'a str, f64),
}

/// Every word `view=gradcheck` draws or says.
pub struct Words {
    /// x-axis title.
    pub x_desc: &'static str,
    /// The three bands: fine, look closer, bug.
    pub bands: [&'static str; 3],
    /// The bar of all parameters together.
    pub all: &'static str,
    /// The text alternative.
    pub describe: fn(&Summary) -> String,
}

/// English.
pub static EN: Words = Words {
    x_desc: "relative difference ||dθ_approx − dθ|| / (||dθ_approx|| + ||dθ||)",
    bands: ["fine", "look closer", "bug"],
    all: "all",
    describe: |s| {
        let verdict = match s.verdict {
            Verdict::Fine => "fine",
            Verdict::LookCloser => "look closer",
            Verdict::Bug => "very likely a bug",
        };
        format!(
            "Gradient check of {} parameters in {} tensors with eps {:e}: overall relative difference {:.2e} ({verdict}). \
             The largest is {} at {:.2e}. Thresholds: {FINE:e} fine, about 1e-5 look closer, {BUG:e} or more a bug.",
            s.total, s.tensors, s.epsilon, s.rel_diff, s.worst.0, s.worst.1
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    x_desc: "상대 차이 ||dθ_approx − dθ|| / (||dθ_approx|| + ||dθ||)",
    bands: ["정상", "다시 확인", "버그"],
    all: "전체",
    describe: |s| {
        let verdict = match s.verdict {
            Verdict::Fine => "정상",
            Verdict::LookCloser => "다시 확인",
            Verdict::Bug => "버그일 가능성이 큼",
        };
        format!(
            "파라미터 {}개(텐서 {}개)의 기울기 검사, eps {:e}: 전체 상대 차이 {:.2e} ({verdict}). \
             가장 큰 것은 {}의 {:.2e}. 기준: {FINE:e} 정상, 1e-5 정도면 다시 확인, {BUG:e} 이상이면 버그.",
            s.total, s.tensors, s.epsilon, s.rel_diff, s.worst.0, s.worst.1
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
