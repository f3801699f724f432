//! The dataset buttons' pictures: each 2-D set as a small scatter of its classes (the shape the
//! learner will see, with the default samples and no noise), a few of the 8 x 8 digits, and a
//! table for the learner's CSV; SVG text drawn by the chart code, the same in every language
//! (they hold no words).
use super::params::DATASETS;
use crate::chart::record::{replay, Recorder};
use crate::chart::train::class_color;
use crate::chart::{ChartError, Theme};
use crate::core::data::{Shape, SyntheticConfig};
use crate::core::math::rng::seeded;
use plotters::coord::Shift;
use plotters::prelude::*;
use serde_json::json;

/// A picture's side in CSS pixels.
pub const SIDE: u32 = 56;
/// Points drawn of a 2-D set.
const POINTS: usize = 160;
/// Digits drawn.
const DIGITS: usize = 9;

fn svg(draw: impl Fn(&DrawingArea<Recorder, Shift>) -> Result<(), ChartError>) -> Option<String> {
    let recorder = Recorder::new((SIDE, SIDE));
    let ops = recorder.ops();
    {
        let root = recorder.into_drawing_area();
        draw(&root).ok()?;
    }
    let list = ops.borrow().clone();
    let mut out = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut out, (SIDE, SIDE));
        replay(&list, &mut backend).ok()?;
    }
    Some(out)
}

/// The picture of dataset `id` as SVG text.
pub fn thumbnail(id: &str) -> Option<String> {
    let theme = Theme::default();
    match id {
        "digits" => {
            // the digits as the page has them (embedded natively, fetched by the engine module)
            let all = crate::app::assets::digits("dataset").ok()?;
            let images: Vec<Vec<f64>> = (0..DIGITS.min(all.rows()))
                .map(|i| {
                    let row = all.row(i);
                    let hi = row.iter().copied().fold(1e-12, f64::max);
                    row.iter().map(|v| v / hi).collect()
                })
                .collect();
            svg(|root| draw_digit_tiles(root, &images))
        }
        "csv" => svg(|root| draw_table_icon(root, &theme)),
        shape => {
            let cfg = SyntheticConfig {
                shape: Shape::from_id(shape)?,
                samples: POINTS,
                noise: 0.0,
            };
            let data = cfg.generate(&mut seeded(1)).ok()?;
            let points: Vec<(f64, f64, usize)> = (0..data.rows())
                .map(|i| (data.row(i)[0], data.row(i)[1], data.label(i)))
                .collect();
            svg(|root| draw_thumbnail(root, &points, &theme))
        }
    }
}

/// Every dataset's picture: `{id: svg}`.
pub fn all() -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = DATASETS
        .iter()
        .filter_map(|&id| thumbnail(id).map(|s| (id.to_string(), json!(s))))
        .collect();
    serde_json::Value::Object(map)
}

/// A dataset's picture for its button: `points` (x, y, class) in a square, scaled to their range.
fn draw_thumbnail<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[(f64, f64, usize)],
    theme: &Theme,
) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let side = w.min(h) as f64;
    let range = |f: fn(&(f64, f64, usize)) -> f64| {
        points
            .iter()
            .map(f)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)))
    };
    let ((x0, x1), (y0, y1)) = (range(|p| p.0), range(|p| p.1));
    let pad = side * 0.08;
    let at = |v: f64, lo: f64, hi: f64| pad + (v - lo) / (hi - lo).max(1e-12) * (side - 2.0 * pad);
    let r = theme.px(1.6) as i32;
    for &(x, y, k) in points {
        let p = (at(x, x0, x1).round() as i32, (side - at(y, y0, y1)).round() as i32);
        root.draw(&Circle::new(p, r, class_color(k).filled()))?;
    }
    Ok(())
}

/// The digits' picture: a few 8 x 8 images (pixels in [0, 1]) in a grid.
fn draw_digit_tiles<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, images: &[Vec<f64>]) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let per = (images.len() as f64).sqrt().ceil().max(1.0) as usize;
    let tile = w.min(h) as f64 / per as f64;
    let px = tile * 0.9 / 8.0;
    for (n, img) in images.iter().enumerate() {
        let (ox, oy) = (tile * (n % per) as f64, tile * (n / per) as f64);
        for (i, v) in img.iter().enumerate().take(64) {
            let g = (255.0 * (1.0 - v.clamp(0.0, 1.0))).round() as u8;
            let a = ((ox + px * (i % 8) as f64) as i32, (oy + px * (i / 8) as f64) as i32);
            let z = (
                (ox + px * (i % 8 + 1) as f64) as i32,
                (oy + px * (i / 8 + 1) as f64) as i32,
            );
            root.draw(&Rectangle::new([a, z], RGBColor(g, g, g).filled()))?;
        }
    }
    Ok(())
}

/// The learner's CSV: a small table with a coloured class column.
fn draw_table_icon<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, theme: &Theme) -> Result<(), ChartError> {
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let (x0, y0, x1, y1) = (w * 0.14, h * 0.2, w * 0.86, h * 0.8);
    let line = RGBColor(120, 120, 120).stroke_width(theme.px(1.0));
    for r in 0..5 {
        let y = y0 + (y1 - y0) * r as f64 / 4.0;
        if r < 4 {
            let k = class_color(r % 2);
            let a = ((x0 + (x1 - x0) * 0.7) as i32, (y + 2.0) as i32);
            let z = ((x1 - 2.0) as i32, (y + (y1 - y0) / 4.0 - 2.0) as i32);
            root.draw(&Rectangle::new([a, z], k.filled()))?;
        }
        root.draw(&PathElement::new(
            vec![(x0 as i32, y as i32), (x1 as i32, y as i32)],
            line,
        ))?;
    }
    for c in 0..4 {
        let x = x0 + (x1 - x0) * [0.0, 0.35, 0.7, 1.0][c];
        root.draw(&PathElement::new(
            vec![(x as i32, y0 as i32), (x as i32, y1 as i32)],
            line,
        ))?;
    }
    Ok(())
}
