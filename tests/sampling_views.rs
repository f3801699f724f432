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
