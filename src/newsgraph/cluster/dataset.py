"""The Parquet dataset a cluster run writes: one sub-dataset per record table, hive-partitioned by
publication month (``documents/month=2024-06/part-….parquet``, ``month=unknown`` when the date
gives no month), readable by DuckDB, pandas, Spark or :mod:`newsgraph.cluster.importer`.

The column types are the store's own (read from its migrations), so a dataset and a database
cannot disagree. Besides the store's columns, ``actors`` rows name the document (``doc_id``) and
``sources`` and ``failures`` rows say where in the run the article was read (``run``, ``file``,
``file_index``, ``seq``): the order an import follows, so it stores what a single-process ingest
of the same inputs stores. Each task writes its own files under a hidden name and renames them
when it ends, ``sources`` and ``failures`` last: an interrupted task leaves no file half written,
and since a rerun skips only what ``sources`` and ``failures`` hold, it redoes that task whole.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import duckdb
import fsspec
import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem
from pyarrow.fs import FSSpecHandler, PyFileSystem

from newsgraph.dates.partial import PartialDate
from newsgraph.store.migrations import migrate
from newsgraph.store.rows import ROW_TABLES

__all__ = [
    "TABLES",
    "UNKNOWN_MONTH",
    "DatasetWriter",
    "iter_parts",
    "known_inputs",
    "month_of",
    "open_table",
    "output_location",
    "table_schema",
]

TABLES: tuple[str, ...] = (*ROW_TABLES, "failures")
"""The sub-datasets: every per-document table of the store, and the documents that failed."""

UNKNOWN_MONTH = "unknown"

_STORE_ONLY = frozenset({"ingested_at", "seen_at"})
_WHERE = [("run", pa.string()), ("file", pa.string()), ("file_index", pa.int32()), ("seq", pa.int32())]
_DUCKDB_TYPES: Mapping[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def month_of(published: str | None) -> str:
    """The partition of a document published on ``published`` (``2024-06-18`` -> ``2024-06``)."""
    try:
        found = PartialDate.from_iso((published or "")[:10])
    except ValueError:
        return UNKNOWN_MONTH
    if found.year is None or found.month is None:
        return UNKNOWN_MONTH
    return PartialDate(found.year, found.month).iso()


@functools.cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow schema of one sub-dataset (without the ``month`` partition column)."""
    if table == "failures":
        return pa.schema(
            [pa.field("source", pa.string(), False), pa.field("raw_sha", pa.string()), pa.field("problem", pa.string(), False)]
            + [pa.field(name, kind, False) for name, kind in _WHERE]
        )
    with duckdb.connect() as db:
        migrate(db)
        columns = db.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    fields = [
        pa.field(name, _DUCKDB_TYPES[kind], nullable == "YES") for name, kind, nullable in columns if name not in _STORE_ONLY
    ]
    if table == "actors":
        fields.append(pa.field("doc_id", pa.string(), False))
    if table == "sources":
        fields += [pa.field(name, kind, False) for name, kind in _WHERE]
    return pa.schema(fields)


def output_location(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The file system and root path of a dataset folder given as a path or an fsspec URL."""
    fs, root = fsspec.core.url_to_fs(url)
    return fs, root.rstrip("/") or "/"


class DatasetWriter:
    """Writes one task's rows: a file per (table, month), one row group per batch.

    Memory holds one batch at a time; :meth:`close` publishes the files (renames them to their
    final names), :meth:`abort` removes them.
    """

    def __init__(self, url: str, part: str) -> None:
        self.fs, self.root = output_location(url)
        self.part = part
        self._writers: dict[tuple[str, str], tuple[pq.ParquetWriter, str, str]] = {}
        self._arrow_fs = None if isinstance(self.fs, LocalFileSystem) else PyFileSystem(FSSpecHandler(self.fs))

    def write(self, table: str, rows: Iterable[Mapping[str, Any]], month: Mapping[int, str] | str) -> None:
        """Append ``rows`` of ``table``; ``month`` is the partition of all of them, or one per row index."""
        by_month: dict[str, list[Mapping[str, Any]]] = {}
        for index, row in enumerate(rows):
            key = month if isinstance(month, str) else month[index]
            by_month.setdefault(key, []).append(row)
        schema = table_schema(table)
        for key, chunk in by_month.items():
            self._writer(table, key).write_table(pa.Table.from_pylist(chunk, schema=schema))

    def close(self) -> None:
        # sources and failures last: a rerun trusts them to say what is done.
        ordered = sorted(self._writers.items(), key=lambda item: item[0][0] in ("sources", "failures"))
        for _, (writer, _temporary, _final) in ordered:
            writer.close()
        for _, (_writer, temporary, final) in ordered:
            self.fs.mv(temporary, final)
        self._writers.clear()

    def abort(self) -> None:
        for writer, temporary, _final in self._writers.values():
            writer.close()
            if self.fs.exists(temporary):
                self.fs.rm(temporary)
        self._writers.clear()

    def _writer(self, table: str, month: str) -> pq.ParquetWriter:
        found = self._writers.get((table, month))
        if found is None:
            folder = posixpath.join(self.root, table, f"month={month}")
            self.fs.makedirs(folder, exist_ok=True)
            final = posixpath.join(folder, f"part-{self.part}.parquet")
            temporary = posixpath.join(folder, f".part-{self.part}.parquet.tmp")
            writer = pq.ParquetWriter(temporary, table_schema(table), filesystem=self._arrow_fs, compression="zstd")
            found = self._writers[(table, month)] = (writer, temporary, final)
        return found[0]


def open_table(url: str, table: str) -> pads.Dataset | None:
    """One sub-dataset as an Arrow dataset with its ``month`` column, or None when it has no file."""
    fs, root = output_location(url)
    folder = posixpath.join(root, table)
    if not fs.isdir(folder):
        return None
    filesystem = None if isinstance(fs, LocalFileSystem) else PyFileSystem(FSSpecHandler(fs))
    partitioning = pads.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    schema = table_schema(table).append(pa.field("month", pa.string()))
    dataset = pads.dataset(folder, schema=schema, format="parquet", partitioning=partitioning, filesystem=filesystem)
    return dataset if dataset.files else None


def known_inputs(url: str) -> dict[str, set[tuple[str, str]]]:
    """What the dataset already holds, by input file: the (source, raw_sha) pairs stored or failed
    (``raw_sha`` is ``""`` for an input that failed before its bytes were read)."""
    known: dict[str, set[tuple[str, str]]] = {}
    for table in ("sources", "failures"):
        dataset = open_table(url, table)
        if dataset is None:
            continue
        for batch in dataset.to_batches(columns=["file", "source", "raw_sha"]):
            for file, source, sha in zip(*(batch.column(i).to_pylist() for i in range(3))):
                known.setdefault(file, set()).add((source, sha or ""))
    return known


def iter_parts(url: str, table: str) -> Iterator[str]:
    """The published files of one sub-dataset (for tests and tools)."""
    dataset = open_table(url, table)
    if dataset is not None:
        yield from dataset.files
