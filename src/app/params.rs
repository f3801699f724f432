//! View parameters: each view declares a schema ([`ParamSpec`]); the URL, the embed API and the
//! controls all go through [`ParamSet`], which validates every value and reports what it changed.
//!
//! The rules, the same for every view:
//! * an unknown name is ignored with a notice;
//! * a malformed value (not a number, `NaN`, an unknown option, one bad item of a list) keeps the
//!   previous value
//!   (the default when reading a URL) with a notice;
//! * an out-of-range number is clamped to the nearest valid value with a notice;
//! * a list with too many items keeps the first `max_len`; a list with too few keeps the previous
//!   value. Sizes are checked before anything is allocated for them.
use crate::app::query::{parse_query, percent_encode};
use serde::Serialize;

/// Query keys that belong to the page, not to a view: `view`, `embed`, `hide`, `lang`.
pub const RESERVED: &[&str] = &["view", "embed", "hide", "lang"];

/// The longest value text read for one parameter (longer text is malformed).
pub const MAX_VALUE_LEN: usize = 512;

/// What a parameter holds and which values are valid.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ParamKind {
    /// A finite number in `[min, max]`; `step` is the control's granularity; `log` asks for a
    /// log-scale slider.
    Float { min: f64, max: f64, step: f64, log: bool },
    /// A whole number in `[min, max]`.
    Int { min: i64, max: i64 },
    /// On or off (`1`/`0`, `true`/`false`, `on`/`off`, `yes`/`no`).
    Bool,
    /// One of a fixed set of option ids.
    Choice { options: &'static [&'static str] },
    /// A comma-separated list of `min_len..=max_len` numbers, each in `[min, max]`.
    FloatList {
        min: f64,
        max: f64,
        step: f64,
        min_len: usize,
        max_len: usize,
    },
    /// A random seed: a whole number in `0..=u32::MAX` (a control offers a fresh one).
    Seed,
}

/// One parameter of a view.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParamSpec {
    /// The query key, e.g. `beta`.
    pub name: &'static str,
    /// Kind and valid range.
    #[serde(flatten)]
    pub kind: ParamKind,
    /// The default in its canonical text form (a test checks that every default parses cleanly).
    pub default: &'static str,
}

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

/// What was wrong with an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// No such parameter in this view.
    UnknownParam,
    /// No such view.
    UnknownView,
    /// Not a valid value of the parameter's kind.
    Malformed,
    /// A number outside the valid range (clamped).
    OutOfRange,
    /// Not a whole number (rounded).
    NotWhole,
    /// A list with more than `max_len` items (cut).
    TooManyItems,
    /// A list with fewer than `min_len` items.
    TooFewItems,
    /// The query string was longer than the cap (the rest was ignored).
    QueryTooLong,
    /// Each value is valid but together they are not (see `detail`).
    Inconsistent,
    /// An action (an upload, a click on the figure, a checkpoint) could not be done (see
    /// `detail`); what the view had is kept.
    Rejected,
}

/// A message for the page: which parameter, what was wrong, what is used instead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    /// The parameter name (or the view id for [`Problem::UnknownView`]).
    pub param: String,
    /// The problem.
    pub problem: Problem,
    /// The text given, shortened to 40 characters.
    pub given: String,
    /// The value used instead, in canonical text form.
    pub used: String,
    /// Extra detail in English (valid range, the rule broken).
    pub detail: String,
}

impl Notice {
    /// A notice with the given text shortened for display.
    pub fn new(param: &str, problem: Problem, given: &str, used: String, detail: String) -> Self {
        let mut given_short: String = given.chars().take(40).collect();
        if given.chars().count() > 40 {
            given_short.push('…');
        }
        Notice {
            param: param.to_string(),
            problem,
            given: given_short,
            used,
            detail,
        }
    }
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

/// The validated values of one view's parameters, in schema order.
#[derive(Clone, Debug, PartialEq)]
pub struct ParamSet {
    specs: &'static [ParamSpec],
    values: Vec<ParamValue>,
}

impl ParamSet {
    /// Every parameter at its default.
    pub fn defaults(specs: &'static [ParamSpec]) -> Self {
        ParamSet {
            specs,
            values: specs.iter().map(ParamSpec::default_value).collect(),
        }
    }

    /// The schema.
    pub fn specs(&self) -> &'static [ParamSpec] {
        self.specs
    }

    /// Applies a query string (`beta=0.9&seed=3`); reserved page keys are skipped. Returns the
    /// notices; the set stays valid whatever the input.
    pub fn apply_query(&mut self, query: &str) -> Vec<Notice> {
        let (pairs, truncated) = parse_query(query);
        let mut notices = Vec::new();
        if truncated {
            notices.push(Notice::new(
                "query",
                Problem::QueryTooLong,
                "",
                String::new(),
                format!(
                    "only the first {} characters were read",
                    crate::app::query::MAX_QUERY_LEN
                ),
            ));
        }
        for (key, value) in pairs {
            // Page keys are the page's; an empty key (`?=x`, `&&`) carries nothing.
            if key.is_empty() || RESERVED.contains(&key.as_str()) {
                continue;
            }
            match self.specs.iter().position(|s| s.name == key) {
                Some(i) => {
                    let v = self.specs[i].parse(&value, &self.values[i], &mut notices);
                    self.values[i] = v;
                }
                None => notices.push(Notice::new(
                    &key,
                    Problem::UnknownParam,
                    &value,
                    String::new(),
                    format!(
                        "known: {}",
                        self.specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ")
                    ),
                )),
            }
        }
        notices
    }

    /// The canonical query string of every parameter, in schema order.
    pub fn to_query(&self) -> String {
        self.specs
            .iter()
            .zip(&self.values)
            .map(|(s, v)| format!("{}={}", s.name, percent_encode(&v.to_text())))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// `{name: value}` for the embed API's `handle.params()`.
    pub fn to_json(&self) -> serde_json::Value {
        let map = self
            .specs
            .iter()
            .zip(&self.values)
            .map(|(s, v)| {
                (
                    s.name.to_string(),
                    serde_json::to_value(v).unwrap_or(serde_json::Value::Null),
                )
            })
            .collect();
        serde_json::Value::Object(map)
    }

    fn get(&self, name: &str) -> Option<&ParamValue> {
        let i = self.specs.iter().position(|s| s.name == name);
        debug_assert!(i.is_some(), "no parameter {name}");
        i.map(|i| &self.values[i])
    }

    /// A float parameter (0.0 if the view asks for a name it does not declare: a bug the
    /// registry test catches).
    pub fn float(&self, name: &str) -> f64 {
        match self.get(name) {
            Some(ParamValue::Float(v)) => *v,
            _ => 0.0,
        }
    }

    /// An int or seed parameter.
    pub fn int(&self, name: &str) -> i64 {
        match self.get(name) {
            Some(ParamValue::Int(v)) => *v,
            _ => 0,
        }
    }

    /// A bool parameter.
    pub fn bool(&self, name: &str) -> bool {
        matches!(self.get(name), Some(ParamValue::Bool(true)))
    }

    /// A choice parameter's option id.
    pub fn choice(&self, name: &str) -> &'static str {
        match self.get(name) {
            Some(ParamValue::Choice(v)) => v,
            _ => "",
        }
    }

    /// A float-list parameter.
    pub fn float_list(&self, name: &str) -> &[f64] {
        match self.get(name) {
            Some(ParamValue::FloatList(v)) => v,
            _ => &[],
        }
    }
}
