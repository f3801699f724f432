//! The views: each is a [`ViewModel`] (parameters -> core computation -> figure, data and CSV),
//! listed once in the registry below. The page, the URL state, the embed API and the tests all
//! iterate [`VIEWS`].
use crate::chart::record::{replay, Op, Recorder};
use crate::chart::{ChartError, Lang, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

pub mod activations_view;
pub mod batchnorm_view;
pub mod ewma_view;
pub mod gradcheck_view;
pub mod optimizers_view;
pub mod params;
pub mod query;
pub mod scale_view;
pub mod search_view;
pub mod space_view;
pub mod train_view;
pub mod tuning_view;

use params::{Notice, ParamSet, ParamSpec, Problem};

/// One view's model: built from validated parameters, it computes everything its figure shows.
pub trait ViewModel: Sized {
    /// The `view=` id.
    const ID: &'static str;
    /// The parameter schema.
    const PARAMS: &'static [ParamSpec];
    /// Computes the view from validated parameters. `Err` holds notices for combinations that
    /// are invalid together; the caller then keeps its previous state.
    fn build(params: &ParamSet) -> Result<Self, Vec<Notice>>;
    /// Computes the view for new parameters, reusing what it can of the current model (e.g. random
    /// draws that depend only on the seed). Default: [`ViewModel::build`].
    fn rebuild(&self, params: &ParamSet) -> Result<Self, Vec<Notice>> {
        Self::build(params)
    }
    /// The numbers the figure shows, as plain JSON (`handle.data()`).
    fn data(&self) -> serde_json::Value;
    /// The little the page shows beside the figure (tables, per-control hints), so an input does
    /// not serialise the whole data set. Default: everything ([`ViewModel::data`]).
    fn summary(&self) -> serde_json::Value {
        self.data()
    }
    /// The same numbers as CSV (a header row, then one row per x value).
    fn csv(&self) -> String;
    /// A text alternative for the figure, generated from its data, in `lang`.
    fn describe(&self, lang: Lang) -> String;
    /// Draws the figure.
    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError>;
    /// Long work (training runs, studies) done a little at a time: performs at most `max_units`
    /// units of it and says how far the whole job is. `None`: the view has no long work (the
    /// default). The page calls it once per animation frame with a budget it adapts so that a
    /// call stays near 8 ms, shows the progress, and can stop calling (cancel) and start again
    /// (resume): the work is plain state in the model, so nothing leaks and nothing is lost.
    fn advance(&mut self, _max_units: usize) -> Option<Progress> {
        None
    }
    /// An action that is not a parameter (it does not belong in the share link): load an
    /// uploaded CSV, add a clicked point, take or restore a checkpoint, take in a result a Web
    /// Worker computed. `arg` is the action's text (often JSON). Returns a small JSON result;
    /// `Err` holds notices ([`Problem::Rejected`]) and the model must then be unchanged.
    /// Default: every command is unknown.
    fn command(&mut self, name: &str, _arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        Err(vec![Notice::new(
            name,
            Problem::Rejected,
            "",
            String::new(),
            format!("{} has no action {name:?}", Self::ID),
        )])
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

/// A view with its current parameters. Invalid input never replaces a valid state.
pub struct Mounted<V> {
    params: ParamSet,
    model: V,
}

impl<V: ViewModel> Mounted<V> {
    /// The view at its defaults (a registry test checks that every default builds).
    pub fn new() -> Result<Self, Vec<Notice>> {
        let params = ParamSet::defaults(V::PARAMS);
        let model = V::build(&params)?;
        Ok(Mounted { params, model })
    }

    /// Applies a query string; returns the notices. On an invalid combination the previous
    /// parameters and figure stay.
    pub fn set(&mut self, query: &str) -> Vec<Notice> {
        let mut next = self.params.clone();
        let mut notices = next.apply_query(query);
        if next != self.params {
            match self.model.rebuild(&next) {
                Ok(model) => {
                    self.params = next;
                    self.model = model;
                }
                Err(mut more) => notices.append(&mut more),
            }
        }
        notices
    }

    /// Current parameters.
    pub fn params(&self) -> &ParamSet {
        &self.params
    }

    /// Current model.
    pub fn model(&self) -> &V {
        &self.model
    }

    /// See [`ViewModel::advance`].
    pub fn advance(&mut self, max_units: usize) -> Option<Progress> {
        self.model.advance(max_units)
    }

    /// See [`ViewModel::command`].
    pub fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
        self.model.command(name, arg)
    }
}

/// A registry entry: the id and the parameter schema, as the page's catalogue sees them.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct ViewInfo {
    /// The `view=` id.
    pub id: &'static str,
    /// Its parameters.
    pub params: &'static [ParamSpec],
}

macro_rules! registry {
    ($($variant:ident($model:ty)),+ $(,)?) => {
        /// Every registered view, in navigation order.
        pub const VIEWS: &[ViewInfo] = &[
            $(ViewInfo { id: <$model as ViewModel>::ID, params: <$model as ViewModel>::PARAMS }),+
        ];

        /// A mounted view of any registered kind.
        pub enum AnyView {
            $(
                #[allow(missing_docs)]
                $variant(Mounted<$model>)
            ),+
        }

        impl AnyView {
            /// Mounts view `id` at its defaults; an unknown id gives an [`Problem::UnknownView`] notice.
            pub fn new(id: &str) -> Result<Self, Vec<Notice>> {
                $(
                    if id == <$model as ViewModel>::ID {
                        return Mounted::<$model>::new().map(AnyView::$variant);
                    }
                )+
                Err(vec![Notice::new(
                    "view",
                    Problem::UnknownView,
                    id,
                    String::new(),
                    format!("known: {}", VIEWS.iter().map(|v| v.id).collect::<Vec<_>>().join(", ")),
                )])
            }

            /// The view's id.
            pub fn id(&self) -> &'static str {
                match self { $(AnyView::$variant(_) => <$model as ViewModel>::ID),+ }
            }

            /// Applies a query string (see [`Mounted::set`]).
            pub fn set(&mut self, query: &str) -> Vec<Notice> {
                match self { $(AnyView::$variant(v) => v.set(query)),+ }
            }

            /// Current parameters.
            pub fn params(&self) -> &ParamSet {
                match self { $(AnyView::$variant(v) => v.params()),+ }
            }

            /// See [`ViewModel::data`].
            pub fn data(&self) -> serde_json::Value {
                match self { $(AnyView::$variant(v) => v.model().data()),+ }
            }

            /// See [`ViewModel::advance`].
            pub fn advance(&mut self, max_units: usize) -> Option<Progress> {
                match self { $(AnyView::$variant(v) => v.advance(max_units)),+ }
            }

            /// See [`ViewModel::command`].
            pub fn command(&mut self, name: &str, arg: &str) -> Result<serde_json::Value, Vec<Notice>> {
                match self { $(AnyView::$variant(v) => v.command(name, arg)),+ }
            }

            /// See [`ViewModel::summary`].
            pub fn summary(&self) -> serde_json::Value {
                match self { $(AnyView::$variant(v) => v.model().summary()),+ }
            }

            /// See [`ViewModel::csv`].
            pub fn csv(&self) -> String {
                match self { $(AnyView::$variant(v) => v.model().csv()),+ }
            }

            /// See [`ViewModel::describe`].
            pub fn describe(&self, lang: Lang) -> String {
                match self { $(AnyView::$variant(v) => v.model().describe(lang)),+ }
            }

            /// See [`ViewModel::draw`].
            pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
                match self { $(AnyView::$variant(v) => v.model().draw(root, theme)),+ }
            }
        }
    };
}

