"""The events stage: PLOVER events with the document's resolved actors, dated from the time
expressions of their sentence (or, where the text supports it, of the story around them or the
article's date: see :mod:`newsgraph.pipeline.event_dates`) and placed where their sentence says
they happened."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsgraph._span_index import SpanIndex
from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.records import DocumentActors, MentionRecord
from newsgraph.events import EVENTS_VERSION, ActorRef, EventRecord, KnowledgeBaseLookup, extract_events
from newsgraph.pipeline.analysis import Analysis, DatedEvent
from newsgraph.pipeline.event_dates import date_events, event_time
from newsgraph.pipeline.nlp_stages import reference_date
from newsgraph.places import PlaceMention, event_location

__all__ = ["EventsStage", "ResolvedActorLookup", "event_time"]

# event_time belongs with the dating rules in event_dates; callers of this stage import it from here too.


class ResolvedActorLookup:
    """Actors for event arguments: the document's resolved actor at a span (so "he" and "the
    secretary" are who coreference says), else what the knowledge base reads there ("police").

    A mention with exactly the span's extent names it. Otherwise the span must name an actor by
    the knowledge base's reading of its head ("the renewal of a UN panel" names none, though it
    holds a mention), and among the mentions inside it the one nearest its head wins, as in
    :class:`KnowledgeBaseLookup`: the head itself, then its modifiers from the nearest outwards,
    then what follows it. Where both readings name the same actor the knowledge base's code is
    kept, for it adds the phrase's sector ("North Korean soldiers" is ``PRKMIL``).
    """

    def __init__(self, actors: DocumentActors, fallback: KnowledgeBaseLookup) -> None:
        self._actors = actors
        self._by_id = {actor.id: actor for actor in actors.actors}
        # A span's mentions are found without reading all of them (long articles were quadratic).
        self._mentions = SpanIndex(actors.mentions)
        self._fallback = fallback
        self._doc = fallback.doc

    def actor_for(self, span_start: int, span_end: int) -> ActorRef | None:
        mentions = self._mentions.inside(span_start, span_end)
        exact = [m for m in mentions if m.start == span_start and m.end == span_end]
        if exact:
            return self._resolved(min(exact, key=lambda m: m.how == "demonym").actor_id)
        read = self._fallback.actor_for(span_start, span_end)
        if read is None or not mentions:
            return read
        span = self._doc.char_span(span_start, span_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return read
        root = span.root
        best = min(mentions, key=lambda m: (m.how == "demonym", _closeness(self._doc, m, root)))
        resolved = self._resolved(best.actor_id)
        if resolved is None or (read.id is not None and read.id == resolved.id):
            return read
        return resolved

    def _resolved(self, actor_id: str) -> ActorRef | None:
        actor = self._by_id.get(actor_id)
        return ActorRef(id=actor.id, country=actor.country, code=actor.code) if actor is not None else None


def _closeness(doc: Doc, mention: MentionRecord, root: Token) -> tuple[int, int]:
    """How near a mention stands to the phrase head ``root``: the head, then the words before it
    from the nearest outwards, then the words after it."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return (3, 0)
    if span.start <= root.i < span.end:
        return (0, 0)
    if span.end <= root.i:
        return (1, root.i - span.end)
    return (2, span.start - root.i)


def _location(doc: Doc, event: EventRecord, places: list[PlaceMention]) -> PlaceMention | None:
    trigger = doc.char_span(event.trigger_start, event.trigger_end, alignment_mode="expand")
    if trigger is None or len(trigger) == 0:
        return None
    return event_location(doc, event.evidence_start, event.evidence_end, trigger.root.i, places=places)


@dataclass(frozen=True)
class EventsStage:
    """Who did what to whom, when and where, coded in PLOVER with its CAMEO code."""

    name: str = EVENTS_VERSION
    requires: tuple[str, ...] = ("parsed", "actors", "metadata", "times", "places")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, analysis: Analysis) -> Analysis:
        doc, actors, metadata = analysis.parsed, analysis.actors, analysis.metadata
        assert doc is not None and actors is not None and metadata is not None
        times, places = analysis.times or [], analysis.places or []
        published = reference_date(metadata.published)
        lookup = ResolvedActorLookup(actors, KnowledgeBaseLookup(doc, load_knowledge_base(), published))
        events = extract_events(doc, lookup)
        dated: list[DatedEvent] = []
        by_place = SpanIndex(places)
        for event, when in zip(events, date_events(doc, events, times, metadata.published, metadata.title)):
            # Only the places of the event's sentence: reading all of them for each event was quadratic.
            where = _location(doc, event, by_place.inside(event.evidence_start, event.evidence_end))
            if when.text is not None:
                event = replace(event, date_text=when.text)
            dated.append(DatedEvent(event, when.value, where, when.basis))
        analysis.events = dated
        return analysis
