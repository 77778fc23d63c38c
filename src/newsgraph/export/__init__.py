"""Export what newsgraph stored, per ../shared/contract/EXPORT.md."""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.export.flat import FLAT_FORMATS, LAYOUTS, FlatTable, flat_table, write_flat
from newsgraph.export.records import KINDS, document_record, iter_records
from newsgraph.export.writers import FORMATS, write_error, write_file, write_jsonl, write_jsonl_file, write_tables
from newsgraph.store import Store

__all__ = ["export", "export_table", "iter_records", "document_record", "flat_table", "write_flat", "FlatTable",
           "KINDS", "FORMATS", "LAYOUTS", "FLAT_FORMATS"]


def export(db: Path, fmt: str, out: Path | None) -> int:
    """Export every record of the database ``db``; return how many records were written.

    JSON Lines go to ``out`` or standard output; CSV and Parquet need ``out``, a folder that gets
    one file per record kind. A file is replaced only once its new content is written whole.
    """
    if fmt not in FORMATS:
        raise NewsgraphError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    with Store(db, read_only=True) as store:
        records = iter_records(store)
        if fmt == "jsonl":
            if out is None:
                try:
                    count = write_jsonl(records, sys.stdout)
                    sys.stdout.flush()
                    return count
                except OSError as error:
                    raise write_error("standard output", error) from error
            return write_jsonl_file(records, out)
        if out is None:
            raise NewsgraphError(f"--format {fmt} writes one file per record kind: give a folder with --out")
        return write_tables(records, out, fmt)


def export_table(db: Path, layout: str, fmt: str, out: Path | None) -> int:
    """Write the flat events table of ``db`` in ``layout`` (events, dyads or gdelt; see
    :mod:`newsgraph.export.flat`) as ``fmt`` (csv, json, jsonl or parquet) to the file ``out``,
    or to standard output (not for Parquet); return the rows written. The file appears whole or
    not at all: it is written beside ``out`` and renamed (see :func:`~newsgraph.export.writers.write_file`)."""
    if fmt not in FLAT_FORMATS:
        raise NewsgraphError(f"--table writes one of {', '.join(FLAT_FORMATS)}, not {fmt!r}")
    if out is None and fmt == "parquet":
        raise NewsgraphError("--format parquet writes a file: give one with --out")
    if out is not None and out.is_dir():
        raise NewsgraphError(f"{out}: --table writes one file; give a file name with --out, not a folder")
    with Store(db, read_only=True) as store:
        table = flat_table(store.db, layout)
    if out is None:
        try:
            count = write_flat(table, fmt, sys.stdout)
            sys.stdout.flush()
            return count
        except OSError as error:
            raise write_error("standard output", error) from error
    return write_file(out, lambda handle: write_flat(table, fmt, handle), binary=fmt == "parquet", newline="",
                      what="--table")
