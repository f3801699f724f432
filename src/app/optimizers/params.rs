//! The parameters of `view=optimizers` and their mapping to the core's configurations: the
//! surface ([`SurfaceConfig`]), the race and its schedule ([`RaceConfig`], [`ScheduleConfig`]) and
//! one [`OptimizerConfig`] per optimizer that is switched on. A setting the core refuses comes
//! back as a notice on the parameter that holds it (the core's errors name the field).
//!
//! Each optimizer's parameters come from one row per [`OptimizerKind`] ([`racer`]): its on/off
//! flag is the kind's id, its learning rate and betas matter only while it races. Learning rates
//! and betas admit the invalid edge values (lr 0, beta 1, negative beta) in the schema so that the
//! optimizer's own check refuses them with its message and the previous figure stays, instead of a
//! silent clamp to a value the user did not ask for.
//!
//! The page shows the surface, the steps, the optimizers' flags, the layout and the schedule
//! (with the settings of the chosen schedule right under it); each optimizer's learning rate and
//! betas fold under its flag (the page nests them there), the rest under their group. Learning
//! rates and decay rates move on log sliders, betas and the exponential base on log(1 − v)
//! sliders, the steps and the stair length on log sliders.
use crate::app::params::{
    choice, flag, float, int, log, on, one_of, seed, Group, Notice, ParamSet, ParamSpec, Slider, When,
};
use crate::core::lab::race::{Race, RaceConfig, RaceError, MAX_NOISE, MAX_STEPS};
use crate::core::named::named;
use crate::core::optim::{Convention, OptimError, Optimizer, OptimizerConfig, OptimizerKind};
use crate::core::schedule::{ScheduleConfig, ScheduleError, ScheduleKind};
use crate::core::surface::{Surface, SurfaceConfig, SurfaceKind, MAX_CONDITION, X_RANGE, Y_RANGE};

/// The largest learning rate offered (far past divergence on every surface).
const LR_MAX: f64 = 10.0;
/// The finest contour grid offered, points per side (the core takes up to
/// [`crate::core::math::contour::MAX_GRID`]; 400 already redraws in a frame).
const GRID_MAX: i64 = 400;

/// The contour panels: all paths in one, or one small multiple per path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One panel for every path. The default.
    Overlay,
    /// One panel per path (DLFS figure 6-8).
    Multiples,
}

named!(Layout {
    Overlay => "overlay",
    Multiples => "multiples",
});

/// One optimizer's parameters besides its flag (named by [`OptimizerKind::id`]): each a
/// `(name, default)` pair.
#[derive(Clone, Copy, Debug)]
pub struct RacerParams {
    /// Whether it races by default.
    pub on: bool,
    /// Its learning rate.
    pub lr: (&'static str, &'static str),
    /// Its momentum beta / mu or Adam's beta1, if it has one.
    pub beta1: Option<(&'static str, &'static str)>,
    /// Its squared-gradient decay (RMSprop's beta2, Adam's beta2), if it has one.
    pub beta2: Option<(&'static str, &'static str)>,
}

/// The parameters of optimizer `kind`. The defaults are the DLFS comparison: SGD 0.95, Momentum
/// 0.1, AdaGrad 1.5 and Adam 0.3 race; Nesterov and RMSprop wait.
pub const fn racer(kind: OptimizerKind) -> RacerParams {
    let (on, lr, beta1, beta2) = match kind {
        OptimizerKind::Sgd => (true, ("lr_sgd", "0.95"), None, None),
        OptimizerKind::Momentum => (true, ("lr_momentum", "0.1"), Some(("momentum_beta", "0.9")), None),
        OptimizerKind::Nesterov => (false, ("lr_nesterov", "0.1"), Some(("nesterov_beta", "0.9")), None),
        OptimizerKind::AdaGrad => (true, ("lr_adagrad", "1.5"), None, None),
        OptimizerKind::RmsProp => (false, ("lr_rmsprop", "0.1"), None, Some(("rmsprop_beta2", "0.99"))),
        OptimizerKind::Adam => (
            true,
            ("lr_adam", "0.3"),
            Some(("adam_beta1", "0.9")),
            Some(("adam_beta2", "0.999")),
        ),
    };
    RacerParams { on, lr, beta1, beta2 }
}

