//! Surfaces, contours and races of `core::{surface, contour, race}`.
use trainlab::core::lab::race::{RaceConfig, RaceError, MAX_STEPS};
use trainlab::core::math::contour::{levels, Grid};
use trainlab::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use trainlab::core::schedule::{ScheduleConfig, ScheduleKind};
use trainlab::core::surface::{SurfaceConfig, SurfaceKind};

fn surface(kind: SurfaceKind) -> trainlab::core::surface::Surface {
    SurfaceConfig { kind, condition: 50.0 }.validate().unwrap()
}

#[test]
fn every_gradient_matches_central_differences() {
    // (f(p + h e_i) - f(p - h e_i)) / 2h has error O(h^2) ~ 1e-10 here.
    let h = 1e-5;
    for kind in SurfaceKind::ALL {
        let s = surface(kind);
        for &(x, y) in &[(-7.0, 2.0), (0.3, -0.4), (5.0, 1.0), (-2.2, -4.1), (9.0, 3.3)] {
            let g = s.grad(x, y);
            let gx = (s.value(x + h, y) - s.value(x - h, y)) / (2.0 * h);
            let gy = (s.value(x, y + h) - s.value(x, y - h)) / (2.0 * h);
            let tol = 1e-6 * (1.0 + g[0].abs().max(g[1].abs()));
            assert!(
                (g[0] - gx).abs() < tol && (g[1] - gy).abs() < tol,
                "{kind:?} at ({x},{y}): {g:?} vs ({gx},{gy})"
            );
        }
        if let Some((x, y, f)) = s.minimum() {
            assert!(s.value(x, y).abs() < 1e-12 && f == 0.0);
            assert!(
                s.grad(x, y).iter().all(|g| g.abs() < 1e-12),
                "{kind:?}: gradient 0 at the minimum"
            );
        }
    }
    // the rotated quadratic with condition 20 and curvatures (0.1, 2) has the bowl's eigenvalues:
    // f at distance r along the valley is 0.05 r^2 and across it r^2.
    let r = SurfaceConfig {
        kind: SurfaceKind::Rotated,
        condition: 20.0,
    }
    .validate()
    .unwrap();
    let (s, c) = 30f64.to_radians().sin_cos();
    assert!((r.value(3.0 * c, 3.0 * s) - 0.05 * 9.0).abs() < 1e-12);
    assert!((r.value(-3.0 * s, 3.0 * c) - 9.0).abs() < 1e-12);
    assert!(SurfaceConfig {
        kind: SurfaceKind::Rotated,
        condition: 0.5
    }
    .validate()
    .is_err());
}

fn race(steps: usize, noise: f64, seed: u64) -> trainlab::core::lab::race::Race {
    RaceConfig {
        steps,
        noise,
        seed,
        ..RaceConfig::default()
    }
    .validate()
    .unwrap()
}

#[test]
fn a_race_is_the_optimizer_applied_to_a_two_vector() {
    // DLFS preset: start (-7, 2), 30 steps, SGD lr 0.95: x_t = -7 (0.905)^t, y_t = 2 (-0.9)^t.
    let s = surface(SurfaceKind::Bowl);
    let sgd = OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, 0.95)
        .validate()
        .unwrap();
    let path = race(30, 0.0, 1).run(&s, &sgd);
    assert_eq!(path.points.len(), 31);
    assert_eq!(path.diverged_at, None);
    for (t, p) in path.points.iter().enumerate() {
        assert!((p[0] + 7.0 * 0.905f64.powi(t as i32)).abs() < 1e-12);
        assert!((p[1] - 2.0 * (-0.9f64).powi(t as i32)).abs() < 1e-12);
        assert!((path.losses[t] - (p[0] * p[0] / 20.0 + p[1] * p[1])).abs() < 1e-12);
    }
    assert!(path.lrs.iter().all(|&lr| lr == 0.95));
}

#[test]
fn divergence_stops_the_path_and_keeps_only_finite_points() {
    let s = surface(SurfaceKind::Bowl);
    // lr 25: y_t = 2 (1 - 50)^t = 2 (-49)^t passes 1e6 at t = 4 (2 * 49^4 = 11.5e6; 2 * 49^3 = 235,298).
    let sgd = OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, 25.0)
        .validate()
        .unwrap();
    let path = race(100, 0.0, 1).run(&s, &sgd);
    assert_eq!(path.diverged_at, Some(4));
    assert_eq!(path.points.len(), 4, "start + 3 finite steps");
    assert!(path.points.iter().flatten().all(|v| v.is_finite()));
    // an lr so large that the first step overflows to infinity
    let huge = OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, 1e308)
        .validate()
        .unwrap();
    let path = race(10, 0.0, 1).run(&s, &huge);
    assert_eq!(path.diverged_at, Some(1));
    assert_eq!(path.points.len(), 1);
    // a sensible one does not diverge
    let ok = OptimizerConfig::new(OptimizerKind::Adam, Convention::Ng, 0.3)
        .validate()
        .unwrap();
    assert_eq!(race(1000, 0.0, 1).run(&s, &ok).diverged_at, None);
}

