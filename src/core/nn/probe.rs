//! Looking inside a network without changing it: the input of a hidden layer's activation
//! (`z` after batch norm, what the sigmoid sees; Ioffe & Szegedy 2015, figure 1) and forward
//! passes that normalise with the batch's own statistics while leaving the running averages
//! untouched (batch norm at test time, seed 003: "at test time, use mu and sigma^2 estimated by an
//! exponentially weighted average across mini-batches" versus the statistics of the test batch).
use super::float::NnFloat;
use super::network::{Mode, Network};
use super::NetworkError;

impl<T: NnFloat> Network<T> {
    /// The input of layer `layer`'s activation (from 1; after batch norm when it is on) in the
    /// last forward pass, `m x units`; logits for the output layer. `None` for layer 0 or beyond.
    pub fn pre_activations(&self, layer: usize) -> Option<&[T]> {
        self.z.get(layer.checked_sub(1)?).map(Vec::as_slice)
    }

    /// Forward pass over `m` rows with batch norm in training mode (each unit normalised with the
    /// mean and biased variance of these `m` rows) but with the running statistics restored
    /// afterwards, so probing does not move them. Needs `keep_prob == 1` (no dropout to draw).
    pub fn forward_batch_stats(&mut self, x: &[T], m: usize) -> Result<&[T], NetworkError> {
        if self.config.keep_prob < 1.0 {
            return Err(NetworkError::Setting(
                "keep_prob for a probing pass",
                self.config.keep_prob,
                "1",
            ));
        }
        let saved = self.running.clone();
        // No dropout, so the RNG is never drawn from; any generator will do.
        let mut unused = crate::core::math::rng::seeded(0);
        let result = self.forward(x, m, Mode::Train, &mut unused).map(|_| ());
        self.running = saved;
        result?;
        Ok(self.output())
    }
}
