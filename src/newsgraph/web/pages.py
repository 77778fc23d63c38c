"""The pages a person reads: home, documents, article, actors, actor, timeline, stories, story,
search. Each reads the database through the same queries as the API and renders a template with
autoescaping on, so nothing from an article reaches the page as markup."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import duckdb
import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from newsgraph.store import id_list
from newsgraph.web import links, queries
from newsgraph.web.database import Cursor, Db
from newsgraph.web.filters import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    Filters,
    Page,
    fetch_dicts,
    parse_dyad,
)
from newsgraph.web.highlight import highlight, marks_of
from newsgraph.web.relations import network_svg, relations

__all__ = ["Pages", "router"]

TEMPLATES = Path(__file__).resolve().parent / "templates"


class Pages:
    """The template environment (autoescape on for every template)."""

    def __init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
            trim_blocks=True, lstrip_blocks=True,
        )
        self.env.filters["q"] = lambda value: quote(str(value), safe=":")
        # Only web addresses become links: escaping cannot stop a javascript: address running.
        self.env.filters["web_link"] = lambda value: str(value).lower().startswith(("http://", "https://"))
        self.env.globals["page_url"] = _page_url

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)


def _page_url(path: str, params: dict[str, Any], offset: int) -> str:
    """``path`` with the same filters and another offset."""
    kept = {key: value for key, value in params.items() if value not in (None, "") and key != "offset"}
    if offset:
        kept["offset"] = offset
    return path + ("?" + urlencode(kept) if kept else "")


router = APIRouter(include_in_schema=False)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Field = Annotated[str | None, Query()]


def _blank(value: str | None) -> str | None:
    # An empty form field means "no filter".
    return value.strip() or None if value else None


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    pages: Pages = request.app.state.pages
    return HTMLResponse(pages.render(name, path=request.url.path, **context))


def _names(cur: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], *columns: str) -> dict[str, str]:
    ids: set[str] = set()
    for row in rows:
        for column in columns:
            value = row.get(column)
            if isinstance(value, list):
                ids.update(value)
            elif isinstance(value, str):
                ids.add(value)
    return links.actor_names(cur, ids)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, cur: Cursor, db: Db) -> HTMLResponse:
    stories = links.list_stories(cur, Filters(limit=10))
    actors = queries.list_actors(cur, Filters(limit=15), search_ready=db.search_ready)
    return _render(request, "home.html", counts=queries.counts(cur), stories=stories, actors=actors)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, cur: Cursor, db: Db, q: Field = None, outlet: Field = None, actor: Field = None,
              date_from: Field = None, date_to: Field = None, limit: Limit = DEFAULT_LIMIT,
              offset: Offset = 0) -> HTMLResponse:
    params = {"q": _blank(q), "outlet": _blank(outlet), "actor": _blank(actor), "date_from": _blank(date_from),
              "date_to": _blank(date_to)}
    filters = Filters(q=params["q"], outlet=params["outlet"], actor=params["actor"], date_from=params["date_from"],
                      date_to=params["date_to"], limit=limit, offset=offset)
    page = queries.list_documents(cur, filters, search_ready=db.search_ready)
    kinds = db.cached("event_kinds", queries.event_kinds)
    return _render(request, "documents.html", page=page, params=params, kinds=kinds)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, cur: Cursor) -> HTMLResponse:
    found = queries.get_document(cur, doc_id, raw=True)
    names = _names(cur, found["events"], "source_actor_ids", "target_actor_ids")
    names.update(_names(cur, found["quotes"], "speaker_actor_id"))
    body = highlight(found["text"], marks_of(found))
    return _render(request, "document.html", doc=found, body=body, names=names)


@router.get("/events/{event_id}")
def event(event_id: str, cur: Cursor) -> RedirectResponse:
    """An event's sentence in its article."""
    found = queries.get_event(cur, event_id)
    return RedirectResponse(f"/documents/{quote(found['doc_id'])}#event-{quote(event_id)}", status_code=303)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, cur: Cursor, db: Db, q: Field = None, type: Field = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = {"q": _blank(q), "type": _blank(type)}
    page = queries.list_actors(cur, Filters(q=params["q"], type=params["type"], limit=limit, offset=offset),
                               search_ready=db.search_ready)
    return _render(request, "actors.html", page=page, params=params)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, cur: Cursor, db: Db) -> HTMLResponse:
    found = queries.get_actor(cur, actor_id, search_ready=db.search_ready)
    found_relations = relations(cur, actor_id, summaries_ready=db.search_ready)
    said = queries.list_quotes(cur, Filters(actor=actor_id, limit=50), search_ready=db.search_ready)
    return _render(request, "actor.html", actor=found, relations=found_relations, quotes=said,
                   graph=network_svg(actor_id, found["name"], found_relations))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, cur: Cursor, db: Db, actor: Field = None, dyad: Field = None, type: Field = None,
             status: Field = None, outlet: Field = None, date_from: Field = None, date_to: Field = None,
             q: Field = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = {"actor": _blank(actor), "dyad": _blank(dyad), "type": _blank(type), "status": _blank(status),
              "outlet": _blank(outlet), "date_from": _blank(date_from), "date_to": _blank(date_to), "q": _blank(q)}
    filters = Filters(actor=params["actor"], dyad=parse_dyad(params["dyad"]), type=params["type"],
                      status=params["status"], outlet=params["outlet"], date_from=params["date_from"],
                      date_to=params["date_to"], q=params["q"], limit=limit, offset=offset)
    page = queries.list_events(cur, filters, search_ready=db.search_ready)
    _attach_reports(cur, page)
    names = _names(cur, page.items, "source_actor_ids", "target_actor_ids")
    kinds = db.cached("event_kinds", queries.event_kinds)
    return _render(request, "timeline.html", page=page, params=params, names=names, kinds=kinds)


