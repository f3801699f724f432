//! Data sets: the Playground-style generators, the split and scalers, and the CSV loader.
use trainlab::core::data::synthetic::{bumps, Shape, SyntheticConfig};
use trainlab::core::data::{CsvConfig, Dataset, Scaler, SplitConfig, Task};
use trainlab::core::math::rng::seeded;

fn gen(shape: Shape, noise: f64, seed: u64) -> Dataset {
    SyntheticConfig {
        shape,
        samples: 400,
        noise,
    }
    .generate(&mut seeded(seed))
    .unwrap()
}

#[test]
fn generators_are_seeded_balanced_and_labelled_by_their_rule() {
    for shape in Shape::ALL {
        let d = gen(shape, 0.2, 1);
        assert_eq!((d.rows(), d.features), (400, 2));
        assert!(d.x.iter().chain(&d.y).all(|v| v.is_finite()));
        assert_eq!(d, gen(shape, 0.2, 1), "{shape:?} not reproducible");
        assert_ne!(d, gen(shape, 0.2, 2));
        assert_eq!(d.task == Task::Regression, shape.is_regression());
    }
    // without noise every label follows the rule exactly
    let c = gen(Shape::Circle, 0.0, 3);
    for i in 0..c.rows() {
        let r = c.row(i)[0].hypot(c.row(i)[1]);
        assert_eq!(c.label(i) == 1, r < 2.5);
    }
    assert_eq!(c.class_counts(), vec![200, 200]);
    let x = gen(Shape::Xor, 0.0, 3);
    for i in 0..x.rows() {
        let (a, b) = (x.row(i)[0], x.row(i)[1]);
        assert!(a.abs() >= 0.3 && b.abs() >= 0.3);
        assert_eq!(x.label(i) == 1, a * b >= 0.0);
    }
    let p = gen(Shape::Plane, 0.0, 3);
    for i in 0..p.rows() {
        assert!((p.y[i] - (p.row(i)[0] + p.row(i)[1]) / 10.0).abs() < 1e-12);
    }
    // moons without noise lie on the two unit half circles
    let m = gen(Shape::Moons, 0.0, 3);
    for i in 0..m.rows() {
        let (a, b) = (m.row(i)[0], m.row(i)[1]);
        let r = if m.label(i) == 0 {
            a.hypot(b)
        } else {
            (a - 1.0).hypot(b - 0.5)
        };
        assert!((r - 1.0).abs() < 1e-12);
    }
    // noise flips some circle labels near the boundary
    let noisy = gen(Shape::Circle, 0.5, 3);
    let flipped = (0..400)
        .filter(|&i| (noisy.label(i) == 1) != (noisy.row(i)[0].hypot(noisy.row(i)[1]) < 2.5))
        .count();
    assert!(flipped > 10, "{flipped}");
    assert_eq!(bumps(-4.0, 2.5), 1.0);
    assert_eq!(bumps(0.0, 2.5), -1.0);
    assert_eq!(bumps(0.0, 0.0), 0.0);
}

#[test]
fn bad_generator_settings_are_refused() {
    for cfg in [
        SyntheticConfig {
            samples: 1,
            ..Default::default()
        },
        SyntheticConfig {
            samples: 10_001,
            ..Default::default()
        },
        SyntheticConfig {
            noise: 0.6,
            ..Default::default()
        },
        SyntheticConfig {
            noise: f64::NAN,
            ..Default::default()
        },
    ] {
        assert!(cfg.generate(&mut seeded(0)).is_err());
    }
}

