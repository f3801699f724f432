//! The search figure: small multiples over the same box (grid, random, coarse to fine), each with
//! the dev-error surface as a faint heatmap behind the points and the points projected onto both
//! axes as rug marks; optionally a second row with the repeated study (best-found error per
//! strategy) and the `1 - 0.95^n` curve. Every word drawn comes in as data (titles, axis titles,
//! legend words).
use super::scale::log10_label;
use super::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One panel over the box: points (in log10 coordinates) with a colour index, boxes to outline.
#[derive(Clone, Debug, Default)]
pub struct BoxPanel {
    /// Title above the panel.
    pub title: String,
    /// `(x, y, colour index)` in log10 coordinates.
    pub points: Vec<(f64, f64, usize)>,
    /// `(x0, x1, y0, y1, colour index)` rectangles to outline (coarse-to-fine rounds).
    pub boxes: Vec<(f64, f64, f64, f64, usize)>,
    /// The best point, ringed.
    pub best: Option<(f64, f64)>,
}

/// The repeated study, for the second row.
#[derive(Clone, Debug, Default)]
pub struct StudyPanel {
    /// Histogram bin edges of the best-found error.
    pub edges: Vec<f64>,
    /// Counts per bin for the grid.
    pub grid_counts: Vec<u64>,
    /// Counts per bin for random search.
    pub random_counts: Vec<u64>,
    /// Top-5% threshold of the dev error.
    pub threshold: f64,
    /// `(n, 1 - 0.95^n)`.
    pub curve: Vec<(f64, f64)>,
    /// Budget n^2 and the measured hit rates (grid, random).
    pub budget: f64,
    /// Measured share of repeats in the top 5%: grid, random.
    pub hits: (f64, f64),
    /// Titles of the two study panels.
    pub titles: (String, String),
    /// Legend words: grid, random, threshold.
    pub words: (String, String, String),
}

/// What the search figure shows.
#[derive(Clone, Debug, Default)]
pub struct SearchChartData {
    /// log10 range of the x axis (alpha).
    pub x_range: (f64, f64),
    /// log10 range of the y axis (epsilon).
    pub y_range: (f64, f64),
    /// Axis titles.
    pub x_desc: String,
    /// Axis titles.
    pub y_desc: String,
    /// Heatmap of the dev error, rows from the bottom (y low) up.
    pub heat: Vec<Vec<f64>>,
    /// The panels, left to right.
    pub panels: Vec<BoxPanel>,
    /// The study row, when shown.
    pub study: Option<StudyPanel>,
}

fn heat_color(t: f64) -> RGBColor {
    // t = 1 at the lowest error: a light bluish green; t = 0: white
    let t = t.clamp(0.0, 1.0) * 0.45;
    let mix = |w: u8, c: u8| (w as f64 * (1.0 - t) + c as f64 * t).round() as u8;
    RGBColor(mix(255, 0), mix(255, 158), mix(255, 115))
}

/// Levels of the heatmap's colour ramp: steps of 0.45 / 32 of the full tint, too small to see.
const HEAT_LEVELS: f64 = 32.0;

