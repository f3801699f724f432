//! Walks every registered view (like egui's demo test): defaults build, data is finite JSON, CSV
//! is rectangular, the SVG matches its committed snapshot. Then checks view=ewma's numbers.
//!
//! Snapshots live in tests/snapshots/<view>.svg; after an intended change to a figure, rewrite
//! them with `UPDATE_SNAPSHOTS=1 cargo test --test views` and review the diff.
use trainlab::app::{Mounted, DEFAULT_SIZE, VIEWS};
use trainlab::chart::Lang;

fn all_numbers_finite(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite), "{path}: {n}"),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| all_numbers_finite(x, &format!("{path}[{i}]"))),
        serde_json::Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| all_numbers_finite(x, &format!("{path}.{k}"))),
        _ => {}
    }
}

#[test]
fn every_view_builds_and_exports_consistent_data() {
    assert!(!VIEWS.is_empty());
    let mut ids: Vec<&str> = VIEWS.iter().map(|v| v.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), VIEWS.len(), "duplicate view ids");
    for info in VIEWS {
        let mut view = Mounted::new(info.id).unwrap_or_else(|n| panic!("{} defaults: {n:?}", info.id));
        assert_eq!(view.id(), info.id);
        // A view with long work builds cheaply and may have no rows before it starts; one unit of
        // work must give it some (a no-op for views without long work).
        view.advance(1);
        let data = view.data();
        assert!(data.is_object(), "{}: data must be a JSON object", info.id);
        all_numbers_finite(&data, info.id);
        let csv = view.csv();
        let mut lines = csv.lines();
        let width = lines.next().expect("CSV header").split(',').count();
        let mut rows = 0;
        for line in lines {
            assert_eq!(line.split(',').count(), width, "{}: ragged CSV row {line}", info.id);
            assert!(
                line.split(',').all(|c| c.parse::<f64>().is_ok_and(f64::is_finite)),
                "{}: {line}",
                info.id
            );
            rows += 1;
        }
        assert!(rows > 0, "{}: CSV without rows", info.id);
        assert!(
            view.describe(Lang::En).len() > 40,
            "{}: text alternative too thin",
            info.id
        );
    }
}

#[test]
fn every_view_matches_its_svg_snapshot() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for info in VIEWS {
        let svg = Mounted::new(info.id)
            .unwrap()
            .svg(DEFAULT_SIZE.0, DEFAULT_SIZE.1, Lang::En)
            .unwrap();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        // The same figure twice is the same text (no clock, no global randomness).
        assert_eq!(
            svg,
            Mounted::new(info.id)
                .unwrap()
                .svg(DEFAULT_SIZE.0, DEFAULT_SIZE.1, Lang::En)
                .unwrap()
        );
        let path = dir.join(format!("{}.svg", info.id));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "no snapshot {}; run UPDATE_SNAPSHOTS=1 cargo test --test views",
                path.display()
            )
        });
        assert!(
            want == svg,
            "{} differs from {}; if intended, rerun with UPDATE_SNAPSHOTS=1",
            info.id,
            path.display()
        );
    }
}

fn ewma(query: &str) -> Mounted {
    let mut v = Mounted::new("ewma").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

#[test]
fn ewma_data_follows_the_recursion_on_its_own_series() {
    let v = ewma("beta=0.98,0.5&days=200&seed=7&bias_correction=1");
    let d = v.data();
    let temps: Vec<f64> = serde_json::from_value(d["temperature"].clone()).unwrap();
    assert_eq!(temps.len(), 200);
    for (i, beta) in [0.98, 0.5].into_iter().enumerate() {
        let line = &d["lines"][i];
        assert_eq!(line["beta"], beta);
        assert!((line["window"].as_f64().unwrap() - 1.0 / (1.0 - beta)).abs() < 1e-9);
        // Independent evaluation of V_t = beta V_{t-1} + (1 - beta) theta_t from V_0 = 0.
        let mut v_prev = 0.0;
        for t in 0..200 {
            v_prev = beta * v_prev + (1.0 - beta) * temps[t];
            let raw = line["raw"][t].as_f64().unwrap();
            let corrected = line["corrected"][t].as_f64().unwrap();
            assert!((raw - v_prev).abs() < 1e-9);
            assert!((corrected - v_prev / (1.0 - beta.powi(t as i32 + 1))).abs() < 1e-9);
        }
    }
    // The worked example table has a row per day and two columns per beta.
    let table = &d["tables"][0];
    assert_eq!(table["rows"].as_array().unwrap().len(), 5);
    assert_eq!(table["columns"].as_array().unwrap().len(), 2 + 2 * 2);
    assert_eq!(table["rows"][0][3], 40.0, "V_1/(1 - 0.98) = 0.8 / 0.02 = 40");
}

#[test]
fn ewma_seed_decides_the_series() {
    let a = ewma("seed=3").data();
    let b = ewma("seed=3").data();
    let c = ewma("seed=4").data();
    assert_eq!(a, b);
    assert_ne!(a["temperature"], c["temperature"]);
}

#[test]
fn ewma_svg_draws_one_curve_per_beta_and_both_when_corrected() {
    let count = |svg: &str, needle: &str| svg.matches(needle).count();
    let plain = ewma("beta=0.9,0.5&days=100").svg(600, 400, Lang::En).unwrap();
    let both = ewma("beta=0.9,0.5&days=100&bias_correction=1")
        .svg(600, 400, Lang::En)
        .unwrap();
    // one dot per day (plus one legend marker)
    assert_eq!(count(&plain, "<circle"), 101);
    // each beta is drawn in its palette colour: blue (#0072B2) then vermillion (#D55E00)
    for colour in ["#0072B2", "#D55E00"] {
        assert!(plain.contains(colour), "missing {colour}");
    }
    // uncorrected only: one polyline per beta; corrected: a solid polyline plus dash segments
    let solid = |svg: &str| count(svg, "<polyline");
    assert!(solid(&both) > solid(&plain), "{} vs {}", solid(&both), solid(&plain));
    assert!(plain.contains("β=0.9 (≈10 d)") && plain.contains("β=0.5 (≈2.0 d)"));
}

#[test]
fn every_view_speaks_korean_too() {
    for info in VIEWS {
        let view = Mounted::new(info.id).unwrap();
        let (en, ko) = (view.describe(Lang::En), view.describe(Lang::Ko));
        assert_ne!(en, ko, "{}: Korean text alternative missing", info.id);
        // Hangul syllables U+AC00..U+D7A3 in the Korean text and the Korean figure
        let hangul = |s: &str| s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        assert!(hangul(&ko), "{}: {ko}", info.id);
        assert!(
            hangul(&view.svg(DEFAULT_SIZE.0, DEFAULT_SIZE.1, Lang::Ko).unwrap()),
            "{}: Korean figure",
            info.id
        );
    }
}
