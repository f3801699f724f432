//! `view=tuning`'s figure: no label overlaps another, none is under 10 CSS px and none leaves the
//! figure once trials have results (two rounds, every panel, laptop and phone widths, both
//! languages), the best trials reflow into as many columns
//! as the width holds and the figure grows with their rows, and the scatter says where it drew
//! each trial (the page's readout of the trial under the pointer).
use trainlab::app::Mounted;

/// The text boxes of the figure that overlap by more than 2 pixels both ways (as `tests/overlap.rs`
/// measures them), labels under 10 CSS px and labels outside the figure, drawn at `width` CSS
/// pixels and the view's own height for it.
fn overlapping_labels(v: &Mounted, width: u32, lang: trainlab::chart::Lang) -> Vec<String> {
    use plotters_backend::BackendTextStyle;
    use trainlab::chart::record::{text_box, Op};
    let height = v.height_for(width as f64).round() as u32;
    let ops = v
        .record((width, height), &trainlab::chart::Theme { scale: 1.0, lang })
        .unwrap();
    let boxes: Vec<(String, (i32, i32, i32, i32))> = ops
        .iter()
        .filter_map(|op| match op {
            Op::Text(s, spec, pos) if !s.trim().is_empty() => Some((s.clone(), text_box(s, spec, *pos))),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            let dx = ra.2.min(rb.2) - ra.0.max(rb.0);
            let dy = ra.3.min(rb.3) - ra.1.max(rb.1);
            if dx > 2 && dy > 2 {
                out.push(format!("{width} px {lang:?}: {a:?} over {b:?}"));
            }
        }
    }
    // no type under 10 CSS pixels (the figure is drawn at scale 1 here)
    for op in &ops {
        if let Op::Text(s, spec, _) = op {
            if !s.trim().is_empty() && spec.size() < 10.0 {
                out.push(format!("{width} px {lang:?}: {s:?} at {} px", spec.size()));
            }
        }
    }
    // and no label leaves the figure
    for (s, (x0, y0, x1, y1)) in &boxes {
        if *x0 < -2 || *y0 < -2 || *x1 > width as i32 + 2 || *y1 > height as i32 + 2 {
            out.push(format!("{width} px {lang:?}: {s:?} outside the figure"));
        }
    }
    out
}

#[test]
fn no_label_overlaps_another_after_two_rounds_of_trials_at_laptop_and_phone_widths() {
    // tests/overlap.rs draws the view after one in-page unit of work, before any trial has a
    // result; here every panel is drawn with 20 finished trials in two rounds, the best 20 as
    // small multiples (5 across on a laptop, 2 on a phone), in both languages
    use trainlab::chart::Lang;
    let q = "trials=20&epochs=4&samples=100&layers=2&units=16&batch=20&lr_min=-3&lr_max=0&seed=4&k=20";
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set(q).is_empty());
    for round in 0..2 {
        while v.advance(1000).is_some_and(|p| !p.finished()) {}
        if round == 0 {
            v.command("next_round", "").unwrap();
        }
    }
    assert_eq!(v.data()["rounds"][1]["results"].as_array().unwrap().len(), 20);
    let mut failures = Vec::new();
    for panel in ["curves", "scatter", "best"] {
        assert!(v.set(&format!("panel={panel}")).is_empty());
        for width in [1000, 372] {
            for lang in [Lang::En, Lang::Ko] {
                failures.extend(
                    overlapping_labels(&v, width, lang)
                        .into_iter()
                        .map(|f| format!("{panel} {f}")),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_best_trials_reflow_five_across_on_a_laptop_and_two_on_a_phone() {
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set("panel=best&k=20").is_empty());
    // 4 rows of 5 at 1000 px, 10 rows of 2 at 372 px: the figure grows instead of the cells shrinking
    let (laptop, phone) = (v.height_for(1000.0), v.height_for(372.0));
    assert!((500.0..560.0).contains(&laptop), "{laptop}");
    assert!(phone > 2.0 * laptop, "{phone}");
    // the other panels keep one plot's shape, taller on a phone
    v.set("panel=scatter");
    assert_eq!(v.height_for(1000.0), 580.0);
    assert!(v.height_for(372.0) > 0.8 * 372.0);
}

#[test]
fn the_scatter_says_where_each_trial_is_drawn_for_the_readout() {
    let q = "trials=6&epochs=2&samples=100&layers=1&units=8&batch=20&lr_min=-4&lr_max=-1&wd_min=-7&wd_max=-5&seed=3";
    let mut v = Mounted::new("tuning").unwrap();
    assert!(v.set(q).is_empty());
    while v.advance(1000).is_some_and(|p| !p.finished()) {}
    // another panel: nothing to point at
    assert_eq!(v.command("points", "800,464,1,en").unwrap(), serde_json::json!([]));
    v.set("panel=scatter");
    // the axes are labelled by decade (lr 10⁻⁴..10⁻¹, λ 10⁻⁷..10⁻⁵), never `1e-4`
    let svg = v.svg(800, 464, trainlab::chart::Lang::En).unwrap();
    let labels: Vec<&str> = svg.lines().map(str::trim).filter(|l| l.starts_with("10")).collect();
    for decade in ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁻⁷", "10⁻⁶", "10⁻⁵"] {
        assert!(labels.contains(&decade), "{decade} in {labels:?}");
    }
    assert!(!svg.contains("1e-"), "no e-notation on the axes");
    let pts = v.command("points", "1600,928,2,en").unwrap();
    let pts = pts.as_array().unwrap();
    assert_eq!(pts.len(), 6);
    let results = v.data()["rounds"][0]["results"].clone();
    for p in pts {
        let (x, y) = (p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap());
        assert!((0.0..800.0).contains(&x) && (0.0..464.0).contains(&y), "{p}");
        let r = results
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["spec"]["index"] == p["trial"])
            .unwrap();
        assert_eq!(p["lr"], r["spec"]["lr"]);
        assert_eq!(p["weight_decay"], r["spec"]["weight_decay"]);
    }
    // a larger learning rate is further right, a larger weight decay higher up (smaller y)
    let mut by_lr: Vec<_> = pts.iter().collect();
    by_lr.sort_by(|a, b| a["lr"].as_f64().unwrap().total_cmp(&b["lr"].as_f64().unwrap()));
    assert!(by_lr.windows(2).all(|w| w[0]["x"].as_f64() <= w[1]["x"].as_f64()));
    let mut by_wd: Vec<_> = pts.iter().collect();
    by_wd.sort_by(|a, b| {
        a["weight_decay"]
            .as_f64()
            .unwrap()
            .total_cmp(&b["weight_decay"].as_f64().unwrap())
    });
    assert!(by_wd.windows(2).all(|w| w[0]["y"].as_f64() >= w[1]["y"].as_f64()));
    // the same layout at pixel ratio 1 and 2, in CSS pixels
    let one = v.command("points", "800,464,1,en").unwrap();
    for (a, b) in one.as_array().unwrap().iter().zip(pts) {
        assert!((a["x"].as_f64().unwrap() - b["x"].as_f64().unwrap()).abs() <= 1.0);
    }
    for bad in ["", "800,464", "0,464,1,en", "800,464,nan,en", "99999,464,1,en"] {
        assert_eq!(v.command("points", bad).unwrap_err()[0].param, "points", "{bad:?}");
    }
}
