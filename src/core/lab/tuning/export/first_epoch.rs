//! The lab's side of the check that the exported numpy network is the lab's network
//! (`tests/python/test_network.py` is the other side): the first 60 digits, a 64-16-10 ReLU
//! network from the weights stored in `tests/python/first_epoch.json`, plain SGD (DLFS form) with
//! weight decay as a trial has it (`l2 = weight_decay * batch`), full batches (so the order of the
//! rows does not matter) for three epochs. The fixture holds the weights and the lab's numbers
//! (training cost before the first update, then the training cost and accuracy after each
//! epoch, evaluation mode); this test checks that the engine still gives them, the Python test
//! that numpy gives them within f32 tolerance. `UPDATE_FIXTURES=1 cargo test --lib first_epoch`
//! draws new weights (the lab's He init, seed 7) and rewrites the fixture.
use crate::core::data::digits::embedded;
use crate::core::math::rng::seeded;
use crate::core::nn::{Activation, Init, NetworkConfig, Output, TrainConfig, Trainer};
use crate::core::optim::{Convention, OptimizerConfig, OptimizerKind};
use serde_json::{json, Value};

const ROWS: usize = 60;
const HIDDEN: usize = 16;
const LR: f64 = 0.1;
const WEIGHT_DECAY: f64 = 1e-3;
const EPOCHS: usize = 3;

fn path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/first_epoch.json")
}

/// Trains from `weights` (None: the lab's own draw); returns the weights used and the numbers.
fn run(weights: Option<Vec<Vec<f32>>>) -> (Vec<Vec<f32>>, Value) {
    let digits = embedded().unwrap();
    let idx: Vec<usize> = (0..ROWS).collect();
    let data = digits.subset(&idx).train_data::<f32>(Output::SoftmaxCrossEntropy, 10);
    let config = NetworkConfig {
        inputs: digits.features,
        hidden: vec![HIDDEN],
        outputs: 10,
        activation: Activation::Relu,
        output: Output::SoftmaxCrossEntropy,
        init: Init::He,
        l2: WEIGHT_DECAY * ROWS as f64,
        ..NetworkConfig::default()
    };
    let mut net = config.validate::<f32, _>(&mut seeded(7)).unwrap();
    if let Some(w) = weights {
        net.params_mut().clone_from_slice(&w);
    }
    let used = net.params().to_vec();
    let train = TrainConfig {
        batch_size: ROWS,
        optimizer: OptimizerConfig::new(OptimizerKind::Sgd, Convention::Dlfs, LR),
        seed: 1,
        ..TrainConfig::default()
    };
    let mut trainer = Trainer::new(net, train, data.clone(), None).unwrap();
    let first = trainer.step().unwrap();
    let mut cost = Vec::new();
    let mut acc = Vec::new();
    for e in 0..EPOCHS {
        if e > 0 {
            trainer.epoch();
        }
        let (c, a) = trainer.evaluate(&data).unwrap();
        cost.push(c);
        acc.push(a.unwrap());
    }
    let labels: Vec<f64> = digits.y[..ROWS].to_vec();
    let numbers = json!({"first_cost": first, "cost": cost, "accuracy": acc, "labels": labels});
    (used, numbers)
}

#[test]
fn the_engine_gives_the_fixtures_numbers_from_its_weights() {
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let (weights, lab) = run(None);
        let fixture = json!({
            "rows": ROWS, "hidden": HIDDEN, "lr": LR, "weight_decay": WEIGHT_DECAY, "epochs": EPOCHS,
            "params": {"W1": weights[0], "b1": weights[1], "W2": weights[2], "b2": weights[3]},
            "lab": lab,
        });
        std::fs::write(path(), serde_json::to_string(&fixture).unwrap()).unwrap();
    }
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path()).unwrap()).unwrap();
    let tensor = |k: &str| -> Vec<f32> {
        fixture["params"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap() as f32)
            .collect()
    };
    let weights = vec![tensor("W1"), tensor("b1"), tensor("W2"), tensor("b2")];
    let (_, lab) = run(Some(weights));
    let close = |a: &Value, b: &Value| (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-6;
    assert!(close(&lab["first_cost"], &fixture["lab"]["first_cost"]), "{lab}");
    for k in ["cost", "accuracy"] {
        let (a, b) = (lab[k].as_array().unwrap(), fixture["lab"][k].as_array().unwrap());
        assert!(
            a.len() == EPOCHS && a.iter().zip(b).all(|(x, y)| close(x, y)),
            "{k}: {lab}"
        );
    }
}
