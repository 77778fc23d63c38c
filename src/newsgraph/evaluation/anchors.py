"""Finding gold anchors in a clean text: the n-th occurrence of a name, the first words of a quote.

Gold anchors by words so that it survives changes to cleaning; this module turns those anchors into
character spans of the clean text the pipeline produced. Curly quotes and apostrophes count as
straight ones, so a gold file typed with either style matches a text cleaned to either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.errors import InputError
from newsgraph.evaluation.gold import GoldDocument, GoldMention, GoldQuote

__all__ = [
    "LocatedGold",
    "LocatedMention",
    "LocatedQuote",
    "count_words",
    "find_phrase",
    "find_loosely",
    "find_words",
    "locate_gold",
    "straighten",
]

# One character for one character, so offsets into the straightened text hold for the original.
_STRAIGHT = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'}
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class LocatedMention:
    """A gold mention and the span of the clean body it anchors to."""

    mention: GoldMention
    start: int
    end: int


@dataclass(frozen=True)
class LocatedQuote:
    """A gold quote and the span of its first words in the body (or the title, for a headline quote)."""

    quote: GoldQuote
    start: int
    end: int


@dataclass(frozen=True)
class LocatedGold:
    """A gold document with every anchor turned into a span, in text order."""

    gold: GoldDocument
    mentions: tuple[LocatedMention, ...]
    quotes: tuple[LocatedQuote, ...]


def straighten(text: str) -> str:
    """``text`` with curly quote marks and apostrophes made straight (same length)."""
    return text.translate(_STRAIGHT)


def find_phrase(text: str, phrase: str, n: int = 1) -> tuple[int, int] | None:
    """The span of the ``n``-th whole-word, case-sensitive occurrence of ``phrase``, or None."""
    pattern = re.compile(r"(?<!\w)" + re.escape(straighten(phrase)) + r"(?!\w)")
    for index, match in enumerate(pattern.finditer(straighten(text)), start=1):
        if index == n:
            return match.span()
    return None


def find_words(text: str, words: str, n: int = 1) -> tuple[int, int] | None:
    """The span of the ``n``-th occurrence of the words of ``words``, or None.

    Case is ignored, and so is whatever separates the words (spaces, line breaks, quote marks,
    punctuation): "to do everything" finds 'to do "everything'.
    """
    pattern = _words_pattern(words)
    if pattern is None:
        return None
    for index, match in enumerate(pattern.finditer(straighten(text)), start=1):
        if index == n:
            return match.span()
    return None


def find_loosely(text: str, words: str, n: int = 1) -> tuple[int, int] | None:
    """:func:`find_words`, else the same letters in the same order whatever stands between them:
    words a raw page ran together ("soldiersKyiv") that cleaning split, or the reverse. For gold
    checked against the raw page and looked for in the clean text."""
    found = find_words(text, words, n)
    if found is not None:
        return found
    letters = [char for token in _WORD.findall(straighten(words)) for char in token]
    if not letters:
        return None
    loose = re.compile(r"(?<!\w)" + r"\W*".join(re.escape(char) for char in letters) + r"(?!\w)", re.IGNORECASE)
    for index, match in enumerate(loose.finditer(straighten(text)), start=1):
        if index == n:
            return match.span()
    return None


def count_words(text: str, words: str) -> int:
    """How many times :func:`find_words` finds the words of ``words`` in ``text``."""
    pattern = _words_pattern(words)
    return 0 if pattern is None else sum(1 for _ in pattern.finditer(straighten(text)))


def _words_pattern(words: str) -> re.Pattern[str] | None:
    tokens = _WORD.findall(straighten(words))
    if not tokens:
        return None
    return re.compile(r"(?<!\w)" + r"\W+".join(re.escape(token) for token in tokens) + r"(?!\w)", re.IGNORECASE)


def locate_gold(gold: GoldDocument, body: str, title: str | None = None, *, lenient: bool = False) -> LocatedGold:
    """Anchor every mention and quote of ``gold`` in the clean ``body`` (and ``title``).

    Raises :class:`~newsgraph.errors.InputError` naming the gold file when an anchor is not in
    the text, or when two gold mentions overlap (except an optional one nested in another): either
    the gold is wrong or cleaning changed the text, and the score would mean nothing until someone
    looks. With ``lenient`` (real pages, whose gold was checked against the raw page), a quote
    whose words cleaning lost or whose title was not found is placed nowhere (span -1..-1): no
    prediction meets it, so it counts as missed.
    """
    mentions = sorted(
        (_locate_mention(gold, mention, body) for mention in gold.mentions), key=lambda item: (item.start, -item.end)
    )
    for index, before in enumerate(mentions):
        for after in mentions[index + 1 :]:
            if after.start >= before.end:
                break
            if not _nested_optional(before, after):
                raise _anchor_error(
                    gold,
                    f"mentions {before.mention.text!r} (n={before.mention.n}) and {after.mention.text!r} "
                    f"(n={after.mention.n}) overlap, and only an optional mention may sit inside another",
                )
    quotes = sorted(
        (_locate_quote(gold, quote, body, title, lenient) for quote in gold.quotes),
        key=lambda item: (item.quote.where, item.start),
    )
    return LocatedGold(gold=gold, mentions=tuple(mentions), quotes=tuple(quotes))


def _nested_optional(outer: LocatedMention, inner: LocatedMention) -> bool:
    """True when one mention lies inside the other and one of them is optional.

    "North Korean" inside "the North Korean leader": the description is Kim Jong Un, the demonym
    an optional mention of North Korea, and a prediction may link either.
    """
    inside = outer.start <= inner.start and inner.end <= outer.end
    return inside and (outer.mention.optional or inner.mention.optional)


def _locate_mention(gold: GoldDocument, mention: GoldMention, body: str) -> LocatedMention:
    span = find_phrase(body, mention.text, mention.n)
    if span is None:
        raise _anchor_error(
            gold, f"mention {mention.text!r} (n={mention.n}) is not in the clean text of {gold.article}"
        )
    return LocatedMention(mention, *span)


def _locate_quote(gold: GoldDocument, quote: GoldQuote, body: str, title: str | None, lenient: bool) -> LocatedQuote:
    if quote.where == "title":
        if title is None and lenient:
            return LocatedQuote(quote, -1, -1)
        if title is None:
            raise _anchor_error(
                gold, f"quote {quote.starts!r} is in the title, but no title was given for {gold.article}"
            )
        text = title
    else:
        text = body
    span = find_loosely(text, quote.starts, quote.n) if lenient else find_words(text, quote.starts, quote.n)
    if span is None and lenient:
        return LocatedQuote(quote, -1, -1)
    if span is None:
        raise _anchor_error(
            gold, f"quote {quote.starts!r} (n={quote.n}) is not in the clean {quote.where} of {gold.article}"
        )
    return LocatedQuote(quote, *span)


def _anchor_error(gold: GoldDocument, problem: str) -> InputError:
    return InputError(gold.path, problem, "fix the gold anchor, or the cleaning that changed the text")
