//! The three layouts a results file may have, told apart by the header: Optuna's
//! `trials_dataframe()` (`number`, `state`, `params_*`), Ray Tune's result columns (`trial_id`,
//! `config/*`), the lab's own (`round`, `trial`, `lr`, ...). Every field read is checked (a
//! number where a number belongs, an accuracy in `[0, 1]`, a rate above 0), and a field that is
//! not names its line and column.
use super::csv::Record;
use super::{ImportedTrial, Problem, Results, ResultsError, Source, State, MAX_CURVE, MAX_IMPORTED};
use std::collections::HashMap;

/// The header of a file: the column of each name.
struct Header<'a> {
    names: &'a [String],
}

impl Header<'_> {
    fn find(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.names.iter().position(|h| h.trim() == *n))
    }

    fn need(&self, names: &[&'static str]) -> Result<usize, ResultsError> {
        self.find(names).ok_or(ResultsError {
            line: 1,
            problem: Problem::MissingColumn(names[0]),
        })
    }
}

/// One record's fields, read with the line and column named on error.
struct Row<'a> {
    record: &'a Record,
    header: &'a [String],
}

impl Row<'_> {
    fn bad(&self, col: usize) -> ResultsError {
        ResultsError {
            line: self.record.line,
            problem: Problem::BadValue {
                column: self.header[col].trim().to_string(),
                text: self.text(col).chars().take(40).collect(),
            },
        }
    }

    fn text(&self, col: usize) -> &str {
        self.record.fields[col].trim()
    }

    /// A number (empty, `nan`: `None`).
    fn number(&self, col: usize) -> Result<Option<f64>, ResultsError> {
        let t = self.text(col);
        if t.is_empty() || t.eq_ignore_ascii_case("nan") || t == "None" {
            return Ok(None);
        }
        t.parse::<f64>().map(Some).map_err(|_| self.bad(col))
    }

    /// A number that must be there and satisfy `ok`.
    fn required(&self, col: usize, ok: fn(f64) -> bool) -> Result<f64, ResultsError> {
        match self.number(col)? {
            Some(v) if ok(v) => Ok(v),
            _ => Err(self.bad(col)),
        }
    }

    /// An optional number that satisfies `ok` when there.
    fn optional(&self, col: Option<usize>, ok: fn(f64) -> bool) -> Result<Option<f64>, ResultsError> {
        let Some(col) = col else { return Ok(None) };
        match self.number(col)? {
            Some(v) if !ok(v) => Err(self.bad(col)),
            v => Ok(v),
        }
    }

    /// A whole number `>= min`.
    fn whole(&self, col: usize, min: f64) -> Result<usize, ResultsError> {
        let v = self.required(col, |v| v.fract() == 0.0 && v < 1e9)?;
        if v < min {
            return Err(self.bad(col));
        }
        Ok(v as usize)
    }

    /// A curve written as a Python list (`[0.1, 0.25]`) of accuracies; empty field: no curve.
    fn curve(&self, col: Option<usize>) -> Result<Vec<f64>, ResultsError> {
        let Some(col) = col else { return Ok(Vec::new()) };
        let t = self.text(col);
        if t.is_empty() || t == "None" || t.eq_ignore_ascii_case("nan") {
            return Ok(Vec::new());
        }
        let inner = t
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .ok_or_else(|| self.bad(col))?;
        if inner.trim().is_empty() {
            return Ok(Vec::new());
        }
        if inner.bytes().filter(|&b| b == b',').count() >= MAX_CURVE {
            return Err(ResultsError {
                line: self.record.line,
                problem: Problem::LongCurve,
            });
        }
        inner
            .split(',')
            .map(|x| {
                x.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|v| accuracy(*v))
                    .ok_or_else(|| self.bad(col))
            })
            .collect()
    }
}

fn accuracy(v: f64) -> bool {
    (0.0..=1.0).contains(&v)
}

fn rate(v: f64) -> bool {
    v > 0.0 && v.is_finite()
}

