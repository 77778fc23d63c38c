"""Pairing quotation marks: which stretches of a clean text stand inside quotes.

This works on the characters alone, before any parsing, and knows nothing of speakers. A mark
opens or closes by what stands on either side of it, the way a reader decides:

* a mark between two letters or digits is never a quote (``don't``, ``Spain's``, a stray ``a"b``);
* a mark can open when a non-space follows it and no letter or digit precedes it, and can close
  when a non-space precedes it and no letter or digit follows it; curly marks keep their direction;
* a single quote before a digit (``the '90s``) is an elision, and a single quote after a word
  (``the Farmers' Union``) only closes a single quote opened before it in the same paragraph, and
  not even then when it reads as a plural possessive and a later mark can close instead
  (``'the workers' strike'``), so apostrophes never open or close a quotation;
* a single-quoted stretch inside a double-quoted one (a quote within a quote) is dropped: its
  words belong to the outer quotation.

A quotation never runs past its paragraph (paragraphs are separated by a blank line). A double
quote left open at the end of a paragraph is cut there; it ``continues`` when the next paragraph
opens with a double quote, the news convention for a quotation running over several paragraphs
(the earlier paragraphs get an opening mark but no closing one). A single quote left open is
taken for an apostrophe and dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = ["QuotedRegion", "paragraph_spans", "find_quoted_regions"]

_DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_SINGLE_MARKS = "'\u2018\u2019\u201a\u2039\u203a"
_ALWAYS_OPEN = "\u201c\u201e\u00ab\u2018\u201a\u2039"
_ALWAYS_CLOSE = "\u201d\u00bb\u203a"
_INNER_TRAILING = " \t\n,;:"
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class QuotedRegion:
    """One stretch of text between quotation marks.

    ``start``/``end`` delimit the quoted words, without the marks, surrounding spaces or the comma
    house style puts before a closing mark. ``outer_start`` is the opening mark and ``outer_end``
    the character after the closing mark (or the paragraph's end when there was none). ``double``
    tells double from single marks.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    double: bool
    closed: bool
    continues: bool


@dataclass(frozen=True)
class _Mark:
    position: int
    can_open: bool
    can_close: bool
    possessive: bool = False


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (text between blank lines), without edge whitespace."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for separator in [*_BLANK_LINE.finditer(text), None]:
        end = separator.start() if separator else len(text)
        chunk = text[cursor:end]
        stripped = chunk.strip()
        if stripped:
            first = cursor + (len(chunk) - len(chunk.lstrip()))
            spans.append((first, first + len(stripped)))
        if separator:
            cursor = separator.end()
    return spans


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """Every quoted stretch of ``text``, in text order."""
    paragraphs = paragraph_spans(text)
    regions: list[QuotedRegion] = []
    for index, (start, end) in enumerate(paragraphs):
        next_opens = index + 1 < len(paragraphs) and _opens_with_double(text, paragraphs[index + 1][0])
        doubles = _pair(text, _marks(text, start, end, _DOUBLE_MARKS), index, end, True, next_opens)
        singles = _pair(text, _marks(text, start, end, _SINGLE_MARKS), index, end, False, False)
        kept = [single for single in singles if not _overlaps_any(single, doubles)]
        regions.extend(sorted([*doubles, *kept], key=lambda region: region.outer_start))
    return regions


def _opens_with_double(text: str, position: int) -> bool:
    return text[position] in _DOUBLE_MARKS and _classify(text, position, True).can_open


def _marks(text: str, start: int, end: int, family: str) -> list[_Mark]:
    double = family is _DOUBLE_MARKS
    marks = (_classify(text, position, double) for position in range(start, end) if text[position] in family)
    return [mark for mark in marks if mark.can_open or mark.can_close]


def _classify(text: str, position: int, double: bool) -> _Mark:
    char = text[position]
    before = text[position - 1] if position > 0 else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return _Mark(position, False, False)
    can_open = not after.isspace() and not before.isalnum() and char not in _ALWAYS_CLOSE
    can_close = not before.isspace() and not after.isalnum() and char not in _ALWAYS_OPEN
    if not double and after.isdigit():
        can_open = False
    following = text[position + 2] if position + 2 < len(text) else " "
    possessive = not double and before == "s" and after == " " and following.isalnum()
    return _Mark(position, can_open, can_close, possessive)


def _pair(
    text: str, marks: list[_Mark], paragraph: int, paragraph_end: int, double: bool, next_opens: bool
) -> list[QuotedRegion]:
    regions: list[QuotedRegion] = []
    opened: int | None = None
    for index, mark in enumerate(marks):
        if opened is None:
            if mark.can_open:
                opened = mark.position
        elif mark.can_close and not _closes_later(mark, marks[index + 1 :]):
            regions.append(_region(text, opened, mark.position, paragraph, double, closed=True))
            opened = None
        elif mark.can_open:
            if double:
                regions.append(_region(text, opened, mark.position, paragraph, double, closed=False))
            opened = mark.position
    if opened is not None and double:
        region = _region(text, opened, paragraph_end, paragraph, double, closed=False)
        regions.append(replace(region, continues=next_opens))
    return [region for region in regions if region.end > region.start]


def _closes_later(mark: _Mark, following: list[_Mark]) -> bool:
    """Whether a plural possessive ("the workers' strike") leaves the closing to a later mark."""
    return mark.possessive and bool(following) and following[0].can_close and not following[0].can_open


def _region(text: str, opened: int, closing: int, paragraph: int, double: bool, closed: bool) -> QuotedRegion:
    start = opened + 1
    while start < closing and text[start].isspace():
        start += 1
    end = closing
    while end > start and text[end - 1] in _INNER_TRAILING:
        end -= 1
    outer_end = closing + 1 if closed else closing
    return QuotedRegion(start, end, opened, outer_end, paragraph, double, closed, continues=False)


def _overlaps_any(region: QuotedRegion, others: list[QuotedRegion]) -> bool:
    return any(
        region.outer_start < other.outer_end and other.outer_start < region.outer_end for other in others
    )
