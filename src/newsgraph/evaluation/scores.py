"""Score records: counts with precision, recall and F1, per document and summed over a gold set.

Totals are micro-averaged: the counts of every document are added before dividing, so a long
article weighs more than a short one. Every miss and mismatch is kept as a :class:`Problem` so a
person can read what went wrong, not only how much.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

__all__ = ["DocumentScore", "EvaluationReport", "Problem", "Ratio", "Score", "render_report"]


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives.

    With nothing to find and nothing found, precision and recall are 1.0: there was no chance to
    be wrong.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        precision, recall = self.precision, self.recall
        return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class Ratio:
    """``right`` out of ``total``; 1.0 when there is nothing to judge."""

    right: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.right + other.right, self.total + other.total)

    @property
    def value(self) -> float:
        return 1.0 if self.total == 0 else self.right / self.total

    def to_json(self) -> dict[str, Any]:
        return {"right": self.right, "total": self.total, "value": round(self.value, 4)}


@dataclass(frozen=True)
class Problem:
    """One miss or mismatch, for a person to read.

    ``category`` is ``quote``, ``speaker``, ``actor`` or ``mention``; ``problem`` says what went
    wrong (``missed``, ``spurious``, ``wrong speaker``, ``wrong kind``, ``wrong actor``);
    ``expected`` and ``found`` say what gold and prediction hold, and ``at`` the offset in the
    text where it happened (None for actors).
    """

    article: str
    category: str
    problem: str
    expected: str
    found: str
    at: int | None = None

    def line(self) -> str:
        place = "" if self.at is None else f" @{self.at}"
        return f"{self.article}{place}: {self.category} {self.problem}: expected {self.expected}; found {self.found}"


@dataclass(frozen=True)
class DocumentScore:
    """The scores of one article.

    ``quotes`` counts direct and partial quotes found whatever kind the prediction gave them;
    ``direct``, ``partial`` and ``indirect`` count a quote only when found with that kind.
    ``speakers`` is the share of found direct and partial quotes whose speaker is right, and
    ``attributed`` counts a direct or partial quote as right only when found with its speaker.
    ``mentions`` counts spans overlapping a gold mention and linked to the matching actor; it is
    None when the gold annotates no mentions (they are not scored). ``unresolved`` and
    ``indirect_unresolved`` count the predicted quotations (direct and partial; indirect) whose
    speaker is unresolved, out of all predicted. ``speaker_confidences`` pairs the confidence of
    each found direct or partial quote's speaker with whether it is right.
    """

    article: str
    quotes: Score
    direct: Score
    partial: Score
    indirect: Score
    speakers: Ratio
    attributed: Score
    indirect_attributed: Score
    actors: Score
    mentions: Score | None
    problems: tuple[Problem, ...] = ()
    unresolved: Ratio = Ratio()
    indirect_unresolved: Ratio = Ratio()
    unresolved_reasons: tuple[str, ...] = ()
    speaker_confidences: tuple[tuple[float, bool], ...] = ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"article": self.article}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, (Score, Ratio)):
                data[field.name] = value.to_json()
            elif value is None:
                data[field.name] = None
        data["problems"] = [asdict(problem) for problem in self.problems]
        return data


_SCORE_FIELDS = ("quotes", "direct", "partial", "indirect", "attributed", "indirect_attributed", "actors", "mentions")


@dataclass(frozen=True)
class EvaluationReport:
    """The scores of a named gold set (``seeds``, ``held_out``): per article and in total."""

    name: str
    documents: tuple[DocumentScore, ...]

    def total(self, name: str) -> Score:
        """The micro-averaged total of the score field ``name`` (``quotes``, ``actors``...) over the
        documents that score it."""
        if name not in _SCORE_FIELDS:
            raise KeyError(name)
        scores = (getattr(document, name) for document in self.documents)
        return sum((score for score in scores if score is not None), Score())

    def scored(self, name: str) -> bool:
        """Whether any document scores the field ``name`` (mentions are not scored without gold mentions)."""
        return any(getattr(document, name) is not None for document in self.documents)

    @property
    def speakers(self) -> Ratio:
        return sum((document.speakers for document in self.documents), Ratio())

    @property
    def speaker_confidence(self) -> float | None:
        """The mean confidence of the found direct and partial quotes' speakers (None if none
        says), to set beside the share that are right."""
        values = [value for document in self.documents for value, _ in document.speaker_confidences]
        return sum(values) / len(values) if values else None

    def speakers_by_confidence(self, cut: float, above: bool) -> Ratio:
        """The found direct and partial quotes whose speaker is right, out of those whose speaker's
        confidence is at least ``cut`` (``above``) or under it: whether the confidence tells the
        right speakers from the wrong ones."""
        pairs = [
            right
            for document in self.documents
            for value, right in document.speaker_confidences
            if (value >= cut) == above
        ]
        return Ratio(sum(pairs), len(pairs))

    @property
    def unresolved(self) -> Ratio:
        """Predicted direct and partial quotations with no speaker, out of all predicted."""
        return sum((document.unresolved for document in self.documents), Ratio())

    @property
    def indirect_unresolved(self) -> Ratio:
        """Predicted indirect quotations with no speaker, out of all predicted."""
        return sum((document.indirect_unresolved for document in self.documents), Ratio())

    @property
    def unresolved_reasons(self) -> dict[str, int]:
        """How many predicted quotations of every kind are unresolved for each reason the pipeline
        gave ("unstated" when it gave none), most first."""
        counts: dict[str, int] = {}
        for document in self.documents:
            for reason in document.unresolved_reasons:
                counts[reason] = counts.get(reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(problem for document in self.documents for problem in document.problems)

    def to_json(self) -> dict[str, Any]:
        totals: dict[str, Any] = {
            name: self.total(name).to_json() if self.scored(name) else None for name in _SCORE_FIELDS
        }
        totals["speakers"] = self.speakers.to_json()
        totals["speaker_confidence"] = self.speaker_confidence
        totals["unresolved"] = self.unresolved.to_json()
        totals["indirect_unresolved"] = self.indirect_unresolved.to_json()
        totals["unresolved_reasons"] = self.unresolved_reasons
        return {"name": self.name, "totals": totals, "documents": [document.to_json() for document in self.documents]}


_ROWS = (
    ("quotes found (direct+partial)", "quotes"),
    ("  direct", "direct"),
    ("  partial", "partial"),
    ("quotes with right speaker", "attributed"),
    ("indirect found", "indirect"),
    ("indirect with right speaker", "indirect_attributed"),
    ("actors", "actors"),
    ("mentions", "mentions"),
)


def render_report(reports: Sequence[EvaluationReport], *, problems: bool = True) -> str:
    """A plain-text table of the totals of each report side by side, then every problem."""
    rows: list[tuple[str, list[str]]] = [
        ("", [report.name for report in reports]),
        ("", ["P     R     F1    tp/fp/fn"] * len(reports)),
    ]
    for label, name in _ROWS:
        cells = []
        for report in reports:
            if not report.scored(name):
                cells.append("-  (not annotated)")
                continue
            score = report.total(name)
            cells.append(f"{score.precision:.2f}  {score.recall:.2f}  {score.f1:.2f}  {score.tp}/{score.fp}/{score.fn}")
        rows.append((label, cells))
    rows.append(
        (
            "speaker accuracy (found)",
            [f"{report.speakers.value:.2f}  {report.speakers.right}/{report.speakers.total}" for report in reports],
        )
    )
    for label, ratios in (
        ("speaker unresolved", [report.unresolved for report in reports]),
        ("indirect speaker unresolved", [report.indirect_unresolved for report in reports]),
    ):
        rows.append((label, [f"{ratio.value if ratio.total else 0:.2f}  {ratio.right}/{ratio.total}" for ratio in ratios]))
    rows.append(("articles", [str(len(report.documents)) for report in reports]))
    label_width = max(len(label) for label, _ in rows) + 2
    column_width = max(len(cell) for _, cells in rows for cell in cells) + 3
    lines = [f"{label:<{label_width}}" + "".join(f"{cell:<{column_width}}" for cell in cells) for label, cells in rows]
    lines = [line.rstrip() for line in lines]
    if problems:
        for report in reports:
            lines.append("")
            lines.append(f"{report.name}: {len(report.problems)} problems")
            lines.extend(f"  {problem.line()}" for problem in report.problems)
    return "\n".join(lines)
