//! The optimizers of `core::optim` and the schedules of `core::schedule` against closed forms and
//! hand computations (each derivation is written next to its numbers).
use ndarray::Array2;
use trainlab::core::math::num::Float;
use trainlab::core::optim::{
    dlfs_equivalent_lr, ng_equivalent_lr, Convention, OptimError, OptimState, Optimizer, OptimizerConfig, OptimizerKind,
};
use trainlab::core::schedule::{ScheduleConfig, ScheduleKind};

fn opt(kind: OptimizerKind, convention: Convention, lr: f64) -> Optimizer {
    OptimizerConfig::new(kind, convention, lr).validate().unwrap()
}

/// Gradient of the DLFS bowl f = x^2/20 + y^2: (x/10, 2y).
fn bowl_grad<T: Float>(p: &[T]) -> [T; 2] {
    [p[0] / T::from_f64(10.0), T::from_f64(2.0) * p[1]]
}

fn sgd_bowl_closed_form<T: Float>(tol: f64) {
    // SGD on the bowl: x_{t+1} = x_t - lr x_t/10 = (1 - lr/10) x_t and y_{t+1} = (1 - 2 lr) y_t, so
    // x_t = x0 (1 - lr/10)^t and y_t = y0 (1 - 2 lr)^t: each coordinate shrinks geometrically.
    let lr = 0.95;
    let o = opt(OptimizerKind::Sgd, Convention::Dlfs, lr);
    let mut p = [T::from_f64(-7.0), T::from_f64(2.0)];
    let mut st = o.init_state::<T>(2);
    for t in 1..=12u64 {
        let g = bowl_grad(&p);
        o.step(&mut st, &mut p, &g, t).unwrap();
        let x = -7.0 * (1.0f64 - lr / 10.0).powi(t as i32);
        let y = 2.0 * (1.0f64 - 2.0 * lr).powi(t as i32);
        assert!((p[0].to_f64() - x).abs() < tol, "t={t}: x {:?} vs {x}", p[0]);
        assert!((p[1].to_f64() - y).abs() < tol, "t={t}: y {:?} vs {y}", p[1]);
    }
}

#[test]
fn sgd_on_the_bowl_shrinks_each_coordinate_geometrically_f64_and_f32() {
    sgd_bowl_closed_form::<f64>(1e-12);
    sgd_bowl_closed_form::<f32>(2e-5);
}

/// Runs two steps from w0 = (1, 1) with the fixed gradients g1 = (1, -2), g2 = (3, 0.5).
fn two_steps<T: Float>(o: &Optimizer) -> [[f64; 2]; 2] {
    let mut w = [T::ONE, T::ONE];
    let mut st = o.init_state::<T>(2);
    let g1 = [T::from_f64(1.0), T::from_f64(-2.0)];
    let g2 = [T::from_f64(3.0), T::from_f64(0.5)];
    o.step(&mut st, &mut w, &g1, 1).unwrap();
    let w1 = [w[0].to_f64(), w[1].to_f64()];
    o.step(&mut st, &mut w, &g2, 2).unwrap();
    [w1, [w[0].to_f64(), w[1].to_f64()]]
}

fn close(got: [[f64; 2]; 2], want: [[f64; 2]; 2], tol: f64, what: &str) {
    for t in 0..2 {
        for i in 0..2 {
            assert!(
                (got[t][i] - want[t][i]).abs() < tol,
                "{what}: step {} coord {i}: {} vs {}",
                t + 1,
                got[t][i],
                want[t][i]
            );
        }
    }
}

