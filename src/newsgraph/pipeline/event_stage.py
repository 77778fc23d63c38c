"""The events stage: PLOVER events with the actors as the actors stage reads them, dated from the time
expressions of their sentence (or, where the text supports it, of the story around them or the
article's date: see :mod:`newsgraph.pipeline.event_dates`) and placed where their sentence says
they happened."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from spacy.tokens import Doc

from newsgraph._span_index import SpanIndex
from newsgraph.events import EventRecord, Ontology, PatternBook, extract_events, load_ontology, load_patterns
from newsgraph.pipeline.analysis import Analysis, DatedEvent
from newsgraph.pipeline.event_dates import date_events, event_time
from newsgraph.pipeline.runner import RegisteredStage
from newsgraph.places import PlaceMention, event_location

__all__ = ["EventsStage", "event_time"]

# event_time belongs with the dating rules in event_dates; callers of this stage import it from here too.


def _location(doc: Doc, event: EventRecord, places: list[PlaceMention]) -> PlaceMention | None:
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None or len(trigger) == 0:
        return None
    return event_location(doc, event.evidence_start, event.evidence_end, trigger.root.i, places=places)


@dataclass(frozen=True)
class EventsStage(RegisteredStage):
    """Who did what to whom, when and where, coded in PLOVER with its CAMEO code, with the
    ``ontology`` and the ``patterns`` dictionary."""

    key: ClassVar[str] = "events"
    ontology: Ontology = field(default_factory=load_ontology, repr=False, compare=False)
    patterns: PatternBook = field(default_factory=load_patterns, repr=False, compare=False)
    confidence_floor: float | None = None
    """Events under this confidence are not coded (None: the confidence model's floor)."""

    def __call__(self, analysis: Analysis) -> Analysis:
        doc, reading, metadata = analysis.parsed, analysis.reading, analysis.metadata
        assert doc is not None and reading is not None and metadata is not None
        times, places = analysis.times or [], analysis.places or []
        voices = [
            (found.span.start, found.span.end, speaker)
            for found in analysis.quotes or []
            if found.field == "text" and found.speaker_actor_id is not None
            and (speaker := reading.actor_ref(found.speaker_actor_id)) is not None
        ]
        events = extract_events(doc, reading, actors=reading.resolved, floor=self.confidence_floor, voices=voices,
                                ontology=self.ontology, patterns=self.patterns)
        dated: list[DatedEvent] = []
        by_place = SpanIndex(places)
        for event, when in zip(events, date_events(doc, events, times, metadata.published, metadata.title)):
            # Only the places of the event's sentence: reading all of them for each event was quadratic.
            where = _location(doc, event, by_place.inside(event.evidence_start, event.evidence_end))
            if when.text is not None:
                event = replace(event, date_text=when.text)
            dated.append(DatedEvent(event, when.value, where, when.basis, when.precision))
        analysis.events = dated
        return analysis
