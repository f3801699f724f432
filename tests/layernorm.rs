//! Layer normalisation (`core::nn::layernorm`, Ba, Kiros & Hinton 2016) against independent
//! computations: backpropagation through a layer-norm network against two-sided differences of
//! the loss for every parameter (W, b, gamma, beta), `x_hat` with per-example mean 0 and variance
//! `sigma^2 / (sigma^2 + eps)` recomputed here from the layer's raw inputs, test-time output equal
//! to training-time output, an example's output the same in a batch of 1 and of 64, and batch norm
//! and layer norm together refused.
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::{one_hot, Activation, Init, Mode, Network, NetworkConfig, NetworkError, Output, ParamKind};

fn config() -> NetworkConfig {
    NetworkConfig {
        inputs: 4,
        hidden: vec![6, 5],
        outputs: 3,
        activation: Activation::Tanh,
        output: Output::SoftmaxCrossEntropy,
        init: Init::XavierCourse,
        layer_norm: true,
        ..NetworkConfig::default()
    }
}

/// A network of [`config`] whose gammas and betas are moved off 1 and 0 (so their gradients and
/// their effect on the gradients below are not the trivial ones).
fn network(seed: u64) -> Network<f64> {
    let mut rng = seeded(seed);
    let mut net = config().validate::<f64, _>(&mut rng).expect("valid");
    let kinds: Vec<ParamKind> = net.param_info().iter().map(|i| i.kind).collect();
    for (p, kind) in net.params_mut().iter_mut().zip(kinds) {
        match kind {
            ParamKind::Gamma => p.iter_mut().for_each(|v| *v = 1.0 + 0.3 * standard_normal(&mut rng)),
            ParamKind::Beta | ParamKind::Bias => p.iter_mut().for_each(|v| *v = 0.2 * standard_normal(&mut rng)),
            ParamKind::Weight => {}
        }
    }
    net
}

fn batch(m: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut rng = seeded(seed);
    let x = (0..m * 4).map(|_| 2.0 * standard_normal(&mut rng) + 0.5).collect();
    let labels: Vec<usize> = (0..m).map(|i| (i * 7 + 1) % 3).collect();
    (x, one_hot(&labels, 3))
}

fn loss(net: &mut Network<f64>, x: &[f64], y: &[f64], m: usize) -> f64 {
    net.forward(x, m, Mode::Train, &mut seeded(0)).expect("forward");
    net.loss(y).expect("loss")
}

#[test]
fn backprop_matches_central_differences_for_every_parameter() {
    let mut net = network(3);
    let m = 7;
    let (x, y) = batch(m, 11);
    loss(&mut net, &x, &y, m);
    net.backward(&y).expect("backward");
    let grads = net.grads().to_vec();
    let names: Vec<String> = net.param_info().iter().map(|i| i.name.clone()).collect();
    assert!(
        names.contains(&"gamma1".to_string()) && names.contains(&"beta2".to_string()),
        "{names:?}"
    );
    assert!(
        !names.contains(&"b1".to_string()),
        "no bias before layer norm: {names:?}"
    );
    let h = 1e-5;
    let (mut diff2, mut a2, mut b2) = (0.0, 0.0, 0.0);
    for (t, tensor) in grads.iter().enumerate() {
        for (k, &g) in tensor.iter().enumerate() {
            let v = net.params()[t][k];
            net.params_mut()[t][k] = v + h;
            let plus = loss(&mut net, &x, &y, m);
            net.params_mut()[t][k] = v - h;
            let minus = loss(&mut net, &x, &y, m);
            net.params_mut()[t][k] = v;
            let approx = (plus - minus) / (2.0 * h);
            assert!(
                (approx - g).abs() < 1e-7,
                "{}[{k}]: backprop {g}, differences {approx}",
                names[t]
            );
            diff2 += (approx - g) * (approx - g);
            a2 += approx * approx;
            b2 += g * g;
        }
    }
    let rel = diff2.sqrt() / (a2.sqrt() + b2.sqrt());
    assert!(rel < 1e-7, "relative difference {rel}");
}

