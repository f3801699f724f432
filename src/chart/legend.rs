//! A legend box drawn from our own text metric ([`super::measure::text_size`]), so that it needs
//! no font measurement from the browser (plotters' series legend measures through the DOM).
use super::measure::text_size;
use super::{ChartError, Theme, GRID};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// How an entry is marked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LegendMark {
    /// A filled dot (scatter points).
    Dot,
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A filled square (areas, heatmap cells, bars).
    Square,
}

/// One row of a legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The text.
    pub label: String,
    /// Its mark.
    pub mark: LegendMark,
    /// The mark's colour.
    pub color: RGBColor,
}

/// The size in pixels of the box [`draw_legend`] draws for `entries` (0 x 0 when empty), so a
/// caller can place it against a right or bottom edge.
pub fn legend_size(entries: &[LegendEntry], theme: &Theme) -> (u32, u32) {
    if entries.is_empty() {
        return (0, 0);
    }
    let font = 12.0 * theme.scale;
    let (pad, row) = (theme.px(6.0), theme.px(17.0));
    let (mark_w, gap) = (theme.px(22.0), theme.px(6.0));
    let text_w = entries.iter().map(|e| text_size(&e.label, font).0).max().unwrap_or(0);
    (pad * 2 + mark_w + gap + text_w, pad * 2 + row * entries.len() as u32)
}

/// Draws `entries` in a box whose top-left corner is `at` (pixels, relative to `root`).
/// Returns the box size. Nothing is drawn for an empty list.
pub fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    at: (i32, i32),
    entries: &[LegendEntry],
    theme: &Theme,
) -> Result<(u32, u32), ChartError> {
    if entries.is_empty() {
        return Ok((0, 0));
    }
    let pad = theme.px(6.0) as i32;
    let row = theme.px(17.0) as i32;
    let mark_w = theme.px(22.0) as i32;
    let gap = theme.px(6.0) as i32;
    let (w, h) = legend_size(entries, theme);
    let (w, h) = (w as i32, h as i32);
    let (x, y) = at;
    root.draw(&Rectangle::new([(x, y), (x + w, y + h)], WHITE.mix(0.88).filled()))?;
    root.draw(&Rectangle::new(
        [(x, y), (x + w, y + h)],
        GRID.stroke_width(theme.px(1.0)),
    ))?;
    for (i, e) in entries.iter().enumerate() {
        let cy = y + pad + row * i as i32 + row / 2;
        let x0 = x + pad;
        let stroke = e.color.stroke_width(theme.px(2.0));
        match e.mark {
            LegendMark::Dot => {
                root.draw(&Circle::new((x0 + mark_w / 2, cy), theme.px(3.0), e.color.filled()))?;
            }
            LegendMark::Line => {
                root.draw(&PathElement::new(vec![(x0, cy), (x0 + mark_w, cy)], stroke))?;
            }
            LegendMark::Dashed => {
                let thin = e.color.stroke_width(theme.px(1.3));
                let third = mark_w / 3;
                root.draw(&PathElement::new(vec![(x0, cy), (x0 + third, cy)], thin))?;
                root.draw(&PathElement::new(vec![(x0 + 2 * third, cy), (x0 + mark_w, cy)], thin))?;
            }
            LegendMark::Square => {
                let s = theme.px(5.0) as i32;
                let c = x0 + mark_w / 2;
                root.draw(&Rectangle::new([(c - s, cy - s), (c + s, cy + s)], e.color.filled()))?;
            }
        }
        let style = theme.font(12.0).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(e.label.clone(), (x0 + mark_w + gap, cy), style))?;
    }
    Ok((w as u32, h as u32))
}
