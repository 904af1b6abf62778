"""Which rows train and which validate. Rows are ordered by (ts, ticker) first, so a row range is a time window.

Default split (no ranges given): the last 20% of the distinct timestamps validate (at least one), and the
`horizon` distinct timestamps just before the validation window are purged: a label at time t looks `horizon`
bars ahead, so a training row closer than that to the validation window would see validation prices. A ticker
that misses bars looks further than `horizon` timestamps ahead, so any training row whose ticker's `horizon`-th
next bar falls in the validation window is purged too.

Explicit split: `valid_rows` is one [start, end) pair; `train_rows` is one pair or a list of disjoint pairs in
increasing order (a walk-forward fold whose training window an embargo cuts into pieces). The caller purges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

import numpy as np

from .errors import BadTrainingInput

VALID_FRACTION = 0.2


@dataclass
class Split:
    order: np.ndarray  # row indices of the file, sorted by (ts, ticker)
    train: np.ndarray  # file row indices
    valid: np.ndarray
    purged_rows: int
    dropped_nan_target: int
    how: str
    valid_start: int = 0  # position in `order` where the validation window starts


def sort_order(ts: np.ndarray, tickers: np.ndarray) -> np.ndarray:
    """Row indices by (ts, ticker); `tickers` may be names or codes that sort like them (Frame.ticker_codes)."""
    codes = tickers if tickers.dtype.kind in "iu" else np.unique(tickers.astype(str), return_inverse=True)[1]
    # The experiment's dataset is written in this order already: one pass proves it (strictly increasing keys,
    # so the stable sort could only return the identity) and saves the sort (0.3 s on 1.65 M rows).
    if len(ts) < 2 or bool(np.all((np.diff(ts) > 0) | ((np.diff(ts) == 0) & (np.diff(codes) > 0)))):
        return np.arange(len(ts))
    return np.lexsort((codes, ts))


def _check_range(rows: Any, what: str, total: int) -> tuple[int, int]:
    if not isinstance(rows, (list, tuple)) or len(rows) != 2 or isinstance(rows[0], (list, tuple)):
        raise BadTrainingInput(f"{what} must be [start, end), was {rows}")
    start, end = int(rows[0]), int(rows[1])
    if not 0 <= start <= end <= total:
        raise BadTrainingInput(f"{what} [{start}, {end}) is outside the {total} rows of the data")
    return start, end


def _check_ranges(rows: Any, what: str, total: int) -> List[Tuple[int, int]]:
    """One [start, end) pair, or a list of pairs (disjoint, in increasing order: the walk-forward folds of the
    experiment workflow send several when an embargo cuts the training window)."""
    if isinstance(rows, (list, tuple)) and len(rows) > 0 and all(isinstance(r, (list, tuple)) for r in rows):
        ranges = [_check_range(r, f"{what}[{k}]", total) for k, r in enumerate(rows)]
    elif isinstance(rows, (list, tuple)) and len(rows) == 2 and not any(isinstance(r, (list, tuple)) for r in rows):
        ranges = [_check_range(rows, what, total)]
    else:
        raise BadTrainingInput(f"{what} must be [start, end) or a non-empty list of [start, end) pairs, was {rows}")
    for (a0, a1), (b0, b1) in zip(ranges, ranges[1:]):
        if b0 < a1:
            raise BadTrainingInput(
                f"{what} ranges must be disjoint and in increasing order, but [{b0}, {b1}) follows [{a0}, {a1})"
            )
    return ranges


def _label_ends(ts: np.ndarray, tickers: np.ndarray, horizon: int) -> np.ndarray:
    """Per file row: the timestamp of the `horizon`-th next row of the same ticker (the last bar its label
    uses), or the smallest int64 where the ticker has fewer rows after it (no bar in the file to reach)."""
    ends = np.full(len(ts), np.iinfo(np.int64).min, dtype=np.int64)
    if horizon == 0:
        ends[:] = ts
        return ends
    codes = tickers if tickers.dtype.kind in "iu" else np.unique(tickers.astype(str), return_inverse=True)[1]
    by_ticker = np.lexsort((ts, codes))
    base, ahead = by_ticker[:-horizon], by_ticker[horizon:]
    same = codes[base] == codes[ahead]
    ends[base[same]] = ts[ahead[same]]
    return ends


def make_split(
    ts: np.ndarray,
    tickers: np.ndarray,
    target: np.ndarray,
    horizon: int,
    train_rows: Optional[Any],
    valid_rows: Optional[List[int]],
    order: Optional[np.ndarray] = None,
) -> Split:
    """`order`: sort_order(ts, tickers) when the caller has it already (Frame.sort_order keeps it per file)."""
    order = sort_order(ts, tickers) if order is None else order
    total = len(order)
    if (train_rows is None) != (valid_rows is None):
        raise BadTrainingInput("give both train_rows and valid_rows, or neither for the default split")
    if train_rows is not None and valid_rows is not None:
        ranges = _check_ranges(train_rows, "train_rows", total)
        v0, v1 = _check_range(valid_rows, "valid_rows", total)
        for t0, t1 in ranges:
            if t0 < v1 and v0 < t1 and t0 < t1 and v0 < v1:
                raise BadTrainingInput(f"train_rows [{t0}, {t1}) and valid_rows [{v0}, {v1}) overlap")
        train = np.concatenate([order[t0:t1] for t0, t1 in ranges])
        valid, purged, how = order[v0:v1], 0, "row_ranges"
    else:
        sorted_ts = ts[order]
        distinct = np.unique(sorted_ts)
        n_valid = max(1, int(len(distinct) * VALID_FRACTION))
        first_valid = len(distinct) - n_valid
        last_train = first_valid - horizon  # exclusive index into distinct timestamps
        if last_train <= 0:
            raise BadTrainingInput(
                f"the data has {len(distinct)} distinct timestamps: too few for a validation window of {n_valid} "
                f"plus a purge of {horizon}"
            )
        valid_from = np.searchsorted(sorted_ts, distinct[first_valid], side="left")
        train_to = np.searchsorted(sorted_ts, distinct[last_train], side="left")
        train, valid = order[:train_to], order[valid_from:]
        # the step purge assumes every ticker has a bar at every timestamp; a ticker that misses bars looks
        # `horizon` of its own bars ahead, further than `horizon` timestamps, so its label can still reach
        # validation: those rows are purged as well
        reaches = _label_ends(ts, tickers, horizon)[train] >= distinct[first_valid]
        train = train[~reaches]
        purged = int(valid_from - train_to) + int(reaches.sum())
        how = f"last {VALID_FRACTION:.0%} of timestamps, purge {horizon}"
    nan_train = np.isnan(target[train])
    nan_valid = np.isnan(target[valid])
    return Split(
        order=order,
        train=train[~nan_train],
        valid=valid[~nan_valid],
        purged_rows=purged,
        dropped_nan_target=int(nan_train.sum() + nan_valid.sum()),
        how=how,
        valid_start=int(v0 if valid_rows is not None else valid_from),
    )


def bin_positions(split: Split, target: np.ndarray, bin_rows: Any) -> np.ndarray:
    """The rows that set the histogram bins (TrainModelInput.bin_rows) as increasing positions in `split.order`,
    rows with a NaN target left out as from training. They must end at or before the validation window's start:
    bins drawn from validation or later rows would carry their distribution into the model (look-ahead)."""
    total = len(split.order)
    ranges = _check_ranges(bin_rows, "bin_rows", total)
    last = ranges[-1][1]
    if last > split.valid_start:
        raise BadTrainingInput(
            f"bin_rows end at row {last}, after the validation window starts at row {split.valid_start}: bins must "
            "come from rows before it (no look-ahead)"
        )
    positions = np.concatenate([np.arange(r0, r1, dtype=np.int64) for r0, r1 in ranges])
    positions = positions[~np.isnan(target[split.order[positions]])]
    if len(positions) == 0:
        raise BadTrainingInput(f"bin_rows {bin_rows} hold no row with a value of the target: nothing to set bins from")
    return positions
