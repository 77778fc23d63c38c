"""What a document is about, as comparable features: its words, weighted by how rare they are in
English, and the shingles (runs of words) that near-duplicate detection hashes.

Rarity comes from a fixed English frequency list, not from the corpus, so a document's features
never change when other documents arrive: linking stays incremental.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from wordfreq import get_frequency_dict

__all__ = ["words", "shingles", "term_vector", "cosine", "normalise_quote"]

_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-](?=[^\W\d_]))*|\d+(?:[.,]\d+)*")

# Words every news story uses; they say nothing about which story it is.
_NEWS_WORDS = frozenset(
    """said says say told tell according reported report reports reuters news agency statement
    monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks month months
    year years day days time times january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec new also would could
    mr mrs ms including added percent pct mln billion million""".split()
)


def words(text: str) -> list[str]:
    """The text's words and numbers, case-folded, with curly apostrophes made straight."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return _WORD.findall(folded)


def shingles(tokens: list[str], size: int = 5) -> set[str]:
    """Every run of ``size`` consecutive words (the whole text when it is shorter)."""
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return dict(get_frequency_dict("en"))


def _rarity(word: str) -> float:
    # On the Zipf scale "the" is 7.7 and an unseen word 0: rarer words weigh more, and unseen
    # ones (most names) weigh most. A dictionary lookup, not wordfreq's tokenising lookup.
    table = _frequencies()
    if word in table or "-" not in word:
        frequency = table.get(word, 0.0)
    else:
        # A compound is about as rare as its rarest part ("north-korean" is no name).
        frequency = min(table.get(part, 0.0) for part in word.split("-"))
    zipf = math.log10(frequency * 1e9) if frequency > 0 else 0.0
    return max(0.0, 7.5 - zipf)


def term_vector(title: str | None, text: str, limit: int = 40) -> dict[str, float]:
    """The document's ``limit`` most telling content words, weighted by (log) frequency in the
    document times rarity in English, title words counted twice; L2-normalised."""
    counts: Counter[str] = Counter()
    for source, weight in ((title or "", 2), (text, 1)):
        for word in words(source):
            word = word.removesuffix("'s")
            if len(word) < 3 or word.isdigit() or word in STOP_WORDS or word in _NEWS_WORDS:
                continue
            counts[word] += weight
    weights = {word: (1.0 + math.log(count)) * _rarity(word) for word, count in counts.items()}
    top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return _normalised(dict(top))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two sparse vectors (each already L2-normalised or not)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(weight * b.get(key, 0.0) for key, weight in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def normalise_quote(text: str) -> list[str]:
    """A quotation as comparable words: quotation marks, punctuation and case do not count."""
    return words(text)


def _normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {key: round(value / norm, 5) for key, value in vector.items()} if norm else {}
