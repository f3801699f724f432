//! The registry's machinery: one line per view (`id in "module" [with digits [when RULE]]`) gives its module
//! declaration, compiled only in builds with the module's cargo feature; the [`super::VIEWS`]
//! table of the views compiled in, in navigation order (a `const`, compacted at compile time);
//! and [`super::MODULES`], where every view lives and what it loads, compiled in or not.
use super::params::When;
use super::view::{Stage, ViewEntry};
use serde::Serialize;

/// Where a view lives in the page: which wasm module holds it and which data files it needs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ViewModule {
    /// The `view=` id.
    pub id: &'static str,
    /// The wasm module (`pkg/<module>/`), a cargo feature of the crate.
    pub module: &'static str,
    /// When it trains on the digits (`www/data/digits.bin`, fetched only then): never (`None`),
    /// always, or while a rule on its parameters holds (`train` only with `dataset=digits`).
    pub digits: Option<When>,
}

/// A stand-in for the empty slots of [`compact`]'s array (never read).
const NONE: ViewEntry = ViewEntry {
    id: "",
    stage: Stage::Setup,
    params: &[],
    commands: &[],
    new: |_| Err(Vec::new()),
};

/// How many slots hold a view.
pub(super) const fn count(slots: &[Option<ViewEntry>]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < slots.len() {
        if slots[i].is_some() {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The views of `slots`, in order, without the empty slots.
pub(super) const fn compact<const K: usize>(slots: &[Option<ViewEntry>]) -> [ViewEntry; K] {
    let mut out = [NONE; K];
    let (mut i, mut k) = (0, 0);
    while i < slots.len() {
        if let Some(entry) = slots[i] {
            out[k] = entry;
            k += 1;
        }
        i += 1;
    }
    out
}

/// When a view declared `with digits [when RULE]` needs the digits.
macro_rules! with_digits {
    () => {
        None
    };
    (digits) => {
        Some($crate::app::params::When::Always)
    };
    (digits $rule:expr) => {
        Some($rule)
    };
}
pub(super) use with_digits;

/// The registry: see the module header.
macro_rules! registry {
    ($($id:ident in $module:literal $(with $asset:ident $(when $rule:expr)?)?),+ $(,)?) => {
        $(
            #[cfg(feature = $module)]
            pub mod $id;
        )+

        #[allow(non_upper_case_globals)]
        mod slots {
            use super::ViewEntry;
            $(
                #[cfg(feature = $module)]
                pub const $id: Option<ViewEntry> = Some(super::$id::ENTRY);
                #[cfg(not(feature = $module))]
                pub const $id: Option<ViewEntry> = None;
            )+
        }

        const SLOTS: &[Option<ViewEntry>] = &[$(slots::$id),+];
        const COMPILED: usize = registry::count(SLOTS);

        /// Every registered view compiled into this build, in navigation order.
        pub const VIEWS: &[ViewEntry] = &registry::compact::<COMPILED>(SLOTS);

        /// Every registered view, compiled in or not: the wasm module that holds it and the data
        /// it trains on.
        pub const MODULES: &[registry::ViewModule] = &[$(registry::ViewModule {
            id: stringify!($id),
            module: $module,
            digits: registry::with_digits!($($asset $($rule)?)?),
        }),+];
    };
}
pub(super) use registry;
