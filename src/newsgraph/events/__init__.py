"""Events: who did what to whom, coded in the PLOVER ontology with the CAMEO code beside it.

:func:`extract_events` reads a parsed document and returns :class:`EventRecord` objects: the PLOVER
type and mode, the CAMEO code and its Goldstein score, the source and target actors
(:class:`ActorRef`), the status (asserted, planned, alleged, denied, hypothetical) and the evidence.
The ontology (:func:`load_ontology`) and the pattern dictionary (:func:`load_patterns`) are data
files in ``newsgraph/data/events``; the actors come from an :class:`ActorLookup`: in the pipeline,
the actors stage's one reading (:class:`~newsgraph.actors.reading.ActorReading`).
"""

from __future__ import annotations

from newsgraph.events.coder import extract_events
from newsgraph.actors.reading import ActorLookup
from newsgraph.events.ontology import PLOVER_TYPES, CameoCode, EventType, Ontology, load_ontology
from newsgraph.events.patterns import Pattern, PatternBook, load_patterns
from newsgraph.events.records import EVENTS_VERSION, STATUSES, ActorRef, EventRecord, Status

__all__ = [
    "EVENTS_VERSION",
    "PLOVER_TYPES",
    "STATUSES",
    "ActorLookup",
    "ActorRef",
    "CameoCode",
    "EventRecord",
    "EventType",
    "Ontology",
    "Pattern",
    "PatternBook",
    "Status",
    "extract_events",
    "load_ontology",
    "load_patterns",
]
