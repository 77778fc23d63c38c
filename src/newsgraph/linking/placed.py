"""What placing one batch of documents changed: the linking run makes it, the writer stores it."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.linking.event_clusters import EventClusterIndex
from newsgraph.linking.profiles import ActorDirectory, DocumentProfile
from newsgraph.linking.quote_clusters import QuoteGroupIndex
from newsgraph.linking.stories import Story

__all__ = ["PlacedBatch"]


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
    event_threshold: float
