"""Write export records as JSON Lines (one stream), or CSV or Parquet (one file per kind).

A file is written under a temporary name beside its final one, flushed to disk, and only then
renamed over it: an export that fails (a full disk, a killed run) leaves the previous export as it
was and no partial file behind.
"""

from __future__ import annotations

import csv
import errno
import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import NewsgraphError

__all__ = ["FORMATS", "OBJECT_COLUMNS", "write_jsonl", "write_jsonl_file", "write_file", "write_tables", "write_error"]

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


def write_jsonl_file(records: Iterable[dict[str, Any]], out: Path) -> int:
    """JSON Lines into the file ``out``, which is replaced only once the export is whole.

    Something that is not a regular file (``/dev/stdout``, a pipe) is written to directly.
    """
    return write_file(out, lambda handle: write_jsonl(records, handle), what="--format jsonl")


def write_file(
    out: Path, write: Callable[[IO[Any]], int], *, binary: bool = False, newline: str | None = None,
    what: str = "this export",
) -> int:
    """What ``write`` writes into the handle it is given, into the file ``out``, which is replaced
    only once whole (``binary``: a handle of bytes; ``newline`` as :func:`open` takes it); returns
    what ``write`` returns. Something that is not a regular file (``/dev/stdout``, a pipe) is
    written to directly. A failure to write is a one-line error naming ``out``."""
    if out.is_dir():
        raise NewsgraphError(f"{out}: is a folder; give --out a file name for {what}")
    mode = "wb" if binary else "w"
    options: dict[str, Any] = {} if binary else {"encoding": "utf-8", "newline": newline}
    try:
        if out.exists() and not out.is_file():
            with out.open(mode, **options) as handle:
                return write(handle)
    except OSError as error:
        raise write_error(str(out), error) from error
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _replacing(out) as temporary:
            with temporary.open(mode, **options) as handle:
                count = write(handle)
                _sync(handle)
        return count
    except OSError as error:
        raise write_error(str(out), error, replacing=True) from error


def write_tables(records: Iterable[dict[str, Any]], folder: Path, fmt: str) -> int:
    """One ``<kind>.csv`` or ``<kind>.parquet`` per record kind in ``folder``. A list of values is a
    list column in Parquet and ``;``-joined text in CSV; an event's ``location`` and a record's
    ``evidence`` become columns of their own (``location_name``, ``evidence_text``...); other
    objects, and lists of objects, are JSON text. Returns the number of records written. The
    files are renamed into place together at the end, so a failed export leaves the previous one."""
    if folder.exists() and not folder.is_dir():
        raise NewsgraphError(f"{folder}: --out must be a folder for --format {fmt} (one file per record kind)")
    writers: dict[str, _TableWriter] = {}
    count = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            for record in records:
                count += 1
                kind = record["record"]
                if kind not in writers:
                    writers[kind] = _TableWriter(folder / f"{kind}.{fmt}", fmt)
                writers[kind].add(record)
            for writer in writers.values():
                writer.close()
            for writer in writers.values():
                os.replace(writer.temporary, writer.path)
        finally:
            for writer in writers.values():
                writer.discard()
    except OSError as error:
        raise write_error(str(folder), error, replacing=True) from error
    return count


def write_error(out: str, error: OSError, *, replacing: bool = False) -> NewsgraphError:
    """A one-line error naming the export's target, what went wrong and what to do; ``replacing``
    says the files of an earlier export there were left as they were."""
    problem = error.strerror or next(iter(str(error).splitlines()), "") or type(error).__name__
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        hint = "free some space, or give --out a place with room"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "give --out a place you can write to"
    else:
        hint = "give another --out"
    kept = "; an earlier export there is unchanged" if replacing else ""
    return NewsgraphError(f"{out}: cannot write the export: {problem}{kept} ({hint})")


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` to write into, renamed over ``path`` when the block ends
    without an error and removed when it does not."""
    temporary = _temporary_beside(path)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _temporary_beside(path: Path) -> Path:
    """A new empty file in ``path``'s folder (so the rename stays on one file system), created with
    the permissions an ordinary new file gets."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    temporary.open("x").close()
    return temporary


def _sync(handle: IO[Any]) -> None:
    handle.flush()
    os.fsync(handle.fileno())


class _TableWriter:
    """Rows of one kind into a temporary file beside ``path``; the caller renames it."""

    def __init__(self, path: Path, fmt: str) -> None:
        self.path = path
        self.temporary = _temporary_beside(path)
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
            self._csv_file = self.temporary.open("w", encoding="utf-8", newline="")
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
            self._parquet = pq.ParquetWriter(self.temporary, schema)
        else:
            table = table.cast(self._parquet.schema)
        self._parquet.write_table(table)

    def close(self) -> None:
        self._flush()
        if self._csv_file is not None:
            _sync(self._csv_file)
            self._csv_file.close()
            self._csv_file = None
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
            with self.temporary.open("rb") as written:
                os.fsync(written.fileno())

    def discard(self) -> None:
        """Close without finishing (after a failure) and remove the temporary file, if still there."""
        for handle in (self._csv_file, self._parquet):
            try:
                if handle is not None:
                    handle.close()
            except Exception:  # noqa: BLE001 - the failure being cleaned up after is the one reported
                pass
        self.temporary.unlink(missing_ok=True)


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
