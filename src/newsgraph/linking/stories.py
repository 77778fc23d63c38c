"""Stories: articles grouped by what they report, placed one at a time.

A new article is compared with the stories it could belong to (those sharing its most telling
words or actors, and running at the time it was published) on three things: its words, its actors
and its events (type plus parties). It joins the best story scoring at least ``JOIN_SCORE``, or
starts a new one. Nothing already placed moves, so adding articles never re-clusters the corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.linking._recent import RecentIndex
from newsgraph.linking.dates import LINK_WINDOW_DAYS, interval, within
from newsgraph.linking.features import cosine
from newsgraph.linking.profiles import DocumentProfile

__all__ = ["Story", "StoryIndex", "story_score", "JOIN_SCORE", "STORY_DAYS_AFTER", "story_id_for"]

JOIN_SCORE = 0.3
# An article joins a story running from a few days before its first report to this long after
# its latest one; past that, the same words and actors make a new story.
_DAYS_BEFORE = 3
STORY_DAYS_AFTER = LINK_WINDOW_DAYS
_PROFILE_TERMS = 100
_PROFILE_ACTORS = 50
_INDEX_TERMS = 12
_INDEX_ACTORS = 8
_MAX_CANDIDATES = 40
_MAX_POSTING = 500
# The same parties meeting at another place is another meeting, so most likely another story.
_MEETING_ELSEWHERE = 0.7


def story_id_for(first_doc_id: str) -> str:
    return "story:" + hashlib.sha1(first_doc_id.encode()).hexdigest()[:16]


@dataclass
class Story:
    id: str
    title: str | None
    first_published: str | None
    last_published: str | None
    terms: dict[str, float] = field(default_factory=dict)
    actors: dict[str, float] = field(default_factory=dict)
    event_keys: set[str] = field(default_factory=set)
    meeting_places: set[str] = field(default_factory=set)
    n_articles: int = 0
    # The period read from (first_published, last_published), kept until they change.
    _period: tuple[tuple[str | None, str | None], tuple[date, date] | None] | None = field(
        default=None, repr=False, compare=False
    )

    def add(self, profile: DocumentProfile) -> None:
        self.n_articles += 1
        self.terms = _top(_summed(self.terms, profile.terms), _PROFILE_TERMS)
        self.actors = _top(_summed(self.actors, profile.actors), _PROFILE_ACTORS)
        self.event_keys |= profile.event_keys
        self.meeting_places |= profile.meeting_places
        if self.title is None:
            self.title = profile.title
        if profile.published:
            day = profile.published[:10]
            if self.first_published is None or day < self.first_published:
                self.first_published = day
            if self.last_published is None or day > self.last_published:
                self.last_published = day

    def profile_json(self) -> str:
        return json.dumps(
            {
                "terms": self.terms,
                "actors": self.actors,
                "event_keys": sorted(self.event_keys),
                "meeting_places": sorted(self.meeting_places),
            },
            sort_keys=True,
        )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Story:
        profile = json.loads(row["profile"])
        return cls(
            id=row["id"],
            title=row["title"],
            first_published=row["first_published"],
            last_published=row["last_published"],
            terms=profile.get("terms", {}),
            actors=profile.get("actors", {}),
            event_keys=set(profile.get("event_keys", [])),
            meeting_places=set(profile.get("meeting_places", [])),
            n_articles=row["n_articles"],
        )

    @property
    def period(self) -> tuple[date, date] | None:
        """First to last publication day of its articles, when known."""
        dates = (self.first_published, self.last_published)
        if self._period is None or self._period[0] != dates:
            first, last = interval(dates[0]), interval(dates[1])
            self._period = (dates, (first[0], last[1]) if first and last else None)
        return self._period[1]

    def index_keys(self) -> list[str]:
        return _index_keys(self.terms, self.actors)

    def accepts_date(self, published: str | None) -> bool:
        """Whether an article published then can still belong to this story."""
        return self.accepts_day(interval(published))

    def accepts_day(self, day: tuple[date, date] | None) -> bool:
        """:meth:`accepts_date` for a publication date already read by :func:`interval`."""
        period = self.period
        if day is None or period is None:
            return True
        return within(day[0], period[0], period[1], _DAYS_BEFORE, STORY_DAYS_AFTER)


def story_score(profile: DocumentProfile, story: Story) -> float:
    """How well the article fits the story, 0..1: words weigh most, then actors, then events."""
    parts = [(0.55, cosine(profile.terms, story.terms))]
    if profile.actors and story.actors:
        parts.append((0.3, cosine(profile.actors, story.actors)))
    keys = profile.event_keys
    if keys and story.event_keys:
        parts.append((0.15, len(keys & story.event_keys) / min(len(keys), len(story.event_keys))))
    # What neither side has (no actors found, no two-party events) says nothing either way: the
    # score is the weighted mean of what can be compared.
    score = sum(weight * value for weight, value in parts) / sum(weight for weight, _ in parts)
    return score * _MEETING_ELSEWHERE if _meets_elsewhere(profile.meeting_places, story.meeting_places) else score


def _meets_elsewhere(article: set[str], story: set[str]) -> bool:
    """Whether the article has the same parties meet somewhere the story never places them, while
    the story has them meet elsewhere: a summit in Pyongyang is not the summit in Vladivostok."""
    if not article or not story or article & story:
        return False
    story_meetings = {key.rsplit("@", 1)[0] for key in story}
    return any(key.rsplit("@", 1)[0] in story_meetings for key in article)


class StoryIndex:
    """The stories an article may join, found through an inverted index of their telling words
    and actors, so placing an article costs the same however many stories there are."""

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}
        self._postings = RecentIndex(_MAX_POSTING, forget=False)
        self._keys: dict[str, list[str]] = {}

    def add(self, story: Story) -> None:
        self.stories[story.id] = story
        self.reindex(story)

    def reindex(self, story: Story) -> None:
        """Index the story under its telling words and actors as they are now. Keys it no longer
        has are dropped: a story is found by what it is about now, and an index rebuilt from the
        stored stories (the next run's) is then the same as this one."""
        keys = story.index_keys()
        for key in self._keys.get(story.id, ()):
            if key not in keys:
                self._postings.remove(key, story.id)
        self._keys[story.id] = keys
        for key in keys:
            self._postings.add(key, story.id)

    def best(self, profile: DocumentProfile) -> tuple[Story | None, float]:
        """The best-fitting story the article may join and its score (None below the bar)."""
        hits: Counter[str] = Counter()
        for key in _index_keys(profile.terms, profile.actors):
            for story_id in self._postings.get(key):
                hits[story_id] += 1
        # Stories that ended before the article was published are left out before the best
        # candidates are taken, so they take no candidate's place (and a run that never loaded
        # them, as a later run does not, finds the same).
        day = interval(profile.published)
        running = [(story_id, n) for story_id, n in hits.items() if self.stories[story_id].accepts_day(day)]
        best: tuple[Story | None, float] = (None, 0.0)
        for story_id, _ in sorted(running, key=lambda item: (-item[1], item[0]))[:_MAX_CANDIDATES]:
            story = self.stories[story_id]
            score = story_score(profile, story)
            if score > best[1]:
                best = (story, score)
        return best if best[1] >= JOIN_SCORE else (None, best[1])


def _index_keys(terms: dict[str, float], actors: dict[str, float]) -> list[str]:
    top_terms = sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:_INDEX_TERMS]
    people = [(a, w) for a, w in actors.items() if not a.startswith(("country:", "sector:"))]
    top_actors = sorted(people, key=lambda item: (-item[1], item[0]))[:_INDEX_ACTORS]
    return ["w:" + term for term, _ in top_terms] + ["a:" + actor for actor, _ in top_actors]


def _summed(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    total = dict(a)
    for key, value in b.items():
        total[key] = total.get(key, 0.0) + value
    return total


def _top(vector: dict[str, float], limit: int) -> dict[str, float]:
    return {k: round(v, 5) for k, v in sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:limit]}
