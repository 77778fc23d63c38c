"""The headline: the first content line, when it reads as one.

The first content line is the headline when it is short (at most :data:`MAX_LENGTH` characters and
:data:`MIN_WORDS` to :data:`MAX_WORDS` words), starts with a capital, a digit, a quote or a
bracket, does not end like a sentence ("." after a word that is not an initialism, or a stop
inside a closing quotation mark) or like a
line that goes on (",", ":", ";", a hyphen), is not a byline ("By ..."), does not open with a
dateline, and is not the first line of a hard-wrapped paragraph: the line right after it (with no
blank line between) does not go on in lower case, and of the :data:`WRAP_PROBE` lines below it at
most one stops mid-sentence, unless the line below opens with a dateline. A first line that is a
long paragraph, or the start of one, means the article has no title.

A site header above the headline is deleted first (at most :data:`HEADER_LINES` of them), so the
headline under it is read: section names a scraper ran together ("WorldEuropeTop Stories": two or
more words glued lower case to capital), the site's name ending in its domain ("Example News
Example.com"), or a section label at least half of whose words are navigation words ("World
News", "Latest News And Breaking Headlines", "No menu items!"), on a short line without a closing
stop. A section label is deleted only when a headline stands under it.

Leading editorial tags are stripped from the value but kept in the evidence: parenthesised or
bracketed ones ("(LEAD)", "(2nd LD)", "(News Focus)", "[URGENT]") and wire slugs in capitals
before a hyphen ("UPDATE 2-"). The headline line is deleted, and so is every exact repeat of it
within :data:`REPEAT_WINDOW` content lines of the last one (sites print it again after the byline,
some several times).
"""

from __future__ import annotations

import re

from newsgraph.metadata._lines import Line, content_lines, delete_line, line_evidence
from newsgraph.metadata.dateline import match_dateline
from newsgraph.steps import Found, StepResult
from newsgraph.textmap import TrackedText

__all__ = ["RULE", "MAX_LENGTH", "MIN_WORDS", "MAX_WORDS", "REPEAT_WINDOW", "HEADER_LINES", "find_title", "strip_tags"]

RULE = "title"
MAX_LENGTH = 200
MIN_WORDS = 3
MAX_WORDS = 35
REPEAT_WINDOW = 4
WRAP_PROBE = 4
HEADER_LINES = 2
HEADER_WORDS = 6
CONFIDENCE = 0.9

# A bracketed tag, or a wire slug in capitals before a hyphen: a word of 6+ capitals or one with a
# number ("EXCLUSIVE-", "UPDATE 2-"), so that compounds like "NATO-Russia" are not slugs.
_TAG = re.compile(r"\s*(?:[(\[][A-Z0-9][^()\[\]\n]{0,38}[)\]](?=\s)|(?:[A-Z]{6,}|[A-Z]{3,} \d+)-(?=[A-Z\"'0-9]))\s*")
_OPENING = re.compile(r"[\"'“‘(\[A-Z0-9]")
_INITIALISM_END = re.compile(r"(?:\b[A-Z]\.)+$")
_BYLINE = re.compile(r"(?i:by)\s")
_GOES_ON = re.compile(r"[,:;\-–—]$")
_SENTENCE_END = re.compile(r"[.!?:\"'”’)\]]$")
# A sentence ending inside its closing quotation mark ('... he said, "We will."') is prose.
_QUOTED_END = re.compile(r"[.!?,][\"'”’]+$")
# Two words glued lower case to capital ("WorldEurope"); "YouTube" or "McCarthy" is one join.
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
_NAVIGATION = frozenset(
    "news latest breaking headlines home menu items top stories story world section sections more trending "
    "updates live video videos sport sports business politics opinion local national international "
    "search categories category".split()
)
_DOMAIN_END = re.compile(r"\b[\w-]+\.(?:com|org|net|us|uk|in|ng|co|tv|news|info|eu|ru|ua|az|ge|am)$", re.IGNORECASE)


