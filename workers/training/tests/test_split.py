"""Row order and the default purged split, checked against hand-counted values."""

from __future__ import annotations

import numpy as np
import pytest

from intraday_training.errors import BadTrainingInput
from intraday_training.split import make_split, sort_order


def _grid(n_ts: int, tickers: list[str]):
    # file order by ticker then time (as `features compute` writes it), so sorting by (ts, ticker) matters
    ts = np.tile(np.arange(n_ts, dtype=np.int64) * 300_000_000, len(tickers))
    names = np.repeat(np.array(tickers, dtype=object), n_ts)
    return ts, names


def test_default_split_purges_horizon_timestamps() -> None:
    ts, tickers = _grid(20, ["B", "A"])
    target = np.ones(len(ts))
    split = make_split(ts, tickers, target, horizon=3, train_rows=None, valid_rows=None)
    # 20 distinct timestamps: the last 4 (20%) validate, the 3 before them are purged, 13 train
    assert sorted(set(ts[split.valid] // 300_000_000)) == [16, 17, 18, 19]
    assert sorted(set(ts[split.train] // 300_000_000)) == list(range(13))
    assert split.purged_rows == 3 * 2
    assert len(split.train) == 13 * 2 and len(split.valid) == 4 * 2
    # the gap between the last training bar and the first validation bar is horizon + 1 bars
    assert (ts[split.valid].min() - ts[split.train].max()) // 300_000_000 == 4


def test_nan_targets_are_dropped_and_counted() -> None:
    ts, tickers = _grid(10, ["A", "B"])
    target = np.ones(len(ts))
    target[[0, 5, 19]] = np.nan  # rows of A at ts 0 and 5, row of B at ts 9 (validation)
    split = make_split(ts, tickers, target, horizon=0, train_rows=None, valid_rows=None)
    assert split.dropped_nan_target == 3
    assert not np.isnan(target[split.train]).any() and not np.isnan(target[split.valid]).any()
    assert len(split.train) + len(split.valid) == 20 - 3


def test_row_ranges_index_rows_sorted_by_time_then_ticker() -> None:
    ts, tickers = _grid(5, ["B", "A"])  # file rows: B0..B4, A0..A4
    split = make_split(ts, tickers, np.arange(10.0), horizon=0, train_rows=[0, 4], valid_rows=[6, 10])
    # sorted order: A0 B0 A1 B1 A2 B2 A3 B3 A4 B4 -> file indices 5 0 6 1 7 2 8 3 9 4
    assert list(split.train) == [5, 0, 6, 1]
    assert list(split.valid) == [8, 3, 9, 4]


def test_too_short_for_a_purged_split() -> None:
    ts, tickers = _grid(5, ["A"])
    with pytest.raises(BadTrainingInput, match="5 distinct timestamps: too few for a validation window of 1 plus a purge of 5"):
        make_split(ts, tickers, np.ones(5), horizon=5, train_rows=None, valid_rows=None)


def test_train_rows_accept_a_list_of_ranges() -> None:
    ts, tickers = _grid(6, ["B", "A"])  # sorted order: A0 B0 A1 B1 ... -> file indices 6 0 7 1 8 2 9 3 10 4 11 5
    split = make_split(ts, tickers, np.arange(12.0), horizon=0, train_rows=[[0, 2], [4, 6]], valid_rows=[10, 12])
    assert list(split.train) == [6, 0, 8, 2]
    assert list(split.valid) == [11, 5]


def test_a_single_pair_inside_a_list_equals_the_pair() -> None:
    ts, tickers = _grid(5, ["B", "A"])
    one = make_split(ts, tickers, np.arange(10.0), horizon=0, train_rows=[0, 4], valid_rows=[6, 10])
    listed = make_split(ts, tickers, np.arange(10.0), horizon=0, train_rows=[[0, 4]], valid_rows=[6, 10])
    assert list(one.train) == list(listed.train)


@pytest.mark.parametrize(
    ("train_rows", "message"),
    [
        ([[0, 4], [3, 6]], r"train_rows ranges must be disjoint and in increasing order, but \[3, 6\) follows \[0, 4\)"),
        ([[4, 6], [0, 2]], r"but \[0, 2\) follows \[4, 6\)"),
        ([[0, 2], [5, 9]], r"train_rows \[5, 9\) and valid_rows \[8, 10\) overlap"),
        ([[0, 2], [4, 11]], r"train_rows\[1\] \[4, 11\) is outside the 10 rows of the data"),
        ([], r"train_rows must be \[start, end\) or a non-empty list of \[start, end\) pairs, was \[\]"),
        ([[0, 2, 3]], r"train_rows\[0\] must be \[start, end\), was \[0, 2, 3\]"),
    ],
)
def test_bad_train_row_lists_are_refused(train_rows: list, message: str) -> None:
    ts, tickers = _grid(5, ["B", "A"])
    with pytest.raises(BadTrainingInput, match=message):
        make_split(ts, tickers, np.arange(10.0), horizon=0, train_rows=train_rows, valid_rows=[8, 10])


@pytest.mark.parametrize("seed", range(20))
def test_sort_order_is_the_stable_sort_by_time_then_ticker_for_sorted_and_unsorted_files(seed) -> None:
    rng = np.random.default_rng(seed)
    ts = rng.integers(0, 6, 40) * 300_000_000
    codes = rng.integers(0, 4, 40)
    if seed % 2 == 0:  # half the cases as a file written sorted (the experiment's dataset), ties removed
        keys = np.unique(np.stack([ts, codes], axis=1), axis=0)
        ts, codes = keys[:, 0].copy(), keys[:, 1].copy()
    order = sort_order(ts, codes)
    assert np.array_equal(order, np.lexsort((codes, ts)))
    if seed % 2 == 0:
        assert np.array_equal(order, np.arange(len(ts)))


def test_a_repeated_key_in_a_sorted_file_keeps_file_order() -> None:
    ts = np.array([0, 0, 300, 300, 300])
    codes = np.array([1, 2, 1, 1, 2])  # (300, 1) twice: not strictly increasing, the stable sort decides
    assert list(sort_order(ts, codes)) == [0, 1, 2, 3, 4]
    # reversed: ts 300 300 300 0 0, codes 2 1 1 2 1 -> (0,1) (0,2) (300,1) (300,1) (300,2)
    assert list(sort_order(ts[::-1].copy(), codes[::-1].copy())) == [4, 3, 1, 2, 0]


def test_default_split_purges_a_label_that_skips_a_missing_bar_into_validation() -> None:
    # B has a bar at every step 0..9; A misses step 7. 10 distinct timestamps: the last 2 (8, 9) validate, the
    # step-based purge of horizon 1 drops step 7, so steps 0..6 would train. But A's label at step 6 looks one bar
    # of A ahead, and A's next bar is at step 8: the first validation bar. That row must be purged too.
    steps_b = np.arange(10)
    steps_a = np.array([0, 1, 2, 3, 4, 5, 6, 8, 9])
    ts = np.concatenate([steps_a, steps_b]).astype(np.int64) * 300_000_000
    tickers = np.array(["A"] * len(steps_a) + ["B"] * len(steps_b), dtype=object)
    split = make_split(ts, tickers, np.ones(len(ts)), horizon=1, train_rows=None, valid_rows=None)
    trained = {(tickers[i], int(ts[i] // 300_000_000)) for i in split.train}
    assert ("A", 6) not in trained
    # every other row of steps 0..6 still trains: 7 steps x 2 tickers - 1
    assert trained == {(t, s) for t in "AB" for s in range(7)} - {("A", 6)}
    # purged: B at step 7 (the step purge) and A at step 6 (its label reaches validation)
    assert split.purged_rows == 2
    assert sorted((tickers[i], int(ts[i] // 300_000_000)) for i in split.valid) == [
        ("A", 8), ("A", 9), ("B", 8), ("B", 9)
    ]
