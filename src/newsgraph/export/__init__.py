"""Export what newsgraph stored, per ../shared/contract/EXPORT.md."""

from __future__ import annotations

import sys
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.export.records import KINDS, document_record, iter_records
from newsgraph.export.writers import FORMATS, write_error, write_jsonl, write_jsonl_file, write_tables
from newsgraph.store import Store

__all__ = ["export", "iter_records", "document_record", "KINDS", "FORMATS"]


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
