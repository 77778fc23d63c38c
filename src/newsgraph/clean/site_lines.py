"""Site lines: short lines that recur across the documents of one outlet ingested together.

A site prints the same furniture around each of its articles ("Get the Example app", a slogan, a
list of sections) in wording no furniture rule knows. One page cannot tell such a line from text;
several pages of the same outlet can: a short line found in at least :data:`MIN_DOCUMENTS`
documents of the outlet, and in at least half of them, is the site's, not an article's.

:func:`site_lines` finds those lines among the raw texts of one outlet's documents (as keys:
words only, case folded, so quote marks and spacing do not matter); :func:`outlet_key` says which
documents belong together (the outlet the input states, else the host of the URL it states, else
the file the records came from); :func:`with_site_lines` gives each article of a batch the lines
of its outlet; the cleaning step :func:`remove_site_lines` empties them. It runs after the
metadata line steps, so a byline, a "Source:" line or a copyright notice the outlet repeats is
read before anything here could take it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from newsgraph.records import RawArticle
from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["MIN_DOCUMENTS", "MAX_LINE_CHARS", "line_key", "outlet_key", "remove_site_lines", "site_lines", "with_site_lines"]

MIN_DOCUMENTS = 3
"""A line must recur in this many documents of one outlet (and in half of them)."""
MAX_LINE_CHARS = 200
"""Longer lines are text, even when an outlet repeats them (a background paragraph)."""

_NOT_WORD = re.compile(r"[\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
REASON = "furniture:site_line"


def line_key(line: str) -> str:
    """The words of ``line``, case folded and joined by single spaces ("" for a line without a letter)."""
    if len(line) > MAX_LINE_CHARS or not _LETTER.search(line):
        return ""
    return _NOT_WORD.sub(" ", line).casefold().strip()


def site_lines(texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> frozenset[str]:
    """The keys of the lines found in at least ``min_documents`` of ``texts`` and in half of them."""
    counts: Counter[str] = Counter()
    documents = 0
    for text in texts:
        documents += 1
        counts.update({key for key in map(line_key, text.splitlines()) if key})
    needed = max(min_documents, (documents + 1) // 2)
    return frozenset(key for key, count in counts.items() if count >= needed)


def outlet_key(article: RawArticle) -> str:
    """What the documents of one outlet share: the stated outlet, the URL's host, or the file."""
    outlet = article.given.get("outlet")
    if isinstance(outlet, str) and outlet.strip():
        return "outlet:" + outlet.strip().casefold()
    url = article.given.get("url")
    if isinstance(url, str) and urlsplit(url).hostname:
        return "host:" + str(urlsplit(url).hostname).removeprefix("www.")
    return "file:" + article.source.split("#", 1)[0]


def with_site_lines(articles: Sequence[RawArticle], min_documents: int = MIN_DOCUMENTS) -> list[RawArticle]:
    """``articles`` with each one's ``site_lines`` set to the lines its outlet repeats among them."""
    groups: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        groups.setdefault(outlet_key(article), []).append(index)
    found = list(articles)
    for members in groups.values():
        if len(members) < min_documents:
            continue
        lines = site_lines((articles[index].raw_text for index in members), min_documents)
        if lines:
            for index in members:
                found[index] = replace(articles[index], site_lines=lines)
    return found


def remove_site_lines(text: TrackedText, keys: frozenset[str]) -> StepResult:
    """Edits emptying every line of ``text`` whose key is in ``keys`` (the newline stays)."""
    return StepResult(
        edits=[Edit(start, end, "", REASON) for start, end, line in text.lines() if line_key(line) in keys and line.strip()]
    )
