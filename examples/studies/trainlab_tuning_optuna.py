#!/usr/bin/env python3
"""A complete Optuna study exported from trainlab (trainlab_tuning_optuna.py).

Reproduces trainlab's view=tuning: a random search of 100 trials over
  lr log-uniform in [1e-6, 0.01]
  weight_decay log-uniform in [1e-8, 0.0001]
of a network of 6 hidden layers of 100 units (relu, He init, softmax output), trained by sgd in
batches of 100 for 50 epochs on 500 of scikit-learn's 1,797 8x8 digits with 0.2 held out for
validation (seed 1; numpy's generator, so the lab's split rule and sizes, not its rows).
Successive halving as the lab runs it: eta 3, first rung 2 epochs (validation accuracy
reported after every epoch; the engine stops the trials below the best 1/eta of each rung).

Needs only numpy, scikit-learn and Optuna.

One machine:
    pip install numpy scikit-learn optuna
    python trainlab_tuning_optuna.py                 # 100 trials into sqlite:///trainlab_tuning.db
Several processes sharing one study (each runs its --n-trials; the storage holds them all):
    python trainlab_tuning_optuna.py --n-trials 50 & python trainlab_tuning_optuna.py --n-trials 50
Many machines: one database server they all reach, any SQLAlchemy URL (and its driver):
    python trainlab_tuning_optuna.py --storage postgresql://USER:PASSWORD@DBHOST/optuna --n-trials 10
At the end each process writes every trial of the study so far (trials_dataframe()) to --csv;
load that file in the lab (view=tuning, "Load results") to see it in the lab's figures.
"""
import argparse
import functools
import math
import os
import socket
import time

import numpy as np
import optuna
from sklearn.datasets import load_digits

SETTINGS = {
    "samples": 500,
    "val_fraction": 0.2,
    "seed": 1,
    "epochs": 50,
    "halving": {"eta": 3, "min_epochs": 2},
}

# Every hyperparameter of a trial that is not searched (beta None: the optimizer's own).
FIXED = {
    "layers": 6,
    "units": 100,
    "batch": 100,
    "dropout": 0.0,
    "optimizer": "sgd",
    "activation": "relu",
    "beta": None,
    "beta1": 0.9,
    "beta2": 0.999,
    "epsilon": 1e-8,
    "epochs": 50,
}
# ---------------------------------------------------------------------------------------------
# The data: scikit-learn's 1,797 digits (the set the lab embeds), pixels / 16, `samples` of them
# drawn by one shuffle from the seed, then `val_fraction` held out by a second shuffle (the lab's
# rule; numpy's generator, so the same rule and sizes, not the same rows).
def load_data(samples=SETTINGS["samples"], val_fraction=SETTINGS["val_fraction"], seed=SETTINGS["seed"]):
    digits = load_digits()
    x = digits.data.astype(np.float64) / 16.0
    t = np.eye(10)[digits.target]
    rng = np.random.default_rng(seed)
    picked = rng.permutation(len(x))[:samples]
    n_train = min(int(math.floor((1.0 - val_fraction) * samples + 0.5)), samples)
    n_val = min(int(math.floor(val_fraction * samples + 0.5)), samples - n_train)
    order = picked[rng.permutation(samples)]
    train, val = order[:n_train], order[n_train:n_train + n_val]
    return {"x_train": x[train], "t_train": t[train], "x_val": x[val], "t_val": t[val]}


# ---------------------------------------------------------------------------------------------
# The network, in the style of "Deep Learning from Scratch" (DLFS): layers with forward and
# backward, a MultiLayerNet of Affine -> activation (-> Dropout) blocks and a softmax with
# cross-entropy, trained by the optimizer classes below.
class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x, train):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x, train):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0.0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0.0
        return dout


class Sigmoid:
    def forward(self, x, train):
        self.out = 1.0 / (1.0 + np.exp(-x))
        return self.out

    def backward(self, dout):
        return dout * self.out * (1.0 - self.out)


