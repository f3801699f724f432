//! view=minibatch: iterations per epoch `ceil(m / b)` and the examples each iteration sees, batch
//! descent against full-gradient descent summed by hand, the optimum against the normal
//! equations solved by Cramer's rule, per-iteration noise ordered stochastic > mini-batch >
//! batch = 0, and refused settings as notices naming their parameter.
use trainlab::app::Mounted;
use trainlab::core::lab::minibatch::{Method, MinibatchConfig, MinibatchError, MinibatchStudy};

fn study(examples: usize, batch: usize, epochs: usize) -> MinibatchStudy {
    MinibatchConfig {
        examples,
        batch,
        epochs,
        ..Default::default()
    }
    .run()
    .unwrap()
}

/// The rows of the study's (standardised, centred) data as `(x, y)`.
fn rows(s: &MinibatchStudy) -> Vec<([f64; 2], f64)> {
    (0..s.data.rows())
        .map(|i| ([s.data.row(i)[0], s.data.row(i)[1]], s.data.y[i]))
        .collect()
}

/// `1/(2m) sum (w . x - y)^2` summed by hand.
fn cost(rows: &[([f64; 2], f64)], w: [f64; 2]) -> f64 {
    rows.iter()
        .map(|(x, y)| (w[0] * x[0] + w[1] * x[1] - y).powi(2))
        .sum::<f64>()
        / (2.0 * rows.len() as f64)
}

#[test]
fn an_epoch_takes_ceil_m_over_b_iterations_and_sees_every_example_once() {
    // (m, b, ceil(m / b)) worked out by hand, with sizes that do and do not divide m
    for (m, b, per_epoch) in [
        (1000, 64, 16),
        (1000, 1000, 1),
        (1000, 1, 1000),
        (1000, 300, 4),
        (500, 128, 4),
        (2, 1, 2),
    ] {
        let s = study(m, b, 3);
        let mini = &s.runs[1];
        assert_eq!(mini.method, Method::MiniBatch);
        assert_eq!((mini.batch, mini.per_epoch), (b, per_epoch), "m {m}, b {b}");
        assert_eq!(mini.iterations(), 3 * per_epoch);
        // examples seen: b per iteration, the last batch of each epoch holds the rest m - (k-1) b
        for e in 0..3 {
            for k in 1..=per_epoch {
                let t = e * per_epoch + k;
                assert_eq!(mini.seen[t], e * m + (k * b).min(m), "m {m}, b {b}, t {t}");
            }
        }
        assert_eq!(*mini.seen.last().unwrap(), 3 * m);
        // batch: one iteration an epoch; stochastic: m
        assert_eq!((s.runs[0].per_epoch, s.runs[0].batch), (1, m));
        assert_eq!((s.runs[2].per_epoch, s.runs[2].batch), (m, 1));
        assert_eq!(s.runs[0].epoch_costs().len(), 4);
        assert_eq!(mini.epoch_costs().len(), 4);
    }
}

#[test]
fn batch_descent_is_full_gradient_descent_and_its_batch_cost_is_the_cost() {
    let s = study(1000, 64, 10);
    let data = rows(&s);
    let n = data.len() as f64;
    let lr = s.config.lr;
    let mut w = s.config.start;
    let batch = &s.runs[0];
    for t in 1..=10 {
        let mut g = [0.0; 2];
        for (x, y) in &data {
            let r = w[0] * x[0] + w[1] * x[1] - y;
            g[0] += r * x[0] / n;
            g[1] += r * x[1] / n;
        }
        w = [w[0] - lr * g[0], w[1] - lr * g[1]];
        let p = batch.points[t];
        assert!(
            (p[0] - w[0]).abs() < 1e-10 && (p[1] - w[1]).abs() < 1e-10,
            "t {t}: {p:?} vs {w:?}"
        );
        assert!((batch.costs[t] - cost(&data, w)).abs() < 1e-10);
    }
    // J{t} of the whole batch at w_t is J(w_t): no noise
    assert_eq!(batch.spread(), 0.0, "the full batch's J{{t}} is J: exactly no noise");
    for t in 0..batch.batch_costs.len() {
        assert!((batch.batch_costs[t] - batch.costs[t]).abs() < 1e-10);
    }
}

