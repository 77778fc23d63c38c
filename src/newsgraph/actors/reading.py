"""The one reading of who a stretch of text names: :class:`ActorReading`.

The actors stage resolves names, titles, descriptions and pronouns into the document's actors
and mentions (:mod:`newsgraph.actors.resolve`). Events, quotations and places then ask which actor
a phrase names ("Senior Hungarian officials", "he", "the rebels in Darfur") through this one
reading, so that a phrase is never one actor to the actors stage and another to the event coder:

1. a mention with exactly the phrase's extent names it ("Kim Jong Un", "the secretary", "he");
2. otherwise the phrase must name an actor by the knowledge base's reading of its head
   (:class:`~newsgraph.actors.phrases.PhraseReader`): "the renewal of a UN panel" names none,
   though it holds a mention. A mention at the phrase's head ("the secretary", "Putin") gives
   its resolved actor; otherwise the knowledge base's reading of the phrase stands, for it
   weighs the modifiers nearest the head first ("Albanian rebels in Macedonia" are Albanian),
   and without one the mention nearest the head does;
3. where both name the same actor, the knowledge base's code is kept, for it adds the phrase's
   sector ("North Korean soldiers" is ``PRKMIL``);
4. a phrase no mention covers keeps the knowledge base's reading (a sector with no name in sight,
   "police": ``COP``; a city standing for its country, "shelled Kharkiv").

Every actor the reading gives with an id is one of the document's actors: one the knowledge base
names that the resolver had not met is added to :attr:`ActorReading.extra_actors`, which the
document's actors take in (see :func:`~newsgraph.actors.reading.ActorReading.document_actors`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Token

from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.actors.phrases import PhraseReader
from newsgraph.actors.records import ActorRecord, ActorRef, DocumentActors, MentionRecord
from newsgraph.actors.resolve import resolve_actors
from newsgraph.actors.sectors import SECTOR_TYPES, sector_id, sector_name

__all__ = ["ActorLookup", "ActorReading", "read_actors"]


def read_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> ActorReading:
    """Resolve the actors of the parsed ``doc`` and return the reading built on them: what the
    actors stage gives the stages after it. ``published`` decides office holders and codes."""
    return ActorReading(resolve_actors(doc, kb, published), PhraseReader(doc, kb, published), kb)


class ActorLookup(Protocol):
    """Anything that can say which actor a stretch of the parsed text names."""

    def actor_for(self, span_start: int, span_end: int) -> ActorRef | None:
        """The actor named by the characters ``span_start:span_end`` of the text, or None."""
        ...

    def sector_actor(self, country: str, sector: str) -> ActorRef:
        """The actor that is ``country``'s ``sector`` (``MIL``: its military)."""
        ...


