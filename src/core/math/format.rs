//! Numbers as people read them: the one formatter for figure labels, tables, hints, text
//! alternatives and exported code.
//!
//! * [`short`]: about three significant digits for the screen; never `0` for a value that is not
//!   zero; below 10⁻³ or from 10⁶ on, scientific with a real superscript (`1.2 × 10⁻⁵`).
//! * [`code`]: for exported source code: the shortest decimal of the value rounded to 12
//!   significant digits, so float noise from `10^x` goes (`0.0010000000000000009` -> `0.001`);
//!   scientific as `1.2e-5`.
//! * [`pct`]: a share in `[0, 1]` as a whole percentage (`96%`), [`pct1`] with one decimal.
//! * [`decade`]: `10^k` as `10⁻³`, `1`, `10`, `10²`, for log axes labelled by decade.
//! * [`superscript`]: an integer in superscript digits.

/// Superscript form of a whole number (`-5` -> `⁻⁵`).
pub fn superscript(k: i64) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if k < 0 {
        out.push('⁻');
    }
    for c in k.unsigned_abs().to_string().chars() {
        out.push(DIGITS[c as usize - '0' as usize]);
    }
    out
}

/// `10^k` as a label: `1` and `10` plain, the rest `10ᵏ` (`10⁻³`, `10²`).
pub fn decade(k: i64) -> String {
    match k {
        0 => "1".into(),
        1 => "10".into(),
        _ => format!("10{}", superscript(k)),
    }
}

/// Non-finite values: `∞`, `−∞`, `–` for NaN.
fn non_finite(v: f64) -> String {
    if v.is_nan() {
        "–".into()
    } else if v > 0.0 {
        "∞".into()
    } else {
        "−∞".into()
    }
}

/// Trims the zeros after a decimal point (`1.500` -> `1.5`, `2.000` -> `2`).
fn trim_decimals(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// Mantissa (3 significant digits, trimmed) and exponent of `v`, from Rust's own rounding (so a
/// mantissa that rounds up to 10 carries into the exponent).
fn sci_parts(v: f64) -> (String, i64) {
    let text = format!("{v:.2e}");
    let (m, e) = text.split_once('e').unwrap_or((&text, "0"));
    (trim_decimals(m).to_string(), e.parse().unwrap_or(0))
}

/// A number for the screen: about three significant digits (see the module header).
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return non_finite(v);
    }
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    // 999,999.7 rounds to a million: decide on the rounded value
    let a = if a < 1e6 && format!("{a:.0}").len() > 6 { 1e6 } else { a };
    if !(1e-3..1e6).contains(&a) {
        let (m, e) = sci_parts(v);
        let m = m.replace('-', "−");
        return if m == "1" || m == "−1" {
            format!("{}10{}", if v < 0.0 { "−" } else { "" }, superscript(e))
        } else {
            format!("{m} × 10{}", superscript(e))
        };
    }
    // Three significant digits, but whole numbers from 100 on keep every digit (1784, not 1780).
    let decimals = (2 - a.log10().floor() as i64).clamp(0, 5) as usize;
    let text = format!("{v:.decimals$}");
    let text = trim_decimals(&text);
    if text == "0" || text == "-0" {
        // rounding never hides a value that is not zero
        let (m, e) = sci_parts(v);
        return format!("{m} × 10{}", superscript(e));
    }
    text.replace('-', "−")
}

/// A number for exported source code (Python, JSON): the shortest decimal of `v` rounded to 12
/// significant digits; scientific (`1.2e-5`) below 10⁻⁴ and from 10¹⁵ on.
pub fn code(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "float('nan')".into()
        } else if v > 0.0 {
            "float('inf')".into()
        } else {
            "-float('inf')".into()
        };
    }
    let rounded: f64 = format!("{v:.11e}").parse().unwrap_or(v);
    let a = rounded.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{rounded:e}")
    } else {
        format!("{rounded}")
    }
}

/// A share as a whole percentage (`0.961` -> `96%`).
pub fn pct(share: f64) -> String {
    if !share.is_finite() {
        return non_finite(share);
    }
    format!("{:.0}%", 100.0 * share)
}

/// A share as a percentage with one decimal (`0.9612` -> `96.1%`).
pub fn pct1(share: f64) -> String {
    if !share.is_finite() {
        return non_finite(share);
    }
    format!("{:.1}%", 100.0 * share)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_keeps_three_digits_and_never_shows_zero_for_a_value() {
        for (v, want) in [
            (0.0, "0"),
            (1.0, "1"),
            (0.5411695265464637, "0.541"),
            (12.5, "12.5"),
            (1784320.3159622, "1.78 × 10⁶"),
            (1784.3203, "1784"),
            (1.5496132364557316e21, "1.55 × 10²¹"),
            (1e-9, "10⁻⁹"),
            (1.2e-5, "1.2 × 10⁻⁵"),
            (-3.4e-7, "−3.4 × 10⁻⁷"),
            (0.0010000000000000009, "0.001"),
            (0.00123456, "0.00123"),
            (-0.25, "−0.25"),
            (9.9999e-4, "10⁻³"),
            (999999.7, "10⁶"),
            (f64::NAN, "–"),
            (f64::INFINITY, "∞"),
        ] {
            assert_eq!(short(v), want, "{v}");
        }
    }

    #[test]
    fn code_drops_float_noise_and_round_trips_plain_values() {
        for (v, want) in [
            (0.0010000000000000009, "0.001"),
            (10f64.powf(-3.0), "0.001"),
            (1e-5, "1e-5"),
            (1.2e-5, "1.2e-5"),
            (0.9, "0.9"),
            (100.0, "100"),
            (0.1 + 0.2, "0.3"),
            (-2.5, "-2.5"),
        ] {
            assert_eq!(code(v), want, "{v}");
        }
        // a value with 12 significant digits is kept exactly
        assert_eq!(code(0.123456789012), "0.123456789012");
    }

    #[test]
    fn decades_and_percentages() {
        assert_eq!(decade(-3), "10⁻³");
        assert_eq!(decade(0), "1");
        assert_eq!(decade(1), "10");
        assert_eq!(decade(12), "10¹²");
        assert_eq!(pct(0.961), "96%");
        assert_eq!(pct1(0.9612), "96.1%");
        assert_eq!(superscript(-10), "⁻¹⁰");
    }
}