registry! {
    Ewma(ewma_view::EwmaView),
    Optimizers(optimizers_view::OptimizersView),
    Search(search_view::SearchView),
    Scale(scale_view::ScaleView),
    Space(space_view::SpaceView),
    Activations(activations_view::ActivationsView),
    GradCheck(gradcheck_view::GradCheckView),
    Batchnorm(batchnorm_view::BatchnormView),
    Train(train_view::TrainView),
    Tuning(tuning_view::TuningView),
}

/// Default figure size in CSS pixels, used by SVG exports.
pub const DEFAULT_SIZE: (u32, u32) = (760, 440);
/// The largest figure drawn, per side, in device pixels (bigger requests are clamped).
pub const MAX_FIGURE_SIDE: u32 = 4096;

impl AnyView {
    /// The figure as an SVG document, drawn by the same chart code as the canvas.
    pub fn svg(&self, width: u32, height: u32, lang: Lang) -> Result<String, ChartError> {
        let size = (width.clamp(16, MAX_FIGURE_SIDE), height.clamp(16, MAX_FIGURE_SIDE));
        let ops = self.record(size, &Theme { scale: 1.0, lang })?;
        let mut out = String::new();
        {
            let mut svg = SVGBackend::with_string(&mut out, size);
            replay(&ops, &mut svg).map_err(|e| ChartError(e.to_string()))?;
        }
        Ok(out)
    }

    /// Draws the figure once into a display list (see [`crate::chart::record`]), for any backend.
    pub fn record(&self, size: (u32, u32), theme: &Theme) -> Result<Vec<Op>, ChartError> {
        let recorder = Recorder::new(size);
        let ops = recorder.ops();
        {
            let root = recorder.into_drawing_area();
            self.draw(&root, theme)?;
            root.present()?;
        }
        let list = ops.borrow().clone();
        Ok(list)
    }
}

/// The catalogue the page builds its navigation and controls from: views, their parameters, and
/// the reserved page keys.
pub fn catalog_json() -> serde_json::Value {
    serde_json::json!({
        "views": VIEWS,
        "reserved": params::RESERVED,
    })
}

/// Writes rows of numbers as CSV with the given header.
pub fn csv_table(header: &[String], rows: impl Iterator<Item = Vec<f64>>) -> String {
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.iter().map(|v| params::format_float(*v)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
