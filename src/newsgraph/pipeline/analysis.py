"""The working record of one article as it passes through the stages."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.actors.speakers import SpeakerEvidence
from newsgraph.actors.reading import ActorReading
from newsgraph.actors.records import DocumentActors
from newsgraph.amounts import Amount
from newsgraph.dates.expressions import TimeExpression
from newsgraph.events import EventRecord
from newsgraph.places import PlaceMention
from newsgraph.clean import Cleaned
from newsgraph.pipeline.budget import Budget
from newsgraph.quotes import QuoteSpan
from newsgraph.records import Metadata, RawArticle

__all__ = ["Analysis", "ANALYSIS_FIELDS", "DatedEvent", "FoundQuote"]


@dataclass(frozen=True)
class DatedEvent:
    """An event with its date (ISO, at its precision) and where it happened. ``date_basis`` says
    where the date came from: ``sentence``, ``context`` or ``article`` (None when undated);
    ``date_precision`` how precise it is: ``day``, ``week``, ``month``, ``year`` or ``range``."""

    event: EventRecord
    date: str | None
    location: PlaceMention | None
    date_basis: str | None = None
    date_precision: str | None = None


@dataclass(frozen=True)
class FoundQuote:
    """A quotation found in the body (``field="text"``) or the title, with its speaker's actor id,
    or why it has none (``speaker_unresolved_reason``), how the speaker was found
    (``speaker_how``), how sure newsgraph is of it (``confidence``, in [0, 1]) and what the
    attribution it is sure from looked like (``speaker_evidence``)."""

    field: str
    span: QuoteSpan
    speaker_actor_id: str | None
    speaker_unresolved_reason: str | None = None
    speaker_how: str | None = None
    confidence: float | None = None
    speaker_evidence: SpeakerEvidence | None = None


@dataclass
class Analysis:
    """What the stages have found so far about one article; ``None`` means "not yet assigned"."""

    raw: RawArticle
    cleaned: Cleaned | None = None
    metadata: Metadata | None = None
    parsed: Doc | None = None
    actors: DocumentActors | None = None
    reading: ActorReading | None = None
    quotes: list[FoundQuote] | None = None
    times: list[TimeExpression] | None = None
    places: list[PlaceMention] | None = None
    amounts: list[Amount] | None = None
    events: list[DatedEvent] | None = None
    # The article's time budget, when the pipeline has one: not a stage's output.
    budget: Budget | None = None


ANALYSIS_FIELDS = frozenset(
    {"raw", "cleaned", "metadata", "parsed", "actors", "reading", "quotes", "times", "places", "amounts", "events"}
)
