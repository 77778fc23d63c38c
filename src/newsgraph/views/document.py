"""One document at a glance: its metadata, its actors, and each quotation with its speaker."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store, id_list

__all__ = ["ActorLine", "QuoteLine", "EventLine", "DocumentView", "document_view"]


@dataclass(frozen=True)
class ActorLine:
    id: str
    name: str
    type: str
    code: str | None
    role: str | None
    mentions: int
    forms: tuple[str, ...]


@dataclass(frozen=True)
class QuoteLine:
    field: str
    kind: str
    words: str
    speaker: str | None
    speaker_text: str | None
    cue: str | None
    unresolved_reason: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class EventLine:
    type: str
    cameo: str
    status: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date: str | None
    trigger: str
    confidence: float | None = None


@dataclass(frozen=True)
class DocumentView:
    document: dict[str, Any]
    actors: list[ActorLine]
    quotes: list[QuoteLine]
    events: list[EventLine]


def document_view(store: Store, key: str) -> DocumentView:
    """The view of the document whose id starts with ``key`` or whose source is (or ends with) it."""
    ids = store.find_documents(key)
    if not ids:
        raise NewsgraphError(f"no document matches {key!r}; give a document id (or its start) or a source path")
    if len(ids) > 1:
        raise NewsgraphError(f"{key!r} matches {len(ids)} documents ({', '.join(ids[:5])}...); give more of the id")
    doc_id = ids[0]
    document = store.document_row(doc_id)
    assert document is not None
    mentions = list(store.iter_rows("mentions", "start", "WHERE doc_id = ?", [doc_id]))
    counts = Counter(mention["actor_id"] for mention in mentions)
    forms: dict[str, list[str]] = {}
    for mention in mentions:
        seen = forms.setdefault(mention["actor_id"], [])
        if mention["text"] not in seen:
            seen.append(mention["text"])
    actors = {
        row["id"]: row
        for row in store.iter_rows("actors", "id", "WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(counts)])
    }
    actor_lines = sorted(
        (
            ActorLine(
                id=actor_id,
                name=actors[actor_id]["name"] if actor_id in actors else actor_id,
                type=actors[actor_id]["type"] if actor_id in actors else "?",
                code=actors[actor_id]["code"] if actor_id in actors else None,
                role=actors[actor_id]["role"] if actor_id in actors else None,
                mentions=count,
                forms=tuple(forms[actor_id]),
            )
            for actor_id, count in counts.items()
        ),
        key=lambda line: (-line.mentions, line.name),
    )
    names = {actor_id: row["name"] for actor_id, row in actors.items()}
    quote_lines = [
        QuoteLine(
            field=row["field"],
            kind=row["kind"],
            words=row["text"],
            speaker=names.get(row["speaker_actor_id"], row["speaker_actor_id"]),
            speaker_text=row["speaker_text"],
            cue=row["cue"],
            unresolved_reason=row.get("speaker_unresolved_reason"),
            confidence=row.get("confidence"),
        )
        for row in store.iter_rows("quotes", "field DESC, start", "WHERE doc_id = ?", [doc_id])
    ]
    event_rows = list(store.iter_rows("events", "trigger_start", "WHERE doc_id = ?", [doc_id]))
    event_lines = [
        EventLine(
            type=row["type"],
            cameo=row["cameo"],
            status=row["status"],
            sources=tuple(names.get(i, i) for i in row["source_actor_ids"]),
            targets=tuple(names.get(i, i) for i in row["target_actor_ids"]),
            date=row["date"],
            trigger=row["trigger_text"],
            confidence=row["confidence"],
        )
        for row in event_rows
    ]
    return DocumentView(document, actor_lines, quote_lines, event_lines)
