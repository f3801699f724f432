//! DLFS's activation-histogram experiment: histograms, batch norm's effect, saturation, gradients.
use trainlab::core::lab::activation_study::{ActivationStudyConfig, Histogram};
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::activation::Activation;
use trainlab::core::nn::init::Init;

fn small(activation: Activation, init: Init) -> ActivationStudyConfig {
    ActivationStudyConfig {
        samples: 300,
        units: 40,
        layers: 5,
        activation,
        init,
        ..Default::default()
    }
}

#[test]
fn histogram_counts_add_up_to_the_values() {
    let cfg = small(Activation::Tanh, Init::XavierCourse);
    let s = cfg.run().unwrap();
    for run in [&s.plain, &s.batch_norm] {
        assert_eq!(run.len(), 5);
        for layer in run {
            assert_eq!(layer.hist.counts.len(), 30);
            assert_eq!(layer.hist.counts.iter().map(|&c| c as usize).sum::<usize>(), 300 * 40);
        }
    }
    let h = Histogram::of([0.0, 0.5, 1.0, -3.0, 7.0, f64::NAN].into_iter(), 0.0, 1.0, 2);
    assert_eq!(
        h.counts,
        vec![2, 3],
        "out-of-range values clamp into the end bins, NaN is dropped"
    );
}

#[test]
fn batch_norm_gives_every_layer_mean_zero_std_one_before_the_activation() {
    // Per unit, BN output has mean 0 and std sqrt(var / (var + eps)); pooled over units, with eps
    // negligible, the mean is 0 and the std 1 up to f32 rounding: tolerance 1e-3 on both.
    for (act, init) in [
        (Activation::Sigmoid, Init::Normal(1.0)),
        (Activation::Sigmoid, Init::Normal(0.01)),
        (Activation::Relu, Init::He),
    ] {
        // eps = 1e-12, far below every unit's variance here: the normalisation alone is checked
        let s = ActivationStudyConfig {
            eps: 1e-12,
            ..small(act, init)
        }
        .run()
        .unwrap();
        for (l, layer) in s.batch_norm.iter().enumerate() {
            assert!(
                layer.pre_mean.abs() < 1e-3,
                "{act:?} {init:?} layer {l}: mean {}",
                layer.pre_mean
            );
            assert!(
                (layer.pre_std - 1.0).abs() < 1e-3,
                "{act:?} {init:?} layer {l}: std {}",
                layer.pre_std
            );
        }
    }
    // With the default eps = 1e-6 and std 0.01 weights, z's variance per unit is only ~1.5e-4
    // (40 units x 1e-4 x Var(a) ~ 0.04), so eps trims the std to sqrt(var / (var + eps)), just
    // below 1 (about 0.997).
    let s = small(Activation::Sigmoid, Init::Normal(0.01)).run().unwrap();
    for layer in &s.batch_norm {
        assert!(layer.pre_std < 1.0 && layer.pre_std > 0.99, "{}", layer.pre_std);
    }
}

/// An independent forward pass in f64 with plain loops (same seed, same draws): the saturated share
/// of sigmoid outputs per layer without BN.
fn saturated_reference(cfg: &ActivationStudyConfig) -> Vec<f64> {
    let (m, n) = (cfg.samples, cfg.units);
    let mut rng = seeded(cfg.seed);
    let x: Vec<f64> = (0..m * n).map(|_| standard_normal(&mut rng)).collect();
    let std = cfg.init.std(n, n);
    let ws: Vec<Vec<f64>> = (0..cfg.layers)
        .map(|_| (0..n * n).map(|_| std * standard_normal(&mut rng)).collect())
        .collect();
    let mut a = x;
    let mut out = Vec::new();
    for w in &ws {
        let mut next = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                let z: f64 = (0..n).map(|k| a[i * n + k] * w[k * n + j]).sum();
                next[i * n + j] = 1.0 / (1.0 + (-z).exp());
            }
        }
        out.push(next.iter().filter(|&&v| !(0.01..=0.99).contains(&v)).count() as f64 / (m * n) as f64);
        a = next;
    }
    out
}

