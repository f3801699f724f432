//! The activation-histogram grid: small multiples, one histogram per layer and condition
//! (without / with batch norm), with its mean, standard deviation and saturated share written
//! under it (DLFS figure 6-10 and following, side by side with batch norm).
//!
//! The panels reflow with the width instead of shrinking ([`grid_shape`]): on a laptop each
//! condition is a block of up to five histograms across (wrapping for more layers); on a phone
//! the two conditions are two columns, one layer per row, so each layer's pair sits side by side.
//! The layers of a condition share their x range, so only the bottom histogram of a column
//! carries tick labels. [`grid_height`] is the height the panels need at a width; at a smaller
//! height the lines under the histograms go first, never the type size (10 CSS px at least).
use super::{series_color, ChartError, Theme, GRID, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One small histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct HistCell {
    /// Left edge of the first bin.
    pub lo: f64,
    /// Right edge of the last bin.
    pub hi: f64,
    /// Count per bin.
    pub counts: Vec<u32>,
    /// Up to two lines of numbers written under the histogram.
    pub lines: Vec<String>,
}

/// One condition: a block (laptop) or a column (phone) of histograms.
#[derive(Clone, Debug, PartialEq)]
pub struct HistRow {
    /// The block's title, e.g. "without batch norm".
    pub title: String,
    /// The column's title on a phone, e.g. "without BN".
    pub short_title: String,
    /// Palette index of the bars.
    pub color: usize,
    /// One cell per layer.
    pub cells: Vec<HistCell>,
}

/// The words and tick labels of the grid, as data.
pub struct HistGridWords<'a> {
    /// Cell `i`'s title ("layer 1", ...).
    pub cell_title: &'a dyn Fn(usize) -> String,
    /// The label of an x tick at `v` on an axis spanning `span`.
    pub tick: &'a dyn Fn(f64, f64) -> String,
}

/// Where a histogram's bars were drawn: condition `row`, cell `cell`, and its plotting area in
/// the output's pixels (`x0..x1`, `y0..y1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellBox {
    /// The condition.
    pub row: usize,
    /// The layer (from 0).
    pub cell: usize,
    /// Left edge of the plotting area.
    pub x0: i32,
    /// Top edge.
    pub y0: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge (the histogram's base).
    pub y1: i32,
}

/// Below this width (CSS px) the conditions become two columns.
pub const NARROW: f64 = 560.0;
/// The narrowest histogram on a laptop (CSS px): five across at 900 px and more.
pub const MIN_CELL_WIDTH: f64 = 170.0;
/// Most histograms across in one block.
pub const MAX_ACROSS: usize = 5;
/// A block's title (laptop) or the column titles (phone), CSS px.
const TITLE_H: f64 = 22.0;
/// A histogram's title.
const CELL_TITLE_H: f64 = 15.0;
/// The tick labels under the bottom histogram of a column.
const TICK_H: f64 = 17.0;
/// The axis line and tick marks of the other histograms.
const AXIS_H: f64 = 5.0;
/// One line of numbers under a histogram.
const LINE_H: f64 = 13.0;
/// The least height of the bars' area before a line of numbers gives way.
const MIN_PLOT: f64 = 34.0;

/// How the histograms lay out at a width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridShape {
    /// The conditions side by side as columns, one layer per row (a phone).
    pub side_by_side: bool,
    /// Histograms across in one condition's block (1 when side by side).
    pub across: usize,
    /// Rows of histograms per condition (the layers when side by side).
    pub down: usize,
}

/// The shape for `cells` histograms per condition at `width` CSS px.
pub fn grid_shape(width: f64, cells: usize) -> GridShape {
    let cells = cells.max(1);
    if width < NARROW {
        return GridShape {
            side_by_side: true,
            across: 1,
            down: cells,
        };
    }
    let fit = ((width / MIN_CELL_WIDTH).floor() as usize).clamp(1, MAX_ACROSS);
    // as many rows as the width needs, then the cells spread evenly over them (7 -> 4 + 3)
    let down = cells.div_ceil(fit);
    GridShape {
        side_by_side: false,
        across: cells.div_ceil(down),
        down,
    }
}

