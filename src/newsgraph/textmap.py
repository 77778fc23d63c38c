"""Text that remembers where each of its characters came from.

Cleaning rewrites an article many times (drops lines, joins wrapped lines, swaps homoglyphs). Each
rewrite is a list of :class:`Edit` applied to a :class:`TrackedText`; the result keeps, for every
character, its offset in the raw input, so any span of the clean text traces back to the raw text.
The mapping is stored compactly as an :class:`OffsetMap` of runs.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "Removal", "TrackedText", "OffsetMap"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``; ``reason`` names the rule that asked for it.

    A deletion has an empty replacement, an insertion ``start == end``.
    """

    start: int
    end: int
    replacement: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class Removal:
    """A span of raw text that cleaning dropped, with the rule that dropped it."""

    raw_start: int
    raw_end: int
    text: str
    reason: str


class TrackedText:
    """A string plus, for each character, its offset in the raw input."""

    __slots__ = ("text", "origin")

    def __init__(self, text: str, origin: array[int] | None = None) -> None:
        self.text = text
        if origin is None:
            origin = array("i", range(len(text)))
        if len(origin) != len(text):
            raise ValueError("origin must have one entry per character")
        self.origin = origin

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"TrackedText({self.text[:40]!r}..., {len(self.text)} chars)"

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span ``[a, b)`` covering clean characters ``start..end``."""
        if start >= end:
            position = self.origin[start] if start < len(self.origin) else self._raw_end()
            return position, position
        return self.origin[start], self.origin[end - 1] + 1

    def _raw_end(self) -> int:
        return self.origin[-1] + 1 if self.origin else 0

    def apply(self, edits: Iterable[Edit]) -> tuple[TrackedText, list[Removal]]:
        """Apply non-overlapping edits; return the new text and the non-blank text they dropped.

        Characters of a replacement of the same length map one to one onto the replaced ones;
        otherwise they all map to the first replaced character (or, for an insertion, to the
        character that follows it).
        """
        ordered = sorted(edits, key=lambda edit: (edit.start, edit.end))
        pieces: list[str] = []
        origin = array("i")
        removals: list[Removal] = []
        cursor = 0
        for edit in ordered:
            if edit.start < cursor:
                raise ValueError(f"overlapping edits at {edit.start} ({edit.reason})")
            if edit.end > len(self.text):
                raise ValueError(f"edit past the end of the text ({edit.reason})")
            pieces.append(self.text[cursor : edit.start])
            origin.extend(self.origin[cursor : edit.start])
            old = self.text[edit.start : edit.end]
            if edit.replacement:
                pieces.append(edit.replacement)
                if len(edit.replacement) == len(old):
                    origin.extend(self.origin[edit.start : edit.end])
                else:
                    anchor = self._anchor(edit.start)
                    origin.extend([anchor] * len(edit.replacement))
            if old.strip() and not edit.replacement.strip():
                raw_start, raw_end = self.raw_span(edit.start, edit.end)
                removals.append(Removal(raw_start, raw_end, old, edit.reason))
            cursor = edit.end
        pieces.append(self.text[cursor:])
        origin.extend(self.origin[cursor:])
        return TrackedText("".join(pieces), origin), removals

    def _anchor(self, position: int) -> int:
        if position < len(self.origin):
            return self.origin[position]
        return self._raw_end()

    def sub(self, pattern: re.Pattern[str], replacement: str, reason: str) -> list[Edit]:
        """Edits replacing every match of ``pattern`` (a helper for simple steps)."""
        return [
            Edit(match.start(), match.end(), match.expand(replacement), reason)
            for match in pattern.finditer(self.text)
        ]

    def lines(self) -> Iterator[tuple[int, int, str]]:
        """Each line as ``(start, end, text)``, ``end`` excluding the newline."""
        start = 0
        text = self.text
        while start <= len(text):
            end = text.find("\n", start)
            if end == -1:
                end = len(text)
            yield start, end, text[start:end]
            start = end + 1

    def offset_map(self) -> OffsetMap:
        return OffsetMap.from_origin(self.origin)


@dataclass(frozen=True)
class OffsetMap:
    """Runs ``(clean_start, raw_start, length)`` in which clean and raw advance together."""

    runs: tuple[tuple[int, int, int], ...]

    @classmethod
    def from_origin(cls, origin: Sequence[int]) -> OffsetMap:
        runs: list[tuple[int, int, int]] = []
        run_clean = run_raw = length = 0
        for position, raw in enumerate(origin):
            if length and raw == run_raw + length:
                length += 1
                continue
            if length:
                runs.append((run_clean, run_raw, length))
            run_clean, run_raw, length = position, raw, 1
        if length:
            runs.append((run_clean, run_raw, length))
        return cls(tuple(runs))

    @classmethod
    def from_json(cls, data: Sequence[Sequence[int]]) -> OffsetMap:
        return cls(tuple((int(a), int(b), int(c)) for a, b, c in data))

    def to_json(self) -> list[list[int]]:
        return [list(run) for run in self.runs]

    def to_raw(self, clean_offset: int) -> int:
        """The raw offset of clean character ``clean_offset``."""
        if not self.runs:
            return 0
        low, high = 0, len(self.runs) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.runs[middle][0] <= clean_offset:
                low = middle
            else:
                high = middle - 1
        clean_start, raw_start, length = self.runs[low]
        return raw_start + min(max(clean_offset - clean_start, 0), length - 1)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering the clean span ``[start, end)``."""
        if start >= end:
            position = self.to_raw(start)
            return position, position
        return self.to_raw(start), self.to_raw(end - 1) + 1
