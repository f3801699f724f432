//! view=normalise: the two bowls against independent computations from the data themselves
//! (moments, the normal equations solved by elimination, the Hessian's eigenvalues by the
//! characteristic polynomial, gradient descent run by hand below and above 2 / lambda_max), the
//! closed form of the standardised bowl's condition number, and bad input as notices.
use trainlab::app::params::Problem;
use trainlab::app::Mounted;
use trainlab::core::lab::normalise::{NormaliseConfig, NormaliseError, Transform};

/// Mean and population variance of column `j`, and the covariance of the two columns.
fn stats(x: &[[f64; 2]]) -> ([f64; 2], [f64; 2], f64) {
    let n = x.len() as f64;
    let mean = [0, 1].map(|j| x.iter().map(|p| p[j]).sum::<f64>() / n);
    let var = [0, 1].map(|j| x.iter().map(|p| (p[j] - mean[j]).powi(2)).sum::<f64>() / n);
    let cov = x.iter().map(|p| (p[0] - mean[0]) * (p[1] - mean[1])).sum::<f64>() / n;
    (mean, var, cov)
}

/// The least-squares `(w1, w2, b)` of `y ~ w . x + b`: the 3 x 3 normal equations `A^T A v =
/// A^T y` with `A = [x1 x2 1]`, solved by Gaussian elimination with partial pivoting.
fn normal_equations(x: &[[f64; 2]], y: &[f64]) -> [f64; 3] {
    let mut m = [[0.0f64; 4]; 3];
    for (p, &t) in x.iter().zip(y) {
        let a = [p[0], p[1], 1.0];
        for r in 0..3 {
            for c in 0..3 {
                m[r][c] += a[r] * a[c];
            }
            m[r][3] += a[r] * t;
        }
    }
    for k in 0..3 {
        let p = (k..3).max_by(|&a, &b| m[a][k].abs().total_cmp(&m[b][k].abs())).unwrap();
        m.swap(k, p);
        for r in k + 1..3 {
            let f = m[r][k] / m[k][k];
            let pivot = m[k];
            for (cell, p) in m[r].iter_mut().zip(pivot).skip(k) {
                *cell -= f * p;
            }
        }
    }
    let mut v = [0.0; 3];
    for k in (0..3).rev() {
        let s: f64 = (k + 1..3).map(|c| m[k][c] * v[c]).sum();
        v[k] = (m[k][3] - s) / m[k][k];
    }
    v
}

/// The eigenvalues of the symmetric `[[a, b], [b, d]]`, largest first, as the roots of
/// `l^2 - (a + d) l + (a d - b^2)` by the quadratic formula.
fn eigen(a: f64, b: f64, d: f64) -> [f64; 2] {
    let (t, det) = (a + d, a * d - b * b);
    let r = (t * t - 4.0 * det).max(0.0).sqrt();
    [(t + r) / 2.0, (t - r) / 2.0]
}

/// The mean squared error over two of `w` on rows `x`, targets `y - bias`.
fn cost(x: &[[f64; 2]], y: &[f64], bias: f64, w: [f64; 2]) -> f64 {
    let n = x.len() as f64;
    x.iter()
        .zip(y)
        .map(|(p, t)| (w[0] * p[0] + w[1] * p[1] + bias - t).powi(2))
        .sum::<f64>()
        / (2.0 * n)
}

/// `steps` steps of gradient descent on [`cost`], the gradient summed over the rows by hand.
fn descend(x: &[[f64; 2]], y: &[f64], bias: f64, lr: f64, steps: usize) -> [f64; 2] {
    let n = x.len() as f64;
    let mut w = [0.0, 0.0];
    for _ in 0..steps {
        let mut g = [0.0; 2];
        for (p, t) in x.iter().zip(y) {
            let r = w[0] * p[0] + w[1] * p[1] + bias - t;
            g[0] += r * p[0] / n;
            g[1] += r * p[1] / n;
        }
        w = [w[0] - lr * g[0], w[1] - lr * g[1]];
    }
    w
}

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()).max(1e-12)
}

#[test]
fn the_standardised_bowl_is_the_correlation_matrix_with_condition_one_plus_r_over_one_minus_r() {
    for rho in [0.0, 0.5, -0.8] {
        let s = NormaliseConfig {
            rho,
            ..Default::default()
        }
        .run()
        .unwrap();
        // the sample correlation r of the raw training features, from their own moments
        let (_, var, cov) = stats(&s.raw.train);
        let r = cov / (var[0] * var[1]).sqrt();
        let h = s.transformed.cost.h;
        assert!(close(h[0][0], 1.0, 1e-9) && close(h[1][1], 1.0, 1e-9), "{h:?}");
        assert!((h[0][1] - r).abs() < 1e-9, "{} vs r = {r}", h[0][1]);
        // eigenvalues 1 +- |r|: condition (1 + |r|) / (1 - |r|)
        let kappa = (1.0 + r.abs()) / (1.0 - r.abs());
        assert!(
            close(s.transformed.cost.condition(), kappa, 1e-9),
            "rho {rho}: {} vs {kappa}",
            s.transformed.cost.condition()
        );
        assert!(close(s.transformed.cost.max_stable_lr(), 2.0 / (1.0 + r.abs()), 1e-9));
        // near rho: a sample of 200
        assert!((r - rho).abs() < 0.15, "rho {rho}, r {r}");
    }
}

