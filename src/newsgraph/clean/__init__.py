"""Cleaning: raw article text in, clean body text with an offset map out.

Each rule is a small step with the signature ``step(text: TrackedText) -> StepResult``; the
runner applies the steps in order, composes their offset maps and collects what they removed,
the captions they took out and the metadata they read. A failing step is re-raised with its name.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.steps import CleaningStep, Found, StepResult
from newsgraph.clean.captions import extract_captions
from newsgraph.clean.characters import count_quote_marks, normalise_characters
from newsgraph.clean.furniture import remove_furniture
from newsgraph.clean.site_lines import remove_site_lines
from newsgraph.clean.spacing import restore_missing_spaces
from newsgraph.clean.unwrap import join_wrapped_lines
from newsgraph.clean.whitespace import tidy_whitespace
from newsgraph.errors import PipelineError
from newsgraph.metadata.lines import METADATA_LINE_STEPS
from newsgraph.records import Caption
from newsgraph.textmap import OffsetMap, Removal, TrackedText

__all__ = ["CLEANING_STEPS", "Cleaned", "clean_text", "StepResult", "Found"]

CLEANING_STEPS: tuple[tuple[str, CleaningStep], ...] = (
    ("characters", normalise_characters),
    ("furniture", remove_furniture),
    *METADATA_LINE_STEPS,
    ("captions", extract_captions),
    ("unwrap", join_wrapped_lines),
    ("spacing", restore_missing_spaces),
    ("whitespace", tidy_whitespace),
)


@dataclass
class Cleaned:
    """The clean body, its map back to the raw text, and what cleaning took out of it."""

    text: str
    offset_map: OffsetMap
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    quote_marks: dict[str, int] = field(default_factory=dict)


def clean_text(
    raw_text: str, steps: Sequence[tuple[str, CleaningStep]] = CLEANING_STEPS, *, site_lines: frozenset[str] = frozenset()
) -> Cleaned:
    """Run the cleaning steps over ``raw_text``.

    ``site_lines``: keys of the lines the article's outlet repeats across its documents
    (:mod:`newsgraph.clean.site_lines`); a ``site_lines`` step empties them before captions are
    read, after the metadata line steps.
    """
    if site_lines:
        step: CleaningStep = functools.partial(remove_site_lines, keys=site_lines)
        at = next((index for index, (name, _) in enumerate(steps) if name == "captions"), len(steps))
        steps = (*steps[:at], ("site_lines", step), *steps[at:])
    text = TrackedText(raw_text)
    cleaned = Cleaned(text="", offset_map=OffsetMap(()), quote_marks=count_quote_marks(raw_text))
    for name, step in steps:
        try:
            result = step(text)
            text, removals = text.apply(result.edits)
        except Exception as error:
            raise PipelineError(f"cleaning step {name!r} failed: {error}") from error
        cleaned.removed.extend(removals)
        cleaned.captions.extend(result.captions)
        cleaned.found.extend(result.found)
    cleaned.text = text.text
    cleaned.offset_map = text.offset_map()
    return cleaned
