"""Read queries over the per-document tables: documents, actors, quotes, events, and search.

Each function takes a cursor and returns plain dicts (or a :class:`Page` of them), the shape the
API serialises and the pages render.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import duckdb

from newsgraph.export.flat import events_date_precision
from newsgraph.store import id_list
from newsgraph.store.search import hits_sql
from newsgraph.web.filters import (
    MAX_DOWNLOAD,
    BadRequest,
    Filters,
    NotFound,
    Page,
    Where,
    fetch_dicts,
    fetch_page,
    too_many,
)

__all__ = [
    "resolve_actors",
    "add_actor_condition",
    "list_documents",
    "document_query",
    "actor_query",
    "get_document",
    "list_actors",
    "get_actor",
    "list_quotes",
    "list_events",
    "get_event",
    "event_kinds",
    "event_query",
    "event_columns",
    "matching_event_ids",
    "when_column",
    "outlet_column",
    "counts",
]

_DOCUMENT_COLUMNS = "d.id, d.title, d.outlet, d.published, d.dateline, d.url, d.source, d.language, d.authors"
_EVENT_OWN_COLUMNS = (
    "e.id, e.doc_id, e.type, e.mode, e.cameo, e.goldstein, e.status, e.negated, e.source_actor_ids, "
    "e.target_actor_ids, e.reported_by_actor_id, e.trigger_text, e.trigger_start, e.trigger_end, "
    "e.evidence_start, e.evidence_end, e.evidence_text, e.date, e.date_text, e.location_name, "
    "e.location_country, e.stage, e.confidence, e.date_precision"
)
_EVENT_COLUMNS = (
    _EVENT_OWN_COLUMNS + ", coalesce(e.date, left(d.published, 10)) AS \"when\", d.title AS doc_title, d.outlet, d.published"
)
_QUOTE_OWN_COLUMNS = (
    "q.id, q.doc_id, q.field, q.start, q.\"end\", q.text, q.kind, q.speaker_actor_id, q.speaker_text, q.cue, "
    "q.evidence_start, q.evidence_end, q.evidence_text, q.stage, q.speaker_unresolved_reason, q.confidence"
)
_QUOTE_COLUMNS = _QUOTE_OWN_COLUMNS + ", d.title AS doc_title, d.outlet, d.published"


def event_columns(cursor: duckdb.DuckDBPyConnection, *, own: bool = False) -> str:
    """The event columns the API serves (with the article's title, outlet and publication date
    unless ``own``), and ``date_precision``: the events' own column where the database has one,
    else read from the date's shape (see :mod:`newsgraph.dates.bounds`)."""
    return f"{_EVENT_OWN_COLUMNS if own else _EVENT_COLUMNS}, {events_date_precision(cursor)} AS date_precision"


def _counts(summaries_ready: bool) -> str:
    # The summary table when it is current, else the count itself (slower, never stale).
    if summaries_ready:
        return "actor_stats"
    return "(SELECT actor_id, count(*) AS mentions FROM mentions GROUP BY actor_id)"


def add_actor_condition(where: Where, ids: list[str], role: str | None = None) -> None:
    """Keep the events (aliased ``e``) naming one of these actors (as ``role`` when given).

    A scan of the events' actor lists: measured on Reuters it beats a join through a table of
    (event, actor) rows, whose index DuckDB reads more slowly than it scans the lists."""
    if role in ("source", "target"):
        where.add(f"list_has_any(e.{role}_actor_ids, ?::VARCHAR[])", ids)
    else:
        where.add("(list_has_any(e.source_actor_ids, ?::VARCHAR[]) OR list_has_any(e.target_actor_ids, ?::VARCHAR[]))",
                  ids, ids)


def resolve_actors(cursor: duckdb.DuckDBPyConnection, key: str) -> list[str]:
    """The ids of the actors ``key`` names: an id, or (ignoring case) a name or an alias."""
    if cursor.execute("SELECT 1 FROM actors WHERE id = ?", [key]).fetchone():
        return [key]
    rows = cursor.execute(
        "SELECT id FROM actors WHERE id = ? OR lower(name) = lower(?) "
        "OR list_contains(list_transform(aliases, a -> lower(a)), lower(?)) ORDER BY id",
        [key, key, key],
    ).fetchall()
    if not rows:
        raise BadRequest(f"no actor called {key!r}; give an actor id (country:USA) or a name")
    return [row[0] for row in rows]