/// A beta: the schema admits [-1, 1] so the optimizer refuses what is outside [0, 1); its slider
/// moves in log(1 − β) (0.9, 0.99, 0.999 equally spaced).
const fn beta(name: &'static str, default: &'static str, when: When) -> ParamSpec {
    float(name, -1.0, 1.0, 0.001, default)
        .group(Group::Optimisation)
        .when(when)
        .slider(Slider::LogOneMinus)
}

/// Parameters before the optimizers: the surface, the start, the steps, the convention.
const HEAD: [ParamSpec; 6] = [
    choice("surface", &SurfaceKind::IDS, "bowl").main(),
    log("condition", 1.0, MAX_CONDITION, "20")
        .when(one_of("surface", &[SurfaceKind::Rotated.id()]))
        .main(),
    // the start: dragged on the figure (or moved with the arrow keys), so folded here
    float("x0", X_RANGE.0, X_RANGE.1, 0.1, "-7").group(Group::Run),
    float("y0", Y_RANGE.0, Y_RANGE.1, 0.1, "2").group(Group::Run),
    // Twice MAX_STEPS, so that a larger request is refused with a notice (the previous figure
    // stays) rather than silently clamped.
    int("steps", 0, 2 * MAX_STEPS as i64, "30")
        .group(Group::Run)
        .slider(Slider::Log)
        .main(),
    choice("convention", &Convention::IDS, "dlfs").group(Group::Optimisation),
];

/// Parameters after the optimizers: Adam's bias correction, the layout, the schedule and the
/// settings each schedule reads, the gradient noise, the seed and the contour grid.
const TAIL: [ParamSpec; 11] = [
    flag("bias_correction", true)
        .group(Group::Optimisation)
        .when(on(OptimizerKind::Adam.id())),
    choice("layout", &Layout::IDS, "overlay").main(),
    // the schedule and, right under it, the settings of the chosen schedule only
    choice("schedule", &ScheduleKind::IDS, "constant")
        .group(Group::Optimisation)
        .main(),
    float("decay_rate", 0.0, 10.0, 0.01, "0.1")
        .group(Group::Optimisation)
        .when(one_of("schedule", &[ScheduleKind::InverseTime.id()]))
        .slider(Slider::Log)
        .main(),
    float("decay_base", 0.5, 1.0, 0.001, "0.95")
        .group(Group::Optimisation)
        .when(one_of("schedule", &[ScheduleKind::Exponential.id()]))
        .slider(Slider::LogOneMinus)
        .main(),
    float("decay_k", 0.01, 10.0, 0.01, "1")
        .group(Group::Optimisation)
        .when(one_of("schedule", &[ScheduleKind::InverseSqrt.id()]))
        .slider(Slider::Log)
        .main(),
    float("stair_drop", 0.05, 1.0, 0.05, "0.5")
        .group(Group::Optimisation)
        .when(one_of("schedule", &[ScheduleKind::Staircase.id()]))
        .main(),
    int("stair_every", 1, 1000, "10")
        .group(Group::Optimisation)
        .when(one_of("schedule", &[ScheduleKind::Staircase.id()]))
        .slider(Slider::Log)
        .main(),
    float("noise", 0.0, MAX_NOISE, 0.01, "0").group(Group::Data),
    seed("1"),
    int("grid", 20, GRID_MAX, "150"),
];

/// How many parameters the optimizers have: a flag and a learning rate each, and their betas.
const fn racer_param_count() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < OptimizerKind::ALL.len() {
        let r = racer(OptimizerKind::ALL[i]);
        n += 2 + r.beta1.is_some() as usize + r.beta2.is_some() as usize;
        i += 1;
    }
    n
}

const LEN: usize = HEAD.len() + racer_param_count() + TAIL.len();

/// The schema: [`HEAD`], then per optimizer in [`OptimizerKind::ALL`] order its flag, learning
/// rate and betas (relevant while the flag is on), then [`TAIL`].
const fn schema() -> [ParamSpec; LEN] {
    let mut out = [HEAD[0]; LEN];
    let mut n = 0;
    let mut i = 0;
    while i < HEAD.len() {
        out[n] = HEAD[i];
        n += 1;
        i += 1;
    }
    i = 0;
    while i < OptimizerKind::ALL.len() {
        let kind = OptimizerKind::ALL[i];
        let r = racer(kind);
        let racing = on(kind.id());
        // the flag beside the figure; its settings fold under it (the page nests them there)
        out[n] = flag(kind.id(), r.on).group(Group::Optimisation).main();
        out[n + 1] = float(r.lr.0, 0.0, LR_MAX, 0.001, r.lr.1)
            .group(Group::Optimisation)
            .when(racing)
            .slider(Slider::Log);
        n += 2;
        if let Some((name, default)) = r.beta1 {
            out[n] = beta(name, default, racing);
            n += 1;
        }
        if let Some((name, default)) = r.beta2 {
            out[n] = beta(name, default, racing);
            n += 1;
        }
        i += 1;
    }
    i = 0;
    while i < TAIL.len() {
        out[n] = TAIL[i];
        n += 1;
        i += 1;
    }
    out
}

