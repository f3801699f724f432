//! What the page is told about input it could not take as it was: which parameter, what was
//! wrong, what is used instead. One constructor per kind of problem, so every view words them the
//! same way.
use serde::Serialize;

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

impl Notice {
    /// Each value was valid but together they are not (or the core refused the setting): the
    /// previous state is kept.
    pub fn inconsistent(param: &str, detail: impl Into<String>) -> Self {
        Notice::new(param, Problem::Inconsistent, "", String::new(), detail.into())
    }

    /// An action (upload, click, checkpoint, worker result) could not be done: nothing changed.
    pub fn rejected(action: &str, detail: impl Into<String>) -> Self {
        Notice::new(action, Problem::Rejected, "", String::new(), detail.into())
    }

    /// View `view` has no action `name`.
    pub fn unknown_command(view: &str, name: &str) -> Self {
        Notice::rejected(name, format!("{view} has no action {}", quoted(name)))
    }
}

/// `text` in double quotes with the escapes of Rust's `{:?}` for ASCII (`\"`, `\\`, `\n`,
/// `\u{1b}`...); other characters as they are. `{:?}` itself would link Unicode's printable
/// tables into every wasm module for the names of unknown actions.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\'' => out.push(c),
            '\0' => out.push_str("\\0"),
            c if c.is_ascii() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl From<Notice> for Vec<Notice> {
    fn from(n: Notice) -> Self {
        vec![n]
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quoted_is_debug_for_ascii_names() {
        for name in [
            "play",
            "",
            "a\"b",
            "back\\slash",
            "it's",
            "tab\there",
            "new\nline",
            "nul\0",
            "esc\u{1b}",
            "~!@#$%^&*()",
        ] {
            assert_eq!(quoted(name), format!("{name:?}"), "{name}");
        }
        // printable non-ASCII characters stay as they are, as with {:?}
        assert_eq!(quoted("기온 β"), format!("{:?}", "기온 β"));
    }
}