#[test]
fn the_raw_bowl_is_elongated_and_its_eigenvalues_match_the_characteristic_polynomial() {
    let s = NormaliseConfig::default().run().unwrap();
    // H = E[x x^T] of the raw training rows
    let n = s.raw.train.len() as f64;
    let e = |a: usize, b: usize| s.raw.train.iter().map(|p| p[a] * p[b]).sum::<f64>() / n;
    let h = s.raw.cost.h;
    for (a, b) in [(0, 0), (0, 1), (1, 1)] {
        assert!(close(h[a][b], e(a, b), 1e-12));
    }
    let [big, small] = eigen(e(0, 0), e(0, 1), e(1, 1));
    let got = s.raw.cost.eigenvalues();
    assert!(
        close(got[0], big, 1e-9) && close(got[1], small, 1e-6),
        "{got:?} vs {big}, {small}"
    );
    // means 5 and 1, sigmas 2 and 0.25: E[x1^2] ~ 29, the bowl over a hundred times longer than wide
    assert!(s.raw.cost.condition() > 100.0, "{}", s.raw.cost.condition());
    assert!(
        s.transformed.cost.condition() < 1.5,
        "{}",
        s.transformed.cost.condition()
    );
    // the largest stable rate: far smaller raw than standardised
    assert!(s.raw.cost.max_stable_lr() < 0.1 && s.transformed.cost.max_stable_lr() > 1.5);
}

#[test]
fn two_over_lambda_max_separates_convergence_from_divergence_in_both_spaces() {
    let s = NormaliseConfig::default().run().unwrap();
    for space in [&s.raw, &s.transformed] {
        let limit = 2.0 / space.cost.eigenvalues()[0];
        assert!(close(space.cost.max_stable_lr(), limit, 1e-12));
        let start = cost(&space.train, &s.train_y, space.bias, [0.0, 0.0]);
        // 2,000 hand-run steps just below the limit shrink the cost, just above it grow it
        let below = descend(&space.train, &s.train_y, space.bias, 0.95 * limit, 2000);
        let above = descend(&space.train, &s.train_y, space.bias, 1.05 * limit, 2000);
        assert!(cost(&space.train, &s.train_y, space.bias, below) < start);
        assert!(cost(&space.train, &s.train_y, space.bias, above) > 1e6 * start);
    }
}

#[test]
fn the_fit_matches_the_normal_equations_and_the_bowl_minimum() {
    let s = NormaliseConfig::default().run().unwrap();
    for space in [&s.raw, &s.transformed] {
        let v = normal_equations(&space.train, &s.train_y);
        assert!(close(space.optimum[0], v[0], 1e-8) && close(space.optimum[1], v[1], 1e-8));
        assert!(close(space.bias, v[2], 1e-8), "{} vs {}", space.bias, v[2]);
        // with the bias held at b*, the bowl's minimum is the fit and its value the MSE / 2
        let m = space.cost.minimum().unwrap();
        assert!((m[0] - v[0]).abs() < 1e-8 && (m[1] - v[1]).abs() < 1e-8);
        let mse = cost(&space.train, &s.train_y, v[2], [v[0], v[1]]);
        assert!(close(space.min_cost, mse, 1e-8), "{} vs {mse}", space.min_cost);
        // the path is gradient descent on that cost
        let w = descend(&space.train, &s.train_y, space.bias, s.config.lr, s.config.steps);
        let end = space.path.points.last().unwrap();
        assert!(
            (end[0] - w[0]).abs() < 1e-9 && (end[1] - w[1]).abs() < 1e-9,
            "{end:?} vs {w:?}"
        );
    }
    // the same model in two coordinates: w_raw = w_std / sigma; the standardised weights are
    // near the generating (2, 1) (noise 0.5 on 200 rows)
    let sd = s.train_moments.sd;
    for (j, sd) in sd.iter().enumerate() {
        assert!(close(s.raw.optimum[j], s.transformed.optimum[j] / sd, 1e-8));
    }
    assert!((s.transformed.optimum[0] - 2.0).abs() < 0.2 && (s.transformed.optimum[1] - 1.0).abs() < 0.2);
}

