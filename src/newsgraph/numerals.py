"""Numbers as news text writes them: numerals, number words, scale words and fractions.

"11,000", "1.3 million", "twenty-four", "two hundred and fifty", "a dozen", "1.5bn" and Reuters'
"50 mln" all name a number; :func:`parse_number` reads one such phrase, given as its words (spaCy
tokens or a split string), and :func:`parse_fraction` reads "two thirds" or "a quarter". Both
return ``None`` for anything else, so callers can try them on any run of words. Vague counts
("dozens", "hundreds of thousands", "several") are not numbers; :data:`VAGUE_COUNTS` lists the
words that start one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

__all__ = [
    "NUMBER_WORDS",
    "SCALES",
    "DENOMINATORS",
    "VAGUE_COUNTS",
    "NUMBER_WORD_PATTERN",
    "parse_number",
    "parse_fraction",
    "is_number_word",
]

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()

NUMBER_WORDS = MappingProxyType(
    {word: value for value, word in enumerate(_UNITS)}
    | {word: 10 * index for index, word in enumerate(_TENS, start=2)}
)
"""The value of each number word below a hundred that is written as one word."""

SCALES = MappingProxyType(
    {
        "hundred": 100,
        "thousand": 1_000,
        "million": 1_000_000,
        "mln": 1_000_000,
        "mn": 1_000_000,
        "billion": 1_000_000_000,
        "bln": 1_000_000_000,
        "bn": 1_000_000_000,
        "trillion": 1_000_000_000_000,
        "tn": 1_000_000_000_000,
        "trn": 1_000_000_000_000,
    }
)
"""Words that multiply the number before them ("1.3 million"), with newswire abbreviations."""

DENOMINATORS = MappingProxyType(
    {
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
        "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    }
)  # fmt: skip
"""The denominator each fraction word names ("thirds" is 3)."""

VAGUE_COUNTS = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "billions", "trillions", "tens", "several", "few"}
)
"""Words that start a count with no stated number ("dozens of", "several", "a few")."""

_NUMERAL = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_NUMERAL_WITH_SCALE = re.compile(rf"(?P<n>{_NUMERAL.pattern})(?P<scale>bn|mln|bln|mn|tn|trn)", re.IGNORECASE)
_MONEY_SCALE = re.compile(rf"(?P<n>{_NUMERAL.pattern})(?P<scale>[mk])", re.IGNORECASE)
_ONE = frozenset({"a", "an"})


def _word_pattern() -> str:
    words = sorted([*NUMBER_WORDS, *SCALES, "dozen"], key=len, reverse=True)
    single = "|".join(words)
    # A numeral starts only where no digit or separator precedes it, and a run of number words is
    # at most ten words: otherwise "1,1,1,..." or "one one one ..." costs each start a walk to the
    # end of the run, quadratic time over the run.
    return rf"(?:(?<![\d,.])\d[\d,]*+(?:\.\d+)?|(?:{single})(?:[- ](?:{single})){{0,9}})"


NUMBER_WORD_PATTERN = _word_pattern()
"""A regular expression (no flags, lower case) for a numeral or a run of number words."""


def is_number_word(word: str) -> bool:
    """Whether ``word`` is a numeral, a number word or a scale word (not "a", not a fraction)."""
    lowered = word.lower()
    return (
        lowered in NUMBER_WORDS
        or lowered in SCALES
        or lowered == "dozen"
        or _NUMERAL.fullmatch(word) is not None
        or _NUMERAL_WITH_SCALE.fullmatch(word) is not None
        or ("-" in lowered and all(part in NUMBER_WORDS for part in lowered.split("-")))
    )


def parse_number(words: Sequence[str], *, money: bool = False) -> float | None:
    """The value of a number phrase given as its words, or ``None`` if it is not one.

    "1.3 million" is 1,300,000, "two hundred and fifty" 250, "twenty-four" 24 (one word or three
    tokens), "a dozen" 12, "1.5bn" 1,500,000,000. With ``money`` the suffixes "m" and "k" are
    read as million and thousand ("$250m"); otherwise "250m" is metres, not a number.
    """
    parts = [part for word in words for part in _split(word)]
    if not parts or parts[-1] in ("and", "-"):
        return None
    total = 0.0
    current: float | None = None
    previous_kind = ""
    for index, part in enumerate(parts):
        lowered = part.lower()
        numeral = _numeral(part, money)
        if numeral is not None:
            if current is not None:
                return None
            current, previous_kind = numeral, "numeral"
        elif lowered in _ONE and index == 0 and len(parts) > 1:
            current, previous_kind = 1.0, "one"
        elif lowered in NUMBER_WORDS:
            value = float(NUMBER_WORDS[lowered])
            if previous_kind in ("numeral", "unit", "one") or (previous_kind == "tens" and value >= 10):
                return None
            current = (current or 0.0) + value
            previous_kind = "tens" if value >= 20 else "unit"
        elif lowered == "dozen":
            current, previous_kind = (current if current is not None else 1.0) * 12, "scale"
        elif lowered == "hundred":
            if previous_kind == "scale" and current is None:
                return None
            current, previous_kind = (current if current is not None else 1.0) * 100, "hundred"
        elif lowered in SCALES:
            if current is None:
                return None
            total += current * SCALES[lowered]
            current, previous_kind = None, "scale"
        elif lowered in ("and", "-") and previous_kind in ("hundred", "scale", "tens"):
            continue
        else:
            return None
    return total + (current or 0.0)


def parse_fraction(words: Sequence[str]) -> float | None:
    """The value of "two thirds", "a quarter", "one-half" or "half", or ``None``."""
    parts = [part for word in words for part in _split(word) if part != "-"]
    if len(parts) == 1 and parts[0].lower() == "half":
        return 0.5
    if len(parts) != 2:
        return None
    numerator_word, denominator_word = (part.lower() for part in parts)
    denominator = DENOMINATORS.get(denominator_word)
    if denominator is None:
        return None
    numerator = 1.0 if numerator_word in _ONE else parse_number([numerator_word])
    if numerator is None or numerator >= denominator:
        return None
    plural = denominator_word.endswith("s")
    if plural != (numerator > 1):
        return None
    return numerator / denominator


def _split(word: str) -> list[str]:
    if "-" in word.strip("-") and not _NUMERAL.fullmatch(word):
        pieces = word.split("-")
        return [piece for pair in zip(pieces, ["-"] * len(pieces)) for piece in pair][:-1]
    return [word]


def _numeral(part: str, money: bool) -> float | None:
    if _NUMERAL.fullmatch(part):
        return float(part.replace(",", ""))
    scaled = _NUMERAL_WITH_SCALE.fullmatch(part)
    if scaled is not None:
        return float(scaled["n"].replace(",", "")) * SCALES[scaled["scale"].lower()]
    if money:
        short = _MONEY_SCALE.fullmatch(part)
        if short is not None:
            factor = 1_000_000 if short["scale"].lower() == "m" else 1_000
            return float(short["n"].replace(",", "")) * factor
    return None