const SCHEMA: [ParamSpec; LEN] = schema();

/// Parameters of `view=optimizers`. The defaults are the DLFS comparison (start (-7, 2), 30
/// steps, SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3) drawn in one panel.
pub const PARAMS: &[ParamSpec] = &SCHEMA;

/// Everything the view computes from, validated by the core.
pub struct Settings {
    /// The surface.
    pub surface: Surface,
    /// The race (start, steps, noise, schedule).
    pub race: Race,
    /// The optimizers that race, in [`OptimizerKind::ALL`] order.
    pub optimizers: Vec<Optimizer>,
    /// The momentum convention.
    pub convention: Convention,
    /// Small multiples instead of one panel.
    pub multiples: bool,
    /// Contour grid points per side.
    pub grid: usize,
}

/// The parameter that holds a schedule field.
fn schedule_param(e: &ScheduleError) -> &'static str {
    match e {
        ScheduleError::DecayRate(_) => "decay_rate",
        ScheduleError::Base(_) => "decay_base",
        ScheduleError::K(_) => "decay_k",
        ScheduleError::Drop(_) => "stair_drop",
        ScheduleError::Every => "stair_every",
    }
}

/// The parameter that holds a race field.
fn race_param(e: &RaceError) -> &'static str {
    match e {
        RaceError::TooManySteps(_) => "steps",
        RaceError::Start => "x0",
        RaceError::Noise(_) => "noise",
        RaceError::Schedule(e) => schedule_param(e),
    }
}

/// Optimizer `kind`'s configuration from its parameters, validated; a refusal names the
/// parameter at fault (the learning rate, or the beta the error is about).
fn optimizer(params: &ParamSet, kind: OptimizerKind, convention: Convention) -> Result<Optimizer, Notice> {
    let r = racer(kind);
    let mut c = OptimizerConfig::new(kind, convention, params.float(r.lr.0));
    c.bias_correction = params.bool("bias_correction");
    if let Some((name, _)) = r.beta1 {
        c.beta1 = params.float(name);
    }
    if let Some((name, _)) = r.beta2 {
        c.beta2 = params.float(name);
    }
    c.validate().map_err(|e| {
        let held = match e {
            OptimError::Beta1(_) => r.beta1,
            OptimError::Beta2(_) => r.beta2,
            _ => None,
        };
        let param = held.map_or(r.lr.0, |(name, _)| name);
        Notice::inconsistent(param, format!("{}: {e}", kind.name()))
    })
}

/// Reads and validates every setting.
pub fn read(params: &ParamSet) -> Result<Settings, Vec<Notice>> {
    let surface = SurfaceConfig {
        kind: params.pick("surface"),
        condition: params.float("condition"),
    }
    .validate()
    .map_err(|e| Notice::inconsistent("condition", e.to_string()))?;
    let convention: Convention = params.pick("convention");
    let race = RaceConfig {
        start: [params.float("x0"), params.float("y0")],
        steps: params.int("steps") as usize,
        noise: params.float("noise"),
        seed: params.int("seed") as u64,
        schedule: ScheduleConfig {
            kind: params.pick("schedule"),
            decay_rate: params.float("decay_rate"),
            base: params.float("decay_base"),
            k: params.float("decay_k"),
            drop: params.float("stair_drop"),
            every: params.int("stair_every") as u32,
        },
    }
    .validate()
    .map_err(|e| Notice::inconsistent(race_param(&e), e.to_string()))?;
    let mut optimizers = Vec::new();
    for kind in OptimizerKind::ALL {
        if params.bool(kind.id()) {
            optimizers.push(optimizer(params, kind, convention)?);
        }
    }
    if optimizers.is_empty() {
        return Err(Notice::inconsistent(OptimizerKind::Sgd.id(), "pick at least one optimizer").into());
    }
    Ok(Settings {
        surface,
        race,
        optimizers,
        convention,
        multiples: params.pick::<Layout>("layout") == Layout::Multiples,
        grid: params.int("grid") as usize,
    })
}