def _match(table: str, key: str, query: str, where: Where) -> None:
    where.add(f"{key} IN (SELECT id FROM ({hits_sql(table)}))", query)


def list_documents(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> Page:
    source, where = document_query(cursor, filters, search_ready=search_ready)
    return fetch_page(cursor, _DOCUMENT_COLUMNS, source, where, "d.published DESC NULLS LAST, d.id", filters)


def document_query(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> tuple[str, Where]:
    """The source (``documents d``) and conditions of a listing of documents."""
    where = Where()
    if filters.outlet:
        where.add("d.outlet = ?", filters.outlet)
    where.date_range("d.published", filters.date_from, filters.date_to)
    if filters.actor:
        where.add("d.id IN (SELECT doc_id FROM mentions WHERE actor_id IN (SELECT unnest(?::VARCHAR[])))",
                  resolve_actors(cursor, filters.actor))
    if filters.story:
        where.add("d.id IN (SELECT doc_id FROM story_documents WHERE story_id = ?)", filters.story)
    if filters.q:
        if search_ready:
            _match("documents", "d.id", filters.q, where)
        else:
            where.add("(contains(lower(d.title), lower(?)) OR contains(lower(d.text), lower(?)))", filters.q, filters.q)
    return "documents d", where


def get_document(cursor: duckdb.DuckDBPyConnection, doc_id: str, *, raw: bool = True) -> dict[str, Any]:
    """A document with its text (and raw text), mentions, quotes, events, places, times and links."""
    columns = _DOCUMENT_COLUMNS + ", d.text, d.agencies, d.contributors, d.version_of, d.pipeline, d.format"
    if raw:
        columns += ", d.raw_text"
    rows = fetch_dicts(cursor, f"SELECT {columns} FROM documents d WHERE d.id = ?", [doc_id])
    if not rows:
        raise NotFound(f"no document with id {doc_id!r}")
    document = rows[0]
    document["mentions"] = fetch_dicts(
        cursor,
        'SELECT m.start, m."end", m.actor_id, m.text, m.how, a.name AS actor_name, a.type AS actor_type '
        'FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? ORDER BY m.start',
        [doc_id],
    )
    # The article's own fields are known: joining the documents again would only cost a scan.
    own = {"doc_title": document["title"], "outlet": document["outlet"], "published": document["published"]}
    document["quotes"] = [
        dict(row, **own) for row in fetch_dicts(
            cursor, f"SELECT {_QUOTE_OWN_COLUMNS} FROM quotes q WHERE q.doc_id = ? ORDER BY q.field DESC, q.start",
            [doc_id])
    ]
    document["events"] = [
        dict(row, when=row["date"] or (document["published"] or "")[:10] or None, **own) for row in fetch_dicts(
            cursor, f"SELECT {event_columns(cursor, own=True)} FROM events e WHERE e.doc_id = ? ORDER BY e.trigger_start",
            [doc_id])
    ]
    document["places"] = fetch_dicts(
        cursor, 'SELECT start, "end", text, name, country, lat, lon, kind, role FROM places WHERE doc_id = ? ORDER BY start',
        [doc_id],
    )
    document["times"] = fetch_dicts(
        cursor, 'SELECT id, start, "end", text, value, precision FROM times WHERE doc_id = ? ORDER BY start', [doc_id]
    )
    document["near_duplicates"] = fetch_dicts(
        cursor,
        "SELECT n.duplicate_of AS doc_id, n.similarity, d.title, d.outlet FROM near_duplicates n "
        "LEFT JOIN documents d ON d.id = n.duplicate_of WHERE n.doc_id = ? "
        "UNION ALL SELECT n.doc_id, n.similarity, d.title, d.outlet FROM near_duplicates n "
        "LEFT JOIN documents d ON d.id = n.doc_id WHERE n.duplicate_of = ? ORDER BY similarity DESC",
        [doc_id, doc_id],
    )
    story = fetch_dicts(
        cursor, "SELECT s.id, s.title, sd.score FROM story_documents sd JOIN stories s ON s.id = sd.story_id "
        "WHERE sd.doc_id = ?", [doc_id]
    )
    document["story"] = story[0] if story else None
    return document


def list_actors(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> Page:
    """Actors with how often they are mentioned, most mentioned first; ``q`` matches names and aliases."""
    source, where = actor_query(filters, search_ready=search_ready)
    select = "a.id, a.name, a.type, a.country, a.code, a.role, a.affiliation, a.aliases, coalesce(c.mentions, 0) AS mentions"
    return fetch_page(cursor, select, source, where, "mentions DESC, a.name, a.id", filters)


def actor_query(filters: Filters, *, search_ready: bool = True) -> tuple[str, Where]:
    """The source (``actors a`` with their counts) and conditions of a listing of actors."""
    where = Where()
    if filters.q:
        where.add("(contains(lower(a.name), lower(?)) OR list_contains(list_transform(a.aliases, x -> lower(x)), lower(?)))",
                  filters.q, filters.q)
    if filters.type:
        where.add("a.type = ?", filters.type)
    return f"actors a LEFT JOIN {_counts(search_ready)} c ON c.actor_id = a.id", where


def get_actor(cursor: duckdb.DuckDBPyConnection, actor_id: str, *, search_ready: bool = True) -> dict[str, Any]:
    rows = fetch_dicts(
        cursor, "SELECT a.id, a.name, a.type, a.country, a.code, a.role, a.affiliation, a.aliases, a.from_kb, "
        "coalesce(c.mentions, 0) AS mentions FROM actors a "
        f"LEFT JOIN {_counts(search_ready)} c ON c.actor_id = a.id WHERE a.id = ?", [actor_id]
    )
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    return rows[0]


def list_quotes(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> Page:
    where = Where()
    if filters.actor:
        where.add("q.speaker_actor_id IN (SELECT unnest(?::VARCHAR[]))", resolve_actors(cursor, filters.actor))
    if filters.type:
        where.add("q.kind = ?", filters.type)
    if filters.doc:
        where.add("q.doc_id = ?", filters.doc)
    if filters.outlet:
        where.add("d.outlet = ?", filters.outlet)
    if filters.story:
        where.add("q.doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?)", filters.story)
    where.date_range("d.published", filters.date_from, filters.date_to)
    if filters.q:
        if search_ready:
            _match("quotes", "q.id", filters.q, where)
        else:
            where.add("contains(lower(q.text), lower(?))", filters.q)
    return fetch_page(cursor, _QUOTE_COLUMNS, "quotes q JOIN documents d ON d.id = q.doc_id", where,
                      "d.published DESC NULLS LAST, q.doc_id, q.start", filters)


def when_column(search_ready: bool) -> str:
    """The time of an event in :func:`event_query`'s source: its date, else its article's day."""
    return 'e."when"' if search_ready else "coalesce(e.date, left(d.published, 10))"


def outlet_column(search_ready: bool) -> str:
    """The outlet of an event's article in :func:`event_query`'s source."""
    return "e.outlet" if search_ready else "d.outlet"


def event_query(cursor: duckdb.DuckDBPyConnection, filters: Filters, search_ready: bool) -> tuple[str, list[Any], Where]:
    """The FROM clause (with the parameters it takes) and the conditions for a listing of events.

    With the summary table current, ``e`` is ``event_timeline``, which already holds each event's
    time, outlet and article, so no join with the documents is needed to filter and order. The
    event's time is :func:`when_column`, its outlet :func:`outlet_column`.
    """
    if search_ready:
        source = "event_timeline e"
    else:
        source = "events e JOIN documents d ON d.id = e.doc_id"
    outlet, when = outlet_column(search_ready), when_column(search_ready)
    where = Where()
    leading: list[Any] = []
    if filters.actor:
        add_actor_condition(where, resolve_actors(cursor, filters.actor))
    if filters.dyad:
        add_actor_condition(where, resolve_actors(cursor, filters.dyad[0]), "source")
        add_actor_condition(where, resolve_actors(cursor, filters.dyad[1]), "target")
    if filters.type:
        where.add("e.type = ?", filters.type)
    if filters.status:
        where.add("e.status = ?", filters.status)
    if filters.outlet:
        where.add(f"{outlet} = ?", filters.outlet)
    if filters.doc:
        where.add("e.doc_id = ?", filters.doc)
    if filters.story:
        where.add("e.doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?)", filters.story)
    if filters.location:
        where.add("e.id IN (SELECT id FROM events WHERE location_name = ?)", filters.location)
    where.confident("e", filters.min_confidence)
    where.date_range(when, filters.date_from, filters.date_to)
    if filters.q:
        if search_ready:
            source = f"({hits_sql('events')}) hits JOIN {source} ON e.id = hits.id"
            leading.insert(0, filters.q)
        else:
            where.add("contains(lower(e.evidence_text), lower(?))", filters.q)
    return source, leading, where


def list_events(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True,
                newest_first: bool = False) -> Page:
    """Events in time order (the event's date, else its article's publication date); with
    ``filters.min_confidence``, only those at or over it (or of unknown confidence), and the page
    says how many more the other filters match (``hidden_events``)."""
    source, leading, where = event_query(cursor, filters, search_ready)
    order = f'"when" {"DESC " if newest_first else ""}NULLS LAST, e.doc_id, e.trigger_start'
    hidden = _hidden_events(cursor, filters, search_ready)
    if not search_ready:
        return replace(fetch_page(cursor, event_columns(cursor), source, where, order, filters, leading=leading),
                       hidden_events=hidden)
    # Find the page in the narrow summary table, then read just those events in full.
    page = fetch_page(cursor, 'e.id, e."when", e.doc_title, e.outlet, e.published', source, where, order, filters,
                      leading=leading)
    if page.items:
        rows = fetch_dicts(cursor, f"SELECT {event_columns(cursor, own=True)} FROM events e WHERE e.id = ANY(?::JSON::VARCHAR[])",
                           [id_list(item["id"] for item in page.items)])
        full = {row["id"]: row for row in rows}
        for item in page.items:
            item.update(full[item["id"]])
    return replace(page, hidden_events=hidden)


def matching_event_ids(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> list[str]:
    """The ids of every event the filters match (up to :data:`MAX_DOWNLOAD`), in timeline order."""
    source, leading, where = event_query(cursor, filters, search_ready)
    order = f"{when_column(search_ready)} NULLS LAST, e.doc_id, e.trigger_start"
    rows = cursor.execute(f"SELECT e.id FROM {source} {where.sql()} ORDER BY {order} LIMIT {MAX_DOWNLOAD + 1}",
                          [*leading, *where.parameters]).fetchall()
    too_many(len(rows))
    return [row[0] for row in rows]


def _hidden_events(cursor: duckdb.DuckDBPyConnection, filters: Filters, search_ready: bool) -> int | None:
    """How many events the other filters match that ``filters.min_confidence`` leaves out."""
    if filters.min_confidence is None:
        return None
    if not filters.min_confidence:
        return 0
    source, leading, where = event_query(cursor, replace(filters, min_confidence=None), search_ready)
    where.add("e.confidence < ?", filters.min_confidence)
    counted = cursor.execute(f"SELECT count(*) FROM {source} {where.sql()}", [*leading, *where.parameters]).fetchone()
    return int(counted[0]) if counted else 0


def get_event(cursor: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    rows = fetch_dicts(cursor, f"SELECT {event_columns(cursor)} FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.id = ?",
                       [event_id])
    if not rows:
        raise NotFound(f"no event with id {event_id!r}")
    event = rows[0]
    event["cluster"] = _cluster_of(cursor, event_id)
    return event


def _cluster_of(cursor: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The event's cluster and every event in it (the same happening in other articles)."""
    rows = fetch_dicts(cursor, "SELECT cluster_id FROM event_cluster_members WHERE event_id = ?", [event_id])
    if not rows:
        return None
    cluster_id = rows[0]["cluster_id"]
    members = fetch_dicts(
        cursor, "SELECT e.id, e.doc_id, e.status, e.confidence, e.evidence_text, d.title AS doc_title, d.outlet, d.published "
        "FROM event_cluster_members m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id "
        "WHERE m.cluster_id = ? ORDER BY d.published NULLS LAST, e.doc_id", [cluster_id]
    )
    return {"id": cluster_id, "members": members}


def event_kinds(cursor: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """The event types, statuses and outlets present, for filter menus."""
    return {
        "types": [row[0] for row in cursor.execute("SELECT DISTINCT type FROM events ORDER BY type").fetchall()],
        "statuses": [row[0] for row in cursor.execute("SELECT DISTINCT status FROM events ORDER BY status").fetchall()],
        "outlets": [row[0] for row in cursor.execute(
            "SELECT outlet FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 200"
        ).fetchall()],
    }


def counts(cursor: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many rows each kind of record has."""
    found = {}
    for table in ("documents", "actors", "quotes", "events", "stories", "event_clusters", "quote_clusters",
                  "contested_claims"):
        row = cursor.execute(f"SELECT count(*) FROM {table}").fetchone()
        found[table] = int(row[0]) if row else 0
    return found
