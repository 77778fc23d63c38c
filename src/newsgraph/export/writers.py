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

__all__ = ["FORMATS", "OBJECT_COLUMNS", "write_jsonl", "write_tables"]

FORMATS = ("jsonl", "csv", "parquet")
_ROWS_PER_PARQUET_BATCH = 1000
# Columns that may be null in every row of a first batch, with the type of their later values: an
# event's or a quotation's confidence is null for those stored before they had one, an undated
# event has no date precision, and most quotations' speakers are resolved, with no reason why not.
# Any other column null in a whole first batch is text, and a list column empty in it a list of text.
_TYPED_COLUMNS = {"confidence": pa.float64(), "date_precision": pa.string(), "speaker_unresolved_reason": pa.string(),
                  "lat": pa.float64(), "lon": pa.float64(), "location_lat": pa.float64(), "location_lon": pa.float64(),
                  "goldstein": pa.float64()}
# Objects whose fields become columns of their own (``location_name``, ``evidence_text``...), so a
# table holds no JSON where a spreadsheet expects a value.
OBJECT_COLUMNS = {"location": ("name", "country", "lat", "lon"), "evidence": ("start", "end", "text")}
# Lists of objects, JSON text in every row, an empty one too (``[]``), so a column never mixes a list
# type with text: a document without captions has ``captions == []``.
_OBJECT_LIST_COLUMNS = {"captions", "statuses", "sides"}


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str))
        out.write("\n")
        count += 1
    return count


def write_tables(records: Iterable[dict[str, Any]], folder: Path, fmt: str) -> int:
    """One ``<kind>.csv`` or ``<kind>.parquet`` per record kind in ``folder``. A list of values is a
    list column in Parquet and ``;``-joined text in CSV; an event's ``location`` and a record's
    ``evidence`` become columns of their own (``location_name``, ``evidence_text``...); other
    objects, and lists of objects, are JSON text. Returns the number of records written."""
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
        record = _flatten(record)
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
            self._csv.writerow({key: _cell(key, value) for key, value in row.items()})

    def _flush_parquet(self) -> None:
        # Objects are stored as JSON text and lists of values as lists, so every batch has the same schema.
        rows = [{key: _parquet_cell(key, value) for key, value in row.items()} for row in self.rows]
        table = pa.Table.from_pylist(rows)
        if self._parquet is None:
            schema = pa.schema([_typed(field) for field in table.schema])
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


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    if not any(name in record for name in OBJECT_COLUMNS):
        return record
    flat: dict[str, Any] = {}
    for key, value in record.items():
        fields = OBJECT_COLUMNS.get(key)
        if fields is None or not (value is None or isinstance(value, dict)):
            flat[key] = value
            continue
        for name in fields:
            flat[f"{key}_{name}"] = value.get(name) if value else None
    return flat


def _values(key: str, value: Any) -> bool:
    if key in _OBJECT_LIST_COLUMNS:
        return False
    return isinstance(value, list) and not any(isinstance(item, (dict, list)) for item in value)


def _cell(key: str, value: Any) -> Any:
    """A CSV cell: a list of values ``;``-joined, an object (or a list of them) as JSON."""
    if _values(key, value):
        return ";".join("" if item is None else str(item) for item in value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _parquet_cell(key: str, value: Any) -> Any:
    if _values(key, value):
        return ["" if item is None else str(item) for item in value]
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _typed(field: pa.Field) -> pa.Field:
    """A first batch's column with a type for the values later batches bring where it had none."""
    if pa.types.is_null(field.type):
        return field.with_type(_TYPED_COLUMNS.get(field.name, pa.string()))
    if pa.types.is_list(field.type) and pa.types.is_null(field.type.value_type):
        return field.with_type(pa.list_(pa.string()))
    return field
