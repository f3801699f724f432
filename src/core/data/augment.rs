//! Data augmentation for the 8 x 8 digits (seed 001, "other regularisation methods": make new
//! training examples by transforming the ones you have — flip, random crop, rotate; worse than
//! truly new data, but better than none). Flipping would turn a 2 into something that is not a
//! digit, so the digits get the two changes a hand really makes: a small rotation and a shift of
//! a pixel or two (Simard, Steinkraus & Platt 2003 train on affine and elastic distortions of
//! MNIST digits the same way).
//!
//! [`AugmentConfig`] -> [`AugmentConfig::validate`] -> [`Augmenter`], which maps one image
//! (`side x side` values in [0, 1], row-major) to its augmented copy:
//! * rotation by `theta` about the image centre `c = (side - 1) / 2` ([`rotate`]): the output
//!   pixel at `(x, y)` (x right, y up, from the centre) reads the input at
//!   `R(-theta) (x, y) = (cos t x + sin t y, -sin t x + cos t y)` by bilinear interpolation,
//!   zero outside the image (positive angles turn the digit counter-clockwise);
//! * then an integer shift by `(dx, dy)` pixels (right, down), zero where nothing moves in
//!   ([`shift`]).
//!
//! Each image draws `dx, dy` uniformly from `-shift_px..=shift_px` and `theta` uniformly from
//! `[-rotate_deg, rotate_deg]` degrees, always in that order (so a shift-only and a shift and
//! rotation run draw the same shifts). The generator of an epoch is [`epoch_rng`]`(seed,
//! epoch)`: the same seed gives the same images every time, and every epoch other images.
use crate::core::math::rng::{seeded, uniform, StdRng};
use crate::core::named::named;
use rand::RngExt;
use serde::{Deserialize, Serialize};

/// The image side of the digits: 8.
pub const SIDE: usize = 8;
/// Largest shift accepted, in pixels: 2 (a quarter of the image).
pub const MAX_SHIFT_PX: usize = 2;
/// Largest rotation accepted, in degrees: 20 (a 7 stays a 7).
pub const MAX_ROTATE_DEG: f64 = 20.0;

/// The augmentations the views offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Augment {
    /// The images as they are. The default.
    None,
    /// Random shifts of up to one pixel.
    Shift,
    /// Random shifts of up to one pixel and rotations of up to 10 degrees.
    ShiftRotate,
}

named!(Augment {
    None => "none",
    Shift => "shift",
    ShiftRotate => "shift_rotate",
});

impl Augment {
    /// The settings of this augmentation (`None` for the images as they are).
    pub fn config(self) -> Option<AugmentConfig> {
        match self {
            Augment::None => None,
            Augment::Shift => Some(AugmentConfig {
                rotate_deg: 0.0,
                ..AugmentConfig::default()
            }),
            Augment::ShiftRotate => Some(AugmentConfig::default()),
        }
    }
}

/// Settings of the augmentation.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AugmentConfig {
    /// Largest shift in pixels, each direction, 0..=[`MAX_SHIFT_PX`]. Default 1.
    pub shift_px: usize,
    /// Largest rotation in degrees, either way, 0..=[`MAX_ROTATE_DEG`]. Default 10.
    pub rotate_deg: f64,
}

impl Default for AugmentConfig {
    fn default() -> Self {
        AugmentConfig {
            shift_px: 1,
            rotate_deg: 10.0,
        }
    }
}

/// The setting an [`AugmentError`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AugmentField {
    /// [`AugmentConfig::shift_px`].
    ShiftPx,
    /// [`AugmentConfig::rotate_deg`].
    RotateDeg,
}

/// A refused setting: which, and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct AugmentError {
    /// The setting.
    pub field: AugmentField,
    /// Its value.
    pub value: f64,
}

impl std::fmt::Display for AugmentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.field {
            AugmentField::ShiftPx => write!(f, "shift {} px is outside 0..={MAX_SHIFT_PX}", self.value),
            AugmentField::RotateDeg => {
                write!(f, "rotation {} degrees is outside 0..={MAX_ROTATE_DEG}", self.value)
            }
        }
    }
}

impl std::error::Error for AugmentError {}

