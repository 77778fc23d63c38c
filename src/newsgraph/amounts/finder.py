"""Counted things in a parsed article: a number, how exactly it is meant, and what it counts.

:func:`find_amounts` reads a spaCy parse and returns one :class:`Amount` per counted thing:
"more than 11,000 containers of munitions" (11000, "more than", "containers of munitions"),
"dozens of ballistic missiles" (no value, "dozens"), "$250 million" (250000000, unit "USD"),
"1.3 million square kilometres", "three people", "two thirds" (0.667, unit "fraction").

What is counted is the noun phrase after the number, with a bare "of" phrase that says what a
container or measure holds ("containers of munitions", "rounds of talks"), and the nouns joined to
the counted noun by "and" ("shells and rockets"), but not a phrase joined deeper ("containers of
munitions and related material" counts containers). After a vague count ("dozens of", "millions
of") the counted noun is the one after "of".

Left out, by design:

- numbers in dates and times ("May 30", "in 2000", "15:01"), and the counts inside relative
  dates ("two years ago", "a week later"), which :mod:`newsgraph.dates` reads; a duration is an
  amount ("for the first time in 24 years" counts 24 years);
- ordinals ("21st", "first");
- numbers in names and codes ("Resolution 2270", "the 1950 Korean War", "F-16", "No. 2") and
  numbers glued by a hyphen to a word ("24-year-old", "10-day"), which describe rather than count;
- bare numbers with nothing counted after them ("the toll rose to 24").

Percentages are kept, with unit "percent" (or "percentage points"): in news they are mostly shares
and changes of counted things ("40 percent of voters", "rose 5 pct"), which an event may need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.numerals import (
    DENOMINATORS,
    NUMBER_WORDS,
    SCALES,
    VAGUE_COUNTS,
    is_number_word,
    parse_fraction,
    parse_number,
)
from newsgraph.amounts.units import CURRENCY_CODES, CURRENCY_WORDS, PERCENT_WORDS, QUALIFIERS, currency_of_symbol
from newsgraph.dates.explicit import find_explicit_dates
from newsgraph.nlp import doc_text, doc_tokens

__all__ = ["Amount", "find_amounts"]


@dataclass(frozen=True, slots=True)
class Amount:
    """A counted thing at ``text[start:end]`` (qualifier, number and unit).

    ``value`` is the number (``None`` for a vague count such as "dozens"); ``qualifier`` the
    words that bound or soften it ("more than", "nearly") or make it vague ("dozens", "several
    hundred"); ``unit`` what is counted ("containers of munitions", "years"), an ISO 4217 code
    for money ("USD"), "percent", or "fraction".
    """

    start: int
    end: int
    text: str
    value: float | None
    qualifier: str | None
    unit: str


@dataclass(frozen=True, slots=True)
class _Count:
    """The number part of an amount: tokens ``[start, end)`` of the doc, before any unit."""

    start: int
    end: int
    value: float | None
    vague: str | None = None
    currency: str | None = None
    fraction: bool = False
    needs_of: bool = False


_NAME_ENTITIES = frozenset({"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "GPE", "LOC"})
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b|\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b\d{4}\s+(?:GMT|UTC)\b", re.I)
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_RELATIVE_AFTER = frozenset({"ago", "later", "earlier"})
# "one day", "on one hand": "one" before these nouns is an idiom, not a count.
_ONE_IDIOMS = frozenset({"day", "time", "way", "hand", "side", "another"})
_DETERMINERS = frozenset({"DET", "PRON"})
_UNIT_POS = frozenset({"ADJ", "NOUN", "PROPN"})
_MAX_UNIT_TOKENS = 6
_QUALIFIER_WORDS = frozenset(tuple(qualifier.split()) for qualifier in QUALIFIERS)
_QUALIFIER_LENGTHS = sorted({len(words) for words in _QUALIFIER_WORDS}, reverse=True)
_YEAR_LIKE = re.compile(r"1[89]\d\d|2[01]\d\d")
_PLURALS = frozenset({"NNS", "NNPS"})
_STARTERS = frozenset({"a", "an", "half", *VAGUE_COUNTS})


def find_amounts(doc: Doc) -> list[Amount]:
    """Every counted thing in ``doc``, in text order, never overlapping."""
    blocked = _date_and_time_tokens(doc)
    amounts: list[Amount] = []
    tokens = doc_tokens(doc)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        count = None if index in blocked or not _may_start(token) else _count_at(doc, index)
        if count is None:
            index += 1
            continue
        amount, end = _amount(doc, count, blocked)
        if amount is not None:
            amounts.append(amount)
            index = end
        else:
            index = count.end
    return amounts


def _date_and_time_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside dates and clock times, which hold numbers that count nothing."""
    text = doc_text(doc)
    spans = [(m.start, m.end) for m in find_explicit_dates(text) if m.date is not None]
    spans += [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
    spans += [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "TIME"]
    blocked: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            blocked.update(range(span.start, span.end))
    return blocked


def _may_start(token: Token) -> bool:
    """A quick test that rules out most tokens before the full reading of a count."""
    lowered = token.lower_
    return (
        token.like_num
        or lowered[:1].isdigit()
        or lowered in _STARTERS
        or lowered.split("-", 1)[0] in NUMBER_WORDS
        or currency_of_symbol(token.text) is not None
    )


def _count_at(doc: Doc, index: int) -> _Count | None:
    """The number phrase starting at token ``index``, if one does and it is not part of a name."""
    token = doc[index]
    if _in_name(token):
        return None
    currency = currency_of_symbol(token.text)
    if currency is not None and index + 1 < len(doc):
        inner = _number_phrase(doc, index + 1, money=True)
        if inner is not None:
            return _Count(index, inner.end, inner.value, currency=currency)
        return None
    fraction = _fraction_at(doc, index)
    if fraction is not None:
        return fraction
    vague = _vague_at(doc, index)
    if vague is not None:
        return vague
    return _number_phrase(doc, index, money=False)


def _in_name(token: Token) -> bool:
    if token.ent_type_ in _NAME_ENTITIES:
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and _is_number_sign(previous):
        return True
    # Glued by a hyphen to a word on either side: "F-16", "COVID-19", "24-year-old".
    if previous is not None and previous.text == "-" and not previous.whitespace_ and token.i > 1:
        before = token.nbor(-2)
        if not before.whitespace_ and before.is_alpha and not is_number_word(before.text):
            return True
    return False


def _is_number_sign(token: Token) -> bool:
    """"#" or "No." (which spaCy may split into "No" and ".") before a rank or a code."""
    if token.text in ("#", "No.", "no."):
        return True
    if token.text != "." or token.i == 0:
        return False
    before = token.nbor(-1)
    return before.text in ("No", "no") and not before.whitespace_


def _number_phrase(doc: Doc, index: int, *, money: bool) -> _Count | None:
    words: list[str] = []
    end = index
    while end < len(doc):
        token = doc[end]
        lowered = token.lower_
        if is_number_word(token.text) or (money and parse_number([token.text], money=True) is not None):
            words.append(token.text)
        elif lowered in ("a", "an") and end == index and end + 1 < len(doc) and _is_multiplier(doc[end + 1]):
            words.append(lowered)
        elif lowered == "and" and words and _number_word_at(doc, end + 1):
            words.append(lowered)
        elif token.text == "-" and words and not token.whitespace_ and _number_word_at(doc, end + 1):
            words.append("-")
        else:
            break
        end += 1
    if not words:
        return None
    value = parse_number(words, money=money)
    if value is None:
        return None
    # "24-year-old": a number glued to a following hyphenated word describes, it does not count.
    last = doc[end - 1]
    if end < len(doc) and doc[end].text == "-" and not last.whitespace_:
        return None
    return _Count(index, end, value)


def _number_word_at(doc: Doc, index: int) -> bool:
    return index < len(doc) and doc[index].lower_ in NUMBER_WORDS


def _is_multiplier(token: Token) -> bool:
    return token.lower_ in SCALES or token.lower_ == "dozen"


def _fraction_at(doc: Doc, index: int) -> _Count | None:
    """"two thirds", "two-thirds", "a quarter of", "half of": a share, not a count."""
    token = doc[index]
    if token.lower_ == "half" and index + 1 < len(doc) and doc[index + 1].lower_ in ("of", "the"):
        return _Count(index, index + 1, 0.5, fraction=True)
    whole = parse_fraction([token.text]) if "-" in token.text else None
    if whole is not None:
        return _Count(index, index + 1, whole, fraction=True)
    denominator = index + 1
    if denominator < len(doc) and doc[denominator].text == "-" and not token.whitespace_:
        denominator += 1
    if denominator >= len(doc) or doc[denominator].lower_ not in DENOMINATORS:
        return None
    value = parse_fraction([token.text, doc[denominator].text])
    if value is None:
        return None
    # A singular "third" is an ordinal ("a third term") unless "of" follows.
    after = doc[denominator + 1] if denominator + 1 < len(doc) else None
    if not doc[denominator].lower_.endswith("s") and (after is None or after.lower_ != "of"):
        return None
    return _Count(index, denominator + 1, value, fraction=True)


def _vague_at(doc: Doc, index: int) -> _Count | None:
    """"dozens of", "tens of thousands of", "several hundred", "a few": a count with no number."""
    token = doc[index]
    lowered = token.lower_
    end = index
    if lowered == "a" and index + 1 < len(doc) and doc[index + 1].lower_ == "few":
        end = index + 2
    elif lowered in VAGUE_COUNTS and lowered != "few":
        end = index + 1
    else:
        return None
    # "several hundred", "a few thousand"; "tens of thousands", "hundreds of millions".
    if end < len(doc) and doc[end].lower_ in SCALES and doc[index].lower_ in ("several", "a"):
        end += 1
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].lower_ in ("thousands", "millions", "billions")
        and lowered in ("tens", "hundreds")
    ):
        end += 2
    if lowered == "tens" and end == index + 1:
        return None
    words = doc[index:end].text.lower()
    needs_of = lowered not in ("several", "a")
    return _Count(index, end, None, vague=" ".join(words.split()), needs_of=needs_of)


