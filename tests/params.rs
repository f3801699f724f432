//! Query-string state: round trips and a property test over thousands of random query strings.
use rand::{RngExt, SeedableRng};
use trainlab::app::params::{ParamKind, ParamSet, ParamValue, Problem};
use trainlab::app::{Mounted, VIEWS};

fn check_valid(set: &ParamSet) {
    for spec in set.specs() {
        let q = set.to_query();
        assert!(q.contains(&format!("{}=", spec.name)));
        match spec.kind {
            ParamKind::Float { min, max, .. } => {
                let v = set.float(spec.name);
                assert!(v.is_finite() && v >= min && v <= max, "{} = {v}", spec.name);
            }
            ParamKind::Int { min, max } => {
                let v = set.int(spec.name);
                assert!(v >= min && v <= max, "{} = {v}", spec.name);
            }
            ParamKind::Seed => assert!((0..=u32::MAX as i64).contains(&set.int(spec.name))),
            ParamKind::FloatList {
                min,
                max,
                min_len,
                max_len,
                ..
            } => {
                let v = set.float_list(spec.name);
                assert!(
                    v.len() >= min_len && v.len() <= max_len,
                    "{}: {} items",
                    spec.name,
                    v.len()
                );
                assert!(v.iter().all(|x| x.is_finite() && *x >= min && *x <= max));
            }
            ParamKind::Choice { options } => assert!(options.contains(&set.choice(spec.name))),
            ParamKind::Bool => {}
        }
    }
}

#[test]
fn every_default_parses_without_notices() {
    for view in VIEWS {
        for spec in view.params {
            let mut notices = Vec::new();
            let placeholder = ParamValue::Int(0);
            spec.parse(spec.default, &placeholder, &mut notices);
            assert!(notices.is_empty(), "{}.{}: {notices:?}", view.id, spec.name);
        }
    }
}

#[test]
fn state_round_trips_through_the_query_string() {
    // every view: its defaults with another seed survive a round trip
    for view in VIEWS {
        let mut a = ParamSet::defaults(view.params);
        assert!(a.apply_query("seed=7").is_empty(), "{}", view.id);
        let mut b = ParamSet::defaults(view.params);
        assert!(b.apply_query(&a.to_query()).is_empty());
        assert_eq!(a, b);
    }
    // the EWMA view with every parameter changed
    for view in VIEWS.iter().filter(|v| v.id == "ewma") {
        let mut a = ParamSet::defaults(view.params);
        let notices = a.apply_query("beta=0.95,0.5&bias_correction=1&days=500&noise=2.5&seed=7");
        assert!(notices.is_empty(), "{notices:?}");
        let mut b = ParamSet::defaults(view.params);
        assert!(b.apply_query(&a.to_query()).is_empty());
        assert_eq!(a, b);
        assert_eq!(
            a.to_query(),
            "beta=0.95,0.5&bias_correction=1&days=500&noise=2.5&seed=7"
        );
    }
}

#[test]
fn bad_values_give_named_notices_and_safe_fallbacks() {
    let spec = VIEWS.iter().find(|v| v.id == "ewma").unwrap().params;
    let mut set = ParamSet::defaults(spec);
    let n = set.apply_query("beta=1.5&days=1e12&noise=NaN&seed=-4&bogus=1&bias_correction=maybe");
    let named = |p: &str, problem: Problem| n.iter().any(|x| x.param == p && x.problem == problem);
    assert!(named("beta", Problem::OutOfRange), "{n:?}");
    assert!(named("days", Problem::OutOfRange));
    assert!(named("noise", Problem::Malformed));
    assert!(named("seed", Problem::OutOfRange));
    assert!(named("bogus", Problem::UnknownParam));
    assert!(named("bias_correction", Problem::Malformed));
    // nearest valid value, or the previous (default) one
    assert_eq!(set.float_list("beta"), &[0.9999]);
    assert_eq!(set.int("days"), 10_000);
    assert_eq!(set.float("noise"), 6.0);
    assert_eq!(set.int("seed"), 0);
    assert!(!set.bool("bias_correction"));

    // A list with too many items is cut to max_len (items past max_len + 1 are never read).
    let n = set.apply_query(&format!("beta={}", ["0.5"; 20].join(",")));
    assert!(
        n.iter()
            .any(|x| x.param == "beta" && x.problem == Problem::TooManyItems),
        "{n:?}"
    );
    assert_eq!(set.float_list("beta"), &[0.5; 8]);
    // A huge query is cut at the cap, and an over-long value keeps the previous value.
    let huge = format!("beta={}", vec!["0.7"; 100_000].join(","));
    let n = set.apply_query(&huge);
    assert!(n
        .iter()
        .any(|x| x.param == "query" && x.problem == Problem::QueryTooLong));
    assert!(n.iter().any(|x| x.param == "beta" && x.problem == Problem::Malformed));
    assert_eq!(set.float_list("beta"), &[0.5; 8]);
    // An empty list keeps the previous value.
    let n = set.apply_query("beta=");
    assert!(n.iter().any(|x| x.problem == Problem::TooFewItems));
    assert_eq!(set.float_list("beta").len(), 8);
}

