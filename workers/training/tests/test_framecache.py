"""The worker's frame cache: the folds of one experiment (same data_key) read and hash the file once; a changed
blob is read again; only the last dataset is kept; a cached frame trains exactly like a fresh read."""

from __future__ import annotations

import hashlib
import io
import os
import time
from pathlib import Path
from typing import List, Optional

import numpy as np
import onnx
import pyarrow.parquet as pq
import pytest

from intraday_training.activity import run_training
from intraday_training.blobstore import LocalBlobStore
from intraday_training import frame as frame_module
from intraday_training.frame import read_frame
from intraday_training.framecache import FrameCache
from intraday_training.split import sort_order

from .conftest import FEATURES, make_input, make_table

KEY = "features/test.parquet"


class CountingStore:
    """A real LocalBlobStore that counts the reads of each key (the thing the cache must avoid)."""

    kind = "local"

    def __init__(self, root: Path) -> None:
        self.inner = LocalBlobStore(root)
        self.reads: List[str] = []

    def get(self, key: str) -> bytes:
        self.reads.append(key)
        return self.inner.get(key)

    def put(self, key: str, data: bytes) -> None:
        self.inner.put(key, data)

    def exists(self, key: str) -> bool:
        return self.inner.exists(key)

    def version(self, key: str) -> Optional[str]:
        return self.inner.version(key)


class NoVersionStore(CountingStore):
    version = None  # type: ignore[assignment]  # a store that cannot tell whether a blob changed


def _parquet(seed: int) -> bytes:
    sink = io.BytesIO()
    pq.write_table(make_table(seed), sink)
    return sink.getvalue()


def _onnx_without_graph_name(data: bytes) -> bytes:
    """The converter names the graph with a random UUID and lists its opsets in set order (which varies between
    processes); everything else must be byte-identical."""
    model = onnx.load_from_string(data)
    model.graph.name = ""
    opsets = sorted(model.opset_import, key=lambda o: (o.domain, o.version))
    del model.opset_import[:]
    model.opset_import.extend(opsets)
    return model.SerializeToString()


def test_the_same_key_is_read_once_and_trains_like_a_fresh_read(tmp_path) -> None:
    store = CountingStore(tmp_path / "blobs")
    data = _parquet(11)
    store.put(KEY, data)
    cache = FrameCache()
    first = run_training(make_input("lightgbm", "classification", output_prefix="m/1"), store, frames=cache)
    second = run_training(
        make_input("lightgbm", "classification", output_prefix="m/2", train_rows=[0, 600], valid_rows=[640, 900]),
        store,
        frames=cache,
    )
    third = run_training(make_input("lightgbm", "classification", output_prefix="m/3"), store, frames=cache)
    assert store.reads == [KEY], "folds 2 and 3 reuse the frame read by fold 1"
    assert second.rows_train < first.rows_train  # the second call really used its own split
    # the cached frame gives the same model as a read from scratch: same metrics, same native model bytes
    fresh = run_training(make_input("lightgbm", "classification", output_prefix="m/4"), store, frames=FrameCache())
    assert store.reads == [KEY, KEY]
    assert third.metrics == first.metrics == fresh.metrics
    assert store.get("m/3/model.txt") == store.get("m/4/model.txt")
    assert _onnx_without_graph_name(store.get("m/3/model.onnx")) == _onnx_without_graph_name(store.get("m/4/model.onnx"))
    card = store.get("m/3/card.json").decode()
    assert hashlib.sha256(data).hexdigest() in card


def test_a_changed_blob_is_read_again(tmp_path) -> None:
    store = CountingStore(tmp_path / "blobs")
    cache = FrameCache()
    store.put(KEY, _parquet(11))
    before = cache.get(store, KEY)
    changed = _parquet(12)
    store.put(KEY, changed)  # an atomic replace, as the TypeScript store and `put` do
    after = cache.get(store, KEY)
    assert store.reads == [KEY, KEY]
    assert after.sha256 == hashlib.sha256(changed).hexdigest() != before.sha256
    # rewritten in place with the same bytes and size, only the mtime moves: read again (no content check)
    path = store.inner.path_of(KEY)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    cache.get(store, KEY)
    assert store.reads == [KEY, KEY, KEY]
    cache.get(store, KEY)
    assert store.reads == [KEY, KEY, KEY], "unchanged since the last read: cached"