impl AugmentConfig {
    /// Checks both caps (a NaN angle fails too).
    pub fn validate(&self) -> Result<Augmenter, AugmentError> {
        if self.shift_px > MAX_SHIFT_PX {
            return Err(AugmentError {
                field: AugmentField::ShiftPx,
                value: self.shift_px as f64,
            });
        }
        if !(self.rotate_deg >= 0.0 && self.rotate_deg <= MAX_ROTATE_DEG) {
            return Err(AugmentError {
                field: AugmentField::RotateDeg,
                value: self.rotate_deg,
            });
        }
        Ok(Augmenter {
            shift_px: self.shift_px as i64,
            rotate_rad: self.rotate_deg.to_radians(),
        })
    }
}

/// The generator of epoch `epoch` of a run seeded `seed`: a splitmix64 mix of the two (Steele,
/// Lea & Flood 2014) seeds [`seeded`], so neighbouring epochs get unrelated streams.
pub fn epoch_rng(seed: u64, epoch: u64) -> StdRng {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    seeded(mix(mix(seed ^ 0x6175_676D) ^ epoch))
}

/// `image` (`side x side`, row-major) rotated by `theta` radians about its centre, bilinear,
/// zero outside. Any angle (the config's cap is not applied here).
pub fn rotate(image: &[f64], side: usize, theta: f64) -> Vec<f64> {
    let c = (side as f64 - 1.0) / 2.0;
    let (s, co) = theta.sin_cos();
    let at = |r: i64, col: i64| -> f64 {
        if r < 0 || col < 0 || r >= side as i64 || col >= side as i64 {
            0.0
        } else {
            image[r as usize * side + col as usize]
        }
    };
    let mut out = vec![0.0; side * side];
    for r in 0..side {
        for col in 0..side {
            let (x, y) = (col as f64 - c, c - r as f64);
            let (xs, ys) = (co * x + s * y, -s * x + co * y);
            let (fc, fr) = (c + xs, c - ys);
            let (c0, r0) = (fc.floor(), fr.floor());
            let (tx, ty) = (fc - c0, fr - r0);
            let (c0, r0) = (c0 as i64, r0 as i64);
            out[r * side + col] = (1.0 - ty) * ((1.0 - tx) * at(r0, c0) + tx * at(r0, c0 + 1))
                + ty * ((1.0 - tx) * at(r0 + 1, c0) + tx * at(r0 + 1, c0 + 1));
        }
    }
    out
}

/// `image` moved `dx` pixels right and `dy` down, zero where nothing moves in.
pub fn shift(image: &[f64], side: usize, dx: i64, dy: i64) -> Vec<f64> {
    let mut out = vec![0.0; side * side];
    for r in 0..side as i64 {
        for c in 0..side as i64 {
            let (sr, sc) = (r - dy, c - dx);
            if (0..side as i64).contains(&sr) && (0..side as i64).contains(&sc) {
                out[(r * side as i64 + c) as usize] = image[(sr * side as i64 + sc) as usize];
            }
        }
    }
    out
}

/// A validated augmentation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Augmenter {
    shift_px: i64,
    rotate_rad: f64,
}

impl Augmenter {
    /// One augmented copy of `image` (`SIDE x SIDE`): draws `dx`, `dy`, then the angle from
    /// `rng`, rotates, then shifts.
    pub fn augment(&self, image: &[f64], rng: &mut StdRng) -> Vec<f64> {
        let s = self.shift_px;
        let dx = rng.random_range(-s..=s);
        let dy = rng.random_range(-s..=s);
        let theta = uniform(rng, -self.rotate_rad, self.rotate_rad);
        let turned = if theta == 0.0 {
            image.to_vec()
        } else {
            rotate(image, SIDE, theta)
        };
        shift(&turned, SIDE, dx, dy)
    }

    /// An augmented copy of every image of `rows` (`SIDE * SIDE` values each, row-major), in
    /// order, from one generator (an epoch's: [`epoch_rng`]).
    pub fn augment_rows(&self, rows: &[f64], rng: &mut StdRng) -> Vec<f64> {
        rows.chunks_exact(SIDE * SIDE)
            .flat_map(|img| self.augment(img, rng))
            .collect()
    }
}
