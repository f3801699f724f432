//! The depth figure (seed 001, vanishing and exploding gradients): the magnitude of the
//! activations and of the back-propagated gradients layer by layer, one line of dots per weight
//! scheme, on a log10 axis shared by both panels (labelled by decade, [`decade_label`]), so an
//! exponential in the depth is a straight line. A thin dashed line of the same colour is the
//! closed form (or the average) `gain^l`, where the scheme has one. The legend sits in a strip of
//! its own under the panels, clear of every line.
use super::legend::{draw_legend, legend_size, LegendEntry, LegendMark};
use super::measure::text_size;
use super::ticks::{decade_label, whole_label};
use super::{ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The narrowest figure (CSS pixels) that puts the two panels side by side.
pub const SIDE_BY_SIDE: f64 = 640.0;

/// The least height (CSS pixels) of a panel when the two are stacked.
const MIN_STACKED_PANEL: f64 = 150.0;

/// One scheme's two lines.
#[derive(Clone, Debug)]
pub struct DepthLine<'a> {
    /// Its legend label.
    pub label: String,
    /// Its colour.
    pub color: RGBColor,
    /// Magnitude of `a[l]`, `l = 0..=L`.
    pub activation: &'a [f64],
    /// Magnitude of `dJ/da[l]`, `l = 0..=L`.
    pub gradient: &'a [f64],
    /// The closed form `gain^l` (activations) and `gain^(L-l)` (gradients), if any.
    pub gain: Option<f64>,
}

/// The words of the figure.
#[derive(Clone, Copy, Debug)]
pub struct DepthWords<'a> {
    /// Title of the activation panel, and a short form (drawn when the long one does not fit).
    pub activations: [&'a str; 2],
    /// Title of the gradient panel, and a short form.
    pub gradients: [&'a str; 2],
    /// x-axis title.
    pub x_desc: &'a str,
    /// y-axis title.
    pub y_desc: &'a str,
    /// Legend of the dashed lines, and a short form (when the long one does not fit the width).
    pub closed_form: [&'a str; 2],
}

/// The figure's height at `width` CSS pixels.
pub fn height_for(width: f64, entries: usize) -> f64 {
    let strip = 30.0 + 17.0 * entries.div_ceil(if width >= SIDE_BY_SIDE { 3 } else { 1 }) as f64;
    if width >= SIDE_BY_SIDE {
        (width * 0.5).clamp(300.0, 600.0) + strip
    } else {
        2.0 * (width * 0.85).max(260.0) + strip
    }
}

/// The log10 range of every finite, positive value drawn: whole decades, at least two.
fn decades<'a>(values: impl Iterator<Item = &'a f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite() && **v > 0.0) {
        lo = lo.min(v.log10());
        hi = hi.max(v.log10());
    }
    if lo > hi {
        return (-1.0, 1.0);
    }
    let (lo, hi) = (lo.floor(), hi.ceil());
    (lo.min(hi - 2.0), hi)
}

/// Draws the figure on `root`.
pub fn draw_depth<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[DepthLine],
    words: &DepthWords,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let wide = w as f64 / theme.scale >= SIDE_BY_SIDE;
    let mut legend: Vec<LegendEntry> = lines
        .iter()
        .map(|l| LegendEntry {
            label: l.label.clone(),
            mark: LegendMark::Dot,
            color: l.color,
        })
        .collect();
    if lines.iter().any(|l| l.gain.is_some()) {
        legend.push(LegendEntry {
            label: words.closed_form[0].to_string(),
            mark: LegendMark::Dashed,
            color: INK,
        });
    }
    // the legend's columns: three on a wide figure, else as many as fit its width (a short
    // strip leaves the panels their height)
    let gap = theme.px(12.0) as i32;
    // each column as wide as its own widest entry
    let widths = |legend: &[LegendEntry], cols: usize| -> Vec<i32> {
        let rows = legend.len().div_ceil(cols).max(1);
        legend
            .chunks(rows)
            .map(|chunk| {
                chunk
                    .iter()
                    .map(|e| legend_size(std::slice::from_ref(e), theme).0 as i32)
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    };
    let span = |ws: &[i32]| ws.iter().sum::<i32>() + (ws.len() as i32 - 1).max(0) * gap;
    // the text metric is the SVG font's; a canvas's sans-serif runs a little wider, so a legend
    // must leave 15% of the width free
    let fitting = |legend: &[LegendEntry], least: usize| {
        (least..=3)
            .rev()
            .find(|&c| span(&widths(legend, c)) as f64 <= 0.85 * w as f64)
    };
    let mut cols = if wide { Some(3) } else { fitting(&legend, 2) };
    if cols.is_none() && legend.last().is_some_and(|e| e.mark == LegendMark::Dashed) {
        // too narrow for two columns of the long words (an embedded slide): the short form
        if let Some(last) = legend.last_mut() {
            last.label = words.closed_form[1].to_string();
        }
        cols = fitting(&legend, 2);
    }
    let cols = cols.unwrap_or(1);
    let col_ws = widths(&legend, cols);
    let rows = legend.len().div_ceil(cols).max(1);
    let strip = theme.px(14.0) + theme.px(17.0) * rows as u32;
    // stacked panels need some height each; a narrow but short box (an embedded slide) puts
    // them side by side instead of squashing them
    let stacked_panel = h.saturating_sub(strip) / 2;
    let wide = wide || stacked_panel < theme.px(MIN_STACKED_PANEL);
    let (panels, bottom) = root.split_vertically(h.saturating_sub(strip));
    let areas = if wide {
        panels.split_evenly((1, 2))
    } else {
        panels.split_evenly((2, 1))
    };
    let y = decades(lines.iter().flat_map(|l| l.activation.iter().chain(l.gradient.iter())));
    let depth = lines
        .iter()
        .map(|l| l.activation.len())
        .max()
        .unwrap_or(1)
        .saturating_sub(1)
        .max(1);
    // both panels' long titles when both fit at the smallest title size (with a tenth spare for
    // the canvas's font), else both short ones
    let long_titles = areas.iter().all(|area| {
        let room = 0.9 * (area.dim_in_pixel().0 as f64 - 2.0 * theme.px(8.0) as f64);
        let longest = text_size(words.activations[0], 11.0 * theme.scale)
            .0
            .max(text_size(words.gradients[0], 11.0 * theme.scale).0);
        longest as f64 <= room
    });
    for (k, area) in areas.iter().enumerate() {
        let title = if k == 0 { words.activations } else { words.gradients };
        let title = if long_titles { title[0] } else { title[1] };
        draw_panel(area, title, lines, k == 1, depth, y, words, theme)?;
    }
    // the legend: `cols` columns of `rows` entries, left to right
    let mut x = ((w as i32 - span(&col_ws)) / 2).max(0);
    for (chunk, col_w) in legend.chunks(rows).zip(&col_ws) {
        draw_legend(&bottom, (x, theme.px(4.0) as i32), chunk, theme)?;
        x += col_w + gap;
    }
    Ok(())
}

fn title_font(theme: &Theme, title: &str, width: u32) -> TextStyle<'static> {
    let room = width as f64 - 2.0 * theme.px(8.0) as f64;
    let size = [13.0, 12.0, 11.0]
        .into_iter()
        .find(|&s| text_size(title, s * theme.scale).0 as f64 <= room)
        .unwrap_or(11.0);
    theme.font(size)
}

