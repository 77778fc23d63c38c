"""Write export records as JSON Lines (one stream), or CSV or Parquet (one file per kind)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import NewsgraphError

__all__ = ["FORMATS", "write_jsonl", "write_tables"]

FORMATS = ("jsonl", "csv", "parquet")
_ROWS_PER_PARQUET_BATCH = 1000
# Columns that may be null in every row of a first batch, with the type of their later values: an
# event's or a quotation's confidence is null for those stored before they had one, an undated
# event has no date precision, and most quotations' speakers are resolved, with no reason why not.
_TYPED_COLUMNS = {"confidence": pa.float64(), "date_precision": pa.string(), "speaker_unresolved_reason": pa.string()}


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")
        count += 1
    return count


def write_tables(records: Iterable[dict[str, Any]], folder: Path, fmt: str) -> int:
    """One ``<kind>.csv`` or ``<kind>.parquet`` per record kind in ``folder``; lists and objects
    become JSON strings. Returns the number of records written."""
    if folder.exists() and not folder.is_dir():
        raise NewsgraphError(f"{folder}: --out must be a folder for --format {fmt} (one file per record kind)")
    folder.mkdir(parents=True, exist_ok=True)
    writers: dict[str, _TableWriter] = {}
    count = 0
    try:
        for record in records:
            count += 1
            kind = record["record"]
            if kind not in writers:
                writers[kind] = _TableWriter(folder / f"{kind}.{fmt}", fmt)
            writers[kind].add(record)
    finally:
        for writer in writers.values():
            writer.close()
    return count


class _TableWriter:
    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self.rows: list[dict[str, Any]] = []
        self.columns: list[str] | None = None
        self._csv_file: IO[str] | None = None
        self._csv: Any = None
        self._parquet: pq.ParquetWriter | None = None

    def add(self, record: dict[str, Any]) -> None:
        if self.columns is None:
            self.columns = list(record)
        self.rows.append(record)
        if len(self.rows) >= _ROWS_PER_PARQUET_BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self.rows:
            return
        assert self.columns is not None
        if self.fmt == "csv":
            self._flush_csv()
        else:
            self._flush_parquet()
        self.rows = []

    def _flush_csv(self) -> None:
        if self._csv is None:
            self._csv_file = self.path.open("w", encoding="utf-8", newline="")
            self._csv = csv.DictWriter(self._csv_file, fieldnames=self.columns or [])
            self._csv.writeheader()
        for row in self.rows:
            self._csv.writerow({key: _cell(value) for key, value in row.items()})

    def _flush_parquet(self) -> None:
        # Nested values are stored as JSON text so every batch has the same flat schema.
        rows = [{key: _cell(value) if isinstance(value, (dict, list)) else value for key, value in row.items()}
                for row in self.rows]
        table = pa.Table.from_pylist(rows)
        if self._parquet is None:
            schema = pa.schema([
                field.with_type(_TYPED_COLUMNS[field.name]) if pa.types.is_null(field.type) and field.name in _TYPED_COLUMNS
                else field for field in table.schema
            ])
            table = table.cast(schema)
            self._parquet = pq.ParquetWriter(self.path, schema)
        else:
            table = table.cast(self._parquet.schema)
        self._parquet.write_table(table)

    def close(self) -> None:
        self._flush()
        if self._csv_file is not None:
            self._csv_file.close()
        if self._parquet is not None:
            self._parquet.close()


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
