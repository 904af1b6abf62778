"""Shared fixtures: a small synthetic feature file shaped like `intraday features compute` output (ticker, ts as
timestamp[us, UTC], features with NaN warm-up rows, a class-index target and a regression target, NaN labels
at the end of each ticker's history), and quick model specs (one thread: the suite shares 2 cores)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from intraday_training.specs import ModelSpec, TargetSpec, TrainModelInput

TICKERS = ["AAA", "BBB", "CCC", "DDD"]
STEPS = 300
HORIZON = 3
FEATURES = ["price", "momentum", "volume_ratio", "noise", "hour"]
CLASS_TARGET = TargetSpec(name="direction_3", type="classification", classes=["short", "hold", "long"], horizon=HORIZON)
REG_TARGET = TargetSpec(name="forward_return_3", type="regression", horizon=HORIZON)

QUICK_PARAMS: Dict[str, Dict[str, Any]] = {
    "lightgbm": {"num_leaves": 7, "learning_rate": 0.1, "min_data_in_leaf": 20, "num_threads": 1, "seed": 7},
    "xgboost": {"max_depth": 3, "eta": 0.1, "nthread": 1, "seed": 7},
}


def make_table(seed: int = 11) -> pa.Table:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2025-06-02T13:30:00", "us")
    columns: Dict[str, list] = {name: [] for name in ["ticker", "ts", *FEATURES, "direction_3", "forward_return_3"]}
    for t_index, ticker in enumerate(TICKERS):
        price = 100.0 * (t_index + 1) + np.cumsum(rng.normal(0, 0.37, STEPS))
        momentum = np.concatenate([[np.nan] * 5, (price[5:] - price[:-5]) / price[:-5]])
        volume_ratio = rng.lognormal(0, 0.4, STEPS)
        volume_ratio[:10] = np.nan  # warm-up
        noise = rng.normal(size=STEPS)
        noise[rng.random(STEPS) < 0.05] = np.nan  # scattered missing values
        hour = 9.0 + (np.arange(STEPS) % 78) * 5 / 60
        future = np.concatenate([price[HORIZON:], [np.nan] * HORIZON])
        forward = (future - price) / price + 0.002 * np.nan_to_num(momentum) * 10
        direction = np.where(np.isnan(forward), np.nan, np.where(forward > 0.002, 2.0, np.where(forward < -0.002, 0.0, 1.0)))
        columns["ticker"] += [ticker] * STEPS
        columns["ts"] += list(start + np.arange(STEPS) * np.timedelta64(5, "m"))
        for name, values in zip(FEATURES, [price, momentum, volume_ratio, noise, hour]):
            columns[name] += list(values)
        columns["direction_3"] += list(direction)
        columns["forward_return_3"] += list(forward)
    arrays = {
        "ticker": pa.array(columns["ticker"], pa.string()),
        "ts": pa.array(np.array(columns["ts"], dtype="datetime64[us]"), pa.timestamp("us", tz="UTC")),
    }
    for name in [*FEATURES, "direction_3", "forward_return_3"]:
        values = np.array(columns[name], dtype=np.float64)
        arrays[name] = pa.array(values, pa.float64(), mask=np.isnan(values))  # nulls, as DuckDB writes them
    return pa.table(arrays)


@pytest.fixture(scope="session")
def table() -> pa.Table:
    return make_table()


@pytest.fixture(scope="session")
def data_file(tmp_path_factory: pytest.TempPathFactory, table: pa.Table) -> Path:
    path = tmp_path_factory.mktemp("data") / "features.parquet"
    pq.write_table(table, path)
    return path


def make_input(framework: str, task: str, **overrides: Any) -> TrainModelInput:
    spec = ModelSpec(
        framework=framework,
        task=task,
        params=dict(QUICK_PARAMS[framework]),
        num_boost_round=overrides.pop("num_boost_round", 40),
        early_stopping_rounds=10,
    )
    values: Dict[str, Any] = dict(
        data_key="features/test.parquet",
        features=list(FEATURES),
        target=CLASS_TARGET if task == "classification" else REG_TARGET,
        model_name=f"{framework}_{task}",
        model=spec,
        permutation_rows=500,
        permutation_repeats=1,
    )
    values.update(overrides)
    return TrainModelInput(**values)
