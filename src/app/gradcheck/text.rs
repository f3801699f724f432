//! The words of `view=gradcheck`'s figure and text alternative, one table per language.
//! Sentences with numbers in them are functions, so each language orders its own words.
use crate::chart::Lang;
use crate::core::math::format::short;
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

/// One bar the page points at.
#[derive(Clone, Copy, Debug)]
pub struct BarReadout<'a> {
    /// The tensor's name (`W1`, `b1`, ...) or the words for all parameters.
    pub name: &'a str,
    /// Its entries.
    pub entries: usize,
    /// Its relative difference.
    pub rel_diff: f64,
    /// Its verdict.
    pub verdict: Verdict,
}

/// Every word `view=gradcheck` draws or says.
pub struct Words {
    /// x-axis title.
    pub x_desc: &'static str,
    /// The three bands: fine, look closer, bug.
    pub bands: [&'static str; 3],
    /// The bar of all parameters together.
    pub all: &'static str,
    /// The readout of a bar.
    pub bar: fn(&BarReadout) -> String,
    /// The text alternative.
    pub describe: fn(&Summary) -> String,
}

/// A verdict in words, English.
fn verdict_en(v: Verdict) -> &'static str {
    match v {
        Verdict::Fine => "fine",
        Verdict::LookCloser => "look closer",
        Verdict::Bug => "very likely a bug",
    }
}

/// A verdict in words, Korean.
fn verdict_ko(v: Verdict) -> &'static str {
    match v {
        Verdict::Fine => "정상",
        Verdict::LookCloser => "다시 확인",
        Verdict::Bug => "버그일 가능성이 큼",
    }
}

/// English.
pub static EN: Words = Words {
    x_desc: "relative difference of dθ_approx and dθ (log scale)",
    bands: ["fine", "look closer", "bug"],
    all: "all",
    bar: |b| {
        format!(
            "{} ({} entries): relative difference {}, {}",
            b.name,
            b.entries,
            short(b.rel_diff),
            verdict_en(b.verdict)
        )
    },
    describe: |s| {
        let verdict = verdict_en(s.verdict);
        format!(
            "Gradient check of {} parameters in {} tensors with ε {}: overall relative difference {} ({verdict}). \
             The largest is {} at {}. Thresholds: {} fine, about {} look closer, {} or more a bug.",
            s.total,
            s.tensors,
            short(s.epsilon),
            short(s.rel_diff),
            s.worst.0,
            short(s.worst.1),
            short(FINE),
            short(1e-5),
            short(BUG)
        )
    },
};

/// Korean.
pub static KO: Words = Words {
    x_desc: "dθ_approx와 dθ의 상대 차이(로그 척도)",
    bands: ["정상", "다시 확인", "버그"],
    all: "전체",
    bar: |b| {
        format!(
            "{} (원소 {}개): 상대 차이 {}, {}",
            b.name,
            b.entries,
            short(b.rel_diff),
            verdict_ko(b.verdict)
        )
    },
    describe: |s| {
        let verdict = verdict_ko(s.verdict);
        format!(
            "파라미터 {}개(텐서 {}개)의 기울기 검사, ε {}: 전체 상대 차이 {} ({verdict}). \
             가장 큰 것은 {}의 {}. 기준: {} 정상, {} 정도면 다시 확인, {} 이상이면 버그.",
            s.total,
            s.tensors,
            short(s.epsilon),
            short(s.rel_diff),
            s.worst.0,
            short(s.worst.1),
            short(FINE),
            short(1e-5),
            short(BUG)
        )
    },
};

/// The table of `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&EN, &KO)
}
