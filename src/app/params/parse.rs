//! Parsing one parameter's text: the canonical number form of the URL, and [`ParamSpec::parse`],
//! which clamps, rounds or refuses with a notice.
use super::{Notice, ParamKind, ParamSpec, Problem, MAX_VALUE_LEN};
use serde::Serialize;

/// A validated value.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// [`ParamKind::Float`].
    Float(f64),
    /// [`ParamKind::Int`] and [`ParamKind::Seed`].
    Int(i64),
    /// [`ParamKind::Bool`].
    Bool(bool),
    /// [`ParamKind::Choice`].
    Choice(&'static str),
    /// [`ParamKind::FloatList`].
    FloatList(Vec<f64>),
}

/// Formats a number in the shortest text that parses back to the same `f64`.
pub fn format_float(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

impl ParamValue {
    /// Canonical text form, as written to the URL.
    pub fn to_text(&self) -> String {
        match self {
            ParamValue::Float(v) => format_float(*v),
            ParamValue::Int(v) => v.to_string(),
            ParamValue::Bool(b) => if *b { "1" } else { "0" }.to_string(),
            ParamValue::Choice(s) => s.to_string(),
            ParamValue::FloatList(vs) => vs.iter().map(|v| format_float(*v)).collect::<Vec<_>>().join(","),
        }
    }
}

fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    // Rust accepts "inf", "NaN" and "infinity"; none is a usable parameter value.
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn clamp_float(name: &str, text: &str, v: f64, min: f64, max: f64, notices: &mut Vec<Notice>) -> f64 {
    if v < min || v > max {
        let used = v.clamp(min, max);
        notices.push(Notice::new(
            name,
            Problem::OutOfRange,
            text,
            format_float(used),
            format!("valid range {} to {}", format_float(min), format_float(max)),
        ));
        used
    } else {
        v
    }
}

impl ParamSpec {
    /// Parses `text` for this parameter. `Err(())` means "keep the previous value" (a notice has
    /// been pushed); `Ok` may still come with a notice (clamped, rounded, cut).
    pub fn parse(&self, text: &str, previous: &ParamValue, notices: &mut Vec<Notice>) -> ParamValue {
        let malformed = |notices: &mut Vec<Notice>, detail: String| {
            notices.push(Notice::new(
                self.name,
                Problem::Malformed,
                text,
                previous.to_text(),
                detail,
            ));
            previous.clone()
        };
        if text.len() > MAX_VALUE_LEN {
            return malformed(notices, format!("longer than {MAX_VALUE_LEN} characters"));
        }
        match self.kind {
            ParamKind::Float { min, max, .. } => match parse_number(text) {
                Some(v) => ParamValue::Float(clamp_float(self.name, text, v, min, max, notices)),
                None => malformed(notices, "not a finite number".into()),
            },
            ParamKind::Int { min, max } => self.parse_int(text, min, max, previous, notices),
            ParamKind::Seed => self.parse_int(text, 0, u32::MAX as i64, previous, notices),
            ParamKind::Bool => match text.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "on" | "yes" => ParamValue::Bool(true),
                "0" | "false" | "off" | "no" => ParamValue::Bool(false),
                _ => malformed(notices, "expected 1 or 0".into()),
            },
            ParamKind::Choice { options } => match options.iter().find(|o| **o == text.trim()) {
                Some(o) => ParamValue::Choice(o),
                None => malformed(notices, format!("expected one of {}", options.join(", "))),
            },
            ParamKind::FloatList {
                min,
                max,
                min_len,
                max_len,
                ..
            } => {
                // Read at most max_len + 1 items: enough to know there are too many, and no more is
                // allocated whatever the input holds.
                let mut items: Vec<&str> = text.split(',').take(max_len + 1).collect();
                let cut = items.len() > max_len;
                items.truncate(max_len);
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    match parse_number(item) {
                        Some(v) => values.push(clamp_float(self.name, item, v, min, max, notices)),
                        None if item.trim().is_empty() => {}
                        None => {
                            // One bad item keeps the whole previous list: nothing the user had is lost.
                            notices.push(Notice::new(
                                self.name,
                                Problem::Malformed,
                                item,
                                previous.to_text(),
                                "not a finite number".into(),
                            ));
                            return previous.clone();
                        }
                    }
                }
                if values.len() < min_len {
                    notices.push(Notice::new(
                        self.name,
                        Problem::TooFewItems,
                        text,
                        previous.to_text(),
                        format!("at least {min_len} value(s)"),
                    ));
                    return previous.clone();
                }
                let value = ParamValue::FloatList(values);
                if cut {
                    notices.push(Notice::new(
                        self.name,
                        Problem::TooManyItems,
                        text,
                        value.to_text(),
                        format!("at most {max_len} values; kept the first {max_len}"),
                    ));
                }
                value
            }
        }
    }

    fn parse_int(
        &self,
        text: &str,
        min: i64,
        max: i64,
        previous: &ParamValue,
        notices: &mut Vec<Notice>,
    ) -> ParamValue {
        let Some(v) = parse_number(text) else {
            notices.push(Notice::new(
                self.name,
                Problem::Malformed,
                text,
                previous.to_text(),
                "not a whole number".into(),
            ));
            return previous.clone();
        };
        // Clamp in f64 first: "1e300" must become max, not overflow.
        let clamped = clamp_float(self.name, text, v, min as f64, max as f64, notices);
        let rounded = clamped.round();
        if rounded != clamped {
            notices.push(Notice::new(
                self.name,
                Problem::NotWhole,
                text,
                format_float(rounded),
                "rounded to a whole number".into(),
            ));
        }
        ParamValue::Int(rounded as i64)
    }

    /// The default value (parsed from [`ParamSpec::default`]).
    pub fn default_value(&self) -> ParamValue {
        let placeholder = match self.kind {
            ParamKind::Float { min, .. } => ParamValue::Float(min),
            ParamKind::Int { min, .. } => ParamValue::Int(min),
            ParamKind::Seed => ParamValue::Int(0),
            ParamKind::Bool => ParamValue::Bool(false),
            ParamKind::Choice { options } => ParamValue::Choice(options.first().copied().unwrap_or("")),
            ParamKind::FloatList { min, min_len, .. } => ParamValue::FloatList(vec![min; min_len]),
        };
        // Defaults are checked by a test to parse without notices; a bad one would fall back to
        // the placeholder rather than panic.
        self.parse(self.default, &placeholder, &mut Vec::new())
    }
}
