use trainlab::core::data::digits::embedded as digits;
use trainlab::core::lab::learning::{rows, LearningConfig, LearningRun};
fn main() {
    let d = digits().unwrap();
    let data = rows(&d);
    let config = LearningConfig {
        iterations: 300,
        ..LearningConfig::default()
    };
    let t0 = std::time::Instant::now();
    let mut r = LearningRun::new(&config, &data, 0).unwrap();
    r.advance(&data, 300);
    println!("{:?} per iteration", t0.elapsed() / 300);
}
