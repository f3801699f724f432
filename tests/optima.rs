//! view=optima: the share of minima among random critical points against `2^-d` within binomial
//! bounds, the GOE share at d = 1, 2, 3 against its closed form and an independent Monte Carlo
//! (its own generator and Sylvester's criterion instead of Cholesky), the descents on the saddle
//! against the closed form of gradient descent on `x^2 / 2`, and refused settings as notices.
use trainlab::app::Mounted;
use trainlab::core::critical::{independent_share, wilson, CriticalConfig, CriticalError, HessianModel};
use trainlab::core::lab::optima::{FlatConfig, FlatKind};
use trainlab::core::optim::OptimizerKind;

/// Draws of each model in the share tests.
const DRAWS: usize = 100_000;

fn shares(max_dim: usize, seed: u64) -> (Vec<f64>, Vec<f64>) {
    let mut s = CriticalConfig {
        max_dim,
        draws: DRAWS,
        seed,
    }
    .validate()
    .unwrap();
    while !s.finished() {
        s.advance(10_000);
    }
    assert_eq!(s.done(), DRAWS);
    (s.shares(HessianModel::IndependentSigns), s.shares(HessianModel::Goe))
}

/// `z` binomial standard errors of a share `p` measured on `n` draws (plus one count, so a
/// share near 0 still gets a bound).
fn bound(p: f64, n: usize, z: f64) -> f64 {
    z * (p * (1.0 - p) / n as f64).sqrt() + 1.0 / n as f64
}

#[test]
fn independent_signs_give_minima_in_two_to_the_minus_d_of_the_draws() {
    let (ind, _) = shares(12, 7);
    for (k, &got) in ind.iter().enumerate() {
        let d = k + 1;
        let p = 0.5f64.powi(d as i32);
        assert_eq!(independent_share(d), p);
        // 4.5 standard errors: twelve dimensions all inside with overwhelming probability
        assert!((got - p).abs() <= bound(p, DRAWS, 4.5), "d {d}: {got} vs {p}");
        // so does the Wilson interval at four standard errors, for the dimensions with p >> 1/n
        if d <= 8 {
            let (lo, hi) = wilson((got * DRAWS as f64).round() as u64, DRAWS as u64, 4.0);
            assert!(lo <= p && p <= hi, "d {d}: [{lo}, {hi}] vs {p}");
        }
    }
    // each dimension's share at most the one before (a leading block of a draw)
    assert!(ind.windows(2).all(|w| w[1] <= w[0]));
}

/// A splitmix64 stream and Box–Muller normals: a generator unrelated to the crate's.
struct Normals(u64);

impl Normals {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.uniform();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * self.uniform()).cos()
    }
}

/// The share of GOE(d) draws, `H_ii ~ N(0, 2)`, `H_ij ~ N(0, 1)`, that are positive definite by
/// Sylvester's criterion (every leading minor positive), for d = 1, 2, 3.
fn goe_by_minors(n: usize) -> [f64; 3] {
    let mut g = Normals(2026);
    let mut hits = [0usize; 3];
    for _ in 0..n {
        let s2 = std::f64::consts::SQRT_2;
        let (a, d, f) = (s2 * g.normal(), s2 * g.normal(), s2 * g.normal());
        let (b, c, e) = (g.normal(), g.normal(), g.normal());
        // [[a, b, c], [b, d, e], [c, e, f]]
        let m2 = a * d - b * b;
        let m3 = a * (d * f - e * e) - b * (b * f - c * e) + c * (b * e - c * d);
        hits[0] += (a > 0.0) as usize;
        hits[1] += (a > 0.0 && m2 > 0.0) as usize;
        hits[2] += (a > 0.0 && m2 > 0.0 && m3 > 0.0) as usize;
    }
    hits.map(|h| h as f64 / n as f64)
}

