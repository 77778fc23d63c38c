"""Author lists and capitalisation as input formats state them.

Bylines arrive as one string ("By Ada Brill, Tomas Vey and Lena Ortiz", trafilatura's
"Ada Brill; Tomas Vey") or in capitals on old wire copy ("BY TOMAS VEY"). These helpers split
them into names and give all-capital words ordinary capitals.
"""

from __future__ import annotations

import re

__all__ = ["split_authors", "soften_capitals"]

_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|,|&|\band\b)\s*", re.IGNORECASE)
# Words written small inside a place or person name, unless they open it.
_SMALL_WORDS = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "of", "the", "and", "upon", "on", "y"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*", re.UNICODE)


def split_authors(byline: str) -> list[str]:
    """The names in ``byline``: a leading "By" dropped, split on commas, semicolons, "&" and
    "and"; empty parts dropped, order and spelling kept."""
    # Whitespace made single first: a long run of it would cost each of its characters a walk to
    # its end in the separator pattern.
    names = _SEPARATORS.split(_BY.sub("", " ".join(byline.split())))
    return [" ".join(name.split()) for name in names if name.strip()]


def soften_capitals(text: str) -> str:
    """``text`` with each all-capital word written with an initial capital.

    Words already in mixed case ("McAllen", "N.Y.", "Mass.") are left alone, so only shouting is
    undone: "NEW YORK" -> "New York", "RIO DE JANEIRO" -> "Rio de Janeiro", "O'NEILL" -> "O'Neill",
    "ST. JOHN'S" -> "St. John's".
    """
    if not any(char.isupper() for char in text):
        return text

    def soften(match: re.Match[str]) -> str:
        word = match.group(0)
        if not word.isupper() or len(word.replace("'", "")) < 2:
            return word
        lowered = word.lower()
        if lowered in _SMALL_WORDS and match.start() > 0:
            return lowered
        head, apostrophe, rest = lowered.partition("'")
        if apostrophe and len(head) == 1 and rest:
            # An elided prefix, as in O'Neill or D'Amato, capitalises what follows it.
            return head.upper() + "'" + rest[:1].upper() + rest[1:]
        return lowered[:1].upper() + lowered[1:]

    return _WORD.sub(soften, text)
