"""Outlet lines at the end: "Source: X", "Read more on X", a credit tag "(Yonhap)", copyright notices.

All four are read only among the last :data:`TAIL_LINES` content lines, and only from lines (or
line ends) with this shape, never from names in running text ("told NBC News", "Tass reported").

- A "Source: X" line is the outlet (confidence 0.7; a URL there is the ``url``). "Source link"
  without a colon is page furniture, not this.
- A line sending the reader to the site the text came from ("Read more on Example 24", "This
  article first appeared on Example Daily", "Originally published by Example Times") names the
  outlet when what follows is a name in capitals (confidence 0.6); the line is deleted.
- A parenthesised credit tag alone on the last line, or after the last sentence of the last
  paragraph ("... he said. (AP)"), names the wire service the text came from: field ``agency``.
  Wire end markers in the same place ("(END)", "(MORE)") are deleted and name nothing.
- A copyright or redistribution notice ("© 2024 X. All rights reserved.", "Copyright 2024 X",
  "This material may not be published, broadcast, rewritten or redistributed.", "X is solely
  responsible for this content.") is deleted whole, even across wrapped lines or glued to the
  next words; each holder it names beside a year or "All rights reserved" is an outlet candidate
  of low confidence (0.4), with legal suffixes ("Inc.", "Ltd") stripped. The resolver matches it
  against the other candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.metadata._lines import Line, content_lines, delete_line, delete_span, is_content, line_evidence
from newsgraph.steps import Found, StepResult, evidence_for
from newsgraph.textmap import Edit, TrackedText

__all__ = [
    "SOURCE_RULE",
    "PROMO_RULE",
    "CREDIT_RULE",
    "COPYRIGHT_RULE",
    "TAIL_LINES",
    "find_outlet_lines",
    "holder_name",
    "is_source_line",
    "site_name",
]

SOURCE_RULE = "source_line"
PROMO_RULE = "outlet_promo"
CREDIT_RULE = "credit_tag"
COPYRIGHT_RULE = "copyright"
TAIL_LINES = 8
"""How many content lines from the end may hold outlet lines and notices."""

# A holder is at most 12 words: unbounded, a run of capitalised words would cost each of its
# words a walk to the end of the run (quadratic time over the run).
_HOLDER = r"[A-Z&][\w&'’-]*+(?:[ \t]++(?:[A-Z&][\w&'’-]*+|of|and|for|the|de)){0,11}"
_COPYRIGHT = re.compile(
    rf"""
    (?m:^)[ \t]*+(?:\[[ \t]*+)?
    # "(c)" and the word "copyright" need a year or a © after them: "(c) The minister shall..."
    # and "Copyright Office officials said..." are not notices.
    (?:©|\([cC]\)(?=[ \t]*(?:©[ \t]*)?\d{{4}})|(?i:copyright)(?=[ \t]*(?:©|\([cC]\)|\d{{4}})))
    [ \t]*(?:©|\([cC]\))?[ \t]*
    (?P<year>\d{{4}}(?:[ \t]*[-–][ \t]*\d{{4}})?[ \t]*,?[ \t]*)?
    (?P<holder>{_HOLDER})?\.?
    (?P<reserved>\s*(?i:all\s+rights\s+reserved)\.?)?
    [ \t]*\]?
    """,
    re.VERBOSE,
)
_REDISTRIBUTION = re.compile(
    r"(?i:this\s+(?:material|article|content|story|report)\s+may\s+not\s+be\s+(?:[a-z]+,?\s+){1,6}?"
    r"redistributed(?:\s+in\s+whole\s+or\s+in\s+part|\s+without\s+(?:prior\s+)?(?:written\s+)?permission)?\.?)"
)
_RESPONSIBLE = re.compile(
    # Starts only where a word starts, not inside "A-B-C" or "O'Neil".
    rf"(?<![\w&'’-])(?P<holder>{_HOLDER})\s+is\s+solely\s+responsible\s+for\s+(?:this|the)\s+content\.?"
)
_RESERVED = re.compile(r"(?i:all\s+rights\s+reserved\.?)")
_NOTICE_GAP = re.compile(r"[\s\[\]]*")
_LEGAL_SUFFIX = re.compile(
    r"(?:,?\s+(?:Inc|Ltd|LLC|LLP|LP|Corp|Corporation|Co|Company|plc|PLC|Limited|GmbH|AG|SE|S\.A|N\.V|B\.V|Pty)\.?)+$"
)

_SOURCE = re.compile(r"[ \t]*(?i:source)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t.]*")
_PROMO = re.compile(
    r"[ \t]*(?i:(?:this\s+(?:article|story|post|report|piece)\s+(?:was\s+|is\s+)?)?(?:first|originally)\s+"
    r"(?:appeared|published|posted|ran)|(?:was\s+)?republished\s+(?:from|with\s+permission\s+(?:from|of))"
    r"|read\s+(?:more|the\s+(?:full|original)\s+(?:article|story|report))|more\s+(?:news|stories))"
    r"(?:\s+(?i:on|in|at|by|from))?[ \t]+(?:(?i:the)\s+)?"
    r"(?P<value>[A-Z0-9][\w.&'’-]*(?:[ \t]+(?:[A-Z0-9&][\w.&'’-]*|of|and|de)){0,5})[ \t.:!»]*"
)
_BARE_DOMAIN = re.compile(r"(?:www\.)?(?P<name>[A-Za-z][\w-]*)\.(?:com|org|net|news|info|co(?:\.[a-z]{2})?|[a-z]{2})")
_LONE_TAG = re.compile(r"[ \t]*\((?P<tag>[^()\n]{1,30})\)[ \t]*")
_END_TAG = re.compile(r"(?<=[.!?\"'”’])[ \t]*\((?P<tag>[^()\n]{1,30})\)[ \t]*$")
_END_MARKERS = frozenset({"END", "ENDS", "ENDIT", "MORE"})
_TAG_WORD = re.compile(r"[A-Z][\w.'’-]*|&|of|and|de")


@dataclass(frozen=True, slots=True)
class _Notice:
    start: int
    end: int
    holder: tuple[int, int] | None


def find_outlet_lines(text: TrackedText) -> StepResult:
    """Delete source lines, credit tags and notices at the end; report outlet, agency, url."""
    result = StepResult()
    tail = content_lines(text)[-TAIL_LINES:]
    if not tail:
        return result
    notices = _notices(text.text, tail[0].start)
    for start, end in _merged(text.text, notices):
        result.edits.extend(delete_span(text.text, start, end, COPYRIGHT_RULE))
    seen: set[str] = set()
    for notice in notices:
        if notice.holder is None:
            continue
        holder_start, holder_end = notice.holder
        name = holder_name(text.text[holder_start:holder_end])
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            evidence = evidence_for(text, notice.start, notice.end, COPYRIGHT_RULE)
            result.found.append(Found("outlet", name, evidence, 0.4))
    for line in tail:
        promo = _PROMO.fullmatch(line.text)
        if promo is not None:
            result.edits.append(delete_line(line, PROMO_RULE))
            value = site_name(promo["value"].rstrip("."))
            result.found.append(Found("outlet", value, line_evidence(text, line, PROMO_RULE), 0.6))
    _walk_back(text, tail, notices, result)
    return result


def is_source_line(line: str) -> bool:
    """Whether ``line`` is a "Source: X" line naming an outlet or a URL, which this step reads."""
    source = _SOURCE.fullmatch(line)
    return source is not None and _source_field(source["value"].strip()) is not None


def site_name(value: str) -> str:
    """An outlet named by its bare domain, without the domain's ending: "Example.com" is "Example"."""
    domain = _BARE_DOMAIN.fullmatch(value)
    return domain["name"] if domain else value


