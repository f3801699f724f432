"""The numpy network of the exported studies (examples/studies/, kept equal to the lab's export of
the tuning view's defaults by `cargo test`): its gradients against central differences, its
optimizers, the data split's sizes, and its first epochs against the lab's engine from the same
weights (tests/python/first_epoch.json, whose numbers `cargo test --lib first_epoch` checks on
the lab's side). Run with the virtualenv of scripts/setup-python.sh:
    ~/.cache/trainlab/venv-studies/bin/python -m unittest discover -s tests/python -v
"""
import importlib.util
import json
import pathlib
import unittest

import numpy as np
from sklearn.datasets import load_digits

ROOT = pathlib.Path(__file__).resolve().parents[2]
STUDIES = ROOT / "examples" / "studies"


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


study = load(STUDIES / "trainlab_tuning_optuna.py", "trainlab_tuning_optuna")


def numeric_gradient(f, x, h=1e-5):
    """Central differences of f() with respect to every entry of the array x (in place)."""
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        keep = x[i]
        x[i] = keep + h
        up = f()
        x[i] = keep - h
        down = f()
        x[i] = keep
        grad[i] = (up - down) / (2 * h)
    return grad


class Gradients(unittest.TestCase):
    def check(self, activation, l2, tolerance):
        rng = np.random.default_rng(3)
        x = rng.standard_normal((7, 8))
        t = np.eye(10)[rng.integers(0, 10, 7)]
        net = study.MultiLayerNet([8, 6, 5, 10], activation, l2, 0.0, rng)
        _, grads = net.gradient(x, t)
        for key, param in net.params.items():
            numeric = numeric_gradient(lambda: net.loss(x, t, train=True), param)
            scale = max(1e-8, np.abs(numeric).max() + np.abs(grads[key]).max())
            error = np.abs(numeric - grads[key]).max() / scale
            self.assertLess(error, tolerance, f"{activation} {key}: relative error {error}")

    def test_backprop_matches_central_differences(self):
        # smooth activations: the differences are exact to O(h^2); ReLU's kinks are missed by
        # random inputs almost surely
        self.check("tanh", 0.3, 1e-7)
        self.check("sigmoid", 0.3, 1e-7)
        self.check("relu", 0.3, 1e-6)
        self.check("relu", 0.0, 1e-6)

    def test_every_optimizer_lowers_the_cost(self):
        rng = np.random.default_rng(5)
        x = rng.standard_normal((40, 8))
        t = np.eye(10)[rng.integers(0, 10, 40)]
        for kind, lr in (("sgd", 0.1), ("adam", 0.01), ("rmsprop", 0.01)):
            for beta in (None, 0.9):
                hp = dict(study.FIXED, optimizer=kind, lr=lr, beta=beta)
                net = study.MultiLayerNet([8, 16, 10], "relu", 0.0, 0.0, np.random.default_rng(1))
                opt = study.make_optimizer(hp)
                first = net.loss(x, t)
                for _ in range(50):
                    _, grads = net.gradient(x, t)
                    opt.update(net.params, grads)
                self.assertLess(net.loss(x, t), 0.8 * first, f"{kind} beta {beta}")


class Data(unittest.TestCase):
    def test_the_split_has_the_labs_sizes_and_no_row_twice(self):
        d = study.load_data(500, 0.2, 1)
        self.assertEqual((len(d["x_train"]), len(d["x_val"])), (400, 100))
        rows = {r.tobytes() for r in np.concatenate([d["x_train"], d["x_val"]])}
        self.assertGreater(len(rows), 480)  # a few digits repeat pixel for pixel in the set
        again = study.load_data(500, 0.2, 1)
        self.assertTrue(np.array_equal(d["x_val"], again["x_val"]))
        self.assertEqual(d["x_train"].max(), 1.0)


class FirstEpochs(unittest.TestCase):
    def test_numpy_gives_the_labs_numbers_from_the_same_weights(self):
        fixture = json.loads((ROOT / "tests" / "python" / "first_epoch.json").read_text())
        digits = load_digits()
        n = fixture["rows"]
        self.assertEqual(list(digits.target[:n]), [int(v) for v in fixture["lab"]["labels"]])
        x = digits.data[:n] / 16.0
        t = np.eye(10)[digits.target[:n]]
        data = {"x_train": x, "t_train": t, "x_val": x, "t_val": t}
        params = {k: np.array(v, dtype=np.float64) for k, v in fixture["params"].items()}
        params["W1"] = params["W1"].reshape(64, fixture["hidden"])
        params["W2"] = params["W2"].reshape(fixture["hidden"], 10)
        hp = dict(study.FIXED, lr=fixture["lr"], weight_decay=fixture["weight_decay"], layers=1,
                  units=fixture["hidden"], batch=n, epochs=fixture["epochs"])
        first = study.MultiLayerNet([64, fixture["hidden"], 10], "relu", hp["weight_decay"] * n, 0.0,
                                    None, {k: v.copy() for k, v in params.items()}).loss(x, t, train=True)
        curves = study.train(hp, data, [0], params=params)
        lab = fixture["lab"]
        # the lab trains in f32: its costs carry about 7 significant digits
        np.testing.assert_allclose(first, lab["first_cost"], rtol=2e-6)
        np.testing.assert_allclose(curves["train_loss"], lab["cost"], rtol=2e-6)
        np.testing.assert_allclose(curves["train_acc"], lab["accuracy"], atol=1e-12)


class RayStudy(unittest.TestCase):
    def test_the_ray_tune_file_compiles_and_imports(self):
        ray_study = load(STUDIES / "trainlab_tuning_ray.py", "trainlab_tuning_ray")
        self.assertIn("lr", ray_study.PARAM_SPACE)
        self.assertEqual(ray_study.hyperparameters({"lr": 0.01, "weight_decay": 1e-6})["layers"], 6)


if __name__ == "__main__":
    unittest.main()
