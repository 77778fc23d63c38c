"""parse_date: one string that should be a date, in the forms feeds, pages and archives use."""

from __future__ import annotations

import pytest

from newsgraph.dates import parse_date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-06-18", "2024-06-18"),
        ("2024-06-18T23:30:00-05:00", "2024-06-18"),
        ("2024-06-18T09:30:00Z", "2024-06-18"),
        ("2024-06", "2024-06"),
        ("2024", "2024"),
        ("Tue, 18 Jun 2024 09:30:00 +0000", "2024-06-18"),
        ("June 18, 2024", "2024-06-18"),
        ("Tuesday, June 18, 2024", "2024-06-18"),
        ("18 June 2024 10:02 GMT", "2024-06-18"),
        ("June 18, 2024 at 3:00 p.m. EDT", "2024-06-18"),
        ("  26-FEB-1987 15:01:01.79 ", "1987-02-26"),
        ("Sept. 20", "--09-20"),
    ],
)
def test_reads_a_date_at_its_precision(value: str, iso: str) -> None:
    parsed = parse_date(value)
    assert parsed is not None and parsed.iso() == iso


@pytest.mark.parametrize(
    "value",
    ["", "   ", "may produce a treaty", "Published June 18, 2024", "June 18 and June 19, 2024", "2024-02-30", "soon"],
)
def test_anything_but_a_date_is_none(value: str) -> None:
    assert parse_date(value) is None
