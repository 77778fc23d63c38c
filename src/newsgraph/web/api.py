"""The HTTP API under ``/api``: documents, actors, quotes, events, stories, clusters, claims and
search, each listing filtered and paged (``limit``/``offset``, with ``total``), and ingest by POST
for a client holding the server's token. Described at ``/openapi.json``.

What returns events takes ``min_confidence`` (0-1, default the server's event threshold; 0 returns
every event) and says how many events it left out (``hidden_events``).

Every listing also downloads whole: ``format=csv`` or ``format=json`` returns every row its filters
match (not one page) as a file; events download as the flat analyst table, ``layout=events``
(one row per event), ``dyads`` (per source-target pair) or ``gdelt`` (GDELT 2.0's columns)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from newsgraph.web import links, queries
from newsgraph.web.database import Cursor, Db, Threshold
from newsgraph.web.downloads import check_format, download, event_download
from newsgraph.web.errors import ApiError
from newsgraph.web.filters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Filters, Page, confidence_floor, over_threshold, parse_dyad
from newsgraph.web.models import (
    ActorDetail,
    ActorRow,
    ClaimRow,
    ClusterDetail,
    DocumentDetail,
    DocumentRow,
    ErrorBody,
    EventClusterRow,
    EventDetail,
    EventRow,
    ListPage,
    QuoteClusterRow,
    QuoteRow,
    SearchResult,
    StoryDetail,
    StoryRow,
    Summary,
)
from newsgraph.web.search import search as search_all
from newsgraph.web.posting import read_json_body, token_matches
from newsgraph.web.relations import hidden_relation_events, relations

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A filter or paging value the API cannot use"},
    404: {"model": ErrorBody, "description": "No record with that id"},
}
router = APIRouter(prefix="/api", responses=_ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (the next page starts at next_offset).")]
Actor = Annotated[str | None, Query(description="An actor id (country:USA) or name; records naming it.")]
Outlet = Annotated[str | None, Query(description="Only articles from this outlet (exact name).")]
DateFrom = Annotated[str | None, Query(description="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
DateTo = Annotated[str | None, Query(description="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
Text = Annotated[str | None, Query(description="Full-text search words.")]
Story = Annotated[str | None, Query(description="Only records of this story (a story id).")]
Format = Annotated[str | None, Query(
    description="csv or json: download every row the filters match as a file (paging ignored).")]
Layout = Annotated[str, Query(description="With format: events (a row per event), dyads (per source-target pair) "
                                          "or gdelt (GDELT 2.0's columns).")]
MinConfidence = Annotated[float | None, Query(
    ge=0, le=1, description="Only events with a confidence at or over this (0-1; default: the server's event "
    "threshold; 0: every event). Events of unknown confidence are always kept.")]


def _listing(page: Page, fmt: str | None, name: str) -> Any:
    return download(page.items, fmt, name) if fmt else page.to_json()


@router.get("", summary="What the database holds", response_model=Summary)
def summary(cur: Cursor, db: Db) -> dict[str, Any]:
    return {"counts": queries.counts(cur), "search_index_current": db.search_ready, "ingest_enabled": db.writable,
            **db.cached("event_kinds", queries.event_kinds)}


@router.get("/documents", summary="Documents, newest first", response_model=ListPage[DocumentRow])
def documents(cur: Cursor, db: Db, q: Text = None, outlet: Outlet = None, actor: Actor = None,
              date_from: DateFrom = None, date_to: DateTo = None, story: Story = None,
              limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(q=q, outlet=outlet, actor=actor, date_from=date_from, date_to=date_to, story=story,
                      limit=limit, offset=offset, download=format is not None)
    return _listing(queries.list_documents(cur, filters, search_ready=db.search_ready), format, "documents")


@router.get("/documents/{doc_id}", summary="One document with its text, mentions, quotes and events",
            response_model=DocumentDetail)
def document(doc_id: str, cur: Cursor, threshold: Threshold,
             raw: Annotated[bool, Query(description="Include the raw text as read.")] = False,
             min_confidence: MinConfidence = None) -> dict[str, Any]:
    found = queries.get_document(cur, doc_id, raw=raw)
    floor = confidence_floor(min_confidence, threshold)
    found["events"], found["hidden_events"] = over_threshold(found["events"], floor)
    return found


@router.get("/actors", summary="Actors, most mentioned first", response_model=ListPage[ActorRow])
def actors(cur: Cursor, db: Db, q: Annotated[str | None, Query(description="Part of a name or an alias.")] = None,
           type: Annotated[str | None, Query(description="country, person, organization, government...")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(q=q, type=type, limit=limit, offset=offset, download=format is not None)
    return _listing(queries.list_actors(cur, filters, search_ready=db.search_ready), format, "actors")


@router.get("/actors/{actor_id}", summary="One actor with whom it met, accused, supported or threatened",
            response_model=ActorDetail)
def actor(actor_id: str, cur: Cursor, db: Db, threshold: Threshold, min_confidence: MinConfidence = None) -> dict[str, Any]:
    found = queries.get_actor(cur, actor_id, search_ready=db.search_ready)
    floor = confidence_floor(min_confidence, threshold)
    found["relations"] = [relation.to_json() for relation in relations(
        cur, actor_id, summaries_ready=db.search_ready, min_confidence=floor)]
    found["hidden_events"] = hidden_relation_events(cur, actor_id, floor, summaries_ready=db.search_ready)
    return found


@router.get("/quotes", summary="Quotations, newest article first", response_model=ListPage[QuoteRow])
def quote_list(cur: Cursor, db: Db, actor: Annotated[str | None, Query(description="The speaker (id or name).")] = None,
               kind: Annotated[str | None, Query(description="direct, partial, indirect...")] = None,
               doc: Annotated[str | None, Query(description="Only this document's quotes.")] = None,
               outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None, q: Text = None,
               story: Story = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(actor=actor, type=kind, doc=doc, outlet=outlet, date_from=date_from, date_to=date_to, q=q,
                      story=story, limit=limit, offset=offset, download=format is not None)
    return _listing(queries.list_quotes(cur, filters, search_ready=db.search_ready), format, "quotes")


@router.get("/events", summary="Events in time order (event date, else publication date)",
            response_model=ListPage[EventRow])
def event_list(cur: Cursor, db: Db, threshold: Threshold, actor: Actor = None,
               dyad: Annotated[str | None, Query(description="SOURCE,TARGET: events from one actor to another.")] = None,
               type: Annotated[str | None, Query(description="A PLOVER type: CONSULT, ACCUSE, ...")] = None,
               status: Annotated[str | None, Query(description="asserted, claimed, denied, planned, ...")] = None,
               outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None, q: Text = None,
               doc: Annotated[str | None, Query(description="Only this document's events.")] = None,
               location: Annotated[str | None, Query(description="Only events at this place (its name).")] = None,
               story: Story = None, min_confidence: MinConfidence = None, limit: Limit = DEFAULT_LIMIT,
               offset: Offset = 0, format: Format = None, layout: Layout = "events") -> Any:
    check_format(format, layout)
    filters = Filters(actor=actor, dyad=parse_dyad(dyad), type=type, status=status, outlet=outlet, date_from=date_from,
                      date_to=date_to, q=q, doc=doc, story=story, location=location,
                      min_confidence=confidence_floor(min_confidence, threshold), limit=limit, offset=offset)
    if format:
        ids = queries.matching_event_ids(cur, filters, search_ready=db.search_ready)
        return event_download(cur, ids, format, layout, "events" if layout == "events" else f"events-{layout}")
    return queries.list_events(cur, filters, search_ready=db.search_ready).to_json()


@router.get("/events/{event_id}", summary="One event, with the same event in other articles", response_model=EventDetail)
def event(event_id: str, cur: Cursor) -> dict[str, Any]:
    return queries.get_event(cur, event_id)


@router.get("/stories", summary="Stories, most widely reported first", response_model=ListPage[StoryRow])
def story_list(cur: Cursor, q: Annotated[str | None, Query(description="Part of the title.")] = None,
               outlet: Outlet = None, actor: Actor = None, date_from: DateFrom = None, date_to: DateTo = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(q=q, outlet=outlet, actor=actor, date_from=date_from, date_to=date_to, limit=limit, offset=offset,
                      download=format is not None)
    return _listing(links.list_stories(cur, filters), format, "stories")


@router.get("/stories/{story_id}", summary="One story: its articles, event and quote clusters, contested claims",
            response_model=StoryDetail)
def story(story_id: str, cur: Cursor, db: Db, threshold: Threshold, min_confidence: MinConfidence = None) -> dict[str, Any]:
    found = links.get_story(cur, story_id, summaries_ready=db.search_ready)
    floor = confidence_floor(min_confidence, threshold)
    found["events"], found["hidden_events"] = over_threshold(found["events"], floor)
    return found


@router.get("/event-clusters", summary="The same event as reported by several articles",
            response_model=ListPage[EventClusterRow])
def event_clusters(cur: Cursor, story: Story = None, actor: Actor = None,
                   type: Annotated[str | None, Query(description="A PLOVER type.")] = None,
                   date_from: DateFrom = None, date_to: DateTo = None,
                   limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(story=story, actor=actor, type=type, date_from=date_from, date_to=date_to, limit=limit,
                      offset=offset, download=format is not None)
    return _listing(links.list_event_clusters(cur, filters), format, "event-clusters")


@router.get("/event-clusters/{cluster_id}", summary="One event cluster with its member events",
            response_model=ClusterDetail)
def event_cluster(cluster_id: str, cur: Cursor) -> dict[str, Any]:
    return links.get_event_cluster(cur, cluster_id)


@router.get("/quote-clusters", summary="The same quotation as reported by several articles",
            response_model=ListPage[QuoteClusterRow])
def quote_clusters(cur: Cursor, story: Story = None, actor: Annotated[str | None, Query(description="The speaker.")] = None,
                   q: Annotated[str | None, Query(description="Words in the quotation.")] = None,
                   date_from: DateFrom = None, date_to: DateTo = None,
                   limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(story=story, actor=actor, q=q, date_from=date_from, date_to=date_to, limit=limit, offset=offset,
                      download=format is not None)
    return _listing(links.list_quote_clusters(cur, filters), format, "quote-clusters")


@router.get("/quote-clusters/{cluster_id}", summary="One quote cluster with its member quotations",
            response_model=ClusterDetail)
def quote_cluster(cluster_id: str, cur: Cursor) -> dict[str, Any]:
    return links.get_quote_cluster(cur, cluster_id)


@router.get("/claims", summary="Contested claims: events some assert or allege and others deny",
            response_model=ListPage[ClaimRow])
def claims(cur: Cursor, story: Story = None, q: Annotated[str | None, Query(description="Words in the summary.")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Any:
    check_format(format)
    filters = Filters(story=story, q=q, limit=limit, offset=offset, download=format is not None)
    return _listing(links.list_claims(cur, filters), format, "claims")


@router.get("/search", summary="Full-text search over events, quotes and the articles' text, best match first",
            response_model=ListPage[SearchResult])
def search(cur: Cursor, db: Db, threshold: Threshold, q: Annotated[str, Query(description="Words to search for.")],
           kind: Annotated[str, Query(description="all (events, then quotes, then articles), events (one result per "
                                                  "sentence), quotes or documents")] = "all",
           min_confidence: MinConfidence = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
           format: Format = None) -> Any:
    check_format(format)
    filters = Filters(min_confidence=confidence_floor(min_confidence, threshold), limit=limit, offset=offset,
                      download=format is not None)
    return _listing(search_all(cur, q, kind, filters, search_ready=db.search_ready), format, "search")


_POST_BODY = {
    "required": True,
    "content": {"application/json": {"schema": {"type": "object", "example": {"articles": [
        {"text": "...", "title": "...", "url": "...", "date": "2026-03-10", "outlet": "...", "authors": ["..."]}]}}}},
}


@router.post("/documents", summary="Ingest articles (needs the server's token)", status_code=200,
             openapi_extra={"requestBody": _POST_BODY})
async def post_documents(request: Request,
                         authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None) -> dict[str, Any]:
    """The token is checked before a byte of the body is read, and the body is read only up to the
    server's ``max_article_mb``: a larger one is refused (413) without reading the rest."""
    token: str | None = request.app.state.token
    if token is None:
        raise ApiError(403, "this server is read-only; start it with --token to accept articles", "read_only")
    if not token_matches(token, authorization):
        raise ApiError(401, "send the server's token as 'Authorization: Bearer TOKEN'")
    payload = await read_json_body(request, request.app.state.max_body_bytes)
    poster: Callable[[Any], dict[str, Any]] = request.app.state.poster.post
    return await run_in_threadpool(poster, payload)
