"""Character normalisation: one spelling for every character that has several.

Scraped text mixes decomposed accents, Windows line ends, invisible characters, a dozen kinds of
space, curly and straight quotes, and now and then a Cyrillic or Greek letter that looks Latin
inside an English word (a copy-paste or an anti-plagiarism trick). Later rules match plain ASCII
quotes and spaces, so this step rewrites them once; the offset map leads back to what was there,
and :func:`count_quote_marks` records which kind of quotation mark the raw text used.

Only the characters that change are edited, one for one where possible, so offsets stay exact.
Dashes and ellipses are left as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["normalise_characters", "count_quote_marks", "QUOTE_KINDS"]

QUOTE_KINDS = ("double_curly", "double_straight", "single_curly", "single_straight", "other")

_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u301d\u301e\uff02\u2033"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2039\u203a\uff07"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n\n", "\u0085": "\n", "\x0b": "\n", "\x0c": "\n"}

# Letters of other scripts drawn like a Latin letter, replaced only inside a word that also holds
# Latin letters: an all-Cyrillic or all-Greek word is a word of that language.
# fmt: off
_LOOKALIKES = {
    # Cyrillic
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0423": "Y",
    "\u0405": "S", "\u0406": "I", "\u0408": "J", "\u04c0": "I", "\u051a": "Q", "\u051c": "W",
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0455": "s", "\u0456": "i", "\u0458": "j", "\u04bb": "h", "\u0501": "d",
    "\u051b": "q", "\u051d": "w", "\u04cf": "l",
    # Greek
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X", "\u03bf": "o", "\u03bd": "v", "\u03b9": "i", "\u03ba": "k",
    "\u03c1": "p", "\u03c5": "u", "\u03b1": "a",
}
# fmt: on

# Every non-ASCII character and every ASCII control but tab and newline: the places to look at.
_SPECIAL = re.compile(r"[^\x09\x0a\x20-\x7e]+")
_BREAK = re.compile(r"[\t\n ]")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC_OR_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SINGLE_QUOTE_MARKS = re.compile(r"['\u2018\u2019\u201a\u201b]")
_DOUBLE_CURLY = "\u201c\u201d\u201e\u201f"
_OTHER_QUOTES = "\u00ab\u00bb\u2039\u203a\u301d\u301e\uff02\uff07\u2033\u2032"


def normalise_characters(text: TrackedText) -> StepResult:
    """Edits giving ``text`` one spelling per character.

    NFC composition; CRLF and CR to LF (and the Unicode line and paragraph separators to
    newlines); zero-width characters, BOM and soft hyphens dropped; every Unicode space to " ";
    typographic double quotes to ``"`` and single quotes and apostrophes to ``'``; Cyrillic and
    Greek lookalikes inside a mostly Latin word to their Latin letter.
    """
    source = text.text
    edits: list[Edit] = []
    for start, end in _chunks(source):
        chunk = source[start:end]
        composed = unicodedata.normalize("NFC", chunk)
        if composed == chunk:
            edits.extend(_character_edits(source, start, end))
            continue
        # Composition changed lengths: one edit over the part that differs, so the composed
        # characters map to the first of the characters they came from.
        final = _fix_lookalikes(_map_characters(composed, source[end : end + 1]))
        prefix = _common_prefix(chunk, final)
        suffix = _common_suffix(chunk[prefix:], final[prefix:])
        edits.append(
            Edit(start + prefix, end - suffix, final[prefix : len(final) - suffix], "characters:nfc")
        )
    return StepResult(edits=edits)


def count_quote_marks(raw: str) -> dict[str, int]:
    """How many quotation marks of each kind ``raw`` uses (keys in :data:`QUOTE_KINDS`).

    Apostrophes are not quotation marks: a single mark between two letters (``don't``) never
    counts, and a closing mark after a letter (``the leaders'``) counts only when it closes an
    opening single mark of the same kind.
    """
    counts = dict.fromkeys(QUOTE_KINDS, 0)
    counts["double_straight"] = raw.count('"')
    counts["double_curly"] = sum(raw.count(mark) for mark in _DOUBLE_CURLY)
    counts["other"] = sum(raw.count(mark) for mark in _OTHER_QUOTES)
    open_marks = {"curly": 0, "straight": 0}
    for match in _SINGLE_QUOTE_MARKS.finditer(raw):
        mark = match.group()
        kind = "straight" if mark == "'" else "curly"
        position = match.start()
        before = raw[position - 1] if position else " "
        after = raw[position + 1] if position + 1 < len(raw) else " "
        if before.isalnum() and after.isalnum():
            continue
        if not before.isalnum() and after.isalnum() and mark != "\u2019":
            open_marks[kind] += 1
            counts[f"single_{kind}"] += 1
        elif (before.isalnum() or before in ".,!?;:") and open_marks[kind]:
            open_marks[kind] -= 1
            counts[f"single_{kind}"] += 1
    return counts


def _chunks(source: str) -> Iterator[tuple[int, int]]:
    """Spans of whitespace-delimited runs holding a special character, in order, disjoint.

    NFC never composes across a tab, newline or space, and a lookalike needs its whole word, so
    each chunk can be normalised on its own.
    """
    position = 0
    while True:
        match = _SPECIAL.search(source, position)
        if match is None:
            return
        start = match.start()
        while start > position and not _BREAK.match(source, start - 1):
            start -= 1
        after = _BREAK.search(source, match.end())
        end = after.start() if after else len(source)
        yield start, end
        position = end


def _character_edits(source: str, start: int, end: int) -> Iterator[Edit]:
    lookalikes = _lookalike_positions(source, start, end)
    for position in range(start, end):
        character = source[position]
        if position in lookalikes:
            yield Edit(position, position + 1, _LOOKALIKES[character], "characters:homoglyph")
            continue
        if character.isascii() and character >= " " and character != "\x7f":
            continue
        replacement = _map_character(character, source[position + 1 : position + 2])
        if replacement != character:
            yield Edit(position, position + 1, replacement, _reason(character))


def _map_characters(chunk: str, following: str) -> str:
    return "".join(
        _map_character(character, chunk[index + 1 : index + 2] or following)
        for index, character in enumerate(chunk)
    )


def _map_character(character: str, following: str) -> str:
    if character == "\r":
        return "" if following == "\n" else "\n"
    if character in _LINE_BREAKS:
        return _LINE_BREAKS[character]
    if character in _DOUBLE_QUOTES:
        return '"'
    if character in _SINGLE_QUOTES:
        return "'"
    if character in _INVISIBLE:
        return ""
    category = unicodedata.category(character)
    if category == "Zs":
        return " "
    if category == "Cc":
        return ""
    return character


def _reason(character: str) -> str:
    if character in _DOUBLE_QUOTES or character in _SINGLE_QUOTES:
        return "characters:quote"
    if character == "\r" or character in _LINE_BREAKS:
        return "characters:newline"
    if unicodedata.category(character) == "Zs":
        return "characters:space"
    return "characters:invisible"


def _lookalike_positions(source: str, start: int, end: int) -> set[int]:
    """Positions of Cyrillic or Greek lookalikes in words of ``source[start:end]`` that are
    mostly Latin; a word with a Cyrillic or Greek letter that looks like no Latin one is left."""
    positions: set[int] = set()
    for word in _WORD.finditer(source, start, end):
        letters = word.group()
        if letters.isascii():
            continue
        foreign = [index for index, letter in enumerate(letters) if _CYRILLIC_OR_GREEK.match(letter)]
        latin = sum(1 for letter in letters if _LATIN.match(letter))
        if not foreign or latin < len(foreign):
            continue
        if all(letters[index] in _LOOKALIKES for index in foreign):
            positions.update(word.start() + index for index in foreign)
    return positions


def _fix_lookalikes(chunk: str) -> str:
    positions = _lookalike_positions(chunk, 0, len(chunk))
    if not positions:
        return chunk
    return "".join(_LOOKALIKES[c] if i in positions else c for i, c in enumerate(chunk))


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _common_suffix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(reversed(first), reversed(second), strict=False):
        if a != b:
            break
        length += 1
    return length
