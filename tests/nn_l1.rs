//! L1 regularisation in the engine (seed 001 "Regularization": `J = (1/m) sum L + (lambda/m)
//! ||w||_1`, gradient `(lambda/m) sign(w)`, weights only): the cost term against a sum of `|w|`
//! taken here from the parameters, the gradient against two-sided differences of the full loss
//! (weights moved away from 0, where `|w|` has no derivative), the backward pass's L1 part
//! against `lambda/m sign(w)` entry by entry, and the refusals naming `l1`.
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::{
    grad_check, one_hot, Activation, GradCheckConfig, Init, Mode, Network, NetworkConfig, NetworkError, ParamKind,
    Verdict,
};

fn config(l1: f64, l2: f64) -> NetworkConfig {
    NetworkConfig {
        inputs: 4,
        hidden: vec![5, 3],
        outputs: 3,
        // tanh: no kink of ReLU near a z of 0 to confuse the two-sided differences
        activation: Activation::Tanh,
        init: Init::XavierCourse,
        l1,
        l2,
        ..NetworkConfig::default()
    }
}

/// A network whose every weight is at least 0.05 away from 0 (each weight pushed outward by
/// 0.05), so the two-sided differences with eps 1e-6 never straddle the kink of `|w|`.
fn net(cfg: &NetworkConfig, seed: u64) -> Network<f64> {
    let mut net = cfg.validate::<f64, _>(&mut seeded(seed)).unwrap();
    let kinds: Vec<ParamKind> = net.param_info().iter().map(|i| i.kind).collect();
    for (k, p) in kinds.iter().zip(net.params_mut()) {
        if *k == ParamKind::Weight {
            p.iter_mut().for_each(|w| *w += 0.05f64.copysign(*w));
        }
    }
    net
}

fn batch(m: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = seeded(seed);
    let x: Vec<f64> = (0..m * 4).map(|_| standard_normal(&mut rng)).collect();
    let labels: Vec<usize> = (0..m).map(|i| (i * 7 + 3) % 3).collect();
    (x, one_hot(&labels, 3))
}

/// The weights' `sum |w|`, summed here over the tensors the network calls weights.
fn abs_sum(net: &Network<f64>) -> f64 {
    net.param_info()
        .iter()
        .zip(net.params())
        .filter(|(i, _)| i.kind == ParamKind::Weight)
        .flat_map(|(_, p)| p.iter())
        .map(|w| w.abs())
        .sum()
}

#[test]
fn the_l1_term_is_lambda_over_m_times_the_sum_of_absolute_weights() {
    let m = 6;
    let (x, y) = batch(m, 7);
    let lambda = 0.8;
    let mut with = net(&config(lambda, 0.0), 1);
    let mut without = net(&config(0.0, 0.0), 1);
    assert_eq!(with.params(), without.params(), "the same seeded weights");
    with.forward(&x, m, Mode::Train, &mut seeded(5)).unwrap();
    without.forward(&x, m, Mode::Train, &mut seeded(5)).unwrap();
    let term = with.loss(&y).unwrap() - without.loss(&y).unwrap();
    // lambda/m sum |w| over the weights only (the biases are not penalised)
    let expected = lambda / m as f64 * abs_sum(&with);
    assert!((term - expected).abs() < 1e-12, "{term} vs {expected}");
    assert!((with.l1_cost(m) - expected).abs() < 1e-12);
    assert_eq!(without.l1_cost(m), 0.0);
    // beside L2 the two terms add
    let mut both = net(&config(lambda, 0.3), 1);
    both.forward(&x, m, Mode::Train, &mut seeded(5)).unwrap();
    let l2 = 0.3 / (2.0 * m as f64)
        * both
            .param_info()
            .iter()
            .zip(both.params())
            .filter(|(i, _)| i.kind == ParamKind::Weight)
            .flat_map(|(_, p)| p.iter())
            .map(|w| w * w)
            .sum::<f64>();
    let term = both.loss(&y).unwrap() - without.loss(&y).unwrap();
    assert!((term - expected - l2).abs() < 1e-12, "{term} vs {}", expected + l2);
}

#[test]
fn the_gradient_with_l1_passes_the_two_sided_difference_check() {
    for (l1, l2) in [(0.5, 0.0), (2.0, 0.0), (0.5, 0.7)] {
        let cfg = config(l1, l2);
        let n = net(&cfg, 3);
        let (x, y) = batch(6, 103);
        let r = grad_check(&n, &x, &y, 6, &GradCheckConfig::default(), &mut seeded(3)).unwrap();
        assert!(r.rel_diff < 1e-7, "l1 {l1} l2 {l2}: {r:#?}");
        assert_eq!(r.verdict, Verdict::Fine);
        assert!(r.groups.iter().all(|g| g.rel_diff < 1e-7), "{r:#?}");
    }
}

#[test]
fn the_backward_pass_adds_lambda_over_m_sign_w_to_the_weights_only() {
    let m = 5;
    let (x, y) = batch(m, 11);
    let lambda = 1.5;
    let mut with = net(&config(lambda, 0.0), 2);
    let mut without = net(&config(0.0, 0.0), 2);
    for n in [&mut with, &mut without] {
        n.forward(&x, m, Mode::Train, &mut seeded(5)).unwrap();
        n.backward(&y).unwrap();
    }
    for (k, info) in with.param_info().iter().enumerate() {
        for (i, (&g1, &g0)) in with.grads()[k].iter().zip(&without.grads()[k]).enumerate() {
            let w = with.params()[k][i];
            let want = if info.kind == ParamKind::Weight {
                lambda / m as f64 * w.signum()
            } else {
                0.0
            };
            assert!(
                (g1 - g0 - want).abs() < 1e-12,
                "{} [{i}]: {} vs {want}",
                info.name,
                g1 - g0
            );
        }
    }
}

#[test]
fn a_negative_or_infinite_l1_is_refused_naming_l1() {
    for bad in [-1.0, f64::NAN, f64::INFINITY] {
        let e = config(bad, 0.0).validate::<f64, _>(&mut seeded(1)).unwrap_err();
        assert!(matches!(e, NetworkError::Setting("l1", ..)), "{e:?}");
        let mut n = net(&config(0.0, 0.0), 1);
        assert!(matches!(n.set_l1(bad), Err(NetworkError::Setting("l1", ..))));
        assert_eq!(n.config().l1, 0.0, "nothing changed");
    }
    assert_eq!(NetworkConfig::default().l1, 0.0);
}
