"""LightGBM's own validation scores, kept during training, replace predicting the validation window again after the
fit. They must be the kept model's prediction (checked here against LightGBM's predict and against onnxruntime run
directly on the exported file), and the pipeline must fall back to the ONNX prediction when they are not."""

from __future__ import annotations

import json

import numpy as np
import onnxruntime as ort
import pytest

from intraday_training import lightgbm_trainer
from intraday_training.frame import read_frame
from intraday_training.lightgbm_trainer import train_lightgbm
from intraday_training.metrics import classification_metrics, regression_metrics
from intraday_training.pipeline import train
from intraday_training.split import make_split

from .conftest import FEATURES, make_input
from .test_importance import one_at_a_time


def _fold(data_file, task: str):
    frame = read_frame(data_file.read_bytes(), str(data_file))
    inp = make_input("lightgbm", task)
    target = frame.numeric(inp.target.name)
    split = make_split(frame.ts_micros(), frame.ticker_codes(), target, 3, None, None)
    x_train, x_valid = frame.matrices(FEATURES, [split.train, split.valid])
    return frame, inp, x_train, target[split.train], x_valid, target[split.valid]


@pytest.mark.parametrize(
    "task,early_stopping", [("classification", True), ("regression", True), ("classification", False)]
)
def test_the_kept_validation_scores_are_the_kept_models_prediction(data_file, task, early_stopping) -> None:
    _, inp, x_train, y_train, x_valid, y_valid = _fold(data_file, task)
    k = 3 if task == "classification" else 0
    trained = train_lightgbm(inp.model, k, x_train, y_train, x_valid, y_valid, early_stopping, None)
    if early_stopping:
        # the test means something only if training went past the kept round
        assert trained.best_iteration < inp.model.num_boost_round
    else:
        assert trained.best_iteration == inp.model.num_boost_round
    assert trained.valid_prediction is not None
    native = trained.predict(x_valid)  # the saved model, which holds exactly the kept rounds
    assert trained.valid_prediction.shape == native.shape
    np.testing.assert_allclose(trained.valid_prediction, native, rtol=0, atol=1e-12)


def _onnx_prediction(outcome, x_valid: np.ndarray) -> np.ndarray:
    card = outcome.card
    session = ort.InferenceSession(outcome.files["model.onnx"], providers=["CPUExecutionProvider"])
    name = card["onnx"]["probabilities"] or card["onnx"]["value"]
    out = session.run([name], {card["onnx"]["input"]: x_valid.astype(np.float32)})[0].astype(np.float64)
    return out if card["onnx"]["probabilities"] else out.reshape(-1)


def _metrics_from_onnx(outcome, data_file, task: str):
    """The card's metrics recomputed from an onnxruntime session of the written model.onnx."""
    _, _, _, y_train, x_valid, y_valid = _fold(data_file, task)
    predicted = _onnx_prediction(outcome, x_valid)
    if task == "classification":
        priors = np.bincount(y_train.astype(np.int64), minlength=3) / len(y_train)
        return classification_metrics(y_valid, predicted, priors)
    return regression_metrics(y_valid, predicted)


@pytest.mark.parametrize("task", ["classification", "regression"])
def test_the_card_reports_the_served_models_metrics_from_the_training_scores(data_file, task) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    outcome = train(frame, make_input("lightgbm", task))
    card = json.loads(outcome.files["card.json"])
    assert card["metrics_source"] == "training"
    expected = _metrics_from_onnx(outcome, data_file, task)
    for name, value in expected.items():
        if isinstance(value, float):
            assert card["metrics"][name] == pytest.approx(value, rel=0, abs=1e-6), name
        else:
            assert card["metrics"][name] == value, name


def test_permutation_importance_still_measures_the_onnx_model(data_file) -> None:
    """The base loss comes from the ONNX predictor like the shuffled copies, so the numbers equal the plain
    definition run on an onnxruntime session of the written file, and the card says which sample it used."""
    frame = read_frame(data_file.read_bytes(), str(data_file))
    inp = make_input("lightgbm", "classification", permutation_rows=200, permutation_repeats=2)
    outcome = train(frame, inp)
    _, _, _, _, x_valid, y_valid = _fold(data_file, "classification")
    plain = one_at_a_time(lambda x: _onnx_prediction(outcome, x), "classification", x_valid, y_valid, 7, 200, 2)
    card = outcome.card
    assert [card["importance"]["permutation"][f] for f in FEATURES] == pytest.approx(plain, rel=0, abs=1e-12)
    assert max(plain) > 0
    assert card["permutation_sample"] == {"rows": 200, "of_rows_valid": len(y_valid), "repeats": 2, "seed": 7}


def test_scores_that_disagree_with_the_native_model_are_not_used(data_file, monkeypatch) -> None:
    """A snapshot of the wrong round (here: shifted probabilities) must not reach the card: the pipeline checks it
    against the native model and predicts the window with ONNX instead."""
    original = lightgbm_trainer.ValidSnapshot.prediction

    def wrong(self, kept):
        good = original(self, kept)
        return None if good is None else good * 0.5

    monkeypatch.setattr(lightgbm_trainer.ValidSnapshot, "prediction", wrong)
    _assert_measured_with_onnx(data_file, "lightgbm")


def test_xgboost_keeps_no_scores_and_is_measured_with_onnx(data_file) -> None:
    _assert_measured_with_onnx(data_file, "xgboost")


def _assert_measured_with_onnx(data_file, framework: str) -> None:
    """A classification run of `framework` whose card metrics come from onnxruntime, as a session of the written
    model.onnx computes them."""
    frame = read_frame(data_file.read_bytes(), str(data_file))
    outcome = train(frame, make_input(framework, "classification"))
    assert outcome.card["metrics_source"] == "onnx"
    expected = _metrics_from_onnx(outcome, data_file, "classification")
    assert outcome.card["metrics"]["log_loss"] == pytest.approx(expected["log_loss"], rel=0, abs=1e-9)


def test_without_a_built_in_metric_no_snapshot_is_taken(data_file) -> None:
    """With `metric: None` the snapshot's constant would be the only metric and early stopping would follow it;
    the trainer then keeps no scores and trains every round, as before."""
    _, inp, x_train, y_train, x_valid, y_valid = _fold(data_file, "classification")
    inp.model.params["metric"] = "None"
    trained = train_lightgbm(inp.model, 3, x_train, y_train, x_valid, y_valid, False, None)
    assert trained.valid_prediction is None
    assert trained.best_iteration == inp.model.num_boost_round

