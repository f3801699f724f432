//! The parameters of `view=train` and their mapping to the core: [`PARAMS`] (groups, relevance
//! rules read off what the session really uses, caps from the core's constants), the
//! [`SessionConfig`] they ask for, the data they name (and the key that says whether two
//! parameter sets ask for the same rows), and the parameter a core refusal is about.
use crate::app::params::{
    choice, flag, float, int, list, log, none_of, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider,
};
use crate::app::assets;
use crate::core::data::augment::Augment;
use crate::core::data::digits::COUNT as DIGITS;
use crate::core::data::{Dataset, Shape, SyntheticConfig};
use crate::core::diagnosis::DiagnosisConfig;
use crate::core::lab::train::{Field, SessionConfig, SessionError, MAX_EPOCHS, MAX_HIDDEN_LAYERS, MAX_HIDDEN_UNITS};
use crate::core::lab::train::{Pace, MAX_POINTS};
use crate::core::math::rng::seeded;
use crate::core::nn::{Activation, Init, MAX_BATCH};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use crate::core::schedule::{ScheduleConfig, ScheduleKind};

/// The data sets: the 2-D shapes of [`Shape`] that are classifications, the digits, the
/// learner's CSV.
pub const DATASETS: &[&str] = &["circle", "xor", "gaussians", "spiral", "moons", "digits", "csv"];
/// The data sets that are not generated: [`SyntheticConfig`]'s `samples` and `noise` do not apply
/// (the digits read `samples` as how many images to use).
const NOT_GENERATED: &[&str] = &["digits", "csv"];
/// The page's order of the activations (tanh first, Playground's default).
const ACTIVATIONS: &[&str] = &["tanh", "relu", "leaky_relu", "sigmoid", "linear"];
/// The initialisations: [`Init`] has a std parameter, so its ids are the view's.
const INITS: &[&str] = &["glorot", "he", "xavier", "small", "zeros"];
/// The page's order of the optimizers (Adam first, the default).
const OPTIMIZERS: &[&str] = &["adam", "sgd", "momentum", "nesterov", "rmsprop", "adagrad"];
/// The optimizers that read `momentum` as beta1: those with a velocity buffer
/// ([`OptimizerKind::uses_v`]).
const USES_BETA1: &[&str] = &["momentum", "nesterov", "adam"];
/// The optimizers that read `beta2`: RMSprop's and Adam's squared-gradient average (AdaGrad's
/// sum has no decay).
const USES_BETA2: &[&str] = &["rmsprop", "adam"];
/// The schedules that read `decay`: inverse time (its decay rate) and exponential (base
/// `1 - decay`); inverse square root and staircase have fixed settings.
const DECAYING: &[&str] = &["inverse_time", "exponential"];

