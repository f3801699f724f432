//! Properties of the engine's parts: softmax, batch norm, inverted dropout, initialisation, caps,
//! and f32 agreeing with f64.
use trainlab::core::math::rng::{seeded, standard_normal};
use trainlab::core::nn::output::{log_sum_exp, softmax_row};
use trainlab::core::nn::{
    Activation, Init, Mode, NetworkConfig, NetworkError, Output, MAX_BATCH, MAX_LAYERS, MAX_UNITS,
};

#[test]
fn softmax_rows_sum_to_one_and_survive_huge_logits() {
    for z in [
        vec![1.0f64, 2.0, 3.0],
        vec![1000.0, 1001.0, 999.0],
        vec![-1e4, 0.0, 1e4],
        vec![710.0, 710.0],
    ] {
        let mut a = vec![0.0; z.len()];
        softmax_row(&z, &mut a);
        assert!(a.iter().all(|v| v.is_finite() && *v >= 0.0), "{z:?} -> {a:?}");
        assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
    // softmax([1, 2, 3]) = e^k / (e + e^2 + e^3): numpy gives [0.09003057, 0.24472847, 0.66524096]
    let mut a = [0.0f64; 3];
    softmax_row(&[1.0, 2.0, 3.0], &mut a);
    for (x, w) in a.iter().zip([0.090_030_57, 0.244_728_47, 0.665_240_96]) {
        assert!((x - w).abs() < 1e-8);
    }
    // shifting every logit leaves softmax unchanged, and the loss stays finite with 1000s
    let mut b = [0.0f64; 3];
    softmax_row(&[1001.0, 1002.0, 1003.0], &mut b);
    assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 1e-12));
    assert!(
        (log_sum_exp(&[1001.0f64, 1002.0, 1003.0]) - (1003.0 + (1.0 + (-1.0f64).exp() + (-2.0f64).exp()).ln())).abs()
            < 1e-9
    );
    let loss = Output::SoftmaxCrossEntropy.loss(&[1e4f32, -1e4, 0.0], &[0.0, 1.0, 0.0], 3);
    assert!((loss - 2e4).abs() < 1.0, "{loss}");
    // sigmoid BCE from logits: z = 800, y = 0 costs 800 (not inf)
    let bce = Output::SigmoidBinaryCrossEntropy.loss(&[800.0f64], &[0.0], 1);
    assert!((bce - 800.0).abs() < 1e-9);
}

fn bn_net(seed: u64) -> (trainlab::core::nn::Network<f64>, Vec<f64>, usize) {
    let cfg = NetworkConfig {
        inputs: 5,
        hidden: vec![7],
        outputs: 3,
        batch_norm: true,
        activation: Activation::Linear,
        init: Init::Normal(2.0),
        ..NetworkConfig::default()
    };
    let mut rng = seeded(seed);
    let net = cfg.validate(&mut rng).unwrap();
    let m = 64;
    // inputs far from 0 mean / unit variance, so the normalisation has work to do
    let x = (0..m * 5).map(|_| 3.0 + 4.0 * standard_normal(&mut rng)).collect();
    (net, x, m)
}

#[test]
fn batch_norm_training_output_has_zero_mean_unit_variance_per_unit() {
    let (mut net, x, m) = bn_net(1);
    net.forward(&x, m, Mode::Train, &mut seeded(0)).unwrap();
    // layer 1 is linear with gamma 1, beta 0, so its output is z_hat
    let a = net.activations(1).unwrap();
    for j in 0..7 {
        let col: Vec<f64> = (0..m).map(|i| a[i * 7 + j]).collect();
        let mean = col.iter().sum::<f64>() / m as f64;
        let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / m as f64;
        assert!(mean.abs() < 1e-12, "unit {j}: mean {mean}");
        // var / (var + eps) with eps = 1e-6 and var of order 10..100
        assert!((var - 1.0).abs() < 1e-6, "unit {j}: var {var}");
    }
}

