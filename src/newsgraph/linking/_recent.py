"""An inverted index that keeps, per key, only the newest entries.

The linker places articles in publication order, so when very many stories, clusters or
quotations share one key (a country, a stock phrase) the oldest are the ones that have ended.
Keeping the newest ``limit`` per key keeps each look-up, and so each placement, at a bounded
cost however large the corpus grows.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["RecentIndex"]


class RecentIndex:
    def __init__(self, limit: int = 500) -> None:
        self.limit = limit
        self._entries: dict[object, dict[str, None]] = {}

    def add(self, key: object, value: str) -> None:
        entries = self._entries.setdefault(key, {})
        entries.pop(value, None)
        entries[value] = None
        if len(entries) > self.limit:
            del entries[next(iter(entries))]

    def get(self, key: object) -> Iterable[str]:
        return self._entries.get(key, {}).keys()