def _amount(doc: Doc, count: _Count, blocked: set[int]) -> tuple[Amount | None, int]:
    """The amount built on ``count`` and the index after its last token, or ``(None, ...)``."""
    unit, unit_end = _unit(doc, count, blocked)
    if unit is None:
        return None, count.end
    first_number = doc[count.start]
    if first_number.lower_ == "one" and count.end < len(doc) and doc[count.end].lower_ in _ONE_IDIOMS:
        return None, count.end
    if unit_end < len(doc) and doc[unit_end].lower_ in _RELATIVE_AFTER and _is_time_unit(doc[unit_end - 1]):
        return None, unit_end
    qualifier_start, qualifier = _qualifier(doc, count.start)
    if count.vague is not None:
        qualifier = f"{qualifier} {count.vague}" if qualifier else count.vague
    start_char = doc[qualifier_start].idx
    end_char = doc[unit_end - 1].idx + len(doc[unit_end - 1])
    text = doc[qualifier_start:unit_end].text
    return Amount(start_char, end_char, text, count.value, qualifier, unit), unit_end


def _is_time_unit(token: Token) -> bool:
    return token.lemma_.lower() in _TIME_UNITS or token.lower_.rstrip("s") in _TIME_UNITS


def _qualifier(doc: Doc, start: int) -> tuple[int, str | None]:
    """The qualifier right before token ``start``, as (first token index, words)."""
    for length in _QUALIFIER_LENGTHS:
        first = start - length
        words = tuple(token.lower_ for token in doc[max(first, 0) : start])
        if first >= 0 and words in _QUALIFIER_WORDS:
            return first, " ".join(words)
    return start, None


