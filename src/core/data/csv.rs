//! The user's own data from CSV text: numeric feature columns and one label column.
//!
//! Rules: fields separated by commas (or semicolons or tabs, whichever the first line uses most),
//! surrounding spaces and double quotes trimmed, blank lines skipped. The first line is a header
//! when one of its feature fields is not a number. Labels may be numbers or words: for
//! classification the distinct labels, sorted (numerically if all are numbers), become classes
//! 0, 1, ...; for regression the label must be a number. Every problem names its line (1-based,
//! counting the header): a ragged row, a field that is not a finite number, an empty file, or a
//! classification label column with a single class. Caps, checked before parsing: at most
//! [`MAX_BYTES`] bytes, [`MAX_ROWS`] rows and [`MAX_COLUMNS`] columns.
use super::dataset::{Dataset, Task};
use serde::{Deserialize, Serialize};

/// Largest CSV text accepted: 5 MB.
pub const MAX_BYTES: usize = 5_000_000;
/// Most data rows: 50,000.
pub const MAX_ROWS: usize = 50_000;
/// Most columns (features + label): 1,024.
pub const MAX_COLUMNS: usize = 1024;
/// Most classes: 100.
pub const MAX_CLASSES: usize = 100;

/// How to read the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CsvConfig {
    /// Label column index; `None` = the last column. Default `None`.
    pub label_column: Option<usize>,
    /// Labels are classes (true) or values (false). Default true.
    pub classification: bool,
}

impl Default for CsvConfig {
    fn default() -> Self {
        CsvConfig {
            label_column: None,
            classification: true,
        }
    }
}

/// A loaded file: the data plus the names the file gave.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvData {
    /// The rows.
    pub data: Dataset,
    /// Feature column names (`x1`, `x2`, ... without a header).
    pub feature_names: Vec<String>,
    /// Class names in class-index order (empty for regression).
    pub class_names: Vec<String>,
}

/// What is wrong, and on which line (1-based; 0 for the whole file).
#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    /// Line number, from 1 (0: the whole file).
    pub line: usize,
    /// The problem.
    pub message: String,
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for CsvError {}

fn err(line: usize, message: String) -> CsvError {
    CsvError { line, message }
}

fn number(field: &str) -> Option<f64> {
    field.parse::<f64>().ok().filter(|v| v.is_finite())
}

impl CsvConfig {
    /// Parses `text` (see the module header for the rules).
    pub fn load(&self, text: &str) -> Result<CsvData, CsvError> {
        if text.len() > MAX_BYTES {
            return Err(err(
                0,
                format!("the file has {} bytes; at most {MAX_BYTES}", text.len()),
            ));
        }
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        let Some(&(_, first)) = lines.first() else {
            return Err(err(0, "the file is empty".into()));
        };
        let sep = [',', ';', '\t']
            .into_iter()
            .max_by_key(|&c| first.matches(c).count())
            .unwrap_or(',');
        let split = |l: &str| -> Vec<String> {
            l.split(sep)
                .map(|f| f.trim().trim_matches('"').trim().to_string())
                .collect()
        };
        let head = split(first);
        let cols = head.len();
        if cols < 2 {
            return Err(err(
                lines[0].0,
                "need at least one feature column and a label column".into(),
            ));
        }
        if cols > MAX_COLUMNS {
            return Err(err(lines[0].0, format!("{cols} columns; at most {MAX_COLUMNS}")));
        }
        let label = self.label_column.unwrap_or(cols - 1);
        if label >= cols {
            return Err(err(
                0,
                format!("label column {} does not exist ({cols} columns)", label + 1),
            ));
        }
        let is_header = head.iter().enumerate().any(|(j, f)| j != label && number(f).is_none());
        let (names, body) = if is_header {
            (head.clone(), &lines[1..])
        } else {
            ((1..=cols).map(|j| format!("x{j}")).collect(), &lines[..])
        };
        if body.is_empty() {
            return Err(err(0, "no data rows after the header".into()));
        }
        if body.len() > MAX_ROWS {
            return Err(err(0, format!("{} rows; at most {MAX_ROWS}", body.len())));
        }
        let features = cols - 1;
        let mut x = Vec::with_capacity(body.len() * features);
        let mut labels = Vec::with_capacity(body.len());
        for &(line, l) in body {
            let fields = split(l);
            if fields.len() != cols {
                return Err(err(
                    line,
                    format!("{} fields, expected {cols} like the first line", fields.len()),
                ));
            }
            for (j, f) in fields.iter().enumerate() {
                if j == label {
                    continue;
                }
                let v = number(f).ok_or_else(|| {
                    err(
                        line,
                        format!("column {} (\"{}\"): \"{f}\" is not a number", j + 1, names[j]),
                    )
                })?;
                x.push(v);
            }
            labels.push((line, fields[label].clone()));
        }
        let feature_names = names
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != label)
            .map(|(_, n)| n.clone())
            .collect();
        let (y, task, class_names) = if self.classification {
            let mut classes: Vec<String> = labels.iter().map(|(_, l)| l.clone()).collect();
            let numeric = classes.iter().all(|c| number(c).is_some());
            classes.sort_by(|a, b| {
                if numeric {
                    number(a).partial_cmp(&number(b)).unwrap_or(std::cmp::Ordering::Equal)
                } else {
                    a.cmp(b)
                }
            });
            classes.dedup();
            if classes.len() < 2 {
                let only = classes.first().cloned().unwrap_or_default();
                return Err(err(
                    0,
                    format!("the label column has one class only (\"{only}\"); need at least 2"),
                ));
            }
            if classes.len() > MAX_CLASSES {
                return Err(err(0, format!("{} classes; at most {MAX_CLASSES}", classes.len())));
            }
            let y = labels
                .iter()
                .map(|(_, l)| classes.iter().position(|c| c == l).expect("a listed class") as f64)
                .collect();
            let k = classes.len();
            (y, Task::Classification { classes: k }, classes)
        } else {
            let mut y = Vec::with_capacity(labels.len());
            for (line, l) in &labels {
                y.push(number(l).ok_or_else(|| err(*line, format!("label \"{l}\" is not a number")))?);
            }
            (y, Task::Regression, Vec::new())
        };
        Ok(CsvData {
            data: Dataset { x, y, features, task },
            feature_names,
            class_names,
        })
    }
}
