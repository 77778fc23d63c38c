"""Event figures: they add up over articles; confidence gives a precision and a calibration table."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.event_scores import EventScore
from newsgraph.evaluation.scores import Ratio


def test_scores_add_up_over_articles() -> None:
    first = EventScore(predicted=3, right=1, gold=2, found=1, status=Ratio(1, 1), errors={"wrong type": 2})
    second = EventScore(
        predicted=2, right=2, gold=4, found=2, status=Ratio(1, 2), errors={"wrong type": 1, "direction": 1}
    )
    total = first + second
    assert (total.precision, total.recall, total.status) == (Ratio(3, 5), Ratio(3, 6), Ratio(2, 3))
    assert total.errors == {"wrong type": 3, "direction": 1}
    assert total.to_json()["errors"]["no event here"] == 0


def test_without_confidence_there_is_no_confidence_figure() -> None:
    score = EventScore(predicted=1, right=1)
    assert not score.has_confidence
    assert "calibration" not in score.to_json() and "confident_precision" not in score.to_json()


def test_confidence_gives_precision_above_the_threshold_and_a_calibration_by_decile() -> None:
    confidences = ((0.95, True), (1.0, True), (0.85, False), (0.8, True), (0.79, False), (0.12, False), (0.1, True))
    score = EventScore(predicted=7, right=4, confidences=confidences)
    assert score.confident_precision == Ratio(3, 4)
    rows = {round(row.low, 1): row for row in score.calibration()}
    assert sorted(rows) == [0.1, 0.7, 0.8, 0.9]
    assert (rows[0.9].count, rows[0.9].right) == (2, 1.0)
    assert (rows[0.8].count, rows[0.8].right) == (2, 0.5)
    assert rows[0.8].mean_confidence == pytest.approx(0.825)
    assert (rows[0.1].count, rows[0.1].right) == (2, 0.5)
    data = score.to_json()
    assert data["confident_precision"]["value"] == 0.75 and len(data["calibration"]) == 4