#[test]
fn first_two_steps_of_every_optimizer_match_hand_computations() {
    use Convention::{Dlfs, Ng};
    use OptimizerKind::*;
    let lr = 0.1;
    let sqrt = f64::sqrt;
    let cases: Vec<(Optimizer, [[f64; 2]; 2], &str)> = vec![
        // SGD: w1 = w0 - 0.1 g1 = (0.9, 1.2); w2 = w1 - 0.1 g2 = (0.6, 1.15).
        (opt(Sgd, Ng, lr), [[0.9, 1.2], [0.6, 1.15]], "sgd"),
        // Ng momentum, beta 0.9: v1 = 0.1 g1 = (0.1, -0.2), w1 = w0 - 0.1 v1 = (0.99, 1.02);
        // v2 = 0.9 v1 + 0.1 g2 = (0.39, -0.13), w2 = w1 - 0.1 v2 = (0.951, 1.033).
        (opt(Momentum, Ng, lr), [[0.99, 1.02], [0.951, 1.033]], "momentum ng"),
        // DLFS momentum, mu 0.9: v1 = -0.1 g1 = (-0.1, 0.2), w1 = w0 + v1 = (0.9, 1.2);
        // v2 = 0.9 v1 - 0.1 g2 = (-0.39, 0.13), w2 = (0.51, 1.33).
        (opt(Momentum, Dlfs, lr), [[0.9, 1.2], [0.51, 1.33]], "momentum dlfs"),
        // DLFS Nesterov, mu 0.9, W += mu^2 v - (1+mu) lr g; v = mu v - lr g (old v):
        // w1 = w0 - 0.19 g1 = (0.81, 1.38), v1 = (-0.1, 0.2);
        // w2 = w1 + 0.81 v1 - 0.19 g2 = (0.81 - 0.081 - 0.57, 1.38 + 0.162 - 0.095) = (0.159, 1.447).
        (opt(Nesterov, Dlfs, lr), [[0.81, 1.38], [0.159, 1.447]], "nesterov dlfs"),
        // Ng Nesterov: v1 = 0.1 g1; w1 = w0 - 0.1 (0.9 v1 + 0.1 g1) = w0 - 0.019 g1 = (0.981, 1.038);
        // v2 = (0.39, -0.13); w2 = w1 - 0.1 (0.9 v2 + 0.1 g2) = w1 - (0.0651, -0.0067) = (0.9159, 1.0447).
        (opt(Nesterov, Ng, lr), [[0.981, 1.038], [0.9159, 1.0447]], "nesterov ng"),
        // AdaGrad, eps 1e-7: h1 = (1, 4), w1 = (1 - 0.1/(1 + eps), 1 + 0.2/(2 + eps));
        // h2 = (10, 4.25), w2 = w1 - 0.1 (3/(sqrt 10 + eps), 0.5/(sqrt 4.25 + eps)).
        (
            opt(AdaGrad, Dlfs, lr),
            [
                [1.0 - 0.1 / (1.0 + 1e-7), 1.0 + 0.2 / (2.0 + 1e-7)],
                [
                    1.0 - 0.1 / (1.0 + 1e-7) - 0.3 / (sqrt(10.0) + 1e-7),
                    1.0 + 0.2 / (2.0 + 1e-7) - 0.05 / (sqrt(4.25) + 1e-7),
                ],
            ],
            "adagrad",
        ),
        // RMSprop DLFS, rho 0.99, eps 1e-7: s1 = 0.01 (1, 4) = (0.01, 0.04),
        // w1 = w0 - 0.1 (1/(0.1 + eps), -2/(0.2 + eps)) ~ (0, 2);
        // s2 = 0.99 s1 + 0.01 (9, 0.25) = (0.0999, 0.0421), w2 = w1 - 0.1 (3/sqrt 0.0999, 0.5/sqrt 0.0421).
        (
            opt(RmsProp, Dlfs, lr),
            [
                [1.0 - 0.1 / (0.1 + 1e-7), 1.0 + 0.2 / (0.2 + 1e-7)],
                [
                    1.0 - 0.1 / (0.1 + 1e-7) - 0.3 / (sqrt(0.0999) + 1e-7),
                    1.0 + 0.2 / (0.2 + 1e-7) - 0.05 / (sqrt(0.0421) + 1e-7),
                ],
            ],
            "rmsprop dlfs",
        ),
        // Adam Ng, b1 0.9, b2 0.999, eps 1e-8: t = 1: v^ = g1, s^ = g1^2, so w1 = w0 - 0.1 g1/(|g1| + eps).
        // t = 2: v = (0.39, -0.13), v^ = v / 0.19; s = 0.999 * 0.001 (1, 4) + 0.001 (9, 0.25) =
        // (0.009999, 0.004246), s^ = s / 0.001999; w2 = w1 - 0.1 v^ / (sqrt s^ + eps).
        (
            opt(Adam, Ng, lr),
            [
                [1.0 - 0.1 / (1.0 + 1e-8), 1.0 + 0.2 / (2.0 + 1e-8)],
                [
                    1.0 - 0.1 / (1.0 + 1e-8) - 0.1 * (0.39 / 0.19) / (sqrt(0.009999 / 0.001999) + 1e-8),
                    1.0 + 0.2 / (2.0 + 1e-8) + 0.1 * (0.13 / 0.19) / (sqrt(0.004246 / 0.001999) + 1e-8),
                ],
            ],
            "adam ng",
        ),
        // Adam DLFS folded, eps 1e-7: lr_1 = 0.1 sqrt(0.001)/0.1, m1 = 0.1 g1, v1 = 0.001 g1^2:
        // w1 = w0 - lr_1 m1/(sqrt v1 + eps). lr_2 = 0.1 sqrt(0.001999)/0.19, m2 = (0.39, -0.13),
        // v2 = (0.009999, 0.004246): w2 = w1 - lr_2 m2/(sqrt v2 + eps).
        {
            let lr1 = 0.1 * sqrt(0.001) / 0.1;
            let lr2 = 0.1 * sqrt(0.001999) / 0.19;
            let w1 = [
                1.0 - lr1 * 0.1 / (sqrt(0.001) + 1e-7),
                1.0 + lr1 * 0.2 / (sqrt(0.004) + 1e-7),
            ];
            (
                opt(Adam, Dlfs, lr),
                [
                    w1,
                    [
                        w1[0] - lr2 * 0.39 / (sqrt(0.009999) + 1e-7),
                        w1[1] + lr2 * 0.13 / (sqrt(0.004246) + 1e-7),
                    ],
                ],
                "adam dlfs",
            )
        },
    ];
    for (o, want, what) in &cases {
        close(two_steps::<f64>(o), *want, 1e-12, what);
        close(two_steps::<f32>(o), *want, 2e-6, what);
    }
}

