"""The ONNX export predicts what the native library predicts, within 1e-5, for both frameworks and both tasks,
on every row of the file (warm-up rows with NaN features included), checked with onnxruntime."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest

from intraday_training.frame import read_frame
from intraday_training.lightgbm_trainer import float32_thresholds, load_lightgbm
from intraday_training.pipeline import train
from intraday_training.xgboost_trainer import load_xgboost

from .conftest import FEATURES, make_input

CASES = [(f, t) for f in ("lightgbm", "xgboost") for t in ("classification", "regression")]


@pytest.mark.parametrize("framework,task", CASES)
def test_onnx_agrees_with_native_model(data_file, framework: str, task: str) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    outcome = train(frame, make_input(framework, task))
    card = outcome.card
    x = frame.matrix(FEATURES)
    assert np.isnan(x).any(axis=1).sum() >= 40, "the comparison must include rows with missing features"
    native_name = "model.txt" if framework == "lightgbm" else "model.json"
    # The native model as saved on disk, reloaded: the file the registry keeps, not the in-memory booster.
    native = (load_lightgbm if framework == "lightgbm" else load_xgboost)(outcome.files[native_name])(x)
    session = ort.InferenceSession(outcome.files["model.onnx"], providers=["CPUExecutionProvider"])
    assert [i.name for i in session.get_inputs()] == [card["onnx"]["input"]]
    output = card["onnx"]["probabilities"] if task == "classification" else card["onnx"]["value"]
    onnx_out = session.run([output], {card["onnx"]["input"]: x})[0]
    if task == "classification":
        assert onnx_out.shape == (len(x), 3)
        np.testing.assert_allclose(onnx_out.sum(axis=1), 1.0, atol=1e-5)
    else:
        onnx_out = onnx_out.reshape(-1)
    assert native.shape == onnx_out.shape
    assert np.max(np.abs(onnx_out - native)) <= 1e-5
    # not a trivially constant model: predictions vary across rows
    assert np.std(native) > 1e-4


def test_thresholds_round_down_to_float32() -> None:
    # 0.1 as a double lies between two float32 values; the nearest float32 is ABOVE it, so a float32 input equal
    # to that value goes left in ONNX (x <= t32) but right in LightGBM (x > 0.1). Rounding down fixes it.
    text = "tree_sizes=10 20\nthreshold=0.1 1.5 -0.1\nleaf_value=1"
    out = float32_thresholds(text).split("\n")
    assert out[0] == "threshold=" + " ".join(out[0][len("threshold=") :].split(" "))
    values = [float(v) for v in out[0][len("threshold=") :].split(" ")]
    assert values[1] == 1.5, "exact float32 values stay"
    for original, rounded in zip([0.1, -0.1], [values[0], values[2]]):
        assert rounded <= original
        assert float(np.float32(rounded)) == rounded, "the result is a float32 value"
        assert float(np.nextafter(np.float32(rounded), np.float32(np.inf))) > original, "and the largest one below"
    assert out[1] == "leaf_value=1" and len(out) == 2, "tree_sizes is dropped, other lines kept"
