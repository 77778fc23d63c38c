"""The pages a person reads: home, documents, article, actors, actor, timeline, map, stories,
story, search. Each reads the database through the same queries as the API and renders a template
with autoescaping on, so nothing from an article reaches the page as markup.

Every list shows facet counts beside it (each value a link narrowing the list) and offers its
whole filtered content as CSV or JSON (the API's ``format=csv``/``json`` with the same filters);
the timeline, actor and story pages chart their events over time by type, and the map, actor and
story pages map where the events happened.

The pages that show events hide those under the server's event threshold, and offer a switch
(``min_confidence=0`` in the address) that shows them all."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import duckdb
import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from markupsafe import Markup

from newsgraph.store import id_list
from newsgraph.web import links, queries
from newsgraph.web.database import Cursor, Db, Threshold
from newsgraph.web.filters import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    Filters,
    Page,
    confidence_floor,
    fetch_dicts,
    over_threshold,
    parse_dyad,
)
from newsgraph.web.charts import TimeChart, time_chart
from newsgraph.web.highlight import highlight, marks_of
from newsgraph.web.maps import MapPlace, map_svg, world
from newsgraph.web.overview import (
    Facet,
    actor_facets,
    document_facets,
    event_counts,
    event_facets,
    event_places,
    story_facets,
)
from newsgraph.web.relations import hidden_relation_events, network_svg, relations
from newsgraph.web.search import KINDS, Highlighter, count_matches
from newsgraph.web.search import search as search_all

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
        self.env.globals["with_params"] = _with_params
        self.env.globals["is_active"] = lambda narrow, params: bool(narrow) and all(
            str(params.get(key) or "") == str(value) for key, value in narrow.items())

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)


def _page_url(path: str, params: dict[str, Any], offset: int) -> str:
    """``path`` with the same filters and another offset."""
    kept = {key: value for key, value in params.items() if value not in (None, "") and key != "offset"}
    if offset:
        kept["offset"] = offset
    return path + ("?" + urlencode(kept) if kept else "")


def _with_params(path: str, params: dict[str, Any], **more: Any) -> str:
    """``path`` with the filters of ``params`` and ``more`` (a value of None drops a filter), no offset."""
    return _page_url(path, {**params, **more}, 0)


router = APIRouter(include_in_schema=False)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Field = Annotated[str | None, Query()]
MinConfidence = Annotated[float | None, Query(ge=0, le=1)]


def _blank(value: str | None) -> str | None:
    # An empty form field means "no filter".
    return value.strip() or None if value else None


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    pages: Pages = request.app.state.pages
    return HTMLResponse(pages.render(name, path=request.url.path, **context))


def _switch(path: str, params: dict[str, Any], floor: float, threshold: float, hidden: int) -> dict[str, Any]:
    """The switch between the default view (events under ``threshold`` hidden) and every event:
    how many the page hides at ``floor``, and the addresses of both views (same filters)."""
    others = {key: value for key, value in params.items() if key != "min_confidence"}
    return {"hidden": hidden, "showing_all": floor < threshold, "threshold": threshold,
            "show_url": _page_url(path, {**others, "min_confidence": 0}, 0), "hide_url": _page_url(path, others, 0)}



def _chart(cur: duckdb.DuckDBPyConnection, filters: Filters, params: dict[str, Any], search_ready: bool) -> TimeChart:
    """The chart of the events ``filters`` match, each bar opening the timeline of its period."""
    kept = {key: value for key, value in params.items() if key not in ("date_from", "date_to")}
    return time_chart(event_counts(cur, filters, search_ready=search_ready),
                      lambda start, end: _with_params("/timeline", kept, date_from=start, date_to=end))


def _map(cur: duckdb.DuckDBPyConnection, filters: Filters, params: dict[str, Any], search_ready: bool
         ) -> tuple[list[MapPlace], Markup]:
    """The places of the events ``filters`` match, and their map (each mark opens their timeline)."""
    places = event_places(cur, filters, search_ready=search_ready)
    kept = {key: value for key, value in params.items() if key != "location"}
    return places, map_svg(places, lambda place: _with_params("/timeline", kept, location=place.name))


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
    facets = document_facets(cur, *queries.document_query(cur, filters, search_ready=db.search_ready))
    return _render(request, "documents.html", page=page, params=params, kinds=kinds, facet_counts=facets)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, cur: Cursor, threshold: Threshold,
             min_confidence: MinConfidence = None) -> HTMLResponse:
    found = queries.get_document(cur, doc_id, raw=True)
    floor = confidence_floor(min_confidence, threshold)
    found["events"], hidden = over_threshold(found["events"], floor)
    names = _names(cur, found["events"], "source_actor_ids", "target_actor_ids")
    names.update(_names(cur, found["quotes"], "speaker_actor_id"))
    body = highlight(found["text"], marks_of(found))
    switch = _switch(request.url.path, {"min_confidence": min_confidence}, floor, threshold, hidden)
    return _render(request, "document.html", doc=found, body=body, names=names, switch=switch)


@router.get("/events/{event_id}")
def event(event_id: str, cur: Cursor, threshold: Threshold) -> RedirectResponse:
    """An event's sentence in its article (with every event shown when this one is under the threshold)."""
    found = queries.get_event(cur, event_id)
    shown = "" if found["confidence"] is None or found["confidence"] >= threshold else "?min_confidence=0"
    return RedirectResponse(f"/documents/{quote(found['doc_id'])}{shown}#event-{quote(event_id)}", status_code=303)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, cur: Cursor, db: Db, q: Field = None, type: Field = None,
           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = {"q": _blank(q), "type": _blank(type)}
    filters = Filters(q=params["q"], type=params["type"], limit=limit, offset=offset)
    page = queries.list_actors(cur, filters, search_ready=db.search_ready)
    facets = actor_facets(cur, *queries.actor_query(filters, search_ready=db.search_ready))
    return _render(request, "actors.html", page=page, params=params, facet_counts=facets)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: str, cur: Cursor, db: Db, threshold: Threshold,
          min_confidence: MinConfidence = None) -> HTMLResponse:
    found = queries.get_actor(cur, actor_id, search_ready=db.search_ready)
    floor = confidence_floor(min_confidence, threshold)
    found_relations = relations(cur, actor_id, summaries_ready=db.search_ready, min_confidence=floor)
    hidden = hidden_relation_events(cur, actor_id, floor, summaries_ready=db.search_ready)
    said = queries.list_quotes(cur, Filters(actor=actor_id, limit=50), search_ready=db.search_ready)
    switch = _switch(request.url.path, {"min_confidence": min_confidence}, floor, threshold, hidden)
    params = {"actor": actor_id, "min_confidence": min_confidence}
    events = Filters(actor=actor_id, min_confidence=floor)
    places, world_map = _map(cur, events, params, db.search_ready)
    return _render(request, "actor.html", actor=found, relations=found_relations, quotes=said,
                   graph=network_svg(actor_id, found["name"], found_relations), switch=switch,
                   chart=_chart(cur, events, params, db.search_ready), places=places, world_map=world_map,
                   params=params)


