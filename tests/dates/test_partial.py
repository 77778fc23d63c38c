"""PartialDate: ISO text at each precision, validation, and reading ISO back."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates import PartialDate


@pytest.mark.parametrize(
    ("parts", "iso"),
    [
        ((2024, 6, 18), "2024-06-18"),
        ((2024, 6, None), "2024-06"),
        ((2024, None, None), "2024"),
        ((None, 6, 18), "--06-18"),
        ((None, 9, None), "--09"),
        ((987, 2, 26), "0987-02-26"),
    ],
)
def test_iso_writes_the_known_precision(parts: tuple[int | None, int | None, int | None], iso: str) -> None:
    value = PartialDate(*parts)
    assert value.iso() == iso
    assert PartialDate.from_iso(iso) == value


@pytest.mark.parametrize(
    "parts",
    [
        (None, None, None),
        (2024, None, 18),
        (2024, 13, None),
        (2023, 2, 29),
        (None, 4, 31),
        (0, 1, 1),
    ],
)
def test_impossible_dates_are_refused(parts: tuple[int | None, int | None, int | None]) -> None:
    with pytest.raises(ValueError):
        PartialDate(*parts)


def test_february_29_is_kept_when_the_year_is_unknown() -> None:
    assert PartialDate(None, 2, 29).iso() == "--02-29"
    with pytest.raises(ValueError):
        PartialDate(None, 2, 29).with_year(2023)
    assert PartialDate(None, 2, 29).with_year(2024).to_date() == date(2024, 2, 29)


@pytest.mark.parametrize(("value", "full"), [(PartialDate(2024, 6, 18), True), (PartialDate(2024, 6), False)])
def test_only_a_full_date_converts_to_a_calendar_date(value: PartialDate, full: bool) -> None:
    assert value.is_full is full
    assert (value.to_date() is not None) is full


@pytest.mark.parametrize("text", ["2024-6-18", "June 2024", "--13", "24"])
def test_from_iso_refuses_other_text(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.from_iso(text)


@pytest.mark.parametrize(
    ("iso", "precision", "first", "last"),
    [
        ("2024-06-18", "day", date(2024, 6, 18), date(2024, 6, 18)),
        ("2024-06", "month", date(2024, 6, 1), date(2024, 6, 30)),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12", "month", date(2023, 12, 1), date(2023, 12, 31)),
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31)),
    ],
)
def test_a_partial_date_spans_the_days_it_can_mean(iso: str, precision: str, first: date, last: date) -> None:
    value = PartialDate.from_iso(iso)
    assert (value.precision, value.first_day(), value.last_day()) == (precision, first, last)
    assert value.day_after() == date.fromordinal(last.toordinal() + 1)


def test_without_a_year_a_partial_date_spans_no_days() -> None:
    value = PartialDate.from_iso("--06-18")
    assert value.precision == "day"
    with pytest.raises(ValueError, match="--06-18 has no year"):
        value.first_day()
    with pytest.raises(ValueError, match="has no year"):
        value.last_day()
