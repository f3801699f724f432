//! Real-browser tests, run by `wasm-pack test --headless --chrome`: the EWMA handle draws on a
//! real canvas, and bad input becomes errors and notices, never a panic.
#![cfg(target_arch = "wasm32")]

use trainlab::web::{catalog, ViewHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[path = "common/reproduce.rs"]
mod reproduce;

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = document.create_element("canvas").unwrap().dyn_into().unwrap();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().unwrap().append_child(&canvas).unwrap();
    canvas
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64)
        .unwrap()
        .data()
        .0
}

#[wasm_bindgen_test]
fn ewma_handle_draws_on_a_real_canvas() {
    let c = canvas(640, 400);
    let mut handle = ViewHandle::new("ewma").unwrap();
    assert_eq!(handle.set("beta=0.98&bias_correction=1"), "[]");
    handle.draw(c.clone(), 1.0, "en").unwrap();
    let px = pixels(&c);
    let non_white = px.chunks(4).filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250).count();
    // axes, 365 dots, two curves and labels: thousands of inked pixels, far from all of them
    assert!(
        non_white > 2_000 && non_white < 640 * 400 / 2,
        "non-white pixels: {non_white}"
    );
    // the beta=0.98 line is drawn in the first palette colour, blue rgb(0, 114, 178)
    let blue = px
        .chunks(4)
        .filter(|p| p[0] < 30 && (100..130).contains(&p[1]) && (160..195).contains(&p[2]))
        .count();
    assert!(blue > 200, "blue pixels: {blue}");
}

#[wasm_bindgen_test]
fn canvas_and_svg_come_from_the_same_chart_code() {
    let handle = ViewHandle::new("ewma").unwrap();
    let svg = handle.svg(500, 300, "en").unwrap();
    let korean = handle.svg(500, 300, "ko").unwrap();
    assert!(korean.contains("기온") && korean.contains("β=0.9 (≈10일)"));
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("β=0.9 (≈10 d)"));
}

#[wasm_bindgen_test]
fn bad_input_gives_notices_and_errors_not_panics() {
    assert!(ViewHandle::new("no-such-view").is_err());
    let mut handle = ViewHandle::new("ewma").unwrap();
    let notices = handle.set("beta=2&days=NaN&nope=1");
    for name in ["\"beta\"", "\"days\"", "\"nope\""] {
        assert!(notices.contains(name), "{notices}");
    }
    assert!(handle.query().starts_with("beta=0.9999&bias_correction=0&days=365"));
    assert!(catalog().contains("\"id\":\"ewma\""));
}

#[wasm_bindgen_test]
fn simd_matmul_equals_the_reference_order_bit_for_bit() {
    use trainlab::core::math::gemm::{sgemm, sgemm_reference, GemmScratch, MatRef};
    // The same check runs natively on the scalar kernel (core::gemm tests), so native and wasm
    // products agree bit for bit.
    let mut x = 12345u32;
    let mut next = || {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (x >> 8) as f32 / (1u32 << 23) as f32 - 1.0
    };
    let mut scratch = GemmScratch::default();
    for &(m, k, n) in &[(5, 3, 11), (128, 784, 100), (33, 513, 17)] {
        let a: Vec<f32> = (0..m * k).map(|_| next()).collect();
        let b: Vec<f32> = (0..k * n).map(|_| next()).collect();
        let (ar, br) = (MatRef::new(&a, m, k), MatRef::new(&b, k, n));
        let mut c = vec![0.0; m * n];
        sgemm(ar, br, &mut c, n, false, &mut scratch);
        assert!(c == sgemm_reference(ar, br), "{m}x{k}x{n}");
        // and with a transposed operand (the backward pass's Xᵀ·dZ)
        let at = MatRef::new(&a, m, k).t();
        let mut c2 = vec![0.0; m * m];
        sgemm(MatRef::new(&a, m, k), at, &mut c2, m, false, &mut scratch);
        assert!(c2 == sgemm_reference(MatRef::new(&a, m, k), at));
    }
}

#[wasm_bindgen_test]
fn digits_training_gives_the_native_weights_bit_for_bit() {
    // tests/nn_digits.rs asserts the same checksum for the native build (scalar GEMM kernel,
    // glibc); here the SIMD128 kernel runs in the browser.
    let bin = include_bytes!("../www/data/digits.bin");
    let (acc, sum) = reproduce::digits_reference_run(bin, 2, 7).unwrap();
    assert_eq!(sum, 0xaabe_aa00_4c92_bc25, "got {sum:#018x}");
    assert!(acc > 0.8, "{acc}");
}

#[wasm_bindgen_test]
fn engine_workloads_run_in_the_browser() {
    use trainlab::web::bench::NetBench;
    for (name, json) in [
        (
            "playground-tiny",
            r#"{"sizes": [2, 8, 8, 1], "opt": "sgd", "lr": 0.03, "batch": 10, "pool": 20}"#,
        ),
        (
            "mnist-mlp-adam",
            r#"{"sizes": [784, 100, 10], "opt": "adam", "lr": 0.001, "batch": 16, "pool": 2}"#,
        ),
        ("act-hist", r#"{"n": 50, "width": 100, "layers": 5, "w_std": 1.0}"#),
    ] {
        let mut b = NetBench::new(name, json, 1).unwrap();
        assert!((0..3).map(|_| b.step()).all(f64::is_finite), "{name}");
    }
    assert!(NetBench::new("nope", "{}", 1).is_err());
    assert!(NetBench::new("act-hist", r#"{"n": 100000000, "width": 100, "layers": 5}"#, 1).is_err());
}

#[wasm_bindgen_test]
fn simd_activations_equal_the_scalar_functions_bit_for_bit() {
    use trainlab::core::math::exp::{sigmoid, tanh};
    use trainlab::core::math::exp::{sigmoid_f32_slice as sigmoid_f32, tanh_f32_slice as tanh_f32};
    let mut z: Vec<f32> = (0..4003).map(|i| (i as f32 - 2001.0) * 0.0517).collect();
    z.extend([
        0.0,
        -0.0,
        1e-8,
        -1e-8,
        88.5,
        -88.5,
        1e30,
        -1e30,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ]);
    let (mut s, mut t) = (vec![0.0; z.len()], vec![0.0; z.len()]);
    sigmoid_f32(&z, &mut s);
    tanh_f32(&z, &mut t);
    for (i, &x) in z.iter().enumerate() {
        for (got, want) in [(s[i], sigmoid(x)), (t[i], tanh(x))] {
            assert!(
                got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                "x {x}: {got} vs {want}"
            );
        }
    }
}
