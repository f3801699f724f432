//! Histograms of sampled hyperparameter values (`view=scale`, `view=space`), each on a linear or a
//! log x axis (the bins are equal-width on the axis shown, so the same samples look crowded or
//! even). The panels sit side by side on a wide figure (two, a 2 x 2 grid for four, up to five
//! across for more) and reflow on a narrow one (one column for two, two columns for more); [`hist_layout`] says where each plotting area
//! is, so the page can name the bin under the pointer ([`bin_at`]) without drawing.
use super::{nice_ticks, sub_area, tick_count, AxisKind, PanelGeometry, Ticked, NARROW_BELOW};
use crate::chart::measure::text_size;
use crate::chart::ticks::whole_label;
use crate::chart::{series_color, ChartError, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One histogram.
#[derive(Clone, Debug)]
pub struct HistPanel {
    /// Title above it.
    pub title: String,
    /// x-axis description (empty: none).
    pub x_desc: String,
    /// The axis.
    pub axis: AxisKind,
    /// Bin edges in axis coordinates, increasing.
    pub edges: Vec<f64>,
    /// Counts per bin.
    pub counts: Vec<u64>,
    /// Colour index.
    pub color: usize,
    /// Names of the whole-number ticks 0, 1, 2, … (a choice's options); empty for numbers.
    pub tick_names: Vec<String>,
    /// Whole numbers (hidden units, layers): ticks at whole values only.
    pub whole: bool,
}

impl HistPanel {
    fn x_range(&self) -> (f64, f64) {
        let (x0, x1) = (*self.edges.first().unwrap_or(&0.0), *self.edges.last().unwrap_or(&1.0));
        if x1 > x0 {
            (x0, x1)
        } else {
            (x0 - 0.5, x0 + 0.5)
        }
    }

    fn top(&self) -> f64 {
        self.counts.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.08
    }
}

/// Plotting-area insets in CSS pixels: tick labels and the y description on the left, the title
/// above, tick labels (and the x description) below.
/// The right inset leaves room for half the widest end label (`0.999`).
const INSET: [f64; 4] = [48.0, 24.0, 16.0, 40.0];
const INSET_NO_X_DESC: [f64; 4] = [48.0, 24.0, 16.0, 26.0];
/// Label areas inside the insets: y tick labels (and description), x tick labels (and description).
const Y_LABELS: f64 = 44.0;

/// Columns for `n` histograms on a figure `width` CSS pixels wide: one for up to two on a narrow
/// figure, else two for up to four (a 2 x 2 grid reads better than four slivers), then up to five.
fn columns(n: usize, width: f64) -> usize {
    match n {
        0..=2 if width < NARROW_BELOW => 1,
        0..=4 => n.clamp(1, 2),
        _ if width < NARROW_BELOW => 2,
        _ => n.min(5),
    }
}

/// Where the `panels` go on a figure `width` CSS pixels wide (see [`PanelGeometry`]).
pub fn hist_layout(panels: &[HistPanel], width: f64) -> Vec<PanelGeometry> {
    let n = panels.len().max(1);
    let cols = columns(n, width);
    let rows = n.div_ceil(cols);
    panels
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let (c, r) = ((k % cols) as f64, (k / cols) as f64);
            let (w, h) = (1.0 / cols as f64, 1.0 / rows as f64);
            PanelGeometry {
                frac: [c * w, r * h, (c + 1.0) * w, (r + 1.0) * h],
                inset: if p.x_desc.is_empty() { INSET_NO_X_DESC } else { INSET },
                x: p.x_range(),
                y: (0.0, p.top()),
            }
        })
        .collect()
}

/// The figure's height for `n` histograms at `width` CSS pixels: one row about 0.8 of a panel's
/// width and several rows 0.6 each on a wide figure, a little over half a panel's width per row
/// on a narrow one.
pub fn hist_height(n: usize, width: f64) -> f64 {
    let n = n.max(1);
    let cols = columns(n, width);
    let rows = n.div_ceil(cols);
    let cell = width / cols as f64;
    let row = if width < NARROW_BELOW {
        (cell * 0.55).clamp(150.0, 260.0)
    } else if rows == 1 {
        (cell * 0.8).clamp(200.0, 460.0)
    } else {
        (cell * 0.6).clamp(180.0, 360.0)
    };
    row * rows as f64
}

/// The histogram and bin under pixel `at` (CSS pixels) of a figure `size`: `(panel, bin)`.
pub fn bin_at(panels: &[HistPanel], size: (f64, f64), at: (f64, f64)) -> Option<(usize, usize)> {
    hist_layout(panels, size.0)
        .iter()
        .zip(panels)
        .enumerate()
        .find_map(|(k, (g, p))| {
            let (t, _) = g.data_at(size, at)?;
            let i = p.edges.partition_point(|&e| e <= t);
            (1..p.edges.len()).contains(&i).then_some((k, i - 1))
        })
}

