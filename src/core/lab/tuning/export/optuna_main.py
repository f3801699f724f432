

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
{draws}    return hp


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
    return {pruner}


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


def run_study(storage, study_name, csv_path, sampler_seed=None, n_trials={trials}):
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
    parser.add_argument("--storage", default="sqlite:///{db}", help="an SQLAlchemy URL every process reaches")
    parser.add_argument("--study-name", default="{name}")
    parser.add_argument("--n-trials", type=int, default={trials}, help="trials this process runs")
    parser.add_argument("--csv", default="{csv}", help="where to write the study's trials at the end")
    parser.add_argument("--sampler-seed", type=int, default=None, help="a seed per process (none: fresh)")
    args = parser.parse_args(argv)
    run_study(args.storage, args.study_name, args.csv, args.sampler_seed, args.n_trials)


if __name__ == "__main__":
    main()