class ActorReading:
    """Which actor a span of one parsed document names, from its resolved actors first.

    ``actors`` are the document's resolved actors and mentions, ``reader`` the knowledge base's
    reading of phrases over the same parse.
    """

    def __init__(self, actors: DocumentActors, reader: PhraseReader, kb: KnowledgeBase) -> None:
        self._actors = actors
        self._by_id: dict[str, ActorRecord] = {actor.id: actor for actor in actors.actors}
        self._reader = reader
        self._kb = kb
        self._doc = reader.doc
        self._extra: dict[str, ActorRecord] = {}
        self._starts = sorted({m.start for m in actors.mentions})

    @property
    def resolved(self) -> DocumentActors:
        """The actors and mentions the resolver found."""
        return self._actors

    @property
    def doc(self) -> Doc:
        """The parsed text the spans point into."""
        return self._doc

    @property
    def extra_actors(self) -> Mapping[str, ActorRecord]:
        """Actors the knowledge base read in a phrase that no mention names, by id."""
        return self._extra

    def document_actors(self) -> DocumentActors:
        """The document's actors with those only this reading met."""
        if not self._extra:
            return self._actors
        return DocumentActors(actors=[*self._actors.actors, *self._extra.values()], mentions=self._actors.mentions)

    def actor_for(self, span_start: int, span_end: int) -> ActorRef | None:
        """The actor the characters ``span_start:span_end`` name, or None."""
        mentions = self._actors.mentions_inside(span_start, span_end)
        exact = [m for m in mentions if m.start == span_start and m.end == span_end]
        if exact:
            return self._resolved(min(exact, key=lambda m: m.how == "demonym").actor_id)
        read = self._reader.actor_for(span_start, span_end)
        if read is None:
            return None
        if not mentions:
            return self._known(read)
        span = self._doc.char_span(span_start, span_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self._known(read)
        root = span.root
        best = min(mentions, key=lambda m: (m.how == "demonym", self._uninformed(m), _closeness(self._doc, m, root)))
        resolved = self._resolved(best.actor_id)
        if resolved is None or (read.id is not None and read.id == resolved.id):
            return self._known(read)
        if (read.id is not None or read.code is not None) and _closeness(self._doc, best, root) != (0, 0):
            # "Albanian rebels in Macedonia" are Albanian; "the Minister for Interior" is a
            # government office, not the Interior.
            return self._known(read)
        return resolved

    def sector_actor(self, country: str, sector: str) -> ActorRef:
        """The actor that is ``country``'s ``sector`` (``sector:PRKMIL``, North Korea's military),
        one of the document's actors from now on: what "its troops" names when "its" is North
        Korea, or "police" placed in the country where they act."""
        actor_id = sector_id(country, sector)
        if actor_id not in self._by_id and actor_id not in self._extra:
            known = f"country:{country}"
            name = sector_name(self._kb.actor(known), sector) if known in self._kb else f"{country} {sector}"
            self._extra[actor_id] = ActorRecord(
                id=actor_id, name=name, type=SECTOR_TYPES.get(sector, "group"), country=country,
                code=country + sector, aliases=(), from_kb=True,
            )
        return ActorRef(actor_id, country, country + sector)

    def actor(self, actor_id: str) -> ActorRecord | None:
        """The record of one of the document's actors (those this reading met too), or None."""
        return self._by_id.get(actor_id) or self._extra.get(actor_id)

    def adopt(self, actor: ActorRecord) -> str:
        """Make ``actor`` one of the document's actors and return its id: an actor a later stage
        read in the text that no mention names (a speaker's name the recogniser missed). An actor
        the document has already keeps its record."""
        if actor.id not in self._by_id and actor.id not in self._extra:
            self._extra[actor.id] = actor
        return actor.id

    def _uninformed(self, mention: MentionRecord) -> bool:
        """Whether the mention's actor has neither a country nor a code: a name the resolver knows
        nothing about weighs less than one it can place ("Minister for Interior Aftab Sherpao")."""
        actor = self._by_id.get(mention.actor_id)
        return actor is None or (actor.country is None and actor.code is None)

    def actor_ref(self, actor_id: str) -> ActorRef | None:
        """The reading of one of the document's actors by its id ("who said this quotation")."""
        return self._resolved(actor_id) or (self._extra_ref(actor_id))

    def _extra_ref(self, actor_id: str) -> ActorRef | None:
        actor = self._extra.get(actor_id)
        return ActorRef(id=actor.id, country=actor.country, code=actor.code) if actor is not None else None

    def _resolved(self, actor_id: str) -> ActorRef | None:
        actor = self._by_id.get(actor_id)
        return ActorRef(id=actor.id, country=actor.country, code=actor.code) if actor is not None else None

    def _known(self, ref: ActorRef) -> ActorRef:
        """``ref``, its actor made one of the document's when the resolver had not met it. A
        country read with a sector ("North Korean soldiers": ``PRKMIL``) is that sector's actor."""
        if ref.id is not None and ref.id.startswith("country:") and ref.country and ref.code and len(ref.code) == 6:
            if ref.code != ref.country and ref.code.startswith(ref.country):
                return self.sector_actor(ref.country, ref.code[3:])
        if ref.id is None or ref.id in self._by_id or ref.id in self._extra:
            return ref
        if ref.id in self._kb:
            actor = self._kb.actor(ref.id)
            code = ref.code if actor.type == "person" else actor.code
            self._extra[ref.id] = ActorRecord(
                id=actor.id, name=actor.name, type=actor.type, country=actor.country, code=code, from_kb=True
            )
        return ref


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