#[test]
fn sigmoid_saturates_with_std_one_and_collapses_with_std_001() {
    let wide = small(Activation::Sigmoid, Init::Normal(1.0));
    let narrow = small(Activation::Sigmoid, Init::Normal(0.01));
    let (s_wide, s_narrow) = (wide.run().unwrap(), narrow.run().unwrap());
    let (r_wide, r_narrow) = (saturated_reference(&wide), saturated_reference(&narrow));
    for l in 0..5 {
        // f32 vs f64 may flip a value sitting on the 0.01 / 0.99 boundary: 0.5% tolerance
        assert!(
            (s_wide.plain[l].saturated - r_wide[l]).abs() < 5e-3,
            "layer {l}: {} vs {}",
            s_wide.plain[l].saturated,
            r_wide[l]
        );
        assert!((s_narrow.plain[l].saturated - r_narrow[l]).abs() < 5e-3);
        // std 1: a large share at 0 or 1 (z ~ N(0, n E[a^2]) ~ N(0, 40 * 0.4), and |z| > 4.6 with
        // probability ~0.25); std 0.01: everything near 0.5
        assert!(
            s_wide.plain[l].saturated > 0.2,
            "layer {l}: {}",
            s_wide.plain[l].saturated
        );
        assert!(s_narrow.plain[l].saturated < 1e-3);
        assert!((s_narrow.plain[l].mean - 0.5).abs() < 0.01 && s_narrow.plain[l].std < 0.05);
    }
    // Xavier (sqrt(1/n)) keeps a spread between the two
    let x = small(Activation::Sigmoid, Init::XavierCourse).run().unwrap();
    for l in 0..5 {
        assert!(
            x.plain[l].std > 0.1 && x.plain[l].saturated < 0.1,
            "layer {l}: {:?}",
            x.plain[l]
        );
    }
}

#[test]
fn gradients_vanish_through_saturated_sigmoids_and_batch_norm_evens_them() {
    let cfg = ActivationStudyConfig {
        backward: true,
        ..small(Activation::Sigmoid, Init::Normal(0.01))
    };
    let s = cfg.run().unwrap();
    let g = |run: &[trainlab::core::lab::activation_study::LayerStats]| -> Vec<f64> {
        run.iter().map(|l| l.grad_mean_abs.unwrap()).collect()
    };
    let (plain, bn) = (g(&s.plain), g(&s.batch_norm));
    // Without BN each layer scales the gradient by about n * 0.25 * 0.01 = 0.1 (40 units,
    // sigmoid' = 0.25 at 0.5, std 0.01): it shrinks by orders of magnitude towards the input.
    assert!(plain[0] < plain[4] * 1e-2, "{plain:?}");
    // With BN the layers stay within a factor of 100 of each other.
    assert!(bn[0] > bn[4] * 1e-2, "{bn:?}");
    for l in &s.plain {
        assert_eq!(
            l.grad_hist
                .as_ref()
                .unwrap()
                .counts
                .iter()
                .map(|&c| c as usize)
                .sum::<usize>(),
            300 * 40
        );
    }
}

#[test]
fn relu_dead_units_and_caps_and_seeds() {
    let s = small(Activation::Relu, Init::He).run().unwrap();
    for l in &s.plain {
        assert!(
            l.saturated > 0.3 && l.saturated < 0.7,
            "about half of ReLU outputs are 0: {}",
            l.saturated
        );
    }
    let cfg = small(Activation::Relu, Init::He);
    assert_eq!(cfg.run().unwrap(), cfg.run().unwrap());
    assert_ne!(
        cfg.run().unwrap(),
        ActivationStudyConfig { seed: 2, ..cfg }.run().unwrap()
    );
    assert!(ActivationStudyConfig {
        samples: 100_000,
        units: 1000,
        ..cfg
    }
    .run()
    .is_err());
    assert!(ActivationStudyConfig {
        init: Init::Normal(f64::NAN),
        ..cfg
    }
    .run()
    .is_err());
    assert!(ActivationStudyConfig { layers: 0, ..cfg }.run().is_err());
}

#[test]
fn reusing_draws_gives_the_same_study_as_a_fresh_run() {
    // The view keeps its draws across inputs; the result must not depend on that history.
    let first = ActivationStudyConfig {
        activation: Activation::Relu,
        init: Init::He,
        ..small(Activation::Relu, Init::He)
    };
    let mut draws = first.draw().unwrap();
    first.run_with(&mut draws).unwrap();
    for next in [
        small(Activation::Sigmoid, Init::Normal(1.0)),
        ActivationStudyConfig {
            backward: true,
            ..small(Activation::Tanh, Init::Glorot)
        },
        ActivationStudyConfig {
            seed: 9,
            ..small(Activation::Tanh, Init::Glorot)
        },
        ActivationStudyConfig {
            units: 20,
            ..small(Activation::Tanh, Init::Glorot)
        },
    ] {
        assert_eq!(next.run_with(&mut draws).unwrap(), next.run().unwrap(), "{next:?}");
    }
}

