"""`bin_rows`: every fold of an experiment bins its rows against the boundaries LightGBM finds on the first fold's
training rows, taken from one binned copy of the file (binned.py). Checked against LightGBM itself: the model must
be the one LightGBM trains on the fold's own rows with a Dataset built from `bin_rows` as the reference."""

from __future__ import annotations

import dataclasses
import threading
from concurrent.futures import ThreadPoolExecutor

import lightgbm as lgb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from intraday_training.binned import SLOT
from intraday_training.errors import BadTrainingInput
from intraday_training.frame import read_frame
from intraday_training.lightgbm_trainer import float32_thresholds, lightgbm_params
from intraday_training.pipeline import train
from intraday_training.split import make_split

from .conftest import FEATURES, make_input

# rows sorted by (ts, ticker), 4 tickers: 1,200 rows, 300 steps
FIRST = dict(train_rows=[0, 400], valid_rows=[420, 560])
LATER = dict(train_rows=[[200, 500], [520, 760]], valid_rows=[780, 960])
BINS = [0, 400]


def _frame(table: pa.Table, tmp_path, name: str = "f.parquet"):
    path = tmp_path / name
    pq.write_table(table, path)
    return read_frame(path.read_bytes(), str(path))


def _trees(model_text: str) -> str:
    return model_text[model_text.index("Tree=0") : model_text.index("end of trees")]


def _header_line(model_text: str, name: str) -> str:
    return next(line for line in model_text.split("\n") if line.startswith(name + "="))


def _quick(**rows):
    # no early stopping: every round is kept, so the comparison covers all trees
    return make_input("lightgbm", "classification", early_stopping=False, num_boost_round=25, **rows)


