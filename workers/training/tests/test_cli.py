"""The plain CLI as the TypeScript side runs it: a subprocess, one JSON line on stdout, exit code 2 for bad
input; `predict` writes the native predictions, which must match the ONNX copy."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import numpy as np
import onnxruntime as ort

from intraday_training.frame import read_frame_file

from .conftest import FEATURES

TARGET = '{"name":"direction_3","type":"classification","classes":["short","hold","long"],"params":{"bars_ahead":3}}'
MODEL = (
    '{"framework":"lightgbm","task":"classification","num_boost_round":30,"early_stopping_rounds":5,'
    '"description":"ignored","params":{"num_leaves":7,"min_data_in_leaf":20,"num_threads":1,"seed":7}}'
)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "intraday_training", *args], capture_output=True, text=True, timeout=300)


def test_train_then_predict(tmp_path, data_file) -> None:
    out = tmp_path / "model"
    done = _run(
        "train", "--data", str(data_file), "--features", ",".join(FEATURES), "--target-json", TARGET,
        "--model-json", MODEL, "--model-name", "lgbm_test", "--out", str(out),
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert summary["name"] == "lgbm_test" and summary["rows_dropped_nan_target"] == 12
    assert sorted(p.name for p in out.iterdir()) == ["card.json", "model.onnx", "model.txt"]
    card = json.loads((out / "card.json").read_text())
    assert card["target"]["horizon"] == 3, "horizon taken from params.bars_ahead"
    assert card["data"]["rows_purged"] == 3 * 4

    preds = tmp_path / "preds.csv"
    done = _run("predict", "--model", str(out), "--data", str(data_file), "--out", str(preds))
    assert done.returncode == 0, done.stderr
    with open(preds) as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["ticker", "ts", "p_0", "p_1", "p_2"]
    assert rows[1][:2] == ["AAA", "2025-06-02T13:30:00.000Z"]
    native = np.array([[float(v) for v in row[2:]] for row in rows[1:]])
    x = read_frame_file(str(data_file)).matrix(FEATURES)
    onnx_out = ort.InferenceSession(str(out / "model.onnx")).run(["probabilities"], {"input": x})[0]
    assert native.shape == (1200, 3)
    assert np.max(np.abs(native - onnx_out)) <= 1e-5


def test_bad_input_exits_2_with_the_message(tmp_path, data_file) -> None:
    done = _run(
        "train", "--data", str(data_file), "--features", "price,rsi_99", "--target-json", TARGET,
        "--model-json", MODEL, "--model-name", "x", "--out", str(tmp_path / "m"),
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("error: ") and "unknown feature rsi_99" in done.stderr
    assert not (tmp_path / "m").exists(), "nothing written for bad input"
    done = _run("train", "--data", str(tmp_path / "absent.parquet"), "--features", "price", "--target-json", TARGET,
                "--model-json", MODEL, "--model-name", "x", "--out", str(tmp_path / "m"))
    assert done.returncode == 2 and "cannot read data file" in done.stderr