class Tanh:
    def forward(self, x, train):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out ** 2)


class Dropout:
    """Inverted dropout: drops a share `ratio` of the units while training, scales the rest."""

    def __init__(self, ratio, rng):
        self.ratio, self.rng = ratio, rng

    def forward(self, x, train):
        if not train or self.ratio == 0.0:
            self.mask = None
            return x
        self.mask = (self.rng.random(x.shape) >= self.ratio) / (1.0 - self.ratio)
        return x * self.mask

    def backward(self, dout):
        return dout if self.mask is None else dout * self.mask


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def cross_entropy(z, t):
    """The mean over rows of -log softmax(z) at the target class (exact, as the lab computes it)."""
    return -float(np.sum(t * log_softmax(z))) / z.shape[0]


ACTIVATIONS = {"relu": Relu, "sigmoid": Sigmoid, "tanh": Tanh}


class MultiLayerNet:
    """`hidden` layers of `activation`, He init for ReLU and Xavier otherwise (DLFS's
    `weight_init_std`), biases 0, softmax output. L2 as the lab's engine has it: the cost of a
    pass over m rows adds l2 / (2 m) * sum ||W||^2 with l2 = weight_decay * batch (DLFS's
    weight_decay / 2 * sum ||W||^2 for a batch of `batch` rows), and its gradient l2 / m * W."""

    def __init__(self, sizes, activation, l2, dropout, rng, params=None):
        self.sizes, self.l2 = sizes, l2
        if params is None:
            params = {}
            for i in range(1, len(sizes)):
                n_in, n_out = sizes[i - 1], sizes[i]
                std = math.sqrt((2.0 if activation == "relu" else 1.0) / n_in)
                params[f"W{i}"] = rng.standard_normal((n_in, n_out)) * std
                params[f"b{i}"] = np.zeros(n_out)
        self.params = {k: np.array(v, dtype=np.float64) for k, v in params.items()}
        self.layers = []
        for i in range(1, len(sizes)):
            self.layers.append(Affine(self.params[f"W{i}"], self.params[f"b{i}"]))
            if i < len(sizes) - 1:
                self.layers.append(ACTIVATIONS[activation]())
                if dropout > 0.0:
                    self.layers.append(Dropout(dropout, rng))

    def predict(self, x, train=False):
        for layer in self.layers:
            x = layer.forward(x, train)
        return x

    def weight_penalty(self, m):
        if self.l2 == 0.0:
            return 0.0
        squares = sum(float(np.sum(self.params[f"W{i}"] ** 2)) for i in range(1, len(self.sizes)))
        return self.l2 / (2.0 * m) * squares

    def loss(self, x, t, train=False):
        return cross_entropy(self.predict(x, train), t) + self.weight_penalty(x.shape[0])

    def accuracy(self, x, t):
        return float(np.mean(np.argmax(self.predict(x), axis=1) == np.argmax(t, axis=1)))

    def gradient(self, x, t):
        """Backpropagation; returns (the cost before the update, the gradients by name)."""
        m = x.shape[0]
        z = self.predict(x, train=True)
        cost = cross_entropy(z, t) + self.weight_penalty(m)
        dout = (np.exp(log_softmax(z)) - t) / m
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {}
        affines = [layer for layer in self.layers if isinstance(layer, Affine)]
        for i, layer in enumerate(affines, start=1):
            grads[f"W{i}"] = layer.dW + self.l2 / m * layer.W
            grads[f"b{i}"] = layer.db
        return cost, grads


class SGD:
    """W -= lr * dW; with beta > 0, DLFS's Momentum: v = beta * v - lr * dW, W += v."""

    def __init__(self, lr, beta=0.0, **_):
        self.lr, self.beta, self.v = lr, beta, None

    def update(self, params, grads):
        if self.beta == 0.0:
            for k in params:
                params[k] -= self.lr * grads[k]
            return
        if self.v is None:
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        for k in params:
            self.v[k] = self.beta * self.v[k] - self.lr * grads[k]
            params[k] += self.v[k]


