//! The pace of a played run, so that a student sees the curves grow and the boundary form rather
//! than a run that is over before anyone looked (the default 100 epochs of the circle take about
//! two seconds at full speed). A [`Pacer`] holds an allowance of mini-batch steps that the time
//! reported by the page refills at `epochs per second x steps per epoch` ([`Pacer::tick`]; the
//! core has no clock: the time is an argument), and the run takes at most that many steps
//! ([`super::TrainSession::advance_paced`]). Evaluations are not paced, and stepping by hand
//! (one mini-batch, one epoch) never is. Large networks train slower than any pace: for them the
//! pace changes nothing.
use crate::core::named::named;
use serde::Serialize;

/// How fast Play trains.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    /// 2 epochs a second.
    Slow,
    /// 10 epochs a second (the default: the circle's boundary forms in about three seconds).
    #[default]
    Steady,
    /// 50 epochs a second.
    Fast,
    /// As fast as the page's frame budget allows.
    Max,
}

named!(Pace {
    Slow => "slow",
    Steady => "steady",
    Fast => "fast",
    Max => "max",
});

impl Pace {
    /// Epochs per second; `None`: unpaced.
    pub fn epochs_per_second(self) -> Option<f64> {
        match self {
            Pace::Slow => Some(2.0),
            Pace::Steady => Some(10.0),
            Pace::Fast => Some(50.0),
            Pace::Max => None,
        }
    }
}

/// Longest gap between two ticks that refills the allowance (ms): after a hidden tab or a long
/// frame the run does not rush to catch up.
pub const MAX_TICK_MS: f64 = 100.0;

/// An allowance of steps refilled by the time passing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pacer {
    /// The pace.
    pub pace: Pace,
    last: Option<f64>,
    allowance: f64,
}

impl Pacer {
    /// A pacer at `pace`, not yet ticked (unpaced until the first tick: a caller that never
    /// reports time, such as a test or an export, runs at full speed).
    pub fn new(pace: Pace) -> Self {
        Pacer {
            pace,
            last: None,
            allowance: 0.0,
        }
    }

    /// The time is now `ms` milliseconds (any monotonic clock); a run of `steps_per_epoch`
    /// steps per epoch earns `epochs_per_second x steps_per_epoch x dt` steps, `dt` at most
    /// [`MAX_TICK_MS`], and never holds more than one tick's worth plus one step.
    pub fn tick(&mut self, ms: f64, steps_per_epoch: usize) {
        if !ms.is_finite() {
            return;
        }
        if let (Some(last), Some(rate)) = (self.last, self.pace.epochs_per_second()) {
            let per_second = rate * steps_per_epoch.max(1) as f64;
            let dt = (ms - last).clamp(0.0, MAX_TICK_MS) / 1000.0;
            self.allowance = (self.allowance + per_second * dt).min(per_second * MAX_TICK_MS / 1000.0 + 1.0);
        }
        self.last = Some(ms);
    }

    /// Steps the run may take now (`u64::MAX` unpaced).
    pub fn allowed(&self) -> u64 {
        match (self.last, self.pace.epochs_per_second()) {
            (Some(_), Some(_)) => self.allowance.floor() as u64,
            _ => u64::MAX,
        }
    }

    /// Takes `steps` from the allowance.
    pub fn spend(&mut self, steps: u64) {
        if self.allowed() != u64::MAX {
            self.allowance = (self.allowance - steps as f64).max(0.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_pacer_allows_ten_epochs_a_second() {
        let mut p = Pacer::new(Pace::Steady);
        assert_eq!(p.allowed(), u64::MAX, "unpaced before the first tick");
        p.tick(0.0, 15);
        assert_eq!(p.allowed(), 0);
        let mut steps = 0;
        // one second of 60 frames
        for f in 1..=60 {
            p.tick(f as f64 * 1000.0 / 60.0, 15);
            let n = p.allowed().min(1000);
            steps += n;
            p.spend(n);
        }
        assert!((148..=150).contains(&steps), "{steps} steps = 10 epochs of 15");
        // a long gap earns at most MAX_TICK_MS
        p.tick(10_000.0, 15);
        assert!(p.allowed() <= 16);
        assert_eq!(Pacer::new(Pace::Max).allowed(), u64::MAX);
    }
}
