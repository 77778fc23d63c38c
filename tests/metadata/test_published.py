"""The publication date: kept when stated, its year inferred when missing, or read from the body's dates."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.dates import PartialDate
from newsgraph.metadata.published import PublishedDate, infer_published
from newsgraph.records import Evidence
from newsgraph.textmap import OffsetMap

TODAY = date(2026, 11, 23)
DATELINE = Evidence(10, 18, "Sept. 20", "dateline.date")


def month_day(iso: str = "--09-20") -> PublishedDate:
    return PublishedDate(PartialDate.from_iso(iso), 0.5, DATELINE)


def infer(stated: PublishedDate | None, body: str) -> tuple[str, float] | None:
    result = infer_published(stated, body, TODAY)
    return None if result is None else (result.value.iso(), result.confidence)


@pytest.mark.parametrize("iso", ["2024-06-18", "2024-06", "2024"])
def test_a_stated_date_with_a_year_is_kept(iso: str) -> None:
    stated = PublishedDate(PartialDate.from_iso(iso), 1.0, DATELINE)
    assert infer_published(stated, "The ministers said Wednesday they agreed.", TODAY) == stated


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # September 20 fell on a Wednesday in 2023 (and 2017, 2006...): the latest one wins.
        ("The minister said Wednesday the pact would hold.", ("2023-09-20", 0.6)),
        ("Talks ended on Friday.", ("2024-09-20", 0.6)),
        # No weekday: the latest year not after today.
        ("The minister said the pact would hold.", ("2026-09-20", 0.3)),
        # A weekday after "last" is not the reporting day.
        ("The minister said last Wednesday the pact would hold.", ("2026-09-20", 0.3)),
    ],
)
def test_the_year_of_a_month_day_is_inferred(body: str, expected: tuple[str, float]) -> None:
    assert infer(month_day(), body) == expected


def test_the_article_is_not_older_than_the_latest_year_it_names() -> None:
    # September 20 was a Wednesday in 2006 and 2017 too, but the body names 2018.
    assert infer(month_day(), "Since 2018 the board has met. The minister said Wednesday it would hold.") == (
        "2023-09-20",
        0.6,
    )


def test_a_day_after_today_is_never_chosen() -> None:
    assert infer(month_day("--12-25"), "Shops closed.") == ("2025-12-25", 0.3)


def test_a_caption_line_s_date_is_not_used() -> None:
    body = "The minister said Wednesday it would hold.\nThe dam at dawn, in 2024. Photo: Valdora Herald/Ana Ruiz\n"
    assert infer(month_day(), body) == ("2023-09-20", 0.6)


def test_the_evidence_says_how_the_year_was_found() -> None:
    result = infer_published(month_day(), "The minister said Wednesday it would hold.", TODAY)
    assert result is not None and result.evidence is not None
    assert (result.evidence.raw_start, result.evidence.raw_end, result.evidence.text) == (10, 18, "Sept. 20")
    assert "Wednesday" in result.evidence.rule and "2023" in result.evidence.rule


CLUSTER = (
    "The board met on March 3, 2025 to review the gauges. It met again on March 10 and March 12, "
    "and the pact was signed on March 14."
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (CLUSTER, ("2025-03", 0.2)),
        # Two days in the month are not a cluster.
        ("The board met on March 3, 2025 and again on March 10.", None),
        # A day without a year in another month breaks the cluster.
        (CLUSTER + " Work began on January 20.", None),
        # Full dates alone are past periods or future deadlines as often as the article's days.
        ("Notes due April 15, 2031 and April 15, 2032 were sold on April 2, 2025.", None),
        # Years alone say nothing.
        ("He first visited in 2000, and again in 2012.", None),
        ("The minister said Wednesday the pact would hold.", None),
        ("", None),
    ],
)
def test_with_no_stated_date_only_a_clear_cluster_of_body_dates_gives_one(
    body: str, expected: tuple[str, float] | None
) -> None:
    assert infer(None, body) == expected


def test_body_evidence_is_located_through_the_offset_map() -> None:
    shifted = OffsetMap(((0, 100, len(CLUSTER)),))
    result = infer_published(None, CLUSTER, TODAY, shifted)
    assert result is not None and result.evidence is not None
    start = CLUSTER.index("March 3, 2025")
    assert (result.evidence.raw_start, result.evidence.raw_end) == (100 + start, 100 + start + len("March 3, 2025"))
    unmapped = infer_published(None, CLUSTER, TODAY)
    assert unmapped is not None and unmapped.evidence is not None
    assert (unmapped.evidence.raw_start, unmapped.evidence.raw_end) == (-1, -1)
