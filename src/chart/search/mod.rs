//! The search figure: small multiples over the same box (grid, random, coarse to fine), each with
//! the dev-error surface as a faint heatmap behind the points and the points projected onto both
//! axes as rug marks; optionally a second row with the repeated study (best-found error per
//! strategy) and the `1 - 0.95^n` curve. Every word drawn comes in as data (titles, axis titles,
//! legend words). The panels sit in a row on a wide figure and in one column on a narrow one
//! ([`search_layout`]), which also says where each plotting area is, so the page can name the
//! trial under the pointer ([`trial_at`]).
use super::scale::{fit, log10_label, log_ticks, sub_area, tick_count, PanelGeometry, Ticked, NARROW_BELOW};
use super::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

mod study;

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

/// The layout of the search figure on a figure `width` CSS pixels wide: the box panels (a row on
/// a wide figure, one column on a narrow one) and, with the study, its two panels (a row below, or
/// two more rows). Returns the box panels, the study panels, and the figure's height for `width`.
pub fn search_layout(data: &SearchChartData, width: f64) -> (Vec<PanelGeometry>, Vec<PanelGeometry>, f64) {
    let n = data.panels.len().max(1);
    let narrow = width < NARROW_BELOW;
    let (box_h, study_h) = if narrow {
        ((width * 0.4).clamp(140.0, 240.0), (width * 0.45).clamp(150.0, 240.0))
    } else {
        (
            (width / n as f64 * 1.25).clamp(240.0, 520.0),
            (width * 0.26).clamp(200.0, 320.0),
        )
    };
    let study_rows = if data.study.is_none() {
        0.0
    } else if narrow {
        2.0
    } else {
        1.0
    };
    let box_rows = if narrow { n as f64 } else { 1.0 };
    let height = box_rows * box_h + study_rows * study_h;
    let box_frac = box_rows * box_h / height;
    let boxes = (0..n)
        .map(|k| {
            let frac = if narrow {
                let h = box_frac / n as f64;
                [0.0, k as f64 * h, 1.0, (k + 1) as f64 * h]
            } else {
                let w = 1.0 / n as f64;
                [k as f64 * w, 0.0, (k + 1) as f64 * w, box_frac]
            };
            // stacked on a narrow figure, the panels share one α axis title, under the last
            let shared = narrow && k + 1 < n;
            PanelGeometry {
                frac,
                inset: if shared { BOX_INSET_SHARED } else { BOX_INSET },
                x: data.x_range,
                y: data.y_range,
            }
        })
        .collect();
    let study = match &data.study {
        None => Vec::new(),
        Some(s) => {
            let (left, right) = if narrow {
                let h = (1.0 - box_frac) / 2.0;
                ([0.0, box_frac, 1.0, box_frac + h], [0.0, box_frac + h, 1.0, 1.0])
            } else {
                ([0.0, box_frac, 0.55, 1.0], [0.55, box_frac, 1.0, 1.0])
            };
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
            let n_max = s.curve.last().map_or(100.0, |c| c.0);
            vec![
                PanelGeometry {
                    frac: left,
                    inset: STUDY_INSET,
                    x: (e0, e1),
                    y: (0.0, top),
                },
                PanelGeometry {
                    frac: right,
                    inset: STUDY_INSET,
                    x: (0.0, n_max),
                    y: (0.0, 1.02),
                },
            ]
        }
    };
    (boxes, study, height)
}

/// The trial nearest pixel `at` (CSS pixels) of a figure `size`, within `reach` pixels: `(panel,
/// index in that panel's points)`.
pub fn trial_at(data: &SearchChartData, size: (f64, f64), at: (f64, f64), reach: f64) -> Option<(usize, usize)> {
    let (boxes, _, _) = search_layout(data, size.0);
    let mut best: Option<(f64, usize, usize)> = None;
    for (k, (g, panel)) in boxes.iter().zip(&data.panels).enumerate() {
        let [l, t, r, b] = g.plot(size);
        if at.0 < l - reach || at.0 > r + reach || at.1 < t - reach || at.1 > b + reach {
            continue;
        }
        for (i, &(x, y, _)) in panel.points.iter().enumerate() {
            let (px, py) = g.pixel_of(size, (x, y));
            let d = (px - at.0).hypot(py - at.1);
            if d <= reach && best.is_none_or(|b| d < b.0) {
                best = Some((d, k, i));
            }
        }
    }
    best.map(|(_, k, i)| (k, i))
}

