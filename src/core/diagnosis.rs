//! Bias/variance diagnosis from train and dev error (seed 001, "Basic recipe for ML").
//!
//! With a Bayes (or human-level) error estimate `e*`, the *avoidable bias* is `train - e*` and the
//! *variance* is `dev - train`. The notes' four cases, for a small `e*` and train/dev from the same
//! distribution: high bias (both errors high and close), high variance (train low, dev much
//! higher), both (train high, dev higher still), neither. The recipe: fix bias first (bigger
//! network, train longer, another architecture), then variance (more data, regularisation, another
//! architecture).
//!
//! Without a dev set only the first gap can be measured: the diagnosis then names the bias alone
//! (high bias, or no high avoidable bias), leaves the variance unknown (`None`) and suggests
//! only bias remedies ([`DiagnosisConfig::diagnose_sets`]).
use serde::{Deserialize, Serialize};

/// Thresholds of the diagnosis, as error rates in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiagnosisConfig {
    /// Bayes / human-level error estimate. Default 0.0 (the notes' "near zero").
    pub bayes_error: f64,
    /// Avoidable bias (train - Bayes) above this is "high bias". Default 0.05 (5 points).
    pub bias_threshold: f64,
    /// Variance (dev - train) above this is "high variance". Default 0.05 (5 points).
    pub variance_threshold: f64,
}

impl Default for DiagnosisConfig {
    fn default() -> Self {
        DiagnosisConfig {
            bayes_error: 0.0,
            bias_threshold: 0.05,
            variance_threshold: 0.05,
        }
    }
}

/// The four states of the notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitState {
    /// Train error far above Bayes, dev close to train: underfitting.
    HighBias,
    /// Train error near Bayes, dev far above train: overfitting.
    HighVariance,
    /// Both gaps large.
    HighBiasAndVariance,
    /// Both gaps small: the model we want.
    Good,
}

/// What to try next, in the recipe's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// A bigger network (more layers or units).
    BiggerNetwork,
    /// Train longer (or a better optimizer).
    TrainLonger,
    /// Another architecture.
    OtherArchitecture,
    /// More training data (or data augmentation).
    MoreData,
    /// Regularisation: L2, dropout, early stopping.
    Regularisation,
}

/// The diagnosis of one (train, dev) pair.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The state.
    pub state: FitState,
    /// train - Bayes (may be negative if the estimate is too high).
    pub avoidable_bias: f64,
    /// dev - train; `None` without a dev set (not measured).
    pub variance: Option<f64>,
    /// What to try, bias remedies first.
    pub remedies: Vec<Remedy>,
}

/// Why inputs were rejected.
#[derive(Clone, Debug, PartialEq)]
pub struct DiagnosisError(pub String);

impl std::fmt::Display for DiagnosisError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DiagnosisError {}

impl DiagnosisConfig {
    /// Names the state of a model with these train and dev error rates (each in [0, 1]).
    pub fn diagnose(&self, train_error: f64, dev_error: f64) -> Result<Diagnosis, DiagnosisError> {
        self.diagnose_sets(train_error, Some(dev_error))
    }

    /// The diagnosis from the sets there are: with a dev error as [`DiagnosisConfig::diagnose`];
    /// without one (`None`) from the avoidable bias alone: [`FitState::HighBias`] or
    /// [`FitState::Good`] (no high avoidable bias; the variance is unknown), bias remedies only.
    pub fn diagnose_sets(&self, train_error: f64, dev_error: Option<f64>) -> Result<Diagnosis, DiagnosisError> {
        for (name, v) in [
            ("train error", train_error),
            ("dev error", dev_error.unwrap_or(train_error)),
            ("Bayes error", self.bayes_error),
            ("bias threshold", self.bias_threshold),
            ("variance threshold", self.variance_threshold),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(DiagnosisError(format!("{name} must be a rate in [0, 1], got {v}")));
            }
        }
        let avoidable_bias = train_error - self.bayes_error;
        let variance = dev_error.map(|dev| dev - train_error);
        let high_bias = avoidable_bias > self.bias_threshold;
        let high_variance = variance.is_some_and(|v| v > self.variance_threshold);
        let state = match (high_bias, high_variance) {
            (true, true) => FitState::HighBiasAndVariance,
            (true, false) => FitState::HighBias,
            (false, true) => FitState::HighVariance,
            (false, false) => FitState::Good,
        };
        // The recipe: bias first, then variance.
        let mut remedies = Vec::new();
        if high_bias {
            remedies.extend([Remedy::BiggerNetwork, Remedy::TrainLonger, Remedy::OtherArchitecture]);
        }
        if high_variance {
            remedies.extend([Remedy::MoreData, Remedy::Regularisation]);
            if !high_bias {
                remedies.push(Remedy::OtherArchitecture);
            }
        }
        Ok(Diagnosis {
            state,
            avoidable_bias,
            variance,
            remedies,
        })
    }
}