#[test]
fn goe_minima_are_rarer_than_two_to_the_minus_d_and_match_the_closed_form_and_an_independent_count() {
    let (ind, goe) = shares(12, 11);
    let mc = goe_by_minors(DRAWS);
    // d = 1: P(N(0, 2) > 0) = 1/2; d = 2: (2 - sqrt 2) / 4 (Dean & Majumdar 2006)
    let exact = [0.5, (2.0 - std::f64::consts::SQRT_2) / 4.0];
    for d in 0..2 {
        assert!(
            (goe[d] - exact[d]).abs() <= bound(exact[d], DRAWS, 4.5),
            "d {}: {} vs {}",
            d + 1,
            goe[d],
            exact[d]
        );
        assert!(
            (mc[d] - exact[d]).abs() <= bound(exact[d], DRAWS, 4.5),
            "mc d {}: {}",
            d + 1,
            mc[d]
        );
    }
    // d = 3: two estimates of the same share from unrelated draws (difference of two samples)
    let p = 0.5 * (goe[2] + mc[2]);
    assert!(
        (goe[2] - mc[2]).abs() <= 2f64.sqrt() * bound(p, DRAWS, 4.5),
        "{} vs {}",
        goe[2],
        mc[2]
    );
    // the repulsion of eigenvalues: from d = 2 on, far fewer minima than independent signs
    for d in 1..6 {
        assert!(goe[d] < 0.75 * ind[d], "d {}: {} vs {}", d + 1, goe[d], ind[d]);
    }
    // at d = 5 the large-d law exp(-ln 3 / 4 d^2) is already the right order: under 0.3%
    assert!(goe[4] < 3e-3 && goe[4] > 1e-5, "{}", goe[4]);
    assert!(goe[11] == 0.0 || goe[11] < 1.0 / DRAWS as f64 * 5.0);
}

#[test]
fn wilson_interval_matches_its_formula() {
    // k = 20 of n = 100 at z = 1.96, worked by hand from (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    let (lo, hi) = wilson(20, 100, 1.96);
    assert!(
        (lo - 0.133_367).abs() < 1e-5 && (hi - 0.288_831).abs() < 1e-5,
        "{lo} {hi}"
    );
    let (lo, hi) = wilson(0, 50, 1.96);
    assert_eq!(lo, 0.0);
    assert!(hi > 0.05 && hi < 0.08, "{hi}");
}

#[test]
fn gradient_descent_on_the_saddle_follows_its_closed_form() {
    // f = x^2/2 + (y^2 - 1)^2 / 4: df/dx = x, so x_t = x0 (1 - lr)^t exactly; near the ridge
    // df/dy = y (y^2 - 1) ~ -y, so y_t ~ y0 (1 + lr)^t while y stays small
    let c = FlatConfig {
        kind: FlatKind::Saddle,
        start: [-2.5, 0.001],
        steps: 300,
        lr: 0.1,
        ..Default::default()
    };
    let paths = c.run().unwrap();
    let gd = &paths[0];
    assert_eq!(gd.kind, OptimizerKind::Sgd);
    for t in [1, 10, 40] {
        let p = gd.points[t];
        assert!((p[0] - (-2.5 * 0.9f64.powi(t as i32))).abs() < 1e-12, "t {t}: {p:?}");
        let y = 0.001 * 1.1f64.powi(t as i32);
        assert!((p[1] - y).abs() < 0.01 * y, "t {t}: {} vs {y}", p[1]);
    }
    // it reaches the saddle's level 1/4 and crawls there before falling to a minimum at y = +-1
    assert!(gd.losses.iter().any(|&f| (f - 0.25).abs() < 1e-3));
    let end = gd.points.last().unwrap();
    assert!(end[0].abs() < 1e-6 && (end[1].abs() - 1.0).abs() < 1e-6, "{end:?}");
    // the escape: the first loss under 1/8; ln(~0.5 / 0.001) / ln 1.1 ~ 65 steps at least
    let escape = gd.escape.unwrap();
    assert!(escape > 50, "{escape}");
    assert!(gd.losses[escape] <= 0.125 && gd.losses[..escape].iter().all(|&f| f > 0.125));
    // momentum and Adam leave the flat ground sooner
    for p in &paths[1..] {
        assert!(p.escape.unwrap() < escape, "{:?} {:?}", p.kind, p.escape);
    }
}

