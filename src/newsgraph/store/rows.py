"""Documents as table rows: what :class:`~newsgraph.store.Store` writes, and what the Parquet
dataset of a cluster run holds, built by one function so the two cannot drift apart.

Each table is a list of dicts keyed by the store's column names. ``actors`` rows also carry the
``doc_id`` of the document that named the actor (the store merges them into one row per actor,
in order); ``ingested_at`` and ``seen_at`` left ``None`` are filled with the time of the write.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsgraph.records import Document
from newsgraph.registry import stage_spec

__all__ = ["ROW_TABLES", "Rows", "SourceSeen", "document_rows", "time_id"]

Rows = dict[str, list[dict[str, Any]]]
"""Rows per table name, in :data:`ROW_TABLES` order."""

ROW_TABLES = (
    "documents",
    "captions",
    "actors",
    "mentions",
    "quotes",
    "times",
    "places",
    "amounts",
    "events",
    "sources",
)
"""The per-document tables, in the order they are written."""


# The stage whose name each quotation and event row carries.
_QUOTES, _EVENTS = stage_spec("quotes").name, stage_spec("events").name


@dataclass(frozen=True)
class SourceSeen:
    """A (source, raw bytes) pair to record, pointing at the document it became."""

    source: str
    raw_sha: str
    doc_id: str


def document_rows(documents: Sequence[Document], seen: Sequence[SourceSeen], pipeline: str) -> Rows:
    """The rows of every per-document table for ``documents``, and the ``sources`` rows of ``seen``."""
    rows: Rows = {table: [] for table in ROW_TABLES}
    for d in documents:
        rows["documents"].append(_document_row(d, pipeline))
        rows["captions"].extend(
            {"doc_id": d.id, "seq": seq, "text": c.text, "credit": c.credit, "raw_start": c.raw_start, "raw_end": c.raw_end}
            for seq, c in enumerate(d.captions)
        )
        rows["actors"].extend(dict(_flat(actor), aliases=sorted(set(actor.aliases)), doc_id=d.id) for actor in d.actors)
        rows["mentions"].extend(
            {"doc_id": d.id, "start": m.start, "end": m.end, "actor_id": m.actor_id, "text": m.text, "how": m.how}
            for m in d.mentions
        )
        rows["quotes"].extend(dict(_flat(q), doc_id=d.id, stage=_QUOTES) for q in d.quotes)
        rows["times"].extend(_time_rows(d))
        rows["places"].extend(
            {"doc_id": d.id, "start": p.start, "end": p.end, "text": p.text, "name": p.name, "country": p.country,
             "lat": p.lat, "lon": p.lon, "kind": p.kind, "role": p.role, "precision": p.precision}
            for p in d.places
        )
        rows["amounts"].extend(
            {"doc_id": d.id, "start": a.start, "end": a.end, "text": a.text, "value": a.value,
             "qualifier": a.qualifier, "unit": a.unit}
            for a in d.amounts
        )
        rows["events"].extend(dict(_flat(e), doc_id=d.id, stage=_EVENTS) for e in d.events)
    rows["sources"] = [{"source": s.source, "raw_sha": s.raw_sha, "doc_id": s.doc_id, "seen_at": None} for s in seen]
    return rows


def _flat(record: Any) -> dict[str, Any]:
    """A flat record's fields as a dict. Unlike ``dataclasses.asdict`` nothing is deep-copied:
    the records hold only plain values and lists, and the rows are written, not changed."""
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def time_id(doc_id: str, start: int, end: int) -> str:
    """A time expression's id from where it is, so an anchor can name the expression it counts from."""
    return "time_" + hashlib.sha256(f"{doc_id}|{start}|{end}".encode("utf-8")).hexdigest()[:20]


def _time_rows(d: Document) -> list[dict[str, Any]]:
    ids = [time_id(d.id, t.start, t.end) for t in d.times]
    rows = []
    for t, own_id in zip(d.times, ids):
        anchor = t.anchor if t.anchor is None or isinstance(t.anchor, str) else ids[t.anchor]
        rows.append(
            {"id": own_id, "doc_id": d.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
             "precision": t.precision, "range_end": t.range_end, "anchor": anchor}
        )
    return rows


def _document_row(document: Document, pipeline: str) -> dict[str, Any]:
    metadata = document.metadata
    return {
        "id": document.id,
        "source": document.source,
        "format": document.format,
        "raw_sha": document.raw_sha,
        "title": metadata.title,
        "outlet": metadata.outlet,
        "agencies": list(metadata.agencies),
        "authors": list(metadata.authors),
        "contributors": list(metadata.contributors),
        "dateline": metadata.dateline,
        "published": metadata.published,
        "published_confidence": metadata.published_confidence,
        "url": metadata.url,
        "language": metadata.language,
        "text": document.text,
        "raw_text": document.raw_text,
        "offset_map": json.dumps(document.offset_map.to_json()),
        "metadata_evidence": json.dumps({name: evidence.to_json() for name, evidence in metadata.evidence.items()}),
        "removed": json.dumps(
            [{"raw_start": r.raw_start, "raw_end": r.raw_end, "text": r.text, "reason": r.reason} for r in document.removed]
        ),
        "quote_marks": json.dumps(document.quote_marks),
        "version_of": document.version_of,
        "pipeline": pipeline,
        "ingested_at": None,
    }
