"""Turn line-broken text into paragraphs separated by one blank line.

Scraped and wire text arrives in two line layouts, told apart by measuring the lines:

* **hard-wrapped**: lines of similar width (typically 60-80 characters), a paragraph running over
  several lines, sometimes with its first line indented (Reuters-21578);
* **paragraph lines**: each line a whole paragraph (long lines of varying length), with or without
  blank lines between them.

Inside a block of non-blank lines each newline becomes a paragraph break, a space, or nothing (a
word broken across the line); a line-end hyphen is kept or dropped by the dictionary. A newline is
a paragraph break when: a line is a table row; the next line is indented (where indentation marks
paragraphs); a line is a heading (a short line without terminal punctuation between a paragraph
end and a sentence start, such as a crosshead in capitals); or the line ends a sentence and the
next one starts one. In hard-wrapped text the last is certain when the next line's first word
would have fitted on the line (the writer broke early on purpose) and, where no indentation marks
paragraphs, is also taken for a full line: measured on Reuters-21578 with its indentation removed,
such a line ended the paragraph nine times in ten. Every other newline is joined. Across a blank
line, a paragraph that stops mid-sentence and resumes in lowercase (a caption or furniture line
was taken out of its middle) is joined again.

Widths are measured in the raw text (through the offset map), so a dateline or a label that an
earlier step took off a line does not make the line look short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsgraph.clean._dictionary import (
    JOINED_ZIPF,
    hyphenated_frequency,
    is_fragment,
    is_word,
    word_frequency,
)
from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["Layout", "measure_layout", "join_wrapped_lines", "unwrap_lines"]

# Indentation that marks a paragraph's first line (Reuters-21578 uses four spaces); one space is
# more often an artefact (a converted no-break space) than a layout.
MIN_INDENT = 2
# Longest line width still taken for hard wrapping (wire and e-mail text wraps at 60-80), and the
# share of longer inner lines tolerated (a URL, a table row).
MAX_WRAP_WIDTH = 100
MAX_LONG_SHARE = 0.1
# In wrapped text a line that does not end a sentence was broken because it was full: at least
# this share of such lines must reach FULL_LINE of the wrap width.
MIN_FULL_SHARE = 0.6
FULL_LINE = 0.75
# A heading is at most this many words, and in wrapped text at most this share of the width.
HEADING_WORDS = 10
HEADING_WIDTH = 0.7
HEADING_MAX_CHARS = 80
# A line-end hyphen is dropped when the joined word is at least about as common as the hyphenated
# pair (measured on the 50 line-end hyphens of Reuters-21578: "share-holders" 3.94 against 3.99 is
# joined, "anti-viral" 2.83 against 4.03 keeps its hyphen).
HYPHEN_MARGIN = 0.5
# Text an earlier step removed from a line's start (a dateline, a label) is at most this long;
# beyond it the raw span must include whole deleted lines and the current width is used instead.
MAX_REMOVED_PREFIX = 60

_TERMINAL = frozenset(".!?:\u2026")
_CLOSERS = "\"')]"
_CLOSING = frozenset(".,;:!?)]}")
_ABBREVIATION = re.compile(
    r"[(\"']*(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Gov|Sen|Rep|Rev|Sr|St|Ft|Mt|"
    r"No|Nos|Vol|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|vs|approx|etc|e\.g|i\.e)\."
)
_SENTENCE_START = re.compile(r"[\"'(\[]*[A-Z0-9]")
_CAPITAL_START = re.compile(r"[\"'(\[]*[A-Z]")
# A line ending in one of these words runs on: it is not a heading.
_RUN_ON_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or"}
    | {"than", "that", "the", "to", "which", "who", "with"}
)
# The joints only look at a line's last few characters: a longer word is no word.
_TAIL = 40
_LAST_WORD = re.compile(r"(?:^|[\s\"'(\[])([^\W\d_]+)$")
_FIRST_WORD = re.compile(r"([^\W\d_]+)(?![\w'\u2019])")
_HYPHEN_END = re.compile(r"(?:^|[\s\"'(\[])([^\W\d_]+)-$")
_DASH_END = re.compile(r"(\s?)(?:-+|\u2013|\u2014)$")


@dataclass(frozen=True, slots=True)
class Layout:
    """How a text's lines are laid out: hard-wrapped at ``width``, or one paragraph per line.

    ``indented`` says that indentation marks the first line of a paragraph (some lines are
    indented at least :data:`MIN_INDENT` deeper than ``base_indent``, the shallowest).
    """

    wrapped: bool
    width: int
    indented: bool
    base_indent: int


@dataclass(frozen=True, slots=True)
class _Line:
    """A non-blank line: its content span, indentation, raw width and what its ends look like."""

    start: int
    end: int
    indent: int
    width: int
    text: str
    ends_sentence: bool
    first_word: int


def join_wrapped_lines(text: TrackedText) -> StepResult:
    """Edits that turn ``text`` into paragraphs separated by exactly one blank line."""
    blocks = _blocks(text)
    layout = _layout_of(blocks)
    edits: list[Edit] = []
    for block in blocks:
        for index in range(len(block) - 1):
            previous = block[index - 1] if index else None
            following = block[index + 2] if index + 2 < len(block) else None
            left, right = block[index], block[index + 1]
            if _is_break(previous, left, right, following, layout):
                edits.append(Edit(left.end, right.start, "\n\n", "unwrap:paragraph"))
            else:
                edits.append(_join(left, right))
    for before, after in pairwise(blocks):
        left, right = before[-1], after[0]
        if _continues(left, right, layout):
            edits.append(_join(left, right))
        elif text.text[left.end : right.start] != "\n\n":
            edits.append(Edit(left.end, right.start, "\n\n", "unwrap:paragraph"))
    return StepResult(edits=edits)


def measure_layout(text: TrackedText) -> Layout:
    """The line layout of ``text`` (hard-wrapped or paragraph lines), as the step sees it."""
    return _layout_of(_blocks(text))


def unwrap_lines(lines: Sequence[str]) -> str:
    """Join the lines of one paragraph into one line, mending words broken across them."""
    pieces: list[str] = []
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if pieces:
            cut, joiner, _ = _joint(pieces[-1], line)
            if cut:
                pieces[-1] = pieces[-1][:-cut]
            pieces.append(joiner)
        pieces.append(line)
    return "".join(pieces)


def _blocks(text: TrackedText) -> list[list[_Line]]:
    """The runs of non-blank lines of ``text``."""
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    origin = text.origin
    for line_start, _, line in text.lines():
        content = line.strip()
        if not content:
            if current:
                blocks.append(current)
                current = []
            continue
        indent = len(line) - len(line.lstrip())
        if line.startswith("\t"):
            indent += MIN_INDENT
        start = line_start + len(line) - len(line.lstrip())
        end = start + len(content)
        width = end - line_start
        if line_start > 0:
            raw_width = origin[end - 1] - origin[line_start - 1]
            if width <= raw_width <= width + MAX_REMOVED_PREFIX:
                width = raw_width
        first = content.find(" ")
        current.append(
            _Line(
                start,
                end,
                indent,
                width,
                content,
                _ends_sentence(content),
                first if first > 0 else len(content),
            )
        )
    if current:
        blocks.append(current)
    return blocks


def _layout_of(blocks: Sequence[Sequence[_Line]]) -> Layout:
    inner = [line for block in blocks for line in block[:-1]]
    indents = [line.indent for block in blocks for line in block]
    base_indent = min(indents, default=0)
    indented = any(indent >= base_indent + MIN_INDENT for indent in indents)
    widths = sorted(line.width for line in inner)
    if len(widths) < 2:
        return Layout(False, max(widths, default=0), indented, base_indent)
    # The 90th percentile rather than the maximum: one over-long line (a URL, a title) must not
    # make every other line look short.
    width = widths[min(len(widths) - 1, len(widths) * 9 // 10)]
    too_long = sum(line_width > MAX_WRAP_WIDTH for line_width in widths)
    running = [line.width for line in inner if not line.ends_sentence]
    full = sum(line_width >= FULL_LINE * width for line_width in running)
    wrapped = too_long <= MAX_LONG_SHARE * len(widths) and full >= MIN_FULL_SHARE * len(running)
    return Layout(wrapped, width, indented, base_indent)


def _is_break(
    previous: _Line | None, left: _Line, right: _Line, following: _Line | None, layout: Layout
) -> bool:
    if _is_tabular(left.text) or _is_tabular(right.text):
        return True
    if layout.indented and right.indent >= layout.base_indent + MIN_INDENT:
        return True
    if _is_heading(previous, left, right, layout) or (
        left.ends_sentence and _is_heading(left, right, following, layout)
    ):
        return True
    if not left.ends_sentence or not _SENTENCE_START.match(right.text):
        return False
    if not layout.wrapped or left.width + 1 + right.first_word <= layout.width:
        return True
    return not layout.indented


def _is_tabular(text: str) -> bool:
    """A table row: columns set apart by runs of spaces or by tabs."""
    return "   " in text or "\t" in text


def _is_heading(previous: _Line | None, line: _Line, following: _Line | None, layout: Layout) -> bool:
    """A short line without terminal punctuation between a paragraph end and a sentence start."""
    text = line.text
    if not (text[0].isupper() or text[0].isdigit()) or text[-1] in ".,;:!?\u2026-" or line.ends_sentence:
        return False
    words = text.split()
    if len(words) > HEADING_WORDS or words[-1].lower() in _RUN_ON_WORDS:
        return False
    if line.width > (HEADING_WIDTH * layout.width if layout.wrapped else HEADING_MAX_CHARS):
        return False
    if previous is None:
        # The first line of a hard-wrapped block is often short only because a dateline was cut
        # off it; there only a line in capitals is taken for a heading.
        if layout.wrapped and not text.isupper():
            return False
    elif not previous.ends_sentence:
        return False
    return following is None or bool(_CAPITAL_START.match(following.text))


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (not an abbreviation such as "Mr." or "Feb.")."""
    bare = text.rstrip(_CLOSERS)
    if not bare or bare[-1] not in _TERMINAL:
        return False
    return not _ABBREVIATION.fullmatch(bare.rsplit(None, 1)[-1])


