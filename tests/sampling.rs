//! Sampling scales, grid vs random, coarse to fine and the repeated study (src/core/sampling.rs,
//! search.rs, search_study.rs). Reference values are closed forms computed by hand or with
//! Python one-liners quoted next to them.
use trainlab::core::lab::search::{best, grid, random, zoom, CoarseToFineConfig, Surface, UnitBox};
use trainlab::core::lab::search_study::{hit_chance, top5_threshold, StudyConfig};
use trainlab::core::math::rng::seeded;
use trainlab::core::sampling::{
    decades, distinct, expected_share, histogram, share_in, AxisConfig, SamplingError, Scale, MAX_SAMPLES,
};

fn axis(scale: Scale, low: f64, high: f64) -> trainlab::core::sampling::Axis {
    AxisConfig { scale, low, high }.validate().unwrap()
}

#[test]
fn samples_stay_in_range_on_every_scale() {
    let mut rng = seeded(5);
    for (scale, lo, hi) in [
        (Scale::Linear, -2.0, 3.0),
        (Scale::Log, 1e-4, 1.0),
        (Scale::LogOneMinus, 0.9, 0.999),
        (Scale::Integer, 50.0, 100.0),
        (Scale::Choice { count: 3 }, 0.0, 2.0),
    ] {
        let a = axis(scale, lo, hi);
        let xs = a.sample_n(20_000, &mut rng).unwrap();
        assert!(xs.iter().all(|&x| x >= lo && x <= hi), "{scale:?}");
        if matches!(scale, Scale::Integer | Scale::Choice { .. }) {
            assert!(xs.iter().all(|x| x.fract() == 0.0));
            // every whole number is reached: 51 values for 50..=100, 3 options
            assert_eq!(distinct(&xs), (hi - lo) as usize + 1);
        }
    }
}

#[test]
fn decade_shares_match_within_five_binomial_standard_errors() {
    // n = 20,000 draws: a share p has binomial standard error sqrt(p (1 - p) / n); the tolerance is
    // 5 SE: p = 0.25 -> 0.0153, p = 0.9 -> 0.0106, p = 0.5 -> 0.0177 (python: 5*sqrt(p*(1-p)/2e4)).
    let n = 20_000;
    let tol = |p: f64| 5.0 * (p * (1.0 - p) / n as f64).sqrt();
    let log = axis(Scale::Log, 1e-4, 1.0);
    let lin = axis(Scale::Linear, 1e-4, 1.0);
    let xs_log = log.sample_n(n, &mut seeded(1)).unwrap();
    let xs_lin = lin.sample_n(n, &mut seeded(1)).unwrap();
    let ds = decades(1e-4, 1.0);
    assert_eq!(ds.len(), 4);
    for &(lo, hi) in &ds {
        // log: each of the 4 decades gets 1/4
        let s = share_in(&xs_log, lo, hi);
        assert!((s - 0.25).abs() < tol(0.25), "log share of [{lo}, {hi}): {s}");
        assert!((expected_share(&log, lo, hi) - 0.25).abs() < 1e-12);
        // linear: (hi - lo) / (1 - 1e-4); python: 0.9/(1-1e-4) = 0.90009
        let want = (hi - lo) / (1.0 - 1e-4);
        assert!((expected_share(&lin, lo, hi) - want).abs() < 1e-12);
        assert!(
            (share_in(&xs_lin, lo, hi) - want).abs() < tol(want.max(0.01)),
            "linear [{lo}, {hi})"
        );
    }
    assert!(
        share_in(&xs_lin, 0.1, 1.01) > 0.88,
        "about 90% of linear draws land in [0.1, 1]"
    );

    // beta in [0.9, 0.999] with 1 - beta on a log scale: r ~ U(-3, -1), half in [0.99, 0.999]
    let beta = axis(Scale::LogOneMinus, 0.9, 0.999);
    assert!(
        (beta.a + 3.0).abs() < 1e-9 && (beta.b + 1.0).abs() < 1e-9,
        "{} {}",
        beta.a,
        beta.b
    );
    let bs = beta.sample_n(n, &mut seeded(2)).unwrap();
    let s = share_in(&bs, 0.99, 1.0);
    assert!((s - 0.5).abs() < tol(0.5), "{s}");
    // linear beta: (0.999 - 0.99) / (0.999 - 0.9) = 0.0909 (python: 0.009/0.099)
    let bl = axis(Scale::Linear, 0.9, 0.999).sample_n(n, &mut seeded(2)).unwrap();
    let p = 0.009 / 0.099;
    assert!((share_in(&bl, 0.99, 1.0) - p).abs() < tol(p));
}

