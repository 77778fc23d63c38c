"""An inverted index that answers, per key, with only the newest entries.

The linker places articles in publication order, so when very many stories, clusters or
quotations share one key (a country, a stock phrase) the oldest are the ones that have ended.
Answering with the newest ``limit`` per key keeps each look-up, and so each placement, at a
bounded cost however large the corpus grows.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

__all__ = ["RecentIndex"]


class RecentIndex:
    """Entries per key, newest (most recently added) last.

    By default an index also forgets all but the newest ``limit`` entries of a key, which bounds
    its memory. ``forget=False`` keeps them, for an index whose entries can leave a key
    (:meth:`remove`): what it answers then depends only on which keys each entry holds now and the
    order entries were last added, never on what was forgotten earlier, so an index rebuilt in
    that order answers exactly as the one it replaces.
    """

    def __init__(self, limit: int = 500, *, forget: bool = True) -> None:
        self.limit = limit
        self.forget = forget
        self._entries: dict[object, dict[str, None]] = {}

    def add(self, key: object, value: str) -> None:
        entries = self._entries.setdefault(key, {})
        entries.pop(value, None)
        entries[value] = None
        if self.forget and len(entries) > self.limit:
            del entries[next(iter(entries))]

    def remove(self, key: object, value: str) -> None:
        entries = self._entries.get(key)
        if entries is not None:
            entries.pop(value, None)

    def get(self, key: object) -> Iterable[str]:
        """The newest ``limit`` entries of ``key``."""
        entries = self._entries.get(key, {})
        if len(entries) <= self.limit:
            return entries.keys()
        return list(islice(reversed(entries), self.limit))
