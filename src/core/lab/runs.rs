//! The run protocol (issue 14): how a view's independent runs (the same network trained with
//! four optimizers, three initialisations, sixteen weight scales, the trials of a search) go to
//! Web Workers and come back, so the page's own thread only hands them around.
//!
//! A [`Run`] is `(view, params, seed, index)`: the view's id, a query string of the settings the
//! run depends on (the view writes it and reads it back), the seed and the run's index in the
//! view's list. That is everything a worker needs: a run is a pure function of it, so any worker
//! can take any run, the page can compute the same run itself when there are no workers (the
//! single-file build, `workers=0`), and both give the same numbers. A worker answers with a
//! [`RunReport`]: the run it computed and its result, or (while it computes) the result so far.
//! The view checks the report like any other input: a run it would not hand out now (other
//! settings, another round) is stale and ignored.
//!
//! [`RunQueue`] is the view's side: which runs wait, which are out with a worker, which one the
//! page computes itself and which are done.
use serde::{Deserialize, Serialize};

/// The longest report a view reads (a learning curve of the largest run is about 200 kB of JSON).
pub const MAX_REPORT_BYTES: usize = 1 << 20;

/// One run of a view's experiment: what any worker needs to compute it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The view's id (`learning`, `tuning`).
    pub view: String,
    /// The settings the run depends on, as a query string the view parses.
    pub params: String,
    /// The seed.
    pub seed: u64,
    /// The run's index in the view's list.
    pub index: usize,
}

/// A worker's answer: the run and its result (or, before the end, its result so far).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport<T> {
    /// The run computed.
    pub run: Run,
    /// Its result, or the result so far.
    pub result: T,
}

/// The same report, borrowed, as a worker writes it (each partial curve without copies).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RunReportRef<'a, T> {
    /// See [`RunReport::run`].
    pub run: &'a Run,
    /// See [`RunReport::result`].
    pub result: &'a T,
}

/// Why a report was refused before the view looked at its result.
#[derive(Clone, Debug, PartialEq)]
pub enum ReportError {
    /// Longer than [`MAX_REPORT_BYTES`].
    TooLong(usize),
    /// Not a report of this kind: serde's message.
    Malformed(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::TooLong(n) => write!(f, "a report of {n} bytes: at most {MAX_REPORT_BYTES}"),
            ReportError::Malformed(e) => write!(f, "not a run report: {e}"),
        }
    }
}

impl std::error::Error for ReportError {}

impl<T: serde::de::DeserializeOwned> RunReport<T> {
    /// Reads a report from a worker's JSON text (at most [`MAX_REPORT_BYTES`]).
    pub fn parse(text: &str) -> Result<RunReport<T>, ReportError> {
        if text.len() > MAX_REPORT_BYTES {
            return Err(ReportError::TooLong(text.len()));
        }
        serde_json::from_str(text).map_err(|e| ReportError::Malformed(e.to_string()))
    }
}

/// Where one run of a [`RunQueue`] stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    /// Not started.
    Waiting,
    /// Handed to a worker, result not back yet.
    Claimed,
    /// Being computed in the page.
    InPage,
    /// Its result is in.
    Done,
}

/// A view's runs and where each stands. Workers claim runs ([`RunQueue::claim`]) while the plan
/// is external; otherwise the page takes them one at a time ([`RunQueue::take`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunQueue {
    states: Vec<RunState>,
    external: bool,
}

impl RunQueue {
    /// `runs` runs, all waiting, computed in the page until [`RunQueue::set_external`].
    pub fn new(runs: usize) -> RunQueue {
        RunQueue {
            states: vec![RunState::Waiting; runs],
            external: false,
        }
    }

    /// Number of runs.
    pub fn len(&self) -> usize {
        self.states.len()
    }

    /// Whether there are no runs at all.
    pub fn is_empty(&self) -> bool {
        self.states.is_empty()
    }

    /// Where run `index` stands (`None` past the end).
    pub fn state(&self, index: usize) -> Option<RunState> {
        self.states.get(index).copied()
    }

    /// Whether workers compute the runs.
    pub fn external(&self) -> bool {
        self.external
    }

    /// Workers compute the runs (`true`) or the page does. Either way the runs that were out
    /// (claimed by workers, or the page's own) wait again: the new side starts them afresh.
    pub fn set_external(&mut self, external: bool) {
        self.external = external;
        for s in &mut self.states {
            if matches!(s, RunState::Claimed | RunState::InPage) {
                *s = RunState::Waiting;
            }
        }
    }

    /// Hands the first waiting run to a worker.
    pub fn claim(&mut self) -> Option<usize> {
        self.claim_where(|_| true)
    }

    /// Hands the first waiting run with `wanted(index)` to a worker (a view that shows only
    /// some of its runs computes only those).
    pub fn claim_where(&mut self, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        self.next(RunState::Claimed, wanted)
    }

    /// The first waiting run, for the page to compute (none while workers do).
    pub fn take(&mut self) -> Option<usize> {
        self.take_where(|_| true)
    }

    /// The first waiting run with `wanted(index)`, for the page to compute (none while workers
    /// do).
    pub fn take_where(&mut self, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        if self.external {
            return None;
        }
        self.next(RunState::InPage, wanted)
    }

    fn next(&mut self, to: RunState, wanted: impl Fn(usize) -> bool) -> Option<usize> {
        let i = (0..self.states.len()).find(|&i| self.states[i] == RunState::Waiting && wanted(i))?;
        self.states[i] = to;
        Some(i)
    }

    /// Puts run `index` back on the waiting list if it was out (claimed or in the page).
    pub fn put_back(&mut self, index: usize) {
        if let Some(s) = self.states.get_mut(index) {
            if matches!(s, RunState::Claimed | RunState::InPage) {
                *s = RunState::Waiting;
            }
        }
    }

    /// Puts every claimed run back (their workers were stopped).
    pub fn release(&mut self) {
        for s in &mut self.states {
            if *s == RunState::Claimed {
                *s = RunState::Waiting;
            }
        }
    }

    /// Whether run `index` is out with a worker.
    pub fn is_claimed(&self, index: usize) -> bool {
        self.state(index) == Some(RunState::Claimed)
    }

    /// Marks run `index` done; `false` if there is no such run or it was done already (a second
    /// result for it is stale).
    pub fn finish(&mut self, index: usize) -> bool {
        match self.states.get_mut(index) {
            Some(s) if *s != RunState::Done => {
                *s = RunState::Done;
                true
            }
            _ => false,
        }
    }

    /// Runs not started.
    pub fn pending(&self) -> usize {
        self.count(RunState::Waiting)
    }

    /// Runs done.
    pub fn done(&self) -> usize {
        self.count(RunState::Done)
    }

    /// Whether every run is done.
    pub fn finished(&self) -> bool {
        self.done() == self.len()
    }

    fn count(&self, state: RunState) -> usize {
        self.states.iter().filter(|s| **s == state).count()
    }
}
