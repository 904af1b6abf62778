"""The activity input as Temporal's data converter decodes it: train_rows as one pair or a list of pairs."""

from __future__ import annotations

import pytest
from temporalio.converter import value_to_type

from intraday_training.specs import TrainModelInput

BASE = {
    "data_key": "experiments/data/x/dataset.parquet",
    "features": ["sma_5"],
    "target": {"name": "direction_5", "type": "classification", "classes": ["short", "hold", "long"], "horizon": 5},
    "model_name": "lgbm_direction",
    "model": {"framework": "lightgbm", "task": "classification"},
    "valid_rows": [8, 10],
}


@pytest.mark.parametrize("train_rows", [[0, 5], [[0, 5], [6, 7]], None])
def test_train_rows_decode_as_sent(train_rows) -> None:
    decoded = value_to_type(TrainModelInput, {**BASE, "train_rows": train_rows})
    assert decoded.train_rows == train_rows


@pytest.mark.parametrize("bin_rows", [[0, 5], [[0, 5], [6, 7]], None])
def test_bin_rows_decode_as_sent(bin_rows) -> None:
    decoded = value_to_type(TrainModelInput, {**BASE, "train_rows": [0, 5], "bin_rows": bin_rows})
    assert decoded.bin_rows == bin_rows