def _unit(doc: Doc, count: _Count, blocked: set[int]) -> tuple[str | None, int]:
    """What ``count`` counts, and the index after its last token; ``None`` if nothing is counted."""
    end = count.end
    if count.currency is not None:
        return count.currency, end + _code_after(doc, end)
    if end < len(doc):
        percent = _percent(doc, end)
        if percent is not None and count.vague is None:
            return percent
        word = doc[end]
        if count.vague is None and not count.fraction and word.text in CURRENCY_CODES:
            return word.text, end + 1
        if count.vague is None and not count.fraction and word.lower_ in CURRENCY_WORDS:
            return CURRENCY_WORDS[word.lower_], end + 1
    if count.fraction:
        return "fraction", end
    if count.needs_of:
        if end >= len(doc) or doc[end].lower_ != "of":
            return None, end
        end += 1
    elif count.vague is not None and end < len(doc) and doc[end].lower_ == "of":
        end += 1
    while end < len(doc) and doc[end].pos_ in _DETERMINERS and doc[end].lower_ not in ("one",):
        if count.vague is None:
            return None, count.end
        end += 1
    phrase = _noun_run(doc, end, blocked)
    if phrase is None:
        return None, count.end
    head = doc[phrase.end - 1]
    if _YEAR_LIKE.fullmatch(doc[count.start].text) and count.end - count.start == 1 and head.tag_ not in _PLURALS:
        # "the 1985 budget" names a year; "2000 troops" counts.
        return None, count.end
    unit_start, unit_end = phrase.start, phrase.end
    unit_end = _of_phrase(doc, unit_end, blocked)
    unit_end = _conjoined(doc, head, unit_end, blocked)
    return doc[unit_start:unit_end].text, unit_end