/// Plotting-area insets of a box panel: title above, log ticks and axis title left and below.
const BOX_INSET: [f64; 4] = [52.0, 22.0, 12.0, 38.0];
/// The same without the α axis title (a panel above another on a narrow figure).
const BOX_INSET_SHARED: [f64; 4] = [52.0, 22.0, 12.0, 22.0];
/// The y label area inside the insets (ticks and title); the x label area is the bottom inset
/// less a 4-pixel margin.
const BOX_Y_LABELS: f64 = 48.0;
/// Plotting-area insets of a study panel (no axis titles: the panel title says what it shows).
const STUDY_INSET: [f64; 4] = [46.0, 22.0, 10.0, 26.0];
pub(super) const STUDY_LABELS: (f64, f64) = (42.0, 22.0);

/// A panel's title, top left, fitted to the panel's width.
pub(super) fn panel_title<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    g: &PanelGeometry,
    width: f64,
    theme: &Theme,
) -> Result<(), ChartError> {
    let cell = (g.frac[2] - g.frac[0]) * width;
    let (text, size) = fit(text, (cell - 12.0) * theme.scale, 12.0, theme);
    let style = theme.font(size).pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(text, (theme.px(6.0) as i32, theme.px(11.0) as i32), style))?;
    Ok(())
}

fn draw_box_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &SearchChartData,
    panel: &BoxPanel,
    g: &PanelGeometry,
    theme: &Theme,
) -> Result<(), ChartError> {
    let area = sub_area(root, g.frac);
    let css = (
        root.dim_in_pixel().0 as f64 / theme.scale,
        root.dim_in_pixel().1 as f64 / theme.scale,
    );
    let [l, t, r, b] = g.plot(css);
    let (x0, x1) = data.x_range;
    let (y0, y1) = data.y_range;
    let xt = log_ticks(x0, x1, tick_count(r - l, 46.0));
    let yt = log_ticks(y0, y1, tick_count(b - t, 26.0));
    let mut chart = ChartBuilder::on(&area)
        .margin_left(theme.px(g.inset[0] - BOX_Y_LABELS))
        .margin_top(theme.px(g.inset[1]))
        .margin_right(theme.px(g.inset[2]))
        .margin_bottom(theme.px(4.0))
        .x_label_area_size(theme.px(g.inset[3] - 4.0))
        .y_label_area_size(theme.px(BOX_Y_LABELS))
        .build_cartesian_2d(Ticked::new(x0, x1, xt), Ticked::new(y0, y1, yt))?;
    let label = |v: &f64| log10_label(*v);
    // no grid: the heatmap is the texture of these panels
    let mut mesh = chart.configure_mesh();
    theme
        .mesh(&mut mesh, 10.0)
        .bold_line_style(TRANSPARENT)
        .y_desc(data.y_desc.as_str())
        .x_label_formatter(&label)
        .y_label_formatter(&label);
    if g.inset != BOX_INSET_SHARED {
        mesh.x_desc(data.x_desc.as_str());
    }
    mesh.draw()?;
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
    panel_title(&area, &panel.title, g, css.0, theme)
}

/// Draws the figure on `root` (see [`search_layout`]).
pub fn draw_search<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &SearchChartData,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let width = root.dim_in_pixel().0 as f64 / theme.scale;
    let (boxes, study, _) = search_layout(data, width);
    for (panel, g) in data.panels.iter().zip(&boxes) {
        draw_box_panel(root, data, panel, g, theme)?;
    }
    if let Some(s) = &data.study {
        study::draw_study(root, s, &study, theme)?;
    }
    Ok(())
}
