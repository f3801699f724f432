//! Real-browser tests of view=search, view=scale and view=space (`wasm-pack test --headless
//! --chrome`): each draws on a real canvas, in its series colours; the study and a bad range go
//! through the handle without a panic.
#![cfg(target_arch = "wasm32")]

use trainlab::web::ViewHandle;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn inked(id: &str, query: &str) -> (usize, usize) {
    let document = web_sys::window().unwrap().document().unwrap();
    let c: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    c.set_width(760);
    c.set_height(440);
    let mut handle = ViewHandle::new(id).unwrap();
    assert_eq!(handle.set(query), "[]", "{id}?{query}");
    handle.draw(c.clone(), 1.0, "en").unwrap();
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ctx.get_image_data(0.0, 0.0, 760.0, 440.0).unwrap().data().0;
    let ink = px.chunks(4).filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250).count();
    // vermillion rgb(213, 94, 0): the random points, and the second histogram's bars at 75%
    // opacity on white, rgb(224, 134, 64)
    let vermillion = px
        .chunks(4)
        .filter(|p| p[0] > 190 && (75..150).contains(&p[1]) && p[2] < 80)
        .count();
    (ink, vermillion)
}

#[wasm_bindgen_test]
fn the_sampling_views_draw_on_a_real_canvas() {
    for (id, query) in [
        ("search", "study=1&repeats=200"),
        ("scale", "samples=5000"),
        ("scale", "panel=beta&axis_left=linear"),
        ("space", "samples=300"),
    ] {
        let (ink, vermillion) = inked(id, query);
        assert!(ink > 5_000 && ink < 760 * 440 * 6 / 10, "{id}?{query}: {ink}");
        assert!(vermillion > 100, "{id}?{query}: vermillion pixels {vermillion}");
    }
}

#[wasm_bindgen_test]
fn bad_ranges_are_notices_not_panics() {
    let mut scale = ViewHandle::new("scale").unwrap();
    let n = scale.set("samples=1e6&alpha_low=0");
    assert!(n.contains("\"samples\"") && n.contains("inconsistent"), "{n}");
    let mut search = ViewHandle::new("search").unwrap();
    assert!(search.set("alpha_low=1&alpha_high=0.01").contains("below high"));
    assert!(search.data_json().contains("\"grid\""));
}
