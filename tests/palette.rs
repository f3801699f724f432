//! The series palette stays distinguishable for the common colour-vision deficiencies.
//!
//! Each colour is converted to linear sRGB, passed through the full-severity simulation matrices
//! of Machado, Oliveira & Fernandes (2009, "A physiologically-based model for simulation of color
//! vision deficiency", IEEE TVCG 15(6)) for protanopia, deuteranopia and tritanopia, then to
//! CIELAB (D65). Every pair of palette colours must stay at least 15 CIE76 ΔE apart (2.3 is a just
//! noticeable difference; the palette reaches 16.1 at worst, tritanopia, green vs sky blue, checked
//! with the same formulas in Python), and every colour at least 20 from the white background.
use trainlab::chart::PALETTE;

const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const TRITANOPIA: [[f64; 3]; 3] = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// CIELAB (D65) of a linear-sRGB colour.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn seen(m: &[[f64; 3]; 3], rgb: (u8, u8, u8)) -> [f64; 3] {
    let l = [linear(rgb.0), linear(rgb.1), linear(rgb.2)];
    let s = |i: usize| (m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]).clamp(0.0, 1.0);
    lab([s(0), s(1), s(2)])
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)).sqrt()
}

#[test]
fn palette_pairs_stay_apart_under_colour_vision_deficiencies() {
    let white = [100.0, 0.0, 0.0];
    for (name, m) in [
        ("normal", NORMAL),
        ("protanopia", PROTANOPIA),
        ("deuteranopia", DEUTERANOPIA),
        ("tritanopia", TRITANOPIA),
    ] {
        let labs: Vec<[f64; 3]> = PALETTE.iter().map(|c| seen(&m, (c.0, c.1, c.2))).collect();
        for i in 0..labs.len() {
            assert!(delta_e(labs[i], white) >= 20.0, "{name}: colour {i} too close to white");
            for j in i + 1..labs.len() {
                let d = delta_e(labs[i], labs[j]);
                assert!(d >= 15.0, "{name}: colours {i} and {j} only {d:.1} ΔE apart");
            }
        }
    }
}

#[test]
fn simulation_of_grey_is_grey() {
    // Each Machado matrix maps white to white (rows sum to 1), so greys are unchanged: a check on
    // the transcribed numbers.
    for m in [PROTANOPIA, DEUTERANOPIA, TRITANOPIA] {
        for row in m {
            assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-5, "{row:?}");
        }
    }
}
