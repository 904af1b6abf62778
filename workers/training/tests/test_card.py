"""The model card: every contract field present, JSON without NaN, and values checked against independent
computations (the data hash, the regression signal scale, importance keys)."""

from __future__ import annotations

import hashlib
import json
import math

import numpy as np
import onnxruntime as ort

from intraday_training.frame import read_frame
from intraday_training.jsonclean import json_clean
from intraday_training.lightgbm_trainer import load_lightgbm
from intraday_training.pipeline import train
from intraday_training.specs import TargetSpec
from intraday_training.split import make_split

from .conftest import FEATURES, make_input

TOP_KEYS = {
    "schema_version", "name", "framework", "task", "features", "target", "classes", "onnx", "signal",
    "hyperparameters", "best_iteration", "num_trees", "data", "metrics", "importance", "library_versions",
    "training_seconds", "created",
}


def _no_nan(value) -> None:
    if isinstance(value, float):
        assert math.isfinite(value)
    elif isinstance(value, dict):
        for item in value.values():
            _no_nan(item)
    elif isinstance(value, list):
        for item in value:
            _no_nan(item)


def test_classification_card_is_complete_and_json_clean(data_file) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    outcome = train(frame, make_input("xgboost", "classification"))
    card = json.loads(outcome.files["card.json"])  # what a reader of the file gets
    assert TOP_KEYS <= set(card)
    _no_nan(card)
    json.dumps(card, allow_nan=False)
    assert card["schema_version"] == 1
    assert card["features"] == FEATURES
    assert card["classes"] == ["short", "hold", "long"]
    assert card["target"] == {"name": "direction_3", "type": "classification", "classes": ["short", "hold", "long"], "horizon": 3}
    assert card["signal"] == {"kind": "class_probability", "long": "long", "short": "short"}
    assert card["onnx"]["input"] == "input" and card["onnx"]["probabilities"] and card["onnx"]["value"] is None
    assert card["data"]["sha256"] == hashlib.sha256(data_file.read_bytes()).hexdigest()
    assert card["data"]["rows_dropped_nan_target"] == 4 * 3  # the last horizon bars of each ticker
    assert card["data"]["rows_train"] + card["data"]["rows_valid"] + card["data"]["rows_purged"] + 12 == 1200
    for kind in ("gain", "split", "permutation"):
        assert list(card["importance"][kind]) == FEATURES
    assert card["num_trees"] == card["best_iteration"] * 3
    assert 0 < card["metrics"]["log_loss"] < 5 and sum(card["metrics"]["class_counts_valid"]) == card["data"]["rows_valid"]
    assert card["created"].endswith("Z") and card["training_seconds"] > 0


def test_regression_signal_scale_is_p95_of_validation_predictions(data_file) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    outcome = train(frame, make_input("lightgbm", "regression"))
    card = outcome.card
    assert card["classes"] is None and card["onnx"]["probabilities"] is None and card["onnx"]["value"]
    target = frame.numeric("forward_return_3")
    split = make_split(frame.ts_micros(), frame.tickers(), target, 3, None, None)
    x_valid = frame.matrix(FEATURES)[split.valid]
    # the card describes the served model: scale and metrics come from LightGBM's validation scores at the kept
    # round (metrics_source "training", equal to the native model's predict), which agree with the ONNX export's
    # predictions to within the export tolerance
    session = ort.InferenceSession(outcome.files["model.onnx"], providers=["CPUExecutionProvider"])
    predictions = session.run([card["onnx"]["value"]], {"input": x_valid.astype(np.float32)})[0].reshape(-1)
    predictions = predictions.astype(np.float64)
    native = load_lightgbm(outcome.files["model.txt"])(x_valid)
    assert np.max(np.abs(predictions - native)) <= 1e-5
    assert card["signal"]["kind"] == "regression_scale"
    assert card["metrics_source"] == "training"
    assert math.isclose(card["signal"]["scale"], float(np.percentile(np.abs(native), 95)), rel_tol=1e-9)
    assert abs(card["signal"]["scale"] - float(np.percentile(np.abs(predictions), 95))) <= 1e-5
    residual = native - target[split.valid]
    assert math.isclose(card["metrics"]["rmse"], float(np.sqrt(np.mean(residual**2))), rel_tol=1e-9)


def test_json_clean_maps_nan_and_numpy_types() -> None:
    value = {"a": float("nan"), "b": np.float32(1.5), "c": [np.int64(3), float("inf")], "d": np.array([1.0, np.nan]), 4: True}
    assert json_clean(value) == {"a": None, "b": 1.5, "c": [3, None], "d": [1.0, None], "4": True}
    assert type(json_clean(np.int64(3))) is int


def test_signal_sides_fall_back_to_last_and_first_class(data_file) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    regime = TargetSpec(name="direction_3", type="classification", classes=["low_vol", "normal", "high_vol"], horizon=3)
    card = train(frame, make_input("lightgbm", "classification", target=regime, num_boost_round=5)).card
    assert card["signal"] == {"kind": "class_probability", "long": "high_vol", "short": "low_vol"}
    assert card["classes"] == ["low_vol", "normal", "high_vol"]
