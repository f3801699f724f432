//! The records of a CSV text (RFC 4180: fields separated by commas, optionally quoted with `"`,
//! a quote inside a quoted field doubled, line breaks inside quotes kept), each with the line it
//! starts on. The caps are checked before anything is allocated: the text's bytes, then its
//! lines, then each record's fields as they are read.
use super::{Problem, ResultsError, MAX_BYTES, MAX_COLUMNS, MAX_FIELD, MAX_ROWS};

/// One record: the line it starts on (from 1) and its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The line the record starts on, from 1.
    pub line: usize,
    /// Its fields, unquoted.
    pub fields: Vec<String>,
}

fn fail(line: usize, problem: Problem) -> ResultsError {
    ResultsError { line, problem }
}

/// Splits `text` into records; blank lines are skipped. `Err` names the line.
pub fn records(text: &str) -> Result<Vec<Record>, ResultsError> {
    if text.len() > MAX_BYTES {
        return Err(fail(0, Problem::TooLarge { cap: MAX_BYTES }));
    }
    let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
    if lines > MAX_ROWS + 1 {
        return Err(fail(MAX_ROWS + 2, Problem::TooManyRows { cap: MAX_ROWS }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut was_quoted = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted {
                    return Err(fail(start, Problem::OpenQuote));
                }
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    _ => {
                        if c == '\n' {
                            line += 1;
                        }
                        field.push(c);
                    }
                }
            } else {
                match c {
                    '"' if field.is_empty() && !was_quoted => {
                        quoted = true;
                        was_quoted = true;
                    }
                    ',' => {
                        fields.push(std::mem::take(&mut field));
                        was_quoted = false;
                        if fields.len() >= MAX_COLUMNS {
                            return Err(fail(start, Problem::TooManyColumns { cap: MAX_COLUMNS }));
                        }
                    }
                    '\n' => {
                        line += 1;
                        break;
                    }
                    '\r' => {}
                    _ => field.push(c),
                }
            }
            if field.len() > MAX_FIELD {
                return Err(fail(start, Problem::LongField { cap: MAX_FIELD }));
            }
        }
        fields.push(field);
        if !(fields.len() == 1 && fields[0].trim().is_empty()) {
            out.push(Record { line: start, fields });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_breaks_inside_fields() {
        let r = records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",3\r\n").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].fields, vec!["x, y", "say \"hi\""]);
        assert_eq!((r[2].line, r[2].fields[0].as_str()), (4, "two\nlines"));
    }

    #[test]
    fn an_open_quote_names_its_line() {
        let e = records("a,b\n1,2\n\"3,4\n").unwrap_err();
        assert_eq!((e.line, e.problem), (3, Problem::OpenQuote));
    }
}