def test_only_the_last_dataset_is_kept(tmp_path) -> None:
    store = CountingStore(tmp_path / "blobs")
    cache = FrameCache()
    store.put("features/a.parquet", _parquet(11))
    store.put("features/b.parquet", _parquet(12))
    cache.get(store, "features/a.parquet")
    cache.get(store, "features/b.parquet")
    cache.get(store, "features/b.parquet")
    cache.get(store, "features/a.parquet")
    assert store.reads == ["features/a.parquet", "features/b.parquet", "features/a.parquet"]


def test_a_store_without_versions_is_read_every_time(tmp_path) -> None:
    store = NoVersionStore(tmp_path / "blobs")
    store.put(KEY, _parquet(11))
    cache = FrameCache()
    cache.get(store, KEY)
    cache.get(store, KEY)
    assert store.reads == [KEY, KEY]


def test_local_version_changes_with_every_put(tmp_path) -> None:
    store = LocalBlobStore(tmp_path / "blobs")
    assert store.version(KEY) is None
    store.put(KEY, b"12345")
    one = store.version(KEY)
    assert one is not None and one == store.version(KEY)
    store.put(KEY, b"12345")  # same bytes, same size: still a new file (new inode)
    assert store.version(KEY) != one


def test_frame_memo_and_row_subsets_match_the_plain_computation(data_file) -> None:
    frame = read_frame(data_file.read_bytes(), str(data_file))
    order = frame.sort_order()
    assert order is frame.sort_order(), "computed once"
    assert np.array_equal(order, sort_order(frame.ts_micros(), frame.tickers()))
    assert not order.flags.writeable and not frame.ts_micros().flags.writeable
    rows_a, rows_b = order[10:400], order[500:520]
    whole = frame.matrix(FEATURES)
    a, b = frame.matrices(FEATURES, [rows_a, rows_b])
    assert a.dtype == np.float32 and a.flags.c_contiguous
    assert np.array_equal(a, whole[rows_a], equal_nan=True) and np.array_equal(b, whole[rows_b], equal_nan=True)
    assert np.array_equal(frame.matrix(FEATURES, rows_b), b, equal_nan=True)


@pytest.mark.parametrize("threads", [1, 2])
def test_rows_gathered_in_blocks_on_threads_are_the_plain_rows(data_file, monkeypatch, threads) -> None:
    # blocks of 7 rows: many blocks, a short last one, and a row set smaller than a block
    monkeypatch.setattr(frame_module, "GATHER_BLOCK_ROWS", 7)
    frame = read_frame(data_file.read_bytes(), str(data_file))
    whole = frame.matrix(FEATURES)
    rows = [frame.sort_order()[3:1000], np.arange(50)[::-1].copy(), np.arange(5), np.arange(0)]
    for got, wanted in zip(frame.matrices(FEATURES, rows, threads), rows):
        assert got.dtype == np.float32 and got.flags.c_contiguous and got.shape == (len(wanted), len(FEATURES))
        assert np.array_equal(got, whole[wanted], equal_nan=True)


def test_the_frame_is_dropped_after_idle_seconds_without_a_get(tmp_path) -> None:
    store = CountingStore(tmp_path / "blobs")
    store.put(KEY, _parquet(11))
    cache = FrameCache(idle_seconds=0.3)
    cache.get(store, KEY)
    # gets closer together than the idle time keep it (each one restarts the clock)
    for _ in range(4):
        time.sleep(0.15)
        cache.get(store, KEY)
    assert store.reads == [KEY] and cache.cached_key() == KEY
    deadline = time.monotonic() + 5
    while cache.cached_key() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert cache.cached_key() is None, "idle for longer than idle_seconds: the frame is released"
    cache.get(store, KEY)
    assert store.reads == [KEY, KEY]


def test_the_idle_time_comes_from_the_environment_and_is_checked(monkeypatch) -> None:
    monkeypatch.setenv("INTRADAY_TRAINING_CACHE_IDLE_SECONDS", "42.5")
    assert FrameCache()._idle_seconds == 42.5
    monkeypatch.setenv("INTRADAY_TRAINING_CACHE_IDLE_SECONDS", "soon")
    with pytest.raises(ValueError, match="INTRADAY_TRAINING_CACHE_IDLE_SECONDS must be a number of seconds, was 'soon'"):
        FrameCache()
    monkeypatch.setenv("INTRADAY_TRAINING_CACHE_IDLE_SECONDS", "0")
    with pytest.raises(ValueError, match="must be above 0"):
        FrameCache()
