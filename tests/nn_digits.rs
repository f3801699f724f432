//! The committed digits asset and a real training run on it: a 64-100-10 ReLU MLP trained with
//! Adam reaches at least 95% test accuracy, and the same seed gives bit-identical weights.
use trainlab::core::data::digits::{parse, Digits};
use trainlab::core::data::SplitConfig;
use trainlab::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, Trainer};
use trainlab::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use trainlab::core::rng::seeded;

const BIN: &[u8] = include_bytes!("../www/data/digits.bin");

fn digits() -> Digits {
    parse(BIN).expect("the committed asset parses")
}

#[test]
fn the_asset_holds_1797_images_of_ten_classes() {
    let d = digits();
    assert_eq!(d.len(), 1797);
    assert_eq!((d.rows, d.cols), (8, 8));
    assert_eq!(BIN.len(), 12 + 1797 * 65);
    assert!(d.pixels.iter().all(|&p| p <= 16));
    assert_eq!(d.pixels.iter().max(), Some(&16));
    // scikit-learn's load_digits() class counts (np.bincount(load_digits().target)):
    // [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    let mut counts = [0usize; 10];
    d.labels.iter().for_each(|&l| counts[l as usize] += 1);
    assert_eq!(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    // load_digits().images[0] is a zero: its first row is [0, 0, 5, 13, 9, 1, 0, 0]
    assert_eq!(&d.pixels[..8], &[0, 0, 5, 13, 9, 1, 0, 0]);
    assert_eq!(d.labels[0], 0);
}

#[test]
fn corrupt_files_are_refused() {
    assert!(parse(b"nope").is_err());
    assert!(parse(&BIN[..BIN.len() - 1]).is_err());
    let mut bad = BIN.to_vec();
    bad[12] = 17; // first pixel of the first image out of range
    assert!(parse(&bad).unwrap_err().0.contains("image 1"));
}

/// Trains the 64-100-10 MLP; returns (test accuracy, weights checksum).
fn train_digits(seed: u64, epochs: usize) -> (f64, u64) {
    let data = digits().dataset();
    let split = SplitConfig { train: 0.6, dev: 0.2 }
        .split(&data, &mut seeded(seed))
        .unwrap();
    let cfg = NetworkConfig {
        inputs: 64,
        hidden: vec![100],
        outputs: 10,
        activation: Activation::Relu,
        output: Output::SoftmaxCrossEntropy,
        init: Init::He,
        ..NetworkConfig::default()
    };
    let net = cfg.validate::<f32, _>(&mut seeded(seed)).unwrap();
    let tc = TrainConfig {
        batch_size: 32,
        optimizer: OptimizerConfig::new(OptimizerKind::Adam, Convention::Ng, 0.002),
        seed,
        ..TrainConfig::default()
    };
    let out = Output::SoftmaxCrossEntropy;
    let mut tr = Trainer::new(
        net,
        tc,
        split.train.train_data(out, 10),
        Some(split.dev.train_data(out, 10)),
    )
    .unwrap();
    for _ in 0..epochs {
        tr.epoch();
    }
    let (_, acc) = tr.evaluate(&split.test.train_data(out, 10)).unwrap();
    // FNV-1a over the bits of every weight
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for v in tr.net.params().iter().flatten() {
        for b in v.to_bits().to_le_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    (acc.unwrap(), h)
}

#[test]
fn mlp_64_100_10_with_adam_reaches_95_percent_and_is_bit_reproducible() {
    let (acc, sum) = train_digits(7, 30);
    println!("digits test accuracy {acc:.4}, checksum {sum:016x}");
    assert!(acc >= 0.95, "test accuracy {acc}");
    let (acc2, sum2) = train_digits(7, 30);
    assert_eq!((acc.to_bits(), sum), (acc2.to_bits(), sum2));
    let (_, other) = train_digits(8, 1);
    assert_ne!(other, sum);
}
