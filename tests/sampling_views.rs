//! view=search and view=scale through the registry: numbers, figure words, bad input (a notice
//! naming the parameter, the previous figure kept) and determinism.
use trainlab::app::params::Problem;
use trainlab::app::Mounted;
use trainlab::chart::Lang;

fn view(id: &str, query: &str) -> Mounted {
    let mut v = Mounted::new(id).unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{query}: {notices:?}");
    v
}

fn refused(v: &mut Mounted, query: &str, param: &str, words: &str) {
    let before = v.data();
    let notices = v.set(query);
    assert!(
        notices
            .iter()
            .any(|n| n.param == param && n.problem == Problem::Inconsistent && n.detail.contains(words)),
        "{query}: {notices:?}"
    );
    assert_eq!(v.data(), before, "{query}: the previous figure must stay");
}

#[test]
fn search_counts_distinct_values_and_draws_them() {
    let v = view("search", "n=4&seed=2");
    let d = v.data();
    assert_eq!(d["grid"]["distinct_alpha"], 4);
    assert_eq!(d["random"]["distinct_alpha"], 16);
    assert_eq!(d["budget"], 16);
    let svg = v.svg(760, 440, Lang::En).unwrap();
    assert!(svg.contains("4×4 grid · 4 α"), "panel title with the distinct count");
    assert!(svg.contains("16 random · 16 α"));
    assert!(!svg.contains("P(top 5%)"), "no study row unless asked for");
    let table = &d["tables"][0]["rows"];
    assert_eq!(table[0][2], 4);
    assert_eq!(table[1][2], 16);
}

#[test]
fn search_study_is_part_of_the_state_and_reproducible() {
    let a = view("search", "study=1&repeats=300&seed=5");
    let b = view("search", "study=1&repeats=300&seed=5");
    assert_eq!(a.data(), b.data());
    let s = &a.data()["study"];
    assert_eq!(s["grid_best"].as_array().unwrap().len(), 300);
    assert!(s["random_hit_rate"].as_f64().unwrap() > s["grid_hit_rate"].as_f64().unwrap());
    assert!(a.svg(760, 440, Lang::En).unwrap().contains("P(top 5%)"));
    assert!(a.describe(Lang::En).contains("1 − 0.95^25"));
}

#[test]
fn search_refuses_empty_ranges() {
    let mut v = view("search", "");
    refused(&mut v, "alpha_low=2&alpha_high=0.5", "alpha_low", "below high");
    refused(&mut v, "eps_low=1e-3&eps_high=1e-3", "eps_low", "below high");
    refused(&mut v, "per_round=5&keep=8", "keep", "best points kept");
}

