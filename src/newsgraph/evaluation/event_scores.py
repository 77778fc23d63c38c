"""The figures of the event scorer: counts per article that add up over a set.

See :mod:`newsgraph.evaluation.event_scorer` for how predictions are matched to gold events. A
prediction matched to a background gold event is neutral: it is counted in ``neutral`` and in no
other figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluation.scores import Ratio
from newsgraph.events.confidence import load_confidence_model

__all__ = ["CONFIDENT", "ERROR_KINDS", "MISS_KINDS", "CalibrationRow", "EventScore"]

ERROR_KINDS = (
    "no event here",
    "wrong type",
    "source missing",
    "target missing",
    "wrong source",
    "wrong target",
    "direction",
    "duplicate",
)
"""What is wrong with a wrong prediction: no gold event in its sentence; none of its type there;
its source or target left empty, or holding an actor the gold does not give; source and target
swapped; or a second prediction of a gold event already found."""

MISS_KINDS = ("missed", "found with wrong dyad/type")
"""A gold event not found fully right: nothing predicted for it in its sentence, or a prediction
there of its type with the wrong actors, or of another type."""

CONFIDENT = 0.8
"""The confidence from which a prediction counts as confident."""

_DECILES = 10


@dataclass(frozen=True)
class CalibrationRow:
    """The predictions whose confidence lies in ``[low, high)`` (the last row includes 1.0)."""

    low: float
    high: float
    count: int
    mean_confidence: float
    right: float

    def to_json(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "count": self.count,
            "mean_confidence": round(self.mean_confidence, 4),
            "right": round(self.right, 4),
        }


@dataclass(frozen=True)
class EventScore:
    """The event figures of one article, or of several added together.

    ``predicted`` counts the predictions scored (not the neutral ones); ``right`` those fully right;
    ``type_right`` those lying in a sentence with a gold event of their type. ``gold`` counts the
    gold events that are not background, ``found`` those found fully right; ``key`` and
    ``key_found`` the same for key events. ``status`` and ``date`` are judged on the matched
    events (``date`` only where the gold date is fixed by the page). ``errors`` and ``misses``
    count the kinds of wrong predictions and missed gold events. ``confidences`` holds
    ``(confidence, fully right)`` for each scored prediction that gave a confidence.
    """

    predicted: int = 0
    right: int = 0
    type_right: int = 0
    neutral: int = 0
    gold: int = 0
    found: int = 0
    key: int = 0
    key_found: int = 0
    status: Ratio = Ratio()
    date: Ratio = Ratio()
    errors: dict[str, int] = field(default_factory=dict)
    misses: dict[str, int] = field(default_factory=dict)
    confidences: tuple[tuple[float, bool], ...] = ()

    def __add__(self, other: EventScore) -> EventScore:
        return EventScore(
            predicted=self.predicted + other.predicted,
            right=self.right + other.right,
            type_right=self.type_right + other.type_right,
            neutral=self.neutral + other.neutral,
            gold=self.gold + other.gold,
            found=self.found + other.found,
            key=self.key + other.key,
            key_found=self.key_found + other.key_found,
            status=self.status + other.status,
            date=self.date + other.date,
            errors=dict(Counter(self.errors) + Counter(other.errors)),
            misses=dict(Counter(self.misses) + Counter(other.misses)),
            confidences=self.confidences + other.confidences,
        )

    @property
    def precision(self) -> Ratio:
        return Ratio(self.right, self.predicted)

    @property
    def type_precision(self) -> Ratio:
        return Ratio(self.type_right, self.predicted)

    @property
    def recall(self) -> Ratio:
        return Ratio(self.found, self.gold)

    @property
    def key_recall(self) -> Ratio:
        return Ratio(self.key_found, self.key)

    @property
    def has_confidence(self) -> bool:
        """Whether any scored prediction gave a confidence."""
        return bool(self.confidences)

    @property
    def confident_precision(self) -> Ratio:
        """Precision over the predictions with confidence of at least :data:`CONFIDENT`."""
        return self.precision_at(CONFIDENT)

    def precision_at(self, cut: float) -> Ratio:
        """Precision over the predictions with confidence of at least ``cut``."""
        kept = [right for confidence, right in self.confidences if confidence >= cut]
        return Ratio(sum(kept), len(kept))

    def recall_at(self, cut: float) -> Ratio:
        """Gold events found fully right by a prediction with confidence of at least ``cut``."""
        return Ratio(sum(right for confidence, right in self.confidences if confidence >= cut), self.gold)

    def calibration(self) -> tuple[CalibrationRow, ...]:
        """The predictions by confidence decile: how many, their mean confidence, the share fully
        right. Empty deciles are left out."""
        rows = []
        for decile in range(_DECILES):
            low, high = decile / _DECILES, (decile + 1) / _DECILES
            inside = [
                (confidence, right)
                for confidence, right in self.confidences
                if low <= confidence < high or (decile == _DECILES - 1 and confidence == high)
            ]
            if inside:
                rows.append(
                    CalibrationRow(
                        low=low,
                        high=high,
                        count=len(inside),
                        mean_confidence=sum(confidence for confidence, _ in inside) / len(inside),
                        right=sum(right for _, right in inside) / len(inside),
                    )
                )
        return tuple(rows)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "predicted": self.predicted,
            "right": self.right,
            "neutral": self.neutral,
            "gold": self.gold,
            "found": self.found,
            "precision": self.precision.to_json(),
            "type_precision": self.type_precision.to_json(),
            "recall": self.recall.to_json(),
            "key_recall": self.key_recall.to_json(),
            "status": self.status.to_json(),
            "date": self.date.to_json(),
            "errors": {kind: self.errors.get(kind, 0) for kind in ERROR_KINDS},
            "misses": {kind: self.misses.get(kind, 0) for kind in MISS_KINDS},
        }
        if self.has_confidence:
            data["confident_precision"] = self.confident_precision.to_json()
            shown = load_confidence_model().threshold
            data["shown"] = {"threshold": shown, "precision": self.precision_at(shown).to_json(),
                             "recall": self.recall_at(shown).to_json()}
            data["calibration"] = [row.to_json() for row in self.calibration()]
        return data
