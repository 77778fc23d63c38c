"""Scoring what cleaning kept of a page against the real-news gold ``page`` field.

- **Title, outlet, publication date**: the title is right when it equals the gold after folding
  case, spacing and quote marks; the outlet when the names fold alike (see
  :func:`~newsgraph.evaluation.matching.normalise_name`); the date when it is the gold date at the
  gold's precision. A null gold value is right only when nothing was predicted.
- **Lines the gold lists** (titles, bylines, stamps, datelines, captions, junk): each names a line
  of the raw page by its first words (``n``: the n-th line starting with them). It is removed when
  its words did not survive into the clean body. Words that also occur in body lines are counted:
  with ``b`` occurrences in the body lines of the page and ``c`` in the clean body, ``c - b`` of the
  listed lines starting with them survived (the first ones, when there are several).
- **Body lines**: every other raw line with a word in it must survive. It is kept when its first
  and its last eight words are both in the clean body (case, spacing and punctuation ignored, a
  word broken across lines by a hyphen left out, up to three words at either edge allowed to go,
  as a dateline or a credit moved out of the body does). A "date 2024-04-02" stamp a scraper
  glued before the line is a stamp, not body: the line is judged without it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation.anchors import count_words, find_words, straighten
from newsgraph.evaluation.gold import GoldDocument
from newsgraph.evaluation.gold_news import LINE_KINDS, NEWS_HINT, GoldLine, GoldPage
from newsgraph.evaluation.matching import normalise_name
from newsgraph.evaluation.scores import Problem, Ratio

__all__ = ["PageScore", "listed_line_kinds", "same_title", "score_page"]

_EDGE_WORDS = 8
_EDGE_SLACK = 3
# An ISO date is one word, so that a "date 2024-04-02" stamp a scraper glued before a body line is
# known as two words that are not body.
_WORD = re.compile(r"\d{4}-\d{2}-\d{2}|\w+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HAS_WORD = re.compile(r"\w")
_BROKEN_END = re.compile(r"[^\W\d_]-\s*$")
_QUOTES = re.compile(r"[\"'`]")
# Invisible characters cleaning drops, and letters of other scripts that look like Latin ones
# (a Cyrillic "о" typed inside an English word), which cleaning may repair.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТУХаеорсухіјѕԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
    "ABEKMHOPCTYXaeopcyxijsdqwABEZHIKMNOPTYXov",
)


@dataclass(frozen=True)
class PageScore:
    """What cleaning kept of one page, or of several added together.

    ``junk`` counts the gold's non-body lines removed out of those listed (``junk_kinds`` the same
    per kind); ``body`` the body lines kept out of all body lines.
    """

    title: Ratio = Ratio()
    outlet: Ratio = Ratio()
    published: Ratio = Ratio()
    junk: Ratio = Ratio()
    body: Ratio = Ratio()
    junk_kinds: dict[str, Ratio] = field(default_factory=dict)

    def __add__(self, other: PageScore) -> PageScore:
        kinds = {
            kind: self.junk_kinds.get(kind, Ratio()) + other.junk_kinds.get(kind, Ratio())
            for kind in LINE_KINDS
            if kind in self.junk_kinds or kind in other.junk_kinds
        }
        return PageScore(
            title=self.title + other.title,
            outlet=self.outlet + other.outlet,
            published=self.published + other.published,
            junk=self.junk + other.junk,
            body=self.body + other.body,
            junk_kinds=kinds,
        )

    @property
    def body_lost(self) -> int:
        return self.body.total - self.body.right

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title.to_json(),
            "outlet": self.outlet.to_json(),
            "published": self.published.to_json(),
            "junk_removed": self.junk.to_json(),
            "junk_removed_by_kind": {kind: ratio.to_json() for kind, ratio in self.junk_kinds.items()},
            "body_kept": self.body.to_json(),
            "body_lost": self.body_lost,
        }


def same_title(predicted: str | None, gold: str | None) -> bool:
    """Whether two titles are the same after folding case, spacing and quote marks."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return _fold_title(predicted) == _fold_title(gold)


def _fold_title(text: str) -> str:
    return " ".join(_QUOTES.sub("", straighten(text)).casefold().split())


