"""Stated publication dates: the forms feeds use, at their precision, and what is refused."""

from __future__ import annotations

import pytest

from newsgraph.readers._dates import published_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-06-18", "2024-06-18"),
        ("2024-06-18T23:30:00-05:00", "2024-06-18"),
        ("2024-06-18T09:30:00Z", "2024-06-18"),
        ("June 18, 2024", "2024-06-18"),
        ("18 June 2024", "2024-06-18"),
        ("Tue, 18 Jun 2024 09:30:00 +0000", "2024-06-18"),
        ("2024-06", "2024-06"),
        ("2024", "2024"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
    ],
)
def test_stated_dates_read_as_iso_at_their_precision(value: str, iso: str) -> None:
    assert published_date(value) == iso


@pytest.mark.parametrize("value", ["June 18", "next Tuesday", "2024-02-30", "18/06/2024", ""])
def test_yearless_impossible_or_unknown_dates_are_not_dates(value: str) -> None:
    assert published_date(value) is None
