//! The two engine files of a [`StudyExport`]: a header saying what the study reproduces and how
//! to run it on one machine and on many, the imports, the settings (`SETTINGS`, the fixed
//! hyperparameters `FIXED`), the shared network ([`super::python::NETWORK`]), the searched
//! hyperparameters in the engine's own words, and the engine's main: Optuna's study over a
//! storage URL with `SuccessiveHalvingPruner`, or Ray Tune's `Tuner` with `ASHAScheduler`.
use super::python::NETWORK;
use super::{py_float, Fixed, Knob, StudyExport};
use crate::core::math::format::code;
use crate::core::sampling::Scale;
use crate::core::search_space::HyperParam;

/// A Python string literal (the names and options here are identifiers and plain words).
fn py_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn py_list(options: &[String]) -> String {
    format!("[{}]", options.iter().map(|o| py_str(o)).collect::<Vec<_>>().join(", "))
}

/// A whole-number end of a range as a Python int.
fn py_int(v: f64) -> String {
    format!("{}", v.round() as i64)
}

/// One line of the header per searched hyperparameter: its name and how it is drawn.
fn describe(p: &HyperParam) -> String {
    let (lo, hi) = (code(p.low), code(p.high));
    match p.scale {
        Scale::Linear => format!("{} uniform in [{lo}, {hi}]", p.name),
        Scale::Log => format!("{} log-uniform in [{lo}, {hi}]", p.name),
        Scale::LogOneMinus => format!(
            "{} = 1 - (log-uniform in [{}, {}])",
            p.name,
            code(1.0 - p.high),
            code(1.0 - p.low)
        ),
        Scale::Integer => format!("{} a whole number in {}..{}", p.name, py_int(p.low), py_int(p.high)),
        Scale::Choice { .. } => format!("{} one of {}", p.name, p.options.join(", ")),
    }
}

/// The header's paragraph on what the study reproduces.
fn reproduces(s: &StudyExport) -> String {
    let f = &s.fixed;
    let searched: Vec<String> = s.space.params.iter().map(describe).collect();
    let halving = match s.halving {
        Some(h) => format!(
            "Successive halving as the lab runs it: eta {}, first rung {} epochs (validation accuracy\nreported after every epoch; the engine stops the trials below the best 1/eta of each rung).",
            h.eta, h.min_epochs
        ),
        None => "Every trial runs every epoch (successive halving off in the lab).".to_string(),
    };
    format!(
        "Reproduces trainlab's view={}: a random search of {} trials over\n  {}\nof a network of {} hidden layers of {} units ({}, {} init, softmax output), trained by {} in\nbatches of {} for {} epochs on {} of scikit-learn's 1,797 8x8 digits with {} held out for\nvalidation (seed {}; numpy's generator, so the lab's split rule and sizes, not its rows).\n{halving}",
        s.origin.id(),
        s.trials,
        searched.join("\n  "),
        f.layers,
        f.units,
        f.activation,
        if f.activation == "relu" { "He" } else { "Xavier" },
        f.optimizer,
        f.batch,
        s.epochs,
        s.samples,
        code(s.val_fraction),
        s.seed,
    )
}