def _event_params(actor: str | None, dyad: str | None, type: str | None, status: str | None, outlet: str | None,
                  date_from: str | None, date_to: str | None, q: str | None, story: str | None, location: str | None,
                  min_confidence: float | None) -> dict[str, Any]:
    return {"actor": _blank(actor), "dyad": _blank(dyad), "type": _blank(type), "status": _blank(status),
            "outlet": _blank(outlet), "date_from": _blank(date_from), "date_to": _blank(date_to), "q": _blank(q),
            "story": _blank(story), "location": _blank(location), "min_confidence": min_confidence}


def _event_filters(params: dict[str, Any], floor: float, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Filters:
    return Filters(actor=params["actor"], dyad=parse_dyad(params["dyad"]), type=params["type"], status=params["status"],
                   outlet=params["outlet"], date_from=params["date_from"], date_to=params["date_to"], q=params["q"],
                   story=params["story"], location=params["location"], min_confidence=floor, limit=limit, offset=offset)


def _candidates(cur: duckdb.DuckDBPyConnection, actor: str | None) -> list[dict[str, str]]:
    """The actors a name given as ``actor`` answers to, when there are several."""
    if not actor:
        return []
    ids = queries.resolve_actors(cur, actor)
    if len(ids) < 2:
        return []
    names = links.actor_names(cur, set(ids))
    return [{"id": actor_id, "name": names.get(actor_id, actor_id)} for actor_id in ids]


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, cur: Cursor, db: Db, threshold: Threshold, actor: Field = None, dyad: Field = None,
             type: Field = None, status: Field = None, outlet: Field = None, date_from: Field = None,
             date_to: Field = None, q: Field = None, story: Field = None, location: Field = None,
             min_confidence: MinConfidence = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = _event_params(actor, dyad, type, status, outlet, date_from, date_to, q, story, location, min_confidence)
    floor = confidence_floor(min_confidence, threshold)
    filters = _event_filters(params, floor, limit, offset)
    page = queries.list_events(cur, filters, search_ready=db.search_ready)
    _attach_reports(cur, page)
    names = _names(cur, page.items, "source_actor_ids", "target_actor_ids")
    kinds = db.cached("event_kinds", queries.event_kinds)
    switch = _switch(request.url.path, params, floor, threshold, page.hidden_events or 0)
    facets = event_facets(cur, filters, search_ready=db.search_ready)
    return _render(request, "timeline.html", page=page, params=params, names=names, kinds=kinds, switch=switch,
                   facet_counts=facets, chart=_chart(cur, filters, params, db.search_ready),
                   candidates=_candidates(cur, params["actor"]))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, cur: Cursor, db: Db, threshold: Threshold, actor: Field = None, dyad: Field = None,
             type: Field = None, status: Field = None, outlet: Field = None, date_from: Field = None,
             date_to: Field = None, q: Field = None, story: Field = None, min_confidence: MinConfidence = None
             ) -> HTMLResponse:
    """Where the events the filters match happened, each place at the precision of its point."""
    params = _event_params(actor, dyad, type, status, outlet, date_from, date_to, q, story, None, min_confidence)
    floor = confidence_floor(min_confidence, threshold)
    filters = _event_filters(params, floor)
    places, world_map = _map(cur, filters, params, db.search_ready)
    located = sum(place.events for place in places)
    total = queries.list_events(cur, replace(filters, limit=1), search_ready=db.search_ready)
    switch = _switch(request.url.path, params, floor, threshold, total.hidden_events or 0)
    kinds = db.cached("event_kinds", queries.event_kinds)
    return _render(request, "map.html", places=places, world_map=world_map, params=params, located=located,
                   total=total.total, switch=switch, kinds=kinds)