/// The bars' preferred height for a histogram `cell_width` wide (CSS px).
fn preferred_plot(shape: GridShape, cell_width: f64) -> f64 {
    if shape.side_by_side {
        62.0
    } else {
        (cell_width * 0.85).clamp(70.0, 190.0)
    }
}

/// The height (CSS px) the grid of `rows` conditions of `cells` histograms needs at `width`,
/// with `lines` lines of numbers under each histogram.
pub fn grid_height(width: f64, rows: usize, cells: usize, lines: usize) -> f64 {
    let shape = grid_shape(width, cells);
    let rows = rows.max(1) as f64;
    let (blocks, columns) = if shape.side_by_side {
        (1.0, rows)
    } else {
        (rows, shape.across as f64)
    };
    let cell = CELL_TITLE_H + preferred_plot(shape, width / columns) + LINE_H * lines as f64 + 4.0;
    let block = TITLE_H + shape.down as f64 * cell + (shape.down as f64 - 1.0) * AXIS_H + TICK_H;
    blocks * block
}

/// How many lines of numbers fit under a histogram `cell_h` high (output px), of `wanted`.
fn lines_that_fit(cell_h: f64, wanted: usize, theme: &Theme) -> usize {
    let s = theme.scale;
    (0..=wanted)
        .rev()
        .find(|&k| cell_h - (CELL_TITLE_H + AXIS_H + LINE_H * k as f64 + 4.0) * s >= MIN_PLOT * s)
        .unwrap_or(0)
}

/// Draws the grid; returns where each histogram's bars went (for readouts).
pub fn draw_hist_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[HistRow],
    words: &HistGridWords,
    theme: &Theme,
) -> Result<Vec<CellBox>, ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let s = theme.scale;
    let cells = rows.iter().map(|r| r.cells.len()).max().unwrap_or(1).max(1);
    let shape = grid_shape(w / s, cells);
    let n_rows = rows.len().max(1);
    let wanted = rows
        .iter()
        .flat_map(|r| r.cells.iter().map(|c| c.lines.len()))
        .max()
        .unwrap_or(0);
    let title = |text: &str, x: f64, y: f64, anchor: HPos| -> Result<(), ChartError> {
        let style = theme.font(13.0).pos(Pos::new(anchor, VPos::Center));
        root.draw(&Text::new(text.to_string(), (x as i32, y as i32), style))?;
        Ok(())
    };
    // (condition, cell, x, y, width, height, bottom of its column)
    let mut places = Vec::new();
    if shape.side_by_side {
        let column_w = w / n_rows as f64;
        for (r, row) in rows.iter().enumerate() {
            title(
                &row.short_title,
                column_w * (r as f64 + 0.5),
                TITLE_H * s / 2.0,
                HPos::Center,
            )?;
        }
        let cell_h = (h - (TITLE_H + TICK_H) * s - (shape.down as f64 - 1.0) * AXIS_H * s) / shape.down as f64;
        for (r, row) in rows.iter().enumerate() {
            for c in 0..row.cells.len() {
                let y = TITLE_H * s + c as f64 * (cell_h + AXIS_H * s);
                let last = c + 1 == row.cells.len();
                places.push((r, c, column_w * r as f64, y, column_w, cell_h, last));
            }
        }
    } else {
        let block_h = h / n_rows as f64;
        let cell_w = w / shape.across as f64;
        let cell_h = (block_h - (TITLE_H + TICK_H) * s - (shape.down as f64 - 1.0) * AXIS_H * s) / shape.down as f64;
        for (r, row) in rows.iter().enumerate() {
            let top = block_h * r as f64;
            title(&row.title, 6.0 * s, top + TITLE_H * s / 2.0, HPos::Left)?;
            for c in 0..row.cells.len() {
                let (i, j) = (c / shape.across, c % shape.across);
                let y = top + TITLE_H * s + i as f64 * (cell_h + AXIS_H * s);
                // the bottom of a column: no cell below it in this block
                let last = c + shape.across >= row.cells.len();
                places.push((r, c, cell_w * j as f64, y, cell_w, cell_h, last));
            }
        }
    }
    let lines = places.first().map_or(0, |p| lines_that_fit(p.5, wanted, theme));
    let mut boxes = Vec::new();
    for (r, c, x, y, cw, ch, last) in places {
        let cell = &rows[r].cells[c];
        let axis = if last { TICK_H } else { AXIS_H };
        let area = root
            .clone()
            .shrink((x as i32, y as i32), (cw as u32, (ch + axis * s) as u32));
        let b = draw_cell(
            &area,
            cell,
            &(words.cell_title)(c),
            rows[r].color,
            last,
            lines,
            words,
            theme,
        )?;
        boxes.push(CellBox { row: r, cell: c, ..b });
    }
    Ok(boxes)
}

