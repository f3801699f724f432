//! A caviar search ([`Search`]): rounds of trials, trained in the page a little per call
//! ([`Search::work`], [`Search::advance`]) or by workers ([`Search::claim`] / [`Search::accept`],
//! with [`Search::partial`] for their live curves), as its [`WorkPlan`] says.
//!
//! * Successive halving (optional): the rungs of [`crate::core::halving::HalvingConfig`]. A
//!   promoted trial is retrained from its seed to the next rung's epochs (deterministic, so its
//!   curve is the same as continuing from a checkpoint, and no worker has to keep state); the
//!   compute spent counts those re-runs, and `HalvingConfig::cost` gives what checkpoints would
//!   cost.
//! * Coarse to fine: [`Search::next_round`] narrows both ranges to the best `k` trials' span
//!   (in log10, padded by a quarter of a decade) and starts a new round.
use super::config::{LogRange, TuningConfig, TuningData, LOG_RANGE, MAX_ROUNDS};
use super::error::{ResultError, TuningError};
use super::plan::WorkPlan;
use super::round::Round;
use super::run::TrialRun;
use super::trial::{Job, TrialResult, TrialSpec};
use crate::core::data::Dataset;
use crate::core::halving::Rung;

/// A caviar search.
pub struct Search {
    /// The settings.
    pub config: TuningConfig,
    data: TuningData,
    /// Rounds so far (the last is the current one).
    pub rounds: Vec<Round>,
    rungs: Vec<Rung>,
    plan: WorkPlan,
    /// The trial being trained in the page.
    current: Option<TrialRun>,
    /// Curves so far of trials a worker is training (display only; see [`Search::partial`]).
    partials: Vec<TrialResult>,
    /// Epochs trained so far, in all rounds.
    pub spent: usize,
}

impl Search {
    /// Checks the settings, prepares the data and the first round; trained in the page until
    /// [`Search::set_external`] says otherwise.
    pub fn new(config: TuningConfig, digits: &Dataset) -> Result<Search, TuningError> {
        let data = config.data(digits)?;
        let first = Round::new(config.seed, 0, config.trials, config.lr, config.weight_decay);
        Ok(Search {
            rungs: config.rungs(),
            plan: WorkPlan::new(&config, data.inputs),
            data,
            rounds: vec![first],
            current: None,
            partials: Vec::new(),
            spent: 0,
            config,
        })
    }

    /// The data of the search.
    pub fn data(&self) -> &TuningData {
        &self.data
    }

    /// The rungs each round goes through.
    pub fn rungs(&self) -> &[Rung] {
        &self.rungs
    }

    /// Where the trials run and how much one in-page call does.
    pub fn plan(&self) -> WorkPlan {
        self.plan
    }

    /// Workers train the trials (`true`), or the page does: then the jobs claimed by workers go
    /// back to the waiting list.
    pub fn set_external(&mut self, external: bool) {
        self.plan.external = external;
        if !external {
            self.release();
        }
    }

    /// The current round.
    pub fn round(&self) -> &Round {
        self.rounds.last().expect("a search always has a round")
    }

    fn round_mut(&mut self) -> &mut Round {
        self.rounds.last_mut().expect("a search always has a round")
    }

    /// Whether the current round is complete.
    pub fn round_done(&self) -> bool {
        self.current.is_none() && self.round().rung_complete()
    }

    /// Whether the first round is complete (what a comparison of two searches reads).
    pub fn first_round_done(&self) -> bool {
        self.rounds.len() > 1 || self.round_done()
    }

    /// `(done, total)` epochs of the current round's schedule.
    pub fn progress(&self) -> (usize, usize) {
        let r = self.round();
        let total: usize = self.rungs.iter().map(|r| r.trials * r.epochs).sum();
        let mut done = 0;
        for (k, rung) in self.rungs.iter().enumerate().take(r.rung) {
            done += r.alive[k].len().min(rung.trials) * rung.epochs;
        }
        let e = self.rungs[r.rung].epochs;
        done += r.finished.len() * e;
        if let Some(run) = &self.current {
            done += run.epochs_done();
        }
        (done.min(total), total)
    }

    fn job(&self, trial: usize) -> Job {
        let r = self.round();
        Job {
            round: self.rounds.len() - 1,
            trial,
            epochs: self.rungs[r.rung].epochs,
            lr: r.lr,
            weight_decay: r.weight_decay,
        }
    }

    /// Hands out the next job, marking it claimed.
    pub fn claim(&mut self) -> Option<Job> {
        let t = self.round_mut().claim()?;
        Some(self.job(t))
    }

    /// Jobs of the current rung not handed out yet.
    pub fn pending(&self) -> usize {
        self.round().pending()
    }

    /// Puts every claimed job back (their workers were stopped).
    pub fn release(&mut self) {
        self.partials.clear();
        self.round_mut().release();
    }

