//! The weight histogram of `view=train`: the counts of every weight in equal bins over
//! `[-max |w|, max |w|]`, the band `|w| < threshold` shaded, and the share of weights inside it
//! printed large (L1 regularisation piles weights up at 0; seed 001 "Regularization"). Every word
//! comes in as data, already in the page's language.
use super::readout::fitting;
use super::ticks::{linear_label, whole_label};
use super::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What the weight panel draws.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightPanel {
    /// The title above the plot.
    pub title: String,
    /// The x axis title.
    pub axis: String,
    /// Half-width `r` of the binned range `[-r, r]`.
    pub range: f64,
    /// Counts of equal bins from `-r` to `r`.
    pub counts: Vec<usize>,
    /// The threshold `t` of the shaded band `|w| < t`.
    pub threshold: f64,
    /// The share inside the band, worded (`41% of weights |w| < 0.01`).
    pub share: String,
}

/// Draws the weight panel into `area`.
pub fn draw_weights<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &WeightPanel,
    theme: &Theme,
) -> Result<(), ChartError> {
    let r = if panel.range > 0.0 && panel.range.is_finite() {
        panel.range
    } else {
        1.0
    };
    let top = panel.counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let (w, h) = area.dim_in_pixel();
    // room above the tallest bar for the printed share (the band stops below it): the label's
    // height in pixels out of the plot's (the panel less its title, axis and margins)
    let plot_h = (h as f64 - theme.px(62.0) as f64).max(1.0);
    // a short panel (a phone's capped figure) prints the share as its title instead, and gives
    // the bars the whole plot
    let short = plot_h < theme.px(90.0) as f64;
    let room = if short {
        0.05
    } else {
        ((theme.px(22.0) as f64) / plot_h).clamp(0.25, 0.6)
    };
    let y1 = top / (1.0 - room);
    let band_top = if short { y1 } else { top * 1.05 };
    let x_labels = ((w as f64 / theme.px(70.0) as f64).floor() as usize).clamp(2, 5);
    let y_labels = ((h as f64 / theme.px(36.0) as f64).floor() as usize).clamp(2, 5);
    let (title, title_css) = if short {
        (&panel.share, 13.0)
    } else {
        (&panel.title, 11.0)
    };
    let title_size = fitting(title, 0.95 * w as f64 - theme.px(8.0) as f64, title_css * theme.scale) / theme.scale;
    let mut chart = ChartBuilder::on(area)
        .caption(title.clone(), theme.font(title_size))
        .margin(theme.px(4.0))
        .margin_right(theme.px(12.0))
        .x_label_area_size(theme.px(32.0))
        .y_label_area_size(theme.px(38.0))
        .build_cartesian_2d(-r..r, 0.0..y1)?;
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .axis_desc_style(theme.font(10.0))
        .x_labels(x_labels)
        .y_labels(y_labels)
        .x_label_formatter(&|x| linear_label(*x, 2.0 * r))
        .y_label_formatter(&|y| whole_label(*y))
        .x_desc(panel.axis.clone())
        .draw()?;
    let t = panel.threshold.min(r);
    let band = RGBColor(253, 232, 196);
    chart.draw_series(std::iter::once(Rectangle::new(
        [(-t, 0.0), (t, band_top)],
        band.filled(),
    )))?;
    // the band's edges, so a band narrower than a bar still shows where it is (under the bars)
    let edge = series_color(4).stroke_width(theme.px(1.0));
    for x in [-t, t] {
        chart.draw_series(LineSeries::new([(x, 0.0), (x, band_top)], edge))?;
    }
    let n = panel.counts.len().max(1);
    let width = 2.0 * r / n as f64;
    let bar = series_color(0);
    chart.draw_series(panel.counts.iter().enumerate().filter(|(_, &c)| c > 0).map(|(k, &c)| {
        let x0 = -r + width * k as f64;
        Rectangle::new([(x0, 0.0), (x0 + width, c as f64)], bar.filled())
    }))?;
    if short {
        return Ok(());
    }
    let (bx, by) = area.get_base_pixel();
    let (px, py) = chart.plotting_area().get_pixel_range();
    let size = fitting(
        &panel.share,
        (px.end - px.start) as f64 - theme.px(8.0) as f64,
        14.0 * theme.scale,
    ) / theme.scale;
    let style = theme.font(size).color(&INK).pos(Pos::new(HPos::Left, VPos::Top));
    area.draw(&Text::new(
        panel.share.clone(),
        (
            px.start - bx + theme.px(4.0) as i32,
            py.start - by + theme.px(3.0) as i32,
        ),
        style,
    ))?;
    Ok(())
}