/// One histogram with its title, axis and lines; returns its plotting area.
#[allow(clippy::too_many_arguments)]
fn draw_cell<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    cell: &HistCell,
    title: &str,
    color: usize,
    ticks: bool,
    lines: usize,
    words: &HistGridWords,
    theme: &Theme,
) -> Result<CellBox, ChartError> {
    let s = theme.scale;
    let (aw, ah) = area.dim_in_pixel();
    let text_h = ((LINE_H * lines as f64 + if lines > 0 { 4.0 } else { 0.0 }) * s) as u32;
    let (upper, text_area) = area.split_vertically(ah.saturating_sub(text_h));
    let (head, plot) = upper.split_vertically(theme.px(CELL_TITLE_H));
    head.draw(&Text::new(
        title.to_string(),
        ((aw / 2) as i32, (CELL_TITLE_H * s / 2.0) as i32),
        theme.font(11.0).pos(Pos::new(HPos::Center, VPos::Center)),
    ))?;
    let top = cell.counts.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.08;
    let (lo, hi) = if cell.hi > cell.lo {
        (cell.lo, cell.hi)
    } else {
        (cell.lo - 0.5, cell.lo + 0.5)
    };
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(theme.px(10.0))
        .margin_right(theme.px(10.0))
        .x_label_area_size(theme.px(if ticks { TICK_H } else { AXIS_H }))
        .build_cartesian_2d(lo..hi, 0.0..top)?;
    // about one tick label per 60 CSS px of axis, three at most
    let labels = ((aw as f64 / s / 60.0) as usize).clamp(2, 3);
    let span = hi - lo;
    let tick = |x: &f64| if ticks { (words.tick)(*x, span) } else { String::new() };
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .disable_y_mesh()
        .disable_y_axis()
        .x_labels(labels)
        .x_label_formatter(&tick)
        .draw()?;
    let width = span / cell.counts.len().max(1) as f64;
    let fill = series_color(color).mix(0.85).filled();
    chart.draw_series(cell.counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(b, &c)| {
        let x0 = lo + width * b as f64;
        Rectangle::new([(x0, 0.0), (x0 + width, c as f64)], fill)
    }))?;
    // a faint frame, so an empty or one-bin histogram still shows its extent
    let (px, py) = chart.plotting_area().get_pixel_range();
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(lo, top), (hi, top)],
        GRID.stroke_width(theme.px(1.0)),
    )))?;
    for (k, line) in cell.lines.iter().take(lines).enumerate() {
        text_area.draw(&Text::new(
            line.clone(),
            ((aw / 2) as i32, ((LINE_H * k as f64 + LINE_H / 2.0 + 2.0) * s) as i32),
            theme.font(10.0).color(&INK).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    Ok(CellBox {
        row: 0,
        cell: 0,
        x0: px.start,
        y0: py.start,
        x1: px.end,
        y1: py.end,
    })
}
