"""Bylines at the top ("By A, B and C | Reuters") and credit trailers at the end.

Top byline: one of the first :data:`TOP_LINES` content lines that starts with "By" (or "Written
by", "Reported by"...) and whose names all read as people's names or site placeholders. A line
ending in "," or "and" continues on the next line. After a ``|`` or a spaced dash may come an
outlet ("| Reuters") or a date ("| June 18, 2024"). Placeholders ("Admin", "Staff Writer", "Web
Desk") are never authors: such a line is deleted and no author recorded. "By contrast, ..." is not a
byline: its words are not names. A byline left without its names ("Published by", "By:") is
deleted.

Credit trailer: a parenthesised block of clauses "(Reporting by A and B in City; Additional
reporting by C in X; Writing by D; Editing by E)", anywhere in the text and across wrapped lines.
Reporters and writers are reported as authors with a lower confidence than a top byline (the
resolver uses them as authors only when there is no byline, else as contributors); "Additional
reporting" and "Research" names are contributors; editors are neither, but stay in the evidence.
The whole block is deleted. Places ("in Moscow") are stripped from names.
"""

from __future__ import annotations

import re

from newsgraph.dates import parse_date
from newsgraph.metadata._lines import Line, content_lines, delete_line, delete_span
from newsgraph.metadata._people import clean_name, is_person_name, is_placeholder, split_names, unique_names
from newsgraph.metadata.stamps import RULE as STAMP_RULE
from newsgraph.steps import Found, StepResult, evidence_for
from newsgraph.textmap import Edit, TrackedText

__all__ = [
    "RULE",
    "OUTLET_RULE",
    "TRAILER_REPORTING_RULE",
    "TRAILER_ADDITIONAL_RULE",
    "TOP_LINES",
    "find_byline",
]

RULE = "byline"
OUTLET_RULE = "byline.outlet"
TRAILER_REPORTING_RULE = "trailer.reporting"
TRAILER_ADDITIONAL_RULE = "trailer.additional"
TOP_LINES = 6
"""How many content lines from the top may hold a byline."""

_MAX_BYLINE = 160
_LEAD = re.compile(r"\s*(?i:(?:written|reported|story|words|text)\s+)?(?i:by)\s*:?\s+(?=\S)")
_SENTENCE_END = re.compile(r"[.!?\"'”’]$")
# A byline ends in a name, not a full stop (but "K." and "Jr." are fine).
_ENDS_SENTENCE = re.compile(r"(?<!\b[A-Z])(?<!\bJr)(?<!\bSr)\.\s*$")
_CONTINUES = re.compile(r"(?:,|\band|&)\s*$")
_TAIL = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_EMPTY = re.compile(r"(?i:(?:published|posted|written|reported|story|words|text)\s+by|by)\s*:?")
_TRAILER = re.compile(
    r"\(\s*(?i:(?:additional\s+)?reporting|writing|written|editing|compiled|research|reported|fact-?checking|graphics)"
    r"\s+(?i:by)\b[^()]*\)"
)
_CLAUSE = re.compile(r"\s*(?P<role>[A-Za-z -]+?)\s+(?i:by)\s+(?P<names>.+?)\s*")
_REPORTING_ROLES = frozenset({"reporting", "writing", "written", "reported", "compiled"})
_CONTRIBUTING_ROLES = frozenset({"additional reporting", "research"})


def find_byline(text: TrackedText) -> StepResult:
    """Delete the top byline and any credit trailer; report authors, contributors, outlet, date.

    Found fields: ``authors`` (rule ``byline``, confidence 1.0; or ``trailer.reporting``, 0.8),
    ``contributors`` (``trailer.additional``), ``outlet`` (``byline.outlet``, 0.8) and
    ``published`` (``stamp``, 1.0) when the byline carries a full date.
    """
    result = StepResult()
    _top_byline(text, result)
    _trailers(text, result)
    return result


