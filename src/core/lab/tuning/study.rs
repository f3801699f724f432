//! The search a page shows ([`Study`]) and, once it exists, the search of the same trials with
//! successive halving the other way: the learner toggles `halving` and sees the full search and
//! halving side by side ([`Comparison`]) without training either again.
use super::config::TuningConfig;
use super::error::TuningError;
use super::outcome::Comparison;
use super::search::Search;
use crate::core::data::Dataset;

/// The search shown, and the other one of the same trials.
pub struct Study {
    search: Search,
    /// The same trials with halving the other way: finished (its first round), or set aside by
    /// switching back to a finished one.
    other: Option<Search>,
}

impl Study {
    /// A study of one search (see [`Search::new`]).
    pub fn new(config: TuningConfig, digits: &Dataset) -> Result<Study, TuningError> {
        Ok(Study {
            search: Search::new(config, digits)?,
            other: None,
        })
    }

    /// The search shown.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The search shown, to train or to hand out jobs.
    pub fn search_mut(&mut self) -> &mut Search {
        &mut self.search
    }

    /// The full search and halving side by side, once there are both (`None` otherwise).
    pub fn comparison(&self) -> Option<Comparison> {
        self.other.as_ref().map(|o| Comparison::of(&self.search, o))
    }

    /// Whether `s` is worth keeping beside a search with `config`: the same trials, halving the
    /// other way, its first round finished.
    fn pairs_with(s: &Search, config: &TuningConfig) -> bool {
        s.config.same_trials(config) && s.config.halving != config.halving && s.first_round_done()
    }

    /// Moves to the search of `config`, keeping what can be kept: the same settings keep
    /// everything; the other search's settings bring it back (nothing is trained again, and the
    /// one shown becomes the other if it pairs with it); new settings start a new search and
    /// keep a finished one of the same trials for the comparison. The work plan (workers or the
    /// page) carries over; jobs out with workers for a search set aside go back to its waiting
    /// list (their results will not fit the search shown). On `Err` nothing changes.
    pub fn retune(&mut self, config: TuningConfig, digits: &Dataset) -> Result<(), TuningError> {
        if config == self.search.config {
            return Ok(());
        }
        let external = self.search.plan().external;
        if self.other.as_ref().is_some_and(|o| o.config == config) {
            let back = self.other.take().expect("checked above");
            let mut aside = std::mem::replace(&mut self.search, back);
            aside.release();
            let compare = aside.config.same_trials(&config) && aside.config.halving != config.halving;
            self.other = compare.then_some(aside);
        } else {
            let fresh = Search::new(config, digits)?;
            let mut aside = std::mem::replace(&mut self.search, fresh);
            aside.release();
            let earlier = self.other.take();
            let config = &self.search.config;
            self.other = if Self::pairs_with(&aside, config) {
                Some(aside)
            } else {
                earlier.filter(|s| Self::pairs_with(s, config))
            };
        }
        self.search.set_external(external);
        Ok(())
    }
}
