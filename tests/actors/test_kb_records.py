"""Terms of office with exact and partial dates."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors.kb_records import Actor, Office, day_after_latest, earliest_day


@pytest.mark.parametrize(
    ("value", "first", "after_last"),
    [
        ("2024-06-18", date(2024, 6, 18), date(2024, 6, 19)),
        ("2024-06", date(2024, 6, 1), date(2024, 7, 1)),
        ("2024-12", date(2024, 12, 1), date(2025, 1, 1)),
        ("2024", date(2024, 1, 1), date(2025, 1, 1)),
    ],
)
def test_partial_dates_span_their_period(value: str, first: date, after_last: date) -> None:
    assert earliest_day(value) == first
    assert day_after_latest(value) == after_last


EXACT = Office("person:a", "USA", "Secretary of State", ("foreign_minister",), start="2021-01-26", end="2025-01-20")
BY_MONTH = Office("person:b", "PRK", "Premier", ("head_of_government",), start="2024-12", end=None)


@pytest.mark.parametrize(
    ("office", "day", "tenure"),
    [
        (EXACT, date(2021, 1, 25), "not"),
        (EXACT, date(2021, 1, 26), "held"),
        (EXACT, date(2025, 1, 19), "held"),
        (EXACT, date(2025, 1, 20), "not"),  # the end is the day the successor took over
        (BY_MONTH, date(2024, 11, 30), "not"),
        (BY_MONTH, date(2024, 12, 10), "possibly"),  # some day in December 2024
        (BY_MONTH, date(2025, 1, 1), "held"),
    ],
)
def test_tenure_on_a_day(office: Office, day: date, tenure: str) -> None:
    assert office.tenure_on(day) == tenure


def test_actor_exports_the_contract_fields() -> None:
    actor = Actor("igo:nato", "NATO", "igo", None, "IGOWSTNAT", aliases=("Nato",), description="alliance")
    assert actor.to_json() == {
        "id": "igo:nato",
        "name": "NATO",
        "type": "igo",
        "country": None,
        "code": "IGOWSTNAT",
        "aliases": ["Nato"],
    }
