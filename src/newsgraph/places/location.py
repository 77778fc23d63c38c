"""Where the event of one sentence happened.

:func:`event_location` looks, among the places of the sentence whose role is ``location``, for one
that hangs on the event's word or its clause: the parse path from the place up to the event's
word may pass through prepositions and nouns ("talks at the palace", "the sidelines of a forum
held in St. Petersburg") but not through another verb, which would start another clause ("said in
Seoul that Pyongyang fired ...": Seoul is where it was said, not where the missiles were fired).

The event's word stands for its clause together with:

- the verb a nominal event is the subject or object of ("hold a summit in Pyongyang": the summit
  is where it is held);
- the verb whose complement it is ("is due to hold talks in Pyongyang", "plans to visit ...");
- less closely, the verb of which it is the purpose ("was at the airport to greet him": the
  greeting was at the airport).

A place standing for an actor is never an event's location: in "Pyongyang accused Seoul" there is
none. Nor is a place below a preposition of purpose or topic ("provided missiles for use in
Ukraine", "pledged support amid the war in Ukraine"). Among several attached places, the closest
to the event's word wins, then the more precise (a facility, then a city, a region, a country).
A facility is returned as found: its coordinates are its city's when the text names one, else
its country's (see :class:`~newsgraph.places.mention.PlaceMention`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.places.finder import find_places
from newsgraph.places.mention import PlaceMention

__all__ = ["event_location", "attachment"]

_PRECISION_RANK = {"facility": 0, "city": 1, "region": 2, "country": 3}
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
_VERBS = frozenset({"VERB", "AUX"})
# Prepositions that introduce a purpose, a topic or a circumstance: a place below them belongs
# to that phrase, not to the event ("support for the war in Ukraine", "amid the war in Ukraine").
_DETACHING = frozenset(
    "for against about toward towards regarding concerning despite like unlike including amid amidst over".split()
)


def _anchors(trigger: Token) -> dict[int, int]:
    """The tokens that stand for the event's clause, by closeness (0 closest)."""
    anchors = {trigger.i: 0}
    head = trigger.head
    if head.i == trigger.i:
        return anchors
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in _ARGUMENTS and head.pos_ in _VERBS:
        anchors.setdefault(head.i, 0)
    if trigger.dep_ == "xcomp":
        anchors.setdefault(head.i, 0)
    if trigger.dep_ == "advcl" and any(child.dep_ == "aux" and child.lower_ == "to" for child in trigger.children):
        anchors.setdefault(head.i, 1)
    return anchors


def attachment(place_root: Token, anchors: dict[int, int]) -> tuple[int, int] | None:
    """How closely a place hangs on the event: (anchor closeness, parse steps), or None when the
    path up from the place reaches another clause's verb or the sentence root first, or passes a
    preposition of purpose or topic above the place's own ("missiles for use in Ukraine" were not
    provided in Ukraine)."""
    token, steps, prepositions = place_root, 0, 0
    while True:
        if token.i in anchors:
            return anchors[token.i], steps
        parent = token.head
        if parent.i == token.i:
            return None
        participle = parent.dep_ == "acl" and parent.tag_ == "VBN"
        if parent.pos_ in _VERBS and parent.i not in anchors and not participle:
            return None
        if parent.dep_ in ("prep", "agent", "dative"):
            prepositions += 1
            if prepositions > 1 and parent.lower_ in _DETACHING:
                return None
        token, steps = parent, steps + 1


def event_location(
    doc: Doc,
    sentence_start: int,
    sentence_end: int,
    trigger_index: int,
    places: Sequence[PlaceMention] | None = None,
    country_hint: str | None = None,
) -> PlaceMention | None:
    """The place where the event of one sentence happened, or None when the sentence does not say.

    ``sentence_start``/``sentence_end`` are character offsets of the sentence in ``doc.text`` (as
    every span newsgraph stores); ``trigger_index`` is the index in ``doc`` of the token that
    names the event (its verb, or a noun such as "summit" or "visit"). ``places`` are the doc's
    places from :func:`~newsgraph.places.find_places`: pass them when asking about many events of
    one doc, else they are found again (with ``country_hint``) on every call.
    """
    if not 0 <= trigger_index < len(doc):
        raise IndexError(f"trigger index {trigger_index} is outside the doc's {len(doc)} tokens")
    found = find_places(doc, country_hint) if places is None else places
    anchors = _anchors(doc[trigger_index])
    trigger_char = doc[trigger_index].idx
    best: tuple[tuple[int, int, int, int], PlaceMention] | None = None
    for place in found:
        if place.role != "location" or place.start < sentence_start or place.end > sentence_end:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        attached = attachment(span.root, anchors)
        if attached is None:
            continue
        rank = (*attached, _PRECISION_RANK[place.kind], abs(place.start - trigger_char))
        if best is None or rank < best[0]:
            best = (rank, place)
    return best[1] if best else None
