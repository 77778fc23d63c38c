"""The dateline that opens the first paragraph: "SEOUL/MOSCOW (Reuters) - ", "WASHINGTON, Sept. 20 (Yonhap) — ".

A dateline is a place, optionally a region ("LOS ANGELES, Calif."), optionally a month and day
with or without a year, optionally an outlet in parentheses, then a dash (or a colon after a city
of the gazetteer and its region: "MOGADISHU, Somalia: "), at the start of a
paragraph among the first :data:`TOP_LINES` content lines. The place is in capitals by
convention; a place in ordinary case ("Seoul (AFP) - ") counts only with an outlet or a date
beside it, so that a sentence such as "Kim (left) - ..." is not read as one.

A dateline may also stand alone on its line above the first paragraph ("Khartoum (Union)",
"MOSCOW, March 4 -"): then it needs an outlet or a date beside the place, or a place in capitals
that the gazetteer knows as a city, and the whole line is deleted; its parenthesised tag is
reported as an ``agency`` (a place line over copied wire text credits the wire, it is no header
of the page's own).

The prefix is deleted from the body. Found fields: ``dateline`` (the place as written,
title-cased when in capitals: "SEOUL/MOSCOW" is "Seoul/Moscow", "ST. PETERSBURG" is "St.
Petersburg"), ``outlet`` (the parenthesised tag) and ``published``: a full date with confidence
1.0, or a month-day without a year as ``--MM-DD`` with confidence :data:`MONTH_DAY_CONFIDENCE`,
whose year the resolver infers.
"""

from __future__ import annotations

import re

from newsgraph.dates import parse_date
from newsgraph.dates.names import MONTH_PATTERN
from newsgraph.metadata._lines import Line, content_lines, is_content
from newsgraph.places.gazetteer import load_gazetteer
from newsgraph.steps import Found, StepResult, evidence_for
from newsgraph.textmap import Edit, TrackedText

__all__ = [
    "RULE",
    "OUTLET_RULE",
    "DATE_RULE",
    "TOP_LINES",
    "MONTH_DAY_CONFIDENCE",
    "find_dateline",
    "match_dateline",
    "title_case_place",
]

RULE = "dateline"
OUTLET_RULE = "dateline.outlet"
DATE_RULE = "dateline.date"
TOP_LINES = 3
"""How many content lines from the top may open with the dateline."""
MONTH_DAY_CONFIDENCE = 0.5
"""Confidence of a dateline month-day before its year is inferred."""

# Any word and a day number: a misspelt month ("FEb 26") still marks a dateline, though
# parse_date then reads no date from it.
_DATE_WORD = rf"(?:{MONTH_PATTERN}|[A-Za-z]{{3,9}}\.?)"
_CAPS_WORD = r"[A-Z][A-Z'’.\-]*"
_MIXED_WORD = r"[A-Z][a-z'’.\-]*[a-z.]"
_CAPS_SEGMENT = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}"
_MIXED_SEGMENT = rf"{_MIXED_WORD}(?:[ ]{_MIXED_WORD}){{0,3}}"
_DATELINE = re.compile(
    rf"""
    [ \t]*
    (?P<place>{_CAPS_SEGMENT}(?:[ ]?/[ ]?{_CAPS_SEGMENT})*|{_MIXED_SEGMENT}(?:[ ]?/[ ]?{_MIXED_SEGMENT})*)
    (?:[ ]?,[ ](?P<region>(?!{_DATE_WORD}[ ]\d)[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?))?
    (?:[ ]?,?[ ](?P<date>{_DATE_WORD}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?|\d{{1,2}}[ ]{_DATE_WORD}(?:[ ]\d{{4}})?))?
    (?:[ ]*\((?P<outlet>[A-Z][^()\n]{{1,39}})\))?
    # A hyphen needs a space or the outlet's ")" beside it: "BROWN-FORMAN" is one word.
    (?:(?<=\))[ ]*(?:--|[-–—])|[ ]+(?:--|[-–—])|(?:--|[–—])|-(?=[ ]))[ ]*
    (?P<prose>\S.*)?
    """,
    re.VERBOSE,
)
# The colon form of Gulf and South Asian outlets: "MOGADISHU, Somalia: Fighters ...", "Mexico City:
# Mexican President ...". A colon also ends labels ("FILE PHOTO: ...", "UPDATE: ...") and
# headlines ("Syria: Israel strikes ..."), so the place must be a city of the gazetteer.
_COLON_DATELINE = re.compile(
    rf"""
    [ \t]*
    (?P<place>{_CAPS_SEGMENT}|{_MIXED_SEGMENT})
    (?:,[ ](?P<region>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?))?
    (?P<date>(?!))?(?P<outlet>(?!))?
    :[ ]+
    (?P<prose>[A-Z"“‘'].*)
    """,
    re.VERBOSE,
)
_LONE_DATELINE = re.compile(
    rf"""
    [ \t]*
    (?P<place>{_CAPS_SEGMENT}|{_MIXED_SEGMENT})
    (?:[ ]?,[ ](?P<region>(?!{_DATE_WORD}[ ]\d)[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?))?
    (?:[ ]?,?[ ](?P<date>{_DATE_WORD}[ ]\d{{1,2}}(?:,[ ]\d{{4}})?|\d{{1,2}}[ ]{_DATE_WORD}(?:[ ]\d{{4}})?))?
    (?:[ ]*\((?P<outlet>[A-Z][^()\n]{{1,39}})\))?
    [ ]*(?:--|[-–—:])?[ \t]*
    """,
    re.VERBOSE,
)
_PROSE_WORDS = 15
_INITIALISM = re.compile(r"(?:[A-Z]\.)+")
_SMALL_WORDS = frozenset(
    {"and", "au", "aux", "da", "de", "del", "des", "do", "du", "el", "en", "la", "le", "of", "on", "sur", "upon"}
)
_WORD_OR_SEPARATOR = re.compile(r"[ /\-]|[^ /\-]+")


