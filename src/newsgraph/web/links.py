"""Read queries over the cross-document tables (migration 0005_links): stories, event and quote
clusters, contested claims. The linker fills them; these queries only read."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from newsgraph.store import id_list
from newsgraph.web.filters import (
    Filters,
    NotFound,
    Page,
    Where,
    fetch_dicts,
    fetch_page,
)
from newsgraph.web.queries import resolve_actors

__all__ = [
    "list_stories",
    "story_conditions",
    "get_story",
    "list_event_clusters",
    "get_event_cluster",
    "list_quote_clusters",
    "get_quote_cluster",
    "list_claims",
    "actor_names",
]

_STORY_COLUMNS = "s.id, s.title, s.first_published, s.last_published, s.n_articles, s.n_outlets, s.linker"
_CLUSTER_COLUMNS = (
    "c.id, c.story_id, c.type, c.cameo, c.source_actor_ids, c.target_actor_ids, c.date, c.location_name, "
    "c.first_doc_id, c.first_reported, c.n_events, c.n_articles, c.n_outlets, c.statuses, c.linker"
)
_QUOTE_CLUSTER_COLUMNS = (
    "c.id, c.speaker_actor_id, c.text, c.first_doc_id, c.first_reported, c.n_articles, c.n_outlets, c.linker"
)
# A row ``m`` with a ``doc_id`` of one of the articles of the story given as the parameter.
_IN_STORY = "m.doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?)"


def _json_fields(rows: list[dict[str, Any]], *names: str) -> list[dict[str, Any]]:
    # DuckDB hands JSON columns back as text; the API and pages want the values.
    for row in rows:
        for name in names:
            if isinstance(row.get(name), str):
                row[name] = json.loads(row[name])
    return rows


def list_stories(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> Page:
    where = story_conditions(cursor, filters)
    return fetch_page(cursor, _STORY_COLUMNS, "stories s", where,
                      "s.n_outlets DESC, s.n_articles DESC, s.last_published DESC NULLS LAST, s.id", filters)


def story_conditions(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> Where:
    """The conditions of a listing of stories (aliased ``s``)."""
    where = Where()
    if filters.q:
        where.add("contains(lower(s.title), lower(?))", filters.q)
    if filters.outlet:
        where.add("s.id IN (SELECT sd.story_id FROM story_documents sd JOIN documents d ON d.id = sd.doc_id "
                  "WHERE d.outlet = ?)", filters.outlet)
    if filters.actor:
        where.add("s.id IN (SELECT sd.story_id FROM story_documents sd JOIN mentions m ON m.doc_id = sd.doc_id "
                  "WHERE m.actor_id IN (SELECT unnest(?::VARCHAR[])))", resolve_actors(cursor, filters.actor))
    where.date_range("s.last_published", filters.date_from, None)
    where.date_range("s.first_published", None, filters.date_to)
    return where


def get_story(cursor: duckdb.DuckDBPyConnection, story_id: str, *, summaries_ready: bool = True) -> dict[str, Any]:
    """A story with its articles (grouped by outlet by the caller), their events and quotations,
    the event and quotation clusters and contested claims they take part in (a cluster placed
    first in another story included), and the near-duplicates among them. The one read of a
    story: the API, the pages and ``newsgraph story`` (:mod:`newsgraph.views.story`) shape it."""
    # The linker's word and actor profile stays internal: it is not what the story says.
    rows = fetch_dicts(cursor, f"SELECT {_STORY_COLUMNS} FROM stories s WHERE s.id = ?", [story_id])
    if not rows:
        raise NotFound(f"no story with id {story_id!r}")
    story = rows[0]
    story["documents"] = fetch_dicts(
        cursor, "SELECT d.id, d.title, d.outlet, d.published, sd.score FROM story_documents sd "
        "JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id = ? ORDER BY d.outlet NULLS LAST, d.published, d.id",
        [story_id],
    )
    story["event_clusters"] = _json_fields(fetch_dicts(
        cursor, f"SELECT {_CLUSTER_COLUMNS} FROM event_clusters c WHERE c.id IN (SELECT m.cluster_id FROM "
        f"event_cluster_members m WHERE {_IN_STORY}) ORDER BY c.date NULLS LAST, c.first_reported NULLS LAST, c.id",
        [story_id]
    ), "statuses")
    story["quote_clusters"] = fetch_dicts(
        cursor, f"SELECT {_QUOTE_CLUSTER_COLUMNS} FROM quote_clusters c WHERE c.id IN (SELECT m.cluster_id FROM "
        f"quote_cluster_members m WHERE {_IN_STORY}) ORDER BY c.n_articles DESC, c.first_reported NULLS LAST, c.id",
        [story_id],
    )
    # The narrow summary when current: finding a story's events then reads no event text.
    events = "event_timeline" if summaries_ready else "events"
    story["events"] = fetch_dicts(
        cursor, "SELECT e.id, e.doc_id, e.type, e.status, e.source_actor_ids, e.target_actor_ids, e.confidence, m.cluster_id "
        f"FROM {events} e LEFT JOIN event_cluster_members m ON m.event_id = e.id "
        "WHERE e.doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?) ORDER BY e.doc_id, e.trigger_start, e.id",
        [story_id],
    )
    story["quotes"] = fetch_dicts(
        cursor, "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker_actor_id, q.speaker_text, m.cluster_id "
        "FROM quotes q LEFT JOIN quote_cluster_members m ON m.quote_id = q.id "
        "WHERE q.doc_id IN (SELECT doc_id FROM story_documents WHERE story_id = ?) AND q.kind <> 'indirect' "
        "ORDER BY q.doc_id, q.field DESC, q.start", [story_id],
    )
    story["claims"] = _claims(cursor, f"c.id IN (SELECT m.claim_id FROM claim_sides m WHERE {_IN_STORY})", [story_id])
    story["near_duplicates"] = fetch_dicts(
        cursor, f"SELECT m.doc_id, m.duplicate_of, m.similarity FROM near_duplicates m WHERE {_IN_STORY} "
        "ORDER BY m.doc_id, m.duplicate_of", [story_id],
    )
    return story


def _claims(cursor: duckdb.DuckDBPyConnection, condition: str, parameters: list[Any]) -> list[dict[str, Any]]:
    claims = fetch_dicts(cursor, f"SELECT c.id, c.event_cluster_id, c.summary FROM contested_claims c WHERE {condition} "
                         "ORDER BY c.id", parameters)
    if not claims:
        return claims
    sides = fetch_dicts(
        cursor, "SELECT s.claim_id, s.event_id, s.side, s.actor_ids, s.doc_id, d.title AS doc_title, d.outlet, "
        "d.published, e.evidence_text FROM claim_sides s LEFT JOIN documents d ON d.id = s.doc_id "
        "LEFT JOIN events e ON e.id = s.event_id WHERE s.claim_id IN (SELECT unnest(?::JSON::VARCHAR[])) "
        "ORDER BY s.claim_id, s.side, d.published NULLS LAST", [id_list(claim["id"] for claim in claims)],
    )
    for claim in claims:
        claim["sides"] = [side for side in sides if side["claim_id"] == claim["id"]]
    return claims


def list_claims(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> Page:
    where = Where()
    if filters.story:
        where.add("c.event_cluster_id IN (SELECT id FROM event_clusters WHERE story_id = ?)", filters.story)
    if filters.q:
        where.add("contains(lower(c.summary), lower(?))", filters.q)
    page = fetch_page(cursor, "c.id, c.event_cluster_id, c.summary", "contested_claims c", where, "c.id", filters)
    if page.items:
        full = {claim["id"]: claim for claim in _claims(cursor, "c.id IN (SELECT unnest(?::JSON::VARCHAR[]))",
                                                        [id_list(item["id"] for item in page.items)])}
        page.items[:] = [full[item["id"]] for item in page.items]
    return page


def list_event_clusters(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> Page:
    where = Where()
    if filters.story:
        where.add("c.story_id = ?", filters.story)
    if filters.type:
        where.add("c.type = ?", filters.type)
    if filters.actor:
        ids = resolve_actors(cursor, filters.actor)
        where.add("(list_has_any(c.source_actor_ids, ?::VARCHAR[]) OR list_has_any(c.target_actor_ids, ?::VARCHAR[]))",
                  ids, ids)
    where.date_range("c.date", filters.date_from, filters.date_to)
    page = fetch_page(cursor, _CLUSTER_COLUMNS, "event_clusters c", where,
                      "c.n_articles DESC, c.date NULLS LAST, c.id", filters)
    _json_fields(page.items, "statuses")
    return page


def get_event_cluster(cursor: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any]:
    rows = _json_fields(fetch_dicts(cursor, f"SELECT {_CLUSTER_COLUMNS} FROM event_clusters c WHERE c.id = ?",
                                    [cluster_id]), "statuses")
    if not rows:
        raise NotFound(f"no event cluster with id {cluster_id!r}")
    cluster = rows[0]
    cluster["members"] = fetch_dicts(
        cursor, "SELECT e.id, e.doc_id, e.status, e.confidence, e.evidence_text, d.title AS doc_title, d.outlet, d.published "
        "FROM event_cluster_members m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = e.doc_id "
        "WHERE m.cluster_id = ? ORDER BY d.published NULLS LAST, e.doc_id", [cluster_id],
    )
    cluster["claims"] = _claims(cursor, "c.event_cluster_id = ?", [cluster_id])
    return cluster


def list_quote_clusters(cursor: duckdb.DuckDBPyConnection, filters: Filters) -> Page:
    where = Where()
    if filters.actor:
        where.add("c.speaker_actor_id IN (SELECT unnest(?::VARCHAR[]))", resolve_actors(cursor, filters.actor))
    if filters.q:
        where.add("contains(lower(c.text), lower(?))", filters.q)
    if filters.story:
        where.add("c.id IN (SELECT m.cluster_id FROM quote_cluster_members m JOIN story_documents sd "
                  "ON sd.doc_id = m.doc_id WHERE sd.story_id = ?)", filters.story)
    where.date_range("c.first_reported", filters.date_from, filters.date_to)
    return fetch_page(cursor, _QUOTE_CLUSTER_COLUMNS, "quote_clusters c", where,
                      "c.n_articles DESC, c.first_reported NULLS LAST, c.id", filters)


def get_quote_cluster(cursor: duckdb.DuckDBPyConnection, cluster_id: str) -> dict[str, Any]:
    rows = fetch_dicts(cursor, f"SELECT {_QUOTE_CLUSTER_COLUMNS} FROM quote_clusters c WHERE c.id = ?", [cluster_id])
    if not rows:
        raise NotFound(f"no quote cluster with id {cluster_id!r}")
    cluster = rows[0]
    cluster["members"] = fetch_dicts(
        cursor, "SELECT q.id, q.doc_id, q.text, q.kind, q.speaker_text, d.title AS doc_title, d.outlet, d.published "
        "FROM quote_cluster_members m JOIN quotes q ON q.id = m.quote_id JOIN documents d ON d.id = q.doc_id "
        "WHERE m.cluster_id = ? ORDER BY d.published NULLS LAST, q.doc_id", [cluster_id],
    )
    return cluster


def actor_names(cursor: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    """Display names for these actor ids (an unknown id names itself)."""
    if not ids:
        return {}
    rows = cursor.execute("SELECT id, name FROM actors WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(sorted(ids))]).fetchall()
    names = {actor_id: actor_id for actor_id in ids}
    names.update({actor_id: name for actor_id, name in rows})
    return names