/// The heatmap as rectangles `(x0, x1, y0, y1, colour)` in axis coordinates, with vertical runs of
/// cells of the same (quantised) colour merged: a surface where only alpha matters has nearly
/// constant columns, so a panel needs a few dozen rectangles instead of 864 (the draw is the
/// slowest part of redrawing the figure).
pub fn heat_rects(heat: &[Vec<f64>], x_range: (f64, f64), y_range: (f64, f64)) -> Vec<(f64, f64, f64, f64, RGBColor)> {
    let (x0, x1) = x_range;
    let (y0, y1) = y_range;
    let (lo, hi) = heat
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &e| (a.min(e), b.max(e)));
    let rows = heat.len();
    let cols = heat.first().map_or(0, Vec::len);
    let level = |e: f64| {
        if hi > lo {
            ((hi - e) / (hi - lo) * HEAT_LEVELS).round()
        } else {
            0.0
        }
    };
    let y_at = |j: usize| y0 + (y1 - y0) * j as f64 / rows as f64;
    let mut out = Vec::new();
    for i in 0..cols {
        let xa = x0 + (x1 - x0) * i as f64 / cols as f64;
        let xb = x0 + (x1 - x0) * (i + 1) as f64 / cols as f64;
        let mut j = 0;
        while j < rows {
            let l = level(heat[j].get(i).copied().unwrap_or(hi));
            let start = j;
            while j < rows && level(heat[j].get(i).copied().unwrap_or(hi)) == l {
                j += 1;
            }
            out.push((xa, xb, y_at(start), y_at(j), heat_color(l / HEAT_LEVELS)));
        }
    }
    out
}

fn draw_box_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SearchChartData,
    panel: &BoxPanel,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (x0, x1) = data.x_range;
    let (y0, y1) = data.y_range;
    let mut chart = ChartBuilder::on(area)
        .margin(theme.px(6.0))
        .margin_right(theme.px(12.0))
        .caption(&panel.title, theme.font(12.0))
        .x_label_area_size(theme.px(34.0))
        .y_label_area_size(theme.px(44.0))
        .build_cartesian_2d(x0..x1, y0..y1)?;
    // no grid: the heatmap is the texture of these panels
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .bold_line_style(TRANSPARENT)
        .x_desc(data.x_desc.as_str())
        .y_desc(data.y_desc.as_str())
        .x_labels(5)
        .y_labels(5)
        .x_label_formatter(&|x| log10_label(*x))
        .y_label_formatter(&|y| log10_label(*y))
        .draw()?;
    // the surface, faint
    chart.draw_series(
        heat_rects(&data.heat, data.x_range, data.y_range)
            .into_iter()
            .map(|(a, b, c, d, color)| Rectangle::new([(a, c), (b, d)], color.filled())),
    )?;
    for &(a, b, c, d, k) in &panel.boxes {
        chart.draw_series(std::iter::once(Rectangle::new(
            [(a, c), (b, d)],
            series_color(k).stroke_width(theme.px(1.5)),
        )))?;
    }
    // rug marks: each point projected on both axes
    let (rx, ry) = ((x1 - x0) * 0.035, (y1 - y0) * 0.045);
    let thin = theme.px(1.0);
    for &(x, y, k) in &panel.points {
        let c = series_color(k).mix(0.7);
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x, y0), (x, y0 + ry)],
            c.stroke_width(thin),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(x0, y), (x0 + rx, y)],
            c.stroke_width(thin),
        )))?;
    }
    let r = theme.px(2.6);
    chart.draw_series(
        panel
            .points
            .iter()
            .map(|&(x, y, k)| Circle::new((x, y), r, series_color(k).filled())),
    )?;
    if let Some(b) = panel.best {
        chart.draw_series(std::iter::once(Circle::new(
            b,
            theme.px(6.0),
            INK.stroke_width(theme.px(1.5)),
        )))?;
    }
    Ok(())
}