def match_dateline(line: str) -> re.Match[str] | None:
    """The dateline prefix at the start of ``line``, or None."""
    match = _DATELINE.match(line)
    if match is None or match["prose"] is None:
        return _colon_dateline(line)
    marked = bool(match["outlet"]) or (match["date"] is not None and parse_date(match["date"]) is not None)
    if not match["place"].isupper() and not marked:
        return None
    # A dateline opens prose: a place, a dash and more capitals is a headline ("SPOTLIGHT - X").
    if not marked and not any(character.islower() for character in match["prose"]):
        return None
    return match


def _colon_dateline(line: str) -> re.Match[str] | None:
    match = _COLON_DATELINE.match(line)
    if match is None or not any(character.islower() for character in match["prose"]):
        return None
    if not match["place"].isupper() and not _reads_as_prose(match["prose"]):
        return None  # "Gaza: Israel strikes Rafah as talks stall" is a headline
    place = title_case_place(match["place"]) if match["place"].isupper() else match["place"]
    return match if load_gazetteer().cities(place) else None


def _reads_as_prose(text: str) -> bool:
    """A sentence rather than a headline: it ends as a sentence does, or runs long."""
    return text.rstrip().endswith((".", "?", "!", '"', "”", ",")) or len(text.split()) >= _PROSE_WORDS


def find_dateline(text: TrackedText) -> StepResult:
    """Delete the dateline prefix of the first paragraph; report place, outlet and date."""
    result = StepResult()
    lines = content_lines(text, TOP_LINES + 1)
    for position, line in enumerate(lines[:TOP_LINES]):
        if not _starts_block(text, line):
            continue
        match = match_dateline(line.text)
        if match is not None:
            _report(text, line, match, result)
            break
        lone = _lone_dateline(line.text)
        if lone is not None and position + 1 < len(lines) and _reads_as_prose(lines[position + 1].text):
            _report_lone(text, line, lone, result)
            break
    return result


def _lone_dateline(line: str) -> re.Match[str] | None:
    """A dateline alone on ``line``: with an outlet or a date, or a gazetteer city in capitals."""
    match = _LONE_DATELINE.fullmatch(line)
    if match is None:
        return None
    if match["outlet"] or (match["date"] is not None and parse_date(match["date"]) is not None):
        return match
    place = match["place"]
    return match if place.isupper() and load_gazetteer().cities(title_case_place(place)) else None


def _report_lone(text: TrackedText, line: Line, match: re.Match[str], result: StepResult) -> None:
    """A dateline alone on its line: the line goes; its tag names a wire agency, not the outlet."""
    result.edits.append(Edit(line.start, line.end, "", RULE))
    _found(text, line.start, match, result, ("agency", RULE, 0.8))


def _starts_block(text: TrackedText, line: Line) -> bool:
    """True when ``line`` opens a paragraph: the line before it carries no content."""
    if line.start == 0:
        return True
    previous = text.text[: line.start - 1].rsplit("\n", 1)[-1]
    return not is_content(previous)


def _report(text: TrackedText, line: Line, match: re.Match[str], result: StepResult) -> None:
    """A dateline opening a paragraph: the place goes, the prose stays; its tag names the outlet."""
    result.edits.append(Edit(line.start + match.start("place"), line.start + match.start("prose"), "", RULE))
    _found(text, line.start, match, result, ("outlet", OUTLET_RULE, 0.9))


def _found(text: TrackedText, offset: int, match: re.Match[str], result: StepResult, tag: tuple[str, str, float]) -> None:
    """What a dateline at ``offset`` says: its place, its tag (as ``tag``'s field, rule and
    confidence) and its date."""
    value = title_case_place(match["place"]) if match["place"].isupper() else match["place"]
    if match["region"]:
        value += ", " + match["region"]
    place_end = match.end("region") if match["region"] else match.end("place")
    result.found.append(Found("dateline", value, evidence_for(text, offset + match.start("place"), offset + place_end, RULE), 1.0))
    if match["outlet"]:
        field, rule, confidence = tag
        evidence = evidence_for(text, offset + match.start("outlet"), offset + match.end("outlet"), rule)
        result.found.append(Found(field, match["outlet"].strip(), evidence, confidence))
    if match["date"]:
        date = parse_date(match["date"])
        if date is not None:
            evidence = evidence_for(text, offset + match.start("date"), offset + match.end("date"), DATE_RULE)
            result.found.append(Found("published", date.iso(), evidence, 1.0 if date.is_full else MONTH_DAY_CONFIDENCE))


def title_case_place(place: str) -> str:
    """A place written in capitals, in title case: "PORT-AU-PRINCE" is "Port-au-Prince".

    Initialisms stay as they are ("U.S."); small joining words are lower case except first.
    """
    words: list[str] = []
    for token in _WORD_OR_SEPARATOR.findall(place):
        if token in (" ", "/", "-") or _INITIALISM.fullmatch(token):
            words.append(token)
            continue
        lower = token.lower()
        starts = not words or words[-1] == "/"
        if lower in _SMALL_WORDS and not starts:
            words.append(lower)
            continue
        cased = lower[0].upper() + lower[1:]
        # "O'HARE" is "O'Hare": a one-letter prefix before an apostrophe.
        cased = re.sub(r"^(\w['’])(\w)", lambda m: m.group(1) + m.group(2).upper(), cased)
        words.append(cased)
    return "".join(words)
