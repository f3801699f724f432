//! view=train's network diagram and run controls through the registry: the weights and unit
//! activations the diagram draws equal the network's (the activations recomputed here from the
//! weights and the lattice's inputs), a large network is drawn capped, a focused unit's readout
//! holds its weights and histogram, the unit buttons' positions sit inside the diagram, Play after
//! the end trains on until paused, a paced run takes the pace's steps while the step buttons stay
//! instant, and no label of the figure overlaps another with a readout open.
use serde_json::Value;
use trainlab::app::Mounted;
use trainlab::chart::record::{text_box, Op};
use trainlab::chart::{Lang, Theme};

fn train_view(query: &str) -> Mounted {
    let mut v = Mounted::new("train").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

fn run_to_end(v: &mut Mounted) -> Value {
    for _ in 0..100_000 {
        let p = v.advance(1000).unwrap();
        if p.done >= p.total {
            break;
        }
    }
    v.data()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn the_diagram_draws_the_networks_weights_and_activations() {
    let mut v = train_view("epochs=5&speed=max");
    let d = run_to_end(&mut v);
    let net = &d["network"];
    assert_eq!(net["sizes"], serde_json::json!([2, 8, 8, 1]));
    assert_eq!(net["drawn_units"], serde_json::json!([2, 8, 8, 1]));
    let lattice = &net["lattice"];
    let side = lattice["side"].as_u64().unwrap() as usize;
    assert_eq!(side, 24);
    assert_eq!(
        d["grid"], 72,
        "the boundary's grid is 3 x the unit lattice (finer than 40)"
    );
    // Recompute every unit on the lattice from the weights: a = tanh(a_prev W + b), the output a
    // sigmoid, inputs standardised with the scaler.
    let (shift, scale) = (&d["scaler"]["shift"], &d["scaler"]["scale"]);
    let layers = net["layers"].as_array().unwrap();
    let mut worst = 0.0f64;
    for j in 0..side {
        for i in 0..side {
            let x = f(&lattice["x"][i]);
            let y = f(&lattice["y"][j]);
            let mut a = vec![(x - f(&shift[0])) * f(&scale[0]), (y - f(&shift[1])) * f(&scale[1])];
            for (u, &v) in a.iter().enumerate() {
                let drawn = f(&net["inputs"][u]["grid"][j * side + i]);
                worst = worst.max((drawn - v).abs());
            }
            for (l, layer) in layers.iter().enumerate() {
                let n = layer["units"].as_u64().unwrap() as usize;
                let w = layer["weights"].as_array().unwrap();
                let out: Vec<f64> = (0..n)
                    .map(|k| {
                        let z: f64 =
                            a.iter().enumerate().map(|(p, &ap)| ap * f(&w[p][k])).sum::<f64>() + f(&layer["bias"][k]);
                        if l + 1 == layers.len() {
                            1.0 / (1.0 + (-z).exp())
                        } else {
                            z.tanh()
                        }
                    })
                    .collect();
                for (k, &v) in out.iter().enumerate() {
                    let drawn = f(&layer["drawn"][k]["grid"][j * side + i]);
                    worst = worst.max((drawn - v).abs());
                }
                a = out;
            }
        }
    }
    assert!(worst < 1e-4, "largest difference {worst}");
    // The drawn lines are the weights: every one of the 16 + 64 + 8 between drawn units.
    for (l, layer) in layers.iter().enumerate() {
        let edges = layer["edges"].as_array().unwrap();
        let w = layer["weights"].as_array().unwrap();
        assert_eq!(edges.len(), w.len() * w[0].as_array().unwrap().len(), "layer {}", l + 1);
        for e in edges {
            let (i, k) = (e[0].as_u64().unwrap() as usize, e[1].as_u64().unwrap() as usize);
            assert_eq!(f(&e[2]), f(&w[i][k]));
        }
    }
    // The histograms count every training row once per unit.
    let rows = d["rows"]["train"].as_u64().unwrap();
    for layer in layers {
        for unit in layer["drawn"].as_array().unwrap() {
            let counts: u64 = unit["histogram"]["counts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap())
                .sum();
            assert_eq!(counts, rows);
        }
    }
}

#[test]
fn a_large_network_is_drawn_capped_with_its_strongest_weights() {
    let mut v = train_view("hidden=256,256,256,256,256,256,256,256,256,256&epochs=1&speed=max");
    let d = run_to_end(&mut v);
    let net = &d["network"];
    assert_eq!(net["drawn_units"][1], 12);
    assert_eq!(d["grid"], 36, "a large network keeps a coarse grid");
    let layer = &net["layers"][1];
    assert!(layer["weights"].is_null(), "65,536 weights are not listed");
    let edges = layer["edges"].as_array().unwrap();
    assert_eq!(edges.len(), 96);
    let mags: Vec<f64> = edges.iter().map(|e| f(&e[2]).abs()).collect();
    assert!(mags.windows(2).all(|p| p[0] >= p[1]), "strongest first");
    let svg = v.svg(1000, 620, Lang::En).unwrap();
    assert!(svg.contains("12 of 256 units per layer shown"));
    // the drawing stays small: a few thousand shapes, not the 600,000 weights
    assert!(
        svg.matches('<').count() < 20_000,
        "{} elements",
        svg.matches('<').count()
    );
}

#[test]
fn a_focused_unit_has_a_readout_of_its_weights_and_histogram() {
    let mut v = train_view("epochs=3&speed=max");
    run_to_end(&mut v);
    let r = v.command("unit", "1,2").unwrap();
    let focus = &r["focus"];
    assert_eq!(focus["layer"], 1);
    assert_eq!(focus["unit"], 2);
    let weights = focus["weights"].as_array().unwrap();
    // x1, x2 by magnitude, then the bias
    assert_eq!(weights.len(), 3);
    assert_eq!(weights[2][0], "b");
    let d = v.data();
    let w = &d["network"]["layers"][0]["weights"];
    for p in &weights[..2] {
        let i = if p[0] == "x₁" { 0 } else { 1 };
        assert_eq!(f(&p[1]), f(&w[i][2]));
    }
    assert!(f(&weights[0][1]).abs() >= f(&weights[1][1]).abs());
    assert_eq!(d["focus"]["layer"], 1);
    let ui = v.command("ui", "").unwrap();
    assert_eq!(
        ui["focus"]["histogram"],
        d["network"]["layers"][0]["drawn"][2]["histogram"]
    );
    let svg = v.svg(1000, 620, Lang::En).unwrap();
    assert!(svg.contains("layer 1 · unit 3") && svg.contains("activation over the training rows"));
    let ko = v.svg(1000, 620, Lang::Ko).unwrap();
    assert!(ko.contains("층 1 · 유닛 3"));
    assert!(v.command("unit", "9,0").is_err(), "no such layer");
    assert!(v.command("unit", "0,0").is_err(), "inputs have no readout");
    assert!(v.command("unit", "a,b").is_err());
    assert_eq!(v.data()["focus"]["unit"], 2, "a refused focus changes nothing");
    v.command("unit", "").unwrap();
    assert!(v.data()["focus"].is_null());
}

#[test]
fn the_unit_buttons_sit_on_the_diagrams_nodes() {
    let mut v = train_view("epochs=2&speed=max");
    run_to_end(&mut v);
    for (w, h) in [(1000.0, 620.0), (372.0, 422.0), (372.0, 993.0)] {
        let ui = v.command("ui", &format!("{w},{h}")).unwrap();
        let units = ui["units"].as_array().unwrap();
        assert_eq!(units.len(), 8 + 8 + 1);
        let (l, t, side) = trainlab::chart::train::plot_rect(w, h);
        for u in units {
            let (x, y, s) = (f(&u["x"]), f(&u["y"]), f(&u["side"]));
            assert!(x >= 0.0 && y >= 0.0 && x + s <= w && y + s <= h, "{u} in {w} x {h}");
            // never on the boundary's plot (a click there adds a point)
            let apart = x >= l + side || x + s <= l || y >= t + side || y + s <= t;
            assert!(apart, "{u} over the plot at {w} x {h}");
        }
        for (i, a) in units.iter().enumerate() {
            for b in &units[i + 1..] {
                let apart = f(&a["x"]) + f(&a["side"]) <= f(&b["x"])
                    || f(&b["x"]) + f(&b["side"]) <= f(&a["x"])
                    || f(&a["y"]) + f(&a["side"]) <= f(&b["y"])
                    || f(&b["y"]) + f(&b["side"]) <= f(&a["y"]);
                assert!(apart, "{a} and {b} overlap at {w} x {h}");
            }
        }
    }
    assert!(v.command("ui", "").unwrap()["units"].is_null());
}

#[test]
fn play_after_the_end_trains_on_past_the_epochs_until_paused() {
    let mut v = train_view("epochs=3&speed=max");
    let d = run_to_end(&mut v);
    assert_eq!(d["status"], "done");
    assert_eq!(d["epoch"], 3);
    // Play again: the run goes on, past `epochs`, and keeps going at each new end
    let r = v.command("play", "").unwrap();
    assert_eq!(r["status"], "playing");
    for _ in 0..40 {
        v.advance(1000);
    }
    let d = v.data();
    assert_eq!(d["status"], "playing");
    assert!(d["epoch"].as_u64().unwrap() > 6, "{}", d["epoch"]);
    assert_eq!(d["open_ended"], true);
    // a panda change keeps the run and its extended target
    assert!(v.set("lr=0.005").is_empty());
    assert_eq!(v.data()["status"], "playing");
    v.command("pause", "").unwrap();
    let at = v.data()["step"].clone();
    v.advance(1000);
    assert_eq!(v.data()["step"], at, "paused");
    assert_eq!(
        v.data()["epochs"].as_array().unwrap().len() as u64,
        v.data()["epoch"].as_u64().unwrap() + 1
    );
    // A diverged run says why Play cannot go on
    let mut bad = train_view(
        "optimizer=sgd&lr=10&activation=relu&init=he&epochs=200&batch=240&normalise=0&dataset=gaussians&noise=0.5&speed=max",
    );
    assert_eq!(run_to_end(&mut bad)["status"], "diverged");
    let n = bad.command("play", "").unwrap_err();
    assert_eq!(n[0].param, "play");
    assert!(n[0].detail.contains("diverged"), "{n:?}");
}

#[test]
fn a_paced_run_takes_ten_epochs_a_second_and_the_step_buttons_stay_instant() {
    let mut v = train_view("epochs=100");
    assert_eq!(v.data()["pace"], "steady");
    // one simulated second of 60 frames: the clock, then a large budget, as the page does
    v.command("clock", "0").unwrap();
    for frame in 1..=60 {
        v.command("clock", &(frame as f64 * 1000.0 / 60.0).to_string()).unwrap();
        v.advance(100_000);
    }
    let d = v.data();
    let spe = d["steps_per_epoch"].as_u64().unwrap();
    let step = d["step"].as_u64().unwrap();
    assert!(
        (9 * spe..=10 * spe + 1).contains(&step),
        "{step} steps in a second ({spe} per epoch)"
    );
    assert_eq!(d["status"], "playing", "not done after one second");
    // one epoch by hand is not paced
    v.command("epoch", "").unwrap();
    assert_eq!(v.data()["step"].as_u64().unwrap() % spe, 0);
    assert!(v.data()["step"].as_u64().unwrap() >= step);
    // at full speed the budget alone limits it
    let mut fast = train_view("epochs=100&speed=max");
    fast.command("clock", "0").unwrap();
    fast.command("clock", "16").unwrap();
    fast.advance(100_000);
    assert_eq!(fast.data()["status"], "done");
    // the pace is not a new run
    let before = v.data()["step"].clone();
    assert!(v.set("speed=fast").is_empty());
    assert_eq!(v.data()["step"], before);
    assert!(v.data()["marks"].as_array().unwrap().is_empty());
}

#[test]
fn the_ui_query_has_one_counter_of_epoch_and_step() {
    let mut v = train_view("epochs=4&speed=max");
    run_to_end(&mut v);
    let ui = v.command("ui", "").unwrap();
    assert_eq!(ui["epoch"], 4);
    assert_eq!(ui["epochs"], 4);
    assert_eq!(ui["step"], 4 * 15);
    assert_eq!(ui["steps_per_epoch"], 15);
    let pictures = v.command("thumbnails", "").unwrap();
    for id in ["circle", "xor", "gaussians", "spiral", "moons", "digits", "csv"] {
        assert!(pictures[id].as_str().unwrap().starts_with("<svg"), "{id}");
    }
}

#[test]
fn a_phone_stacks_the_panels() {
    let v = train_view("epochs=2");
    let laptop = v.height_for(1000.0);
    let phone = v.height_for(372.0);
    assert!((600.0..=660.0).contains(&laptop), "{laptop}");
    assert!(phone > 2.2 * 372.0, "{phone}: the four panels one above the other");
    let (_, top, side) = trainlab::chart::train::plot_rect(372.0, phone);
    assert!(side > 300.0 && top < 40.0, "the boundary takes the phone's width");
}

/// The text boxes of a figure that overlap (by more than 2 pixels both ways).
fn overlaps(v: &Mounted, width: u32, height: u32, lang: Lang) -> Vec<String> {
    let ops = v.record((width, height), &Theme { scale: 1.0, lang }).unwrap();
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
            if ra.2.min(rb.2) - ra.0.max(rb.0) > 2 && ra.3.min(rb.3) - ra.1.max(rb.1) > 2 {
                out.push(format!("{width} px {lang:?}: {a:?} over {b:?}"));
            }
        }
    }
    out
}

#[test]
fn no_label_overlaps_with_a_readout_open_or_on_the_digits() {
    let mut failures = Vec::new();
    for (query, focus) in [
        ("epochs=2", "1,0"),
        ("epochs=2", "3,0"),
        ("epochs=1&dataset=digits&hidden=100,50", "1,3"),
        ("epochs=1&hidden=64,64,64", "2,5"),
    ] {
        let mut v = train_view(&format!("{query}&speed=max"));
        run_to_end(&mut v);
        v.command("unit", focus).unwrap();
        for width in [1000u32, 372] {
            for height in [v.height_for(width as f64).round() as u32, 422] {
                for lang in [Lang::En, Lang::Ko] {
                    failures.extend(
                        overlaps(&v, width, height, lang)
                            .into_iter()
                            .map(|s| format!("{query}: {s}")),
                    );
                }
            }
        }
        if let Ok(dir) = std::env::var("TRAIN_SVG_DIR") {
            let name = query.replace(['&', '=', ','], "_");
            for (w, h) in [(1000, 620), (372, v.height_for(372.0).round() as u32), (372, 422)] {
                std::fs::write(format!("{dir}/{name}_{w}x{h}.svg"), v.svg(w, h, Lang::En).unwrap()).unwrap();
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn heatmaps_are_sampled_to_a_few_thousand_cells() {
    use trainlab::chart::network::heat_stride;
    // the default 2-8-8-1 network: 19 faces of 24 x 24, every point on faces of 54 device
    // pixels (a laptop at pixel ratio 2), every second one on faces of 27 (ratio 1)
    assert_eq!(heat_stride(19, 24, 54.0), 1);
    assert_eq!(heat_stride(19, 24, 27.0), 2);
    // ten layers of 256 drawn as 12 units each: 132 faces of 12 x 12, every second point
    assert_eq!(heat_stride(132, 12, 20.0), 2);
    // a face of 12 pixels takes at most one cell per 2 pixels
    assert_eq!(heat_stride(1, 24, 12.0), 4);
}
