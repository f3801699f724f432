//! The readout of a focused unit of the network diagram ([`super::network`]): a small box beside
//! the unit with its activation histogram over the training rows (the range's ends under it) and
//! its strongest incoming weights as bars from a middle line, vermillion positive, blue negative.
use super::network::{Readout, Rect};
use super::{series_color, ChartError, Theme, INK};
use crate::core::math::format::short;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The readout box: placed right of the focused node if it fits in `area`, else left of it.
pub fn draw_readout<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: Rect,
    node: (f64, f64, f64),
    r: &Readout,
    theme: &Theme,
) -> Result<(), ChartError> {
    let px = |v: f64| theme.px(v) as f64;
    let rows = r.weights.len().min(6);
    let (w, h) = (px(190.0), px(74.0) + px(12.0) * rows as f64 + px(14.0));
    let mut x = node.0 + node.2 + px(8.0);
    if x + w > area.x + area.w {
        x = (node.0 - px(8.0) - w).max(area.x);
    }
    let y = (node.1 + node.2 / 2.0 - h / 2.0).clamp(area.y, (area.y + area.h - h).max(area.y));
    let frame = Rect { x, y, w, h };
    root.draw(&Rectangle::new(frame.corners(), WHITE.mix(0.96).filled()))?;
    root.draw(&Rectangle::new(frame.corners(), INK.stroke_width(theme.px(1.0))))?;
    let text = |s: String, at: (f64, f64), size: f64, pos: Pos| {
        root.draw(&Text::new(
            s,
            (at.0.round() as i32, at.1.round() as i32),
            theme.font(size).pos(pos),
        ))
    };
    let left = Pos::new(HPos::Left, VPos::Top);
    text(r.title.clone(), (x + px(6.0), y + px(4.0)), 11.0, left)?;
    text(r.hist_title.clone(), (x + px(6.0), y + px(18.0)), 9.0, left)?;
    // the histogram: bars over [range.0, range.1]
    let (hx, hy, hw, hh) = (x + px(6.0), y + px(30.0), w - px(12.0), px(24.0));
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
    let below = hy + hh + px(1.0);
    text(short(r.range.0), (hx, below), 9.0, left)?;
    text(
        short(r.range.1),
        (hx + hw, below),
        9.0,
        Pos::new(HPos::Right, VPos::Top),
    )?;
    // the strongest incoming weights as bars from a middle line
    let wy = below + px(13.0);
    text(r.weights_title.clone(), (x + px(6.0), wy), 9.0, left)?;
    let peak = r.weights.iter().map(|p| p.1.abs()).fold(0.0f64, f64::max).max(1e-12);
    let mid = x + w * 0.55;
    for (k, (label, wt)) in r.weights.iter().take(rows).enumerate() {
        let ry = wy + px(13.0) + px(12.0) * k as f64;
        text(label.clone(), (x + px(6.0), ry), 9.0, left)?;
        let len = (w * 0.3) * (wt.abs() / peak);
        let (a, z) = if *wt >= 0.0 { (mid, mid + len) } else { (mid - len, mid) };
        let color = series_color(if *wt >= 0.0 { 1 } else { 0 });
        root.draw(&Rectangle::new(
            [
                (a.round() as i32, (ry + px(2.0)).round() as i32),
                (z.round() as i32, (ry + px(9.0)).round() as i32),
            ],
            color.filled(),
        ))?;
        let tx = if *wt >= 0.0 {
            x + px(6.0) + px(34.0)
        } else {
            mid + px(4.0)
        };
        text(short(*wt), (tx, ry), 9.0, left)?;
    }
    Ok(())
}
