//! The forward and backward passes of [`Network`] over one batch (backpropagation, seed 004;
//! DLFS chapter 5).
//!
//! Forward, per layer: `Z = A_prev W (+ b)`; hidden layers then batch norm (optional), the
//! activation and inverted dropout (training only, optional); the last layer the output
//! activation. Backward starts from `dZ = (A - Y) / m` at the output and walks down:
//! batch norm's backward (or `db = sum dZ`), `dW = A_prev^T dZ + (lambda/m) W`,
//! `dA_prev = dZ W^T`, then the dropout mask and `g'(Z)` of the layer below.
use super::batchnorm;
use super::config::{check_batch, NetworkError, PlantedBug};
use super::dense;
use super::dropout;
use super::float::NnFloat;
use super::layernorm;
use super::network::{Mode, Network};
use rand::RngExt;

impl<T: NnFloat> Network<T> {
    /// Forward pass over `m` rows of `x` (`m x inputs`, row-major); returns the outputs
    /// (`m x outputs`). Training mode draws dropout masks from `rng` (unless frozen) and updates
    /// batch norm's running statistics.
    pub fn forward<R: RngExt + ?Sized>(
        &mut self,
        x: &[T],
        m: usize,
        mode: Mode,
        rng: &mut R,
    ) -> Result<&[T], NetworkError> {
        self.forward_impl(x, m, mode, Some(rng))
    }

    /// Evaluation-mode forward pass (no randomness needed): running statistics, no dropout.
    pub fn predict(&mut self, x: &[T], m: usize) -> Result<&[T], NetworkError> {
        self.forward_impl::<crate::core::math::rng::StdRng>(x, m, Mode::Eval, None)
    }

    fn forward_impl<R: RngExt + ?Sized>(
        &mut self,
        x: &[T],
        m: usize,
        mode: Mode,
        mut rng: Option<&mut R>,
    ) -> Result<&[T], NetworkError> {
        check_batch(m)?;
        let inputs = self.config.inputs;
        if x.len() != m * inputs {
            return Err(NetworkError::Shape("inputs", m * inputs, x.len()));
        }
        let keep = self.config.keep_prob;
        let use_dropout = mode == Mode::Train && keep < 1.0;
        let reuse_masks = use_dropout && self.masks_frozen && self.m == m && self.dropped;
        self.m = m;
        self.mode = Some(mode);
        self.dropped = use_dropout;
        self.acts[0].clear();
        self.acts[0].extend_from_slice(x);
        let slope = T::from_f64(self.config.leaky_slope);
        let eps = T::from_f64(self.config.bn_eps);
        let momentum = T::from_f64(self.config.bn_momentum);
        for l in 0..self.layers.len() {
            let layer = &self.layers[l];
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            let (prev, rest) = self.acts.split_at_mut(l + 1);
            let a_prev = &prev[l];
            let out = &mut rest[0];
            let z = &mut self.z[l];
            z.resize(m * n_out, T::ZERO);
            if let Some((g, b)) = layer.bn {
                let zr = &mut self.z_raw[l];
                zr.resize(m * n_out, T::ZERO);
                dense::forward(
                    a_prev,
                    &self.params[layer.w],
                    None,
                    m,
                    n_in,
                    n_out,
                    zr,
                    &mut self.scratch,
                );
                let (gamma, beta) = (&self.params[g], &self.params[b]);
                match mode {
                    _ if layer.ln => layernorm::forward(zr, n_out, gamma, beta, eps, &mut self.bn_cache[l], z),
                    Mode::Train => batchnorm::forward_train(
                        zr,
                        m,
                        n_out,
                        gamma,
                        beta,
                        eps,
                        momentum,
                        &mut self.running[l],
                        &mut self.bn_cache[l],
                        z,
                    ),
                    Mode::Eval => batchnorm::forward_eval(zr, n_out, gamma, beta, eps, &self.running[l], z),
                }
            } else {
                let b = layer.b.map(|b| self.params[b].as_slice());
                dense::forward(a_prev, &self.params[layer.w], b, m, n_in, n_out, z, &mut self.scratch);
            }
            out.resize(m * n_out, T::ZERO);
            if layer.hidden {
                self.config.activation.forward(z, out, slope);
                if use_dropout {
                    let pre = &mut self.pre_drop[l];
                    pre.clear();
                    pre.extend_from_slice(out);
                    let mask = &mut self.masks[l];
                    if !reuse_masks {
                        mask.resize(m * n_out, T::ZERO);
                        let rng = rng.as_deref_mut().expect("training forward has an RNG");
                        dropout::draw_mask(mask, keep, rng);
                    }
                    dropout::apply(out, mask);
                }
            } else {
                self.config.output.forward(z, out, n_out);
            }
        }
        Ok(self.output())
    }