fn draw_study<DB: DrawingBackend>(
    left: &DrawingArea<DB, Shift>,
    right: &DrawingArea<DB, Shift>,
    s: &StudyPanel,
    theme: &Theme,
) -> Result<(), ChartError> {
    let (e0, e1) = (*s.edges.first().unwrap_or(&0.0), *s.edges.last().unwrap_or(&1.0));
    let top = s
        .grid_counts
        .iter()
        .chain(&s.random_counts)
        .copied()
        .max()
        .unwrap_or(1)
        .max(1) as f64
        * 1.1;
    let mut chart = ChartBuilder::on(left)
        .margin(theme.px(6.0))
        .caption(&s.titles.0, theme.font(12.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.px(44.0))
        .build_cartesian_2d(e0..e1, 0.0..top)?;
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .x_labels(5)
        .y_labels(4)
        .x_label_formatter(&|x| format!("{x:.3}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .draw()?;
    for (k, counts) in [&s.grid_counts, &s.random_counts].into_iter().enumerate() {
        // a step outline per strategy, so both stay visible where they overlap
        let mut path = vec![(e0, 0.0)];
        for (i, &c) in counts.iter().enumerate() {
            path.push((s.edges[i], c as f64));
            path.push((s.edges[i + 1], c as f64));
        }
        path.push((e1, 0.0));
        chart.draw_series(std::iter::once(Polygon::new(
            path.clone(),
            series_color(k).mix(0.18).filled(),
        )))?;
        chart.draw_series(std::iter::once(PathElement::new(
            path,
            series_color(k).stroke_width(theme.px(1.5)),
        )))?;
    }
    chart.draw_series(DashedLineSeries::new(
        vec![(s.threshold, 0.0), (s.threshold, top)],
        theme.px(4.0),
        theme.px(3.0),
        INK.stroke_width(theme.px(1.0)),
    ))?;
    let area = chart.plotting_area();
    let (xr, yr) = area.get_pixel_range();
    let base = left.get_base_pixel();
    let at = |i: i32| {
        (
            xr.end - base.0 - theme.px(6.0) as i32,
            yr.start - base.1 + theme.px(8.0 + 15.0 * i as f64) as i32,
        )
    };
    for (i, (word, color)) in [
        (&s.words.0, series_color(0)),
        (&s.words.1, series_color(1)),
        (&s.words.2, INK),
    ]
    .into_iter()
    .enumerate()
    {
        let style = theme.font(11.0).color(&color).pos(Pos::new(HPos::Right, VPos::Top));
        left.draw(&Text::new(word.clone(), at(i as i32), style))?;
    }

    let n_max = s.curve.last().map_or(100.0, |c| c.0);
    let mut chart = ChartBuilder::on(right)
        .margin(theme.px(6.0))
        .caption(&s.titles.1, theme.font(12.0))
        .x_label_area_size(theme.px(28.0))
        .y_label_area_size(theme.px(36.0))
        .build_cartesian_2d(0.0..n_max, 0.0..1.02)?;
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.1}"))
        .draw()?;
    chart.draw_series(LineSeries::new(s.curve.clone(), INK.stroke_width(theme.px(1.5))))?;
    // the measured hit rates at n = budget, named like the histogram's strategies
    for (k, (hit, word)) in [(s.hits.0, &s.words.0), (s.hits.1, &s.words.1)].into_iter().enumerate() {
        let color = series_color(k);
        chart.draw_series(std::iter::once(Circle::new(
            (s.budget, hit),
            theme.px(4.5),
            color.filled(),
        )))?;
        let (x, y) = chart.backend_coord(&(s.budget, hit));
        let base = right.get_base_pixel();
        let style = theme.font(11.0).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        right.draw(&Text::new(
            word.clone(),
            (x - base.0 + theme.px(8.0) as i32, y - base.1),
            style,
        ))?;
    }
    Ok(())
}

/// Draws the figure on `root`.
pub fn draw_search<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &SearchChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (top, bottom) = match data.study {
        Some(_) => {
            let (_, h) = root.dim_in_pixel();
            let (a, b) = root.split_vertically((h as f64 * 0.56) as u32);
            (a, Some(b))
        }
        None => (root.clone(), None),
    };
    let cells = top.split_evenly((1, data.panels.len().max(1)));
    for (area, panel) in cells.iter().zip(&data.panels) {
        draw_box_panel(area, data, panel, theme)?;
    }
    if let (Some(study), Some(bottom)) = (&data.study, bottom) {
        let (w, _) = bottom.dim_in_pixel();
        let (left, right) = bottom.split_horizontally((w as f64 * 0.55) as u32);
        draw_study(&left, &right, study, theme)?;
    }
    Ok(())
}
