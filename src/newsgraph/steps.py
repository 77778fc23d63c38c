"""What a cleaning step returns, and the shape every step has."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.records import Caption, Evidence
from newsgraph.textmap import Edit, TrackedText

__all__ = ["Found", "StepResult", "CleaningStep", "evidence_for"]


@dataclass(frozen=True)
class Found:
    """A metadata value a step read off the text (and usually removed from the body).

    ``field`` is one of ``title``, ``outlet``, ``agency``, ``authors``, ``contributors``,
    ``dateline``, ``published``, ``url``. ``value`` is a string, a list of strings for
    ``authors``/``contributors``, or an ISO date string for ``published``.
    """

    field: str
    value: Any
    evidence: Evidence
    confidence: float = 1.0


@dataclass
class StepResult:
    """Edits to apply to the text, plus captions and metadata the step took out of it."""

    edits: list[Edit] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)


CleaningStep = Callable[[TrackedText], StepResult]


def evidence_for(text: TrackedText, start: int, end: int, rule: str) -> Evidence:
    """Evidence for the current-text span ``[start, end)``, located in the raw text."""
    raw_start, raw_end = text.raw_span(start, end)
    return Evidence(raw_start, raw_end, text.text[start:end], rule)
