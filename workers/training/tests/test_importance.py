"""Permutation importance reuses the pipeline's validation prediction for its base loss; the numbers must equal
the plain definition (the model predicts the sample itself; the same seeded draws in the same order)."""

from __future__ import annotations

from typing import Callable, List

import numpy as np
import pytest

from intraday_training import importance
from intraday_training.frame import read_frame
from intraday_training.lightgbm_trainer import train_lightgbm
from intraday_training.metrics import loss
from intraday_training.split import make_split
from intraday_training.xgboost_trainer import train_xgboost

from .conftest import FEATURES, make_input


def one_at_a_time(predict: Callable, task: str, x, y, seed: int, max_rows: int, repeats: int) -> List[float]:
    """The definition, written plainly (what importance.py did before batching)."""
    rng = np.random.default_rng(seed)
    if max_rows > 0 and len(y) > max_rows:
        rows = np.sort(rng.choice(len(y), size=max_rows, replace=False))
        x, y = x[rows], y[rows]
    base = loss(task, y, predict(x))
    out = []
    for column in range(x.shape[1]):
        shuffled = x.copy()
        increases = []
        for _ in range(max(1, repeats)):
            shuffled[:, column] = x[rng.permutation(len(y)), column]
            increases.append(loss(task, y, predict(shuffled)) - base)
        out.append(float(np.mean(increases)))
    return out


@pytest.mark.parametrize("framework,task", [("lightgbm", "classification"), ("xgboost", "regression")])
def test_permutation_importance_with_a_reused_prediction_equals_the_definition(data_file, framework, task):
    frame = read_frame(data_file.read_bytes(), str(data_file))
    inp = make_input(framework, task)
    target = frame.numeric(inp.target.name)
    split = make_split(frame.ts_micros(), frame.ticker_codes(), target, 3, None, None)
    x_train, x_valid = frame.matrices(FEATURES, [split.train, split.valid])
    y_train, y_valid = target[split.train], target[split.valid]
    trainer = train_lightgbm if framework == "lightgbm" else train_xgboost
    trained = trainer(inp.model, 3 if task == "classification" else 0, x_train, y_train, x_valid, y_valid, True, None)
    plain = one_at_a_time(trained.predict, task, x_valid, y_valid, 7, 200, 2)
    assert len(x_valid) > 200  # the seeded sample is taken
    # the pipeline hands in its prediction of the whole validation window; the sample's rows of it give the base
    reused = importance.permutation_importance(
        trained.predict, task, x_valid, y_valid, 7, 200, 2, trained.predict(x_valid)
    )
    assert reused == plain
    assert importance.permutation_importance(trained.predict, task, x_valid, y_valid, 7, 200, 2) == plain
    assert max(plain) > 0  # something matters, so the comparison is not between zeros


def test_unused_features_score_zero_without_changing_the_draws_of_the_others(data_file) -> None:
    """A constant first column: no tree can split on it. Skipping its predictions must still draw its
    permutations, or every later feature would be shuffled differently."""
    frame = read_frame(data_file.read_bytes(), str(data_file))
    inp = make_input("lightgbm", "classification")
    target = frame.numeric(inp.target.name)
    split = make_split(frame.ts_micros(), frame.ticker_codes(), target, 3, None, None)
    x_train, x_valid = frame.matrices(FEATURES, [split.train, split.valid])
    x_train = np.hstack([np.ones((len(x_train), 1), np.float32), x_train])
    x_valid = np.hstack([np.full((len(x_valid), 1), 3.0, np.float32), x_valid])
    y_train, y_valid = target[split.train], target[split.valid]
    trained = train_lightgbm(inp.model, 3, x_train, y_train, x_valid, y_valid, True, None)
    assert trained.split[0] == 0 and trained.split[1:].sum() > 0
    plain = one_at_a_time(trained.predict, "classification", x_valid, y_valid, 7, 200, 2)
    skipped = importance.permutation_importance(
        trained.predict, "classification", x_valid, y_valid, 7, 200, 2, trained.predict(x_valid), trained.split == 0
    )
    assert skipped == plain and skipped[0] == 0.0
