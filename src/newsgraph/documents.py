"""Turn a finished analysis into a :class:`Document` with a stable id."""

from __future__ import annotations

import hashlib
import re

from newsgraph.pipeline.analysis import Analysis, DatedEvent, FoundQuote
from newsgraph.records import Document, Event, Quote

__all__ = ["document_id", "quote_id", "build_document", "build_quotes", "build_events"]

_SPACE = re.compile(r"\s+")


def document_id(title: str | None, text: str) -> str:
    """An id from the normalised content: the same article cleaned twice gets the same id,
    whatever file it came from; any edit to its title or body gives a new one."""
    normalised = _SPACE.sub(" ", f"{title or ''}\n{text}").strip().casefold()
    return "doc_" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def quote_id(doc_id: str, field: str, start: int, end: int, kind: str) -> str:
    """An id from where the quotation is: rerunning the same document gives the same ids."""
    key = f"{doc_id}|{field}|{start}|{end}|{kind}"
    return "quote_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def build_quotes(doc_id: str, found: list[FoundQuote], text: str, title: str | None) -> list[Quote]:
    """Stored quotations from the quotations found; ``carried_from`` indexes become ids."""
    ids_by_field: dict[str, list[str]] = {}
    for item in found:
        span = item.span
        ids_by_field.setdefault(item.field, []).append(quote_id(doc_id, item.field, span.start, span.end, span.kind))
    quotes: list[Quote] = []
    position: dict[str, int] = {}
    for item in found:
        span = item.span
        index = position.get(item.field, 0)
        position[item.field] = index + 1
        ids = ids_by_field[item.field]
        source = text if item.field == "text" else (title or "")
        carried = ids[span.carried_from] if span.carried_from is not None and span.carried_from < len(ids) else None
        quotes.append(
            Quote(
                id=ids[index],
                field=item.field,
                start=span.start,
                end=span.end,
                text=span.text,
                kind=span.kind,
                speaker_actor_id=item.speaker_actor_id,
                speaker_text=span.speaker_text,
                speaker_start=span.speaker_start,
                speaker_end=span.speaker_end,
                cue=span.cue,
                reporter_text=span.reporter_text,
                evidence_start=span.sentence_start,
                evidence_end=span.sentence_end,
                evidence_text=source[span.sentence_start : span.sentence_end],
                carried_from=carried,
                speaker_unresolved_reason=item.speaker_unresolved_reason,
                confidence=item.confidence,
            )
        )
    return quotes


def build_events(doc_id: str, found: list[DatedEvent], text: str) -> list[Event]:
    """Stored events with ids from where they are and what they are."""
    events = []
    for item in found:
        event, place = item.event, item.location
        key = f"{doc_id}|{event.trigger_start}|{event.trigger_end}|{event.cameo}|{event.status}"
        events.append(
            Event(
                id="event_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20],
                type=event.type,
                mode=event.mode,
                cameo=event.cameo,
                goldstein=event.goldstein,
                source_actor_ids=[actor.id for actor in event.source_actors if actor.id],
                source_actor_codes=[actor.code or "" for actor in event.source_actors],
                target_actor_ids=[actor.id for actor in event.target_actors if actor.id],
                target_actor_codes=[actor.code or "" for actor in event.target_actors],
                status=event.status,
                reported_by_actor_id=event.reported_by.id if event.reported_by else None,
                negated=event.negated,
                trigger_text=event.trigger_text,
                trigger_start=event.trigger_start,
                trigger_end=event.trigger_end,
                evidence_start=event.evidence_start,
                evidence_end=event.evidence_end,
                evidence_text=text[event.evidence_start : event.evidence_end],
                date=item.date,
                date_text=event.date_text,
                date_basis=item.date_basis,
                date_precision=item.date_precision,
                location_name=place.name if place else None,
                location_country=place.country if place else None,
                lat=place.lat if place else None,
                lon=place.lon if place else None,
                intended=event.intended,
                mutual=event.mutual,
                confidence=event.confidence,
            )
        )
    return events


def build_document(analysis: Analysis, version_of: str | None = None) -> Document:
    cleaned, metadata, raw = analysis.cleaned, analysis.metadata, analysis.raw
    if cleaned is None or metadata is None:
        raise ValueError(f"{raw.source}: the analysis is not finished")
    doc_id = document_id(metadata.title, cleaned.text)
    actors = analysis.reading.document_actors() if analysis.reading is not None else analysis.actors
    return Document(
        id=doc_id,
        source=raw.source,
        format=raw.format,
        raw_sha=raw.raw_sha,
        raw_text=raw.raw_text,
        text=cleaned.text,
        offset_map=cleaned.offset_map,
        metadata=metadata,
        captions=cleaned.captions,
        removed=cleaned.removed,
        quote_marks=cleaned.quote_marks,
        version_of=version_of,
        actors=list(actors.actors) if actors else [],
        mentions=list(actors.mentions) if actors else [],
        quotes=build_quotes(doc_id, analysis.quotes or [], cleaned.text, metadata.title),
        times=list(analysis.times or []),
        places=list(analysis.places or []),
        amounts=list(analysis.amounts or []),
        events=build_events(doc_id, analysis.events or [], cleaned.text),
    )