#[test]
fn same_seed_same_noisy_path_other_seed_other_path() {
    let s = surface(SurfaceKind::Multimodal);
    let o = OptimizerConfig::new(OptimizerKind::Momentum, Convention::Dlfs, 0.05)
        .validate()
        .unwrap();
    let a = race(200, 0.5, 7).run(&s, &o);
    let b = race(200, 0.5, 7).run(&s, &o);
    let c = race(200, 0.5, 8).run(&s, &o);
    assert_eq!(a, b);
    assert_ne!(a.points, c.points);
    // no noise: the seed does not matter
    assert_eq!(race(50, 0.0, 1).run(&s, &o), race(50, 0.0, 2).run(&s, &o));
}

#[test]
fn the_schedule_sets_each_steps_learning_rate() {
    let s = surface(SurfaceKind::Bowl);
    let o = OptimizerConfig::new(OptimizerKind::Sgd, Convention::Ng, 0.5)
        .validate()
        .unwrap();
    let r = RaceConfig {
        steps: 5,
        schedule: ScheduleConfig {
            kind: ScheduleKind::InverseTime,
            decay_rate: 1.0,
            ..Default::default()
        },
        ..RaceConfig::default()
    }
    .validate()
    .unwrap();
    let path = r.run(&s, &o);
    // lr_t = 0.5 / (1 + t); x_{t} = x_{t-1} (1 - lr_t / 10)
    let mut x = -7.0;
    for t in 1..=5 {
        let lr = 0.5 / (1.0 + t as f64);
        assert!((path.lrs[t - 1] - lr).abs() < 1e-15);
        x *= 1.0 - lr / 10.0;
        assert!((path.points[t][0] - x).abs() < 1e-12);
    }
}

#[test]
fn bad_race_settings_are_refused() {
    let too_many = RaceConfig {
        steps: MAX_STEPS + 1,
        ..RaceConfig::default()
    }
    .validate();
    assert_eq!(too_many.err(), Some(RaceError::TooManySteps(MAX_STEPS + 1)));
    assert!(RaceConfig {
        start: [f64::NAN, 0.0],
        ..RaceConfig::default()
    }
    .validate()
    .is_err());
    assert!(RaceConfig {
        noise: -1.0,
        ..RaceConfig::default()
    }
    .validate()
    .is_err());
}

#[test]
fn marching_squares_traces_a_circle_as_one_closed_line() {
    // f = x^2 + y^2 on [-2, 2]^2, level 1: the unit circle. Linear interpolation along cell
    // edges puts each crossing within ~h^2 of the circle (h = 4/100).
    let g = Grid::sample(101, 101, (-2.0, 2.0), (-2.0, 2.0), |x, y| x * x + y * y);
    let lines = g.contour(1.0);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert!(line.len() > 100);
    assert_eq!(line.first(), line.last(), "closed");
    for p in line {
        assert!(((p[0] * p[0] + p[1] * p[1]).sqrt() - 1.0).abs() < 2e-3, "{p:?}");
    }
    // the saddle's level 0 is two crossing lines; levels above its maximum give nothing
    let s = Grid::sample(40, 40, (-1.0, 1.0), (-1.0, 1.0), |x, y| x * x - y * y);
    assert!(s.contour(5.0).is_empty());
    assert!(!s.contour(0.1).is_empty());
}

#[test]
fn levels_are_geometric_above_a_minimum_and_even_otherwise() {
    let l = levels(0.0, 10.0, 5, true);
    assert!((l[0] - 6.0).abs() < 1e-12 && (l[4] - 1e-3).abs() < 1e-15);
    let ratio = l[1] / l[0];
    for w in l.windows(2) {
        assert!((w[1] / w[0] - ratio).abs() < 1e-12);
    }
    assert_eq!(levels(-1.0, 1.0, 3, false), vec![-0.5, 0.0, 0.5]);
    assert!(levels(1.0, 1.0, 3, true).is_empty());
}
