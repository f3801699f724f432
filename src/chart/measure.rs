//! Text measurement without a font file or a DOM.
//!
//! plotters measures text through its font module: natively by an approximation, in the browser by
//! inserting a styled `<span>` and reading its layout (a forced layout per label, refused by a
//! Content-Security-Policy without `'unsafe-inline'` styles, and impossible in a Web Worker).
//! Charts draw into [`super::record::Recorder`], which answers `estimate_text_size` from this
//! per-character width table instead, so a figure lays out identically on canvas, in SVG,
//! natively and in wasm.
//! The widths are those of the common sans-serif faces (Helvetica/Arial advance widths in em,
//! rounded); CJK and Hangul characters are one em wide.

/// Advance width of one character in em.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | ':' | ';' | '!' | '\'' | '|' => 0.278,
        'i' | 'j' | 'l' => 0.222,
        'f' | 't' | 'I' | '/' | '\\' | '[' | ']' => 0.278,
        'r' | '(' | ')' | '-' | '`' | '"' => 0.333,
        '0'..='9' | '$' | '_' | '?' | '#' => 0.556,
        'm' | 'M' => 0.833,
        'w' => 0.722,
        'W' => 0.944,
        '%' | '@' | '&' => 0.889,
        '+' | '=' | '<' | '>' | '~' | '^' | '≈' | '×' | '−' => 0.584,
        'a'..='z' => 0.556,
        'A'..='Z' => 0.667,
        '\u{0370}'..='\u{03FF}' => 0.58,
        '\u{1100}'..='\u{11FF}' | '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' | '\u{F900}'..='\u{FAFF}' => 1.0,
        _ => 0.6,
    }
}

/// Width and height in pixels of `text` at `size` pixels, before any rotation.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let em: f64 = text.chars().map(char_em).sum();
    ((em * size).ceil().max(0.0) as u32, size.ceil().max(0.0) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_characters() {
        assert_eq!(text_size("", 12.0), (0, 12));
        // "il" is narrower than "MW" at the same size
        assert!(text_size("il", 20.0).0 < text_size("MW", 20.0).0);
        // 10 digits at 10 px: 10 * 0.556 * 10 = 55.6 -> 56
        assert_eq!(text_size("0123456789", 10.0).0, 56);
        // Hangul is one em per syllable
        assert_eq!(text_size("기온", 12.0).0, 24);
    }
}
