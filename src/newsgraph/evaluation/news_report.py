"""The real-news scores as text: every figure for both halves and the whole set side by side, then
the problems of the tuning half (and of the held-back half only when asked: whoever changes the
code must not read them)."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.evaluation.event_scores import ERROR_KINDS, MISS_KINDS
from newsgraph.evaluation.gold_news import LINE_KINDS
from newsgraph.evaluation.news_scores import HalfFigures, NewsReport
from newsgraph.evaluation.news_set import HALVES
from newsgraph.evaluation.scores import Ratio, Score
from newsgraph.actors.speakers import UNRESOLVED_REASONS
from newsgraph.events.confidence import load_confidence_model

__all__ = ["render_news"]

_Row = tuple[str, Callable[[HalfFigures], str]]
# The speaker confidence that splits the sure from the unsure in the report.
_SURE = 0.9


def _ratio(ratio: Ratio) -> str:
    if ratio.total == 0:
        return "-"
    return f"{ratio.value:.2f}  {ratio.right}/{ratio.total}"


def _mean(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _score(score: Score) -> str:
    return f"{score.precision:.2f} {score.recall:.2f} {score.f1:.2f}  {score.tp}/{score.fp}/{score.fn}"


def _quotes(name: str) -> Callable[[HalfFigures], str]:
    def cell(figures: HalfFigures) -> str:
        return _score(figures.quotes.total(name)) if figures.quotes.scored(name) else "-"

    return cell


def _junk_kind(kind: str) -> Callable[[HalfFigures], str]:
    return lambda figures: _ratio(figures.page.junk_kinds.get(kind, Ratio()))


def _error(kind: str) -> Callable[[HalfFigures], str]:
    return lambda figures: str(figures.events.errors.get(kind, 0))


def _reason(reason: str) -> Callable[[HalfFigures], str]:
    return lambda figures: str(figures.quotes.unresolved_reasons.get(reason, 0))


def _miss(kind: str) -> Callable[[HalfFigures], str]:
    return lambda figures: str(figures.events.misses.get(kind, 0))


def _rows(confidence: bool, speaker_confidence: bool = False) -> list[_Row]:
    rows: list[_Row] = [
        ("articles", lambda f: str(len(f.articles))),
        ("PAGE", lambda f: ""),
        ("title right", lambda f: _ratio(f.page.title)),
        ("outlet right", lambda f: _ratio(f.page.outlet)),
        ("publication date right", lambda f: _ratio(f.page.published)),
        ("non-body lines removed", lambda f: _ratio(f.page.junk)),
        *((f"  {kind}", _junk_kind(kind)) for kind in LINE_KINDS),
        ("body lines kept", lambda f: _ratio(f.page.body)),
        ("EVENTS", lambda f: ""),
        ("precision (fully right)", lambda f: _ratio(f.events.precision)),
        ("precision of type", lambda f: _ratio(f.events.type_precision)),
        ("recall (fully right)", lambda f: _ratio(f.events.recall)),
        ("recall of key events", lambda f: _ratio(f.events.key_recall)),
        ("status right (matched)", lambda f: _ratio(f.events.status)),
        ("date right (matched, date fixed)", lambda f: _ratio(f.events.date)),
        ("background found (neutral)", lambda f: str(f.events.neutral)),
        *((f"wrong: {kind}", _error(kind)) for kind in ERROR_KINDS),
        *((f"miss: {kind}", _miss(kind)) for kind in MISS_KINDS),
    ]
    if confidence:
        shown = load_confidence_model().threshold
        rows += [
            (f"precision shown (confidence >= {shown:.2f})", lambda f: _ratio(f.events.precision_at(shown))),
            (f"recall shown (confidence >= {shown:.2f})", lambda f: _ratio(f.events.recall_at(shown))),
            ("precision at confidence >= 0.8", lambda f: _ratio(f.events.confident_precision)),
        ]
    rows += [
        ("QUOTES AND ACTORS (P R F1 tp/fp/fn)", lambda f: ""),
        ("quotes found (direct+partial)", _quotes("quotes")),
        ("quotes with right speaker", _quotes("attributed")),
        ("indirect found", _quotes("indirect")),
        ("indirect with right speaker", _quotes("indirect_attributed")),
        ("actors", _quotes("actors")),
        ("mentions", _quotes("mentions")),
        ("speaker accuracy (found)", lambda f: _ratio(f.quotes.speakers)),
        *(
            [
                ("speaker confidence, mean (found)", lambda f: _mean(f.quotes.speaker_confidence)),
                (
                    f"  speaker accuracy, confidence >= {_SURE:.1f}",
                    lambda f: _ratio(f.quotes.speakers_by_confidence(_SURE, above=True)),
                ),
                (
                    f"  speaker accuracy, confidence < {_SURE:.1f}",
                    lambda f: _ratio(f.quotes.speakers_by_confidence(_SURE, above=False)),
                ),
            ]
            if speaker_confidence
            else []
        ),
        ("speaker unresolved (direct+partial)", lambda f: _ratio(f.quotes.unresolved)),
        ("speaker unresolved (indirect)", lambda f: _ratio(f.quotes.indirect_unresolved)),
        ("  unresolved, by reason (all kinds)", lambda f: ""),
        *((f"    {reason}", _reason(reason)) for reason in UNRESOLVED_REASONS),
        ("PAIRS", lambda f: ""),
        ("pairs", lambda f: str(f.pairs.pairs)),
        ("happenings both report", lambda f: str(f.pairs.shared)),
        ("  found in both", lambda f: str(f.pairs.found)),
        ("  merged into one event cluster", lambda f: _ratio(f.pairs.merged_share)),
        ("  merged, of those found in both", lambda f: _ratio(f.pairs.merged_of_found)),
        ("wrong merges", lambda f: str(f.pairs.wrong_merges)),
    ]
    return rows


def _table(halves: tuple[HalfFigures, ...], rows: list[_Row]) -> list[str]:
    cells = [(label, [cell(figures) for figures in halves]) for label, cell in rows]
    cells.insert(0, ("", [figures.name for figures in halves]))
    label_width = max(len(label) for label, _ in cells) + 2
    column_width = max(len(cell) for _, row in cells for cell in row) + 3
    return [
        (f"{label:<{label_width}}" + "".join(f"{cell:<{column_width}}" for cell in row)).rstrip()
        for label, row in cells
    ]


def _calibration(figures: HalfFigures) -> list[str]:
    lines = [f"calibration, {figures.name}: confidence   count  mean   fully right"]
    for row in figures.events.calibration():
        lines.append(
            f"  {row.low:.1f}-{row.high:.1f}{'':<14}{row.count:>5}  {row.mean_confidence:.2f}   {row.right:.2f}"
        )
    return lines


def render_news(report: NewsReport, *, problems: bool = True, held_back_problems: bool = False) -> str:
    """The figures of ``report`` as a table, then the problems of the tuning half (with
    ``held_back_problems``, those of the held-back half too)."""
    halves = report.halves()
    confidence = any(figures.events.has_confidence for figures in halves)
    lines = [f"real-news gold {report.folder}", ""]
    speaker_confidence = any(figures.quotes.speaker_confidence is not None for figures in halves)
    lines += _table(halves, _rows(confidence, speaker_confidence))
    if confidence:
        for figures in halves:
            lines += ["", *_calibration(figures)]
    if report.unannotated:
        waiting = ", ".join(report.unannotated)
        lines += ["", f"{len(report.unannotated)} article(s) of the split have no gold yet: {waiting}"]
    if not problems:
        return "\n".join(lines)
    for figures in halves:
        if figures.name not in HALVES:
            continue
        found = figures.problems
        lines.append("")
        if figures.name == "held_back" and not held_back_problems:
            lines.append(f"{figures.name}: {len(found)} problems (not listed: --held-back-problems lists them)")
            continue
        lines.append(f"{figures.name}: {len(found)} problems")
        lines.extend(f"  {problem.line()}" for problem in found)
    return "\n".join(lines)
