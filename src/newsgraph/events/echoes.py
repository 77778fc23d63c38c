"""Events a document reports more than once.

A news article tells its main events again and again: the lead, the quotation that confirms it,
the paragraph of detail ("Kim and Putin met in Pyongyang ... Their summit ... During the visit").
An event that another sentence of the same document reports again, with the same PLOVER type (or
the intended action of a promise or plan) and the same parties, is *echoed*: the confidence
model weighs that as evidence, as linking weighs the same event reported by several outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsgraph.actors.records import NON_STATE_ROOTS, ActorRef
from newsgraph.events.records import EventRecord

__all__ = ["echoed"]

# Parties beyond these are left out of the lookup (an event names rarely more than four).
_MOST_PARTIES = 6


def echoed(events: Sequence[EventRecord]) -> list[bool]:
    """For each event, whether another sentence of the document reports an event of the same type
    between the same parties: every party of the one is a party of the other, in either role, at
    the level events are compared (a country with its ministries, army and people; an
    international organisation as itself). An event with no identified party echoes nothing.

    Each event is looked up by its parties' subsets (an event has a handful of parties), so a long
    article costs time in proportion to its events."""
    keys = [(_happening(event), _parties(event)) for event in events]
    exactly: dict[tuple[str, frozenset[str]], set[int]] = defaultdict(set)  # events with these parties
    within: dict[tuple[str, frozenset[str]], set[int]] = defaultdict(set)  # events with these among theirs
    for event, (kind, parties) in zip(events, keys):
        if not parties:
            continue
        _add(exactly[(kind, parties)], event.evidence_start)
        for subset in _subsets(parties):
            _add(within[(kind, subset)], event.evidence_start)
    found = []
    for event, (kind, parties) in zip(events, keys):
        sentences: set[int] = set(within.get((kind, parties), ())) if parties else set()
        for subset in _subsets(parties):
            sentences |= exactly.get((kind, subset), set())
        found.append(any(start != event.evidence_start for start in sentences))
    return found


def _add(sentences: set[int], start: int) -> None:
    """Remember at most two sentences per key: enough to tell whether another one exists."""
    if len(sentences) < 2:
        sentences.add(start)


def _subsets(parties: frozenset[str]) -> list[frozenset[str]]:
    members = sorted(parties)[:_MOST_PARTIES]
    return [
        frozenset(member for bit, member in enumerate(members) if mask >> bit & 1)
        for mask in range(1, 1 << len(members))
    ]


def _happening(event: EventRecord) -> str:
    """The kind of happening an event reports: a promise or plan coded AGREE or THREATEN reports
    the action it intends ("will visit Hanoi" and "the visit" are one happening)."""
    return (event.intended or event.type).split("/")[0]


def _parties(event: EventRecord) -> frozenset[str]:
    return frozenset(key for ref in (*event.source_actors, *event.target_actors) if (key := _party(ref)) is not None)


def _party(ref: ActorRef) -> str | None:
    if ref.code and ref.id is not None and ref.code[:3] in NON_STATE_ROOTS:
        return ref.id
    return ref.country or ref.id