def holder_name(holder: str) -> str:
    """A copyright holder without legal suffixes: "Axios Media Inc." is "Axios Media"."""
    name = " ".join(holder.split()).rstrip(".,; ")
    return _LEGAL_SUFFIX.sub("", name).rstrip(".,; ")


def _notices(text: str, tail_start: int) -> list[_Notice]:
    found: list[_Notice] = []
    for match in _COPYRIGHT.finditer(text, tail_start):
        # "© Ana Ruiz" alone is a photo credit: deleted, but its name is no outlet.
        is_notice = match["year"] is not None or match["reserved"] is not None
        holder = match.span("holder") if match["holder"] and is_notice else None
        if match.group().strip():
            found.append(_Notice(match.start() + _lead(match.group()), match.end(), holder))
    for pattern in (_REDISTRIBUTION, _RESERVED):
        found.extend(_Notice(match.start(), match.end(), None) for match in pattern.finditer(text, tail_start))
    found.extend(_Notice(m.start(), m.end(), m.span("holder")) for m in _RESPONSIBLE.finditer(text, tail_start))
    return sorted(found, key=lambda notice: (notice.start, -notice.end))


def _lead(matched: str) -> int:
    return len(matched) - len(matched.lstrip(" \t"))


def _merged(text: str, notices: list[_Notice]) -> list[tuple[int, int]]:
    """Notice spans joined when only spaces, newlines or brackets lie between them."""
    spans: list[tuple[int, int]] = []
    for notice in notices:
        if spans and (notice.start <= spans[-1][1] or _NOTICE_GAP.fullmatch(text, spans[-1][1], notice.start)):
            spans[-1] = (spans[-1][0], max(spans[-1][1], notice.end))
        else:
            spans.append((notice.start, notice.end))
    return spans