#[test]
fn recipe_matches_the_notes() {
    // r = -4 * rand(), alpha = 10^r (seed 000): u = 0.5 -> r = -2 -> 0.01
    let a = axis(Scale::Log, 1e-4, 1.0);
    assert!((a.from_unit(0.5) - 0.01).abs() < 1e-15);
    assert!((a.to_unit(0.01) - 0.5).abs() < 1e-12);
    // beta = 1 - 10^r with r ~ U(-3, -1): u = 0.5 -> r = -2 -> 0.99
    let b = axis(Scale::LogOneMinus, 0.9, 0.999);
    assert!((b.from_unit(0.5) - 0.99).abs() < 1e-12);
    // the quiz: r in [0, 1), beta = 1 - 10^(-r-1) is the same rule on [0.9, 0.99]
    let q = axis(Scale::LogOneMinus, 0.9, 0.99);
    for r in [0.0, 0.25, 0.5, 0.999] {
        // the quiz's r counts from the top: u = 1 - r
        assert!((q.from_unit(1.0 - r) - (1.0 - 10f64.powf(-r - 1.0))).abs() < 1e-12);
    }
}

#[test]
fn bad_ranges_are_refused_with_a_reason() {
    let bad = |scale, low, high| AxisConfig { scale, low, high }.validate().unwrap_err();
    assert!(matches!(
        bad(Scale::Linear, 1.0, 1.0),
        SamplingError::LowNotBelowHigh { .. }
    ));
    assert!(matches!(
        bad(Scale::Log, 0.0, 1.0),
        SamplingError::LogNeedsPositiveLow { .. }
    ));
    assert!(matches!(
        bad(Scale::Log, -1.0, 1.0),
        SamplingError::LogNeedsPositiveLow { .. }
    ));
    assert!(matches!(
        bad(Scale::LogOneMinus, 0.9, 1.0),
        SamplingError::OneMinusOutsideUnit { .. }
    ));
    assert!(matches!(
        bad(Scale::LogOneMinus, 0.0, 0.5),
        SamplingError::OneMinusOutsideUnit { .. }
    ));
    assert!(matches!(bad(Scale::Integer, 1.5, 4.0), SamplingError::NotWhole { .. }));
    assert!(matches!(bad(Scale::Linear, f64::NAN, 1.0), SamplingError::NotFinite));
    assert!(matches!(
        bad(Scale::Choice { count: 0 }, 0.0, 0.0),
        SamplingError::NoOptions
    ));
    let a = axis(Scale::Linear, 0.0, 1.0);
    assert!(matches!(
        a.sample_n(MAX_SAMPLES + 1, &mut seeded(1)),
        Err(SamplingError::TooMany { .. })
    ));
    assert!(bad(Scale::Log, 0.0, 1.0).to_string().contains("low > 0"));
}

#[test]
fn grid_tries_n_distinct_values_per_axis_and_random_tries_n_squared() {
    for n in [3usize, 5, 10] {
        let g = grid(Surface::OneMatters, n, (0.0, 0.0));
        assert_eq!(g.len(), n * n);
        let us: Vec<f64> = g.iter().map(|t| t.u).collect();
        let vs: Vec<f64> = g.iter().map(|t| t.v).collect();
        assert_eq!(distinct(&us), n);
        assert_eq!(distinct(&vs), n);
        let r = random(Surface::OneMatters, n * n, &UnitBox::FULL, &mut seeded(n as u64));
        assert_eq!(distinct(&r.iter().map(|t| t.u).collect::<Vec<_>>()), n * n);
        // a 1-D grid on a scale: 5 values at the cell centres (u = 0.1, 0.3, ... -> 10^-3.6, ...)
        let a = axis(Scale::Log, 1e-4, 1.0).grid(5);
        assert!((a[2] - 0.01).abs() < 1e-15 && (a[0] - 10f64.powf(-3.6)).abs() < 1e-15);
    }
}

#[test]
fn coarse_to_fine_boxes_shrink_and_hold_the_best_points() {
    for surface in [Surface::OneMatters, Surface::BothMatter, Surface::Interaction] {
        for seed in 0..20 {
            let cfg = CoarseToFineConfig {
                rounds: 4,
                per_round: 20,
                keep: 3,
                pad: 0.1,
            };
            let rounds = cfg.run(surface, &mut seeded(seed)).unwrap();
            assert_eq!(rounds[0].region, UnitBox::FULL);
            for w in rounds.windows(2) {
                let (outer, inner) = (&w[0].region, &w[1].region);
                assert!(inner.area() <= outer.area() + 1e-15);
                assert!(inner.u0 >= outer.u0 && inner.u1 <= outer.u1 && inner.v0 >= outer.v0 && inner.v1 <= outer.v1);
                // the next box holds the 3 best points of the round before
                let mut sorted = w[0].trials.clone();
                sorted.sort_by(|a, b| a.error.total_cmp(&b.error));
                for t in &sorted[..3] {
                    assert!(inner.contains(t.u, t.v));
                }
                // every point of a round lies in its box
                assert!(w[1].trials.iter().all(|t| inner.contains(t.u, t.v)));
            }
            // on these surfaces the box really shrinks over the rounds
            assert!(
                rounds[3].region.area() < 0.5,
                "{surface:?} seed {seed}: {:?}",
                rounds[3].region
            );
        }
    }
    // zoom keeps a box that already fits
    let tight = zoom(&UnitBox::FULL, &[], 3, 0.1);
    assert_eq!(tight, UnitBox::FULL);
    assert!(CoarseToFineConfig {
        keep: 30,
        per_round: 10,
        ..Default::default()
    }
    .run(Surface::OneMatters, &mut seeded(1))
    .is_err());
}

