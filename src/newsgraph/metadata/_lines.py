"""Line helpers shared by the metadata line steps.

A *content line* has at least one letter or digit: a blank line, or a lone ``|`` left by a page
layout, carries nothing and is skipped when the steps look for "the first lines" or "the last
lines" of an article. Deletions keep newlines, so a deleted line leaves a blank line (a block
boundary that later cleaning steps rely on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.records import Evidence
from newsgraph.steps import evidence_for
from newsgraph.textmap import Edit, TrackedText

__all__ = ["Line", "content_lines", "delete_line", "delete_span", "line_evidence", "is_content"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the current text: ``text`` is ``source[start:end]``, without its newline.

    ``index`` is the line's number among all lines (blank ones included), so two lines with
    consecutive indexes are adjacent, with no blank line between them.
    """

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def content_start(self) -> int:
        """Offset of the first non-space character."""
        return self.start + len(self.text) - len(self.text.lstrip())

    @property
    def content_end(self) -> int:
        """Offset just after the last non-space character."""
        return self.end - (len(self.text) - len(self.text.rstrip()))


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_content(text: str) -> bool:
    """True when ``text`` has a letter or a digit."""
    return _LETTER_OR_DIGIT.search(text) is not None


def content_lines(text: TrackedText, limit: int | None = None) -> list[Line]:
    """The content lines of ``text``, in order; only the first ``limit`` of them if given."""
    found: list[Line] = []
    for index, (start, end, line) in enumerate(text.lines()):
        if is_content(line):
            found.append(Line(index, start, end, line))
            if limit is not None and len(found) == limit:
                break
    return found


def delete_line(line: Line, reason: str) -> Edit:
    """Delete the characters of ``line``, keeping its newline."""
    return Edit(line.start, line.end, "", reason)


def delete_span(text: str, start: int, end: int, reason: str) -> list[Edit]:
    """Delete ``text[start:end]`` except its newlines, one edit per line piece.

    A notice that spans wrapped lines leaves blank lines where it was, instead of joining the
    line before it to the line after it.
    """
    edits: list[Edit] = []
    cursor = start
    while cursor < end:
        newline = text.find("\n", cursor, end)
        piece_end = end if newline == -1 else newline
        if piece_end > cursor:
            edits.append(Edit(cursor, piece_end, "", reason))
        cursor = piece_end + 1
    return edits


def line_evidence(text: TrackedText, line: Line, rule: str) -> Evidence:
    """Evidence for the stripped characters of ``line``."""
    return evidence_for(text, line.content_start, line.content_end, rule)