/// Reads the records of a file (the first is the header).
pub fn read(records: &[Record]) -> Result<Results, ResultsError> {
    let Some((head, body)) = records.split_first() else {
        return Err(ResultsError {
            line: 1,
            problem: Problem::UnknownColumns,
        });
    };
    let header = Header { names: &head.fields };
    for r in body {
        if r.fields.len() != head.fields.len() {
            return Err(ResultsError {
                line: r.line,
                problem: Problem::Ragged {
                    want: head.fields.len(),
                    got: r.fields.len(),
                },
            });
        }
    }
    let rows: Vec<Row> = body
        .iter()
        .map(|record| Row {
            record,
            header: &head.fields,
        })
        .collect();
    let has = |names: &[&str]| header.find(names).is_some();
    let trials = if has(&["number"]) && has(&["state"]) && has(&["params_lr", "params_learning_rate"]) {
        (Source::Optuna, optuna(&header, &rows)?)
    } else if has(&["trial_id"]) && has(&["config/lr", "config/learning_rate"]) {
        (Source::RayTune, ray(&header, &rows)?)
    } else if has(&["round"]) && has(&["trial"]) && has(&["lr"]) && has(&["epochs"]) {
        (Source::Lab, lab(&header, &rows)?)
    } else {
        return Err(ResultsError {
            line: 1,
            problem: Problem::UnknownColumns,
        });
    };
    if trials.1.len() > MAX_IMPORTED {
        return Err(ResultsError {
            line: 0,
            problem: Problem::TooManyTrials,
        });
    }
    Ok(Results {
        source: trials.0,
        trials: trials.1,
    })
}

/// Optuna's `trials_dataframe()`: one row per trial; running or waiting trials are skipped.
fn optuna(h: &Header, rows: &[Row]) -> Result<Vec<ImportedTrial>, ResultsError> {
    let number = h.need(&["number"])?;
    let state = h.need(&["state"])?;
    let value = h.need(&["value"])?;
    let lr = h.need(&["params_lr", "params_learning_rate"])?;
    let wd = h.need(&["params_weight_decay"])?;
    let val_curve = h.find(&["user_attrs_val_acc"]);
    let train_curve = h.find(&["user_attrs_train_acc"]);
    let epochs = h.find(&["user_attrs_epochs"]);
    let diverged = h.find(&["user_attrs_diverged_epoch"]);
    let mut out = Vec::new();
    for r in rows {
        let mut st = match r.text(state) {
            "COMPLETE" => State::Complete,
            "PRUNED" => State::Pruned,
            "FAIL" => State::Failed,
            "RUNNING" | "WAITING" => continue,
            _ => return Err(r.bad(state)),
        };
        let n = r.whole(number, 0.0)?;
        let val_acc = r.curve(val_curve)?;
        let train_acc = r.curve(train_curve)?;
        if r.optional(diverged, |v| v >= 1.0)?.is_some() {
            st = State::Diverged;
        }
        let v = match st {
            State::Complete => r.required(value, accuracy)?,
            State::Pruned => match val_acc.last() {
                Some(&v) => v,
                None => r.optional(Some(value), accuracy)?.unwrap_or(0.0),
            },
            State::Diverged | State::Failed => 0.0,
        };
        let epochs = match epochs {
            Some(c) if r.number(c)?.is_some() => r.whole(c, 0.0)?,
            _ => val_acc.len(),
        };
        out.push(ImportedTrial {
            number: n,
            label: n.to_string(),
            round: 0,
            lr: r.required(lr, rate)?,
            weight_decay: r.required(wd, rate)?,
            val: v,
            train: train_acc.last().copied(),
            epochs,
            val_acc,
            train_acc,
            state: st,
        });
    }
    Ok(out)
}