def _continues(left: _Line, right: _Line, layout: Layout) -> bool:
    """Whether a paragraph goes on across a blank line (text was taken out of its middle)."""
    if not right.text[0].islower() or not (left.text[-1].isalnum() or left.text[-1] in ",-"):
        return False
    if layout.wrapped:
        return left.width + 1 + right.first_word > layout.width
    return len(left.text) > HEADING_MAX_CHARS


def _join(left: _Line, right: _Line) -> Edit:
    cut, joiner, reason = _joint(left.text, right.text)
    return Edit(left.end - cut, right.start, joiner, reason)


def _joint(left: str, right: str) -> tuple[int, str, str]:
    """How to join two lines: characters to cut off the left line's end, the joiner, the rule."""
    tail = left[-_TAIL:]
    first = _FIRST_WORD.match(right)
    hyphen = _HYPHEN_END.search(tail) if tail[-1] == "-" else None
    if hyphen and first and first.group(1)[0].islower():
        head, rest = hyphen.group(1), first.group(1)
        joined = head + rest
        if is_word(joined) and word_frequency(joined) >= hyphenated_frequency(head, rest) - HYPHEN_MARGIN:
            return 1, "", "unwrap:hyphen"
    dash = _DASH_END.search(tail) if tail[-1] in "-\u2013\u2014" else None
    if dash:
        # A spaced dash ("SEOUL -", "war --") stays spaced; an attached hyphen joins a compound.
        return 0, dash.group(1), "unwrap:join" if dash.group(1) else "unwrap:compound"
    if right[0] in _CLOSING:
        return 0, "", "unwrap:join"
    last = _LAST_WORD.search(tail) if tail[-1].isalpha() else None
    if last and first and first.group(1)[0].islower():
        head, rest = last.group(1), first.group(1)
        if is_word(head + rest, JOINED_ZIPF) and (is_fragment(head) or is_fragment(rest)):
            return 0, "", "unwrap:word"
    return 0, " ", "unwrap:join"
