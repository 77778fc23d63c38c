"""Choosing each field: given metadata first, then stamp, dateline, source line, tags and notices."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from newsgraph.metadata import resolve_metadata
from newsgraph.records import Evidence
from newsgraph.steps import Found

TODAY = date(2026, 11, 23)
BODY = "The two governments agreed on Wednesday to share data on the river, and officials said it would help."


def found(field: str, value: Any, rule: str, confidence: float = 1.0, start: int = 0) -> Found:
    return Found(field, value, Evidence(start, start + 5, str(value), rule), confidence)


def resolve(*items: Found, given: dict[str, Any] | None = None, body: str = BODY) -> Any:
    return resolve_metadata(given or {}, list(items), body, TODAY)


def test_given_metadata_beats_what_the_text_says_and_has_no_text_evidence() -> None:
    metadata = resolve(
        found("title", "Ministers pledge river data", "title"),
        found("outlet", "Reuters", "dateline.outlet"),
        given={"title": "River pact signed", "outlet": "Valdora Herald", "published": "2025-03-04T08:00:00Z"},
    )
    assert (metadata.title, metadata.outlet, metadata.published, metadata.published_confidence) == (
        "River pact signed",
        "Valdora Herald",
        "2025-03-04",
        1.0,
    )
    assert metadata.evidence == {}


@pytest.mark.parametrize(
    "value", [date(2025, 3, 4), datetime(2025, 3, 4, 23, 59), "March 4, 2025", "Tue, 04 Mar 2025 08:00:00 +0000"]
)
def test_a_given_date_may_be_a_date_object_or_a_string(value: object) -> None:
    assert resolve(given={"published": value}).published == "2025-03-04"


def test_empty_given_values_do_not_hide_found_ones() -> None:
    metadata = resolve(found("title", "Ministers pledge river data", "title"), given={"title": "  ", "authors": []})
    assert metadata.title == "Ministers pledge river data"


@pytest.mark.parametrize(
    ("items", "outlet", "rule"),
    [
        (
            (found("outlet", "Valdora Herald", "source_line"), found("outlet", "Reuters", "dateline.outlet")),
            "Reuters",
            "dateline.outlet",
        ),
        (
            (found("outlet", "Valdora Herald", "copyright"), found("outlet", "Valdora Wire", "source_line")),
            "Valdora Wire",
            "source_line",
        ),
        ((found("outlet", "Thomson Reuters", "copyright"),), "Thomson Reuters", "copyright"),
        (
            (found("outlet", "Valdora Herald", "byline.outlet"), found("outlet", "Valdora Wire", "source_line")),
            "Valdora Herald",
            "byline.outlet",
        ),
    ],
)
def test_the_outlet_follows_the_priorities(items: tuple[Found, ...], outlet: str, rule: str) -> None:
    metadata = resolve(*items)
    assert (metadata.outlet, metadata.evidence["outlet"].rule) == (outlet, rule)


def test_a_copyright_holder_containing_another_candidate_names_that_candidate() -> None:
    metadata = resolve(found("outlet", "Thomson Reuters", "copyright"), found("agency", "Reuters", "credit_tag"))
    assert (metadata.outlet, metadata.agencies) == ("Reuters", ["Reuters"])
    assert metadata.evidence["outlet"].rule == "copyright"


def test_a_credit_tag_is_an_agency_never_the_outlet() -> None:
    metadata = resolve(found("agency", "Yonhap", "credit_tag"), found("outlet", "Valdora Wire", "dateline.outlet"))
    assert (metadata.outlet, metadata.agencies) == ("Valdora Wire", ["Yonhap"])


def test_stamp_beats_dateline_for_the_date() -> None:
    metadata = resolve(found("published", "--09-20", "dateline.date", 0.5), found("published", "2025-09-19", "stamp"))
    assert (metadata.published, metadata.published_confidence, metadata.evidence["published"].rule) == (
        "2025-09-19",
        1.0,
        "stamp",
    )


def test_a_dateline_month_day_gets_its_year_from_the_weekday() -> None:
    metadata = resolve(found("published", "--09-20", "dateline.date", 0.5))
    assert (metadata.published, metadata.published_confidence) == ("2023-09-20", 0.6)
    assert metadata.evidence["published"].rule.startswith("dateline.date; year inferred")


REPORTERS = found("authors", ["Lena Ortiz", "Tomas Berg"], "trailer.reporting", 0.8, start=50)
ADDITIONAL = found("contributors", ["Ana Ruiz"], "trailer.additional", 0.8, start=50)


@pytest.mark.parametrize(
    ("items", "given", "authors", "contributors"),
    [
        (
            (found("authors", ["Lena Ortiz"], "byline"), REPORTERS, ADDITIONAL),
            {},
            ["Lena Ortiz"],
            ["Tomas Berg", "Ana Ruiz"],
        ),
        ((REPORTERS, ADDITIONAL), {}, ["Lena Ortiz", "Tomas Berg"], ["Ana Ruiz"]),
        ((REPORTERS,), {"authors": ["Sue Lin"]}, ["Sue Lin"], ["Lena Ortiz", "Tomas Berg"]),
        ((found("authors", ["Lena Ortiz"], "byline"),), {"authors": "Sue Lin"}, ["Sue Lin"], []),
        ((), {}, [], []),
    ],
)
def test_authors_and_contributors(
    items: tuple[Found, ...], given: dict[str, Any], authors: list[str], contributors: list[str]
) -> None:
    metadata = resolve(*items, given=given)
    assert (metadata.authors, metadata.contributors) == (authors, contributors)
    assert ("contributors" in metadata.evidence) is bool(contributors)


def test_every_field_found_in_the_text_has_its_evidence() -> None:
    metadata = resolve(
        found("title", "Ministers pledge river data", "title"),
        found("dateline", "Valdora", "dateline"),
        found("outlet", "Reuters", "dateline.outlet"),
        found("authors", ["Lena Ortiz"], "byline"),
        found("published", "2025-03-04", "stamp"),
        found("agency", "AP", "credit_tag"),
        found("url", "https://example.org/a", "source_line"),
    )
    assert set(metadata.evidence) == {"title", "dateline", "outlet", "authors", "published", "agencies", "url"}


@pytest.mark.parametrize(("given", "language"), [({}, "en"), ({"language": "fr"}, "fr")])
def test_language(given: dict[str, Any], language: str) -> None:
    assert resolve(given=given).language == language
