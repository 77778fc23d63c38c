"""Words common in this corpus: a fixed English frequency list cannot know that "shr", "revs" and
"qtr" open every earnings report of a newswire, so the linker also counts, over the articles it
has linked, how many had each word among their most telling ones. A word shared by more than
``COMMON_SHARE`` of them (and by at least ``COMMON_MIN`` articles, so small collections are not
affected) weighs less in proportion."""

from __future__ import annotations

import math

from newsgraph.store import Store

__all__ = ["TermCounts", "COMMON_SHARE", "COMMON_MIN"]

COMMON_SHARE = 0.005
COMMON_MIN = 50


class TermCounts:
    """Document counts of profile words, loaded once per run and written back per batch."""

    def __init__(self, store: Store) -> None:
        self.docs: dict[str, int] = dict(store.db.execute("SELECT term, docs FROM term_counts").fetchall())
        row = store.db.execute("SELECT count(*) FROM link_state").fetchone()
        self.total = int(row[0]) if row else 0
        self._changed: set[str] = set()

    def add(self, terms: list[dict[str, float]]) -> None:
        for vector in terms:
            for term in vector:
                self.docs[term] = self.docs.get(term, 0) + 1
                self._changed.add(term)
        self.total += len(terms)

    def damped(self, vector: dict[str, float]) -> dict[str, float]:
        """The vector with corpus-common words weighed down, L2-normalised again."""
        common = max(COMMON_MIN, COMMON_SHARE * self.total)
        out = {term: weight * min(1.0, common / self.docs.get(term, 1)) ** 2 for term, weight in vector.items()}
        norm = math.sqrt(sum(v * v for v in out.values()))
        return {term: round(v / norm, 5) for term, v in out.items()} if norm else {}

    def write(self, store: Store) -> None:
        if self._changed:
            store.insert_rows(
                "term_counts", [{"term": t, "docs": self.docs[t]} for t in sorted(self._changed)], replace=True
            )
            self._changed.clear()