class RMSprop:
    """DLFS's RMSprop: h = beta * h + (1 - beta) * dW^2, W -= lr * dW / (sqrt(h) + epsilon)."""

    def __init__(self, lr, beta=0.99, epsilon=1e-7, **_):
        self.lr, self.beta, self.epsilon, self.h = lr, beta, epsilon, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(v) for k, v in params.items()}
        for k in params:
            self.h[k] = self.beta * self.h[k] + (1.0 - self.beta) * grads[k] ** 2
            params[k] -= self.lr * grads[k] / (np.sqrt(self.h[k]) + self.epsilon)


class Adam:
    """Adam (Kingma & Ba 2015) with bias correction: m and v the moving averages of dW and
    dW^2, W -= lr * m_hat / (sqrt(v_hat) + epsilon)."""

    def __init__(self, lr, beta1=0.9, beta2=0.999, epsilon=1e-8, **_):
        self.lr, self.beta1, self.beta2, self.epsilon = lr, beta1, beta2, epsilon
        self.m = self.v = None
        self.t = 0

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t += 1
        for k in params:
            self.m[k] = self.beta1 * self.m[k] + (1.0 - self.beta1) * grads[k]
            self.v[k] = self.beta2 * self.v[k] + (1.0 - self.beta2) * grads[k] ** 2
            m_hat = self.m[k] / (1.0 - self.beta1 ** self.t)
            v_hat = self.v[k] / (1.0 - self.beta2 ** self.t)
            params[k] -= self.lr * m_hat / (np.sqrt(v_hat) + self.epsilon)


def make_optimizer(hp):
    kind = hp["optimizer"]
    settings = {"lr": hp["lr"], "beta1": hp["beta1"], "beta2": hp["beta2"], "epsilon": hp["epsilon"]}
    if hp["beta"] is not None:
        settings["beta"] = hp["beta"]
    return {"sgd": SGD, "rmsprop": RMSprop, "adam": Adam}[kind](**settings)


def train(hp, data, seed, report=None, params=None):
    """Trains one trial with hyperparameters `hp` for hp["epochs"] epochs of shuffled
    mini-batches (the last one short), evaluating the training and validation rows after each;
    `report(epoch, metrics)` returning True stops it (pruned). `params`: initial weights
    instead of drawn ones. Returns the per-epoch curves, `diverged` (the epoch whose cost was not
    finite, else None) and `pruned`."""
    rng = np.random.default_rng(seed)
    x, t = data["x_train"], data["t_train"]
    n = x.shape[0]
    batch = max(1, min(hp["batch"], n))
    sizes = [x.shape[1]] + [hp["units"]] * hp["layers"] + [10]
    net = MultiLayerNet(sizes, hp["activation"], hp["weight_decay"] * batch, hp["dropout"], rng, params)
    optimizer = make_optimizer(hp)
    curves = {"train_acc": [], "val_acc": [], "train_loss": [], "val_loss": [], "diverged": None, "pruned": False}
    with np.errstate(all="ignore"):
        for epoch in range(1, hp["epochs"] + 1):
            order = rng.permutation(n)
            for start in range(0, n, batch):
                rows = order[start:start + batch]
                cost, grads = net.gradient(x[rows], t[rows])
                if not np.isfinite(cost):
                    curves["diverged"] = epoch
                    return curves
                optimizer.update(net.params, grads)
            metrics = {
                "train_loss": net.loss(x, t),
                "val_loss": net.loss(data["x_val"], data["t_val"]),
                "train_acc": net.accuracy(x, t),
                "val_acc": net.accuracy(data["x_val"], data["t_val"]),
            }
            if not (np.isfinite(metrics["train_loss"]) and np.isfinite(metrics["val_loss"])):
                curves["diverged"] = epoch
                return curves
            for k, v in metrics.items():
                curves[k].append(v)
            if report is not None and report(epoch, metrics):
                curves["pruned"] = True
                return curves
    return curves


