//! The committed digits asset and a real training run on it: a 64-100-10 ReLU MLP trained with
//! Adam reaches at least 95% test accuracy, and the same seed gives bit-identical weights.
use trainlab::core::data::digits::{parse, Digits, COUNT};
#[path = "common/reproduce.rs"]
mod reproduce;
use reproduce::digits_reference_run;

const BIN: &[u8] = include_bytes!("../www/data/digits.bin");

fn digits() -> Digits {
    parse(BIN).expect("the committed asset parses")
}

#[test]
fn the_asset_holds_1797_images_of_ten_classes() {
    let d = digits();
    assert_eq!(d.len(), 1797);
    assert_eq!(
        COUNT,
        d.len(),
        "the constant the train view caps `samples` of the digits with"
    );
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

/// The reference run (core::nn::reproduce): 64-100-10 ReLU MLP, Adam, batches of 32.
fn train_digits(seed: u64, epochs: usize) -> (f64, u64) {
    digits_reference_run(BIN, epochs, seed).unwrap()
}

/// The checksum after 2 epochs with seed 7; tests/web.rs asserts the same constant in the browser.
const TWO_EPOCHS_SEED_7: u64 = 0xaabe_aa00_4c92_bc25;

#[test]
fn two_epoch_checksum_matches_the_constant_the_browser_test_checks() {
    let (_, sum) = train_digits(7, 2);
    assert_eq!(sum, TWO_EPOCHS_SEED_7, "got {sum:#018x}");
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