/// The settings block: data and epochs, halving, and the fixed hyperparameters.
fn settings(s: &StudyExport) -> String {
    let halving = match s.halving {
        Some(h) => format!("{{\"eta\": {}, \"min_epochs\": {}}}", h.eta, h.min_epochs),
        None => "None".to_string(),
    };
    let searched: Vec<Knob> = s.space.params.iter().filter_map(|p| Knob::of_name(&p.name)).collect();
    let f: &Fixed = &s.fixed;
    let value = |k: Knob| match k {
        Knob::Lr => py_float(f.lr),
        Knob::WeightDecay => py_float(f.weight_decay),
        Knob::Layers => f.layers.to_string(),
        Knob::Units => f.units.to_string(),
        Knob::Batch => f.batch.to_string(),
        Knob::Dropout => py_float(f.dropout),
        Knob::Optimizer => py_str(f.optimizer),
        Knob::Activation => py_str(f.activation),
        Knob::Beta => f.beta.map_or("None".to_string(), py_float),
        Knob::Beta1 => py_float(f.beta1),
        Knob::Beta2 => py_float(f.beta2),
        Knob::Epsilon => py_float(f.epsilon),
    };
    let mut fixed = String::new();
    for k in Knob::ALL.into_iter().filter(|k| !searched.contains(k)) {
        fixed.push_str(&format!("    \"{}\": {},\n", k.id(), value(k)));
    }
    format!(
        "SETTINGS = {{\n    \"samples\": {},\n    \"val_fraction\": {},\n    \"seed\": {},\n    \"epochs\": {},\n    \"halving\": {halving},\n}}\n\n# Every hyperparameter of a trial that is not searched (beta None: the optimizer's own).\nFIXED = {{\n{fixed}    \"epochs\": {},\n}}\n",
        s.samples,
        py_float(s.val_fraction),
        s.seed,
        s.epochs,
        s.epochs,
    )
}

/// `hp["key"] = <value>` with `value` the engine's draw of `p` (a whole number cast to int).
fn assign(k: Knob, p: &HyperParam, value: String) -> String {
    let value = match p.scale {
        Scale::LogOneMinus => format!("1.0 - {value}"),
        Scale::Integer => format!("int({value})"),
        _ => value,
    };
    format!("    hp[\"{}\"] = {value}\n", k.id())
}

/// Optuna's draws: `trial.suggest_float(name, low, high, log=True)`, `suggest_int`,
/// `suggest_categorical`; "log of 1 - x" draws `one_minus_<name>` log-uniformly.
fn optuna_draws(s: &StudyExport) -> String {
    let mut out = String::new();
    for (k, p) in s.searched() {
        let (n, lo, hi) = (&p.name, py_float(p.low), py_float(p.high));
        let draw = match p.scale {
            Scale::Linear => format!("trial.suggest_float(\"{n}\", {lo}, {hi})"),
            Scale::Log => format!("trial.suggest_float(\"{n}\", {lo}, {hi}, log=True)"),
            Scale::LogOneMinus => format!(
                "trial.suggest_float(\"one_minus_{n}\", {}, {}, log=True)",
                py_float(1.0 - p.high),
                py_float(1.0 - p.low)
            ),
            Scale::Integer => format!("trial.suggest_int(\"{n}\", {}, {})", py_int(p.low), py_int(p.high)),
            Scale::Choice { .. } => format!("trial.suggest_categorical(\"{n}\", {})", py_list(&p.options)),
        };
        out.push_str(&assign(k, p, draw));
    }
    out
}

/// Ray Tune's `param_space` entries and the trainable's reads of them (`tune.randint`'s upper
/// end is exclusive).
fn ray_draws(s: &StudyExport) -> (String, String) {
    let (mut space, mut reads) = (String::new(), String::new());
    for (k, p) in s.searched() {
        let (n, lo, hi) = (&p.name, py_float(p.low), py_float(p.high));
        let (key, draw) = match p.scale {
            Scale::Linear => (n.clone(), format!("tune.uniform({lo}, {hi})")),
            Scale::Log => (n.clone(), format!("tune.loguniform({lo}, {hi})")),
            Scale::LogOneMinus => (
                format!("one_minus_{n}"),
                format!("tune.loguniform({}, {})", py_float(1.0 - p.high), py_float(1.0 - p.low)),
            ),
            Scale::Integer => (
                n.clone(),
                format!("tune.randint({}, {})", py_int(p.low), py_int(p.high + 1.0)),
            ),
            Scale::Choice { .. } => (n.clone(), format!("tune.choice({})", py_list(&p.options))),
        };
        space.push_str(&format!("    \"{key}\": {draw},\n"));
        reads.push_str(&assign(k, p, format!("config[\"{key}\"]")));
    }
    (space, reads)
}

const OPTUNA_MAIN: &str = include_str!("optuna_main.py");
const RAY_MAIN: &str = include_str!("ray_main.py");

