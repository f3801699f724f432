//! Every word a figure draws or its text alternative says exists in Korean: each registered view,
//! at its defaults and with each option of each choice parameter, after some of its long work,
//! is drawn in English and in Korean, and no English word may be left in the Korean figure or
//! text (names and symbols that Korean text uses as they are, such as `Adam`, `ReLU` or `dev`,
//! are listed below).
use trainlab::app::params::ParamKind;
use trainlab::app::{Mounted, DEFAULT_SIZE, VIEWS};
use trainlab::chart::record::Op;
use trainlab::chart::{Lang, Theme};

/// Words Korean text keeps in Latin letters: names of methods and people, symbols, units, the
/// notes' own abbreviations.
const KEPT: &[&str] = &[
    "SGD",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "Adam",
    "ReLU",
    "relu",
    "tanh",
    "sigmoid",
    "leaky",
    "linear",
    "softmax",
    "Xavier",
    "Glorot",
    "He",
    "dev",
    "Bayes",
    "DLFS",
    "MNIST",
    "CSV",
    "BN",
    "Optuna",
    "Ray",
    "Tune",
    "scikit",
    "learn",
    "Keras",
    "Tuner",
    "Rosenbrock",
    "std",
    "log",
    "exp",
    "min",
    "max",
    "lr",
    "eps",
    "epsilon",
    "beta",
    "alpha",
    "lambda",
    "keep",
    "prob",
    "Ioffe",
    "Szegedy",
    "Ng",
    "dJ",
    "dz",
    "Jamieson",
    "Talwalkar",
    // option values of the space designer's categorical hyperparameters, as the exported code spells them
    "adam",
    "sgd",
    "rmsprop",
];

/// The Latin words of `text` that are neither kept names nor identifiers: a token with an
/// underscore (`learning_rate`, `dθ_approx`) is an identifier, and so is an option id of the view's
/// own schema (the space designer's hyperparameter names), shown as the code spells it.
fn latin_words(text: &str, ids: &[&str]) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|token| !token.contains('_'))
        .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 3 && !KEPT.contains(w) && !ids.contains(w))
        .map(str::to_string)
        .collect()
}

fn texts(view: &Mounted, lang: Lang) -> Vec<String> {
    let ops = view
        .record(DEFAULT_SIZE, &Theme { scale: 1.0, lang })
        .unwrap_or_else(|e| panic!("{}: {e}", view.id()));
    let mut out: Vec<String> = ops
        .into_iter()
        .filter_map(|op| match op {
            Op::Text(s, _, _) => Some(s),
            _ => None,
        })
        .collect();
    out.push(view.describe(lang));
    out
}

fn check(view: &Mounted, what: &str, failures: &mut Vec<String>) {
    let ids: Vec<&str> = view
        .entry()
        .params
        .iter()
        .flat_map(|p| match p.kind {
            ParamKind::Choice { options } => options.to_vec(),
            _ => Vec::new(),
        })
        .collect();
    for text in texts(view, Lang::Ko) {
        let english = latin_words(&text, &ids);
        if !english.is_empty() {
            failures.push(format!("{} ({what}): {english:?} in {text:?}", view.id()));
        }
    }
}

#[test]
fn korean_figures_and_text_alternatives_have_no_english_words() {
    let mut failures = Vec::new();
    for entry in VIEWS {
        let mut view = Mounted::new(entry.id).unwrap();
        view.advance(300);
        check(&view, "defaults", &mut failures);
        for spec in entry.params {
            let ParamKind::Choice { options } = spec.kind else {
                continue;
            };
            for option in options {
                let mut v = Mounted::new(entry.id).unwrap();
                if !v.set(&format!("{}={option}", spec.name)).is_empty() {
                    continue;
                }
                v.advance(300);
                check(&v, &format!("{}={option}", spec.name), &mut failures);
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} untranslated:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `view=tuning` showing a results file (an Optuna study, a Ray Tune run): every panel and the
/// text alternative in Korean too.
#[test]
fn imported_tuning_results_are_drawn_in_korean_too() {
    let optuna = "number,value,params_lr,params_weight_decay,user_attrs_val_acc,state\n\
0,0.5,0.01,1e-5,\"[0.2, 0.5]\",COMPLETE\n1,0.3,0.001,1e-6,[0.3],PRUNED\n";
    let ray = "val_acc,training_iteration,trial_id,config/lr,config/weight_decay\n\
0.2,1,a_00000,0.01,1e-5\n0.6,2,a_00000,0.01,1e-5\n0.7,1,a_00001,0.1,1e-6\n";
    let mut failures = Vec::new();
    for (engine, csv) in [("optuna", optuna), ("ray", ray)] {
        for panel in ["scatter", "curves", "best"] {
            let mut v = Mounted::new("tuning").unwrap();
            assert!(v.set(&format!("panel={panel}")).is_empty());
            v.command("results", csv).unwrap();
            check(&v, &format!("{engine} results, panel={panel}"), &mut failures);
        }
    }
    assert!(failures.is_empty(), "untranslated:\n{}", failures.join("\n"));
}
