//! Enums whose values have short ids (`adam`, `relu`, `bowl`): the ids the URL, the page's
//! selects and the exported code use, in one place per enum. The app builds its choice
//! parameters from [`Named::IDS`] and reads them back with [`Named::from_id`], so an option
//! cannot be spelt two ways.

/// An enum with an id per value, listed in display order.
pub trait Named: Sized + Copy + 'static {
    /// Every value's id, in display order.
    const IDS: &'static [&'static str];
    /// The value's id.
    fn id(self) -> &'static str;
    /// The value with id `id`.
    fn from_id(id: &str) -> Option<Self>;
}

/// Implements [`Named`] and the inherent `ALL`, `IDS`, `id()` and `from_id()` for a fieldless
/// enum from its `Variant => "id"` pairs, in display order.
macro_rules! named {
    ($ty:ident { $($variant:ident => $id:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in display order.
            pub const ALL: [$ty; [$($id),+].len()] = [$($ty::$variant),+];
            /// Every id, in display order.
            pub const IDS: [&'static str; [$($id),+].len()] = [$($id),+];

            /// The short id.
            pub const fn id(self) -> &'static str {
                match self {
                    $($ty::$variant => $id),+
                }
            }

            /// The value with id `id`.
            pub fn from_id(id: &str) -> Option<$ty> {
                $ty::ALL.into_iter().find(|v| v.id() == id)
            }
        }

        impl $crate::core::named::Named for $ty {
            const IDS: &'static [&'static str] = &$ty::IDS;
            fn id(self) -> &'static str {
                $ty::id(self)
            }
            fn from_id(id: &str) -> Option<Self> {
                $ty::from_id(id)
            }
        }
    };
}
pub(crate) use named;
