"""Times, places and amounts through the whole pipeline, resolved against the article's own date."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.documents import build_document
from newsgraph.pipeline import default_pipeline
from newsgraph.pipeline.context_stages import publication_reference
from newsgraph.records import Document, RawArticle
from newsgraph.dates.partial import PartialDate

ARTICLE = """Border guards fire warning shots
[March 12, 2025]

Finnish border guards fired warning shots on Tuesday after more than 40 people tried to cross from Russia near Imatra, officials said.

The interior ministry said last week that dozens of migrants had gathered in Vyborg.
"""


@pytest.fixture(scope="module")
def document() -> Document:
    raw = RawArticle(source="own.txt", format="text", raw_text=ARTICLE, raw_sha="sha")
    return build_document(default_pipeline(today=date(2026, 11, 23))(raw))


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2025-03-12", PartialDate(2025, 3, 12)), ("2025", PartialDate(2025, None, None)), (None, None), ("junk", None)],
)
def test_publication_reference(published: str | None, expected: PartialDate | None) -> None:
    assert publication_reference(published) == expected


def test_weekdays_and_relative_times_resolve_against_the_publication_date(document: Document) -> None:
    values = {time.text: time.value for time in document.times}
    assert values["Tuesday"] == "2025-03-11"
    assert values["last week"] == "2025-W10"


def test_amounts_keep_their_qualifier_and_unit(document: Document) -> None:
    amounts = {(a.qualifier, a.value, a.unit) for a in document.amounts}
    assert ("more than", 40.0, "people") in amounts
    assert ("dozens", None, "migrants") in amounts


def test_places_are_geocoded_with_their_country(document: Document) -> None:
    vyborg = next(place for place in document.places if place.text == "Vyborg")
    assert vyborg.country == "RUS" and vyborg.lat is not None and vyborg.role == "location"