#[test]
fn adams_first_step_is_lr_times_the_sign_of_the_gradient() {
    // t = 1: v^ = g and s^ = g^2, so the step is lr g / (|g| + eps) -> lr sign(g) as eps -> 0,
    // whatever the size of g. The folded form gives lr g / (|g| + eps / sqrt(1 - b2)), the same.
    let g = [1e-3, -2.5, 40.0, -1e3, 0.7];
    for convention in [Convention::Ng, Convention::Dlfs] {
        let o = OptimizerConfig {
            eps: 1e-30,
            ..OptimizerConfig::new(OptimizerKind::Adam, convention, 0.3)
        }
        .validate()
        .unwrap();
        let mut w = [0.0f64; 5];
        let mut st = o.init_state(5);
        o.step(&mut st, &mut w, &g, 1).unwrap();
        for (wi, gi) in w.iter().zip(g) {
            assert!(
                (wi + 0.3 * gi.signum()).abs() < 1e-12,
                "{convention:?}: {wi} for g {gi}"
            );
        }
        let mut w32 = [0.0f32; 5];
        let g32 = g.map(|x| x as f32);
        let mut st = o.init_state(5);
        o.step(&mut st, &mut w32, &g32, 1).unwrap();
        for (wi, gi) in w32.iter().zip(g32) {
            assert!((wi + 0.3 * gi.signum()).abs() < 1e-6);
        }
    }
}

#[test]
fn adam_bias_correction_scales_each_step_by_sqrt_c2_over_c1() {
    // Same gradients, eps negligible: the states v, s are identical with and without correction,
    // and the step with correction is lr (v/c1)/sqrt(s/c2) = (sqrt(c2)/c1) times the step without,
    // c_i = 1 - b_i^t (both the Ng and the folded DLFS form).
    let grads = [[0.3, -1.0], [2.0, 0.1], [-0.5, 0.4], [1.0, 1.0], [0.05, -3.0]];
    for convention in [Convention::Ng, Convention::Dlfs] {
        let base = OptimizerConfig {
            eps: 1e-30,
            ..OptimizerConfig::new(OptimizerKind::Adam, convention, 0.1)
        };
        let on = base.validate().unwrap();
        let off = OptimizerConfig {
            bias_correction: false,
            ..base
        }
        .validate()
        .unwrap();
        let (mut w_on, mut w_off) = ([0.0f64; 2], [0.0f64; 2]);
        let (mut s_on, mut s_off) = (on.init_state(2), off.init_state(2));
        for (i, g) in grads.iter().enumerate() {
            let t = i as u64 + 1;
            let (before_on, before_off) = (w_on, w_off);
            on.step(&mut s_on, &mut w_on, g, t).unwrap();
            off.step(&mut s_off, &mut w_off, g, t).unwrap();
            let ratio = (1.0 - 0.999f64.powi(t as i32)).sqrt() / (1.0 - 0.9f64.powi(t as i32));
            for k in 0..2 {
                let d_on = w_on[k] - before_on[k];
                let d_off = w_off[k] - before_off[k];
                assert!((d_on - ratio * d_off).abs() < 1e-12 * d_on.abs().max(1.0), "t={t}");
            }
        }
        assert_eq!(s_on, s_off, "correction never touches the state");
    }
}