#[test]
fn identical_seeds_give_identical_output() {
    let a = CoarseToFineConfig::default()
        .run(Surface::Interaction, &mut seeded(9))
        .unwrap();
    let b = CoarseToFineConfig::default()
        .run(Surface::Interaction, &mut seeded(9))
        .unwrap();
    assert_eq!(a, b);
    let s1 = StudyConfig {
        repeats: 50,
        ..Default::default()
    }
    .run(&mut seeded(3))
    .unwrap();
    let s2 = StudyConfig {
        repeats: 50,
        ..Default::default()
    }
    .run(&mut seeded(3))
    .unwrap();
    assert_eq!(s1, s2);
    let x = axis(Scale::Log, 1e-4, 1.0).sample_n(100, &mut seeded(4)).unwrap();
    assert_eq!(x, axis(Scale::Log, 1e-4, 1.0).sample_n(100, &mut seeded(4)).unwrap());
    assert_ne!(x, axis(Scale::Log, 1e-4, 1.0).sample_n(100, &mut seeded(5)).unwrap());
}

#[test]
fn random_beats_the_grid_when_one_parameter_matters() {
    // 1 - 0.95^n: python 1 - 0.95**25 = 0.7226, 1 - 0.95**60 = 0.9539
    assert!((hit_chance(25) - 0.722_610_7).abs() < 1e-6);
    assert!((hit_chance(60) - 0.953_930_9).abs() < 1e-6);
    assert_eq!(hit_chance(0), 0.0);
    let s = StudyConfig {
        n: 5,
        repeats: 1_000,
        surface: Surface::OneMatters,
    }
    .run(&mut seeded(1))
    .unwrap();
    assert_eq!(s.grid_best.len(), 1_000);
    assert_eq!(s.budget, 25);
    // random search's hit rate of the top 5% is 1 - 0.95^25 within 5 binomial SE (n = 1000:
    // sqrt(0.72 * 0.28 / 1000) = 0.0142 -> 0.071)
    assert!(
        (s.random_hit_rate - hit_chance(25)).abs() < 0.071,
        "{}",
        s.random_hit_rate
    );
    // the grid tries only 5 alphas: it hits the top 5% less often and loses most repeats
    assert!(
        s.grid_hit_rate < s.random_hit_rate,
        "{} vs {}",
        s.grid_hit_rate,
        s.random_hit_rate
    );
    assert!(s.random_wins > 0.5, "{}", s.random_wins);
    // the threshold really is the 5% quantile of the surface
    let t = top5_threshold(Surface::OneMatters);
    let g = grid(Surface::OneMatters, 100, (0.0, 0.0));
    let below = g.iter().filter(|x| x.error <= t).count() as f64 / g.len() as f64;
    assert!((below - 0.05).abs() < 0.01, "{below}");
    assert!(best(&g).unwrap().error < t);
}

#[test]
fn histogram_counts_every_value_inside_the_edges() {
    let edges = [0.0, 1.0, 2.0, 3.0];
    assert_eq!(histogram(&[0.0, 0.5, 1.0, 2.9, 3.0, -1.0, 3.5], &edges), vec![2, 1, 2]);
}

#[test]
fn uniform_histogram_matches_the_general_one() {
    use trainlab::core::sampling::histogram_uniform;
    let xs = axis(Scale::Linear, -1.0, 3.0).sample_n(5_000, &mut seeded(8)).unwrap();
    let edges: Vec<f64> = (0..=16).map(|i| -1.0 + 0.25 * i as f64).collect();
    assert_eq!(histogram_uniform(&xs, -1.0, 3.0, 16), histogram(&xs, &edges));
    assert_eq!(histogram_uniform(&[3.0, -1.0, 5.0], -1.0, 3.0, 4), vec![1, 0, 0, 1]);
}

#[test]
fn the_study_tries_the_same_points_as_the_searches() {
    // one repeat by hand: the grid shifted by the offset drawn first, then n^2 random points
    use rand::RngExt;
    let s = StudyConfig {
        n: 4,
        repeats: 1,
        surface: Surface::BothMatter,
    }
    .run(&mut seeded(12))
    .unwrap();
    let mut rng = seeded(12);
    let cell = 0.25;
    let offset = (cell * (rng.random::<f64>() - 0.5), cell * (rng.random::<f64>() - 0.5));
    let g = best(&grid(Surface::BothMatter, 4, offset)).unwrap().error;
    let r = best(&random(Surface::BothMatter, 16, &UnitBox::FULL, &mut rng))
        .unwrap()
        .error;
    assert_eq!((s.grid_best[0], s.random_best[0]), (g, r));
}
