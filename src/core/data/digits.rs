//! The handwritten digits that scikit-learn ships (UCI "Optical Recognition of Handwritten
//! Digits", test part; E. Alpaydin and C. Kaynak, 1998; CC BY 4.0): 1,797 images of 8 x 8 pixels,
//! each pixel a count 0..16 of set pixels in a 4 x 4 block of the original 32 x 32 bitmap, and the
//! digit 0..9. The small, real stand-in for MNIST.
//!
//! `scripts/make_digits.py` converts the CSV inside scikit-learn's wheel into `www/data/digits.bin`
//! (attribution in `www/data/DIGITS-LICENSE.md`). Format, integers little-endian: magic `TLD1`,
//! u32 image count, u16 rows, u16 cols, then per image `rows * cols` pixel bytes (row-major, 0..16)
//! and one label byte (0..9).
use super::dataset::{Dataset, Task};

/// The digits file itself (`www/data/digits.bin`), embedded in builds with the `embed-digits`
/// feature (native tests); the page's engine module is handed the file instead
/// (`crate::app::assets`), so only the views that train on it fetch it.
#[cfg(feature = "embed-digits")]
pub static EMBEDDED: &[u8] = include_bytes!("../../../www/data/digits.bin");

/// Decodes the embedded digits into a data set (pixels / 16, one class per digit).
#[cfg(feature = "embed-digits")]
pub fn embedded() -> Result<Dataset, DigitsError> {
    parse(EMBEDDED).map(|d| d.dataset())
}

/// Images in [`HEAD`]: the first few of the file.
pub const HEAD_IMAGES: usize = 9;
/// The digits file, read only at compile time here (for [`HEAD`]).
const FILE: &[u8] = include_bytes!("../../../www/data/digits.bin");
/// Bytes per image in the file: its pixels (rows x cols from the header) and its label.
const RECORD: usize = (FILE[8] as usize | (FILE[9] as usize) << 8) * (FILE[10] as usize | (FILE[11] as usize) << 8) + 1;

/// The first [`HEAD_IMAGES`] images of the digits file as a digits file of their own (its count
/// field says so; [`parse`] reads it), compiled into every build: the training view's dataset
/// button draws them, and no page fetches the whole file for a picture of 56 pixels.
pub static HEAD: [u8; HEADER + HEAD_IMAGES * RECORD] = head();

const fn head() -> [u8; HEADER + HEAD_IMAGES * RECORD] {
    let mut out = [0; HEADER + HEAD_IMAGES * RECORD];
    let mut i = 0;
    while i < out.len() {
        out[i] = FILE[i];
        i += 1;
    }
    let count = (HEAD_IMAGES as u32).to_le_bytes();
    let mut k = 0;
    while k < 4 {
        out[4 + k] = count[k];
        k += 1;
    }
    out
}

/// Images in the embedded file: 1,797.
pub const COUNT: usize = 1797;

/// The file's first four bytes.
pub const MAGIC: &[u8; 4] = b"TLD1";
/// Header bytes before the records.
pub const HEADER: usize = 12;
/// Most images accepted (the real file has 1,797).
pub const MAX_IMAGES: usize = 100_000;
/// Largest pixel value.
pub const MAX_PIXEL: u8 = 16;

/// Why a digits file was refused.
#[derive(Clone, Debug, PartialEq)]
pub struct DigitsError(pub String);

impl std::fmt::Display for DigitsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DigitsError {}

/// The decoded images.
#[derive(Clone, Debug, PartialEq)]
pub struct Digits {
    /// Image height in pixels (8).
    pub rows: usize,
    /// Image width in pixels (8).
    pub cols: usize,
    /// Pixels, `count x rows x cols`, values 0..16.
    pub pixels: Vec<u8>,
    /// The digit of each image.
    pub labels: Vec<u8>,
}

/// Parses `digits.bin`, checking the header, the length and every value's range.
pub fn parse(bytes: &[u8]) -> Result<Digits, DigitsError> {
    if bytes.len() < HEADER || &bytes[..4] != MAGIC {
        return Err(DigitsError("not a trainlab digits file (magic TLD1 missing)".into()));
    }
    let count = u32::from_le_bytes(bytes[4..8].try_into().expect("4 bytes")) as usize;
    let rows = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let cols = u16::from_le_bytes([bytes[10], bytes[11]]) as usize;
    if count == 0 || count > MAX_IMAGES || rows == 0 || cols == 0 || rows * cols > 4096 {
        return Err(DigitsError(format!(
            "implausible header: {count} images of {rows} x {cols}"
        )));
    }
    let record = rows * cols + 1;
    let want = HEADER + count * record;
    if bytes.len() != want {
        return Err(DigitsError(format!("expected {want} bytes, got {}", bytes.len())));
    }
    let mut pixels = Vec::with_capacity(count * rows * cols);
    let mut labels = Vec::with_capacity(count);
    for (i, rec) in bytes[HEADER..].chunks_exact(record).enumerate() {
        let (px, label) = rec.split_at(rows * cols);
        if px.iter().any(|&p| p > MAX_PIXEL) || label[0] > 9 {
            return Err(DigitsError(format!("image {}: pixel above 16 or label above 9", i + 1)));
        }
        pixels.extend_from_slice(px);
        labels.push(label[0]);
    }
    Ok(Digits {
        rows,
        cols,
        pixels,
        labels,
    })
}

impl Digits {
    /// Number of images.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no images.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// A 10-class data set with each pixel divided by 16 (inputs in [0, 1]).
    pub fn dataset(&self) -> Dataset {
        Dataset {
            x: self.pixels.iter().map(|&p| p as f64 / MAX_PIXEL as f64).collect(),
            y: self.labels.iter().map(|&l| l as f64).collect(),
            features: self.rows * self.cols,
            task: Task::Classification { classes: 10 },
        }
    }
}

#[cfg(all(test, feature = "embed-digits"))]
mod tests {
    use super::{embedded, parse, HEAD, HEAD_IMAGES};

    #[test]
    fn head_is_the_files_first_images() {
        let all = embedded().unwrap();
        let head = parse(&HEAD).unwrap().dataset();
        assert_eq!(head.rows(), HEAD_IMAGES);
        for i in 0..HEAD_IMAGES {
            assert_eq!(head.row(i), all.row(i), "image {i}");
            assert_eq!(head.y[i], all.y[i], "label {i}");
        }
    }
}
