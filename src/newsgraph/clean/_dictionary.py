"""English word frequencies for the cleaning rules that must tell a word from a fragment.

A thin, cached wrapper over wordfreq's Zipf scale (log10 of a word's frequency per billion words:
7 for "the", 5 for "hospital", 0 for a string it has never seen). Rules that join a word broken
across a line, drop a line-end hyphen or split two words run together ask it whether a string is a
word, and how common it is compared with another reading.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

__all__ = [
    "WORD_ZIPF",
    "JOINED_ZIPF",
    "FRAGMENT_ZIPF",
    "word_frequency",
    "is_word",
    "is_fragment",
    "hyphenated_frequency",
]

# Thresholds measured on Reuters-21578: its 138,886 line breaks between two whole words (the left
# one alphabetic, the right one lowercase) are the negatives, 4,000 of its words split at every
# position the positives. wordfreq lists many strings that are not words ("hospi" 1.5, "ther" 3.1,
# "mer" 3.3) because its sources include web text. Joining two pieces when the result scores at
# least JOINED_ZIPF and one piece scores below FRAGMENT_ZIPF joined none of the real line breaks and
# mended 82% of the splits of common words (zipf >= 3); raising FRAGMENT_ZIPF to 3.5 starts joining
# real pairs ("a mounting", "is suing"). WORD_ZIPF is what counts as a word on its own ("the",
# "parliament", "cabinet" 4.5), not a name, foreign word or typo.
WORD_ZIPF = 3.0
JOINED_ZIPF = 2.5
FRAGMENT_ZIPF = 3.0


@lru_cache(maxsize=1 << 16)
def word_frequency(word: str) -> float:
    """The Zipf frequency of ``word`` in English (case-insensitive); 0.0 when unknown."""
    return float(zipf_frequency(word, "en"))


def is_word(word: str, min_zipf: float = WORD_ZIPF) -> bool:
    """Whether ``word`` is an English word at least as common as ``min_zipf``."""
    return word_frequency(word) >= min_zipf


def is_fragment(piece: str, max_zipf: float = FRAGMENT_ZIPF) -> bool:
    """Whether ``piece`` is too rare to be a word on its own (a piece of a broken word)."""
    return word_frequency(piece) < max_zipf


def hyphenated_frequency(left: str, right: str) -> float:
    """The Zipf frequency of ``left-right`` as wordfreq scores it.

    wordfreq splits a hyphenated word and combines the frequencies of its parts, so this is a
    little below the rarer part: what a reader would expect of the two words side by side.
    """
    return word_frequency(f"{left}-{right}")