#[allow(clippy::too_many_arguments)]
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    lines: &[DepthLine],
    gradients: bool,
    depth: usize,
    (y0, y1): (f64, f64),
    words: &DepthWords,
    theme: &Theme,
) -> Result<(), ChartError> {
    let w = area.dim_in_pixel().0;
    let l_max = depth as f64;
    // room for the widest decade label (10⁻³⁰ is twice as wide as 10²) and the axis title
    let widest = (y0 as i32..=y1 as i32)
        .map(|d| text_size(&decade_label(10f64.powi(d)), 11.0 * theme.scale).0)
        .max()
        .unwrap_or(0);
    let y_area = widest + theme.px(26.0);
    let mut c = ChartBuilder::on(area)
        .caption(title, title_font(theme, title, w))
        .margin(theme.px(8.0))
        .margin_right(theme.px(16.0))
        .x_label_area_size(theme.px(36.0))
        .y_label_area_size(y_area)
        .build_cartesian_2d(-0.5f64..l_max + 0.5, y0..y1)?;
    // one label per decade, at most eight and one per 24 px of the plot's height (plotters then
    // steps by whole decades)
    let room = (area.dim_in_pixel().1 as f64 / theme.scale - 70.0) / 24.0;
    let ticks = ((y1 - y0) as usize + 1).min(room.max(2.0) as usize).clamp(2, 8);
    theme
        .mesh(&mut c.configure_mesh(), 11.0)
        .x_desc(words.x_desc)
        .y_desc(words.y_desc)
        .x_labels(6)
        .y_labels(ticks)
        .x_label_formatter(&|x| whole_label(*x))
        .y_label_formatter(&|v| decade_label(10f64.powf(*v)))
        .draw()?;
    let points = |v: &[f64]| -> Vec<(f64, f64)> {
        v.iter()
            .enumerate()
            .filter(|(_, m)| m.is_finite() && **m > 0.0)
            .map(|(l, m)| (l as f64, m.log10().clamp(y0, y1)))
            .collect()
    };
    let dot = theme.px(2.2);
    for line in lines {
        let values = if gradients { line.gradient } else { line.activation };
        if let (Some(gain), Some(&start)) = (line.gain.filter(|g| *g > 0.0), values.first()) {
            // activations: a[0] gain^l; gradients: da[L] gain^(L - l), from the top down
            let anchor = if gradients {
                values.last().copied().unwrap_or(start)
            } else {
                start
            };
            if anchor > 0.0 && anchor.is_finite() {
                let at = |l: f64| {
                    let k = if gradients { l_max - l } else { l };
                    (anchor.log10() + k * gain.log10()).clamp(y0, y1)
                };
                c.draw_series(DashedLineSeries::new(
                    (0..=depth).map(|l| (l as f64, at(l as f64))),
                    theme.px(5.0),
                    theme.px(4.0),
                    line.color.mix(0.7).stroke_width(theme.px(1.0)),
                ))?;
            }
        }
        let pts = points(values);
        c.draw_series(LineSeries::new(pts.clone(), line.color.stroke_width(theme.px(1.4))))?;
        c.draw_series(pts.into_iter().map(|p| Circle::new(p, dot, line.color.filled())))?;
    }
    Ok(())
}