/// Ray Tune's result columns: a row per trial (`get_dataframe()`) or per reported epoch (every
/// trial's `metrics_dataframe`), grouped by `trial_id` in the order the trials first appear. A
/// trial stopped before the most epochs any trial trained was stopped by the scheduler.
fn ray(h: &Header, rows: &[Row]) -> Result<Vec<ImportedTrial>, ResultsError> {
    let id = h.need(&["trial_id"])?;
    let iteration = h.need(&["training_iteration"])?;
    let val = h.need(&["val_acc"])?;
    let lr = h.need(&["config/lr", "config/learning_rate"])?;
    let wd = h.need(&["config/weight_decay"])?;
    let train = h.find(&["train_acc"]);
    let diverged = h.find(&["diverged_epoch"]);
    // per trial: (label, lr, weight decay, [(iteration, val, train)], diverged)
    type Points = Vec<(usize, f64, Option<f64>)>;
    let mut trials: Vec<(String, f64, f64, Points, bool)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for r in rows {
        let label = r.text(id).to_string();
        let it = r.whole(iteration, 1.0)?;
        if it > MAX_CURVE {
            return Err(r.bad(iteration));
        }
        let point = (it, r.required(val, accuracy)?, r.optional(train, accuracy)?);
        let gone = r.optional(diverged, |v| v >= 1.0)?.is_some();
        let (rate_lr, rate_wd) = (r.required(lr, rate)?, r.required(wd, rate)?);
        match index.get(&label).map(|&k| &mut trials[k]) {
            Some(t) => {
                if t.3.len() >= MAX_CURVE {
                    return Err(ResultsError {
                        line: r.record.line,
                        problem: Problem::LongCurve,
                    });
                }
                t.3.push(point);
                t.4 |= gone;
            }
            None => {
                if trials.len() >= MAX_IMPORTED {
                    return Err(ResultsError {
                        line: r.record.line,
                        problem: Problem::TooManyTrials,
                    });
                }
                index.insert(label.clone(), trials.len());
                trials.push((label, rate_lr, rate_wd, vec![point], gone));
            }
        }
    }
    let most = trials.iter().flat_map(|t| t.3.iter().map(|p| p.0)).max().unwrap_or(0);
    Ok(trials
        .into_iter()
        .enumerate()
        .map(|(number, (label, lr, weight_decay, mut points, gone))| {
            points.sort_by_key(|p| p.0);
            points.dedup_by_key(|p| p.0);
            let (epochs, last, train) = points.last().copied().unwrap_or((0, 0.0, None));
            // curves only where every epoch is there (a row per trial has just the last)
            let whole = points.iter().enumerate().all(|(k, p)| p.0 == k + 1);
            let val_acc = if whole {
                points.iter().map(|p| p.1).collect()
            } else {
                Vec::new()
            };
            let train_acc = if whole && points.iter().all(|p| p.2.is_some()) {
                points.iter().filter_map(|p| p.2).collect()
            } else {
                Vec::new()
            };
            let state = if gone {
                State::Diverged
            } else if epochs < most {
                State::Pruned
            } else {
                State::Complete
            };
            ImportedTrial {
                number,
                label,
                round: 0,
                lr,
                weight_decay,
                val: if gone { 0.0 } else { last },
                train,
                epochs,
                val_acc,
                train_acc,
                state,
            }
        })
        .collect())
}

/// The lab's own CSV: every trial of every round; a trial not trained yet (epochs 0) is skipped,
/// one trained fewer epochs than the most of its round was stopped by successive halving.
fn lab(h: &Header, rows: &[Row]) -> Result<Vec<ImportedTrial>, ResultsError> {
    let round = h.need(&["round"])?;
    let trial = h.need(&["trial"])?;
    let lr = h.need(&["lr"])?;
    let wd = h.need(&["weight_decay"])?;
    let epochs = h.need(&["epochs"])?;
    let val = h.need(&["val_acc"])?;
    let train = h.find(&["train_acc"]);
    let diverged = h.find(&["diverged_epoch"]);
    let mut out = Vec::new();
    for r in rows {
        let e = r.whole(epochs, 0.0)?;
        if e == 0 {
            continue;
        }
        let n = r.whole(trial, 0.0)?;
        let gone = r.optional(diverged, |v| v >= 0.0)?.is_some_and(|d| d > 0.0);
        out.push(ImportedTrial {
            number: n,
            label: n.to_string(),
            round: r.whole(round, 0.0)?,
            lr: r.required(lr, rate)?,
            weight_decay: r.required(wd, rate)?,
            val: if gone { 0.0 } else { r.required(val, accuracy)? },
            train: r.optional(train, accuracy)?,
            epochs: e,
            val_acc: Vec::new(),
            train_acc: Vec::new(),
            state: if gone { State::Diverged } else { State::Complete },
        });
    }
    let most = |round: usize, v: &[ImportedTrial]| v.iter().filter(|t| t.round == round).map(|t| t.epochs).max();
    let snapshot = out.clone();
    for t in &mut out {
        if t.state == State::Complete && most(t.round, &snapshot).is_some_and(|m| t.epochs < m) {
            t.state = State::Pruned;
        }
    }
    Ok(out)
}
