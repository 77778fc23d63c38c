"""How the knowledge base compares names: one normal form for the forms news spells differently.

``Kim Jong-un`` and ``Kim Jong Un``, ``U.S.`` and ``US``, ``Erdoğan`` and ``Erdogan``, ``the
Kremlin`` and ``Kremlin``, ``Sa'ar`` and ``Saar`` all share a key. Case is kept in the key, because
case tells ``WHO`` (the agency) from ``who``; callers fold it where the lookup rules allow.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["name_key", "fold", "is_acronym", "word_count", "same_given_names"]

# Letters that do not decompose into a base letter plus a combining mark.
_UNDECOMPOSABLE = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th"}
)
# Cyrillic and Greek letters that look like Latin ones; scraped text sometimes mixes them into an
# English word, which would otherwise never match.
_LOOKALIKES = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X",
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
    }
)
_LATIN = re.compile(r"[A-Za-z]")
_APOSTROPHES = re.compile(r"[’‘ʼ`´']")
_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")
_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_DROPPED = re.compile(r"[.'\"“”«»()\[\]]")
_SPACES = re.compile(r"[\s,;:]+")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


def _fold_lookalikes(word: str) -> str:
    return word.translate(_LOOKALIKES) if _LATIN.search(word) else word


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The normal form of a name: what two spellings of one name have in common.

    Compatibility forms are unified, diacritics dropped, look-alike Cyrillic or Greek letters inside
    Latin words replaced, a trailing possessive ('s) removed, hyphens and dashes turned into
    spaces, periods, apostrophes and quotes dropped, commas and runs of spaces collapsed, and a
    leading "the" removed. Case is kept. Pure, so kept for the names met most (every article
    looks up the same countries and offices again).
    """
    text = unicodedata.normalize("NFKC", text).strip()
    text = _POSSESSIVE.sub("", text)
    text = " ".join(_fold_lookalikes(word) for word in text.split())
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub(" ", text)
    text = _DROPPED.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    return _ARTICLE.sub("", text)


def fold(key: str) -> str:
    """A name key with case folded away, for the comparisons that ignore case."""
    return key.casefold()


def is_acronym(key: str) -> bool:
    """Whether a one-word key is written in capitals (``NATO``, ``TASS``, ``US``)."""
    letters = [char for char in key if char.isalpha()]
    return bool(letters) and " " not in key and all(char.isupper() for char in letters)


def word_count(key: str) -> int:
    return len(key.split())


_GIVEN_NAME_CUTOFF = 75.0


def same_given_names(given: list[str], name: str, aliases: tuple[str, ...] = ()) -> bool:
    """Whether one of the ``given`` names (lower case) is, or nearly is, a word of ``name`` or an
    alias: spellings of one given name differ ("Moammar", "Muammar"), so a near match (rapidfuzz
    ratio of 75 or more) is the same name."""
    known = " ".join((name, *aliases)).lower().replace("-", " ").split()
    return any(fuzz.ratio(word, other) >= _GIVEN_NAME_CUTOFF for word in given for other in known)