    /// Takes in a result computed elsewhere for `job`. `Ok(false)`: it belongs to another round
    /// or rung (stale) and was ignored. `Err`: it does not fit the job.
    pub fn accept(&mut self, job: &Job, result: TrialResult) -> Result<bool, TuningError> {
        if job.trial >= self.config.trials || *job != self.job(job.trial) || !self.round().awaits(job.trial) {
            return Ok(false);
        }
        result.check()?;
        if result.spec != self.round().specs[job.trial] || result.epochs != job.epochs {
            return Err(ResultError::Mismatch.into());
        }
        self.partials.retain(|p| p.spec.index != job.trial);
        self.round_mut().settle(job.trial);
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.result().spec.index == job.trial)
        {
            self.current = None;
        }
        self.record(result);
        Ok(true)
    }

    fn record(&mut self, result: TrialResult) {
        self.spent += result.train_acc.len() + usize::from(result.diverged.is_some());
        let round = self.rounds.last_mut().expect("a search always has a round");
        round.record(result, &self.rungs);
    }

    /// Trains in this thread for at most `budget` units (mini-batch steps; an epoch's evaluation
    /// counts one), whatever the plan. Claimed jobs are left to their workers.
    pub fn advance(&mut self, budget: usize) -> Result<(), TuningError> {
        let mut left = budget;
        while left > 0 {
            if self.current.is_none() {
                let Some(t) = self.round_mut().take() else {
                    return Ok(());
                };
                let job = self.job(t);
                let spec = self.round().specs[t];
                self.current = Some(TrialRun::new(&self.config, &self.data, spec, job.epochs)?);
            }
            let run = self.current.as_mut().expect("set above");
            left -= run.advance(&self.data, left).min(left);
            if run.finished() {
                let run = self.current.take().expect("set above");
                self.record(run.into_result());
            }
        }
        Ok(())
    }

    /// One in-page call of the page's work loop with budget `max_units`: trains as the plan says
    /// (nothing while workers do) and returns `(done, total)` as [`Search::progress`]. A trial
    /// that cannot be set up (impossible for validated settings) ends the job: all done.
    pub fn work(&mut self, max_units: usize) -> (usize, usize) {
        let budget = self.plan.budget(max_units);
        if budget > 0 && self.advance(budget).is_err() {
            let (_, total) = self.progress();
            return (total, total);
        }
        self.progress()
    }

    /// Takes in the curves so far of a claimed job (a worker reports each epoch), for the live
    /// view only: they are drawn (not counted in the progress, which the page would redraw for
    /// at every epoch), and the final result replaces them. `Ok(false)`: not a claimed job of the
    /// current rung (stale), ignored.
    pub fn partial(&mut self, job: &Job, partial: TrialResult) -> Result<bool, TuningError> {
        if job.trial >= self.config.trials || *job != self.job(job.trial) || !self.round().is_claimed(job.trial) {
            return Ok(false);
        }
        partial.check_partial(job, &self.round().specs[job.trial])?;
        self.partials.retain(|p| p.spec.index != job.trial);
        self.partials.push(partial);
        Ok(true)
    }

    /// Curves of the trials being trained now (in this thread or by workers), unfinished.
    pub fn running(&self) -> Vec<&TrialResult> {
        let mut v: Vec<&TrialResult> = self.partials.iter().collect();
        if let Some(run) = &self.current {
            v.push(run.result());
        }
        v
    }

    /// The current round's trials with a result: those trained furthest first (with successive
    /// halving, the survivors of the last rung reached), then by validation accuracy, then by
    /// index.
    pub fn ranking(&self) -> Vec<&TrialResult> {
        let mut v: Vec<&TrialResult> = self.round().results.iter().flatten().collect();
        v.sort_by(|a, b| {
            b.epochs
                .cmp(&a.epochs)
                .then(b.final_val().total_cmp(&a.final_val()))
                .then(a.spec.index.cmp(&b.spec.index))
        });
        v
    }

    /// The indices of the best `k` trials of the current round ([`Search::ranking`]).
    pub fn best(&self, k: usize) -> Vec<usize> {
        self.ranking().iter().take(k).map(|r| r.spec.index).collect()
    }

    /// Starts a finer round around the best `k` trials of the current one: each log10 range
    /// becomes their span padded by 0.25 on both sides (clipped to [`LOG_RANGE`]).
    pub fn next_round(&mut self, k: usize) -> Result<(LogRange, LogRange), TuningError> {
        if !self.round_done() {
            return Err(TuningError::RoundRunning);
        }
        if self.rounds.len() >= MAX_ROUNDS {
            return Err(TuningError::TooManyRounds { max: MAX_ROUNDS });
        }
        let best: Vec<TrialSpec> = self
            .ranking()
            .iter()
            .filter(|r| r.diverged.is_none())
            .take(k.max(1))
            .map(|r| r.spec)
            .collect();
        if best.is_empty() {
            return Err(TuningError::AllDiverged);
        }
        let span = |f: fn(&TrialSpec) -> f64| {
            let (lo, hi) = best
                .iter()
                .map(|s| f(s).log10())
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
            [(lo - 0.25).max(LOG_RANGE.0), (hi + 0.25).min(LOG_RANGE.1)]
        };
        let (lr, wd) = (span(|s| s.lr), span(|s| s.weight_decay));
        let round = Round::new(self.config.seed, self.rounds.len(), self.config.trials, lr, wd);
        self.rounds.push(round);
        self.current = None;
        self.partials.clear();
        Ok((lr, wd))
    }
}
