//! `view=depth` (issue 14, seed 001): the deep linear network's magnitudes against their closed
//! form (`1.5^l`, `0.5^l`, and `1.5^(L-l)` for the gradients), the random initialisations
//! against the mean-square recursion `E[a_l^2] = n sigma^2 k E[a_(l-1)^2]`, the saturating tanh,
//! and the view's notices.
use trainlab::app::Mounted;
use trainlab::core::lab::depth::{profile, DepthActivation, DepthConfig, DepthDraws, Weights};

fn study(activation: DepthActivation, weights: Weights) -> trainlab::core::lab::depth::Profile {
    let config = DepthConfig {
        activation,
        ..DepthConfig::default()
    };
    profile(&config, &DepthDraws::new(&config), weights)
}

#[test]
fn the_deep_linear_network_grows_as_1_5_to_the_l_and_decays_as_0_5_to_the_l() {
    let l_max = DepthConfig::default().layers;
    for (weights, s) in [(Weights::Up, 1.5f64), (Weights::Down, 0.5f64)] {
        let p = study(DepthActivation::Linear, weights);
        assert_eq!(p.activation.len(), l_max + 1);
        // closed form: a[l] = s^l X, so rms a[l] = s^l rms X; dJ/da[l] = s^(L-l) G
        for l in 0..=l_max {
            let want = s.powi(l as i32) * p.activation[0];
            assert!(
                (p.activation[l] / want - 1.0).abs() < 1e-12,
                "{weights:?} a[{l}]: {} vs {want}",
                p.activation[l]
            );
            let want = s.powi((l_max - l) as i32) * p.gradient[l_max];
            assert!((p.gradient[l] / want - 1.0).abs() < 1e-12, "{weights:?} da[{l}]");
        }
        assert!((p.measured_gain() - s).abs() < 1e-12);
        assert_eq!(p.expected_gain, Some(s));
    }
    // 1.5^50 = 637,621,500.2 (the notes' exploding example), 0.5^50 = 8.9e-16
    let up = study(DepthActivation::Linear, Weights::Up);
    assert!((up.activation[50] / up.activation[0] - 637_621_500.214_050_9).abs() < 1e-3);
}

#[test]
fn random_weights_follow_the_mean_square_recursion() {
    // E[a_l^2] = (n sigma^2 k)^l E[x^2] with k = 1 (linear), 1/2 (ReLU): the measured gain per
    // layer, over 50 layers of 100 units and 16 rows, is within a few per cent of sqrt(n sigma^2 k)
    let cases = [
        (DepthActivation::Linear, Weights::Normal, 10.0),
        (DepthActivation::Linear, Weights::Xavier, 1.0),
        (DepthActivation::Linear, Weights::He, 2f64.sqrt()),
        (DepthActivation::Relu, Weights::Xavier, 0.5f64.sqrt()),
        (DepthActivation::Relu, Weights::He, 1.0),
    ];
    for (act, weights, gain) in cases {
        let p = study(act, weights);
        assert!((p.expected_gain.unwrap() - gain).abs() < 1e-12, "{act:?} {weights:?}");
        let g = p.measured_gain();
        println!("{act:?} {weights:?}: measured gain {g:.4}, expected {gain:.4}");
        assert!((g / gain - 1.0).abs() < 0.05, "{act:?} {weights:?}: {g} vs {gain}");
        assert!(p
            .activation
            .iter()
            .chain(&p.gradient)
            .all(|v| v.is_finite() && *v > 0.0));
    }
    // N(0, 1) through 50 linear layers: ten decades every ten layers, about 10^50 at the top
    let p = study(DepthActivation::Linear, Weights::Normal);
    let decades = (p.activation[50] / p.activation[0]).log10();
    assert!((decades - 50.0).abs() < 2.0, "{decades}");
}

#[test]
fn saturating_curves_bound_the_activations_but_not_the_gradients() {
    // tanh with N(0, 1): z ~ 10 a, every unit near ±1 (bounded forward), yet going back each
    // layer multiplies by W^T (about sqrt(n) = 10) more than the small slopes take away: the
    // gradient explodes (measured: 4.0e17 at the input for 1.0 at the top)
    let p = study(DepthActivation::Tanh, Weights::Normal);
    assert!(
        p.activation[1..].iter().all(|&a| a <= 1.0 && a > 0.9),
        "saturated: {:?}",
        &p.activation[..5]
    );
    assert!(
        p.gradient[0] > 1e10 * p.gradient[50],
        "{} vs {}",
        p.gradient[0],
        p.gradient[50]
    );
    assert_eq!(p.expected_gain, None, "no closed form for a saturating curve");
    // tanh with 1.5 I: the identity does not mix the units, the slopes win: it vanishes (3.2e-12)
    let p = study(DepthActivation::Tanh, Weights::Up);
    assert!(p.gradient[0] < 1e-9 * p.gradient[50]);
    // the sigmoid's slope is at most 1/4: with Xavier's weights the gradient reaching the input
    // is about 10^-32 of the one at the top
    let p = study(DepthActivation::Sigmoid, Weights::Xavier);
    assert!(p.gradient[0] < 1e-20 * p.gradient[50], "{}", p.gradient[0]);
    assert!(
        p.activation.iter().all(|&a| a > 0.3 && a < 1.1),
        "sigmoid outputs in (0, 1)"
    );
}

#[test]
fn the_view_draws_all_five_and_refuses_too_much_work_naming_the_width() {
    let mut v = Mounted::new("depth").unwrap();
    let d = v.data();
    assert_eq!(d["profiles"].as_array().unwrap().len(), 5);
    assert_eq!(d["tables"][0]["rows"].as_array().unwrap().len(), 5);
    let n = v.set("width=256&samples=256");
    assert!(n.iter().any(|n| n.param == "width"), "{n:?}");
    assert_eq!(v.data(), d, "the previous figure stays");
    assert!(v.set("show=identity&layers=10").is_empty());
    assert_eq!(v.data()["profiles"].as_array().unwrap().len(), 2);
    assert!(!v.params().relevant("up") || v.params().choice("show") != "init");
    v.set("show=init");
    assert!(!v.params().relevant("up"));
    assert!(v.csv().lines().count() == 12, "a header and layers 0..=10");
    let ko = v.describe(trainlab::chart::Lang::Ko);
    assert!(ko.contains("층"), "{ko}");
}
