"""Score arithmetic, micro-averaged totals, and the plain-text report."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.evaluation import DocumentScore, EvaluationReport, Problem, Ratio, Score, render_report


@pytest.mark.parametrize(
    ("score", "precision", "recall", "f1"),
    [
        (Score(3, 1, 2), 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
        (Score(0, 0, 0), 1.0, 1.0, 1.0),
        (Score(0, 0, 4), 0.0, 0.0, 0.0),
        (Score(0, 2, 0), 0.0, 0.0, 0.0),
    ],
    ids=["ordinary", "nothing-to-find-nothing-found", "found-nothing", "found-only-wrong"],
)
def test_precision_recall_f1(score: Score, precision: float, recall: float, f1: float) -> None:
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


def _document(name: str, quotes: Score, right: int, problems: tuple[Problem, ...] = ()) -> DocumentScore:
    empty = Score()
    return DocumentScore(
        name, quotes, empty, empty, empty, Ratio(right, quotes.tp), empty, empty, Score(1, 0, 0), empty, problems
    )


def test_totals_are_micro_averaged_over_documents() -> None:
    report = EvaluationReport("held_out", (_document("a", Score(9, 1, 0), 9), _document("b", Score(0, 0, 1), 0)))
    assert report.total("quotes") == Score(9, 1, 1)
    assert report.total("quotes").recall == 0.9
    assert report.speakers == Ratio(9, 9)
    assert report.to_json()["totals"]["actors"]["tp"] == 2
    with pytest.raises(KeyError):
        report.total("speakers")


def test_the_report_shows_both_sets_side_by_side_and_every_problem() -> None:
    problem = Problem("b.txt", "quote", "missed", "direct 'We will' by kim", "nothing", 40)
    seeds = EvaluationReport("seeds", (_document("a", Score(4, 0, 0), 4),))
    held_out = EvaluationReport("held_out", (_document("b", Score(3, 0, 1), 2, (problem,)),))
    text = render_report([seeds, held_out])
    header, _, quotes_line = text.splitlines()[:3]
    assert header.split() == ["seeds", "held_out"]
    assert "1.00  1.00  1.00  4/0/0" in quotes_line and "1.00  0.75  0.86  3/0/1" in quotes_line
    assert "b.txt @40: quote missed: expected direct 'We will' by kim; found nothing" in text
    assert "problems" not in render_report([seeds], problems=False)


def test_mentions_not_annotated_are_shown_as_such_not_as_a_perfect_score() -> None:
    unscored = dataclasses.replace(_document("a", Score(1, 0, 0), 1), mentions=None)
    report = EvaluationReport("news", (unscored,))
    assert not report.scored("mentions") and report.total("mentions") == Score()
    assert report.to_json()["totals"]["mentions"] is None
    assert report.to_json()["documents"][0]["mentions"] is None
    mentions_line = next(line for line in render_report([report]).splitlines() if line.startswith("mentions"))
    assert "not annotated" in mentions_line and "1.00" not in mentions_line
