"""The quote speakers' confidence table: smoothed rates of right speakers by how they were found."""

from __future__ import annotations

import pytest

from newsgraph.evaluation.quote_confidence_fit import LabelledSpeaker, rates


def rows(how: str | None, reason: str | None, right: int, wrong: int, cued: bool = True) -> list[LabelledSpeaker]:
    return [LabelledSpeaker(how, reason, cued, True)] * right + [LabelledSpeaker(how, reason, cued, False)] * wrong


def test_rates_are_shares_of_right_speakers_smoothed_towards_the_overall_rate() -> None:
    table = rates(rows("mention", None, 8, 2) + rows("pronoun", None, 1, 1) + rows(None, "no attribution", 1, 3), 2.0)
    overall = 9 / 12
    assert table["resolved_default"] == pytest.approx(overall, abs=1e-3)
    assert table["resolved"] == {
        "mention": pytest.approx((8 + 2 * overall) / 12, abs=1e-3),
        "pronoun": pytest.approx((1 + 2 * overall) / 4, abs=1e-3),
    }
    assert table["unresolved"] == {"no attribution": pytest.approx((1 + 2 * 0.25) / 6, abs=1e-3)}


def test_speakers_read_off_another_verb_get_a_factor_under_one_when_they_fare_worse() -> None:
    table = rates(rows("mention", None, 9, 1) + rows("mention", None, 1, 3, cued=False), 2.0)
    assert 0.0 < float(str(table["uncued_factor"])) < 1.0