/// Parameters of `view=train`. Caps from the core: at most [`MAX_HIDDEN_LAYERS`] hidden layers
/// of [`MAX_HIDDEN_UNITS`] units, [`MAX_POINTS`] generated points,
/// [`crate::core::lab::train::MAX_ROWS`] rows in all,
/// batches of [`MAX_BATCH`], [`MAX_EPOCHS`] epochs.
pub const PARAMS: &[ParamSpec] = &[
    choice("dataset", DATASETS, "circle").group(Group::Data).main(),
    int("samples", 20, MAX_POINTS as i64, "400")
        .group(Group::Data)
        .slider(Slider::Log)
        .when(none_of("dataset", &["csv"])),
    float("noise", 0.0, 0.5, 0.05, "0")
        .group(Group::Data)
        .when(none_of("dataset", NOT_GENERATED)),
    float("train", 0.05, 1.0, 0.05, "0.6").group(Group::Data),
    float("dev", 0.0, 0.95, 0.05, "0.2").group(Group::Data),
    flag("normalise", true).group(Group::Data),
    list(
        "hidden",
        (1.0, MAX_HIDDEN_UNITS as f64, 1.0),
        (1, MAX_HIDDEN_LAYERS),
        "8,8",
    )
    .group(Group::Network)
    .main(),
    choice("activation", ACTIVATIONS, "tanh").group(Group::Network),
    choice("init", INITS, "glorot").group(Group::Network),
    flag("batchnorm", false).group(Group::Network),
    choice("optimizer", OPTIMIZERS, "adam").group(Group::Optimisation),
    log("lr", 1e-5, 10.0, "0.01").group(Group::Optimisation).main(),
    float("momentum", 0.0, 0.999, 0.001, "0.9")
        .group(Group::Optimisation)
        .when(one_of("optimizer", USES_BETA1)),
    float("beta2", 0.0, 0.9999, 0.0001, "0.999")
        .group(Group::Optimisation)
        .when(one_of("optimizer", USES_BETA2)),
    choice("schedule", &ScheduleKind::IDS, "constant").group(Group::Optimisation),
    float("decay", 0.0, 10.0, 0.01, "0.05")
        .group(Group::Optimisation)
        .when(one_of("schedule", DECAYING)),
    int("batch", 1, MAX_BATCH as i64, "16")
        .group(Group::Optimisation)
        .slider(Slider::Pow2)
        .main(),
    // a log slider whose leftmost notch is 0 (no L2)
    float("lambda", 0.0, 100.0, 0.01, "0")
        .group(Group::Regularisation)
        .slider(Slider::LogZero)
        .main(),
    // L1's lambda beside L2's, the same log slider with 0 (no L1) at its leftmost notch
    float("l1", 0.0, 100.0, 0.01, "0")
        .group(Group::Regularisation)
        .slider(Slider::LogZero)
        .main(),
    float("keep_prob", 0.05, 1.0, 0.05, "1").group(Group::Regularisation),
    int("patience", 0, 500, "0").group(Group::Regularisation),
    // shifts and rotations of 8 x 8 images: only the digits have them
    choice("augment", &Augment::IDS, "none")
        .group(Group::Regularisation)
        .when(one_of("dataset", &["digits"])),
    int("epochs", 1, MAX_EPOCHS as i64, "100").group(Group::Run),
    choice("speed", &Pace::IDS, "steady").group(Group::Run),
    // the weights' histogram counts |w| below it as (near) zero: the run does not read it
    log("threshold", 1e-4, 1.0, "0.01").group(Group::Figure),
    // the diagnosis' reference and the line on the error panel: the run does not read it
    float("bayes", 0.0, 1.0, 0.01, "0"),
    seed("1"),
];

/// The parameter a session's refusal is about.
pub fn param_of(field: Field) -> &'static str {
    match field {
        Field::Data => "dataset",
        Field::Split => "train",
        Field::Hidden | Field::Network => "hidden",
        Field::L2 => "lambda",
        Field::L1 => "l1",
        Field::KeepProb => "keep_prob",
        Field::Lr => "lr",
        Field::Beta1 => "momentum",
        Field::Beta2 => "beta2",
        Field::Optimizer => "optimizer",
        Field::Schedule => "decay",
        Field::BatchSize => "batch",
        Field::Epochs => "epochs",
        Field::Augment => "augment",
    }
}

/// A session's refusal as a notice on its parameter.
pub fn refused(e: SessionError) -> Notice {
    Notice::inconsistent(param_of(e.field), e.detail)
}

