"""Month and weekday names: abbreviations, capitals, and words that are not names."""

from __future__ import annotations

import pytest

from newsgraph.dates.names import month_number, weekday_number


@pytest.mark.parametrize(
    ("name", "number"),
    [("January", 1), ("Sept.", 9), ("Sep", 9), ("SEPT", 9), ("may", 5), ("Dec.", 12), ("Mayday", None)],
)
def test_month_number(name: str, number: int | None) -> None:
    assert month_number(name) == number


@pytest.mark.parametrize(("name", "number"), [("Monday", 0), ("WEDNESDAY", 2), ("Sunday", 6), ("Wed", None)])
def test_weekday_number(name: str, number: int | None) -> None:
    assert weekday_number(name) == number