def _walk_back(text: TrackedText, tail: list[Line], notices: list[_Notice], result: StepResult) -> None:
    """From the last line up: source lines and lone tags, then a tag ending the last paragraph."""
    for line in reversed(tail):
        rest = _without_notices(text.text, line, notices)
        if not is_content(rest) or _PROMO.fullmatch(line.text):
            continue
        if rest != line.text:
            return
        source = _SOURCE.fullmatch(line.text)
        if source is not None and _read_source(text, line, source, result):
            continue
        lone = _LONE_TAG.fullmatch(line.text)
        if lone is not None and _is_tag(lone["tag"], alone=True):
            result.edits.append(delete_line(line, _tag_reason(lone["tag"])))
            _report_agency(text, line.start + lone.start("tag"), lone["tag"], result)
            continue
        ending = _END_TAG.search(line.text)
        if ending is not None and _is_tag(ending["tag"], alone=False):
            start = line.start + ending.start()
            result.edits.append(Edit(start, line.start + ending.end(), "", _tag_reason(ending["tag"])))
            _report_agency(text, line.start + ending.start("tag"), ending["tag"], result)
        return


def _without_notices(text: str, line: Line, notices: list[_Notice]) -> str:
    characters = list(text[line.start : line.end])
    for notice in notices:
        for position in range(max(notice.start, line.start), min(notice.end, line.end)):
            characters[position - line.start] = " "
    return "".join(characters)


def _source_field(value: str) -> tuple[str, float] | None:
    if value.lower().startswith(("http://", "https://", "www.")):
        return "url", 1.0
    if value[:1].isupper() and len(value.split()) <= 8 and not value.endswith((".", "!", "?")):
        return "outlet", 0.7
    return None


def _read_source(text: TrackedText, line: Line, source: re.Match[str], result: StepResult) -> bool:
    value = source["value"].strip()
    read = _source_field(value)
    if read is None:
        return False
    field, confidence = read
    if field == "outlet":
        value = site_name(value)
    result.edits.append(delete_line(line, SOURCE_RULE))
    result.found.append(Found(field, value, line_evidence(text, line, SOURCE_RULE), confidence))
    return True


def _is_tag(tag: str, *, alone: bool) -> bool:
    """True for a credit tag: a short name in capitals ("Yonhap", "AP", "Korea Bizwire").

    A short tag in lower case ("dpa") counts only alone on the last line.
    """
    words = tag.split()
    if not 1 <= len(words) <= 4:
        return False
    if alone and tag.isalpha() and tag.islower() and len(tag) <= 4:
        return True
    return all(_TAG_WORD.fullmatch(word) for word in words) and words[0][0].isupper()


def _tag_reason(tag: str) -> str:
    return "end_marker" if tag.strip().upper() in _END_MARKERS else CREDIT_RULE


def _report_agency(text: TrackedText, start: int, tag: str, result: StepResult) -> None:
    if tag.strip().upper() in _END_MARKERS:
        return
    evidence = evidence_for(text, start, start + len(tag), CREDIT_RULE)
    result.found.append(Found("agency", tag.strip(), evidence, 0.9))