#[test]
fn scale_shares_follow_the_scale_and_the_recipe_follows_the_range() {
    let v = view("scale", "samples=20000");
    let d = v.data();
    let shares = d["shares"].as_array().unwrap();
    assert_eq!(shares.len(), 4);
    // 5 binomial SE at n = 20,000: 0.0153 for p = 0.25, 0.0106 for p = 0.9
    for s in shares {
        assert!((s["right"].as_f64().unwrap() - 0.25).abs() < 0.0153, "{s}");
    }
    assert!((shares[3]["left"].as_f64().unwrap() - 0.9).abs() < 0.0106);
    for h in d["histograms"].as_array().unwrap() {
        let total: u64 = h["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap())
            .sum();
        assert_eq!(total, 20_000);
    }
    let code = d["code"].as_str().unwrap();
    assert!(
        code.contains("a = log10(0.0001)   # = -4") && code.contains("alpha = 10 ** r"),
        "{code}"
    );
    let code = view("scale", "alpha_low=0.001&alpha_high=10").data()["code"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        code.contains("a = log10(0.001)   # = -3") && code.contains("# = 1"),
        "{code}"
    );
    let beta = view("scale", "panel=beta").data();
    let code = beta["code"].as_str().unwrap();
    assert!(
        code.contains("beta = 1 - 10 ** r") && code.contains("beta = 1 - 10 ** (-r - 1)"),
        "{code}"
    );
    let ints = view("scale", "panel=integers&axis_left=linear");
    // one bar per whole number of 50..=100
    assert_eq!(ints.data()["histograms"][0]["counts"].as_array().unwrap().len(), 51);
    assert!(ints
        .svg(760, 440, Lang::En)
        .unwrap()
        .contains("hidden units: whole numbers"));
}

#[test]
fn scale_refuses_bad_input_and_keeps_its_figure() {
    let mut v = view("scale", "");
    refused(&mut v, "samples=100001", "samples", "cap of 100000");
    refused(&mut v, "alpha_low=0", "alpha_low", "low > 0");
    refused(&mut v, "alpha_low=2", "alpha_low", "below high");
    let mut b = view("scale", "panel=beta");
    refused(&mut b, "beta_high=1", "beta_low", "1 − x");
    refused(&mut b, "beta_low=0", "beta_low", "1 − x");
    // the cap itself is accepted
    assert!(v.set("samples=100000").is_empty());
    assert_eq!(v.data()["samples"], 100_000);
}

#[test]
fn merged_heatmap_covers_the_box_once_with_few_rectangles() {
    use trainlab::chart::search::heat_rects;
    use trainlab::core::lab::search::{surface_grid, Surface};
    for (surface, most) in [(Surface::OneMatters, 36 * 4), (Surface::Interaction, 36 * 24)] {
        let heat = surface_grid(surface, 36, 24);
        let rects = heat_rects(&heat, (-4.0, 0.0), (-10.0, -6.0));
        let area: f64 = rects.iter().map(|r| (r.1 - r.0) * (r.3 - r.2)).sum();
        assert!(
            (area - 16.0).abs() < 1e-9,
            "{surface:?}: the rectangles tile the 4 x 4 box"
        );
        assert!(rects.len() <= most, "{surface:?}: {} rectangles", rects.len());
    }
    // only alpha matters: the columns are (nearly) constant, so far fewer than 864 cells are drawn
    assert!(heat_rects(&surface_grid(Surface::OneMatters, 36, 24), (0.0, 1.0), (0.0, 1.0)).len() < 100);
}

#[test]
fn relevance_rules_name_parameters_and_options_that_exist() {
    use trainlab::app::params::{ParamKind, ParamSpec, When};
    fn check(view: &str, params: &[ParamSpec], rule: &When) {
        let kind = |name: &str| {
            params
                .iter()
                .find(|p| p.name == name)
                .unwrap_or_else(|| panic!("{view}: a rule names {name}, which is not a parameter"))
                .kind
        };
        match rule {
            When::Always => {}
            When::On { param } => assert_eq!(kind(param), ParamKind::Bool, "{view}: {param} is not a flag"),
            When::OneOf { param, values } | When::NoneOf { param, values } => {
                let ParamKind::Choice { options } = kind(param) else {
                    panic!("{view}: {param} is not a choice")
                };
                for v in *values {
                    assert!(options.contains(v), "{view}: {param} has no option {v}");
                }
            }
            When::Below { param, .. } | When::AtLeast { param, .. } => assert!(
                matches!(kind(param), ParamKind::Float { .. } | ParamKind::Int { .. }),
                "{view}: {param} is not a number"
            ),
            When::All { rules } => rules.iter().for_each(|r| check(view, params, r)),
        }
    }
    for id in ["optimizers", "search", "scale", "space"] {
        let entry = trainlab::app::entry(id).unwrap();
        for p in entry.params {
            check(id, entry.params, &p.when);
        }
    }
}

/// Whether parameter `name` of view `id` matters after `query`.
fn relevant(id: &str, query: &str, name: &str) -> bool {
    let mut p = trainlab::app::params::ParamSet::defaults(trainlab::app::entry(id).unwrap().params);
    assert!(p.apply_query(query).is_empty(), "{query}");
    p.relevant(name)
}

#[test]
fn each_panel_reads_only_its_own_range_and_the_study_its_repeats() {
    for (panel, own) in [
        ("alpha", &["alpha_low", "alpha_high"][..]),
        ("beta", &["beta_low", "beta_high"][..]),
        (
            "integers",
            &["units_low", "units_high", "layers_low", "layers_high"][..],
        ),
    ] {
        for name in [
            "alpha_low",
            "alpha_high",
            "beta_low",
            "beta_high",
            "units_low",
            "units_high",
            "layers_low",
            "layers_high",
        ] {
            assert_eq!(
                relevant("scale", &format!("panel={panel}"), name),
                own.contains(&name),
                "{panel}: {name}"
            );
        }
        // another panel's range changes nothing drawn
        let other = if panel == "alpha" {
            "beta_low=0.5"
        } else {
            "alpha_low=0.01"
        };
        assert_eq!(
            view("scale", &format!("panel={panel}&{other}")).data()["histograms"],
            view("scale", &format!("panel={panel}")).data()["histograms"]
        );
    }
    assert!(!relevant("search", "", "repeats") && relevant("search", "study=1", "repeats"));
    assert!(relevant("search", "", "keep"));
}

/// Every text the figure of `v` draws at `width` CSS pixels (its own height for that width).
fn texts(v: &Mounted, width: u32) -> Vec<String> {
    use trainlab::chart::record::Op;
    let height = v.height_for(width as f64).round() as u32;
    v.record((width, height), &trainlab::chart::Theme::default())
        .unwrap()
        .into_iter()
        .filter_map(|op| match op {
            Op::Text(s, ..) => Some(s),
            _ => None,
        })
        .collect()
}

fn readout(v: &mut Mounted, at: (f64, f64), size: (f64, f64)) -> serde_json::Value {
    let arg = serde_json::json!({"x": at.0, "y": at.1, "width": size.0, "height": size.1}).to_string();
    v.command("readout", &arg).unwrap()
}

#[test]
fn whole_numbers_get_a_linear_axis_and_one_bar_each_at_the_defaults() {
    // panel=integers with the axes at their defaults (log): 51 bars for 50..=100 hidden units and
    // 3 for 2..=4 layers, not 40 log bins each; the axis choice does not apply to whole numbers
    let v = view("scale", "panel=integers");
    let d = v.data();
    let hist = d["histograms"].as_array().unwrap();
    assert_eq!(hist[0]["counts"].as_array().unwrap().len(), 51);
    assert_eq!(hist[1]["counts"].as_array().unwrap().len(), 3);
    assert!(hist.iter().all(|h| h["x_axis"] == "linear"), "{d}");
    assert_eq!(
        view("scale", "panel=integers&axis_left=log").data()["histograms"],
        d["histograms"]
    );
    // ticks at whole numbers only (no 2.5 between 2 and 3 layers)
    let labels = texts(&v, 1000);
    for t in ["2", "3", "4"] {
        assert!(labels.iter().any(|l| l == t), "{labels:?}");
    }
    assert!(!labels.iter().any(|l| l == "2.5" || l == "3.5"), "{labels:?}");
}

#[test]
fn log_axes_are_labelled_by_decades_and_beta_by_its_nines() {
    let beta = texts(&view("scale", "panel=beta"), 1000);
    for t in ["0.9", "0.99", "0.999"] {
        assert!(beta.iter().any(|l| l == t), "{beta:?}");
    }
    for odd in ["0.968", "0.997", "0.994"] {
        assert!(!beta.iter().any(|l| l == odd), "{odd} in {beta:?}");
    }
    let alpha = texts(&view("scale", ""), 1000);
    for t in ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"] {
        assert!(alpha.iter().any(|l| l == t), "{alpha:?}");
    }
    assert!(!alpha.iter().any(|l| l.contains("e0") || l == "1e0"), "{alpha:?}");
    // search: decades on both log axes, on a laptop and on a phone
    for width in [1000, 372] {
        let all = texts(&view("search", ""), width);
        assert!(
            all.iter().any(|l| l == "10⁻⁸") && all.iter().any(|l| l == "10⁻²"),
            "{all:?}"
        );
        assert!(!all.iter().any(|l| l.contains("e-") || l.contains("e0")), "{all:?}");
    }
}

