"""What a line of a scraped page looks like, as numbers the furniture classifier weighs.

Page furniture that no fixed phrase names (a site header with the weather, a teaser repeating the
lead, a list of other stories' headlines, a section label, an embedded post's signature) still has
a shape: it is short or run together, has no verb and no closing stop, speaks to the reader
("your inbox"), is full of separators or links, stands at the top or the bottom of the page, or
repeats another line. :func:`line_features` reads those properties of one line in its page, each
a number in [0, 1] named in :data:`FEATURE_NAMES`; :mod:`newsgraph.clean.furniture_model` weighs
them.

The page is given as its lines (blank ones included); ``rules`` says which lines a furniture rule
already matched, so that a line can be known by its neighbours ("Read also:" and the headlines
under it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["FEATURE_NAMES", "line_features", "page_features"]

FEATURE_NAMES: tuple[str, ...] = (
    "few_words",
    "many_words",
    "no_stop",
    "no_verb",
    "capitalised",
    "call_to_action",
    "second_person",
    "link_like",
    "separators",
    "widget",
    "photo_credit",
    "edge",
    "after_furniture",
    "repeats_line",
    "label_over_heading",
    "post_signature",
    "quotation",
    "headline_run_at_end",
)
# The top and the bottom of a page, in content lines.
EDGE_LINES = 3
FEW_WORDS = 3
MANY_WORDS = 45
# Words a line must share with another line's start to repeat it.
REPEAT_WORDS = 8

_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
_STOP = re.compile(r"[.!?:;\u2026][\"'\u201d\u2019)\]]*$")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|said|says|say|will|would|can|could|did|does|do|"
    r"told|called|made|took|gave|went|came|left|met|won|lost|held|hit|fired|killed|sent)\b"
    r"|\b[a-z]{3,}(?:ed|es)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:sign\s+up|subscribe|subscription|newsletters?|inbox|unlock|download|install|"
    r"get\s+the\s+app|our\s+app|notifications?|alerts?\s+sent|follow\s+(?:us|our|live|the\s+latest)|"
    r"live\s+(?:coverage|updates|blog)|listen\s+live|watch\s+live|click|tap\s+here|log\s*in|"
    r"register|enter\s+(?:a\s+)?valid|email\s+address|read\s+(?:more|also|next|on)|"
    r"min(?:ute)?s?\s+read|something\s+went\s+wrong|try\s+again|refresh\s+the\s+page|"
    r"privacy\s+(?:notice|policy)|terms\s+of\s+(?:use|service)|all\s+rights\s+reserved|"
    r"advertis\w+|sponsored|share\s+(?:this|on|via)|whatsapp\s+channel|join\s+our)\b",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
# Each pattern starts a try only where a run it scans starts (a name before its domain, the digits of a
# temperature), so a long run of name characters or digits is read once, not once per character.
_LINK = re.compile(
    r"https?://|\bwww\.|\bpic\.twitter\.com|(?<!\w)@\w{2,}|(?<![\w-])-*\w[\w-]*\.(?:com|org|net|us|uk|in|ng|co|tv|news|info)\b",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s[|\u2022\u00b7\u00bb/]\s")
_WIDGET = re.compile(
    r"(?<!\d)-?\d+(?:\.\d+)?\s*\u00b0\s*[CF]\b|\b(?:Fajr|Dhuhr|Asr|Maghrib|Isha)\b"
    r"|\b(?:Sunrise|Sunset|Humidity|Weather|Traffic)\b",
)
# A time of day with a bar after it on the line ("12:30 | 24°C"): looked for before the line's last bar.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_CREDIT = re.compile(
    r"^(?:FILE\s+)?PHOTO\s*:|^(?:Photo|Picture|Image)s?\s+(?:by|credit|courtesy)\b|\b(?:Photo|Picture)\s*:\s*[A-Z]"
    r"|/\s*(?:AP|AFP|Reuters|REUTERS|EPA|Getty\s+Images|Xinhua|Anadolu|PA)\b|\bPA\s+Wire\b|\bGetty\s+Images\b"
    r"|\bvia\s+(?:Reuters|REUTERS|AP|AFP|Getty)\b|\((?:[A-Z][\w.'-]+\s?){1,4}/\s?[A-Z][\w ]+\)$",
)
_SIGNATURE = re.compile(r"^[\u2014\u2013-]\s*[^()\n]{1,60}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_QUOTATION = re.compile(r"[\"\u201c\u201d]")


def _is_widget(text: str) -> bool:
    """Whether ``text`` (one line) reads like a weather, prayer-time or clock widget."""
    if _WIDGET.search(text) is not None:
        return True
    bar = text.rfind("|")
    return bar > 0 and _CLOCK.search(text, 0, bar) is not None


def page_features(lines: Sequence[str], rules: Sequence[str | None]) -> list[dict[str, float] | None]:
    """The features of every content line of a page (None for a blank line)."""
    content = [index for index, line in enumerate(lines) if _WORD.search(line)]
    starts: dict[tuple[str, ...], list[int]] = {}
    for index in content:
        key = tuple(word.casefold() for word in _WORD.findall(lines[index])[:REPEAT_WORDS])
        if len(key) == REPEAT_WORDS:
            starts.setdefault(key, []).append(index)
    found: list[dict[str, float] | None] = [None] * len(lines)
    for position, index in enumerate(content):
        found[index] = line_features(lines, rules, content, position, starts)
    return found


def line_features(
    lines: Sequence[str],
    rules: Sequence[str | None],
    content: Sequence[int],
    position: int,
    starts: dict[tuple[str, ...], list[int]],
) -> dict[str, float]:
    """The features of the content line ``content[position]`` of ``lines``."""
    index = content[position]
    text = " ".join(lines[index].split())
    words = _WORD.findall(text)
    count = len(words)
    capitals = sum(1 for word in words if word[0].isupper())
    previous = content[position - 1] if position else None
    following = content[position + 1] if position + 1 < len(content) else None
    key = tuple(word.casefold() for word in words[:REPEAT_WORDS])
    no_stop = not _STOP.search(text)
    return {
        "few_words": float(count <= FEW_WORDS),
        "many_words": float(count > MANY_WORDS),
        "no_stop": float(no_stop),
        "no_verb": float(_VERB.search(text) is None),
        "capitalised": float(count >= 2 and capitals >= 0.7 * count),
        "call_to_action": min(1.0, len(_CALL_TO_ACTION.findall(text)) / 2),
        "second_person": float(_SECOND_PERSON.search(text) is not None and not _QUOTATION.search(text)),
        "link_like": float(_LINK.search(text) is not None),
        "separators": min(1.0, len(_SEPARATOR.findall(f" {text} ")) / 2),
        "widget": float(_is_widget(text)),
        "photo_credit": float(_CREDIT.search(text) is not None),
        "edge": float(position < EDGE_LINES or position >= len(content) - EDGE_LINES),
        "after_furniture": float(previous is not None and rules[previous] is not None),
        "repeats_line": float(len(key) == REPEAT_WORDS and len(starts.get(key, ())) > 1 and starts[key][0] == index),
        "label_over_heading": float(
            count <= FEW_WORDS and no_stop and following is not None and _heading_like(lines[following])
        ),
        "post_signature": float(_SIGNATURE.match(text) is not None),
        "quotation": float(_QUOTATION.search(text) is not None),
        "headline_run_at_end": float(no_stop and count <= 20 and _in_final_run(lines, content, position)),
    }


def _heading_like(line: str) -> bool:
    text = " ".join(line.split())
    return bool(text) and len(_WORD.findall(text)) <= 12 and not _STOP.search(text)


def _in_final_run(lines: Sequence[str], content: Sequence[int], position: int) -> bool:
    """Whether the line is one of at least two lines without a closing stop that end the page."""
    run = 0
    for later in content[position:]:
        if _STOP.search(" ".join(lines[later].split())):
            return False
        run += 1
    return run >= 2 and position > 0
