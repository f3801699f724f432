//! Data files the views train on, loaded once per module: the digits (`www/data/digits.bin`).
//! A native build with the `embed-digits` feature has them compiled in; the page's engine module
//! is handed the file by the page (`web::provide_digits`) before it mounts a view that trains on
//! them, so the other views never download them. The store is written once and only read after:
//! no view state lives here.
use crate::app::params::Notice;
use crate::core::data::digits::parse;
use crate::core::data::Dataset;
use std::sync::OnceLock;

static DIGITS: OnceLock<Dataset> = OnceLock::new();

/// Takes the digits file (its bytes as `www/data/digits.bin` holds them). A second call keeps
/// the first data set. Errors name what is wrong with the file.
pub fn provide_digits(bytes: &[u8]) -> Result<(), String> {
    if DIGITS.get().is_some() {
        return Ok(());
    }
    let data = parse(bytes).map_err(|e| e.to_string())?.dataset();
    let _ = DIGITS.set(data);
    Ok(())
}

/// The digits as a data set: the provided file, else (with `embed-digits`) the compiled-in one.
/// `param` names the setting the notice is about when the digits are not there.
pub fn digits(param: &str) -> Result<&'static Dataset, Notice> {
    #[cfg(feature = "embed-digits")]
    if DIGITS.get().is_none() {
        let data = crate::core::data::digits::embedded().map_err(|e| Notice::inconsistent(param, e.to_string()))?;
        let _ = DIGITS.set(data);
    }
    DIGITS
        .get()
        .ok_or_else(|| Notice::inconsistent(param, "the digits (www/data/digits.bin) are not loaded"))
}
