"""What earlier linking runs left, loaded back so a new run goes on where they stopped: the stories
still running at the new documents' dates, their event clusters, and their quotations."""

from __future__ import annotations

from newsgraph.linking.dates import interval
from newsgraph.linking.event_clusters import EventCluster
from newsgraph.linking.features import normalise_quote
from newsgraph.linking.profiles import MIN_QUOTE_WORDS, ActorDirectory, QuoteItem
from newsgraph.linking.quote_clusters import QuoteGroupIndex
from newsgraph.linking.stories import Story
from newsgraph.store import Store, id_list

__all__ = ["load_stories", "load_event_clusters", "load_quote_groups", "match_key", "parse_match_key"]


def match_key(family: str, sources: frozenset[str], targets: frozenset[str], location: str | None) -> str:
    return "|".join([family, "+".join(sorted(sources)), "+".join(sorted(targets)), location or ""])


def parse_match_key(key: str) -> tuple[str, frozenset[str], frozenset[str], str | None]:
    family, sources, targets, location = key.split("|")
    return (
        family,
        frozenset(filter(None, sources.split("+"))),
        frozenset(filter(None, targets.split("+"))),
        location or None,
    )


# Every linked document's place in the order documents were placed: by run and batch (the time
# its batch was written), then in the batch's order (publication date, undated last, then id).
_PLACED = (
    "SELECT l.doc_id, row_number() OVER (ORDER BY l.linked_at, d.published NULLS LAST, d.id) AS placed "
    "FROM link_state l JOIN documents d ON d.id = l.doc_id"
)


def load_stories(store: Store, since: str | None) -> list[Story]:
    """The stories still running at ``since`` (all when None), in the order they last took an
    article: indexed in that order, they are found as they were when the last run ended."""
    rows = store.query(
        f"WITH placed AS ({_PLACED}), last AS (SELECT sd.story_id, max(p.placed) AS placed FROM story_documents sd "
        "JOIN placed p ON p.doc_id = sd.doc_id GROUP BY sd.story_id) "
        "SELECT s.* FROM stories s LEFT JOIN last ON last.story_id = s.id "
        "WHERE ? IS NULL OR s.last_published IS NULL OR s.last_published >= ? "
        "ORDER BY last.placed NULLS FIRST, s.id",
        [since, since],
    )
    return [Story.from_row(row) for row in rows]


def load_event_clusters(store: Store, story_ids: set[str]) -> list[EventCluster]:
    """The event clusters of these stories, in the order they last took an event (the linker
    places a document's events in their order in its text)."""
    if not story_ids:
        return []
    members = store.db.execute(
        "SELECT m.cluster_id, sd.story_id, e.date, d.published FROM event_cluster_members m "
        "JOIN story_documents sd ON sd.doc_id = m.doc_id "
        "JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id "
        "WHERE m.cluster_id IN (SELECT DISTINCT m2.cluster_id FROM event_cluster_members m2 "
        "JOIN story_documents s2 ON s2.doc_id = m2.doc_id WHERE s2.story_id IN (SELECT unnest(?::JSON::VARCHAR[])))",
        [id_list(sorted(story_ids))],
    ).fetchall()
    by_cluster: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for cluster_id, story_id, event_date, published in members:
        by_cluster.setdefault(cluster_id, []).append((story_id, event_date, published))
    clusters = []
    for cluster_id, key in store.db.execute(
        f"WITH placed AS ({_PLACED}), last AS (SELECT m.cluster_id, max((p.placed, e.evidence_start, e.trigger_start, "
        "e.id)) AS placed FROM event_cluster_members m JOIN events e ON e.id = m.event_id "
        "JOIN placed p ON p.doc_id = m.doc_id WHERE m.cluster_id IN (SELECT unnest(?::JSON::VARCHAR[])) GROUP BY 1) "
        "SELECT c.id, c.match_key FROM event_clusters c JOIN last ON last.cluster_id = c.id ORDER BY last.placed, c.id",
        [id_list(sorted(by_cluster))],
    ).fetchall():
        family, sources, targets, location = parse_match_key(key)
        cluster = EventCluster(cluster_id, family, sources, targets, location)
        for story_id, event_date, published in by_cluster[cluster_id]:
            cluster.story_ids.add(story_id)
            cluster.size += 1
            if published and (cluster.last_reported is None or published > cluster.last_reported):
                cluster.last_reported = published
            when = interval(event_date) or interval(published)
            if when is not None:
                cluster.days.append(when)
        clusters.append(cluster)
    return clusters


def load_quote_groups(store: Store, story_ids: set[str], directory: ActorDirectory, index: QuoteGroupIndex) -> None:
    """Place the quotations of these stories' articles again, in the order they were first placed,
    which rebuilds the same groups under the same ids."""
    if not story_ids:
        return
    rows = store.db.execute(
        "SELECT q.id, q.doc_id, q.speaker_actor_id, q.text, d.published FROM quotes q "
        "JOIN story_documents sd ON sd.doc_id = q.doc_id JOIN documents d ON d.id = q.doc_id "
        "JOIN link_state l ON l.doc_id = q.doc_id "
        "WHERE sd.story_id IN (SELECT unnest(?::JSON::VARCHAR[])) AND q.kind IN ('direct', 'partial') "
        "ORDER BY l.linked_at, d.published NULLS LAST, q.doc_id, q.start, q.id",
        [id_list(sorted(story_ids))],
    ).fetchall()
    for quote_id, doc_id, speaker, text, published in rows:
        tokens = tuple(normalise_quote(text))
        if len(tokens) >= MIN_QUOTE_WORDS:
            index.place(QuoteItem(quote_id, doc_id, speaker, tokens, published))
