//! `view=tuning` with a results file brought back (`command("results", csv)`): the lab's own CSV,
//! an Optuna `trials_dataframe()` and Ray Tune's per-epoch rows are drawn in every panel and both
//! languages, the summary names the engine's best trial, a malformed file is a notice on
//! `results` naming its line and leaves the figure as it was, and `clear_results` (or a new
//! search) shows the search again.
use trainlab::app::params::Problem;
use trainlab::app::Mounted;
use trainlab::chart::Lang;

const OPTUNA: &str = "number,value,datetime_start,params_lr,params_weight_decay,user_attrs_epochs,user_attrs_val_acc,user_attrs_train_acc,user_attrs_worker,state\n\
0,0.5,2026-01-01,0.01,1e-5,3,\"[0.2, 0.4, 0.5]\",\"[0.3, 0.5, 0.6]\",a:1,COMPLETE\n\
1,0.3,2026-01-01,0.001,1e-6,1,[0.3],[0.35],b:2,PRUNED\n\
2,0.7,2026-01-01,0.02,1e-7,3,\"[0.1, 0.3, 0.7]\",\"[0.2, 0.4, 0.6]\",a:1,COMPLETE\n";

const RAY: &str = "val_acc,train_acc,training_iteration,trial_id,config/lr,config/weight_decay\n\
0.2,0.3,1,a_00000,0.01,1e-5\n0.6,0.7,2,a_00000,0.01,1e-5\n0.7,0.8,1,a_00001,0.1,1e-6\n";

fn small() -> Mounted {
    let mut v = Mounted::new("tuning").unwrap();
    let q = "trials=4&epochs=2&samples=100&layers=1&units=8&batch=20&lr_min=-2&lr_max=0&seed=3&workers=0";
    assert!(v.set(q).is_empty());
    while v.advance(200).is_some_and(|p| !p.finished()) {}
    v
}

fn draws_everywhere(v: &mut Mounted) {
    for panel in ["scatter", "curves", "best"] {
        assert!(v.set(&format!("panel={panel}")).is_empty());
        for lang in [Lang::En, Lang::Ko] {
            let svg = v.svg(640, 480, lang).unwrap();
            assert!(svg.contains("<svg") && svg.len() > 1000, "{panel} {lang:?}");
        }
    }
}

#[test]
fn each_engines_file_is_drawn_and_its_best_trial_named() {
    let mut v = small();
    let own = v.csv();
    for (text, source, best) in [(OPTUNA, "optuna", "2"), (RAY, "ray_tune", "a_00001")] {
        let s = v.command("results", text).unwrap();
        assert_eq!(s["source"], source);
        assert_eq!(s["best"]["label"], best, "{s}");
        assert_eq!(v.data()["imported"]["source"], source);
        assert_eq!(
            v.data()["tables"][0]["rows"].as_array().unwrap().len(),
            s["trials"].as_u64().unwrap() as usize
        );
        draws_everywhere(&mut v);
        assert!(v.describe(Lang::En).contains(best), "{}", v.describe(Lang::En));
    }
    // the lab's own CSV comes back with the lab's best trial
    let s = v.command("results", &own).unwrap();
    assert_eq!(s["source"], "lab");
    assert_eq!(s["trials"], 4);
    v.command("clear_results", "").unwrap();
    assert!(v.data()["imported"].is_null());
}

#[test]
fn a_malformed_file_names_its_line_and_keeps_what_was_shown() {
    let mut v = small();
    v.command("results", OPTUNA).unwrap();
    let before = (v.data(), v.svg(640, 480, Lang::En).unwrap());
    let bad = OPTUNA.replace("0.001,1e-6", "fast,1e-6");
    let e = v.command("results", &bad).unwrap_err();
    assert_eq!((e[0].param.as_str(), e[0].problem), ("results", Problem::Rejected));
    assert!(e[0].detail.contains("line 3"), "{e:?}");
    assert!(v.command("results", "a,b\n1,2\n").is_err());
    assert_eq!((v.data(), v.svg(640, 480, Lang::En).unwrap()), before);
    // a new search setting shows the search again
    assert!(v.set("seed=4").is_empty());
    assert!(v.data()["imported"].is_null());
}
