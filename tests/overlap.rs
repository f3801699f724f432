//! No two words of a figure overlap: every registered view, at its defaults and with each option
//! of each choice parameter, after some of its long work, is drawn at a laptop size and at a
//! phone size in English and Korean, and no two of its text labels may cover each other (their
//! boxes measured by the same table that lays the figure out, chart/measure.rs).
use trainlab::app::params::ParamKind;
use trainlab::app::{Mounted, VIEWS};
use trainlab::chart::record::{text_box, Op};
use trainlab::chart::{Lang, Theme};

/// Widths in CSS pixels: the figure on a 1400 px laptop and on a 390 px phone.
const WIDTHS: [u32; 2] = [1000, 372];
/// Labels may touch: boxes overlapping by at most this many pixels in either direction pass.
const SLACK: i32 = 2;

fn overlaps(view: &Mounted, what: &str, failures: &mut Vec<String>) {
    for width in WIDTHS {
        let height = view.height_for(width as f64).round() as u32;
        for lang in [Lang::En, Lang::Ko] {
            let ops = view.record((width, height), &Theme { scale: 1.0, lang }).unwrap();
            let boxes: Vec<(String, (i32, i32, i32, i32))> = ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text(s, spec, pos) if !s.trim().is_empty() => Some((s.clone(), text_box(s, spec, *pos))),
                    _ => None,
                })
                .collect();
            for (i, (a, ra)) in boxes.iter().enumerate() {
                for (b, rb) in &boxes[i + 1..] {
                    let dx = ra.2.min(rb.2) - ra.0.max(rb.0);
                    let dy = ra.3.min(rb.3) - ra.1.max(rb.1);
                    if dx > SLACK && dy > SLACK {
                        failures.push(format!(
                            "{} ({what}, {width} px, {lang:?}): {a:?} over {b:?}",
                            view.id()
                        ));
                    }
                }
            }
        }
    }
}

#[test]
fn no_two_labels_of_a_figure_overlap() {
    let mut failures = Vec::new();
    for entry in VIEWS {
        let mut view = Mounted::new(entry.id).unwrap();
        view.advance(300);
        overlaps(&view, "defaults", &mut failures);
        for spec in entry.params {
            let ParamKind::Choice { options } = spec.kind else {
                continue;
            };
            for option in options {
                let mut v = Mounted::new(entry.id).unwrap();
                if !v.set(&format!("{}={option}", spec.name)).is_empty() {
                    continue;
                }
                v.advance(300);
                overlaps(&v, &format!("{}={option}", spec.name), &mut failures);
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} overlapping labels:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
