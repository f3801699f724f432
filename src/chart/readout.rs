//! The readout of a focused unit of the network diagram ([`super::network`]): a small box beside
//! the unit with its activation histogram over the training rows (the range's ends under it) and
//! its strongest incoming weights as bars from a middle line, vermillion positive, blue negative.
use super::measure::text_size;
use super::{series_color, ChartError, Theme, INK};
use crate::core::math::format::short;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A focused unit's readout.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout {
    /// Its title (`layer 1 · unit 3`).
    pub title: String,
    /// Histogram counts over the training rows.
    pub counts: Vec<u32>,
    /// The histogram's range.
    pub range: (f64, f64),
    /// The histogram's title.
    pub hist_title: String,
    /// The strongest incoming weights: (source label, weight).
    pub weights: Vec<(String, f64)>,
    /// The weights' title.
    pub weights_title: String,
}

/// Draws the readout of the focused unit in the diagram's readout place `(x, y, w, h)`: its
/// title, its histogram with the range's ends, and as many of its strongest incoming weights as
/// fit under it.
pub fn draw_readout<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y, w, h): (f64, f64, f64, f64),
    r: &Readout,
    theme: &Theme,
) -> Result<(), ChartError> {
    let px = |v: f64| theme.px(v) as f64;
    let frame = [
        ((x + px(4.0)).round() as i32, y.round() as i32),
        ((x + w).round() as i32, (y + h).round() as i32),
    ];
    root.draw(&Rectangle::new(frame, RGBColor(246, 247, 249).filled()))?;
    root.draw(&Rectangle::new(
        frame,
        RGBColor(200, 200, 200).stroke_width(theme.px(1.0)),
    ))?;
    let (x, w) = (x + px(4.0), w - px(4.0));
    let text = |s: String, at: (f64, f64), size: f64, pos: Pos| {
        root.draw(&Text::new(
            s,
            (at.0.round() as i32, at.1.round() as i32),
            theme.font(size).pos(pos),
        ))
    };
    let left = Pos::new(HPos::Left, VPos::Top);
    let inner = w - px(12.0);
    let fit = |s: &str, size: f64| fitting(s, inner, size * theme.scale) / theme.scale;
    text(r.title.clone(), (x + px(6.0), y + px(4.0)), fit(&r.title, 11.0), left)?;
    text(
        r.hist_title.clone(),
        (x + px(6.0), y + px(18.0)),
        fit(&r.hist_title, 9.0),
        left,
    )?;
    // the histogram: bars over [range.0, range.1]
    let (hx, hy, hw, hh) = (x + px(6.0), y + px(31.0), inner.min(px(200.0)), px(24.0));
    let most = r.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = r.counts.len().max(1) as f64;
    for (k, &c) in r.counts.iter().enumerate() {
        let bh = hh * c as f64 / most;
        let a = ((hx + hw * k as f64 / n).round() as i32, (hy + hh - bh).round() as i32);
        let z = (
            (hx + hw * (k + 1) as f64 / n).round() as i32 - 1,
            (hy + hh).round() as i32,
        );
        root.draw(&Rectangle::new([a, z], series_color(2).filled()))?;
    }
    let axis = [
        (hx.round() as i32, (hy + hh).round() as i32),
        ((hx + hw).round() as i32, (hy + hh).round() as i32),
    ];
    root.draw(&PathElement::new(axis.to_vec(), INK.stroke_width(theme.px(1.0))))?;
    let below = hy + hh + px(2.0);
    text(short(r.range.0), (hx, below), 9.0, left)?;
    text(
        short(r.range.1),
        (hx + hw, below),
        9.0,
        Pos::new(HPos::Right, VPos::Top),
    )?;
    // the strongest incoming weights as bars from a middle line, as many as fit
    let wy = below + px(14.0);
    let rows = ((y + h - wy - px(14.0)) / px(12.0)).floor().max(0.0) as usize;
    if rows == 0 {
        return Ok(());
    }
    text(
        r.weights_title.clone(),
        (x + px(6.0), wy),
        fit(&r.weights_title, 9.0),
        left,
    )?;
    let peak = r.weights.iter().map(|p| p.1.abs()).fold(0.0f64, f64::max).max(1e-12);
    // label | value | bar around `mid`
    let mid = x + px(6.0) + inner * 0.7;
    let reach = inner * 0.28;
    for (k, (label, wt)) in r.weights.iter().take(rows).enumerate() {
        let ry = wy + px(13.0) + px(12.0) * k as f64;
        text(label.clone(), (x + px(6.0), ry), 9.0, left)?;
        text(
            short(*wt),
            (x + px(6.0) + inner * 0.4, ry),
            9.0,
            Pos::new(HPos::Right, VPos::Top),
        )?;
        let len = reach * (wt.abs() / peak);
        let (a, z) = if *wt >= 0.0 { (mid, mid + len) } else { (mid - len, mid) };
        let color = series_color(if *wt >= 0.0 { 1 } else { 0 });
        root.draw(&Rectangle::new(
            [
                (a.round() as i32, (ry + px(2.0)).round() as i32),
                (z.round().max(a.round() + 1.0) as i32, (ry + px(9.0)).round() as i32),
            ],
            color.filled(),
        ))?;
    }
    Ok(())
}

/// The readout's place while no unit is focused: `hint` (how to focus one) and `note` (what is
/// left out of the diagram), wrapped to the place's width.
pub fn draw_hint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (x, y, w, h): (f64, f64, f64, f64),
    hint: &str,
    note: &str,
    theme: &Theme,
) -> Result<(), ChartError> {
    let px = |v: f64| theme.px(v) as f64;
    let size = 10.0;
    let line = px(13.0);
    let mut at = y + px(6.0);
    let grey = RGBColor(90, 90, 90);
    for (text, color) in [(hint, grey), (note, grey)] {
        for l in wrap(text, w - px(14.0), size * theme.scale) {
            if at + line > y + h || l.is_empty() {
                break;
            }
            root.draw(&Text::new(
                l,
                ((x + px(10.0)).round() as i32, at.round() as i32),
                theme.font(size).color(&color).pos(Pos::new(HPos::Left, VPos::Top)),
            ))?;
            at += line;
        }
        at += px(6.0);
    }
    Ok(())
}

/// `text` in lines of at most `width` pixels at `size` (broken at spaces).
pub fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if (text_size(&format!("{line} {word}"), size).0 as f64) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The largest font size up to `size` at which `text` fits `width` (at least 7).
pub fn fitting(text: &str, width: f64, size: f64) -> f64 {
    let w = text_size(text, size).0 as f64;
    if w <= width {
        size
    } else {
        (size * width / w).max(7.0)
    }
}
