"""The shapes the HTTP API answers with, so ``/openapi.json`` describes each response and clients
can generate types from it. Every model names the fields a client can count on; records may carry
more (``extra`` fields are passed through, never dropped)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

__all__ = [
    "ActorDetail", "ActorRow", "ClaimRow", "DocumentDetail", "DocumentRow", "ErrorBody", "EventClusterRow",
    "EventDetail", "EventRow", "ListPage", "QuoteClusterRow", "QuoteRow", "SearchResult", "StoryDetail", "StoryRow",
    "Summary", "ClusterDetail",
]

T = TypeVar("T")


class _Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class ListPage(BaseModel, Generic[T]):
    """One page of a listing: ``items`` from ``offset``, ``total`` matching, ``next_offset`` the
    offset of the next page (null on the last)."""

    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[T]
    hidden_events: int | None = Field(None, description="Events matching but under min_confidence (lists of events).")
    counts: dict[str, int] | None = Field(None, description="Matches of each kind (search of several kinds).")

    @model_serializer(mode="wrap")
    def _only_what_applies(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # hidden_events and counts belong to some listings only: absent, not null, from the others.
        data: dict[str, Any] = handler(self)
        for name in ("hidden_events", "counts"):
            if data.get(name) is None:
                data.pop(name, None)
        return data


class DocumentRow(_Record):
    id: str
    title: str | None
    outlet: str | None
    published: str | None = Field(description="Publication date (ISO, as precise as known).")
    dateline: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    authors: list[str] = []


class ActorRow(_Record):
    id: str = Field(description="country:USA, person:vladimir-putin, ...")
    name: str
    type: str
    country: str | None = None
    code: str | None = Field(None, description="CAMEO actor code.")
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = []
    mentions: int = 0


class QuoteRow(_Record):
    id: str
    doc_id: str
    text: str
    kind: str = Field(description="direct, partial, indirect, ...")
    speaker_actor_id: str | None
    speaker_text: str | None
    evidence_text: str
    doc_title: str | None
    outlet: str | None
    published: str | None


class EventRow(_Record):
    id: str
    doc_id: str
    type: str = Field(description="PLOVER event type.")
    mode: str | None = None
    cameo: str
    goldstein: float
    status: str = Field(description="asserted, claimed, denied, planned, ...")
    negated: bool
    source_actor_ids: list[str]
    target_actor_ids: list[str]
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str = Field(description="The sentence reporting the event.")
    date: str | None = Field(description="The event's own date (ISO: 2024-06-19, 2024-W25, 2024-06 or 2024).")
    date_precision: str | None = Field(None, description="day, week, month, year or range (null: undated).")
    location_name: str | None = None
    location_country: str | None = None
    confidence: float | None = Field(description="How sure the coder is, 0-1 (null: stored before confidences).")
    when: str | None = Field(None, description="The event's date, else its article's publication day.")
    doc_title: str | None = None
    outlet: str | None = None
    published: str | None = None


class StoryRow(_Record):
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    n_articles: int
    n_outlets: int
    linker: str | None = None


class EventClusterRow(_Record):
    id: str
    type: str | None = None
    n_articles: int | None = None
    n_outlets: int | None = None


class QuoteClusterRow(_Record):
    id: str
    text: str | None = None
    n_articles: int | None = None
    n_outlets: int | None = None


class ClaimRow(_Record):
    id: str
    summary: str | None = None
    sides: list[dict[str, Any]] = []


class SearchResult(_Record):
    """A match: an event sentence (``record`` event, with ``event_ids`` and ``events``), a
    quotation (``quote``) or an article (``document``, with a ``snippet`` of its text)."""

    record: str = Field(description="event, quote or document")
    id: str
    score: float | None
    doc_id: str | None = None
    event_ids: list[str] | None = None
    snippet: str | None = None


class DocumentDetail(DocumentRow):
    text: str
    mentions: list[dict[str, Any]]
    quotes: list[QuoteRow]
    events: list[EventRow]
    places: list[dict[str, Any]]
    times: list[dict[str, Any]]
    near_duplicates: list[dict[str, Any]]
    story: dict[str, Any] | None
    hidden_events: int


class ActorDetail(ActorRow):
    relations: list[dict[str, Any]]
    hidden_events: int


class EventDetail(EventRow):
    cluster: dict[str, Any] | None


class StoryEvent(_Record):
    id: str
    doc_id: str
    type: str
    status: str
    source_actor_ids: list[str]
    target_actor_ids: list[str]
    confidence: float | None
    cluster_id: str | None = Field(description="The event cluster it belongs to (the same event in other articles).")


class StoryQuote(_Record):
    id: str
    doc_id: str
    text: str
    kind: str
    speaker_actor_id: str | None
    speaker_text: str | None
    cluster_id: str | None


class StoryDetail(StoryRow):
    documents: list[dict[str, Any]]
    events: list[StoryEvent]
    quotes: list[StoryQuote]
    event_clusters: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    hidden_events: int


class ClusterDetail(_Record):
    id: str
    members: list[dict[str, Any]] = []


class Summary(_Record):
    counts: dict[str, int]
    search_index_current: bool
    ingest_enabled: bool
    types: list[str]
    statuses: list[str]
    outlets: list[str]


class ErrorBody(BaseModel):
    error: dict[str, Any] = Field(description='{"status": 404, "code": "not_found", "message": "..."}')