#[test]
fn batch_norm_eval_uses_the_running_statistics() {
    let (mut net, x, m) = bn_net(2);
    // Running stats start at 0 and follow running = 0.9 running + 0.1 batch (DLFS convention).
    for step in 1..=3 {
        net.forward(&x, m, Mode::Train, &mut seeded(0)).unwrap();
        let rs = net.running_stats(1).unwrap();
        assert_eq!(rs.updates, step);
    }
    let z_batch = {
        // batch mean of unit 0 of X W, computed directly
        let w = &net.params()[0];
        (0..m)
            .map(|i| (0..5).map(|k| x[i * 5 + k] * w[k * 7]).sum::<f64>())
            .sum::<f64>()
            / m as f64
    };
    let rs = net.running_stats(1).unwrap().clone();
    let want = z_batch * (1.0 - 0.9f64.powi(3)); // 0.1 * (1 + 0.9 + 0.81) of the same batch mean
    assert!(
        (rs.mean[0] - want).abs() < 1e-9 * want.abs().max(1.0),
        "{} vs {want}",
        rs.mean[0]
    );
    // Eval on one row: depends on the running stats, not on the batch
    let row = &x[..5];
    let one = net.predict(row, 1).unwrap().to_vec();
    let in_batch = net.predict(&x, m).unwrap()[..3].to_vec();
    assert_eq!(one, in_batch);
    let z0: f64 = (0..5).map(|k| row[k] * net.params()[0][k * 7]).sum();
    let a1 = (z0 - rs.mean[0]) / (rs.var[0] + 1e-6).sqrt(); // gamma 1, beta 0, linear
    net.predict(row, 1).unwrap();
    assert!((net.activations(1).unwrap()[0] - a1).abs() < 1e-9);
    // a training pass on one row would see variance 0: a single example cannot be normalised
    assert!(net.running_stats(2).is_none());
}

#[test]
fn inverted_dropout_keeps_the_expected_activation() {
    let keep = 0.7;
    let cfg = NetworkConfig {
        inputs: 4,
        hidden: vec![200],
        outputs: 2,
        keep_prob: keep,
        activation: Activation::Sigmoid,
        ..NetworkConfig::default()
    };
    let mut rng = seeded(3);
    let mut net = cfg.validate::<f64, _>(&mut rng).unwrap();
    let m = 100;
    let x: Vec<f64> = (0..m * 4).map(|_| standard_normal(&mut rng)).collect();
    net.predict(&x, m).unwrap();
    let clean = net.activations(1).unwrap().to_vec();
    net.forward(&x, m, Mode::Train, &mut rng).unwrap();
    let dropped = net.activations(1).unwrap().to_vec();
    let n = clean.len() as f64;
    let kept = dropped.iter().filter(|&&v| v != 0.0).count() as f64 / n;
    // share kept ~ Binomial(20,000, 0.7)/n: standard error sqrt(0.7 * 0.3 / 20,000) = 0.0032
    assert!((kept - keep).abs() < 5.0 * 0.0032, "kept {kept}");
    // E[a d / keep] = a: the mean ratio of sums has standard error about
    // sqrt((1 - keep) / keep / n) * (rms a / mean a) ~ 0.0046 * 1.1; allow 5 of them
    let (s_clean, s_drop): (f64, f64) = (clean.iter().sum(), dropped.iter().sum());
    assert!((s_drop / s_clean - 1.0).abs() < 5.0 * 0.0051, "{}", s_drop / s_clean);
    // every surviving value is scaled by exactly 1 / keep_prob
    for (c, d) in clean.iter().zip(&dropped) {
        assert!(*d == 0.0 || (d - c / keep).abs() < 1e-12);
    }
}

#[test]
fn initialisations_have_their_named_standard_deviations() {
    // std of 10,000 N(0, s^2) draws: relative standard error 1/sqrt(2n) = 0.7%, allow 3.5%
    let (n_in, n_out) = (100, 100);
    for (init, s) in [
        (Init::Normal(0.01), 0.01),
        (Init::XavierCourse, (1.0f64 / 100.0).sqrt()),
        (Init::Glorot, (2.0f64 / 200.0).sqrt()),
        (Init::He, (2.0f64 / 100.0).sqrt()),
    ] {
        let mut w = vec![0.0f64; n_in * n_out];
        init.fill(&mut w, n_in, n_out, &mut seeded(4));
        let std = (w.iter().map(|v| v * v).sum::<f64>() / w.len() as f64).sqrt();
        assert!((std / s - 1.0).abs() < 0.035, "{init:?}: {std} vs {s}");
    }
    let mut w = vec![1.0f32; 12];
    Init::Zeros.fill(&mut w, 3, 4, &mut seeded(4));
    assert!(w.iter().all(|&v| v == 0.0));
}