#[test]
fn the_test_set_is_transformed_with_the_training_statistics() {
    let s = NormaliseConfig::default().run().unwrap();
    let (mean, var, _) = stats(&s.raw.train);
    let sd = var.map(f64::sqrt);
    for j in 0..2 {
        assert!(close(s.train_moments.mean[j], mean[j], 1e-12) && close(s.train_moments.sd[j], sd[j], 1e-12));
    }
    for (raw, t) in s.raw.test.iter().zip(&s.transformed.test) {
        for j in 0..2 {
            assert!(((raw[j] - mean[j]) / sd[j] - t[j]).abs() < 1e-12);
        }
    }
    // the training rows land on exactly 0 and 1; the test rows only near them
    let (tm, tv, _) = stats(&s.transformed.train);
    assert!(tm.iter().all(|m| m.abs() < 1e-12) && tv.iter().all(|v| (v - 1.0).abs() < 1e-12));
    let after = s.test_moments_after;
    assert!(after.mean.iter().all(|m| m.abs() > 1e-6 && m.abs() < 0.5), "{after:?}");
    assert!(
        after.sd.iter().all(|v| (v - 1.0).abs() > 1e-6 && (v - 1.0).abs() < 0.5),
        "{after:?}"
    );
}

#[test]
fn centring_alone_leaves_the_bowl_elongated_and_scaling_alone_rounds_it() {
    // the means enter only through E[x x^T]: centring removes them but keeps sigma1 / sigma2 = 8
    let c = NormaliseConfig {
        transform: Transform::Centre,
        ..Default::default()
    }
    .run()
    .unwrap();
    let (_, var, _) = stats(&c.raw.train);
    let ratio = var[0].max(var[1]) / var[0].min(var[1]);
    assert!(
        close(c.transformed.cost.condition(), ratio, 0.2),
        "{} vs {ratio}",
        c.transformed.cost.condition()
    );
    let s = NormaliseConfig {
        transform: Transform::Scale,
        ..Default::default()
    }
    .run()
    .unwrap();
    // x / sigma keeps means 5 / 2 and 1 / 0.25 = 4: still elongated, less than raw
    assert!(s.transformed.cost.condition() > 2.0 && s.transformed.cost.condition() < s.raw.cost.condition());
}

#[test]
fn refused_settings_name_their_parameter() {
    let bad = NormaliseConfig {
        rho: 1.5,
        ..Default::default()
    };
    assert_eq!(bad.run().unwrap_err(), NormaliseError::Rho(1.5));
    for (query, param) in [
        ("rho=0.999", "rho"),
        ("steps=99999", "steps"),
        ("lr=abc", "lr"),
        ("transform=whiten", "transform"),
    ] {
        let mut v = Mounted::new("normalise").unwrap();
        let notices = v.set(query);
        assert!(notices.iter().any(|n| n.param == param), "{query}: {notices:?}");
        // a safe fallback: the view still draws
        assert!(v.svg(600, 400, trainlab::chart::Lang::En).is_ok());
    }
    let mut v = Mounted::new("normalise").unwrap();
    let notices = v.set("sd1=0");
    assert!(
        notices
            .iter()
            .any(|n| n.param == "sd1" && n.problem == Problem::OutOfRange),
        "{notices:?}"
    );
}

#[test]
fn the_numbers_the_try_this_steps_quote() {
    // www/text/normalise.js: the raw limit "about 0.071", the standardised "about 1.8"; centred
    // "condition number about 80"; mean 50: "passes 40,000", rate "about 8 x 10^-4"
    let run = |c: NormaliseConfig| c.run().unwrap();
    let d = run(NormaliseConfig::default());
    assert!((d.raw.cost.max_stable_lr() - 0.071).abs() < 0.001);
    assert!((d.transformed.cost.max_stable_lr() - 1.8).abs() < 0.05);
    assert!(
        d.raw.path.steps_to(d.raw.min_cost, 1e-3).is_none(),
        "raw still far after 100 steps"
    );
    let fast = run(NormaliseConfig {
        lr: 0.1,
        ..Default::default()
    });
    assert!(fast.raw.path.diverged_at.is_some() && fast.transformed.path.diverged_at.is_none());
    let c = run(NormaliseConfig {
        transform: Transform::Centre,
        ..Default::default()
    });
    assert!((c.transformed.cost.condition() - 80.0).abs() < 5.0);
    let far = run(NormaliseConfig {
        means: [50.0, 1.0],
        ..Default::default()
    });
    assert!(far.raw.cost.condition() > 40_000.0);
    assert!((far.raw.cost.max_stable_lr() - 8e-4).abs() < 0.5e-4);
    assert!((far.transformed.cost.condition() - d.transformed.cost.condition()).abs() < 1e-9);
}
