"""Whitespace: one space between words, one blank line between paragraphs, nothing at the ends.

The last cleaning step. Earlier steps leave empty lines where they removed one and spaces where
they joined lines; this step strips spaces and tabs at line starts and ends, collapses runs of
spaces and tabs to one space and runs of blank lines to one, and drops blank lines at the start
and end of the text. It assumes Unicode spaces were already turned into " " (see
:mod:`newsgraph.clean.characters`).
"""

from __future__ import annotations

import re

from newsgraph.steps import StepResult
from newsgraph.textmap import Edit, TrackedText

__all__ = ["tidy_whitespace"]

_EDGE = " \t\n"
# Only runs that need changing match, so ordinary single spaces cost nothing: whitespace holding a
# newline, two or more spaces or tabs, a lone tab.
_WHITESPACE = re.compile(r"[ \t]*\n[ \t\n]*|[ \t][ \t]+|\t")


def tidy_whitespace(text: TrackedText) -> StepResult:
    """Edits normalising the whitespace of ``text``."""
    source = text.text
    body_start = len(source) - len(source.lstrip(_EDGE))
    body_end = len(source.rstrip(_EDGE))
    if body_start >= body_end:
        return StepResult(edits=[Edit(0, len(source), "", "whitespace")] if source else [])
    edits: list[Edit] = []
    if body_start:
        edits.append(Edit(0, body_start, "", "whitespace"))
    for match in _WHITESPACE.finditer(source, body_start, body_end):
        run = match.group()
        if "\n" not in run:
            replacement = " "
        elif run.count("\n") == 1:
            replacement = "\n"
        else:
            replacement = "\n\n"
        if replacement != run:
            edits.append(Edit(match.start(), match.end(), replacement, "whitespace"))
    if body_end < len(source):
        edits.append(Edit(body_end, len(source), "", "whitespace"))
    return StepResult(edits=edits)
