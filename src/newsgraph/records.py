"""The typed records passed between ingest stages and stored in the database.

A leaf module: it imports no stage, so reading or writing records (the command line, the store,
the web pages) never loads the language tools. The records of the stages it holds (actors,
times, places, amounts) are named for the type checker only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from newsgraph.textmap import OffsetMap, Removal

if TYPE_CHECKING:
    from newsgraph.actors.records import ActorRecord, MentionRecord
    from newsgraph.amounts import Amount
    from newsgraph.dates.expressions import TimeExpression
    from newsgraph.places import PlaceMention

__all__ = ["RawArticle", "Evidence", "Caption", "Metadata", "Quote", "Event", "Document"]


@dataclass(frozen=True)
class RawArticle:
    """One article as a reader found it, before any cleaning.

    ``source`` is the path or URL it came from, with ``#L<n>`` or ``#NEWID=<n>`` for one record
    of a file holding many. ``raw_text`` is the decoded text that cleaning starts from (for HTML,
    the text the extraction library took out of the page). ``given`` holds metadata the input
    format states outright (a JSON Lines ``title``, a Reuters ``<DATE>``), keyed like
    :class:`Metadata` fields. ``site_lines`` holds the keys of the lines its outlet repeats across
    the documents ingested with it (:mod:`newsgraph.clean.site_lines`), which cleaning removes.
    """

    source: str
    format: str
    raw_text: str
    raw_sha: str
    given: dict[str, Any] = field(default_factory=dict)
    site_lines: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Evidence:
    """Where a metadata value was read: the raw span, its words and the rule that read it."""

    raw_start: int
    raw_end: int
    text: str
    rule: str

    def to_json(self) -> dict[str, Any]:
        return {"raw_start": self.raw_start, "raw_end": self.raw_end, "text": self.text, "rule": self.rule}


@dataclass(frozen=True)
class Caption:
    """A photo caption taken out of the body, with its credit line if it had one."""

    text: str
    credit: str | None
    raw_start: int
    raw_end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit, "raw_start": self.raw_start, "raw_end": self.raw_end}


@dataclass
class Metadata:
    """What an article says about itself. Every field found in the text has its evidence.

    ``published`` is an ISO 8601 date at the precision known (``2024-06-18``, ``2024-06``,
    ``2024``); ``published_confidence`` is 1.0 for an explicit stamp and lower for an inferred date.
    """

    title: str | None = None
    outlet: str | None = None
    agencies: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)
    dateline: str | None = None
    published: str | None = None
    published_confidence: float | None = None
    url: str | None = None
    language: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass(frozen=True)
class Quote:
    """A quotation as stored: the words, their speaker resolved to an actor, and the evidence.

    ``field`` says where the offsets point: ``text`` (the clean body) or ``title``. ``kind`` is
    ``direct``, ``partial`` or ``indirect``; ``carried_from`` is the id of the quotation whose
    attribution this one continues. ``speaker_actor_id`` is None when the speaker is unresolved,
    and ``speaker_unresolved_reason`` then says why (a key of
    :data:`newsgraph.actors.speakers.UNRESOLVED_REASONS`: ``no attribution``, ``unnamed source``,
    ...). ``confidence`` (in [0, 1]) is how sure newsgraph is of the speaker, None for quotations
    stored before quotations had one.
    """

    id: str
    field: str
    start: int
    end: int
    text: str
    kind: str
    speaker_actor_id: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    reporter_text: str | None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    carried_from: str | None = None
    speaker_unresolved_reason: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Event:
    """An event as stored: PLOVER type and mode, CAMEO code and Goldstein score, its actors (ids
    where resolved, CAMEO codes always), status, date and how it was found (``date_basis``:
    ``sentence``, ``context``, ``article`` or None) and its precision (``date_precision``: ``day``,
    ``week``, ``month``, ``year``, ``range`` or None), place, evidence, and how sure the coder is
    of it (``confidence``, in [0, 1])."""

    id: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    source_actor_ids: list[str]
    source_actor_codes: list[str]
    target_actor_ids: list[str]
    target_actor_codes: list[str]
    status: str
    reported_by_actor_id: str | None
    negated: bool
    trigger_text: str
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    date: str | None
    date_text: str | None
    date_basis: str | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    intended: str | None
    mutual: bool
    confidence: float
    date_precision: str | None = None


@dataclass
class Document:
    """A cleaned, stored article: the unit every later stage reads."""

    id: str
    source: str
    format: str
    raw_sha: str
    raw_text: str
    text: str
    offset_map: OffsetMap
    metadata: Metadata
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    quote_marks: dict[str, int] = field(default_factory=dict)
    version_of: str | None = None
    actors: list[ActorRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
