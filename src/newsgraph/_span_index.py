"""Records with character offsets, found by where they lie in the text.

Asking "which mentions (times, places) lie inside this sentence?" of a plain list reads the whole
list for every question, which makes a long article cost the square of its length. An index sorted
by start answers from the neighbourhood of the span, in the order of the list it was made from.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

__all__ = ["SpanIndex"]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Spanned)


class SpanIndex(Generic[T]):
    """``items`` (each with ``start`` and ``end``) by where they lie; answers keep their order."""

    def __init__(self, items: Sequence[T]) -> None:
        self.size = len(items)
        self._pairs = sorted(enumerate(items), key=lambda pair: pair[1].start)
        self._starts = [item.start for _, item in self._pairs]
        self._longest = max((item.end - item.start for item in items), default=0)

    def inside(self, start: int, end: int) -> list[T]:
        """The items with ``start <= item.start`` and ``item.end <= end``."""
        pairs = self._pairs[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [item for _, item in sorted(pairs, key=_place) if item.end <= end]

    def holding(self, start: int, end: int) -> list[T]:
        """The items with ``item.start <= start`` and ``end <= item.end``."""
        pairs = self._pairs[bisect_left(self._starts, end - self._longest) : bisect_right(self._starts, start)]
        return [item for _, item in sorted(pairs, key=_place) if end <= item.end]


def _place(pair: tuple[int, object]) -> int:
    return pair[0]
