//! The activation-histogram grid: one row per condition (without / with batch norm), one small
//! histogram per layer, with its mean, standard deviation and saturated share written under it
//! (DLFS figure 6-10 and following, side by side with batch norm).
use super::{series_color, ChartError, Theme};
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

/// One row of histograms (a condition).
#[derive(Clone, Debug, PartialEq)]
pub struct HistRow {
    /// The row's title, e.g. "without batch norm".
    pub title: String,
    /// Palette index of the bars.
    pub color: usize,
    /// One cell per layer.
    pub cells: Vec<HistCell>,
}

/// Draws rows of small histograms; `cell_title(i)` names column i ("layer 1", ...).
pub fn draw_hist_grid<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[HistRow],
    cell_title: &dyn Fn(usize) -> String,
    x_format: &dyn Fn(f64) -> String,
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let row_areas = root.split_evenly((rows.len().max(1), 1));
    for (row_area, row) in row_areas.iter().zip(rows) {
        let (w, _) = row_area.dim_in_pixel();
        let title_h = theme.px(20.0);
        let (title_area, cells_area) = row_area.split_vertically(title_h);
        title_area.draw(&Text::new(
            row.title.clone(),
            (theme.px(6.0) as i32, (title_h / 2) as i32),
            theme.font(13.0).pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        let columns = row.cells.len().max(1);
        let cell_areas = cells_area.split_evenly((1, columns));
        let color = series_color(row.color);
        for (i, (area, cell)) in cell_areas.iter().zip(&row.cells).enumerate() {
            let text_h = theme.px(13.0) * cell.lines.len() as u32 + theme.px(4.0);
            let (plot_area, text_area) = area.split_vertically(area.dim_in_pixel().1.saturating_sub(text_h));
            let top = cell.counts.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.1;
            let (lo, hi) = if cell.hi > cell.lo {
                (cell.lo, cell.hi)
            } else {
                (cell.lo - 0.5, cell.lo + 0.5)
            };
            let mut chart = ChartBuilder::on(&plot_area)
                .margin_left(theme.px(if w > 600 { 6.0 } else { 3.0 }))
                .margin_right(theme.px(6.0))
                .margin_top(theme.px(16.0))
                .x_label_area_size(theme.px(18.0))
                .build_cartesian_2d(lo..hi, 0.0..top)?;
            theme
                .mesh(&mut chart.configure_mesh(), 10.0)
                .disable_y_mesh()
                .disable_y_axis()
                .x_labels(3)
                .x_label_formatter(&|x| x_format(*x))
                .draw()?;
            let width = (hi - lo) / cell.counts.len().max(1) as f64;
            chart.draw_series(cell.counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(b, &c)| {
                let x0 = lo + width * b as f64;
                Rectangle::new([(x0, 0.0), (x0 + width, c as f64)], color.mix(0.8).filled())
            }))?;
            let (pw, _) = plot_area.dim_in_pixel();
            plot_area.draw(&Text::new(
                cell_title(i),
                ((pw / 2) as i32, theme.px(8.0) as i32),
                theme.font(11.0).pos(Pos::new(HPos::Center, VPos::Center)),
            ))?;
            for (k, line) in cell.lines.iter().enumerate() {
                text_area.draw(&Text::new(
                    line.clone(),
                    ((pw / 2) as i32, (theme.px(13.0) * k as u32 + theme.px(7.0)) as i32),
                    theme.font(10.5).pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        }
    }
    Ok(())
}
