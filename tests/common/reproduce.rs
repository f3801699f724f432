//! Test fixture (shared by tests/nn_digits.rs natively and tests/web.rs in the browser, each
//! with `#[path = "common/reproduce.rs"] mod reproduce;`): a reference training run for the reproducibility checks: the same seed must give the same
//! weights, bit for bit, run after run and in native and browser (wasm) builds alike.
//!
//! The run: the digits (`www/data/digits.bin`, pixels / 16) split 60/20/20 with the seed, a
//! 64-100-10 ReLU MLP with He initialisation and softmax + cross-entropy, Adam (Ng form, lr 0.002),
//! mini-batches of 32, `epochs` epochs, everything seeded. Its fingerprint is an FNV-1a hash of
//! the bits of every parameter (little-endian, in parameter order).
//!
//! Why the bits agree across builds: the f32 products use [`trainlab::core::math::gemm`] (the SIMD128 and
//! scalar kernels add in the same order, without fused multiply-adds), `exp` is computed by
//! portable code (`trainlab::core::math::exp`), and the rest is IEEE addition, multiplication, division and
//! square root, which every platform rounds the same way.
use trainlab::core::data::digits::parse;
use trainlab::core::data::SplitConfig;
use trainlab::core::math::rng::seeded;
use trainlab::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, Trainer};
use trainlab::core::optim::{Convention, OptimizerConfig, OptimizerKind};

/// FNV-1a (64-bit) over the little-endian bits of every value.
pub fn checksum_f32<'a>(values: impl IntoIterator<Item = &'a f32>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for v in values {
        for b in v.to_bits().to_le_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// Trains the reference digits MLP on `digits_bin` for `epochs` epochs with `seed`; returns the
/// test accuracy and the weights' checksum.
pub fn digits_reference_run(digits_bin: &[u8], epochs: usize, seed: u64) -> Result<(f64, u64), String> {
    let data = parse(digits_bin).map_err(|e| e.to_string())?.dataset();
    let split = SplitConfig { train: 0.6, dev: 0.2 }
        .split(&data, &mut seeded(seed))
        .map_err(|e| e.to_string())?;
    let cfg = NetworkConfig {
        inputs: 64,
        hidden: vec![100],
        outputs: 10,
        activation: Activation::Relu,
        output: Output::SoftmaxCrossEntropy,
        init: Init::He,
        ..NetworkConfig::default()
    };
    let net = cfg.validate::<f32, _>(&mut seeded(seed)).map_err(|e| e.to_string())?;
    let tc = TrainConfig {
        batch_size: 32,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam, Convention::Ng, 0.002),
        seed,
        ..TrainConfig::default()
    };
    let out = Output::SoftmaxCrossEntropy;
    let dev = split.dev.train_data(out, 10);
    let mut tr = Trainer::new(net, tc, split.train.train_data(out, 10), Some(dev)).map_err(|e| e.to_string())?;
    for _ in 0..epochs {
        tr.epoch();
    }
    let (_, acc) = tr
        .evaluate(&split.test.train_data(out, 10))
        .map_err(|e| e.to_string())?;
    Ok((acc.unwrap_or(0.0), checksum_f32(tr.net.params().iter().flatten())))
}
