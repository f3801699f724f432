//! Independent seeds from `(seed, round, index)`: the data draw, each trial's hyperparameters,
//! its initial weights and its mini-batch order all come from generators seeded by these, so any
//! worker can run any trial and get the same numbers.

/// SplitMix64's finaliser (Steele, Lea & Flood 2014), to derive independent seeds.
pub fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seed from `(seed, round, index)` (the data draw uses round `u64::MAX`).
pub fn mix(seed: u64, round: u64, index: u64) -> u64 {
    splitmix(splitmix(splitmix(seed) ^ round) ^ index)
}
