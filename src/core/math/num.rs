//! The few float operations the optimizers need, for `f32` and `f64`.
//!
//! A deliberately small trait (no `num-traits` dependency): arithmetic through the std operator
//! traits, plus `sqrt`, `abs`, finiteness and conversion from the `f64` settings. Optimizer
//! settings are stored as `f64`; a step converts them once to `T`, then the inner loops run over
//! plain `&[T]` slices so the compiler can vectorise them.
use std::fmt::Debug;
use std::ops::{Add, AddAssign, Div, Mul, MulAssign, Neg, Sub, SubAssign};

/// A floating-point element type of parameter and gradient arrays: `f32` or `f64`.
pub trait Float:
    Copy
    + Debug
    + Default
    + PartialOrd
    + Send
    + Sync
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
    + AddAssign
    + SubAssign
    + MulAssign
{
    /// 0.
    const ZERO: Self;
    /// 1.
    const ONE: Self;
    /// The nearest value of this type to `v` (rounds for `f32`).
    fn from_f64(v: f64) -> Self;
    /// The value as `f64` (exact for both types).
    fn to_f64(self) -> f64;
    /// Square root.
    fn sqrt(self) -> Self;
    /// Absolute value.
    fn abs(self) -> Self;
    /// Neither infinite nor NaN.
    fn is_finite(self) -> bool;
}

macro_rules! impl_float {
    ($t:ty) => {
        impl Float for $t {
            const ZERO: Self = 0.0;
            const ONE: Self = 1.0;
            #[inline(always)]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn is_finite(self) -> bool {
                <$t>::is_finite(self)
            }
        }
    };
}

impl_float!(f32);
impl_float!(f64);

#[cfg(test)]
mod tests {
    use super::Float;

    fn hypot<T: Float>(a: T, b: T) -> T {
        (a * a + b * b).sqrt()
    }

    #[test]
    fn both_types_compute_the_same_small_expression() {
        assert_eq!(hypot(3.0f64, 4.0), 5.0);
        assert_eq!(hypot(3.0f32, 4.0), 5.0);
        assert_eq!(f32::from_f64(0.1).to_f64(), 0.1f32 as f64);
        assert!(!f64::from_f64(f64::NAN).is_finite());
    }
}
