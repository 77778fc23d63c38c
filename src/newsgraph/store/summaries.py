"""Summary tables the pages read instead of joining or counting everything on every request.

``actor_stats`` holds each actor's mentions, events and quotations. ``event_timeline`` is a narrow
copy of every event with its time (the event's date, else its article's publication date), outlet,
article title and confidence, stored in timeline order: the timeline filters and orders it without joining
the documents. Both are derived from the per-document tables and rebuilt whole by
:func:`rebuild_summaries`, which :func:`newsgraph.store.search.rebuild_search_index` calls in the
same transaction as the full-text index, so they are always exactly as current as it is.
"""

from __future__ import annotations

import duckdb

__all__ = ["rebuild_summaries"]


def rebuild_summaries(db: duckdb.DuckDBPyConnection) -> None:
    """Refill the summary tables from the stored documents, mentions, events and quotes (inside the
    caller's transaction)."""
    db.execute("DELETE FROM event_timeline")
    db.execute(
        """
        INSERT INTO event_timeline
        SELECT e.id, e.doc_id, e.type, e.status, e.source_actor_ids, e.target_actor_ids, e.trigger_start, e.mutual,
               coalesce(e.date, left(d.published, 10)), d.outlet, d.title, d.published, e.confidence
        FROM events e JOIN documents d ON d.id = e.doc_id
        ORDER BY 9 NULLS LAST, 2, 7
        """
    )
    db.execute("DELETE FROM actor_stats")
    db.execute(
        """
        INSERT INTO actor_stats
        SELECT a.id, coalesce(m.n, 0), coalesce(e.n, 0), coalesce(q.n, 0)
        FROM actors a
        LEFT JOIN (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id
        LEFT JOIN (
            SELECT actor_id, count(DISTINCT id) AS n FROM (
                SELECT id, unnest(list_concat(source_actor_ids, target_actor_ids)) AS actor_id FROM events
            ) GROUP BY actor_id
        ) e ON e.actor_id = a.id
        LEFT JOIN (SELECT speaker_actor_id, count(*) AS n FROM quotes GROUP BY speaker_actor_id) q
            ON q.speaker_actor_id = a.id
        """
    )
