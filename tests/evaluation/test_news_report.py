"""render_news: both halves side by side; the held-back half's problems only when asked for."""

from __future__ import annotations

import dataclasses

from evaluation.news_case import REPORT, article

from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.news_report import render_news
from newsgraph.evaluation.news_scores import NewsReport


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.startswith(label))
    return line[len(label) :].split()


def test_every_figure_is_shown_for_both_halves_and_the_whole() -> None:
    text = render_news(REPORT)
    assert text.splitlines()[2].split() == ["tuning", "held_back", "all"]
    assert _row(text, "precision (fully right)") == ["0.38", "3/8", "0.75", "3/4", "0.50", "6/12"]
    assert _row(text, "wrong: wrong type") == ["5", "1", "6"]
    assert _row(text, "mentions") == ["-", "-", "-"]
    assert _row(text, "  merged into one event cluster") == ["0.50", "1/2", "-", "0.50", "1/2"]
    assert "calibration" not in text and "confidence" not in text


def test_the_held_back_problems_are_counted_but_listed_only_when_asked_for() -> None:
    hidden = render_news(REPORT)
    assert "tuning: 4 problems" in hidden and "a.txt @10: event wrong type" in hidden
    assert "held_back: 2 problems (not listed" in hidden and "b.txt" not in hidden
    shown = render_news(REPORT, held_back_problems=True)
    assert "held_back: 2 problems\n" in shown and "b.txt @10: event wrong type" in shown
    assert "problems" not in render_news(REPORT, problems=False)


def test_confidence_adds_a_precision_row_and_a_calibration_table() -> None:
    scored = article("d.txt", "tuning", 1)
    confident = EventScore(predicted=2, right=1, confidences=((0.9, True), (0.85, False)))
    report = NewsReport("news", (dataclasses.replace(scored, events=confident),))
    text = render_news(report, problems=False)
    assert _row(text, "precision at confidence >= 0.8")[:2] == ["0.50", "1/2"]
    assert "calibration, tuning: confidence" in text
    assert "0.8-0.9" in text


def test_unresolved_speakers_are_counted_by_reason() -> None:
    text = render_news(REPORT)
    assert _row(text, "    no attribution") == ["0", "0", "0"]
