"""Reads a feature file (what `intraday features compute` writes: ticker, ts, OHLCV, features, targets) into
numpy arrays. Parquet or CSV; nulls become NaN. Features are float32 because that is what the ONNX model takes:
the native model is fed the same float32 values (upcast) so both runtimes see identical inputs."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import List

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .errors import BadTrainingInput


@dataclass
class Frame:
    table: pa.Table
    sha256: str
    source: str

    @property
    def columns(self) -> List[str]:
        return self.table.column_names

    def tickers(self) -> np.ndarray:
        return np.asarray(self.table.column("ticker").to_pylist(), dtype=object)

    def ticker_codes(self) -> np.ndarray:
        """int64 codes that sort like the ticker names (cheaper to sort than 1.65 M Python strings)."""
        column = self.table.column("ticker").combine_chunks()
        encoded = column if pa.types.is_dictionary(column.type) else pc.dictionary_encode(column)
        names = np.asarray(encoded.dictionary.to_pylist(), dtype=object).astype(str)
        rank = np.empty(len(names), dtype=np.int64)
        rank[np.argsort(names, kind="stable")] = np.arange(len(names))
        return rank[encoded.indices.to_numpy(zero_copy_only=False)]

    def ts_micros(self) -> np.ndarray:
        """Timestamps as int64 microseconds since the epoch (UTC)."""
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

    def matrix(self, names: List[str]) -> np.ndarray:
        """[rows, len(names)] float32, C order, NaN for missing values."""
        out = np.empty((self.table.num_rows, len(names)), dtype=np.float32)
        for index, name in enumerate(names):
            out[:, index] = self.numeric(name, np.float64)
        return out

    def check_columns(self, names: List[str], what: str) -> None:
        present = set(self.columns)
        unknown = [name for name in names if name not in present]
        if unknown:
            available = ", ".join(self.columns)
            raise BadTrainingInput(f"{self.source}: unknown {what} {', '.join(unknown)}; the file has columns: {available}")


def read_frame(data: bytes, source: str) -> Frame:
    """Parses Parquet (detected by its magic bytes) or CSV."""
    digest = hashlib.sha256(data).hexdigest()
    try:
        if data[:4] == b"PAR1":
            table = pq.read_table(io.BytesIO(data))
        else:
            table = pacsv.read_csv(
                io.BytesIO(data),
                convert_options=pacsv.ConvertOptions(
                    null_values=["", "NaN", "nan", "null", "NULL"], strings_can_be_null=False,
                    column_types={"ticker": pa.string()},
                ),
            )
    except (pa.ArrowInvalid, OSError) as error:
        raise BadTrainingInput(f"{source}: not a readable Parquet or CSV file ({error})") from None
    frame = Frame(table=table, sha256=digest, source=source)
    frame.check_columns(["ticker", "ts"], "required column")
    return frame


def read_frame_file(path: str) -> Frame:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise BadTrainingInput(f"cannot read data file {path}: {error.strerror}") from None
    return read_frame(data, path)
