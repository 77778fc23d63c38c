from __future__ import annotations

from datetime import date

import pytest

from newsgraph.linking.dates import interval, overlaps


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-06-18", (date(2024, 6, 18), date(2024, 6, 18))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2024-W25", (date(2024, 6, 17), date(2024, 6, 23))),
        (None, None),
        ("not a date", None),
    ],
)
def test_interval_covers_the_date_at_its_precision(value: str | None, expected: tuple[date, date] | None) -> None:
    assert interval(value) == expected


def test_overlaps_allows_the_slack_and_no_more() -> None:
    day = (date(2024, 6, 18), date(2024, 6, 18))
    assert overlaps(day, (date(2024, 6, 25), date(2024, 6, 25)), 7)
    assert not overlaps(day, (date(2024, 6, 26), date(2024, 6, 26)), 7)
