

# ---------------------------------------------------------------------------------------------
# The study: the searched hyperparameters drawn as the lab draws them, one trial per CPU, each
# epoch's metrics reported (the scheduler stops a trial at a rung), every trial's per-epoch rows
# written to one CSV at the end (Ray Tune's result columns, which the lab reads back).
PARAM_SPACE = {
{space}}


_DATA = []  # the split, loaded once per worker process


def data():
    # a plain function, not functools.lru_cache: Ray ships the trainable to its workers by value
    # (cloudpickle), and an lru_cache wrapper of __main__ would be looked up there by name and fail
    if not _DATA:
        _DATA.append(load_data())
    return _DATA[0]


def hyperparameters(config):
    """The trial's hyperparameters: the searched ones from Ray's draw, over the fixed ones."""
    hp = dict(FIXED)
{reads}    return hp


def trainable(config):
    hp = hyperparameters(config)
    trial_id = tune.get_context().get_trial_id() or "0"

    def report(epoch, metrics):
        tune.report(dict(metrics, epoch=epoch))
        return False

    curves = train(hp, data(), [SETTINGS["seed"], zlib.crc32(trial_id.encode())], report)
    if curves["diverged"] is not None:
        # the lab counts a diverged trial as accuracy 0
        epoch = curves["diverged"]
        tune.report({"epoch": epoch, "val_acc": 0.0, "train_acc": 0.0, "diverged_epoch": epoch})


def scheduler():
    return {scheduler}


def tune_config(num_samples={trials}):
    return tune.TuneConfig(metric="val_acc", mode="max", num_samples=num_samples, scheduler=scheduler())


def write_results(results, csv_path):
    """Every reported row of every trial (one per epoch), with its trial_id and config/* columns."""
    import pandas as pd

    frames = []
    for result in results:
        frame = result.metrics_dataframe
        if frame is None or frame.empty:
            continue
        frame = frame.copy()
        frame["trial_id"] = result.metrics.get("trial_id", result.path)
        for key, value in result.config.items():
            frame[f"config/{key}"] = value
        frames.append(frame)
    pd.concat(frames, ignore_index=True).to_csv(csv_path, index=False)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", default=None, help="a running Ray cluster (auto, HEAD:6379); none: start Ray here")
    parser.add_argument("--cpus", type=int, default=None, help="CPUs of the local Ray (none: all)")
    parser.add_argument("--num-samples", type=int, default={trials})
    parser.add_argument("--storage-path", default="ray_results", help="where Ray keeps the trials")
    parser.add_argument("--name", default="{name}")
    parser.add_argument("--csv", default="{csv}", help="where to write the results at the end")
    args = parser.parse_args(argv)
    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=args.cpus, include_dashboard=False)
    tuner = tune.Tuner(
        tune.with_resources(trainable, {"cpu": 1}),
        param_space=PARAM_SPACE,
        tune_config=tune_config(args.num_samples),
        run_config=tune.RunConfig(name=args.name, storage_path=os.path.abspath(args.storage_path)),
    )
    results = tuner.fit()
    write_results(results, args.csv)
    best = results.get_best_result(metric="val_acc", mode="max", scope="last")
    print(f"best: trial={best.metrics['trial_id']} val_acc={best.metrics['val_acc']}")


if __name__ == "__main__":
    main()
