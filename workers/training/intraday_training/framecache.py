"""The worker's memory of the last dataset it read. A walk-forward experiment calls `train_model` once per fold
(12 times) with the same `data_key`; reading and hashing the 300 MB Parquet file and sorting its 1.65 M rows
cost seconds each time, so the worker keeps the parsed frame (with its sha256, ts, ticker codes and row order,
see Frame) of the LAST key only: memory stays bounded by one dataset.

A cached frame is reused only while the blob is provably the same: the store's `version(key)` (local file:
path, size, mtime in ns and inode, which an atomic put always changes; Azure: the blob's ETag) must equal the one
taken BEFORE the cached read. A store that cannot tell (`version` returns None) is read every time.

The frame is dropped after `idle_seconds` without a `get` (INTRADAY_TRAINING_CACHE_IDLE_SECONDS, default 600): a
long-running worker should not hold about 1 GB for the benchmark file between experiments, while the folds of one
experiment (a `get` every few seconds to minutes) keep it. A training that still holds the frame keeps its own
reference; the next fold then reads the file again, which costs seconds, never a wrong result."""

from __future__ import annotations

import os
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


def _idle_seconds_from_env() -> float:
    text = os.environ.get("INTRADAY_TRAINING_CACHE_IDLE_SECONDS", "600")
    try:
        seconds = float(text)
    except ValueError:
        raise ValueError(f"INTRADAY_TRAINING_CACHE_IDLE_SECONDS must be a number of seconds, was {text!r}") from None
    if not seconds > 0:
        raise ValueError(f"INTRADAY_TRAINING_CACHE_IDLE_SECONDS must be above 0, was {text!r}")
    return seconds


class FrameCache:
    def __init__(self, idle_seconds: Optional[float] = None) -> None:
        self._entry: Optional[_Entry] = None
        self._idle_seconds = idle_seconds if idle_seconds is not None else _idle_seconds_from_env()
        self._timer: Optional[threading.Timer] = None
        # One read at a time: with TRAINING_MAX_CONCURRENT > 1, two folds of one experiment would otherwise
        # both read the file; the second waits and then hits the cache.
        self._lock = threading.Lock()

    def get(self, store: BlobStore, key: str) -> Frame:
        version_of = getattr(store, "version", None)
        with self._lock:
            version = version_of(key) if version_of is not None else None
            entry = self._entry
            if entry is not None and version is not None and entry.key == key and entry.version == version:
                self._restart_idle_timer()
                return entry.frame
            # drop the old dataset before reading the new one, so two never sit in memory at once
            self._entry = None
            entry = None
            frame = read_frame(store.get(key), key)
            if version is not None:
                self._entry = _Entry(key=key, version=version, frame=frame)
                self._restart_idle_timer()
            return frame

    def cached_key(self) -> Optional[str]:
        """The key of the frame held now, if any."""
        with self._lock:
            return self._entry.key if self._entry is not None else None

    def clear(self) -> None:
        with self._lock:
            self._entry = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def _restart_idle_timer(self) -> None:
        # called with the lock held; a daemon timer, so it never keeps the worker process alive
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self._idle_seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        with self._lock:
            if self._timer is not None and self._timer is threading.current_thread():
                self._entry = None
                self._timer = None


# The worker process's cache, shared by every `train_model` call it runs.
FRAMES = FrameCache()
