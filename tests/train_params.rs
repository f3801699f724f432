//! view=train's parameter schema against the run: each relevance rule holds exactly when the
//! parameter changes what the session reads (an optimizer's settings, the schedule's decay, the
//! generated sets' samples and noise).
use trainlab::app::Mounted;

fn train_view(query: &str) -> Mounted {
    let mut v = Mounted::new("train").unwrap();
    let notices = v.set(query);
    assert!(notices.is_empty(), "{notices:?}");
    v
}

/// The mini-batch costs of the first steps of the run `query` asks for.
fn first_costs(query: &str) -> serde_json::Value {
    let mut v = train_view(query);
    v.advance(40);
    let costs = v.data()["step_losses"].clone();
    assert!(costs.as_array().unwrap().len() >= 10, "{query}: {costs}");
    costs
}

#[test]
fn relevance_rules_follow_what_the_run_reads() {
    // A parameter is shown exactly when changing it changes the run.
    let check = |choice: &str, option: &str, param: &str, values: [&str; 2], extra: &str| {
        let q = |value: &str| format!("{choice}={option}&{param}={value}&epochs=3{extra}");
        let relevant = train_view(&q(values[0])).params().relevant(param);
        let differs = first_costs(&q(values[0])) != first_costs(&q(values[1]));
        assert_eq!(relevant, differs, "{param} with {choice}={option}");
    };
    for optimizer in ["adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad"] {
        check("optimizer", optimizer, "momentum", ["0.5", "0.9"], "");
        check("optimizer", optimizer, "beta2", ["0.9", "0.999"], "");
    }
    for schedule in ["constant", "inverse_time", "exponential", "inverse_sqrt", "staircase"] {
        check("schedule", schedule, "decay", ["0.05", "0.5"], "");
    }
    for dataset in ["circle", "xor", "gaussians", "spiral", "moons", "digits"] {
        check("dataset", dataset, "noise", ["0", "0.3"], "");
        check("dataset", dataset, "samples", ["300", "400"], "");
    }
    // An uploaded CSV reads neither.
    let mut v = train_view("epochs=3");
    let r = v
        .command("csv", "x,y,c\n0,0,a\n1,0,b\n0,1,a\n1,1,b\n2,2,a\n2,0,b\n0,2,a\n3,1,b\n")
        .unwrap();
    assert!(v.set(r["query"].as_str().unwrap()).is_empty());
    v.advance(40);
    for (param, value) in [("samples", "300"), ("noise", "0.3")] {
        assert!(!v.params().relevant(param), "{param} with a CSV");
        let before = v.data()["step_losses"].clone();
        assert!(v.set(&format!("{param}={value}")).is_empty());
        assert_eq!(v.data()["step_losses"], before, "{param} changes nothing of a CSV");
    }
}

#[test]
fn choice_options_are_the_core_enums_ids_in_the_pages_order() {
    use trainlab::app::params::ParamKind;
    use trainlab::app::train::PARAMS;
    use trainlab::core::data::{Shape, Task};
    use trainlab::core::nn::Activation;
    use trainlab::core::optim::OptimizerKind;
    use trainlab::core::schedule::ScheduleKind;
    let options = |name: &str| -> Vec<&str> {
        match PARAMS.iter().find(|p| p.name == name).unwrap().kind {
            ParamKind::Choice { options } => options.to_vec(),
            _ => panic!("{name} is not a choice"),
        }
    };
    let sorted = |mut v: Vec<&'static str>| {
        v.sort();
        v
    };
    // The page keeps its own order (Adam and tanh first); the ids are the core's, each once.
    assert_eq!(sorted(options("optimizer")), sorted(OptimizerKind::IDS.to_vec()));
    assert_eq!(sorted(options("activation")), sorted(Activation::IDS.to_vec()));
    assert_eq!(options("schedule"), ScheduleKind::IDS.to_vec());
    // Every generated data set is a classification shape of the core.
    for id in options("dataset")
        .into_iter()
        .filter(|d| !["digits", "csv"].contains(d))
    {
        let shape = Shape::from_id(id).unwrap_or_else(|| panic!("{id} is no Shape"));
        let data = trainlab::core::data::SyntheticConfig {
            shape,
            ..Default::default()
        }
        .generate(&mut trainlab::core::math::rng::seeded(1))
        .unwrap();
        assert!(matches!(data.task, Task::Classification { .. }), "{id}");
    }
}