# ---------------------------------------------------------------------------------------------
# The study: the searched hyperparameters drawn as the lab draws them, validation accuracy
# reported after every epoch so the pruner can stop a trial at a rung, the curves kept as user
# attributes (trials_dataframe() writes them as user_attrs_* columns, which the lab reads back).
@functools.lru_cache(maxsize=1)
def data():
    return load_data()


def hyperparameters(trial):
    """The trial's hyperparameters: the searched ones drawn on the lab's ranges and scales,
    over the fixed ones."""
    hp = dict(FIXED)
    hp["lr"] = trial.suggest_float("lr", 1e-6, 0.01, log=True)
    hp["weight_decay"] = trial.suggest_float("weight_decay", 1e-8, 0.0001, log=True)
    return hp


def objective(trial):
    hp = hyperparameters(trial)

    def report(epoch, metrics):
        trial.report(metrics["val_acc"], epoch)
        return trial.should_prune()

    curves = train(hp, data(), [SETTINGS["seed"], trial.number], report)
    for key in ("train_acc", "val_acc", "train_loss", "val_loss"):
        trial.set_user_attr(key, [round(v, 6) for v in curves[key]])
    trial.set_user_attr("epochs", len(curves["val_acc"]))
    trial.set_user_attr("worker", f"{socket.gethostname()}:{os.getpid()}")  # which process ran it
    trial.set_user_attr("diverged_epoch", curves["diverged"])
    if curves["pruned"]:
        raise optuna.TrialPruned()
    if curves["diverged"] is not None:
        return 0.0  # the lab counts a diverged trial as accuracy 0
    return curves["val_acc"][-1]


def pruner():
    return optuna.pruners.SuccessiveHalvingPruner(min_resource=2, reduction_factor=3, min_early_stopping_rate=0)


def open_storage(url, tries=5):
    """The storage at `url`. Processes started together race to create a new SQLite file's tables
    (one of them gets an IntegrityError): the loser waits and opens the tables the winner made."""
    for attempt in range(tries):
        try:
            return optuna.storages.RDBStorage(url)
        except Exception:  # noqa: BLE001 (sqlalchemy's errors differ by driver)
            if attempt == tries - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def run_study(storage, study_name, csv_path, sampler_seed=None, n_trials=100):
    """Runs `n_trials` trials in this process into the study `study_name` of `storage` (created
    if missing, shared otherwise), then writes every trial of the study so far to `csv_path`."""
    study = optuna.create_study(
        storage=open_storage(storage),
        study_name=study_name,
        direction="maximize",
        sampler=optuna.samplers.RandomSampler(seed=sampler_seed),  # the lab's random search
        pruner=pruner(),
        load_if_exists=True,
    )
    study.optimize(objective, n_trials=n_trials)
    study.trials_dataframe().to_csv(csv_path, index=False)
    complete = [t for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE]
    if complete:
        best = study.best_trial
        print(f"best: trial={best.number} val_acc={best.value}")
    return study


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--storage", default="sqlite:///trainlab_tuning.db", help="an SQLAlchemy URL every process reaches")
    parser.add_argument("--study-name", default="trainlab-tuning")
    parser.add_argument("--n-trials", type=int, default=100, help="trials this process runs")
    parser.add_argument("--csv", default="trainlab_tuning_optuna.csv", help="where to write the study's trials at the end")
    parser.add_argument("--sampler-seed", type=int, default=None, help="a seed per process (none: fresh)")
    args = parser.parse_args(argv)
    run_study(args.storage, args.study_name, args.csv, args.sampler_seed, args.n_trials)


if __name__ == "__main__":
    main()