#[test]
fn split_uses_one_shuffle_and_standardisation_uses_train_statistics() {
    let d = gen(Shape::Gaussians, 0.3, 4);
    let s = SplitConfig { train: 0.6, dev: 0.2 }.split(&d, &mut seeded(5)).unwrap();
    assert_eq!((s.train.rows(), s.dev.rows(), s.test.rows()), (240, 80, 80));
    // the three parts are a partition of the rows
    let mut all: Vec<(u64, u64)> = [&s.train, &s.dev, &s.test]
        .iter()
        .flat_map(|p| (0..p.rows()).map(move |i| (p.row(i)[0].to_bits(), p.row(i)[1].to_bits())))
        .collect();
    let mut orig: Vec<(u64, u64)> = (0..d.rows())
        .map(|i| (d.row(i)[0].to_bits(), d.row(i)[1].to_bits()))
        .collect();
    all.sort_unstable();
    orig.sort_unstable();
    assert_eq!(all, orig);
    assert_eq!(
        s,
        SplitConfig { train: 0.6, dev: 0.2 }.split(&d, &mut seeded(5)).unwrap()
    );
    let mut s2 = s.clone();
    let scaler = Scaler::standardize_split(&mut s2);
    for j in 0..2 {
        let col: Vec<f64> = (0..s2.train.rows()).map(|i| s2.train.row(i)[j]).collect();
        let mean = col.iter().sum::<f64>() / col.len() as f64;
        let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / col.len() as f64;
        assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-12);
        // dev uses the train mean and std, not its own
        let want = (s.dev.row(0)[j] - scaler.shift[j]) * scaler.scale[j];
        assert_eq!(s2.dev.row(0)[j], want);
    }
    let mut mm = s.clone();
    let sc = Scaler::min_max(&mm.train);
    sc.apply(&mut mm.train);
    let lo = mm.train.x.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = mm.train.x.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    assert!(lo.abs() < 1e-12 && (hi - 1.0).abs() < 1e-12);
    assert!(SplitConfig { train: 0.9, dev: 0.2 }.split(&d, &mut seeded(0)).is_err());
    assert!(SplitConfig { train: 0.0, dev: 0.2 }.split(&d, &mut seeded(0)).is_err());
}

#[test]
fn csv_loads_headers_word_labels_and_regression() {
    let text = "height, weight ,species\n1.5,3,cat\n\n2.5,4.5,dog\n0.5,1e1,\"cat\"\n";
    let c = CsvConfig::default().load(text).unwrap();
    assert_eq!(c.feature_names, ["height", "weight"]);
    assert_eq!(c.class_names, ["cat", "dog"]);
    assert_eq!(c.data.x, [1.5, 3.0, 2.5, 4.5, 0.5, 10.0]);
    assert_eq!(c.data.y, [0.0, 1.0, 0.0]);
    assert_eq!(c.data.task, Task::Classification { classes: 2 });
    // no header, label first, numeric classes sorted numerically, semicolons
    let c = CsvConfig {
        label_column: Some(0),
        ..Default::default()
    }
    .load("10;1;2\n2;3;4\n10;5;6\n")
    .unwrap();
    assert_eq!(c.class_names, ["2", "10"]);
    assert_eq!(c.data.y, [1.0, 0.0, 1.0]);
    assert_eq!(c.feature_names, ["x2", "x3"]);
    let r = CsvConfig {
        classification: false,
        ..Default::default()
    }
    .load("a,b\n1,0.5\n2,0.25\n")
    .unwrap();
    assert_eq!((r.data.y.clone(), r.data.task), (vec![0.5, 0.25], Task::Regression));
}

#[test]
fn csv_errors_name_the_row() {
    let load = |t: &str| CsvConfig::default().load(t).unwrap_err();
    let e = load("a,b,c\n1,2,x\n3,4\n");
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("line 3: 2 fields, expected 3"), "{e}");
    let e = load("a,b,c\n1,2,x\n3,oops,y\n");
    assert_eq!(e.line, 3);
    assert!(
        e.message.contains("\"oops\" is not a number") && e.message.contains("column 2"),
        "{e}"
    );
    let e = load("a,b\n1,x\n2,x\n");
    assert!(e.message.contains("one class"), "{e}");
    assert!(load("").message.contains("empty"));
    assert!(load("a,b\n").message.contains("no data rows"));
    // NaN and infinities are not numbers here
    assert!(load("1,2,0\n2,nan,1\n").to_string().starts_with("line 2"));
    let huge = "1,2\n".repeat(1_300_000);
    assert!(load(&huge).message.contains("at most"));
    let e = CsvConfig {
        classification: false,
        ..Default::default()
    }
    .load("1,2\n3,four\n")
    .unwrap_err();
    assert_eq!(e.line, 2);
}