/// `text` in at most `width` pixels: the font shrunk down to 10 CSS pixels, then the text cut
/// with an ellipsis.
pub(crate) fn fit(text: &str, width: f64, css: f64, theme: &Theme) -> (String, f64) {
    let mut size = css;
    while size > 10.0 && text_size(text, size * theme.scale).0 as f64 > width {
        size -= 1.0;
    }
    if (text_size(text, size * theme.scale).0 as f64) <= width {
        return (text.to_string(), size);
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && text_size(&format!("{cut}…"), size * theme.scale).0 as f64 > width {
        cut.pop();
    }
    (format!("{}…", cut.trim_end()), size)
}

/// Draws the histograms on `root` (see [`hist_layout`]); `y_desc` is written once per row.
pub fn draw_histograms<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[HistPanel],
    y_desc: &str,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let css = (w as f64 / theme.scale, h as f64 / theme.scale);
    let layout = hist_layout(panels, css.0);
    for (p, g) in panels.iter().zip(&layout) {
        let area = sub_area(root, g.frac);
        let [l, t, r, b] = g.plot(css);
        let (plot_w, plot_h) = (r - l, b - t);
        let first_column = g.frac[0] < 1e-9;
        let x_labels = if p.x_desc.is_empty() { 22.0 } else { 36.0 };
        let xt = if !p.tick_names.is_empty() {
            (0..p.tick_names.len()).map(|i| i as f64).collect()
        } else if p.whole {
            let (x0, x1) = g.x;
            let ticks = nice_ticks(x0, x1, tick_count(plot_w, 56.0));
            ticks.into_iter().filter(|v| (v - v.round()).abs() < 1e-9).collect()
        } else {
            // decade labels are short: closer ticks on the log axes
            let per = if p.axis == AxisKind::Linear { 56.0 } else { 40.0 };
            p.axis.ticks(g.x.0, g.x.1, tick_count(plot_w, per))
        };
        let yt: Vec<f64> = nice_ticks(0.0, g.y.1, tick_count(plot_h, 34.0).min(5))
            .into_iter()
            .filter(|v| (v - v.round()).abs() < 1e-9)
            .collect();
        let mut chart = ChartBuilder::on(&area)
            .margin_left(theme.px(g.inset[0] - Y_LABELS))
            .margin_top(theme.px(g.inset[1]))
            .margin_right(theme.px(g.inset[2]))
            .margin_bottom(theme.px(g.inset[3] - x_labels))
            .x_label_area_size(theme.px(x_labels))
            .y_label_area_size(theme.px(Y_LABELS))
            .build_cartesian_2d(Ticked::new(g.x.0, g.x.1, xt), Ticked::new(0.0, g.y.1, yt))?;
        let axis = p.axis;
        let span = g.x.1 - g.x.0;
        let x_label = |t: &f64| {
            if !p.tick_names.is_empty() {
                p.tick_names.get(t.round() as usize).cloned().unwrap_or_default()
            } else if p.whole {
                whole_label(*t)
            } else {
                axis.label(*t, span)
            }
        };
        let y_label = |y: &f64| whole_label(*y);
        let mut mesh = chart.configure_mesh();
        theme.mesh(&mut mesh, 11.0);
        mesh.x_label_formatter(&x_label).y_label_formatter(&y_label);
        if !p.x_desc.is_empty() {
            mesh.x_desc(p.x_desc.as_str());
        }
        // the counts' axis is named once per row, on its first panel
        if first_column {
            mesh.y_desc(y_desc);
        }
        mesh.draw()?;
        let color = series_color(p.color);
        chart.draw_series(p.counts.iter().enumerate().map(|(i, &c)| {
            Rectangle::new(
                [(p.edges[i], 0.0), (p.edges[i + 1], c as f64)],
                color.mix(0.75).filled(),
            )
        }))?;
        chart.draw_series(p.counts.iter().enumerate().map(|(i, &c)| {
            Rectangle::new(
                [(p.edges[i], 0.0), (p.edges[i + 1], c as f64)],
                WHITE.stroke_width(theme.px(1.0)),
            )
        }))?;
        // the title above the plotting area, fitted to the panel
        let cell_w = (g.frac[2] - g.frac[0]) * css.0;
        let (title, size) = fit(&p.title, (cell_w - 12.0) * theme.scale, 13.0, theme);
        let style = theme.font(size).pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            title,
            (theme.px(6.0) as i32, theme.px(g.inset[1] / 2.0) as i32),
            style,
        ))?;
    }
    Ok(())
}