/// The header docstring, the imports and the settings.
fn head(s: &StudyExport, engine: &str, run: &str, imports: &str) -> String {
    format!(
        "#!/usr/bin/env python3\n\"\"\"A complete {engine} study exported from trainlab ({}).\n\n{}\n\nNeeds only numpy, scikit-learn and {engine}.\n\n{run}\"\"\"\n{imports}\n\n{}",
        s.file_name(if engine == "Optuna" { "optuna" } else { "ray" }),
        reproduces(s),
        settings(s)
    )
}

/// The Optuna file.
pub fn optuna(s: &StudyExport) -> String {
    let file = s.file_name("optuna");
    let db = format!("trainlab_{}.db", s.origin.id());
    let run = format!(
        "One machine:\n    pip install numpy scikit-learn optuna\n    python {file}                 # {n} trials into sqlite:///{db}\nSeveral processes sharing one study (each runs its --n-trials; the storage holds them all):\n    python {file} --n-trials {half} & python {file} --n-trials {half}\nMany machines: one database server they all reach, any SQLAlchemy URL (and its driver):\n    python {file} --storage postgresql://USER:PASSWORD@DBHOST/optuna --n-trials 10\nAt the end each process writes every trial of the study so far (trials_dataframe()) to --csv;\nload that file in the lab (view=tuning, \"Load results\") to see it in the lab's figures.\n",
        n = s.trials,
        half = s.trials.div_ceil(2),
    );
    let imports = "import argparse\nimport functools\nimport math\nimport os\nimport socket\nimport time\n\nimport numpy as np\nimport optuna\nfrom sklearn.datasets import load_digits";
    let pruner = match s.halving {
        Some(h) => format!(
            "optuna.pruners.SuccessiveHalvingPruner(min_resource={}, reduction_factor={}, min_early_stopping_rate=0)",
            h.min_epochs, h.eta
        ),
        None => "optuna.pruners.NopPruner()".to_string(),
    };
    let main = OPTUNA_MAIN
        .replace("{draws}", &optuna_draws(s))
        .replace("{pruner}", &pruner)
        .replace("{trials}", &s.trials.to_string())
        .replace("{db}", &db)
        .replace("{name}", &format!("trainlab-{}", s.origin.id()))
        .replace("{csv}", &format!("trainlab_{}_optuna.csv", s.origin.id()));
    format!("{}{NETWORK}{main}", head(s, "Optuna", &run, imports))
}

/// The Ray Tune file.
pub fn ray_tune(s: &StudyExport) -> String {
    let file = s.file_name("ray");
    let run = format!(
        "One machine (all its cores, or --cpus N):\n    pip install numpy scikit-learn \"ray[tune]\"\n    python {file} --cpus 4\nA cluster: start Ray on every machine (`ray start --head` on one, `ray start --address HEAD:6379`\non the others), then on the head:\n    python {file} --address auto\nAt the end the per-epoch results of every trial are written to --csv; load that file in the lab\n(view=tuning, \"Load results\") to see it in the lab's figures.\n"
    );
    let imports = "import argparse\nimport math\nimport os\nimport zlib\n\nimport numpy as np\nimport ray\nfrom ray import tune\nfrom ray.tune.schedulers import ASHAScheduler\nfrom sklearn.datasets import load_digits";
    let scheduler = match s.halving {
        Some(h) => format!(
            "ASHAScheduler(time_attr=\"training_iteration\", max_t={}, grace_period={}, reduction_factor={})",
            s.epochs, h.min_epochs, h.eta
        ),
        None => "None".to_string(),
    };
    let (space, reads) = ray_draws(s);
    let main = RAY_MAIN
        .replace("{space}", &space)
        .replace("{reads}", &reads)
        .replace("{scheduler}", &scheduler)
        .replace("{trials}", &s.trials.to_string())
        .replace("{name}", &format!("trainlab-{}", s.origin.id()))
        .replace("{csv}", &format!("trainlab_{}_ray.csv", s.origin.id()));
    format!("{}{NETWORK}{main}", head(s, "Ray Tune", &run, imports))
}
