"""Summary tables the pages read instead of scanning every event or mention.

``event_actors`` has one row per (event, actor, role), so the events of one actor are an index
lookup rather than a scan of every event's actor lists; ``actor_stats`` counts each actor's
mentions, events and quotations. Both are derived from the per-document tables and rebuilt whole
by :func:`rebuild_summaries`, which :func:`newsgraph.store.search.rebuild_search_index` calls in
the same transaction as the full-text index, so they are always exactly as current as it is.
"""

from __future__ import annotations

import duckdb

__all__ = ["rebuild_summaries"]


def rebuild_summaries(db: duckdb.DuckDBPyConnection) -> None:
    """Refill the summary tables from the stored events, mentions and quotes (inside the caller's
    transaction)."""
    db.execute("DELETE FROM event_actors")
    db.execute(
        """
        INSERT INTO event_actors
        SELECT id, unnest(source_actor_ids), 'source' FROM events
        UNION ALL
        SELECT id, unnest(target_actor_ids), 'target' FROM events
        """
    )
    db.execute("DELETE FROM actor_stats")
    db.execute(
        """
        INSERT INTO actor_stats
        SELECT a.id, coalesce(m.n, 0), coalesce(e.n, 0), coalesce(q.n, 0)
        FROM actors a
        LEFT JOIN (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id
        LEFT JOIN (SELECT actor_id, count(DISTINCT event_id) AS n FROM event_actors GROUP BY actor_id) e
            ON e.actor_id = a.id
        LEFT JOIN (SELECT speaker_actor_id, count(*) AS n FROM quotes GROUP BY speaker_actor_id) q
            ON q.speaker_actor_id = a.id
        """
    )
