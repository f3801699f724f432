//! The one shape every view has: a [`View`] (parameters in, figure, data, CSV and words out) and
//! its [`ViewEntry`] in the registry ([`super::VIEWS`]), as egui lists its demos.
//!
//! A view is a plain object behind `Box<dyn View>`: [`View::update`] takes a validated
//! [`ParamSet`] and leaves the model unchanged when it returns `Err`; [`View::draw`] draws into
//! the display-list [`Recorder`] only (the canvas and SVG are replays of it); long work advances
//! a little per call ([`View::advance`]); actions that are not parameters are listed in the entry
//! ([`CommandSpec`]) and split into read-only queries ([`View::query`], `&self`) and commands
//! that change the model ([`View::command`], `&mut self`).
use super::params::{quoted, Notice, ParamSet, ParamSpec};
use crate::chart::record::Recorder;
use crate::chart::{ChartError, Lang, Theme};
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use serde::Serialize;

/// The area a view draws its figure into: the whole display-list recorder.
pub type Area = DrawingArea<Recorder, Shift>;

/// A figure's height over its width unless the view says otherwise ([`View::height_for`]).
pub const DEFAULT_ASPECT: f64 = 0.58;

/// One view's model: built from validated parameters, it computes everything its figure shows.
pub trait View {
    /// Takes new parameters, reusing what it can of the current model (random draws that depend
    /// only on the seed, a training run whose tunable settings alone changed). `Err` holds
    /// notices for combinations that are invalid together; the model is then unchanged.
    fn update(&mut self, params: &ParamSet) -> Result<(), Vec<Notice>>;
    /// The numbers the figure shows, as plain JSON (`handle.data()`).
    fn data(&self) -> serde_json::Value;
    /// The little the page shows beside the figure (tables, per-control hints), so an input does
    /// not serialise the whole data set. Default: everything ([`View::data`]).
    fn summary(&self) -> serde_json::Value {
        self.data()
    }
    /// The same numbers as CSV (a header row, then one row per x value).
    fn csv(&self) -> String;
    /// A text alternative for the figure, generated from its data, in `lang`.
    fn describe(&self, lang: Lang) -> String;
    /// Draws the figure into the display list.
    fn draw(&self, root: &Area, theme: &Theme) -> Result<(), ChartError>;
    /// The figure's height for a width of `width` CSS pixels, so a figure of many panels gets
    /// the height its panels need and a narrow screen gets a taller figure rather than crushed
    /// panels. Default: 0.58 of the width.
    fn height_for(&self, width: f64) -> f64 {
        width * DEFAULT_ASPECT
    }
    /// Long work (training runs, studies) done a little at a time: performs at most `max_units`
    /// units of it and says how far the whole job is. `None`: the view has no long work (the
    /// default). The page calls it once per animation frame with a budget it adapts so that a
    /// call stays near 8 ms, shows the progress, and can stop calling (cancel) and start again
    /// (resume): the work is plain state in the model, so nothing leaks and nothing is lost.
    fn advance(&mut self, _max_units: usize) -> Option<Progress> {
        None
    }
    /// A read-only query listed in the entry with [`CommandKind::Query`] (what the page's
    /// buttons read, a search's status). Only listed names reach it.
    fn query(&self, name: &str, _arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Err(Notice::rejected(name, format!("no query {}", quoted(name))).into())
    }
    /// An action listed in the entry with [`CommandKind::Action`] or [`CommandKind::Background`]:
    /// load an uploaded CSV, add a clicked point, take or restore a checkpoint, take in a result
    /// a Web Worker computed. `arg` is the action's text (often JSON). `Err` holds notices and
    /// the model must then be unchanged. Only listed names reach it.
    fn command(&mut self, name: &str, _arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Err(Notice::rejected(name, format!("no action {}", quoted(name))).into())
    }
}

/// How far a view's long work is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Units done.
    pub done: usize,
    /// Units in the whole job.
    pub total: usize,
}

impl Progress {
    /// Whether the job is complete.
    pub fn finished(&self) -> bool {
        self.done >= self.total
    }
}

/// What an action does to the view, so the page knows what to redraw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommandKind {
    /// Reads only ([`View::query`]); nothing is redrawn.
    Query,
    /// Changes what the figure shows ([`View::command`]); the page refreshes and redraws.
    Action,
    /// Changes the model's bookkeeping but nothing shown at once (handing a job to a worker,
    /// taking in its result); the work loop redraws when the progress moves.
    Background,
}

/// One action of a view, as listed in its registry entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CommandSpec {
    /// The name passed to `handle.command(name, arg)`.
    pub name: &'static str,
    /// Query, action or background.
    pub kind: CommandKind,
}

/// A read-only query.
pub const fn query(name: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        kind: CommandKind::Query,
    }
}

/// An action that changes the figure.
pub const fn action(name: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        kind: CommandKind::Action,
    }
}

/// An action that changes nothing shown at once.
pub const fn background(name: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        kind: CommandKind::Background,
    }
}

/// Builds a view from validated parameters (the entry's constructor).
pub type Constructor = fn(&ParamSet) -> Result<Box<dyn View>, Vec<Notice>>;

/// Where a view sits on the course notes' path (the course map and previous/next follow it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Setting up the data and the network: splits, bias and variance, initialisation, gradient
    /// checking (seed 001, week 1).
    Setup,
    /// Regularisation: L2, dropout, early stopping (seed 001, week 1).
    Regularisation,
    /// Optimisation: mini-batches, exponentially weighted averages, the optimizers, learning-rate
    /// decay (seed 001, week 2).
    Optimisation,
    /// Hyperparameter tuning (seeds 000, 002).
    Tuning,
    /// Batch norm (seeds 003, 004).
    BatchNorm,
}

/// A registry entry: what the page's catalogue, the URL state and every test know of a view.
#[derive(Clone, Copy, Serialize)]
pub struct ViewEntry {
    /// The `view=` id.
    pub id: &'static str,
    /// Its place on the notes' path.
    pub stage: Stage,
    /// Its parameters.
    pub params: &'static [ParamSpec],
    /// Its actions.
    pub commands: &'static [CommandSpec],
    /// Builds the view.
    #[serde(skip)]
    pub new: Constructor,
}

impl std::fmt::Debug for ViewEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ViewEntry")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}