#[test]
fn the_study_names_the_setting_it_refuses_and_std_matters_only_for_a_custom_init() {
    use trainlab::core::lab::activation_study::{StudyError, MAX_CELLS, MAX_LAYERS, MAX_SAMPLES, MAX_UNITS};
    let cfg = small(Activation::Relu, Init::He);
    let err = |c: ActivationStudyConfig| c.run().unwrap_err();
    assert!(matches!(
        err(ActivationStudyConfig {
            samples: MAX_SAMPLES + 1,
            ..cfg
        }),
        StudyError::Setting { field: "samples", .. }
    ));
    assert!(matches!(
        err(ActivationStudyConfig { layers: 0, ..cfg }),
        StudyError::Setting { field: "layers", .. }
    ));
    assert!(matches!(
        err(ActivationStudyConfig {
            init: Init::Normal(-1.0),
            ..cfg
        }),
        StudyError::Setting { field: "init", .. }
    ));
    // Each size within its cap, all three together over the cells cap.
    const { assert!(MAX_SAMPLES * MAX_UNITS * MAX_LAYERS > MAX_CELLS) };
    let big = ActivationStudyConfig {
        samples: MAX_SAMPLES,
        units: MAX_UNITS,
        layers: MAX_LAYERS,
        ..cfg
    };
    assert_eq!(err(big), StudyError::TooManyCells(MAX_SAMPLES * MAX_UNITS * MAX_LAYERS));
    // The view: the cells cap falls on `samples`; `std` matters only for init=custom.
    let mut v = trainlab::app::Mounted::new("activations").unwrap();
    assert!(!v.params().relevant("std"));
    let notices = v.set("samples=5000&units=500&layers=10");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].param, "samples");
    assert!(v.set("init=custom").is_empty());
    assert!(v.params().relevant("std"));
}

#[test]
fn the_study_in_small_slices_equals_the_study_at_once() {
    // 2,000 x 100 x 3 with the backward pass: several units of work
    let cfg = ActivationStudyConfig {
        samples: 2000,
        units: 100,
        layers: 3,
        backward: true,
        ..small(Activation::Tanh, Init::XavierCourse)
    };
    let whole = cfg.run().unwrap();
    // new draws are made by the job itself, earlier ones reused: the same study either way
    let drawn = cfg.draw().unwrap();
    let mut reused = cfg.start(&drawn).unwrap();
    reused.run_to_end();
    assert_eq!(reused.finish().unwrap(), whole);
    let other = ActivationStudyConfig { seed: 99, ..cfg }.draw().unwrap();
    let mut job = cfg.start(&other).unwrap();
    let (_, total) = job.advance(0);
    assert_eq!(job.progress(), (0, total), "advance(0) only reads the progress");
    assert_eq!(total, 10, "tenths");
    let (mut last, mut calls) = (0, 0);
    while !job.is_done() {
        let (done, t) = job.advance(1);
        assert!(done >= last && done <= t && t == total, "{done}/{t} after {last}");
        last = done;
        calls += 1;
    }
    assert!(calls >= 3, "{calls} calls");
    assert_eq!(job.progress(), (total, total));
    assert!(job.draws().is_some());
    assert_eq!(job.finish().unwrap(), whole, "bit for bit the study run at once");
}

#[test]
fn the_fused_forward_pass_equals_the_product_then_the_activation() {
    use trainlab::core::math::gemm::GemmScratch;
    use trainlab::core::nn::dense::{forward, forward_activated};
    let (m, n_in, n_out) = (37, 70, 21);
    let mut rng = seeded(3);
    let x: Vec<f32> = (0..m * n_in).map(|_| standard_normal(&mut rng) as f32).collect();
    let w: Vec<f32> = (0..n_in * n_out).map(|_| standard_normal(&mut rng) as f32).collect();
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    let mut s = GemmScratch::default();
    for act in [
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Linear,
    ] {
        let (mut z, mut a) = (vec![0f32; m * n_out], vec![0f32; m * n_out]);
        forward(&x, &w, None, m, n_in, n_out, &mut z, &mut s);
        act.forward(&z, &mut a, 0.01);
        let (mut z2, mut a2, mut a3) = (vec![1f32; m * n_out], vec![1f32; m * n_out], vec![1f32; m * n_out]);
        forward_activated(&x, &w, m, n_in, n_out, act, 0.01, Some(&mut z2), &mut a2, &mut s);
        forward_activated(&x, &w, m, n_in, n_out, act, 0.01, None, &mut a3, &mut s);
        assert_eq!(bits(&z2), bits(&z), "{act:?}: z");
        assert_eq!(bits(&a2), bits(&a), "{act:?}: a");
        assert_eq!(bits(&a3), bits(&a), "{act:?}: a without z");
        // and in f64 (the default path: the product, then the activation)
        let (x64, w64): (Vec<f64>, Vec<f64>) = (
            x.iter().map(|&v| v as f64).collect(),
            w.iter().map(|&v| v as f64).collect(),
        );
        let (mut z64, mut a64, mut b64) = (vec![0.0; m * n_out], vec![0.0; m * n_out], vec![0.0; m * n_out]);
        forward(&x64, &w64, None, m, n_in, n_out, &mut z64, &mut s);
        act.forward(&z64, &mut a64, 0.01);
        forward_activated(&x64, &w64, m, n_in, n_out, act, 0.01, None, &mut b64, &mut s);
        assert_eq!(a64, b64, "{act:?}: f64");
    }
}