def _top_byline(text: TrackedText, result: StepResult) -> None:
    lines = content_lines(text, TOP_LINES)
    taken: set[int] = set()
    authors_found = False
    for position, line in enumerate(lines):
        if line.index in taken:
            continue
        if _EMPTY.fullmatch(line.stripped):
            result.edits.append(delete_line(line, RULE + ".empty"))
            continue
        lead = _LEAD.match(line.text)
        if lead is None or len(line.stripped) > _MAX_BYLINE or _continues_sentence(lines, position):
            continue
        span = [line]
        body = line.text[lead.end() :]
        following = lines[position + 1] if position + 1 < len(lines) else None
        if (
            _CONTINUES.search(body)
            and following is not None
            and following.index == line.index + 1
            and len(following.stripped) <= _MAX_BYLINE
        ):
            span.append(following)
            body = body + " " + following.text
        reading = _read_names(body)
        if reading is None:
            continue
        names, tail = reading
        taken.update(piece.index for piece in span)
        edits: list[Edit] = [delete_line(piece, RULE if names else RULE + ".placeholder") for piece in span]
        result.edits.extend(edits)
        start, end = span[0].content_start, span[-1].content_end
        if names and not authors_found:
            authors_found = True
            result.found.append(Found("authors", names, evidence_for(text, start, end, RULE), 1.0))
        if tail:
            _read_tail(text, span, tail, result)


def _continues_sentence(lines: list[Line], position: int) -> bool:
    """True for "by ..." in lower case right after a line that ends mid-sentence (wrapped prose).

    The first line does not count: it is the headline's place, and headlines end without a stop.
    """
    line = lines[position]
    if position <= 1 or not line.stripped.startswith("by"):
        return False
    previous = lines[position - 1]
    return previous.index == line.index - 1 and not _SENTENCE_END.search(previous.stripped)


def _read_names(body: str) -> tuple[list[str], str] | None:
    """The authors of a byline body and what follows them after a separator, or None if not a byline."""
    parts = _TAIL.split(body.strip(), maxsplit=1)
    if _ENDS_SENTENCE.search(parts[0]):
        return None
    pieces = split_names(parts[0])
    if not pieces:
        return None
    names: list[str] = []
    for piece in pieces:
        if is_placeholder(piece):
            continue
        name = clean_name(piece)
        if not is_person_name(name):
            return None
        names.append(name)
    return unique_names(names), parts[1].strip() if len(parts) > 1 else ""


def _read_tail(text: TrackedText, span: list[Line], tail: str, result: StepResult) -> None:
    """An outlet or a date printed after the byline's names."""
    last = span[-1]
    where = text.text.rfind(tail, span[0].start, last.end)
    if where == -1:
        return
    date = parse_date(tail)
    if date is not None and date.is_full:
        result.found.append(Found("published", date.iso(), evidence_for(text, where, where + len(tail), STAMP_RULE)))
        return
    words = tail.split()
    is_name = all(word[0].isupper() or word == "&" for word in words)
    if date is None and 1 <= len(words) <= 5 and is_name and not is_placeholder(tail):
        evidence = evidence_for(text, where, where + len(tail), OUTLET_RULE)
        result.found.append(Found("outlet", tail, evidence, 0.8))


def _trailers(text: TrackedText, result: StepResult) -> None:
    for match in _TRAILER.finditer(text.text):
        reporters: list[str] = []
        contributors: list[str] = []
        for clause in match.group()[1:-1].split(";"):
            parsed = _CLAUSE.fullmatch(" ".join(clause.split()))
            if parsed is None:
                continue
            role = parsed["role"].lower().strip()
            names = [clean_name(piece) for piece in split_names(parsed["names"])]
            people = [name for name in names if is_person_name(name)]
            if role in _REPORTING_ROLES:
                reporters.extend(people)
            elif role in _CONTRIBUTING_ROLES:
                contributors.extend(people)
        if not reporters and not contributors:
            continue
        result.edits.extend(delete_span(text.text, match.start(), match.end(), RULE + ".trailer"))
        if reporters:
            evidence = evidence_for(text, match.start(), match.end(), TRAILER_REPORTING_RULE)
            result.found.append(Found("authors", unique_names(reporters), evidence, 0.8))
        if contributors:
            evidence = evidence_for(text, match.start(), match.end(), TRAILER_ADDITIONAL_RULE)
            result.found.append(Found("contributors", unique_names(contributors), evidence, 0.8))
