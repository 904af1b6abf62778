"""Reads a feature file (what `intraday features compute` writes: ticker, ts, OHLCV, features, targets) into
numpy arrays. Parquet or CSV; nulls become NaN. Features are float32 because that is what the ONNX model takes:
the native model is fed the same float32 values (upcast) so both runtimes see identical inputs."""

from __future__ import annotations

import hashlib
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import BadTrainingInput
from .split import sort_order


@dataclass
class Frame:
    table: pa.Table
    sha256: str
    source: str
    # ts, ticker codes and the (ts, ticker) order, computed once: the worker keeps the last frame between
    # activities (framecache.py), so the 11 later folds of a walk-forward experiment reuse them. Read-only arrays.
    _memo: Dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)
    # State other modules derive from this frame and keep for as long as the frame lives (binned.py keeps
    # LightGBM's binned copy of the file here), guarded by `derived_lock`.
    derived: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    derived_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def _remember(self, name: str, values: np.ndarray) -> np.ndarray:
        values.setflags(write=False)
        self._memo[name] = values
        return values

    @property
    def columns(self) -> List[str]:
        return self.table.column_names

    def tickers(self) -> np.ndarray:
        return np.asarray(self.table.column("ticker").to_pylist(), dtype=object)

    def ticker_codes(self) -> np.ndarray:
        """int64 codes that sort like the ticker names (cheaper to sort than 1.65 M Python strings)."""
        if "ticker_codes" in self._memo:
            return self._memo["ticker_codes"]
        column = self.table.column("ticker").combine_chunks()
        encoded = column if pa.types.is_dictionary(column.type) else pc.dictionary_encode(column)
        names = np.asarray(encoded.dictionary.to_pylist(), dtype=object).astype(str)
        rank = np.empty(len(names), dtype=np.int64)
        rank[np.argsort(names, kind="stable")] = np.arange(len(names))
        return self._remember("ticker_codes", rank[encoded.indices.to_numpy(zero_copy_only=False)])

    def sort_order(self) -> np.ndarray:
        """Row indices by (ts, ticker) (split.sort_order), memoised."""
        if "order" not in self._memo:
            self._remember("order", sort_order(self.ts_micros(), self.ticker_codes()))
        return self._memo["order"]

    def ts_micros(self) -> np.ndarray:
        """Timestamps as int64 microseconds since the epoch (UTC)."""
        if "ts" not in self._memo:
            self._remember("ts", self._ts_micros())
        return self._memo["ts"]

    def _ts_micros(self) -> np.ndarray:
        column = self.table.column("ts")
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            try:
                column = pc.cast(column, pa.timestamp("us", tz="UTC"))
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                raise BadTrainingInput(f'{self.source}: column "ts" holds text that is not an ISO timestamp') from None
        if pa.types.is_timestamp(column.type):
            column = pc.cast(column, pa.timestamp("us", tz=column.type.tz))
            return column.to_numpy().astype("datetime64[us]").astype(np.int64)
        if pa.types.is_integer(column.type):
            return column.to_numpy().astype(np.int64)
        raise BadTrainingInput(f'{self.source}: column "ts" must be a timestamp, ISO text or an integer, was {column.type}')

    def numeric(self, name: str, dtype: type = np.float64) -> np.ndarray:
        column = self.table.column(name)
        if not (pa.types.is_floating(column.type) or pa.types.is_integer(column.type) or pa.types.is_null(column.type)):
            raise BadTrainingInput(f'{self.source}: column "{name}" must be numeric, was {column.type}')
        values = pc.cast(column, pa.float64()).to_numpy(zero_copy_only=False)
        return np.asarray(values, dtype=np.float64).astype(dtype, copy=False)

    def matrix(self, names: List[str], rows: Optional[np.ndarray] = None) -> np.ndarray:
        """[rows, len(names)] float32, C order, NaN for missing values; only the file rows `rows` (in that order)
        when given."""
        if rows is None:
            out = np.empty((self.table.num_rows, len(names)), dtype=np.float32)
            for index, name in enumerate(names):
                out[:, index] = self.numeric(name, np.float64)
            return out
        return self.matrices(names, [rows])[0]

    def float32_column(self, name: str) -> np.ndarray:
        """A feature column as float32 (what the models see), memoised: every fold of an experiment gathers
        its rows from the same columns (44 x 1.65 M float32 = 290 MB, half the table)."""
        key = f"f32:{name}"
        if key not in self._memo:
            self._remember(key, self.numeric(name, np.float32))
        return self._memo[key]

    def matrices(self, names: List[str], row_sets: List[np.ndarray], threads: int = 1) -> List[np.ndarray]:
        """One float32 C-order matrix per row set: a fold gathers its training and validation rows (about half
        of a walk-forward file) instead of converting all rows. Gathered GATHER_BLOCK_ROWS rows at a time: the
        block's columns into a [features, rows] scratch (contiguous writes), then transposed into the output while
        the block is still in cache. Writing the C-order matrix one strided column at a time took twice as long as
        transposing a whole [features, rows] gather once, and that once 1.4 times as long as blocks (0.94 against
        0.65 s for 1.65 M x 44 rows); `threads` fill blocks side by side (numpy releases the GIL for both copies:
        0.30 s with 2). The values are copies either way."""
        columns = [self.float32_column(name) for name in names]
        return [_gather(columns, rows, threads) for rows in row_sets]

    def check_columns(self, names: List[str], what: str) -> None:
        present = set(self.columns)
        unknown = [name for name in names if name not in present]
        if unknown:
            available = ", ".join(self.columns)
            raise BadTrainingInput(f"{self.source}: unknown {what} {', '.join(unknown)}; the file has columns: {available}")


GATHER_BLOCK_ROWS = 65_536


def _gather(columns: List[np.ndarray], rows: np.ndarray, threads: int) -> np.ndarray:
    out = np.empty((len(rows), len(columns)), dtype=np.float32)

    def fill(start: int) -> None:
        index = rows[start : start + GATHER_BLOCK_ROWS]
        block = np.empty((len(columns), len(index)), dtype=np.float32)
        for j, values in enumerate(columns):
            np.take(values, index, out=block[j])
        out[start : start + len(index)] = block.T

    starts = range(0, len(rows), GATHER_BLOCK_ROWS)
    if threads > 1 and len(starts) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(fill, starts))
    else:
        for start in starts:
            fill(start)
    return out


def read_frame(data: bytes, source: str) -> Frame:
    """Parses Parquet (detected by its magic bytes) or CSV. The sha256 is computed in a second thread while
    Arrow parses (both release the GIL): about a second less on the 300 MB benchmark file."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        table = _parse(data, source)
        return _checked(Frame(table=table, sha256=digest.result(), source=source))


def _checked(frame: Frame) -> Frame:
    frame.check_columns(["ticker", "ts"], "required column")
    return frame


def _parse(data: bytes, source: str) -> pa.Table:
    try:
        if data[:4] == b"PAR1":
            # a zero-copy reader over the bytes (io.BytesIO goes through Python file calls)
            return pq.read_table(pa.BufferReader(data))
        return pacsv.read_csv(
            io.BytesIO(data),
            convert_options=pacsv.ConvertOptions(
                null_values=["", "NaN", "nan", "null", "NULL"], strings_can_be_null=False,
                column_types={"ticker": pa.string()},
            ),
        )
    except (pa.ArrowInvalid, OSError) as error:
        raise BadTrainingInput(f"{source}: not a readable Parquet or CSV file ({error})") from None


def read_frame_file(path: str) -> Frame:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise BadTrainingInput(f"cannot read data file {path}: {error.strerror}") from None
    return read_frame(data, path)