def _attach_reports(cur: duckdb.DuckDBPyConnection, page: Page) -> None:
    """Give each event the sentences reporting it in every article: its cluster's members, or itself."""
    ids = [item["id"] for item in page.items]
    rows = fetch_dicts(
        cur, "SELECT m.event_id AS of, o.event_id AS id, o.doc_id, d.outlet, d.published, d.title "
        "FROM event_cluster_members m JOIN event_cluster_members o ON o.cluster_id = m.cluster_id "
        "JOIN documents d ON d.id = o.doc_id WHERE m.event_id IN (SELECT unnest(?::JSON::VARCHAR[])) "
        "ORDER BY d.published NULLS LAST, o.doc_id", [id_list(ids)],
    ) if ids else []
    for item in page.items:
        reports = [row for row in rows if row["of"] == item["id"]]
        item["reports"] = reports or [{"id": item["id"], "doc_id": item["doc_id"], "outlet": item["outlet"],
                                       "published": item["published"], "title": item["doc_title"]}]


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, cur: Cursor, q: Field = None, outlet: Field = None, date_from: Field = None,
            date_to: Field = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = {"q": _blank(q), "outlet": _blank(outlet), "date_from": _blank(date_from), "date_to": _blank(date_to)}
    page = links.list_stories(cur, Filters(q=params["q"], outlet=params["outlet"], date_from=params["date_from"],
                                           date_to=params["date_to"], limit=limit, offset=offset))
    return _render(request, "stories.html", page=page, params=params)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, cur: Cursor, db: Db) -> HTMLResponse:
    found = links.get_story(cur, story_id, summaries_ready=db.search_ready)
    outlets: dict[str, list[dict[str, Any]]] = {}
    for doc in found["documents"]:
        doc["events"] = [event for event in found["events"] if event["doc_id"] == doc["id"]]
        doc["quotes"] = [quote for quote in found["quotes"] if quote["doc_id"] == doc["id"]]
        outlets.setdefault(doc["outlet"] or "outlet unknown", []).append(doc)
    contested_events = {side["event_id"]: side["side"] for claim in found["claims"] for side in claim["sides"]}
    contested_clusters = {claim["event_cluster_id"] for claim in found["claims"]}
    names = _names(cur, found["events"] + found["event_clusters"] + found["quotes"] + [
        {"actor_ids": side["actor_ids"]} for claim in found["claims"] for side in claim["sides"]],
        "source_actor_ids", "target_actor_ids", "speaker_actor_id", "actor_ids")
    return _render(request, "story.html", story=found, outlets=outlets, names=names, contested_events=contested_events,
                   contested_clusters=contested_clusters)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, cur: Cursor, db: Db, q: Field = None, kind: str = "quotes",
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    words = _blank(q)
    params = {"q": words, "kind": kind}
    page = queries.search(cur, words, kind, Filters(limit=limit, offset=offset), search_ready=db.search_ready) \
        if words else None
    names = _names(cur, page.items, "speaker_actor_id", "source_actor_ids", "target_actor_ids") if page else {}
    return _render(request, "search.html", page=page, params=params, names=names)
