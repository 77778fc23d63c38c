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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import NewsgraphError

__all__ = ["FORMATS", "write_jsonl", "write_jsonl_file", "write_tables", "write_error"]

FORMATS = ("jsonl", "csv", "parquet")
_ROWS_PER_PARQUET_BATCH = 1000


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
    if out.is_dir():
        raise NewsgraphError(f"{out}: is a folder; give --out a file name for --format jsonl")
    try:
        if out.exists() and not out.is_file():
            with out.open("w", encoding="utf-8") as handle:
                return write_jsonl(records, handle)
    except OSError as error:
        raise write_error(str(out), error) from error
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _replacing(out) as temporary:
            with temporary.open("w", encoding="utf-8") as handle:
                count = write_jsonl(records, handle)
                _sync(handle)
        return count
    except OSError as error:
        raise write_error(str(out), error, replacing=True) from error


def write_tables(records: Iterable[dict[str, Any]], folder: Path, fmt: str) -> int:
    """One ``<kind>.csv`` or ``<kind>.parquet`` per record kind in ``folder``; lists and objects
    become JSON strings. Returns the number of records written. The files are renamed into place
    together at the end, so a failed export leaves the previous one."""
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


def _sync(handle: IO[str]) -> None:
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
            self._csv.writerow({key: _cell(value) for key, value in row.items()})

    def _flush_parquet(self) -> None:
        # Nested values are stored as JSON text so every batch has the same flat schema.
        rows = [{key: _cell(value) if isinstance(value, (dict, list)) else value for key, value in row.items()}
                for row in self.rows]
        table = pa.Table.from_pylist(rows)
        if self._parquet is None:
            self._parquet = pq.ParquetWriter(self.temporary, table.schema)
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


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value