/// Random query strings built from pieces that stress the parser: real and unknown keys, reserved
/// keys, numbers at and beyond the ranges, non-numbers, lists, escapes and non-ASCII text.
fn random_query(rng: &mut rand::rngs::StdRng, keys: &[&str]) -> String {
    const VALUES: &[&str] = &[
        "0",
        "1",
        "-1",
        "0.5",
        "0.9,0.98,0.5",
        "1e308",
        "-1e308",
        "1e-320",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "infinity",
        "",
        ",",
        ",,,",
        "0.5,,0.7",
        "abc",
        "%",
        "%zz",
        "%FF%FE",
        "%E2%82%AC",
        "+",
        "true",
        "off",
        "yes",
        "999999999999999999999",
        "3.5",
        " 7 ",
        "0x10",
        "1_000",
        "١",
        "😀",
        "0.9999",
        "0.00001",
        "4294967295",
        "4294967296",
        "10000",
        "10001",
    ];
    let n = rng.random_range(0..12);
    let mut parts = Vec::new();
    for _ in 0..n {
        let key = match rng.random_range(0..10) {
            0 => "view".to_string(),
            1 => "hide".to_string(),
            2 => format!("k{}", rng.random_range(0..1000)),
            3 => "%62eta".to_string(), // "beta", escaped
            _ => keys[rng.random_range(0..keys.len())].to_string(),
        };
        let value = match rng.random_range(0..6) {
            0 => {
                // random bytes as text, escaped or not
                let len = rng.random_range(0..20);
                (0..len).map(|_| char::from(rng.random_range(32u8..127))).collect()
            }
            1 => format!("{}", rng.random::<f64>() * 10f64.powi(rng.random_range(-10..10))),
            2 => (0..rng.random_range(0..20))
                .map(|_| VALUES[rng.random_range(0..VALUES.len())])
                .collect::<Vec<_>>()
                .join(","),
            _ => VALUES[rng.random_range(0..VALUES.len())].to_string(),
        };
        parts.push(if rng.random_bool(0.1) {
            key
        } else {
            format!("{key}={value}")
        });
    }
    parts.join(if rng.random_bool(0.05) { ";" } else { "&" })
}

#[test]
fn thousands_of_random_query_strings_never_panic_and_stay_valid() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    for view in VIEWS {
        let keys: Vec<&str> = view.params.iter().map(|p| p.name).collect();
        let mut mounted = Mounted::new(view.id).unwrap_or_else(|_| panic!("{} must build at defaults", view.id));
        let mut params = ParamSet::defaults(view.params);
        for i in 0..2_000 {
            let q = random_query(&mut rng, &keys);
            // Validation is cheap: every query goes through it.
            let notices = params.apply_query(&q);
            for n in &notices {
                assert!(!n.param.is_empty(), "notice without a parameter for {q:?}");
                assert!(n.given.chars().count() <= 41);
            }
            check_valid(&params);
            // The canonical form reproduces the state exactly.
            let canonical = params.to_query();
            let mut again = ParamSet::defaults(view.params);
            assert!(again.apply_query(&canonical).is_empty(), "{canonical}");
            assert_eq!(again, params);
            // Building a model can take tens of milliseconds (training views), so every tenth
            // query also rebuilds the mounted view: 200 random states per view must not panic
            // and must leave valid parameters.
            if i % 10 == 0 {
                mounted.set(&q);
                check_valid(mounted.params());
            }
        }
    }
}
