//! Tick labels people can read. Plotters picks the tick positions (on a linear axis, multiples of
//! 1, 2 or 5 times a power of ten); these functions only write them:
//! * a linear axis: each tick in the fewest decimals that write it exactly (`0`, `0.25`, `0.5`),
//!   so two ticks never read the same and float noise (`0.30000000000000004`) never shows;
//!   huge and tiny values in the screen formatter's scientific form;
//! * a log axis: decades only (`10⁻³`, `1`, `10`, `10²`), its minor ticks unlabelled, so `3e0 3e0`
//!   cannot happen;
//! * a count axis: whole numbers only.
use crate::core::math::format::{decade, short};

/// The label of a tick at `v` on a linear axis spanning `span` (its `max - min`).
pub fn linear_label(v: f64, span: f64) -> String {
    if !v.is_finite() {
        return short(v);
    }
    // a tick at zero reads 0 even when the arithmetic landed it at 1e-17
    if v.abs() <= span.abs() * 1e-9 {
        return "0".into();
    }
    let a = v.abs();
    if !(1e-3..1e6).contains(&a) {
        return short(v);
    }
    // the shortest decimal of v rounded to 10 significant digits: exact for tick positions
    let rounded: f64 = format!("{v:.9e}").parse().unwrap_or(v);
    format!("{rounded}").replace('-', "−")
}

/// The label of a tick on a log-10 axis: the decade (`10⁻³`, `1`, `10`, `10²`) when `v` is one,
/// nothing for the minor ticks between decades.
pub fn decade_label(v: f64) -> String {
    if !(v.is_finite() && v > 0.0) {
        return String::new();
    }
    let k = v.log10().round();
    if (v.log10() - k).abs() < 1e-9 {
        decade(k as i64)
    } else {
        String::new()
    }
}

/// The label of a tick on a count axis: whole numbers only (fractional ticks unlabelled).
pub fn whole_label(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64).replace('-', "−")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_labels_are_exact_and_never_repeat() {
        let span = 1.0;
        let l: Vec<String> = [0.0, 0.25, 0.5, 0.75, 1.0]
            .iter()
            .map(|&v| linear_label(v, span))
            .collect();
        assert_eq!(l, ["0", "0.25", "0.5", "0.75", "1"]);
        assert_eq!(linear_label(0.30000000000000004, 1.0), "0.3");
        assert_eq!(linear_label(-5.0, 11.5), "−5");
        assert_eq!(linear_label(1e-17, 2.0), "0");
        assert_eq!(linear_label(0.968, 0.1), "0.968");
        assert_eq!(linear_label(2e6, 1e7), "2 × 10⁶");
        // ticks 0.02 apart from 0.9 never collapse into one label
        let ticks: Vec<String> = (0..6).map(|i| linear_label(0.9 + 0.02 * i as f64, 0.1)).collect();
        let mut unique = ticks.clone();
        unique.dedup();
        assert_eq!(ticks, unique);
    }

    #[test]
    fn log_axes_are_labelled_by_decade_only() {
        assert_eq!(decade_label(1e-3), "10⁻³");
        assert_eq!(decade_label(1.0), "1");
        assert_eq!(decade_label(10.0), "10");
        assert_eq!(decade_label(3.0), "");
        assert_eq!(decade_label(0.0), "");
        assert_eq!(whole_label(3.0), "3");
        assert_eq!(whole_label(2.5), "");
    }
}