#[test]
fn x_hat_has_mean_0_and_variance_1_per_example() {
    // gamma = 1 and beta = 0 (the fresh network): the activation's input is x_hat itself.
    let mut net = config().validate::<f64, _>(&mut seeded(5)).expect("valid");
    let m = 9;
    let (x, _) = batch(m, 2);
    net.forward(&x, m, Mode::Train, &mut seeded(0)).expect("forward");
    let eps = config().bn_eps;
    // The raw input of layer 1, X W1, recomputed here by hand.
    let w = net.params()[0].clone();
    let z_hat = net.pre_activations(1).expect("layer 1").to_vec();
    for (i, row) in z_hat.chunks_exact(6).enumerate() {
        let raw: Vec<f64> = (0..6)
            .map(|j| (0..4).map(|k| x[i * 4 + k] * w[k * 6 + j]).sum())
            .collect();
        let mu = raw.iter().sum::<f64>() / 6.0;
        let var = raw.iter().map(|v| (v - mu) * (v - mu)).sum::<f64>() / 6.0;
        for j in 0..6 {
            let want = (raw[j] - mu) / (var + eps).sqrt();
            assert!((row[j] - want).abs() < 1e-12, "row {i} unit {j}: {} vs {want}", row[j]);
        }
        let mean = row.iter().sum::<f64>() / 6.0;
        let v = row.iter().map(|h| (h - mean) * (h - mean)).sum::<f64>() / 6.0;
        assert!(mean.abs() < 1e-12, "row {i}: mean {mean}");
        assert!(
            (v - var / (var + eps)).abs() < 1e-12 && (v - 1.0).abs() < 1e-5,
            "row {i}: variance {v}"
        );
    }
    // Layer 2 too.
    for row in net.pre_activations(2).expect("layer 2").chunks_exact(5) {
        let mean = row.iter().sum::<f64>() / 5.0;
        let v = row.iter().map(|h| (h - mean) * (h - mean)).sum::<f64>() / 5.0;
        assert!(
            mean.abs() < 1e-12 && (v - 1.0).abs() < 1e-5,
            "mean {mean}, variance {v}"
        );
    }
}

#[test]
fn test_time_output_equals_training_output_and_keeps_no_running_statistics() {
    let mut net = network(8);
    let m = 16;
    let (x, _) = batch(m, 4);
    let train = net.forward(&x, m, Mode::Train, &mut seeded(0)).expect("train").to_vec();
    let eval = net.predict(&x, m).expect("eval").to_vec();
    assert_eq!(train, eval, "the same statistics in training and at test time");
    assert!(net.running_stats(1).is_none() && net.running_stats(2).is_none());
}

#[test]
fn an_example_gets_the_same_output_alone_and_in_a_batch_of_64() {
    let mut net = network(9);
    let (x, _) = batch(64, 6);
    let all = net.predict(&x, 64).expect("64").to_vec();
    for i in [0, 17, 63] {
        let alone = net
            .forward(&x[i * 4..(i + 1) * 4], 1, Mode::Train, &mut seeded(0))
            .expect("1")
            .to_vec();
        for (a, b) in alone.iter().zip(&all[i * 3..(i + 1) * 3]) {
            assert!((a - b).abs() < 1e-12, "example {i}: {a} alone, {b} in the batch");
        }
    }
    // Batch norm, by contrast: a batch of 1 has its own mean, so z_hat = 0 and every unit gives
    // beta (0 here) before the activation, whatever the example.
    let bn = NetworkConfig {
        layer_norm: false,
        batch_norm: true,
        ..config()
    };
    let mut bn = bn.validate::<f64, _>(&mut seeded(9)).expect("valid");
    bn.forward(&x[..4], 1, Mode::Train, &mut seeded(0)).expect("1");
    assert!(bn.pre_activations(1).expect("layer 1").iter().all(|&v| v == 0.0));
}

#[test]
fn batch_norm_and_layer_norm_together_are_refused_naming_the_field() {
    let both = NetworkConfig {
        batch_norm: true,
        ..config()
    };
    match both.check() {
        Err(NetworkError::Setting(field, ..)) => assert_eq!(field, "layer_norm"),
        other => panic!("{other:?}"),
    }
    // Gamma and beta instead of a bias on each hidden layer: 4*6 + 12 + 6*5 + 10 + 5*3 + 3.
    assert_eq!(config().param_count(), Some(24 + 12 + 30 + 10 + 15 + 3));
}
