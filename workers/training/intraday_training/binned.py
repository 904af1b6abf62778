"""A walk-forward fold's LightGBM datasets, taken from one binned copy of the whole file.

Building a LightGBM Dataset has two parts: finding each feature's bin boundaries (from a sample of at most
`bin_construct_sample_cnt` rows) and mapping every value to its bin. On the benchmark file that was about 3.8 CPU
seconds per fold (683 k training and 144 k validation rows x 44 features), paid again by every fold for rows its
neighbours had binned already. With `bin_rows` (the experiment sends its first fold's training rows to every fold)
the boundaries are found once, from those rows; every row of the file is mapped once, in (ts, ticker) order; and a
fold's training and validation sets are LightGBM subsets of that parent, a copy of bytes.

The model is the one LightGBM trains on the fold's rows binned against the same boundaries: a subset with
increasing row positions holds the same bins in the same row order as a Dataset built from those rows with the
parent as reference (tests/test_binned.py trains both ways and compares the trees). When `bin_rows` are the fold's
own training rows, that is the model LightGBM builds without them.

No look-ahead: the boundaries come from `bin_rows` only, which must end before the validation window
(split.bin_positions). The parent maps later rows as well, but mapping a value to fixed boundaries takes nothing
from any other row.

The parent lives with the frame (Frame.derived), so it is dropped with it (framecache.py); one per frame, for the
last (features, target, bin rows, dataset parameters) asked for. Two folds that arrive together wait for one
build: the first builds with every core (the other is waiting), then each trains on its own share.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

import lightgbm as lgb
import numpy as np

from .frame import Frame
from .split import Split
from .trained import all_cores

SLOT = "lightgbm_binned"


@dataclass
class _Parent:
    key: str
    parent: lgb.Dataset
    position: np.ndarray  # file row -> position in (ts, ticker) order, the parent's row order


def _key(features: List[str], target: str, bin_positions: np.ndarray, params: Dict[str, Any]) -> str:
    # threads change how fast the bins are built, never what they are
    settings = {name: value for name, value in params.items() if name not in ("num_threads", "verbosity")}
    text = json.dumps([features, target, settings], sort_keys=True, default=str)
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(np.ascontiguousarray(bin_positions, dtype=np.int64).tobytes())
    return digest.hexdigest()


def _build(frame: Frame, features: List[str], target: np.ndarray, bin_positions: np.ndarray, params: Dict[str, Any],
           key: str) -> _Parent:
    order = frame.sort_order()
    threads = all_cores()
    build_params = {**params, "num_threads": threads}
    rows = order[bin_positions]
    reference = lgb.Dataset(
        frame.matrices(features, [rows], threads)[0], label=target[rows], params=build_params, free_raw_data=True
    ).construct()
    # Rows without a label (NaN target) are never part of a fold's sets (split.make_split drops them); 0 keeps
    # LightGBM's label checks quiet.
    labels = np.nan_to_num(target[order], nan=0.0)
    parent = lgb.Dataset(
        frame.matrices(features, [order], threads)[0], label=labels, reference=reference, params=build_params,
        free_raw_data=True,
    ).construct()
    position = np.empty(len(order), dtype=np.int64)
    position[order] = np.arange(len(order), dtype=np.int64)
    return _Parent(key=key, parent=parent, position=position)


def _subset(parent: _Parent, rows: np.ndarray, params: Dict[str, Any]) -> lgb.Dataset:
    positions = parent.position[rows]
    # split.make_split keeps (ts, ticker) order, so positions increase; LightGBM's subset() sorts them, which
    # would silently reorder the rows (and so change bagging) if they did not
    if len(positions) > 1 and not bool(np.all(positions[1:] > positions[:-1])):
        raise RuntimeError("a fold's rows are not in (ts, ticker) order; the binned parent cannot serve them")
    return parent.parent.subset(positions, params=params)


def fold_datasets(
    frame: Frame,
    features: List[str],
    target_name: str,
    target: np.ndarray,
    bin_positions: np.ndarray,
    split: Split,
    params: Dict[str, Any],
) -> Tuple[lgb.Dataset, lgb.Dataset]:
    """The fold's training and validation sets (rows `split.train` and `split.valid`, in that order), binned with
    boundaries from the rows at `bin_positions` of the (ts, ticker) order."""
    key = _key(features, target_name, bin_positions, params)
    with frame.derived_lock:
        entry = frame.derived.get(SLOT)
        if not isinstance(entry, _Parent) or entry.key != key:
            frame.derived.pop(SLOT, None)  # one parent per frame: drop the old one before building
            entry = _build(frame, features, target, bin_positions, params, key)
            frame.derived[SLOT] = entry
    return _subset(entry, split.train, params), _subset(entry, split.valid, params)