def test_bins_from_the_folds_own_training_rows_give_the_model_lightgbm_builds_without_bin_rows(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    plain = train(frame, _quick(**FIRST))
    binned = train(frame, _quick(**FIRST, bin_rows=FIRST["train_rows"]))
    assert binned.files["model.txt"] == plain.files["model.txt"]
    assert binned.files["model.onnx"] == plain.files["model.onnx"]
    assert binned.card["metrics"] == plain.card["metrics"]
    assert binned.card["data"]["bin_rows"] == FIRST["train_rows"]
    assert plain.card["data"]["bin_rows"] is None


def test_a_later_fold_is_the_model_lightgbm_trains_with_the_bin_rows_as_reference(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    inp = _quick(**LATER, bin_rows=BINS)
    binned = train(frame, inp).files["model.txt"].decode("utf-8")

    # the same fold by LightGBM's own API: a Dataset of the bin rows as reference for the fold's rows
    target = frame.numeric(inp.target.name)
    order = frame.sort_order()
    split = make_split(frame.ts_micros(), frame.ticker_codes(), target, 3, inp.train_rows, inp.valid_rows, order)
    bin_rows = order[BINS[0] : BINS[1]]
    bin_rows = bin_rows[~np.isnan(target[bin_rows])]
    params = lightgbm_params(inp.model, 3)
    x_bins, x_train, x_valid = frame.matrices(FEATURES, [bin_rows, split.train, split.valid])
    reference = lgb.Dataset(x_bins, label=target[bin_rows], params=params).construct()
    train_set = lgb.Dataset(x_train, label=target[split.train], reference=reference, params=params)
    valid_set = lgb.Dataset(x_valid, label=target[split.valid], reference=reference, params=params)
    expected = lgb.train(params, train_set, num_boost_round=25, valid_sets=[valid_set]).model_to_string()
    assert _trees(binned) == _trees(float32_thresholds(expected))

    # and it is not the model binned on the fold's own rows: the bins (feature ranges) differ
    own = train(frame, _quick(**LATER)).files["model.txt"].decode("utf-8")
    assert _header_line(binned, "feature_infos") == _header_line(float32_thresholds(expected), "feature_infos")
    assert _header_line(binned, "feature_infos") != _header_line(own, "feature_infos")


def test_folds_share_one_binned_copy_of_the_file_and_other_bin_rows_replace_it(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    train(frame, _quick(**FIRST, bin_rows=BINS))
    first = frame.derived[SLOT]
    train(frame, _quick(**LATER, bin_rows=BINS))
    assert frame.derived[SLOT] is first
    train(frame, _quick(**LATER, bin_rows=[0, 300]))
    assert frame.derived[SLOT] is not first
    assert len(frame.derived) == 1  # one copy per frame


def test_two_folds_at_once_build_one_copy_and_train_the_same_models_as_one_after_the_other(table, tmp_path) -> None:
    sequential = _frame(table, tmp_path, "a.parquet")
    expected = [train(sequential, _quick(**rows, bin_rows=BINS)).files["model.txt"] for rows in (FIRST, LATER)]
    frame = _frame(table, tmp_path, "b.parquet")
    builds = []
    original = frame.derived.__class__.__setitem__

    class Counting(dict):
        def __setitem__(self, key, value) -> None:
            builds.append(threading.get_ident())
            original(self, key, value)

    frame.derived = Counting()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda rows: train(frame, _quick(**rows, bin_rows=BINS)), (FIRST, LATER)))
    assert [r.files["model.txt"] for r in results] == expected
    assert len(builds) == 1


def test_a_file_not_sorted_by_time_gives_the_same_models(table, tmp_path) -> None:
    sorted_frame = _frame(table, tmp_path, "sorted.parquet")
    shuffled = table.take(np.random.default_rng(3).permutation(table.num_rows))
    shuffled_frame = _frame(shuffled, tmp_path, "shuffled.parquet")
    assert not np.array_equal(shuffled_frame.sort_order(), np.arange(table.num_rows))
    for rows in (FIRST, LATER):
        inp = _quick(**rows, bin_rows=BINS)
        assert train(shuffled_frame, inp).files["model.txt"] == train(sorted_frame, inp).files["model.txt"]


def test_bin_rows_reaching_into_the_validation_window_are_refused(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    with pytest.raises(BadTrainingInput, match=r"bin_rows end at row 430, after the validation window starts at row 420"):
        train(frame, _quick(**FIRST, bin_rows=[0, 430]))
    with pytest.raises(BadTrainingInput, match=r"bin_rows must be \[start, end\)"):
        train(frame, _quick(**FIRST, bin_rows=[0]))
    # the default split's validation window starts at the last 20% of the timestamps (row 960 of 1,200)
    with pytest.raises(BadTrainingInput, match=r"bin_rows end at row 1000, after the validation window starts at row 960"):
        train(frame, _quick(bin_rows=[0, 1000]))
    assert SLOT not in frame.derived


def test_bin_rows_without_a_labelled_row_are_refused(table, tmp_path) -> None:
    # no label on the first 50 steps (rows [0, 200) in (ts, ticker) order)
    ts = table.column("ts").to_numpy()
    early = ts < np.sort(np.unique(ts))[50]
    target = np.where(early, np.nan, table.column("direction_3").to_numpy(zero_copy_only=False))
    index = table.column_names.index("direction_3")
    unlabelled = table.set_column(index, "direction_3", pa.array(target, pa.float64(), mask=np.isnan(target)))
    frame = _frame(unlabelled, tmp_path)
    with pytest.raises(BadTrainingInput, match=r"bin_rows \[0, 200\] hold no row with a value of the target"):
        train(frame, _quick(**FIRST, bin_rows=[0, 200]))
    assert SLOT not in frame.derived


def test_bin_rows_work_with_the_default_split_too(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    # the default split trains on rows [0, 948) (purge of 3 steps before row 960): bins from all of them are
    # LightGBM's own
    plain = train(frame, _quick())
    own = train(frame, _quick(bin_rows=[0, 948]))
    assert own.files["model.txt"] == plain.files["model.txt"]
    earlier = train(frame, _quick(bin_rows=[0, 400]))
    assert earlier.files["model.txt"] != plain.files["model.txt"]


def test_xgboost_ignores_bin_rows(table, tmp_path) -> None:
    frame = _frame(table, tmp_path)
    inp = make_input("xgboost", "classification", num_boost_round=15, **FIRST)
    plain = train(frame, inp)
    binned = train(frame, dataclasses.replace(inp, bin_rows=BINS))
    assert binned.files["model.json"] == plain.files["model.json"]
    assert binned.card["data"]["bin_rows"] is None
