"""LightGBM's own floor for a training shape: the seconds per boosting round of the cheapest model that still
boosts every row, on the rows `train` would use with the same threads. The benchmark prints it beside the real
fit so a reader can see what part of a training time no choice of hyperparameters removes.

Why a floor is measurable: every round LightGBM computes the gradient of every training row, bags, and updates
every training row's score with each new tree (one tree per class), whatever the trees are like. Only the
histograms scale with the bag, the features per tree and the leaves. The floor model shrinks those to almost
nothing (4 leaves, a 5% bag, two features per tree, no validation set), so what is left is the per-row work of
boosting itself. It is not a model anyone should use."""

from __future__ import annotations

import time
from typing import Any, Dict

import lightgbm as lgb

from .errors import BadTrainingInput
from .frame import Frame
from .lightgbm_trainer import lightgbm_params
from .pipeline import _check_target
from .specs import TrainModelInput, check_specs
from .split import make_split

# The cheapest settings that still boost every row: what each one removes is in the module docstring.
FLOOR_LEAVES = 4
FLOOR_BAG = 0.05
FLOOR_FEATURES_PER_TREE = 2


def floor_params(inp: TrainModelInput, num_classes: int) -> Dict[str, Any]:
    """The model's LightGBM parameters (objective, classes, threads, seed) with the floor's tree settings."""
    params = lightgbm_params(inp.model, num_classes)
    params.update(
        num_leaves=FLOOR_LEAVES,
        bagging_fraction=FLOOR_BAG,
        bagging_freq=1,
        feature_fraction=min(1.0, FLOOR_FEATURES_PER_TREE / len(inp.features)),
        # a floor round must be a whole round: no leaf may refuse to split for lack of rows in a 5% bag
        min_data_in_leaf=1,
        min_sum_hessian_in_leaf=0.0,
    )
    return params


def lightgbm_floor(frame: Frame, inp: TrainModelInput, rounds: int) -> Dict[str, Any]:
    """Times `rounds` boosting rounds of the floor model on the training rows of `inp` (the trainer's own split)
    and extrapolates to the model's `num_boost_round`. Seconds are wall clock; CPU seconds beside them."""
    if inp.model.framework != "lightgbm":
        raise BadTrainingInput(f"the floor is LightGBM's, the model's framework is {inp.model.framework!r}")
    if not (isinstance(rounds, int) and rounds > 0):
        raise BadTrainingInput(f"rounds must be a positive whole number, was {rounds!r}")
    check_specs(inp)
    frame.check_columns(list(inp.features), "feature")
    frame.check_columns([inp.target.name], "target column")
    target = frame.numeric(inp.target.name)
    split = make_split(
        frame.ts_micros(), frame.ticker_codes(), target, inp.target.resolved_horizon(), inp.train_rows,
        inp.valid_rows, frame.sort_order(),
    )
    y_train = target[split.train]
    # the trainer's own label checks, so a file `train` refuses is refused here with the same message
    classes = _check_target(inp, y_train, target[split.valid])
    params = floor_params(inp, classes)
    x_train = frame.matrices(list(inp.features), [split.train], int(params["num_threads"]))[0]
    started = time.perf_counter()
    dataset = lgb.Dataset(x_train, label=y_train, params=params, free_raw_data=True)
    dataset.construct()
    built = time.perf_counter()
    cpu = time.process_time()
    booster = lgb.train(params, dataset, num_boost_round=rounds)
    fit_cpu = time.process_time() - cpu
    fit = time.perf_counter() - built
    model = booster.dump_model()
    leaves = max(tree["num_leaves"] for tree in model["tree_info"])
    per_round = fit / rounds
    return {
        "rows_train": int(len(y_train)),
        "features": len(inp.features),
        "threads": int(params["num_threads"]),
        "rounds": rounds,
        "trees": booster.num_trees(),
        "max_leaves": int(leaves),
        "params": {key: params[key] for key in ("num_leaves", "bagging_fraction", "feature_fraction")},
        "construct_seconds": built - started,
        "round_seconds": per_round,
        "round_cpu_seconds": fit_cpu / rounds,
        "num_boost_round": inp.model.num_boost_round,
        "fit_seconds_extrapolated": per_round * inp.model.num_boost_round,
    }