def _code_after(doc: Doc, end: int) -> int:
    """How many tokens after "$250" still belong to it (a currency code: "$250 USD")."""
    return 1 if end < len(doc) and doc[end].text in CURRENCY_CODES else 0


def _percent(doc: Doc, end: int) -> tuple[str, int] | None:
    word = doc[end].lower_
    if word in PERCENT_WORDS:
        return "percent", end + 1
    if word == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
        return "percent", end + 2
    if word == "percentage" and end + 1 < len(doc) and doc[end + 1].lower_ in ("point", "points"):
        return "percentage points", end + 2
    return None


def _noun_run(doc: Doc, start: int, blocked: set[int]) -> Span | None:
    """The adjectives and nouns from ``start`` up to their head, a common noun (or a plural proper one)."""
    end = start
    while end < len(doc) and end - start < _MAX_UNIT_TOKENS and end not in blocked:
        token = doc[end]
        joined = token.tag_ == "HYPH" and end > start and not token.whitespace_
        # A model or code names what is counted: "a dozen F-16 jets", "30 T-72 tanks".
        code = any(char.isalpha() for char in token.text) and any(char.isdigit() for char in token.text)
        if token.pos_ not in _UNIT_POS and not joined and not code:
            break
        end += 1
        # The phrase ends at its head noun: "rockets" in "shells and rockets last year".
        if _counted_noun(token) and not (token.i < token.head.i < start + _MAX_UNIT_TOKENS):
            break
    while end > start and not _counted_noun(doc[end - 1]):
        end -= 1
    if end == start:
        return None
    return doc[start:end]


def _counted_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" or token.tag_ == "NNPS"


def _of_phrase(doc: Doc, end: int, blocked: set[int]) -> int:
    """The end of a bare "of" phrase after the counted noun ("containers of munitions")."""
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].pos_ not in _DETERMINERS:
        contents = _noun_run(doc, end + 1, blocked)
        if contents is not None:
            return contents.end
    return end


def _conjoined(doc: Doc, head: Token, end: int, blocked: set[int]) -> int:
    """The end of nouns joined to the counted noun by "and"/"or" ("shells and rockets")."""
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "or"):
        joined = _noun_run(doc, end + 1, blocked)
        if joined is not None:
            last = doc[joined.end - 1]
            counted_again = any(_count_at(doc, i) is not None for i in range(joined.start, joined.end))
            if last.dep_ == "conj" and last.head.i == head.i and not counted_again:
                return joined.end
    return end
