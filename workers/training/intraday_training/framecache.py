"""The worker's memory of the last dataset it read. A walk-forward experiment calls `train_model` once per fold
(12 times) with the same `data_key`; reading and hashing the 300 MB Parquet file and sorting its 1.65 M rows
cost seconds each time, so the worker keeps the parsed frame (with its sha256, ts, ticker codes and row order,
see Frame) of the LAST key only: memory stays bounded by one dataset.

A cached frame is reused only while the blob is provably the same: the store's `version(key)` (local file:
path, size, mtime in ns and inode, which an atomic put always changes; Azure: the blob's ETag) must equal the one
taken BEFORE the cached read. A store that cannot tell (`version` returns None) is read every time."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional

from .blobstore import BlobStore
from .frame import Frame, read_frame


@dataclass
class _Entry:
    key: str
    version: str
    frame: Frame


class FrameCache:
    def __init__(self) -> None:
        self._entry: Optional[_Entry] = None
        # One read at a time: with TRAINING_MAX_CONCURRENT > 1, two folds of one experiment would otherwise
        # both read the file; the second waits and then hits the cache.
        self._lock = threading.Lock()

    def get(self, store: BlobStore, key: str) -> Frame:
        version_of = getattr(store, "version", None)
        with self._lock:
            version = version_of(key) if version_of is not None else None
            entry = self._entry
            if entry is not None and version is not None and entry.key == key and entry.version == version:
                return entry.frame
            # drop the old dataset before reading the new one, so two never sit in memory at once
            self._entry = None
            entry = None
            frame = read_frame(store.get(key), key)
            if version is not None:
                self._entry = _Entry(key=key, version=version, frame=frame)
            return frame

    def clear(self) -> None:
        with self._lock:
            self._entry = None


# The worker process's cache, shared by every `train_model` call it runs.
FRAMES = FrameCache()