def find_title(text: TrackedText) -> StepResult:
    """Delete the headline (and a near repeat of it); report ``Found("title", value)``."""
    result = StepResult()
    lines = content_lines(text, 1 + HEADER_LINES + max(WRAP_PROBE, 3 * REPEAT_WINDOW))
    headers: list[Line] = []
    while len(headers) < min(HEADER_LINES, len(lines) - 1) and _is_site_header(lines[len(headers)]):
        headers.append(lines[len(headers)])
    lines = lines[len(headers) :]
    if not lines:
        return result
    first = lines[0]
    if not _reads_as_headline(first, _adjacent_after(lines, WRAP_PROBE)):
        result.edits.extend(delete_line(line, RULE + ".header") for line in headers if not _is_label(line))
        return result
    value = strip_tags(first.stripped)
    if len(value.split()) < MIN_WORDS:
        return result
    result.edits.extend(delete_line(line, RULE + ".header") for line in headers)
    result.found.append(Found("title", value, line_evidence(text, first, RULE), CONFIDENCE))
    if len(lines) == 1:
        # A headline-only item (a wire "brief"): the headline is also the whole story.
        return result
    result.edits.append(delete_line(first, RULE))
    last = 0
    for position, line in enumerate(lines[1:], start=1):
        if position - last > REPEAT_WINDOW:
            break
        if line.stripped in (first.stripped, value):
            result.edits.append(delete_line(line, RULE + ".repeat"))
            last = position
    return result


def strip_tags(headline: str) -> str:
    """``headline`` without its leading editorial tags ("(LEAD) X" is "X")."""
    value = headline
    while True:
        tag = _TAG.match(value)
        if tag is None or tag.end() == len(value):
            return value.strip()
        value = value[tag.end() :]


def _is_site_header(line: Line) -> bool:
    """Section names run together, or the site's name ending in its domain, on a short line."""
    text = line.stripped
    if len(text.split()) > HEADER_WORDS or _SENTENCE_END.search(text.rstrip("!")):
        return False
    return len(_GLUED.findall(text)) >= 2 or _DOMAIN_END.search(text) is not None or _is_label(line)


def _is_label(line: Line) -> bool:
    """A section label: at least half of its words (and two of them, or all of a short one) are
    navigation words."""
    words = [word.strip("!:|,.").casefold() for word in line.stripped.split()]
    navigation = sum(1 for word in words if word in _NAVIGATION)
    return len(words) <= HEADER_WORDS and navigation * 2 >= len(words) and navigation >= min(2, len(words))


def _reads_as_headline(line: Line, adjacent: list[Line]) -> bool:
    words = line.stripped.split()
    if len(line.stripped) > MAX_LENGTH or not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if not _OPENING.match(line.stripped) or _GOES_ON.search(line.stripped):
        return False
    if line.stripped.endswith(".") and not _INITIALISM_END.search(line.stripped):
        return False
    if _QUOTED_END.search(line.stripped):
        return False
    if match_dateline(line.text) is not None or _BYLINE.match(line.stripped):
        return False
    return not _opens_wrapped_paragraph(line, adjacent)


def _adjacent_after(lines: list[Line], count: int) -> list[Line]:
    """Up to ``count`` lines right after ``lines[0]``, with no blank line between."""
    run: list[Line] = []
    for line in lines[1 : 1 + count]:
        if line.index != lines[0].index + 1 + len(run):
            break
        run.append(line)
    return run


def _opens_wrapped_paragraph(line: Line, adjacent: list[Line]) -> bool:
    """True when ``line`` is the first line of hard-wrapped prose rather than a line of its own.

    The next line goes on in lower case, or the lines below it (with no blank line between)
    mostly stop mid-sentence, as wrapped lines do; a dateline below means a paragraph starts.
    """
    if not adjacent:
        return False
    if adjacent[0].stripped[:1].islower():
        return True
    if match_dateline(adjacent[0].text) is not None:
        return False
    unfinished = sum(1 for below in adjacent if not _SENTENCE_END.search(below.stripped))
    return len(adjacent) >= 2 and unfinished >= 2
