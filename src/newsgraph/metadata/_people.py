"""Names of people in bylines and credit trailers: splitting, cleaning and checking them."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["split_names", "clean_name", "is_person_name", "is_placeholder", "unique_names"]

_PLACEHOLDERS = frozenset(
    {
        "admin",
        "administrator",
        "anonymous",
        "contributor",
        "desk",
        "editor",
        "editors",
        "editorial",
        "editorial team",
        "guest",
        "guest author",
        "guest contributor",
        "news desk",
        "newsdesk",
        "newsroom",
        "staff",
        "staff reporter",
        "staff writer",
        "team",
        "web desk",
        "webmaster",
    }
)
# A name ending in one of these words is a desk, not a person ("Reuters Staff", "Metro Desk").
_PLACEHOLDER_TAILS = frozenset({"staff", "desk", "newsroom", "admin", "team", "editors"})
_PARTICLES = frozenset("al bin binti da das de del della den der di do dos du el ibn la le ten ter van von y".split())
# Words that make a name an organisation's ("PaineWebber Group Inc", "Fox News").
_ORGANISATION_WORDS = frozenset(
    {
        "agency",
        "bank",
        "co",
        "co.",
        "company",
        "corp",
        "corp.",
        "corporation",
        "group",
        "inc",
        "inc.",
        "llc",
        "ltd",
        "ltd.",
        "media",
        "news",
        "plc",
        "press",
        "service",
        "services",
    }
)
_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.-]*|(?:al|el|bin|ibn)-[A-Z][\w'’.-]*)")
_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")
_PLACE = re.compile(r"\s+in\s+[A-Z].*$")
_EDGE = re.compile(r"^[\s,;:.|–—-]+|[\s,;:|–—-]+$")


def split_names(text: str) -> list[str]:
    """Split "A, B and C" (or "A & B") into the pieces, whitespace normalised, empties dropped."""
    pieces = _SPLIT.split(" ".join(text.split()))
    return [piece for piece in (_EDGE.sub("", piece) for piece in pieces) if piece]


def clean_name(piece: str) -> str:
    """``piece`` without a place ("Lidia Kelly in Melbourne" is "Lidia Kelly"), title-cased if in capitals."""
    name = _EDGE.sub("", _PLACE.sub("", piece))
    if name.isupper():
        name = " ".join(token.capitalize() for token in name.split())
    return name


def is_placeholder(piece: str) -> bool:
    """True for a site's stand-in for an author ("Admin", "Staff Writer", "Web Desk")."""
    words = piece.lower().split()
    return " ".join(words) in _PLACEHOLDERS or (bool(words) and words[-1] in _PLACEHOLDER_TAILS)


def is_person_name(name: str) -> bool:
    """True when ``name`` reads as a person's name: 2 to 5 capitalised words (particles allowed).

    A single word is not enough: it is as likely an outlet ("Reuters") as a person.
    """
    tokens = name.split()
    if not 2 <= len(tokens) <= 5 or any(character.isdigit() for character in name):
        return False
    if tokens[0].lower() == "the" or any(token.lower() in _ORGANISATION_WORDS for token in tokens):
        return False
    return all(token.lower() in _PARTICLES or _NAME_TOKEN.fullmatch(token) for token in tokens)


def unique_names(names: Iterable[str]) -> list[str]:
    """``names`` in order, without repeats (compared ignoring case)."""
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return kept