    /// Backward pass for targets `y` (`m x outputs`) after a training forward pass: fills every
    /// gradient (see [`Network::grads`]).
    pub fn backward(&mut self, y: &[T]) -> Result<(), NetworkError> {
        let m = self.m;
        let k = self.config.outputs;
        if self.mode != Some(Mode::Train) {
            return Err(NetworkError::Setting(
                "backward after a training forward pass",
                0.0,
                "Mode::Train",
            ));
        }
        if y.len() != m * k {
            return Err(NetworkError::Shape("targets", m * k, y.len()));
        }
        let bug = self.config.bug;
        let slope = T::from_f64(self.config.leaky_slope);
        let l2 = T::from_f64(self.config.l2 / m as f64);
        let l1 = T::from_f64(self.config.l1 / m as f64);
        let mut delta = std::mem::take(&mut self.delta);
        let mut delta_prev = std::mem::take(&mut self.delta_prev);
        delta.resize(m * k, T::ZERO);
        self.config.output.dz(self.output(), y, m, &mut delta);
        for l in (0..self.layers.len()).rev() {
            let layer = self.layers[l].clone();
            let (n_in, n_out) = (layer.n_in, layer.n_out);
            if let Some((g, b)) = layer.bn {
                let (lo, hi) = self.grads.split_at_mut(b);
                if layer.ln {
                    layernorm::backward(
                        &mut delta,
                        n_out,
                        &self.params[g],
                        &self.bn_cache[l],
                        &mut lo[g],
                        &mut hi[0],
                    );
                } else {
                    batchnorm::backward(
                        &mut delta,
                        m,
                        n_out,
                        &self.params[g],
                        &self.bn_cache[l],
                        &mut lo[g],
                        &mut hi[0],
                    );
                }
            } else if let Some(b) = layer.b {
                dense::grad_bias(&delta, n_out, &mut self.grads[b]);
            }
            if l == 0 && bug == PlantedBug::BiasNotAveraged {
                let idx = layer.b.or(layer.bn.map(|(_, b)| b)).expect("a bias or beta");
                let mf = T::from_f64(m as f64);
                self.grads[idx].iter_mut().for_each(|v| *v *= mf);
            }
            let w = &self.params[layer.w];
            let dw = &mut self.grads[layer.w];
            dense::grad_weights(&self.acts[l], &delta, m, n_in, n_out, dw, &mut self.scratch);
            if self.config.l2 > 0.0 && bug != PlantedBug::MissingL2Gradient {
                dw.iter_mut().zip(w).for_each(|(d, &w)| *d += l2 * w);
            }
            if self.config.l1 > 0.0 {
                // d/dw of lambda/m |w| = lambda/m sign(w) (taken as 0 at w = 0, a subgradient)
                dw.iter_mut().zip(w).for_each(|(d, &w)| {
                    if w > T::ZERO {
                        *d += l1;
                    } else if w < T::ZERO {
                        *d -= l1;
                    }
                });
            }
            if l == 0 {
                break;
            }
            delta_prev.resize(m * n_in, T::ZERO);
            dense::grad_input(&delta, w, m, n_in, n_out, &mut delta_prev, &mut self.scratch);
            // delta_prev is dJ/dA of layer l-1 (a hidden layer): undo dropout, then g'.
            let below = l - 1;
            let a_below = if self.dropped {
                if bug != PlantedBug::DropoutMaskIgnored {
                    dropout::apply(&mut delta_prev, &self.masks[below]);
                }
                &self.pre_drop[below]
            } else {
                &self.acts[l]
            };
            self.config
                .activation
                .backward(&self.z[below], a_below, &mut delta_prev, slope);
            if below == 0 && bug == PlantedBug::ActivationSign {
                delta_prev.iter_mut().for_each(|v| *v = -*v);
            }
            std::mem::swap(&mut delta, &mut delta_prev);
        }
        self.delta = delta;
        self.delta_prev = delta_prev;
        Ok(())
    }
}