#[test]
fn the_optimum_is_the_normal_equations_solution_and_every_run_approaches_it() {
    let s = study(1000, 64, 10);
    let data = rows(&s);
    // the features are standardised: unit variances, and their covariance is the sample r
    let n = data.len() as f64;
    let sxx = |a: usize, b: usize| data.iter().map(|(x, _)| x[a] * x[b]).sum::<f64>() / n;
    let sxy = |a: usize| data.iter().map(|(x, y)| x[a] * y).sum::<f64>() / n;
    assert!((sxx(0, 0) - 1.0).abs() < 1e-9 && (sxx(1, 1) - 1.0).abs() < 1e-9);
    assert!((sxx(0, 1) - 0.7).abs() < 0.05, "r {}", sxx(0, 1));
    // Cramer's rule on [[sxx00, sxx01], [sxx01, sxx11]] w = [sxy0, sxy1]
    let det = sxx(0, 0) * sxx(1, 1) - sxx(0, 1) * sxx(0, 1);
    let w = [
        (sxy(0) * sxx(1, 1) - sxx(0, 1) * sxy(1)) / det,
        (sxx(0, 0) * sxy(1) - sxx(0, 1) * sxy(0)) / det,
    ];
    assert!((s.optimum[0] - w[0]).abs() < 1e-9 && (s.optimum[1] - w[1]).abs() < 1e-9);
    assert!((s.min_cost - cost(&data, w)).abs() < 1e-9);
    // the target cost: J* + 1% of the start's height
    let target = s.min_cost + 0.01 * (cost(&data, s.config.start) - s.min_cost);
    assert!((s.target_cost - target).abs() < 1e-9);
    for r in &s.runs {
        assert!(r.diverged_at.is_none());
        let end = *r.costs.last().unwrap();
        assert!(end < r.costs[0], "{:?}: {end}", r.method);
        // ten updates of batch descent do not get close; 160 or 10,000 small ones do
        if r.method != Method::Batch {
            assert!(
                end - s.min_cost < 0.05 * (r.costs[0] - s.min_cost),
                "{:?}: {end}",
                r.method
            );
        }
        // reached: the first point at or under the target
        if let Some(t) = r.reached {
            assert!(r.costs[t] <= target && r.costs[..t].iter().all(|&c| c > target));
        }
    }
    // per epoch, the small batches get there in fewer epochs than batch descent
    let epochs = |k: usize| s.runs[k].reached.map(|t| t as f64 / s.runs[k].per_epoch as f64);
    assert!(epochs(1).unwrap() < epochs(0).unwrap_or(f64::INFINITY));
}

#[test]
fn smaller_batches_are_noisier() {
    let s = study(1000, 64, 5);
    let [batch, mini, sgd] = [0, 1, 2].map(|k| s.runs[k].spread());
    assert!(batch < 1e-10 && batch < mini && mini < sgd, "{batch} {mini} {sgd}");
    // the batch cost of one example is half a squared residual; its mean over the iterations is
    // still near J (a batch drawn without replacement is an unbiased sample of the rows)
    let r = &s.runs[2];
    let last = r.batch_costs.len() - r.per_epoch..r.batch_costs.len();
    let mean_batch = last.clone().map(|t| r.batch_costs[t]).sum::<f64>() / r.per_epoch as f64;
    let mean_cost = last.map(|t| r.costs[t]).sum::<f64>() / r.per_epoch as f64;
    assert!(
        (mean_batch - mean_cost).abs() < 0.2 * mean_cost,
        "{mean_batch} vs {mean_cost}"
    );
}

#[test]
fn refused_settings_name_their_parameter() {
    let bad = MinibatchConfig {
        batch: 2000,
        ..Default::default()
    };
    assert_eq!(bad.run().unwrap_err(), MinibatchError::Batch(2000));
    for (query, param) in [
        ("batch=5000", "batch"),
        ("epochs=1500", "epochs"),
        ("examples=20000&epochs=10", "epochs"),
        ("rho=2", "rho"),
        ("lr=-1", "lr"),
    ] {
        let mut v = Mounted::new("minibatch").unwrap();
        let notices = v.set(query);
        assert!(notices.iter().any(|n| n.param == param), "{query}: {notices:?}");
        assert!(v.svg(600, 400, trainlab::chart::Lang::En).is_ok());
    }
}

#[test]
fn the_numbers_the_try_this_steps_quote() {
    // www/text/minibatch.js: to the target "68, 77, and batch descent none in 10 epochs", "4,256
    // examples and single examples only 77"; with 100 epochs batch descent "after 67 iterations"
    let s = study(1000, 64, 10);
    let reached: Vec<Option<usize>> = s.runs.iter().map(|r| r.reached).collect();
    assert_eq!(reached, [None, Some(68), Some(77)]);
    assert_eq!((s.runs[1].seen[68], s.runs[2].seen[77]), (4256, 77));
    let long = study(1000, 64, 100);
    assert_eq!(long.runs[0].reached, Some(67));
    assert_eq!(long.runs[0].seen[67], 67_000);
}
