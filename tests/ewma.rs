//! EWMA against independent computations.
use trainlab::core::ewma::{window, EwmaConfig};

/// The closed form of the recursion with V_0 = 0:
/// `V_t = (1 - beta) * sum_{k=1..t} beta^(t-k) * theta_k` — a different algorithm from the
/// one-line update in core, so a mistake in either shows up.
fn closed_form(beta: f64, thetas: &[f64], t: usize) -> f64 {
    (1..=t)
        .map(|k| (1.0 - beta) * beta.powi((t - k) as i32) * thetas[k - 1])
        .sum()
}

#[test]
fn worked_example_of_the_seed() {
    // Seed 001, beta 0.9, theta = 40..48. Values printed by the seed's own Python loop
    // (`V = beta * V + (1 - beta) * theta[t]`, run with CPython 3.11):
    // V1..V5 = 4.0, 7.8, 11.42, 14.878, 18.1902; corrected V_t / (1 - 0.9^t) =
    // 40.0, 41.0526315789..., 42.1402214022..., 43.2625763303..., 44.4194280969...
    let thetas = [40.0, 42.0, 44.0, 46.0, 48.0];
    let s = EwmaConfig { beta: 0.9 }.validate().unwrap().run(&thetas);
    let expected_raw = [4.0, 7.8, 11.42, 14.878, 18.1902];
    let expected_corrected = [
        40.0,
        41.05263157894738,
        42.14022140221403,
        43.26257633032858,
        44.41942809699397,
    ];
    for t in 0..5 {
        assert!((s.raw[t] - expected_raw[t]).abs() < 1e-12, "V{} = {}", t + 1, s.raw[t]);
        assert!(
            (s.corrected[t] - expected_corrected[t]).abs() < 1e-12,
            "V̂{} = {}",
            t + 1,
            s.corrected[t]
        );
    }
}

#[test]
fn recursion_matches_closed_form_for_many_betas() {
    let thetas: Vec<f64> = (0..200).map(|i| ((i * 37) % 23) as f64 - 7.5).collect();
    for beta in [0.01, 0.5, 0.9, 0.98, 0.999] {
        let s = EwmaConfig { beta }.validate().unwrap().run(&thetas);
        for t in [1, 2, 10, 57, 200] {
            let want = closed_form(beta, &thetas, t);
            assert!(
                (s.raw[t - 1] - want).abs() < 1e-9,
                "beta {beta} t {t}: {} vs {want}",
                s.raw[t - 1]
            );
            let want_corrected = want / (1.0 - beta.powi(t as i32));
            assert!((s.corrected[t - 1] - want_corrected).abs() < 1e-9 * want_corrected.abs().max(1.0));
        }
    }
}

#[test]
fn corrected_ewma_of_a_constant_is_that_constant() {
    for beta in [0.1, 0.5, 0.9, 0.98, 0.9999] {
        for c in [-3.5, 0.0, 17.0, 1e6] {
            let s = EwmaConfig { beta }.validate().unwrap().run(&vec![c; 500]);
            for (t, v) in s.corrected.iter().enumerate() {
                assert!((v - c).abs() <= 1e-9 * c.abs().max(1.0), "beta {beta} c {c} t {t}: {v}");
            }
            // Uncorrected starts at (1 - beta) c, the start-up bias the view makes visible.
            assert!((s.raw[0] - (1.0 - beta) * c).abs() <= 1e-12 * c.abs().max(1.0));
        }
    }
}

#[test]
fn window_is_one_over_one_minus_beta() {
    assert!((window(0.9) - 10.0).abs() < 1e-9);
    assert!((window(0.98) - 50.0).abs() < 1e-9);
    assert!((window(0.999) - 1000.0).abs() < 1e-6);
    // The seed's point: 0.999 -> 0.9995 doubles the window, 0.9 -> 0.9005 barely changes it.
    assert!((window(0.9995) / window(0.999) - 2.0).abs() < 1e-6);
    assert!((window(0.9005) / window(0.9) - 1.0).abs() < 0.01);
}

#[test]
fn ewma_state_round_trips_through_serde() {
    let mut e = EwmaConfig { beta: 0.9 }.validate().unwrap();
    e.update(3.0);
    e.update(5.0);
    let text = serde_json::to_string(&e.state).unwrap();
    let back: trainlab::core::ewma::EwmaState = serde_json::from_str(&text).unwrap();
    assert_eq!(back, e.state);
}