#[test]
fn the_two_momentum_conventions_agree_after_rescaling_the_learning_rate() {
    // v_dlfs = -lr_ng v_ng turns v = b v + (1-b) g; W -= lr_ng v into v = b v - (1-b) lr_ng g;
    // W += v: DLFS with lr_dlfs = (1 - b) lr_ng. Checked on the bowl for 60 steps.
    for kind in [OptimizerKind::Momentum, OptimizerKind::Nesterov] {
        for beta in [0.5, 0.9, 0.99] {
            let lr_ng = 0.8;
            let lr_dlfs = dlfs_equivalent_lr(lr_ng, beta);
            assert!((ng_equivalent_lr(lr_dlfs, beta) - lr_ng).abs() < 1e-12);
            let mk = |convention, lr| {
                OptimizerConfig {
                    beta1: beta,
                    ..OptimizerConfig::new(kind, convention, lr)
                }
                .validate()
                .unwrap()
            };
            let (ng, dl) = (mk(Convention::Ng, lr_ng), mk(Convention::Dlfs, lr_dlfs));
            let (mut a, mut b) = ([-7.0f64, 2.0], [-7.0f64, 2.0]);
            let (mut sa, mut sb) = (ng.init_state(2), dl.init_state(2));
            for t in 1..=60 {
                let (ga, gb) = (bowl_grad(&a), bowl_grad(&b));
                ng.step(&mut sa, &mut a, &ga, t).unwrap();
                dl.step(&mut sb, &mut b, &gb, t).unwrap();
                for k in 0..2 {
                    assert!(
                        (a[k] - b[k]).abs() < 1e-10,
                        "{kind:?} beta {beta} t {t}: {a:?} vs {b:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn bad_settings_and_mismatched_inputs_are_refused_with_clear_errors() {
    let ok = OptimizerConfig::default();
    for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
        assert_eq!(
            OptimizerConfig { lr, ..ok }
                .validate()
                .err()
                .map(|e| e.to_string().contains("learning rate")),
            Some(true)
        );
    }
    for beta in [1.0, -0.01, 1.5, f64::NAN] {
        assert!(matches!(
            OptimizerConfig { beta1: beta, ..ok }.validate(),
            Err(OptimError::Beta1(_))
        ));
        assert!(matches!(
            OptimizerConfig { beta2: beta, ..ok }.validate(),
            Err(OptimError::Beta2(_))
        ));
    }
    assert!(
        OptimizerConfig { beta1: 0.0, ..ok }.validate().is_ok(),
        "beta 0 is allowed"
    );
    assert!(matches!(
        OptimizerConfig { eps: 0.0, ..ok }.validate(),
        Err(OptimError::Epsilon(_))
    ));
    let o = opt(OptimizerKind::Adam, Convention::Ng, 0.1);
    let mut st = o.init_state::<f64>(3);
    let mut w = [0.0; 2];
    assert!(matches!(
        o.step(&mut st, &mut w, &[1.0, 1.0], 1),
        Err(OptimError::LengthMismatch { .. })
    ));
    let mut st = o.init_state::<f64>(2);
    assert_eq!(o.step(&mut st, &mut w, &[1.0, 1.0], 0), Err(OptimError::StepZero));
    assert_eq!(w, [0.0, 0.0], "a refused step changes nothing");
    assert!(o.with_lr(-1.0).is_err());
    assert_eq!(o.with_lr(0.5).unwrap().lr(), 0.5);
}

#[test]
fn ndarray_tensors_update_in_place_like_slices() {
    // A 3x4 weight matrix with Adam: step_array equals step on the flat slice.
    let o = opt(OptimizerKind::Adam, Convention::Ng, 0.01);
    let mut w = Array2::<f32>::from_shape_fn((3, 4), |(i, j)| (i as f32) - 0.5 * j as f32);
    let g = Array2::<f32>::from_shape_fn((3, 4), |(i, j)| ((i * 4 + j) as f32).sin());
    let mut flat: Vec<f32> = w.iter().copied().collect();
    let (mut s1, mut s2) = (o.init_state::<f32>(12), o.init_state::<f32>(12));
    for t in 1..=5 {
        o.step_array(&mut s1, w.view_mut(), g.view(), t).unwrap();
        o.step(&mut s2, &mut flat, g.as_slice().unwrap(), t).unwrap();
    }
    assert_eq!(w.as_slice().unwrap(), &flat[..]);
    // a transposed (non-contiguous) view is refused, not silently mis-updated
    assert_eq!(
        o.step_array(&mut s1, w.view_mut().reversed_axes(), g.t(), 6),
        Err(OptimError::Layout)
    );
}

#[test]
fn state_is_plain_data_that_round_trips_through_json() {
    let o = opt(OptimizerKind::RmsProp, Convention::Ng, 0.01);
    let mut st: OptimState<f64> = o.init_state(2);
    assert!(st.v.is_empty() && st.s.len() == 2, "only the buffers the rule uses");
    let mut w = [1.0, 2.0];
    o.step(&mut st, &mut w, &[0.5, -0.25], 1).unwrap();
    let text = serde_json::to_string(&st).unwrap();
    let back: OptimState<f64> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, st);
    let cfg: OptimizerConfig = serde_json::from_str(r#"{"kind":"adam","lr":0.3}"#).unwrap();
    assert_eq!(cfg.beta1, 0.9, "missing fields take the documented defaults");
}

#[test]
fn schedules_follow_their_formulas() {
    let sched = |kind| {
        ScheduleConfig {
            kind,
            ..ScheduleConfig::default()
        }
        .validate()
        .unwrap()
    };
    // The notes' worked example: alpha0 0.2, decay_rate 1 -> 0.1, 0.0667, 0.05, 0.04 (epochs 1-4).
    let inv = sched(ScheduleKind::InverseTime);
    for (e, want) in [(1, 0.1), (2, 0.2 / 3.0), (3, 0.05), (4, 0.04)] {
        assert!((inv.lr(0.2, e) - want).abs() < 1e-15, "epoch {e}");
    }
    let exp = sched(ScheduleKind::Exponential);
    let exp9 = ScheduleConfig {
        kind: ScheduleKind::Exponential,
        base: 0.9,
        ..Default::default()
    }
    .validate()
    .unwrap();
    let isq = ScheduleConfig {
        kind: ScheduleKind::InverseSqrt,
        k: 2.0,
        ..Default::default()
    }
    .validate()
    .unwrap();
    let stair = ScheduleConfig {
        kind: ScheduleKind::Staircase,
        drop: 0.5,
        every: 3,
        ..Default::default()
    }
    .validate()
    .unwrap();
    let constant = sched(ScheduleKind::Constant);
    for e in 1..=20u64 {
        let ef = e as f64;
        assert!((exp.lr(0.3, e) - 0.95f64.powi(e as i32) * 0.3).abs() < 1e-15);
        assert!((exp9.lr(0.3, e) - 0.9f64.powi(e as i32) * 0.3).abs() < 1e-15);
        assert!((isq.lr(0.3, e) - 2.0 / ef.sqrt() * 0.3).abs() < 1e-15);
        // stairs of 3 epochs: epochs 1-3 at alpha0, 4-6 at alpha0/2, ...
        assert_eq!(stair.lr(0.4, e), 0.4 * 0.5f64.powi(((e - 1) / 3) as i32));
        assert_eq!(constant.lr(0.3, e), 0.3);
    }
    assert_eq!(stair.curve(1.0, 7), vec![1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25]);
    for bad in [
        ScheduleConfig {
            decay_rate: -1.0,
            ..Default::default()
        },
        ScheduleConfig {
            base: 1.5,
            ..Default::default()
        },
        ScheduleConfig {
            base: 0.0,
            ..Default::default()
        },
        ScheduleConfig {
            k: f64::NAN,
            ..Default::default()
        },
        ScheduleConfig {
            every: 0,
            ..Default::default()
        },
    ] {
        assert!(bad.validate().is_err(), "{bad:?}");
    }
}
