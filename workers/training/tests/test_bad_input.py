"""Each kind of bad input is a clear BadTrainingInput, and the activity turns it into a non-retryable
ApplicationError of that type (checked through temporalio's ActivityEnvironment, which runs the real activity
function with a real activity context)."""

from __future__ import annotations

import dataclasses
import re

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from temporalio.exceptions import ApplicationError
from temporalio.testing import ActivityEnvironment

from intraday_training.activity import train_model
from intraday_training.blobstore import LocalBlobStore
from intraday_training.errors import BadTrainingInput
from intraday_training.frame import read_frame
from intraday_training.pipeline import train
from intraday_training.specs import ModelSpec

from .conftest import REG_TARGET, make_input


def _frame(table: pa.Table):
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return read_frame(sink.getvalue().to_pybytes(), "test.parquet")


def _replace(table: pa.Table, name: str, values: np.ndarray) -> pa.Table:
    index = table.column_names.index(name)
    return table.set_column(index, name, pa.array(values, pa.float64(), mask=np.isnan(values)))


def test_unknown_feature(table) -> None:
    inp = make_input("lightgbm", "classification", features=["price", "rsi_99", "momentum"])
    with pytest.raises(BadTrainingInput, match=r"unknown feature rsi_99; the file has columns: ticker, ts, price"):
        train(_frame(table), inp)


def test_task_not_matching_target(table) -> None:
    inp = make_input("lightgbm", "classification", target=REG_TARGET)
    with pytest.raises(
        BadTrainingInput,
        match='model "lightgbm_classification" has task classification but target "forward_return_3" is regression',
    ):
        train(_frame(table), inp)


def test_empty_validation_window(table) -> None:
    n = table.num_rows
    inp = make_input("lightgbm", "classification", train_rows=[0, 800], valid_rows=[n, n])
    with pytest.raises(BadTrainingInput, match='the validation window has no rows with a value of target "direction_3"'):
        train(_frame(table), inp)


def test_validation_window_of_nan_targets_only(table) -> None:
    # the last HORIZON timestamps have no label for any ticker: a window over them is empty after dropping NaN
    n = table.num_rows
    inp = make_input("xgboost", "regression", train_rows=[0, 800], valid_rows=[n - 8, n])
    with pytest.raises(BadTrainingInput, match="the validation window has no rows"):
        train(_frame(table), inp)


def test_constant_target(table) -> None:
    values = np.where(np.isnan(table.column("direction_3").to_numpy(zero_copy_only=False)), np.nan, 1.0)
    with pytest.raises(BadTrainingInput, match=r'target "direction_3" is constant \(1.0\) over the training window'):
        train(_frame(_replace(table, "direction_3", values)), make_input("lightgbm", "classification"))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
def test_nan_metric(table) -> None:
    # Labels that overflow (1e300 becomes inf as LightGBM's float32 label; its square overflows): the model
    # trains, but the validation metrics come out inf and NaN. That must stop the run, not reach the card.
    values = table.column("forward_return_3").to_numpy(zero_copy_only=False).copy()
    values[::5] = np.where(np.isnan(values[::5]), np.nan, 1e300)
    with pytest.raises(BadTrainingInput, match=r"validation metrics are not finite \(rmse=inf, .*r2=nan\)"):
        train(_frame(_replace(table, "forward_return_3", values)), make_input("lightgbm", "regression"))


def test_class_index_out_of_range(table) -> None:
    values = table.column("direction_3").to_numpy(zero_copy_only=False).copy()
    values[100] = 3.0
    with pytest.raises(BadTrainingInput, match="must hold class indices 0..2; the training window has 3.0"):
        train(_frame(_replace(table, "direction_3", values)), make_input("lightgbm", "classification"))


def test_unknown_framework_and_overlapping_ranges(table) -> None:
    inp = make_input("lightgbm", "classification")
    bad_model = dataclasses.replace(inp.model, framework="catboost")
    with pytest.raises(BadTrainingInput, match='framework must be one of lightgbm, xgboost, was "catboost"'):
        train(_frame(table), dataclasses.replace(inp, model=bad_model))
    with pytest.raises(BadTrainingInput, match=r"train_rows \[0, 600\) and valid_rows \[500, 900\) overlap"):
        train(_frame(table), dataclasses.replace(inp, train_rows=[0, 600], valid_rows=[500, 900]))


@pytest.mark.parametrize(
    "change,message",
    [
        ({"features": ["price", "nope"]}, "unknown feature nope"),
        ({"model": ModelSpec(framework="xgboost", task="regression")}, "has task regression but target"),
        ({"data_key": "features/missing.parquet"}, 'no blob at key "features/missing.parquet"'),
    ],
)
def test_activity_raises_non_retryable_application_error(tmp_path, monkeypatch, data_file, change, message) -> None:
    monkeypatch.setenv("INTRADAY_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INTRADAY_BLOB_KIND", raising=False)
    LocalBlobStore(tmp_path / "blobs").put("features/test.parquet", data_file.read_bytes())
    inp = dataclasses.replace(make_input("lightgbm", "classification"), **change)
    with pytest.raises(ApplicationError) as caught:
        ActivityEnvironment().run(train_model, inp)
    assert caught.value.type == "BadTrainingInput"
    assert caught.value.non_retryable is True
    assert re.search(re.escape(message), caught.value.message)