fn targets(view: &mut trainlab::app::Mounted, width: f64, height: f64, lang: &str) -> Vec<serde_json::Value> {
    let arg = format!(r#"{{"width": {width}, "height": {height}, "lang": "{lang}"}}"#);
    let answer = view.command("targets", &arg).unwrap();
    answer["targets"].as_array().unwrap().clone()
}

#[test]
fn a_large_study_runs_as_long_work_while_the_old_figure_stays() {
    use trainlab::app::Mounted;
    let mut v = Mounted::new("activations").unwrap();
    assert!(
        v.advance(1).is_none(),
        "DLFS's sizes are computed in the input's handler"
    );
    assert!(v.set("samples=5000").is_empty());
    assert_eq!(v.data()["samples"], 1000, "the old study is shown meanwhile");
    assert_eq!(v.data()["computing"]["config"]["samples"], 5000);
    let mut calls = 0;
    while let Some(p) = v.advance(1) {
        assert!(!p.finished() && p.total == 10, "{p:?}");
        calls += 1;
    }
    assert!(calls >= 5, "{calls} slices");
    assert_eq!(v.data()["samples"], 5000);
    assert!(v.data()["computing"].is_null());
    // an input while a study is under way replaces it
    assert!(v.set("samples=4000").is_empty());
    assert!(v.set("samples=200").is_empty());
    assert_eq!(v.data()["samples"], 200, "a small study at once");
    assert!(v.advance(1).is_none(), "and the large one dropped");
}

#[test]
fn every_bin_is_a_readout_target_inside_its_histogram_in_both_languages() {
    use trainlab::app::Mounted;
    use trainlab::chart::activations::grid_shape;
    let mut v = Mounted::new("activations").unwrap();
    for width in [1000.0, 372.0] {
        let height = v.height_for(width);
        let en = targets(&mut v, width, height, "en");
        assert_eq!(en.len(), 2 * 5 * 30, "{width} px: one per bin of each histogram");
        for t in &en {
            let (x0, y0, x1, y1) = (
                t["x0"].as_f64().unwrap(),
                t["y0"].as_f64().unwrap(),
                t["x1"].as_f64().unwrap(),
                t["y1"].as_f64().unwrap(),
            );
            assert!(
                0.0 <= x0 && x0 < x1 && x1 <= width && 0.0 <= y0 && y0 < y1 && y1 <= height,
                "{t}"
            );
        }
        assert!(en[0]["label"]
            .as_str()
            .unwrap()
            .starts_with("without batch norm, layer 1: from 0 to 0.0333: "));
        let ko = targets(&mut v, width, height, "ko");
        assert!(ko[0]["label"]
            .as_str()
            .unwrap()
            .starts_with("배치 정규화 없이, 1층: 0에서 0.0333까지: 값 "));
    }
    // the panels reflow: five across on a laptop, the two conditions as columns on a phone
    assert_eq!((grid_shape(1000.0, 5).across, grid_shape(1000.0, 5).down), (5, 1));
    assert_eq!((grid_shape(1000.0, 10).across, grid_shape(1000.0, 10).down), (5, 2));
    assert_eq!((grid_shape(900.0, 7).across, grid_shape(900.0, 7).down), (4, 2));
    assert!(grid_shape(372.0, 5).side_by_side && !grid_shape(1000.0, 5).side_by_side);
    assert!(v.height_for(372.0) > 500.0, "a phone gets the rows the layers need");
    assert!(v.set("layers=10").is_empty());
    while v.advance(100).is_some() {}
    assert!(v.height_for(1000.0) > 1.5 * Mounted::new("activations").unwrap().height_for(1000.0));
}
