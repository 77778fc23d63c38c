"""The records the event coder produces. An event's actors are :class:`~newsgraph.actors.records.ActorRef`
readings made by the actors stage (re-exported here)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from newsgraph.actors.records import NON_STATE_ROOTS, ActorRef
from newsgraph.registry import stage_spec

__all__ = ["EVENTS_VERSION", "NON_STATE_ROOTS", "STATUSES", "Status", "ActorRef", "EventRecord"]

EVENTS_VERSION = stage_spec("events").name
"""The name and version of this event coder, stored with what it finds (declared in
:data:`newsgraph.registry.STAGES`)."""

Status = Literal["asserted", "planned", "alleged", "denied", "hypothetical"]
STATUSES: tuple[Status, ...] = ("asserted", "planned", "alleged", "denied", "hypothetical")


@dataclass(frozen=True)
class EventRecord:
    """One PLOVER event found in a sentence.

    ``type`` is one of the 16 PLOVER types, ``mode`` a mode PLOVER defines for it (or None),
    ``cameo`` the CAMEO event code and ``goldstein`` its Goldstein score. ``source_actors`` did it to
    ``target_actors``; when ``mutual`` is true the sources acted on one another ("A and B met") and
    there is no separate target.

    ``status`` says how the text presents the event: ``asserted`` (it happened), ``planned`` (it is
    to happen), ``alleged`` (an identified party other than the source says it happened; that party
    is ``reported_by``), ``denied`` (someone denies it, or the text negates it) and ``hypothetical``
    (could, may, if). ``negated`` is true when the text itself negates the event ("did not attend"):
    such an event is never ``asserted``; its status is ``denied``.

    ``intended`` is set on an ``AGREE`` or ``THREATEN`` coded from a promised, planned or
    threatened action: the PLOVER type (and mode) of that action, as ``"CONSULT"`` or
    ``"AID/military"``. ``trigger_*`` locate the word that signals the event and
    ``evidence_*`` the sentence, as character offsets in the parsed text; ``rule`` names the rule
    that coded it. ``date_text`` and ``location`` are filled by later stages.

    ``confidence`` (in [0, 1]) is how sure the coder is of the event, computed from what the
    text around it shows (:mod:`newsgraph.events.confidence`). It has no default: whoever makes a
    record scores it.
    """

    type: str
    mode: str | None
    cameo: str
    goldstein: float
    source_actors: tuple[ActorRef, ...]
    target_actors: tuple[ActorRef, ...]
    status: Status
    reported_by: ActorRef | None
    negated: bool
    trigger_text: str
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    date_text: str | None = None
    location: str | None = None
    mutual: bool = False
    intended: str | None = None
    rule: str = ""
    confidence: float = field(kw_only=True)
    features: Mapping[str, float] | None = field(default=None, kw_only=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not (isinstance(self.confidence, (int, float)) and math.isfinite(self.confidence) and 0.0 <= self.confidence <= 1.0):
            raise ValueError(f"an event's confidence must be a number in [0, 1], got {self.confidence!r}")

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "source_actors": [actor.to_json() for actor in self.source_actors],
            "target_actors": [actor.to_json() for actor in self.target_actors],
            "mutual": self.mutual,
            "status": self.status,
            "reported_by": self.reported_by.to_json() if self.reported_by else None,
            "negated": self.negated,
            "intended": self.intended,
            "trigger": {"text": self.trigger_text, "start": self.trigger_start, "end": self.trigger_end},
            "evidence": {"start": self.evidence_start, "end": self.evidence_end},
            "date_text": self.date_text,
            "location": self.location,
            "rule": self.rule,
            "confidence": self.confidence,
            "coder": EVENTS_VERSION,
        }