@router.get("/map/world.svg")
def world_outline() -> Response:
    """The world outline the maps are drawn over (Natural Earth's countries, shipped with the package)."""
    return Response(world().outline, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})


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
        own = {"id": item["id"], "doc_id": item["doc_id"], "outlet": item["outlet"], "published": item["published"],
               "title": item["doc_title"]}
        # One line per article, this event's own first: several events of one article are one report.
        seen: set[str] = set()
        item["reports"] = []
        for report in [own, *reports]:
            if report["doc_id"] not in seen:
                seen.add(report["doc_id"])
                item["reports"].append(report)


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, cur: Cursor, q: Field = None, outlet: Field = None, date_from: Field = None,
            date_to: Field = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    params = {"q": _blank(q), "outlet": _blank(outlet), "date_from": _blank(date_from), "date_to": _blank(date_to)}
    filters = Filters(q=params["q"], outlet=params["outlet"], date_from=params["date_from"], date_to=params["date_to"],
                      limit=limit, offset=offset)
    page = links.list_stories(cur, filters)
    facets = story_facets(cur, "stories s", links.story_conditions(cur, filters))
    return _render(request, "stories.html", page=page, params=params, facet_counts=facets)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, cur: Cursor, db: Db, threshold: Threshold,
          min_confidence: MinConfidence = None) -> HTMLResponse:
    found = links.get_story(cur, story_id, summaries_ready=db.search_ready)
    floor = confidence_floor(min_confidence, threshold)
    found["events"], hidden = over_threshold(found["events"], floor)
    outlets: dict[str, list[dict[str, Any]]] = {}
    for doc in found["documents"]:
        doc["events"] = [event for event in found["events"] if event["doc_id"] == doc["id"]]
        doc["quotes"] = [quote for quote in found["quotes"] if quote["doc_id"] == doc["id"]]
        outlets.setdefault(doc["outlet"] or "", []).append(doc)
    # Articles of unknown outlet share one column: say so, rather than count them as outlets of their own.
    unknown_docs = outlets.pop("", [])
    unknown = len(unknown_docs)
    if unknown_docs:
        outlets["outlet unknown"] = unknown_docs
    contested_events = {side["event_id"]: side["side"] for claim in found["claims"] for side in claim["sides"]}
    contested_clusters = {claim["event_cluster_id"] for claim in found["claims"]}
    names = _names(cur, found["events"] + found["event_clusters"] + found["quotes"] + [
        {"actor_ids": side["actor_ids"]} for claim in found["claims"] for side in claim["sides"]],
        "source_actor_ids", "target_actor_ids", "speaker_actor_id", "actor_ids")
    switch = _switch(request.url.path, {"min_confidence": min_confidence}, floor, threshold, hidden)
    params = {"story": story_id, "min_confidence": min_confidence}
    events = Filters(story=story_id, min_confidence=floor)
    places, world_map = _map(cur, events, params, db.search_ready)
    known = len([name for name in outlets if name != "outlet unknown"])
    return _render(request, "story.html", story=found, outlets=outlets, names=names, contested_events=contested_events,
                   contested_clusters=contested_clusters, switch=switch, known_outlets=known, unknown_articles=unknown,
                   chart=_chart(cur, events, params, db.search_ready), places=places, world_map=world_map,
                   params=params)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, cur: Cursor, db: Db, threshold: Threshold, q: Field = None, kind: str = "all",
           min_confidence: MinConfidence = None, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> HTMLResponse:
    """Events, quotations and articles matching the words: all kinds at once (a few of each, with
    how many there are), or one kind paged; the matching words marked."""
    words = _blank(q)
    params: dict[str, Any] = {"q": words, "kind": kind, "min_confidence": min_confidence}
    floor = confidence_floor(min_confidence, threshold)
    sections: dict[str, Page] = {}
    counts: dict[str, int] = {}
    hidden = 0
    if words:
        if kind not in KINDS:
            search_all(cur, words, kind, Filters(), search_ready=db.search_ready)  # says what kinds there are
        shown = ("events", "quotes", "documents") if kind == "all" else (kind,)
        for name in shown:
            filters = Filters(min_confidence=floor, limit=5 if kind == "all" else limit, offset=0 if kind == "all" else offset)
            sections[name] = search_all(cur, words, name, filters, search_ready=db.search_ready)
        counts = {name: (sections[name].total if name in sections else
                         count_matches(cur, words, name, Filters(min_confidence=floor), search_ready=db.search_ready))
                  for name in ("events", "quotes", "documents")}
        hidden = (sections["events"].hidden_events or 0) if "events" in sections else 0
    items = [item for page in sections.values() for item in page.items]
    texts = [item.get("evidence_text") or item.get("text") or item.get("snippet") or "" for item in items]
    marker = Highlighter.build(cur, words or "", texts + [item.get("title") or "" for item in items])
    names = _names(cur, [event for item in items for event in item.get("events", [])] + items,
                   "speaker_actor_id", "source_actor_ids", "target_actor_ids")
    switch = _switch(request.url.path, params, floor, threshold, hidden)
    return _render(request, "search.html", sections=sections, counts=counts, params=params, names=names, switch=switch,
                   mark=marker.mark)
