"""Missing spaces: two words run together by a scraper ("theParliament", "said.The").

An HTML extractor that drops a tag between two words, or a line break it did not turn into a
space, glues them. A lowercase-to-uppercase boundary inside a token is split only when the
dictionary knows both halves as words and does not know the whole token: names and brands
written in camel case (iPhone, YouTube, McDonald, DeSantis, LinkedIn, eBay, MacArthur) have a
capitalised or one-letter first half, or are words wordfreq knows, and stay whole. A period glued
between two lowercase-led words ("end.The") gets its space back on the same dictionary test, which
leaves abbreviations (U.S.), initials, decimals and domains (example.com) alone.
"""

from __future__ import annotations

import re

from newsgraph.clean._dictionary import is_word, word_frequency
from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["restore_missing_spaces", "KNOWN_TOKEN_ZIPF"]

# wordfreq never lists two words glued together ("theparliament" 0.0) but does list camel-case
# names and brands, some rarely ("derose" 1.5, "desantis" 2.4): any token it knows this well is
# taken as one word.
KNOWN_TOKEN_ZIPF = 1.0

# A glued pair shows as a lowercase letter before a capital, or before a period and a capital;
# only there are the whole tokens read, which keeps the step fast on long texts.
_GLUE = re.compile(r"[a-z]\.?[A-Z]")
_LEFT = re.compile(r"[a-z]{2,}$")
_RIGHT = re.compile(r"[A-Z][a-z]+\b")


def restore_missing_spaces(text: TrackedText) -> StepResult:
    """Edits inserting the space missing between two words run together."""
    source = text.text
    edits: list[Edit] = []
    for glue in _GLUE.finditer(source):
        split = glue.end() - 1
        head_end = glue.start() + 1
        left = _LEFT.search(source, max(0, head_end - 40), head_end)
        right = _RIGHT.match(source, split)
        if left is None or right is None:
            continue
        if left.start() and (source[left.start() - 1].isalnum() or source[left.start() - 1] in "_-'"):
            continue
        head, tail = left.group(), right.group()
        if split == head_end:
            if word_frequency(head + tail) < KNOWN_TOKEN_ZIPF and is_word(head) and is_word(tail):
                edits.append(Edit(split, split, " ", "spacing:camel"))
        elif is_word(head) and is_word(tail):
            edits.append(Edit(split, split, " ", "spacing:period"))
    return StepResult(edits=edits)
