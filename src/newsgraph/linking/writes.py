"""Writing one placed batch: link rows for the new documents, and the stories and clusters they
touched, recomputed from their members so counts are always those of the stored rows."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from newsgraph.linking.claims import write_claims
from newsgraph.linking.placed import PlacedBatch
from newsgraph.linking.state import match_key
from newsgraph.store import Store, id_list

__all__ = ["write_batch", "put"]

_STORY_COLUMNS = ("id", "title", "first_published", "last_published", "n_articles", "n_outlets", "profile", "linker")
_EVENT_CLUSTER_COLUMNS = (
    "id", "story_id", "type", "cameo", "source_actor_ids", "target_actor_ids", "date", "location_name",
    "first_doc_id", "first_reported", "n_events", "n_articles", "n_outlets", "statuses", "match_key", "linker",
)  # fmt: skip
_QUOTE_CLUSTER_COLUMNS = (
    "id", "speaker_actor_id", "text", "first_doc_id", "first_reported", "n_articles", "n_outlets", "linker",
)  # fmt: skip


def put(
    store: Store, table: str, columns: tuple[str, ...], rows: Sequence[Sequence[Any]], *, replace: bool = False
) -> None:
    """Insert rows given as sequences in ``columns`` order."""
    store.insert_rows(table, [dict(zip(columns, row)) for row in rows], replace=replace)


def write_batch(store: Store, placed: PlacedBatch, linker: str) -> None:
    if placed.near_duplicates:
        put(store, "near_duplicates", ("doc_id", "duplicate_of", "similarity"), placed.near_duplicates, replace=True)
    put(
        store,
        "story_documents",
        ("doc_id", "story_id", "score"),
        [(doc_id, story_id, score) for doc_id, (story_id, score) in placed.story_of.items()],
        replace=True,
    )
    _write_stories(store, placed, linker)
    _write_event_clusters(store, placed, linker)
    write_claims(store, placed.touched_event_clusters, placed.directory, placed.event_threshold)
    _write_quote_clusters(store, placed, linker)
    put(store, "link_state", ("doc_id", "linked_at"), [(p.doc_id, None) for p in placed.profiles], replace=True)


def _write_stories(store: Store, placed: PlacedBatch, linker: str) -> None:
    ids = sorted(placed.stories)
    counts = {
        story_id: (n, outlets)
        for story_id, n, outlets in store.db.execute(
            "SELECT sd.story_id, count(*), count(DISTINCT coalesce(d.outlet, d.id)) FROM story_documents sd "
            "JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN (SELECT unnest(?::JSON::VARCHAR[])) GROUP BY 1",
            [id_list(ids)],
        ).fetchall()
    }
    store.db.execute("DELETE FROM stories WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(ids)])
    rows = []
    for story_id in ids:
        story = placed.stories[story_id]
        n_articles, n_outlets = counts[story_id]
        story.n_articles = n_articles
        rows.append(
            [
                story.id,
                story.title,
                story.first_published,
                story.last_published,
                n_articles,
                n_outlets,
                story.profile_json(),
                linker,
            ]
        )
    put(store, "stories", _STORY_COLUMNS, rows)


def _write_event_clusters(store: Store, placed: PlacedBatch, linker: str) -> None:
    ids = sorted(placed.touched_event_clusters)
    members: list[list[str]] = []
    for cluster_id in ids:
        cluster = placed.event_clusters.clusters[cluster_id]
        members.extend([event_id, cluster_id, doc_id] for event_id, doc_id in cluster.new_members)
        cluster.new_members.clear()
    put(store, "event_cluster_members", ("event_id", "cluster_id", "doc_id"), members, replace=True)
    rows = _member_rows(
        store,
        "SELECT m.cluster_id, e.id AS event_id, e.doc_id, e.type, e.cameo, e.status, e.date, e.location_name, "
        "e.source_actor_ids, e.target_actor_ids, d.published, d.outlet, sd.story_id "
        "FROM event_cluster_members m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id "
        "LEFT JOIN story_documents sd ON sd.doc_id = m.doc_id "
        "WHERE m.cluster_id IN (SELECT unnest(?::JSON::VARCHAR[])) ORDER BY d.published NULLS LAST, e.doc_id, e.evidence_start, e.trigger_start, e.id",
        ids,
    )
    store.db.execute("DELETE FROM event_clusters WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(ids)])
    out = []
    for cluster_id in ids:
        events = rows.get(cluster_id, [])
        if not events:
            continue
        cluster = placed.event_clusters.clusters[cluster_id]
        first = events[0]
        dates = [e["date"] for e in events if e["date"]]
        out.append(
            [
                cluster_id,
                first["story_id"],
                Counter(e["type"] for e in events).most_common(1)[0][0],
                Counter(e["cameo"] for e in events).most_common(1)[0][0],
                sorted({a for e in events for a in e["source_actor_ids"]}),
                sorted({a for e in events for a in e["target_actor_ids"]}),
                max(dates, key=lambda d: (len(d), d)) if dates else None,
                next((e["location_name"] for e in events if e["location_name"]), None),
                first["doc_id"],
                first["published"],
                len(events),
                len({e["doc_id"] for e in events}),
                len({e["outlet"] or e["doc_id"] for e in events}),
                json.dumps(
                    [
                        {
                            "status": e["status"],
                            "event_id": e["event_id"],
                            "doc_id": e["doc_id"],
                            "published": e["published"],
                        }
                        for e in events
                    ]
                ),
                match_key(cluster.family, cluster.sources, cluster.targets, cluster.location_country),
                linker,
            ]
        )
    put(store, "event_clusters", _EVENT_CLUSTER_COLUMNS, out)


def _write_quote_clusters(store: Store, placed: PlacedBatch, linker: str) -> None:
    db = store.db
    groups = [placed.quote_groups.groups[g] for g in sorted(placed.touched_quote_groups)]
    shared = [g for g in groups if len(g.doc_ids) >= 2]
    quote_ids = [q.id for g in groups for q in g.quotes]
    gone = sorted(placed.dropped_quote_groups | {g.id for g in groups})
    db.execute(
        "DELETE FROM quote_cluster_members WHERE quote_id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(quote_ids)]
    )
    db.execute("DELETE FROM quote_clusters WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))", [id_list(gone)])
    if not shared:
        return
    put(
        store,
        "quote_cluster_members",
        ("quote_id", "cluster_id", "doc_id"),
        [(q.id, g.id, q.doc_id) for g in shared for q in g.quotes],
    )
    facts = {
        row[0]: row[1:]
        for row in db.execute(
            "SELECT q.id, q.text, d.published, coalesce(d.outlet, d.id) FROM quotes q JOIN documents d ON d.id = q.doc_id "
            "WHERE q.id IN (SELECT unnest(?::JSON::VARCHAR[]))",
            [id_list([q.id for g in shared for q in g.quotes])],
        ).fetchall()
    }
    rows = []
    for group in shared:
        ordered = sorted(group.quotes, key=lambda q: (facts[q.id][1] or "9999", q.doc_id))
        longest = max(group.quotes, key=lambda q: (len(q.words), q.id))
        rows.append(
            [
                group.id,
                group.speaker,
                facts[longest.id][0],
                ordered[0].doc_id,
                facts[ordered[0].id][1],
                len(group.doc_ids),
                len({facts[q.id][2] for q in group.quotes}),
                linker,
            ]
        )
    put(store, "quote_clusters", _QUOTE_CLUSTER_COLUMNS, rows)


def _member_rows(store: Store, sql: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    cursor = store.db.execute(sql, [id_list(ids)])
    names = [column[0] for column in cursor.description]
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in cursor.fetchall():
        record = dict(zip(names, row))
        grouped.setdefault(record["cluster_id"], []).append(record)
    return grouped
