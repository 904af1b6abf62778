"""The LightGBM floor the benchmark prints beside the real fit: it must train the floor model (not the configured
one) for exactly the rounds asked, on exactly the rows `train` uses, and refuse what `train` refuses."""

from __future__ import annotations

import json
import subprocess
import sys

import lightgbm as lgb
import numpy as np
import pytest

from intraday_training.errors import BadTrainingInput
from intraday_training.floor import FLOOR_LEAVES, floor_params, lightgbm_floor
from intraday_training.frame import read_frame_file
from intraday_training.pipeline import train

from .conftest import FEATURES, make_input


def test_trains_the_floor_model_on_the_rows_train_uses(data_file) -> None:
    frame = read_frame_file(str(data_file))
    inp = make_input("lightgbm", "classification", num_boost_round=40)
    result = lightgbm_floor(frame, inp, 3)
    card = train(frame, inp).card
    assert result["rows_train"] == card["data"]["rows_train"]
    assert result["trees"] == 3 * 3, "one tree per class per round, every round trained"
    assert result["max_leaves"] <= FLOOR_LEAVES
    assert result["params"]["num_leaves"] == FLOOR_LEAVES and result["params"]["bagging_fraction"] == 0.05
    assert result["params"]["feature_fraction"] == pytest.approx(2 / len(FEATURES))
    assert result["threads"] == 1, "the model's own num_threads"
    assert result["round_seconds"] > 0 and result["construct_seconds"] > 0
    assert result["fit_seconds_extrapolated"] == pytest.approx(result["round_seconds"] * 40)


def test_regression_trains_one_tree_per_round(data_file) -> None:
    result = lightgbm_floor(read_frame_file(str(data_file)), make_input("lightgbm", "regression"), 4)
    assert result["trees"] == 4


def test_floor_params_keep_objective_and_seed_but_not_the_trees() -> None:
    inp = make_input("lightgbm", "classification")
    params = floor_params(inp, 3)
    assert params["objective"] == "multiclass" and params["num_class"] == 3 and params["seed"] == 7
    assert params["num_leaves"] == FLOOR_LEAVES != inp.model.params["num_leaves"]
    # LightGBM trains with them as they are (it raises on a value out of range, such as a bag above 1)
    rng = np.random.default_rng(3)
    x = rng.normal(size=(600, len(FEATURES)))
    booster = lgb.train(params, lgb.Dataset(x, label=rng.integers(0, 3, 600).astype(float)), num_boost_round=1)
    assert booster.num_trees() == 3


@pytest.mark.parametrize(
    "inp, rounds, message",
    [
        (make_input("xgboost", "classification"), 3, "the floor is LightGBM's"),
        (make_input("lightgbm", "classification"), 0, "rounds must be a positive whole number"),
        (make_input("lightgbm", "classification", features=["price", "nope"]), 3, "nope"),
    ],
)
def test_refuses_what_it_cannot_measure(data_file, inp, rounds, message) -> None:
    with pytest.raises(BadTrainingInput, match=message):
        lightgbm_floor(read_frame_file(str(data_file)), inp, rounds)


TARGET = '{"name":"direction_3","type":"classification","classes":["short","hold","long"],"horizon":3}'
MODEL = '{"framework":"lightgbm","task":"classification","num_boost_round":500,"params":{"num_threads":1,"seed":7}}'


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "intraday_training", *args], capture_output=True, text=True, timeout=300)


def test_cli_prints_one_json_line(data_file) -> None:
    done = _run("lightgbm-floor", "--data", str(data_file), "--features", ",".join(FEATURES), "--target-json", TARGET,
                "--model-json", MODEL, "--rounds", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["trees"] == 6 and result["num_boost_round"] == 500
    assert result["fit_seconds_extrapolated"] == pytest.approx(result["round_seconds"] * 500)


def test_cli_bad_input_exits_2(data_file) -> None:
    done = _run("lightgbm-floor", "--data", str(data_file), "--features", ",".join(FEATURES), "--target-json", TARGET,
                "--model-json", MODEL.replace("lightgbm", "catboost"))
    assert done.returncode == 2
    assert "framework" in done.stderr
