"""What the pipeline found in one article, as plain records the scorer can compare with gold.

The scorer does not depend on how the pipeline or the store keep their records: the caller turns
them into plain mappings (the fields of the export contract are enough) and
:meth:`Predictions.from_records` checks and types them. A malformed record is a bug in the caller,
so it raises ValueError rather than a user-facing error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from newsgraph.evaluation.gold import GOLD_QUOTE_KINDS, QUOTE_PLACES

__all__ = ["PredictedActor", "PredictedEvent", "PredictedMention", "PredictedParty", "PredictedQuote", "Predictions"]


@dataclass(frozen=True)
class PredictedActor:
    """An actor the pipeline resolved: its id, canonical name and, when known, other names.

    ``kb_id`` is its knowledge-base id when the pipeline found it there; when absent the ``id``
    itself is compared with the gold's knowledge-base id.
    """

    id: str
    name: str
    type: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None


@dataclass(frozen=True)
class PredictedMention:
    """A span of the clean body the pipeline linked to the actor ``actor_id``."""

    actor_id: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True)
class PredictedQuote:
    """A quotation the pipeline found.

    ``start``/``end`` are offsets into the clean body (or the title when ``where`` is ``title``);
    when they are None the quote is placed by searching its ``text``. ``confidence`` is how sure
    the pipeline is of the speaker, when it says; ``unresolved_reason`` why it has none, when it says.
    """

    text: str
    kind: str
    speaker_actor_id: str | None
    start: int | None = None
    end: int | None = None
    where: str = "body"
    speaker_text: str | None = None
    confidence: float | None = None
    unresolved_reason: str | None = None


@dataclass(frozen=True)
class PredictedParty:
    """One actor of a predicted event, as the event coder's ``ActorRef`` gives it.

    ``id`` is its knowledge-base id (None for an actor known only by its sector), ``country`` the
    ISO 3166 alpha-3 code it belongs to, ``code`` its CAMEO-style code. ``international`` is true for
    an actor of an international body (a CAMEO root such as ``IGO`` or ``NGO``) that has an id: it
    acts for that body, not for a country, even when it has one (a UN Secretary-General).
    """

    id: str | None
    country: str | None
    code: str | None = None
    international: bool = False


@dataclass(frozen=True)
class PredictedEvent:
    """An event the pipeline coded: its PLOVER type, parties, status and date, and where it is.

    ``evidence_start``/``evidence_end`` are offsets of its sentence in the clean body; ``mutual``
    events list both parties in ``sources``. ``date`` is ISO at the coder's precision (None when
    undated); ``confidence`` is the coder's own confidence in [0, 1] when it gives one.
    """

    id: str
    type: str
    sources: tuple[PredictedParty, ...]
    targets: tuple[PredictedParty, ...]
    status: str
    evidence_start: int
    evidence_end: int
    mutual: bool = False
    date: str | None = None
    trigger: str = ""
    confidence: float | None = None
    intended: str | None = None

    def fits_type(self, gold_type: str, gold_status: str) -> bool:
        """Whether this prediction codes a gold event of ``gold_type``. PLOVER codes a cooperative
        action reported as intended (a planned visit, a promised release) as AGREE with the
        intended action (``intended``: ``CONSULT``, ``RETREAT/release``); it is the same report as
        a planned or hypothetical event of that action's type."""
        if self.type == gold_type:
            return True
        intended = (self.intended or "").split("/")[0]
        return self.type == "AGREE" and intended == gold_type and gold_status in ("planned", "hypothetical")


@dataclass(frozen=True)
class Predictions:
    """Everything the pipeline found in one article."""

    actors: tuple[PredictedActor, ...] = ()
    mentions: tuple[PredictedMention, ...] = ()
    quotes: tuple[PredictedQuote, ...] = ()

    @classmethod
    def from_records(
        cls,
        actors: Iterable[Mapping[str, Any]] = (),
        mentions: Iterable[Mapping[str, Any]] = (),
        quotes: Iterable[Mapping[str, Any]] = (),
    ) -> Predictions:
        """Build predictions from plain records.

        Actors need ``id`` and ``name`` (``type``, ``country``, ``aliases``, ``kb_id`` optional);
        mentions ``actor_id``, ``start``, ``end`` (``text`` optional); quotes ``text``, ``kind``
        and ``speaker_actor_id`` (``start``, ``end``, ``where``, ``speaker_text`` optional). Other
        fields are ignored, so export records can be passed as they are.
        """
        return cls(
            actors=tuple(_actor(record) for record in actors),
            mentions=tuple(_mention(record) for record in mentions),
            quotes=tuple(_quote(record) for record in quotes),
        )

    def actor(self, actor_id: str) -> PredictedActor:
        """The actor with ``actor_id``, or a bare record holding only the id when the table lacks it."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return PredictedActor(id=actor_id, name="")


def _field(record: Mapping[str, Any], name: str, kinds: type | tuple[type, ...], *, required: bool = True) -> Any:
    if name not in record or record[name] is None:
        if required:
            raise ValueError(f"prediction record {dict(record)!r} lacks {name!r}")
        return None
    value = record[name]
    if not isinstance(value, kinds) or isinstance(value, bool):
        raise ValueError(f"prediction field {name!r} has the wrong type: {value!r}")
    return value


def _actor(record: Mapping[str, Any]) -> PredictedActor:
    aliases = record.get("aliases") or ()
    if isinstance(aliases, str) or not all(isinstance(alias, str) for alias in aliases):
        raise ValueError(f"actor aliases must be a list of strings: {aliases!r}")
    return PredictedActor(
        id=_field(record, "id", str),
        name=_field(record, "name", str),
        type=_field(record, "type", str, required=False),
        country=_field(record, "country", str, required=False),
        aliases=tuple(aliases),
        kb_id=_field(record, "kb_id", str, required=False),
    )


def _mention(record: Mapping[str, Any]) -> PredictedMention:
    start, end = _field(record, "start", int), _field(record, "end", int)
    if not 0 <= start <= end:
        raise ValueError(f"bad mention span {start}..{end}")
    return PredictedMention(
        actor_id=_field(record, "actor_id", str),
        start=start,
        end=end,
        text=_field(record, "text", str, required=False) or "",
    )


def _quote(record: Mapping[str, Any]) -> PredictedQuote:
    kind = _field(record, "kind", str)
    if kind not in GOLD_QUOTE_KINDS:
        raise ValueError(f"quote kind must be one of {GOLD_QUOTE_KINDS}, not {kind!r}")
    where = _field(record, "where", str, required=False) or "body"
    if where not in QUOTE_PLACES:
        raise ValueError(f"quote 'where' must be one of {QUOTE_PLACES}, not {where!r}")
    start, end = _field(record, "start", int, required=False), _field(record, "end", int, required=False)
    if (start is None) != (end is None) or (start is not None and not 0 <= start <= end):
        raise ValueError(f"bad quote span {start}..{end}")
    if "speaker_actor_id" not in record:
        raise ValueError(f"prediction record {dict(record)!r} lacks 'speaker_actor_id' (use None for no speaker)")
    return PredictedQuote(
        text=_field(record, "text", str),
        kind=kind,
        speaker_actor_id=_field(record, "speaker_actor_id", str, required=False),
        start=start,
        end=end,
        where=where,
        speaker_text=_field(record, "speaker_text", str, required=False),
        confidence=_field(record, "confidence", (int, float), required=False),
        unresolved_reason=_field(record, "speaker_unresolved_reason", str, required=False),
    )
