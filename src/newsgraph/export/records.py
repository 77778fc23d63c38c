"""The export records, one dict per record, shaped by ../shared/contract/EXPORT.md.

The contract fixes the minimum; newsgraph adds fields freely but never renames or drops the
contract's. Each record has a ``kind``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.store import Store

__all__ = ["iter_records", "document_record", "KINDS"]

KINDS = ("document",)


def document_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored document row as a contract ``document`` record."""
    return {
        "kind": "document",
        "id": row["id"],
        "source": row["source"],
        "title": row["title"],
        "outlet": row["outlet"],
        "authors": list(row["authors"] or []),
        "published": row["published"],
        "dateline": row["dateline"],
        "language": row["language"],
        "text": row["text"],
        "published_confidence": row["published_confidence"],
        "agencies": list(row["agencies"] or []),
        "contributors": list(row["contributors"] or []),
        "url": row["url"],
        "format": row["format"],
        "version_of": row["version_of"],
        "captions": row["captions"],
        "metadata_evidence": _json(row["metadata_evidence"]),
        "pipeline": row["pipeline"],
    }


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record in the database, kind by kind."""
    for row in store.iter_document_rows():
        yield document_record(row)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
