"""The export records, one dict per record, shaped by ../shared/contract/EXPORT.md.

The contract fixes the minimum; newsgraph adds fields freely but never renames or drops the
contract's. Each record has a ``kind`` naming its record type, except a quotation, whose contract
field ``kind`` is the quotation's kind (``direct``, ``partial``, ``indirect``): so every record
also carries ``record``, the record type (``document``, ``actor``, ``mention``, ``quote``, ``time``,
``place``, ``amount``, ``event``, ``story``, ``event_cluster``, ``quote_cluster``, ``near_duplicate``,
``contested_claim``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.store import Store

__all__ = [
    "iter_records",
    "document_record",
    "actor_record",
    "mention_record",
    "quote_record",
    "event_record",
    "link_records",
    "KINDS",
]

KINDS = (
    "document",
    "actor",
    "mention",
    "quote",
    "time",
    "place",
    "amount",
    "event",
    "story",
    "event_cluster",
    "quote_cluster",
    "near_duplicate",
    "contested_claim",
)

_STORIES = (
    "SELECT s.id, s.title, s.first_published, s.last_published, s.n_articles, s.n_outlets, s.linker, "
    "list(sd.doc_id ORDER BY d.published NULLS LAST, d.id) AS doc_ids "
    "FROM stories s JOIN story_documents sd ON sd.story_id = s.id JOIN documents d ON d.id = sd.doc_id "
    "GROUP BY ALL ORDER BY s.id"
)
_EVENT_CLUSTERS = (
    "SELECT c.* EXCLUDE (match_key), list(m.event_id ORDER BY m.doc_id, m.event_id) AS event_ids, "
    "list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids "
    "FROM event_clusters c JOIN event_cluster_members m ON m.cluster_id = c.id GROUP BY ALL ORDER BY c.id"
)
_QUOTE_CLUSTERS = (
    "SELECT c.*, list(m.quote_id ORDER BY m.doc_id, m.quote_id) AS quote_ids, "
    "list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids "
    "FROM quote_clusters c JOIN quote_cluster_members m ON m.cluster_id = c.id GROUP BY ALL ORDER BY c.id"
)
_CLAIMS = (
    "SELECT c.id, c.event_cluster_id, c.summary, "
    "list({'side': s.side, 'event_id': s.event_id, 'actor_ids': s.actor_ids, 'doc_id': s.doc_id} "
    "ORDER BY s.side, s.doc_id, s.event_id) AS sides "
    "FROM contested_claims c JOIN claim_sides s ON s.claim_id = c.id GROUP BY ALL ORDER BY c.id"
)


def document_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored document row as a contract ``document`` record."""
    return {
        "kind": "document",
        "record": "document",
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


def actor_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "actor", "record": "actor", **row, "aliases": list(row["aliases"] or [])}


def mention_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"kind": "mention", "record": "mention", **row}


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored quotation; ``field`` says whether its offsets point into the text or the title."""
    record = {"record": "quote", **{key: value for key, value in row.items() if not key.startswith("evidence_")}}
    record["evidence"] = {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"]}
    return record


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event in the contract's shape: ``location`` and ``evidence`` as objects."""
    record = {
        "kind": "event",
        "record": "event",
        **{
            key: value
            for key, value in row.items()
            if not key.startswith(("evidence_", "location_")) and key not in {"lat", "lon"}
        },
    }
    record["location"] = (
        {"name": row["location_name"], "country": row["location_country"], "lat": row["lat"], "lon": row["lon"]}
        if row["location_name"]
        else None
    )
    record["evidence"] = {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"]}
    return record


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record in the database, kind by kind."""
    for row in store.iter_document_rows():
        yield document_record(row)
    for row in store.iter_rows("actors", "id"):
        yield actor_record(row)
    for row in store.iter_rows("mentions", 'doc_id, start, "end", actor_id'):
        yield mention_record(row)
    for row in store.iter_rows("quotes", 'doc_id, field, start, "end"'):
        yield quote_record(row)
    for table, kind in (("times", "time"), ("places", "place"), ("amounts", "amount")):
        for row in store.iter_rows(table, 'doc_id, start, "end"'):
            yield {"kind": kind, "record": kind, **row}
    for row in store.iter_rows("events", "doc_id, trigger_start, id"):
        yield event_record(row)
    yield from link_records(store)


def link_records(store: Store) -> Iterator[dict[str, Any]]:
    """The cross-document records: stories, event and quotation clusters, near-duplicates and
    contested claims."""
    for row in _query(store, _STORIES):
        yield {"kind": "story", "record": "story", **row}
    for row in _query(store, _EVENT_CLUSTERS):
        yield {"kind": "event_cluster", "record": "event_cluster", **row, "statuses": _json(row["statuses"])}
    for row in _query(store, _QUOTE_CLUSTERS):
        yield {"kind": "quote_cluster", "record": "quote_cluster", **row}
    for row in store.iter_rows("near_duplicates", "doc_id, duplicate_of"):
        yield {"kind": "near_duplicate", "record": "near_duplicate", **row}
    for row in _query(store, _CLAIMS):
        yield {"kind": "contested_claim", "record": "contested_claim", **row}


def _query(store: Store, sql: str) -> Iterator[dict[str, Any]]:
    cursor = store.db.execute(sql)
    names = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
