"""What the rest of the document says about an event's parties, where its own sentence is silent.

News names the parties of an event once and then refers back to it: "A new prisoner swap between
Ukraine and Russia has begun ... The exchange began today", "The US imposed sanctions on ... The
sanctions block US assets". :class:`EventContext` remembers the events coded so far, in text
order, and gives an event noun that names no party of its own the parties of the latest event of
its kind a few sentences back (the same PLOVER type and CAMEO family, or the same word).

It also knows the document's own country: the one country most of the document's actors belong
to, when one clearly dominates. A domestic actor that nothing else places ("police", "the court",
"protesters") acts there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsgraph.actors.records import ActorRef, DocumentActors
from newsgraph.events.records import EventRecord

__all__ = ["EventContext", "Recalled"]

# How many sentences back an event noun may refer to an earlier event: news refers back across
# several paragraphs (8 lost one right event on the tuning half, 16 found no more than 12).
_REACH = 12
# Events that provoke an answer.
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})
# The document's country must hold at least this share of the actors' country mentions, and
# at least this many of them.
_DOMINANT_SHARE = 0.5
_DOMINANT_MENTIONS = 3


@dataclass(frozen=True)
class Recalled:
    """The parties of an earlier event: who did it, to whom, and whether they did it to each other."""

    sources: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    mutual: bool
    sentence: int


class EventContext:
    """The events of one document met so far, and the document's own country.

    ``actors`` are the document's resolved actors and mentions (for the document's country).
    """

    def __init__(self, actors: DocumentActors | None) -> None:
        self._events: list[tuple[int, EventRecord, str]] = []
        self._words: dict[int, frozenset[str]] = {}
        self._country = _dominant_country(actors) if actors is not None else None

    @property
    def country(self) -> str | None:
        """The country most of the document's actors belong to, when one clearly dominates."""
        return self._country

    def remember(self, sentence: int, records: list[EventRecord], lemmas: list[str], words: frozenset[str]) -> None:
        """Keep the events of sentence number ``sentence`` (``lemmas``: each trigger's lemma;
        ``words``: the lemmas of the sentence's nouns)."""
        self._words[sentence] = words
        for record, lemma in zip(records, lemmas):
            if record.source_actors:
                self._events.append((sentence, record, lemma))

    def recall_word(self, sentence: int, word: str) -> Recalled | None:
        """The parties of the latest earlier event, a few sentences back, whose sentence names
        ``word``: "The UN Security Council adopted a resolution demanding ... The resolution calls
        on ..." (the resolution speaks for the council)."""
        for number, record, _ in reversed(self._events):
            if sentence - number > _REACH:
                break
            if number < sentence and word in self._words.get(number, frozenset()):
                return Recalled(record.source_actors, (), False, number)
        return None

    def recall(self, sentence: int, event_type: str, cameo: str, lemma: str) -> Recalled | None:
        """The parties of the latest earlier event of the same kind within a few sentences: same
        trigger word, or same PLOVER type and CAMEO family (the first two digits), or an agreement
        to do an event of that type."""
        for number, record, seen in reversed(self._events):
            if sentence - number > _REACH:
                break
            if number > sentence:
                continue
            if seen == lemma or (record.type == event_type and record.cameo[:2] == cameo[:2]) or _intends(record, event_type):
                return Recalled(record.source_actors, record.target_actors, record.mutual, number)
        return None


    def recent(self, sentence: int, event_type: str, cameo: str) -> EventRecord | None:
        """The latest event a few sentences back of this PLOVER type and CAMEO code."""
        for number, record, _ in reversed(self._events):
            if sentence - number > _REACH:
                break
            if number < sentence and record.type == event_type and record.cameo == cameo:
                return record
        return None

    def provoker(self, sentence: int, victims: frozenset[str]) -> tuple[ActorRef, ...]:
        """Who last acted against ``victims`` (country or organisation roots) a few sentences back,
        the doer of the latest hostile event aimed at them that none of them
        did ("India struck Pakistan ... Sharif vowed to retaliate")."""
        for number, record, _ in reversed(self._events):
            if sentence - number > _REACH:
                break
            if number > sentence or record.type not in _HOSTILE or record.status in ("hypothetical", "denied"):
                continue
            aimed = {actor.root for actor in record.target_actors if actor.root}
            doers = {actor.root for actor in record.source_actors if actor.root}
            if aimed & victims and doers and not doers & victims:
                return record.source_actors
        return ()


def _intends(record: EventRecord, event_type: str) -> bool:
    """Whether ``record`` is an agreement or promise to do an event of ``event_type``: "Israel and
    Hamas agreed to a truce ... The truce begins Thursday" (the truce's parties are the agreement's)."""
    return record.type == "AGREE" and (record.intended or "").split("/")[0] == event_type


def _dominant_country(actors: DocumentActors) -> str | None:
    by_id = {actor.id: actor for actor in actors.actors}
    counts: Counter[str] = Counter()
    for mention in actors.mentions:
        actor = by_id.get(mention.actor_id)
        if actor is not None and actor.country and actor.type != "igo":
            counts[actor.country] += 1
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    total = sum(counts.values())
    if count >= _DOMINANT_MENTIONS and count / total >= _DOMINANT_SHARE:
        return country
    return None
