"""The HTTP API under ``/api``: documents, actors, quotes, events, stories, clusters, claims and
search, each listing filtered and paged (``limit``/``offset``, with ``total``), and ingest by POST
for a client holding the server's token. Described at ``/openapi.json``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request
from starlette.concurrency import run_in_threadpool

from newsgraph.web import links, queries
from newsgraph.web.database import Cursor, Db
from newsgraph.web.errors import ApiError
from newsgraph.web.filters import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Filters, parse_dyad
from newsgraph.web.posting import read_json_body, token_matches
from newsgraph.web.relations import relations

__all__ = ["router"]

router = APIRouter(prefix="/api")

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (1-{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (the next page starts at next_offset).")]
Actor = Annotated[str | None, Query(description="An actor id (country:USA) or name; records naming it.")]
Outlet = Annotated[str | None, Query(description="Only articles from this outlet (exact name).")]
DateFrom = Annotated[str | None, Query(description="From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
DateTo = Annotated[str | None, Query(description="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.")]
Text = Annotated[str | None, Query(description="Full-text search words.")]
Story = Annotated[str | None, Query(description="Only records of this story (a story id).")]


@router.get("", summary="What the database holds")
def summary(cur: Cursor, db: Db) -> dict[str, Any]:
    return {"counts": queries.counts(cur), "search_index_current": db.search_ready, "ingest_enabled": db.writable,
            **db.cached("event_kinds", queries.event_kinds)}


@router.get("/documents", summary="Documents, newest first")
def documents(cur: Cursor, db: Db, q: Text = None, outlet: Outlet = None, actor: Actor = None,
              date_from: DateFrom = None, date_to: DateTo = None, story: Story = None,
              limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(q=q, outlet=outlet, actor=actor, date_from=date_from, date_to=date_to, story=story,
                      limit=limit, offset=offset)
    return queries.list_documents(cur, filters, search_ready=db.search_ready).to_json()


@router.get("/documents/{doc_id}", summary="One document with its text, mentions, quotes and events")
def document(doc_id: str, cur: Cursor,
             raw: Annotated[bool, Query(description="Include the raw text as read.")] = False) -> dict[str, Any]:
    return queries.get_document(cur, doc_id, raw=raw)


@router.get("/actors", summary="Actors, most mentioned first")
def actors(cur: Cursor, db: Db, q: Annotated[str | None, Query(description="Part of a name or an alias.")] = None,
           type: Annotated[str | None, Query(description="country, person, organization, government...")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    return queries.list_actors(cur, Filters(q=q, type=type, limit=limit, offset=offset),
                               search_ready=db.search_ready).to_json()


@router.get("/actors/{actor_id}", summary="One actor with whom it met, accused, supported or threatened")
def actor(actor_id: str, cur: Cursor, db: Db) -> dict[str, Any]:
    found = queries.get_actor(cur, actor_id, search_ready=db.search_ready)
    found["relations"] = [relation.to_json() for relation in relations(cur, actor_id, summaries_ready=db.search_ready)]
    return found


@router.get("/quotes", summary="Quotations, newest article first")
def quote_list(cur: Cursor, db: Db, actor: Annotated[str | None, Query(description="The speaker (id or name).")] = None,
               kind: Annotated[str | None, Query(description="direct, partial, indirect...")] = None,
               doc: Annotated[str | None, Query(description="Only this document's quotes.")] = None,
               outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None, q: Text = None,
               story: Story = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(actor=actor, type=kind, doc=doc, outlet=outlet, date_from=date_from, date_to=date_to, q=q,
                      story=story, limit=limit, offset=offset)
    return queries.list_quotes(cur, filters, search_ready=db.search_ready).to_json()


@router.get("/events", summary="Events in time order (event date, else publication date)")
def event_list(cur: Cursor, db: Db, actor: Actor = None,
               dyad: Annotated[str | None, Query(description="SOURCE,TARGET: events from one actor to another.")] = None,
               type: Annotated[str | None, Query(description="A PLOVER type: CONSULT, ACCUSE, ...")] = None,
               status: Annotated[str | None, Query(description="asserted, claimed, denied, planned, ...")] = None,
               outlet: Outlet = None, date_from: DateFrom = None, date_to: DateTo = None, q: Text = None,
               doc: Annotated[str | None, Query(description="Only this document's events.")] = None,
               story: Story = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(actor=actor, dyad=parse_dyad(dyad), type=type, status=status, outlet=outlet, date_from=date_from,
                      date_to=date_to, q=q, doc=doc, story=story, limit=limit, offset=offset)
    return queries.list_events(cur, filters, search_ready=db.search_ready).to_json()


@router.get("/events/{event_id}", summary="One event, with the same event in other articles")
def event(event_id: str, cur: Cursor) -> dict[str, Any]:
    return queries.get_event(cur, event_id)


@router.get("/stories", summary="Stories, most widely reported first")
def story_list(cur: Cursor, q: Annotated[str | None, Query(description="Part of the title.")] = None,
               outlet: Outlet = None, actor: Actor = None, date_from: DateFrom = None, date_to: DateTo = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(q=q, outlet=outlet, actor=actor, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    return links.list_stories(cur, filters).to_json()


@router.get("/stories/{story_id}", summary="One story: its articles, event and quote clusters, contested claims")
def story(story_id: str, cur: Cursor, db: Db) -> dict[str, Any]:
    return links.get_story(cur, story_id, summaries_ready=db.search_ready)


@router.get("/event-clusters", summary="The same event as reported by several articles")
def event_clusters(cur: Cursor, story: Story = None, actor: Actor = None,
                   type: Annotated[str | None, Query(description="A PLOVER type.")] = None,
                   date_from: DateFrom = None, date_to: DateTo = None,
                   limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(story=story, actor=actor, type=type, date_from=date_from, date_to=date_to, limit=limit,
                      offset=offset)
    return links.list_event_clusters(cur, filters).to_json()


@router.get("/event-clusters/{cluster_id}", summary="One event cluster with its member events")
def event_cluster(cluster_id: str, cur: Cursor) -> dict[str, Any]:
    return links.get_event_cluster(cur, cluster_id)


@router.get("/quote-clusters", summary="The same quotation as reported by several articles")
def quote_clusters(cur: Cursor, story: Story = None, actor: Annotated[str | None, Query(description="The speaker.")] = None,
                   q: Annotated[str | None, Query(description="Words in the quotation.")] = None,
                   date_from: DateFrom = None, date_to: DateTo = None,
                   limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    filters = Filters(story=story, actor=actor, q=q, date_from=date_from, date_to=date_to, limit=limit, offset=offset)
    return links.list_quote_clusters(cur, filters).to_json()


@router.get("/quote-clusters/{cluster_id}", summary="One quote cluster with its member quotations")
def quote_cluster(cluster_id: str, cur: Cursor) -> dict[str, Any]:
    return links.get_quote_cluster(cur, cluster_id)


@router.get("/claims", summary="Contested claims: events some assert or allege and others deny")
def claims(cur: Cursor, story: Story = None, q: Annotated[str | None, Query(description="Words in the summary.")] = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    return links.list_claims(cur, Filters(story=story, q=q, limit=limit, offset=offset)).to_json()


@router.get("/search", summary="Full-text search over quotes or events, best match first")
def search(cur: Cursor, db: Db, q: Annotated[str, Query(description="Words to search for.")],
           kind: Annotated[str, Query(description="quotes or events")] = "quotes",
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
    return queries.search(cur, q, kind, Filters(limit=limit, offset=offset), search_ready=db.search_ready).to_json()


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