#[test]
fn the_plateau_is_flat_and_plain_descent_crawls_longest() {
    let k = FlatKind::Plateau;
    // the gradient at the default start (-5.5, 1): (x/4, y) exp(-(x^2/4 + y^2)/2), by hand
    let e = (-(5.5f64 * 5.5 / 4.0 + 1.0) / 2.0).exp();
    let g = k.grad(-5.5, 1.0);
    assert!((g[0] - (-5.5 / 4.0 * e)).abs() < 1e-15 && (g[1] - e).abs() < 1e-15);
    assert!(g[0].hypot(g[1]) < 0.05);
    // finite differences agree with the gradient on both surfaces
    for kind in [FlatKind::Plateau, FlatKind::Saddle] {
        for (x, y) in [(-1.3, 0.4), (0.7, -1.1), (2.0, 0.2)] {
            let h = 1e-6;
            let fx = (kind.value(x + h, y) - kind.value(x - h, y)) / (2.0 * h);
            let fy = (kind.value(x, y + h) - kind.value(x, y - h)) / (2.0 * h);
            let g = kind.grad(x, y);
            assert!(
                (fx - g[0]).abs() < 1e-7 && (fy - g[1]).abs() < 1e-7,
                "{kind:?} ({x}, {y})"
            );
        }
    }
    let paths = FlatConfig::default().run().unwrap();
    let esc: Vec<usize> = paths.iter().map(|p| p.escape.unwrap_or(usize::MAX)).collect();
    assert!(esc[1] < esc[0] && esc[2] < esc[0], "{esc:?}");
    assert!(paths[0].flat_steps(k, 0.05) > paths[2].flat_steps(k, 0.05));
}

#[test]
fn refused_settings_name_their_parameter() {
    let bad = CriticalConfig {
        max_dim: 61,
        ..Default::default()
    };
    assert_eq!(bad.validate().unwrap_err(), CriticalError::MaxDim(61));
    for (query, param) in [
        ("max_dim=100", "max_dim"),
        ("draws=20000000", "draws"),
        ("steps=15000", "steps"),
        ("mu=1", "mu"),
        ("surface=cliff", "surface"),
    ] {
        let mut v = Mounted::new("optima").unwrap();
        let notices = v.set(query);
        assert!(notices.iter().any(|n| n.param == param), "{query}: {notices:?}");
        assert!(v.svg(600, 400, trainlab::chart::Lang::En).is_ok());
    }
}

/// The view's data at `query` over its defaults.
fn data(query: &str) -> serde_json::Value {
    let mut v = Mounted::new("optima").unwrap();
    assert!(v.set(query).is_empty(), "{query}");
    v.data()
}

#[test]
fn the_numbers_the_try_this_steps_quote() {
    // www/text/optima.js: "about 390 steps", "after 62", "after 29"; the saddle "68, 25, 23";
    // mu = 0.5 "199 steps"; Adam at 0.01 "211 steps"
    let escapes = |q: &str| -> Vec<Option<u64>> {
        let d = data(q);
        (0..3).map(|k| d["paths"][k]["escape"].as_u64()).collect()
    };
    let e = escapes("");
    assert!(
        (380..=400).contains(&e[0].unwrap()) && e[1] == Some(62) && e[2] == Some(29),
        "{e:?}"
    );
    assert_eq!(escapes("surface=saddle&steps=120"), [Some(68), Some(25), Some(23)]);
    assert_eq!(escapes("mu=0.5")[1], Some(199));
    assert_eq!(escapes("lr_adam=0.01")[2], Some(211));
    assert_eq!(escapes("surface=saddle&saddle_y0=0&steps=200"), [None, None, None]);
}
