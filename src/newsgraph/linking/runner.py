"""The linking run: place every document not yet linked, batch by batch, each batch in one
transaction, so an interrupted run leaves whole batches behind and the next run goes on from there.

Documents are placed in publication order (undated ones last), so a story's first article is its
earliest and ids stay stable: a story is named after its first article, a cluster after its first
event or quotation, and nothing already placed moves when new articles arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from newsgraph.linking.dates import interval
from newsgraph.linking.event_clusters import EventClusterIndex
from newsgraph.linking.near_duplicates import NearDuplicate, find_near_duplicates
from newsgraph.linking.profiles import ActorDirectory, DocumentProfile, load_profiles
from newsgraph.linking.quote_clusters import QuoteGroupIndex
from newsgraph.linking.state import load_event_clusters, load_quote_groups, load_stories
from newsgraph.linking.stories import STORY_DAYS_AFTER, Story, StoryIndex, story_id_for
from newsgraph.linking.term_counts import TermCounts
from newsgraph.linking.writes import write_batch
from newsgraph.store import Store, id_list

__all__ = ["LINKER_VERSION", "LinkSummary", "link", "unlink_all"]

LINKER_VERSION = "newsgraph.linking.v1"

LINK_TABLES = (
    "near_duplicates",
    "signature_bands",
    "stories",
    "story_documents",
    "event_clusters",
    "event_cluster_members",
    "quote_clusters",
    "quote_cluster_members",
    "contested_claims",
    "claim_sides",
    "link_state",
    "term_counts",
)


@dataclass
class LinkSummary:
    documents: int = 0
    new_stories: int = 0
    joined_stories: int = 0
    near_duplicates: int = 0
    seconds: float = 0.0
    touched_event_clusters: set[str] = field(default_factory=set)
    touched_quote_clusters: set[str] = field(default_factory=set)


def unlink_all(store: Store) -> None:
    """Forget every cross-document link (the per-document records stay); the next run relinks."""
    with store.transaction():
        for table in LINK_TABLES:
            store.db.execute(f"DELETE FROM {table}")


def pending_documents(store: Store, only: list[str] | None = None) -> list[str]:
    """Documents not linked yet, in the order they are placed."""
    rows = store.db.execute(
        "SELECT d.id FROM documents d ANTI JOIN link_state l ON l.doc_id = d.id ORDER BY d.published NULLS LAST, d.id"
    ).fetchall()
    ids = [row[0] for row in rows]
    if only is not None:
        wanted = set(only)
        ids = [doc_id for doc_id in ids if doc_id in wanted]
    return ids


def link(
    store: Store,
    *,
    batch_size: int = 500,
    on_batch: Callable[[int, int], None] | None = None,
    only: list[str] | None = None,
) -> LinkSummary:
    """Link the documents not linked yet; ``on_batch(done, total)`` reports progress."""
    started = time.perf_counter()
    summary = LinkSummary()
    pending = pending_documents(store, only)
    if not pending:
        return summary
    directory = ActorDirectory(store)
    since = _window_start(store, pending)
    stories = StoryIndex()
    for story in load_stories(store, since):
        stories.add(story)
    clusters = EventClusterIndex()
    for cluster in load_event_clusters(store, set(stories.stories)):
        clusters.add(cluster)
    quotes = QuoteGroupIndex()
    load_quote_groups(store, set(stories.stories), directory, quotes)
    counts = TermCounts(store)
    for start in range(0, len(pending), batch_size):
        batch = load_profiles(store, pending[start : start + batch_size], directory)
        # The batch counts before it is placed, so a template shared by the whole batch is
        # already known as common when its first article is placed.
        counts.add([profile.terms for profile in batch])
        for profile in batch:
            profile.terms = counts.damped(profile.terms)
        with store.transaction():
            placed = _place_batch(store, batch, stories, clusters, quotes, summary, directory)
            write_batch(store, placed, LINKER_VERSION)
            counts.write(store)
        summary.documents += len(batch)
        if on_batch is not None:
            on_batch(min(start + batch_size, len(pending)), len(pending))
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass
class PlacedBatch:
    """What one batch changed, for the writer."""

    profiles: list[DocumentProfile]
    story_of: dict[str, tuple[str, float]]
    stories: dict[str, Story]
    near_duplicates: list[tuple[str, str, float]]
    event_clusters: EventClusterIndex
    touched_event_clusters: set[str]
    quote_groups: QuoteGroupIndex
    touched_quote_groups: set[str]
    dropped_quote_groups: set[str]
    directory: ActorDirectory


def _place_batch(
    store: Store,
    batch: list[DocumentProfile],
    stories: StoryIndex,
    clusters: EventClusterIndex,
    quotes: QuoteGroupIndex,
    summary: LinkSummary,
    directory: ActorDirectory,
) -> PlacedBatch:
    duplicates = find_near_duplicates(store, batch)
    duplicate_of: dict[str, NearDuplicate] = {}
    for pair in duplicates:
        best = duplicate_of.get(pair.doc_id)
        if best is None or pair.similarity > best.similarity:
            duplicate_of[pair.doc_id] = pair
    story_of: dict[str, tuple[str, float]] = {}
    touched_stories: dict[str, Story] = {}
    touched_events: set[str] = set()
    touched_quotes: set[str] = set()
    dropped_quotes: set[str] = set()
    for profile in batch:
        story, score = _story_for(store, profile, stories, duplicate_of, story_of)
        if story is None:
            story = Story(id=story_id_for(profile.doc_id), title=None, first_published=None, last_published=None)
            stories.stories[story.id] = story
            score = 1.0
            summary.new_stories += 1
        else:
            summary.joined_stories += 1
        story.add(profile)
        stories.reindex(story)
        touched_stories[story.id] = story
        story_of[profile.doc_id] = (story.id, round(score, 4))
        for event in profile.events:
            touched_events.add(clusters.place(event, story.id, story.period).id)
        for quote in profile.quotes:
            group, merged = quotes.place(quote)
            touched_quotes.add(group.id)
            dropped_quotes.update(merged)
    touched_quotes -= dropped_quotes
    summary.near_duplicates += len(duplicates)
    summary.touched_event_clusters |= touched_events
    summary.touched_quote_clusters |= touched_quotes
    return PlacedBatch(
        profiles=batch,
        story_of=story_of,
        stories=touched_stories,
        near_duplicates=[(d.doc_id, d.duplicate_of, d.similarity) for d in duplicates],
        event_clusters=clusters,
        touched_event_clusters=touched_events,
        quote_groups=quotes,
        touched_quote_groups=touched_quotes,
        dropped_quote_groups=dropped_quotes,
        directory=directory,
    )


def _story_for(
    store: Store,
    profile: DocumentProfile,
    stories: StoryIndex,
    duplicate_of: dict[str, NearDuplicate],
    story_of: dict[str, tuple[str, float]],
) -> tuple[Story | None, float]:
    # A near-duplicate tells the same story as its original, whatever its words score.
    pair = duplicate_of.get(profile.doc_id)
    if pair is not None:
        original = pair.duplicate_of
        story_id = story_of.get(original, (None, 0.0))[0]
        if story_id is None:
            row = store.db.execute("SELECT story_id FROM story_documents WHERE doc_id = ?", [original]).fetchone()
            story_id = row[0] if row else None
        if story_id is not None and story_id in stories.stories:
            return stories.stories[story_id], pair.similarity
    return stories.best(profile)


def _window_start(store: Store, pending: list[str]) -> str | None:
    """Stories ending before this date cannot take any pending document; None when some pending
    document is undated (it may belong to any story)."""
    row = store.db.execute(
        "SELECT count(*) FILTER (WHERE published IS NULL), min(published) FROM documents "
        "WHERE id IN (SELECT unnest(?::JSON::VARCHAR[]))",
        [id_list(pending)],
    ).fetchone()
    if row is None or row[0] or row[1] is None:
        return None
    first = interval(row[1])
    return None if first is None else (first[0] - timedelta(days=STORY_DAYS_AFTER + 1)).isoformat()
