"""Quote clusters: the same words of the same speaker carried by several articles.

Quotations are compared as words (quotation marks, punctuation and case do not count). Two join
when one's words run inside the other's (a partial quote of a longer one) or they share most of
their four-word shingles (trimmed differently), and their speakers agree: the same actor, or one
of them unknown. A long shared run (twelve words and more) needs no speaker check: outlets do
attribute the same words to a spokesperson and to her department.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from newsgraph.linking._recent import RecentIndex
from newsgraph.linking.dates import still_running
from newsgraph.linking.profiles import QuoteItem

__all__ = ["QuoteGroup", "QuoteGroupIndex", "quote_cluster_id_for"]

_OVERLAP = 0.6
_LONG_RUN = 12


def quote_cluster_id_for(first_quote_id: str) -> str:
    return "quotecluster:" + hashlib.sha1(first_quote_id.encode()).hexdigest()[:16]


@dataclass
class QuoteGroup:
    id: str
    speaker: str | None
    quotes: list[QuoteItem] = field(default_factory=list)

    @property
    def last_reported(self) -> str | None:
        return max((q.published for q in self.quotes if q.published), default=None)

    @property
    def doc_ids(self) -> set[str]:
        return {quote.doc_id for quote in self.quotes}

    @property
    def text_words(self) -> tuple[str, ...]:
        return max((quote.words for quote in self.quotes), key=len)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def same_words(a: QuoteItem, b: QuoteItem) -> bool:
    """Whether two quotations carry the same words (one inside the other, or mostly shared)."""
    longer, shorter = (a, b) if len(a.words) >= len(b.words) else (b, a)
    if _contains(longer.words, shorter.words):
        return True
    sa, sb = a.shingles, b.shingles
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) >= _OVERLAP


def _speakers_agree(a: QuoteItem, b: QuoteItem) -> bool:
    if a.speaker is None or b.speaker is None or a.speaker == b.speaker:
        return True
    return min(len(a.words), len(b.words)) >= _LONG_RUN


class QuoteGroupIndex:
    """Every quotation seen, grouped; found again through its shingles."""

    def __init__(self) -> None:
        self.groups: dict[str, QuoteGroup] = {}
        self._group_of: dict[str, str] = {}
        self._by_shingle = RecentIndex()
        self._quotes: dict[str, QuoteItem] = {}
        self._first_seen: dict[str, int] = {}

    def place(self, quote: QuoteItem) -> tuple[QuoteGroup, list[str]]:
        """Add the quotation; return its group and the ids of groups merged into it."""
        matches: set[str] = set()
        for shingle in quote.shingles:
            for other_id in self._by_shingle.get(shingle):
                other = self._quotes[other_id]
                if other.doc_id != quote.doc_id and same_words(quote, other) and _speakers_agree(quote, other):
                    group_id = self._group_of[other_id]
                    if still_running(self.groups[group_id].last_reported, quote.published):
                        matches.add(group_id)
        self._quotes[quote.id] = quote
        for shingle in quote.shingles:
            self._by_shingle.add(shingle, quote.id)
        ordered: list[str] = []
        if not matches:
            group = QuoteGroup(id=quote_cluster_id_for(quote.id), speaker=quote.speaker)
            self.groups[group.id] = group
        else:
            # The oldest group keeps its id; the others are folded into it.
            ordered = sorted(matches, key=lambda gid: (self._first_seen[gid], gid))
            group = self.groups[ordered[0]]
            for merged_id in ordered[1:]:
                merged = self.groups.pop(merged_id)
                for member in merged.quotes:
                    self._group_of[member.id] = group.id
                group.quotes.extend(merged.quotes)
        group.quotes.append(quote)
        group.speaker = group.speaker or quote.speaker
        self._group_of[quote.id] = group.id
        self._first_seen.setdefault(group.id, len(self._first_seen))
        return group, (ordered[1:] if matches else [])