def score_page(
    gold: GoldDocument,
    raw_text: str,
    body: str,
    *,
    title: str | None,
    outlet: str | None,
    published: str | None,
) -> tuple[PageScore, tuple[Problem, ...]]:
    """Score the clean ``body`` and the metadata found in the page ``raw_text`` against the gold
    page. Raises :class:`~newsgraph.errors.InputError` naming the gold file when a listed line is
    not in the page."""
    page = gold.page
    if page is None:
        raise InputError(gold.path, "gold: no 'page' field", NEWS_HINT)
    problems: list[Problem] = []

    def judge(name: str, right: bool, expected: str | None, found: str | None) -> Ratio:
        if not right:
            problems.append(Problem(gold.article, "page", f"wrong {name}", repr(expected), repr(found)))
        return Ratio(int(right), 1)

    outlet_right = (outlet is None) == (page.outlet is None) and (
        outlet is None or page.outlet is None or normalise_name(outlet) == normalise_name(page.outlet)
    )
    published_right = (
        page.published is None and published is None
    ) or (
        page.published is not None
        and published is not None
        and len(published) >= len(page.published)
        and published[: len(page.published)] == page.published
    )
    lines = raw_text.splitlines()
    listed = set(_listed_lines(gold, page, lines))
    folded_body = _fold(body)
    unlisted = "\n".join(line for number, line in enumerate(lines) if number not in listed)
    junk_kinds, junk = _score_listed(gold, page, _fold(unlisted), folded_body, problems)
    kept = total = 0
    for number, line in enumerate(lines):
        if number in listed or not _HAS_WORD.search(line):
            continue
        total += 1
        previous = next((lines[i] for i in range(number - 1, -1, -1) if lines[i].strip()), "")
        if _line_kept(folded_body, line, broken_start=bool(_BROKEN_END.search(previous))):
            kept += 1
        else:
            problems.append(Problem(gold.article, "page", "body line lost", "kept", _shown(line), None))
    score = PageScore(
        title=judge("title", same_title(title, page.title), page.title, title),
        outlet=judge("outlet", outlet_right, page.outlet, outlet),
        published=judge("publication date", published_right, page.published, published),
        junk=junk,
        body=Ratio(kept, total),
        junk_kinds=junk_kinds,
    )
    return score, tuple(problems)


def listed_line_kinds(gold: GoldDocument, raw_text: str) -> dict[int, str]:
    """The kind of every raw line of the page the gold lists, by line number (0 for the first)."""
    page = gold.page
    if page is None:
        raise InputError(gold.path, "gold: no 'page' field", NEWS_HINT)
    lines = raw_text.splitlines()
    numbers = _listed_lines(gold, page, lines)
    return {number: line.kind for number, line in zip(numbers, page.lines)}


def _listed_lines(gold: GoldDocument, page: GoldPage, lines: list[str]) -> list[int]:
    """The numbers of the raw lines the gold lists (in its order): the ``n``-th line starting with
    its words."""
    listed: list[int] = []
    for index, line in enumerate(page.lines):
        starting = [number for number, text in enumerate(lines) if _starts_with(text, line.starts)]
        if len(starting) < line.n:
            raise InputError(
                gold.path,
                f"page.lines[{index}]: no line {'' if line.n == 1 else f'(n={line.n}) '}of {gold.article} "
                f"starts with {line.starts!r}",
                f"give the first words of a line of the page as found; {NEWS_HINT}",
            )
        listed.append(starting[line.n - 1])
    return listed


def _starts_with(line: str, words: str) -> bool:
    span = find_words(line, words)
    return span is not None and not _HAS_WORD.search(line[: span[0]])


def _score_listed(
    gold: GoldDocument, page: GoldPage, folded_unlisted: str, folded_body: str, problems: list[Problem]
) -> tuple[dict[str, Ratio], Ratio]:
    groups: dict[str, list[GoldLine]] = {}
    for line in page.lines:
        groups.setdefault(" ".join(_WORD.findall(straighten(line.starts).casefold())), []).append(line)
    removed: Counter[str] = Counter()
    listed: Counter[str] = Counter()
    for group in groups.values():
        words = group[0].starts
        in_body_lines = count_words(folded_unlisted, _fold(words))
        survived = min(len(group), max(0, count_words(folded_body, _fold(words)) - in_body_lines))
        for position, line in enumerate(sorted(group, key=lambda item: item.n)):
            listed[line.kind] += 1
            if position < survived:
                problems.append(
                    Problem(gold.article, "page", f"{line.kind} kept", "removed", f"{line.starts!r} (n={line.n})")
                )
            else:
                removed[line.kind] += 1
    kinds = {kind: Ratio(removed[kind], listed[kind]) for kind in LINE_KINDS if listed[kind]}
    return kinds, Ratio(sum(removed.values()), sum(listed.values()))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_LOOKALIKES)


def _line_kept(folded_body: str, line: str, *, broken_start: bool) -> bool:
    tokens = _WORD.findall(straighten(_fold(line)))
    if len(tokens) > 2 and tokens[0].casefold() == "date" and _ISO_DATE.fullmatch(tokens[1]):
        tokens = tokens[2:]
    if broken_start and len(tokens) > 1:
        tokens = tokens[1:]
    if _BROKEN_END.search(line) and len(tokens) > 1:
        tokens = tokens[:-1]
    return _edge_found(folded_body, tokens[:_EDGE_WORDS], from_start=True) and _edge_found(
        folded_body, tokens[-_EDGE_WORDS:], from_start=False
    )


def _edge_found(folded_body: str, window: list[str], *, from_start: bool) -> bool:
    for cut in range(min(_EDGE_SLACK, len(window) // 2) + 1):
        part = window[cut:] if from_start else window[: len(window) - cut]
        if find_words(folded_body, " ".join(part)) is not None:
            return True
    return False


def _shown(line: str) -> str:
    words = line.split()
    return repr(" ".join(words[:_EDGE_WORDS]) + (" ..." if len(words) > _EDGE_WORDS else ""))
