//! The repeated study's row of the search figure: the best error each strategy found over the
//! repeats (two step outlines and the top-5% threshold) and the `1 - 0.95^n` curve with the hit
//! rates measured at the budget.
use super::{panel_title, PanelGeometry, StudyPanel, STUDY_LABELS};
use crate::chart::scale::{nice_ticks, sub_area, tick_count, Ticked};
use crate::chart::ticks::{linear_label, whole_label};
use crate::chart::{series_color, ChartError, Theme, INK};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the study's two panels `panels` (see [`super::search_layout`]).
pub(super) fn draw_study<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &StudyPanel,
    panels: &[PanelGeometry],
    theme: &Theme,
) -> Result<(), ChartError> {
    let css = (
        root.dim_in_pixel().0 as f64 / theme.scale,
        root.dim_in_pixel().1 as f64 / theme.scale,
    );
    let (Some(gl), Some(gr)) = (panels.first(), panels.get(1)) else {
        return Ok(());
    };
    let left = sub_area(root, gl.frac);
    let [l, t, r, b] = gl.plot(css);
    let (e0, e1) = gl.x;
    let top = gl.y.1;
    let xt = nice_ticks(e0, e1, tick_count(r - l, 56.0));
    let yt: Vec<f64> = nice_ticks(0.0, top, tick_count(b - t, 30.0).min(4))
        .into_iter()
        .filter(|v| (v - v.round()).abs() < 1e-9)
        .collect();
    let mut chart = ChartBuilder::on(&left)
        .margin_left(theme.px(gl.inset[0] - STUDY_LABELS.0))
        .margin_top(theme.px(gl.inset[1]))
        .margin_right(theme.px(gl.inset[2]))
        .margin_bottom(theme.px(gl.inset[3] - STUDY_LABELS.1))
        .x_label_area_size(theme.px(STUDY_LABELS.1))
        .y_label_area_size(theme.px(STUDY_LABELS.0))
        .build_cartesian_2d(Ticked::new(e0, e1, xt), Ticked::new(0.0, top, yt))?;
    let span = e1 - e0;
    let x_label = |x: &f64| linear_label(*x, span);
    let y_label = |y: &f64| whole_label(*y);
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
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
    // the legend words, top right inside the plotting area
    let x = theme.px(r - gl.frac[0] * css.0 - 6.0) as i32;
    for (i, (word, color)) in [
        (&s.words.0, series_color(0)),
        (&s.words.1, series_color(1)),
        (&s.words.2, INK),
    ]
    .into_iter()
    .enumerate()
    {
        let y = theme.px(t - gl.frac[1] * css.1 + 4.0 + 15.0 * i as f64) as i32;
        let style = theme.font(11.0).color(&color).pos(Pos::new(HPos::Right, VPos::Top));
        left.draw(&Text::new(word.clone(), (x, y), style))?;
    }
    panel_title(&left, &s.titles.0, gl, css.0, theme)?;

    let right = sub_area(root, gr.frac);
    let [l, t, r, b] = gr.plot(css);
    let n_max = gr.x.1;
    let xt: Vec<f64> = nice_ticks(0.0, n_max, tick_count(r - l, 50.0))
        .into_iter()
        .filter(|v| (v - v.round()).abs() < 1e-9)
        .collect();
    let yt = nice_ticks(0.0, 1.0, tick_count(b - t, 30.0).min(6));
    let mut chart = ChartBuilder::on(&right)
        .margin_left(theme.px(gr.inset[0] - STUDY_LABELS.0))
        .margin_top(theme.px(gr.inset[1]))
        .margin_right(theme.px(gr.inset[2]))
        .margin_bottom(theme.px(gr.inset[3] - STUDY_LABELS.1))
        .x_label_area_size(theme.px(STUDY_LABELS.1))
        .y_label_area_size(theme.px(STUDY_LABELS.0))
        .build_cartesian_2d(Ticked::new(0.0, n_max, xt), Ticked::new(0.0, 1.02, yt))?;
    let x_label = |x: &f64| whole_label(*x);
    let y_label = |y: &f64| linear_label(*y, 1.0);
    theme
        .mesh(&mut chart.configure_mesh(), 10.0)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    chart.draw_series(LineSeries::new(s.curve.clone(), INK.stroke_width(theme.px(1.5))))?;
    // the measured hit rates at n = budget, named like the histogram's strategies; the two words
    // are pushed apart when the rates are close
    let mut marks: Vec<(i32, i32, &String, RGBColor)> = Vec::new();
    let base = right.get_base_pixel();
    for (k, (hit, word)) in [(s.hits.0, &s.words.0), (s.hits.1, &s.words.1)].into_iter().enumerate() {
        let color = series_color(k);
        chart.draw_series(std::iter::once(Circle::new(
            (s.budget, hit),
            theme.px(4.5),
            color.filled(),
        )))?;
        let (x, y) = chart.backend_coord(&(s.budget, hit));
        marks.push((x - base.0 + theme.px(8.0) as i32, y - base.1, word, color));
    }
    let gap = theme.px(14.0) as i32;
    marks.sort_by_key(|m| m.1);
    if marks.len() == 2 && marks[1].1 - marks[0].1 < gap {
        let mid = (marks[0].1 + marks[1].1) / 2;
        marks[0].1 = mid - gap / 2;
        marks[1].1 = mid + gap / 2;
    }
    for (x, y, word, color) in marks {
        let style = theme.font(11.0).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        right.draw(&Text::new(word.clone(), (x, y), style))?;
    }
    panel_title(&right, &s.titles.1, gr, css.0, theme)
}
