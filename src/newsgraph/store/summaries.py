"""A summary table the pages read instead of counting every mention: ``actor_stats`` holds each
actor's mentions, events and quotations. It is derived from the per-document tables and rebuilt
whole by :func:`rebuild_summaries`, which :func:`newsgraph.store.search.rebuild_search_index`
calls in the same transaction as the full-text index, so it is always exactly as current as it.
"""

from __future__ import annotations

import duckdb

__all__ = ["rebuild_summaries"]


def rebuild_summaries(db: duckdb.DuckDBPyConnection) -> None:
    """Refill the summary table from the stored mentions, events and quotes (inside the caller's
    transaction)."""
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
