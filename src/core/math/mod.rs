//! Numeric infrastructure under the concepts: the blocked f32 matrix product ([`gemm`]), the
//! portable `exp`, sigmoid and tanh ([`exp`]), the small float trait the optimizers and the
//! network share ([`num`]), the seeded random generator and its distributions ([`rng`]) and
//! contour lines of a function on a grid ([`contour`]) and the one number formatter ([`format`]).
pub mod contour;
pub mod exp;
pub mod format;
pub mod gemm;
pub mod num;
pub mod rng;