#[test]
fn panels_reflow_for_a_phone() {
    // the search's three panels: a row on a laptop, one column on a phone (taller than 0.58 w)
    let s = view("search", "");
    assert!(s.height_for(372.0) > 2.0 * 0.58 * 372.0 / 2.0 && s.height_for(372.0) >= 3.0 * 140.0);
    assert!(s.height_for(1000.0) < 0.58 * 1000.0);
    let study = view("search", "study=1&repeats=20");
    assert!(study.height_for(372.0) > s.height_for(372.0) && study.height_for(1000.0) > s.height_for(1000.0));
    // scale: two side by side on a laptop, stacked on a phone; space: four across, two by two
    let h = view("scale", "");
    assert!(h.height_for(372.0) >= 2.0 * 150.0 && h.height_for(1000.0) <= 440.0);
    let sp = view("space", "");
    assert!(sp.height_for(372.0) >= 2.0 * 150.0, "{}", sp.height_for(372.0));
}

#[test]
fn readouts_name_the_bin_and_the_trial_under_the_pointer() {
    // scale: the first bar of the right (log) histogram of α: [1e-4, 1e-4 · 10^0.1), its count
    let mut v = view("scale", "");
    let size = (1000.0, v.height_for(1000.0));
    let d = v.data();
    // right panel: x from 0.5 + inset 48 to 1.0 - inset 10; one pixel right of its left edge
    let at = (500.0 + 48.0 + 2.0, size.1 - 40.0 - 2.0);
    let r = readout(&mut v, at, size);
    assert_eq!(r["histogram"], "alpha_log", "{r}");
    assert_eq!(r["count"], d["histograms"][1]["counts"][0], "{r}");
    assert!((r["low"].as_f64().unwrap() - 1e-4).abs() < 1e-12, "{r}");
    assert!(readout(&mut v, (2.0, 2.0), size).is_null());
    // space: the optimizer's bars name their option
    let mut sp = view("space", "");
    let size = (1000.0, sp.height_for(1000.0));
    let r = readout(&mut sp, (500.0 + 48.0 + 4.0, size.1 - 26.0 - 2.0), size);
    assert_eq!(
        (r["name"].as_str(), r["option"].as_str()),
        (Some("optimizer"), Some("adam")),
        "{r}"
    );
    // search: a grid trial's values and dev error
    let mut s = view("search", "");
    let size = (1000.0, s.height_for(1000.0));
    let d = s.data();
    let p = &d["grid"]["points"][0];
    // the grid panel: the first third; plotting area inset [52, 22, 12, 38]; x = log10 α over
    // [-4, 0], y = log10 ε over [-10, -6]
    let (l, t, r_, b) = (52.0, 22.0, 1000.0 / 3.0 - 12.0, size.1 - 38.0);
    let x = l + (p["alpha"].as_f64().unwrap().log10() + 4.0) / 4.0 * (r_ - l);
    let y = t + (-6.0 - p["epsilon"].as_f64().unwrap().log10()) / 4.0 * (b - t);
    let r = readout(&mut s, (x + 1.0, y + 1.0), size);
    assert_eq!(r["strategy"], "grid", "{r}");
    assert_eq!(r["error"], p["error"], "{r}");
    assert!(readout(&mut s, (2.0, 2.0), size).is_null());
}