/// The session the parameters ask for (the train and dev shares must leave room: test gets the
/// rest).
pub fn session_config(p: &ParamSet) -> Result<SessionConfig, Notice> {
    let (train, dev) = (p.float("train"), p.float("dev"));
    if train + dev > 1.0 + 1e-9 {
        return Err(Notice::inconsistent(
            "dev",
            format!(
                "train + dev shares are {:.2}; they must be at most 1 (test gets the rest)",
                train + dev
            ),
        ));
    }
    let mut optimizer = OptimizerConfig::new(p.pick::<OptimizerKind>("optimizer"), Convention::Ng, p.float("lr"));
    optimizer.beta1 = p.float("momentum");
    optimizer.beta2 = p.float("beta2");
    let decay = p.float("decay");
    let schedule = ScheduleConfig {
        kind: p.pick::<ScheduleKind>("schedule"),
        decay_rate: decay,
        // Exponential: base 1 - decay (0.05 -> 0.95, the notes' example); staircase: halve.
        base: (1.0 - decay).clamp(0.01, 1.0),
        ..ScheduleConfig::default()
    };
    let init = match p.choice("init") {
        "he" => Init::He,
        "xavier" => Init::XavierCourse,
        "small" => Init::Normal(0.01),
        "zeros" => Init::Zeros,
        _ => Init::Glorot,
    };
    let mut cfg = SessionConfig::default();
    cfg.split.train = train;
    cfg.split.dev = dev;
    cfg.normalise = p.bool("normalise");
    cfg.network.hidden = p.float_list("hidden").iter().map(|&u| u.round() as usize).collect();
    cfg.network.activation = p.pick::<Activation>("activation");
    cfg.network.init = init;
    cfg.network.batch_norm = p.bool("batchnorm");
    cfg.network.l2 = p.float("lambda");
    cfg.network.l1 = p.float("l1");
    cfg.network.keep_prob = p.float("keep_prob");
    cfg.train.optimizer = optimizer;
    cfg.train.schedule = schedule;
    cfg.train.batch_size = p.int("batch") as usize;
    cfg.train.patience = p.int("patience") as usize;
    cfg.epochs = p.int("epochs") as usize;
    cfg.seed = p.int("seed") as u64;
    if p.choice("dataset") == "digits" {
        cfg.augment = p.pick::<Augment>("augment");
    }
    Ok(cfg)
}

/// The diagnosis' thresholds, with the learner's Bayes error.
pub fn diagnosis_config(p: &ParamSet) -> DiagnosisConfig {
    DiagnosisConfig {
        bayes_error: p.float("bayes"),
        ..DiagnosisConfig::default()
    }
}

/// The key of the data a parameter set asks for (equal keys: the same rows). `csv` is the
/// number of the CSV upload in use.
pub fn data_key(p: &ParamSet, csv: u64) -> String {
    match p.choice("dataset") {
        // The first `samples` digits: the same rows whatever the seed (the split shuffles them).
        "digits" => format!("digits/{}", (p.int("samples") as usize).min(DIGITS)),
        "csv" => csv_key(csv),
        shape => format!("{shape}/{}/{}/{}", p.int("samples"), p.float("noise"), p.int("seed")),
    }
}

/// The data key of CSV upload number `id`.
pub fn csv_key(id: u64) -> String {
    format!("csv/{id}")
}

/// The rows a parameter set asks for; `csv` is the learner's upload, if any.
pub fn load_data(p: &ParamSet, csv: Option<&Dataset>) -> Result<Dataset, Notice> {
    let seed = p.int("seed") as u64;
    match p.choice("dataset") {
        "digits" => {
            let all = assets::digits("dataset")?;
            let n = (p.int("samples") as usize).min(all.rows());
            let idx: Vec<usize> = (0..n).collect();
            Ok(all.subset(&idx))
        }
        "csv" => csv.cloned().ok_or_else(|| {
            Notice::inconsistent(
                "dataset",
                "no CSV loaded yet: drop a file on the figure or use the file picker",
            )
        }),
        shape => {
            let cfg = SyntheticConfig {
                shape: Shape::from_id(shape).unwrap_or(Shape::Circle),
                samples: p.int("samples") as usize,
                noise: p.float("noise"),
            };
            // The points have their own stream (seed + 1), so the weights' seed does not move them.
            cfg.generate(&mut seeded(seed.wrapping_add(1_000_003)))
                .map_err(|e| Notice::inconsistent("samples", e))
        }
    }
}