#[test]
fn caps_are_checked_before_allocating() {
    let mut rng = seeded(0);
    let big = NetworkConfig {
        inputs: MAX_UNITS + 1,
        ..NetworkConfig::default()
    };
    assert!(matches!(
        big.validate::<f32, _>(&mut rng),
        Err(NetworkError::LayerSize(_, _))
    ));
    let deep = NetworkConfig {
        hidden: vec![4; MAX_LAYERS],
        ..NetworkConfig::default()
    };
    assert_eq!(
        deep.validate::<f32, _>(&mut rng).unwrap_err(),
        NetworkError::TooManyLayers(MAX_LAYERS + 1)
    );
    // 4096 x 4096 x 3 weights pass the unit cap but not the parameter cap (no 200 MB allocation)
    let wide = NetworkConfig {
        inputs: 4096,
        hidden: vec![4096, 4096],
        ..NetworkConfig::default()
    };
    assert!(matches!(
        wide.validate::<f32, _>(&mut rng),
        Err(NetworkError::TooManyParams(_))
    ));
    let zero = NetworkConfig {
        hidden: vec![3, 0],
        ..NetworkConfig::default()
    };
    assert!(zero
        .validate::<f32, _>(&mut rng)
        .unwrap_err()
        .to_string()
        .contains("hidden layer 2"));
    for bad in [
        NetworkConfig {
            keep_prob: 0.0,
            ..NetworkConfig::default()
        },
        NetworkConfig {
            l2: -1.0,
            ..NetworkConfig::default()
        },
        NetworkConfig {
            bn_eps: 0.0,
            ..NetworkConfig::default()
        },
        NetworkConfig {
            init: Init::Normal(f64::NAN),
            ..NetworkConfig::default()
        },
        NetworkConfig {
            outputs: 1,
            ..NetworkConfig::default()
        },
    ] {
        assert!(bad.validate::<f64, _>(&mut rng).is_err(), "{bad:?}");
    }
    let mut net = NetworkConfig::default().validate::<f32, _>(&mut rng).unwrap();
    assert_eq!(
        net.forward(&[], 0, Mode::Train, &mut rng).unwrap_err(),
        NetworkError::BatchSize(0)
    );
    let x = vec![0.0; 2 * (MAX_BATCH + 1)];
    assert_eq!(
        net.predict(&x, MAX_BATCH + 1).unwrap_err(),
        NetworkError::BatchSize(MAX_BATCH + 1)
    );
    assert!(net.predict(&[1.0, 2.0, 3.0], 2).is_err());
}

#[test]
fn f32_and_f64_networks_agree() {
    let cfg = NetworkConfig {
        inputs: 6,
        hidden: vec![9, 5],
        outputs: 4,
        activation: Activation::Tanh,
        batch_norm: true,
        ..NetworkConfig::default()
    };
    let mut n64 = cfg.validate::<f64, _>(&mut seeded(9)).unwrap();
    let mut n32 = cfg.validate::<f32, _>(&mut seeded(9)).unwrap();
    for (p32, p64) in n32.params_mut().iter_mut().zip(n64.params()) {
        p32.iter_mut().zip(p64).for_each(|(a, &b)| *a = b as f32);
    }
    let x64: Vec<f64> = (0..10 * 6).map(|i| ((i * 37 % 11) as f64 - 5.0) / 3.0).collect();
    let x32: Vec<f32> = x64.iter().map(|&v| v as f32).collect();
    let y = trainlab::core::nn::one_hot::<f64>(&[0, 1, 2, 3, 0, 1, 2, 3, 0, 1], 4);
    let y32: Vec<f32> = y.iter().map(|&v| v as f32).collect();
    n64.forward(&x64, 10, Mode::Train, &mut seeded(0)).unwrap();
    n32.forward(&x32, 10, Mode::Train, &mut seeded(0)).unwrap();
    for (a, b) in n32.output().iter().zip(n64.output()) {
        assert!((*a as f64 - b).abs() < 1e-5);
    }
    n64.backward(&y).unwrap();
    n32.backward(&y32).unwrap();
    for (g32, g64) in n32.grads().iter().zip(n64.grads()) {
        for (a, b) in g32.iter().zip(g64) {
            assert!((*a as f64 - b).abs() < 1e-4, "{a} vs {b}");
        }
    }
}
