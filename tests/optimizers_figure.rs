//! view=optimizers' figure: the click geometry against the drawn plotting areas (wide and narrow),
//! paths clipped at the window, tick labels written by the one formatter, the reflow for a phone
//! and the `readout` query (the start under the pointer, the path point nearest to it).
use plotters::prelude::*;
use trainlab::app::optimizers::OptimizersView;
use trainlab::app::params::ParamSet;
use trainlab::app::Mounted;
use trainlab::chart::record::Op;
use trainlab::chart::{Lang, Theme};

fn view(query: &str) -> Mounted {
    let mut v = Mounted::new("optimizers").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

/// Every text the figure draws at `width` CSS pixels (its own height for that width).
fn texts(v: &Mounted, width: u32) -> Vec<String> {
    let height = v.height_for(width as f64).round() as u32;
    v.record((width, height), &Theme::default())
        .unwrap()
        .into_iter()
        .filter_map(|op| match op {
            Op::Text(s, ..) => Some(s),
            _ => None,
        })
        .collect()
}

fn readout(v: &mut Mounted, x: f64, y: f64, size: (f64, f64)) -> serde_json::Value {
    let arg = serde_json::json!({"x": x, "y": y, "width": size.0, "height": size.1}).to_string();
    v.command("readout", &arg).unwrap()
}

#[test]
fn click_geometry_matches_the_drawn_plotting_areas() {
    // geometry: panel = frac * size, plotting area = panel inset by CSS pixels (times the scale).
    for (query, w, h, scale) in [
        ("", 760u32, 440u32, 1.0),
        ("layout=multiples", 760, 440, 1.0),
        ("layout=multiples&nesterov=1", 1000, 580, 2.0),
        ("", 900, 522, 1.5),
    ] {
        let mut params = ParamSet::defaults(trainlab::app::optimizers::PARAMS);
        assert!(params.apply_query(query).is_empty());
        let m = OptimizersView::build(&params).unwrap();
        let mut out = String::new();
        let rects = {
            let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            m.draw_with_geometry(&root, &Theme { scale, lang: Lang::En }).unwrap()
        };
        let geo = m.geometry();
        assert_eq!(rects.len(), geo.len());
        for (r, g) in rects.iter().zip(&geo) {
            let want = [
                g.frac[0] * w as f64 + g.inset[0] * scale,
                g.frac[1] * h as f64 + g.inset[1] * scale,
                g.frac[2] * w as f64 - g.inset[2] * scale,
                g.frac[3] * h as f64 - g.inset[3] * scale,
            ];
            for k in 0..4 {
                assert!(
                    (r[k] as f64 - want[k]).abs() <= 2.0,
                    "{query} {w}x{h}@{scale}: {r:?} vs {want:?}"
                );
            }
        }
    }
}

#[test]
fn paths_leaving_the_window_are_clipped_at_its_edge() {
    use trainlab::chart::optimizers::clip_polyline;
    let (x, y) = ((-10.0, 10.0), (-5.0, 5.0));
    // in, out through the top edge at x = 0 (segment (-2, 3) -> (2, 7)), back in at x = 4
    let pieces = clip_polyline(&[(-4.0, 1.0), (-2.0, 3.0), (2.0, 7.0), (6.0, 3.0), (8.0, 0.0)], x, y);
    assert_eq!(pieces.len(), 2, "{pieces:?}");
    assert_eq!(pieces[0], vec![(-4.0, 1.0), (-2.0, 3.0), (0.0, 5.0)]);
    assert_eq!(pieces[1], vec![(4.0, 5.0), (6.0, 3.0), (8.0, 0.0)]);
    assert!(clip_polyline(&[(20.0, 0.0), (30.0, 0.0)], x, y).is_empty());
    assert_eq!(clip_polyline(&[(0.0, 0.0)], x, y), vec![vec![(0.0, 0.0)]]);
}

#[test]
fn narrow_geometry_matches_the_drawn_plotting_areas_and_stacks_the_panels() {
    // a phone: contours above the loss | schedule row, small multiples in one column
    for (query, w, scale, panels) in [
        ("", 372u32, 1.0, 1),
        ("layout=multiples", 372, 2.0, 4),
        ("layout=multiples&nesterov=1&rmsprop=1", 372, 3.0, 6),
    ] {
        let mut params = ParamSet::defaults(trainlab::app::optimizers::PARAMS);
        assert!(params.apply_query(query).is_empty());
        let m = OptimizersView::build(&params).unwrap();
        let wanted = trainlab::app::View::height_for(&m, w as f64);
        // the height asked for, and the half phone screen the page may give instead
        for css_h in [wanted, 422.0] {
            let (dw, dh) = ((w as f64 * scale) as u32, (css_h * scale).round() as u32);
            let mut out = String::new();
            let rects = {
                let root = SVGBackend::with_string(&mut out, (dw, dh)).into_drawing_area();
                m.draw_with_geometry(&root, &Theme { scale, lang: Lang::En }).unwrap()
            };
            let geo = m.geometry_for((w as f64, css_h));
            assert_eq!((rects.len(), geo.len()), (panels, panels), "{query}");
            for (k, (r, g)) in rects.iter().zip(&geo).enumerate() {
                // one column: every panel spans the width
                assert_eq!((g.frac[0], g.frac[2]), (0.0, 1.0), "{query}: panel {k}");
                let p = g.plot((w as f64, css_h));
                for i in 0..4 {
                    assert!(
                        (r[i] as f64 / scale - p[i]).abs() <= 2.0,
                        "{query}@{scale}: {r:?} vs {p:?}"
                    );
                }
            }
            // the loss | schedule row keeps at least 150 pixels
            let (loss, _) = trainlab::chart::optimizers::side_panels(panels, panels > 1, (w as f64, css_h));
            assert!(
                (loss[3] - loss[1]) * css_h >= 150.0 - 1e-9 || css_h >= wanted,
                "{query} at {css_h}: {loss:?}"
            );
        }
        // the phone gets a taller figure than 0.58 of its width, and the wide one keeps 0.58
        assert!(wanted > 0.58 * w as f64, "{query}: {wanted}");
        assert!((trainlab::app::View::height_for(&m, 1000.0) - 580.0).abs() < 1e-9);
    }
}

#[test]
fn ticks_are_written_by_the_formatter_and_never_repeat() {
    for q in [
        "surface=multimodal",
        "",
        "surface=rosenbrock&steps=200",
        "schedule=exponential",
        "surface=saddle",
    ] {
        for width in [1000, 372] {
            let all = texts(&view(q), width);
            // no float-noise or engineering forms: 6e0, 1e0, 0.50 with a trailing zero
            for t in &all {
                assert!(
                    !t.contains("e0") && !t.contains("e-") && !t.ends_with(".00"),
                    "{q} {width}: {t:?}"
                );
                assert!(
                    !(t.contains('.') && t.ends_with('0') && t.parse::<f64>().is_ok()),
                    "{q} {width}: {t:?}"
                );
            }
        }
    }
    // the multimodal surface's loss axis: distinct labels (it once read 6e0 5e0 4e0 3e0 3e0)
    let all = texts(&view("surface=multimodal"), 1000);
    for pair in all.windows(2) {
        assert!(!(pair[0] == pair[1] && pair[0].parse::<f64>().is_ok()), "{all:?}");
    }
    // a decade axis reads 1, 10, 10⁻¹, never 1e0
    let bowl = texts(&view("steps=200"), 1000);
    assert!(bowl.iter().any(|t| t.starts_with("10⁻")), "{bowl:?}");
    // the schedule's axis reads 0, 0.5, 1 (not 0.00 0.50 1.00)
    assert!(
        bowl.iter().any(|t| t == "0.5") && !bowl.iter().any(|t| t == "0.50"),
        "{bowl:?}"
    );
}

#[test]
fn the_readout_names_the_start_under_the_pointer_and_the_nearest_path_point() {
    for size in [(1000.0, 580.0), (372.0, 394.0)] {
        let mut v = view("");
        let m = {
            let mut params = ParamSet::defaults(trainlab::app::optimizers::PARAMS);
            params.apply_query("");
            OptimizersView::build(&params).unwrap()
        };
        let g = &m.geometry_for(size)[0];
        // the start: a pointer over (-3, 1) reads (-3, 1) to 0.01
        let (px, py) = g.pixel_of(size, (-3.0, 1.0));
        let r = readout(&mut v, px, py, size);
        let at = r["at"].as_array().unwrap();
        assert!(
            (at[0].as_f64().unwrap() + 3.0).abs() <= 0.02 && (at[1].as_f64().unwrap() - 1.0).abs() <= 0.02,
            "{r}"
        );
        // SGD's first step from (-7, 2): 0.95 g = 0.95 (-0.7, 4): (-6.335, -1.8)
        let d = v.data();
        let p1 = &d["optimizers"][0]["points"][1];
        let (px, py) = g.pixel_of(size, (p1[0].as_f64().unwrap(), p1[1].as_f64().unwrap()));
        let r = readout(&mut v, px + 2.0, py - 2.0, size);
        assert_eq!(r["point"]["kind"], "sgd", "{r}");
        assert_eq!(r["point"]["step"], 1, "{r}");
        assert_eq!(r["point"]["loss"], d["optimizers"][0]["losses"][1]);
        // outside every plotting area: nothing
        let r = readout(&mut v, 1.0, 1.0, size);
        assert!(r["at"].is_null() && r["point"].is_null(), "{r}");
    }
    // a bad argument is refused with a notice naming the query
    let mut v = view("");
    let n = v.command("readout", "not json").unwrap_err();
    assert_eq!(n[0].param, "readout");
}
