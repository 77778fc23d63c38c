"""Events a document reports more than once.

A news article tells its main events again and again: the lead, the quotation that confirms it,
the paragraph of detail ("Kim and Putin met in Pyongyang ... Their summit ... During the visit").
An event that another sentence of the same document reports again, with the same PLOVER type (or
the intended action of a promise or plan) and the same parties, is *echoed*: the confidence model weighs that as evidence, as linking weighs
the same event reported by several outlets.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.actors.records import NON_STATE_ROOTS, ActorRef
from newsgraph.events.records import EventRecord

__all__ = ["echoed"]


def echoed(events: Sequence[EventRecord]) -> list[bool]:
    """For each event, whether another sentence of the document reports an event of the same type
    between the same parties: every party of the one is a party of the other, in either role, at
    the level events are compared (a country with its ministries, army and people; an
    international organisation as itself). An event with no identified party echoes nothing."""
    parties = [_parties(event) for event in events]
    kinds = [_happening(event) for event in events]
    found = [False] * len(events)
    for first, event in enumerate(events):
        if not parties[first]:
            continue
        for second in range(first + 1, len(events)):
            other = events[second]
            if kinds[second] != kinds[first] or other.evidence_start == event.evidence_start or not parties[second]:
                continue
            if parties[first] <= parties[second] or parties[second] <= parties[first]:
                found[first] = found[second] = True
    return found


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
