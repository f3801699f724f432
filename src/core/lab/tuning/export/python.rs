//! The Python every exported study shares, after its settings ([`NETWORK`], the file
//! `network.py` beside this one): the data (scikit-learn's digits, the lab's split rule), the
//! network in the style of DLFS (`Affine`, `Relu`, `Sigmoid`, `Tanh`, `Dropout`, a
//! `MultiLayerNet` with softmax cross-entropy and the engine's L2), the optimizers (SGD with
//! optional momentum, RMSprop, Adam) and `train(hp, data, seed, report, params)`, one trial
//! epoch by epoch. It reads `SETTINGS` (samples, val_fraction, seed) and needs only numpy and
//! scikit-learn; `tests/python/` checks its gradients by central differences and its first
//! epochs against the lab's engine. The engines' mains are `optuna_main.py` and `ray_main.py`.

/// The shared code, placed after the imports and the settings.
pub const NETWORK: &str = include_str!("network.py");
