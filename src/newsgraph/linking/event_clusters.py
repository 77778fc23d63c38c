"""Event clusters: one real-world happening reported many times, merged.

An event joins a cluster of the same family (a planned summit and the summit held are one family)
whose parties match its own (the same direction where both give a source and a target, one set of
parties inside the other otherwise), at a compatible place and time. Time is the event's own date
when the text gives one, else the date of the article that reports it; when neither is known the
event may only join a cluster of the same story. Events naming fewer than two parties never merge
across articles: "Russia vetoed" alone cannot say which veto.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from newsgraph.linking._recent import RecentIndex
from newsgraph.linking.dates import interval, overlaps, still_running
from newsgraph.linking.profiles import EventItem

__all__ = ["EventCluster", "EventClusterIndex", "cluster_id_for"]

# Two reports of one happening may date it a few days apart ("on Tuesday" vs the article date).
_SLACK_DAYS = 7
# How far before (or after) the reporting period of a story a dated report may still be news.
_PERIOD_SLACK_DAYS = 31
_BACKGROUND_DAYS = 366
_FORWARD = frozenset({"planned", "hypothetical"})
_SYMMETRIC = frozenset({"MEET", "COOPERATE", "AGREE"})


def cluster_id_for(first_event_id: str) -> str:
    return "eventcluster:" + hashlib.sha1(first_event_id.encode()).hexdigest()[:16]


@dataclass
class EventCluster:
    id: str
    family: str
    sources: frozenset[str]
    targets: frozenset[str]
    location_country: str | None
    story_ids: set[str] = field(default_factory=set)
    days: list[tuple[date, date]] = field(default_factory=list)
    new_members: list[tuple[str, str]] = field(default_factory=list)
    size: int = 0
    last_reported: str | None = None

    @property
    def parties(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def match_key(self) -> str:
        return self.family + "|" + "+".join(sorted(self.parties))

    def add(self, event: EventItem, story_id: str | None) -> None:
        self.sources |= event.sources
        self.targets |= event.targets
        self.location_country = self.location_country or event.location_country
        if story_id:
            self.story_ids.add(story_id)
        when = _when(event)
        if when is not None:
            self.days.append(when)
        if event.published and (self.last_reported is None or event.published > self.last_reported):
            self.last_reported = event.published
        self.new_members.append((event.id, event.doc_id))
        self.size += 1

    def accepts(self, event: EventItem, story_id: str | None, period: tuple[date, date] | None = None) -> float:
        """0 when the event cannot be this happening, else how well its parties match (0..1]."""
        if event.family != self.family or len(event.parties) < 2:
            return 0.0
        if not (event.parties <= self.parties or self.parties <= event.parties):
            return 0.0
        if event.sources and event.targets and self.sources and self.targets:
            forward = bool(event.sources & self.sources) and bool(event.targets & self.targets)
            backward = bool(event.sources & self.targets) and bool(event.targets & self.sources)
            if not (forward or (backward and self.family in _SYMMETRIC)):
                return 0.0
        if event.location_country and self.location_country and event.location_country != self.location_country:
            return 0.0
        if story_id not in self.story_ids and not still_running(self.last_reported, event.published):
            return 0.0
        fit = len(event.parties & self.parties) / len(event.parties | self.parties)
        when = _when(event)
        if when is None or not self.days:
            # Undated on one side: only within one story. A dated side from before the story was
            # reported is background: an undated report of something done may still be it (the
            # March veto retold in June), within a year, but not a plan, and any cluster of the
            # story's own time is preferred ("Putin visited Pyongyang in 2000" is not the summit).
            if story_id is None or story_id not in self.story_ids:
                return 0.0
            dated = [when] if when is not None else self.days
            if period is not None and dated and not any(overlaps(d, period, _PERIOD_SLACK_DAYS) for d in dated):
                undated = event if when is None else None
                if undated is None or undated.status in _FORWARD or not any(
                    overlaps(d, period, _BACKGROUND_DAYS) for d in dated
                ):
                    return 0.0
                return fit * 0.5
        elif not any(overlaps(when, day, _SLACK_DAYS) for day in self.days):
            return 0.0
        return fit


def _when(event: EventItem) -> tuple[date, date] | None:
    return interval(event.date) or interval(event.published)


class EventClusterIndex:
    """Clusters by family and party, so an event is compared only with clusters it could join."""

    def __init__(self) -> None:
        self.clusters: dict[str, EventCluster] = {}
        self._by_party = RecentIndex()

    def add(self, cluster: EventCluster) -> None:
        self.clusters[cluster.id] = cluster
        self._index(cluster)

    def _index(self, cluster: EventCluster) -> None:
        for party in cluster.parties:
            self._by_party.add((cluster.family, party), cluster.id)

    def place(self, event: EventItem, story_id: str | None, period: tuple[date, date] | None = None) -> EventCluster:
        """The cluster the event joins (a new one when none fits); the event is added to it.
        ``period`` is when the event's story was reported (first to last publication date)."""
        candidates: set[str] = set()
        for party in event.parties:
            candidates.update(self._by_party.get((event.family, party)))
        best: tuple[EventCluster | None, tuple[float, int]] = (None, (0.0, 0))
        for cluster_id in sorted(candidates):
            cluster = self.clusters[cluster_id]
            score = (cluster.accepts(event, story_id, period), cluster.size)
            if score[0] > 0 and score > best[1]:
                best = (cluster, score)
        found = best[0]
        if found is None:
            cluster = EventCluster(
                id=cluster_id_for(event.id),
                family=event.family,
                sources=frozenset(),
                targets=frozenset(),
                location_country=None,
            )
            self.clusters[cluster.id] = cluster
        else:
            cluster = found
        cluster.add(event, story_id)
        self._index(cluster)
        return cluster
