"""The language stages end to end on small articles of our own."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.documents import build_document
from newsgraph.pipeline import default_pipeline
from newsgraph.pipeline.nlp_stages import reference_date
from newsgraph.records import RawArticle

ARTICLE = """Blinken vows 'firm response' to missile launch
[June 18, 2024]

U.S. Secretary of State Antony Blinken said on Tuesday that Washington would respond firmly to the launch.

"We will not stand by," Blinken told reporters in Washington. "Our allies can count on us."

Maria Lopez, a professor at the University of Lisbon, said the launch was a warning. "This is a signal to Seoul," she said.
"""


@pytest.fixture(scope="module")
def document():  # type: ignore[no-untyped-def]
    raw = RawArticle(source="own.txt", format="text", raw_text=ARTICLE, raw_sha="sha")
    return build_document(default_pipeline(today=date(2026, 11, 23))(raw))


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2024-06-18", date(2024, 6, 18)), ("2024-06", date(2024, 6, 15)), ("2024", date(2024, 7, 1)), ("--06-18", None), (None, None)],
)
def test_reference_date_of_a_partial_publication_date(published: str | None, expected: date | None) -> None:
    assert reference_date(published) == expected


def test_speakers_are_resolved_to_actors(document) -> None:  # type: ignore[no-untyped-def]
    speakers = {quote.text: quote.speaker_actor_id for quote in document.quotes if quote.kind == "direct"}
    assert speakers["We will not stand by"] == "person:antony-blinken"
    assert speakers["Our allies can count on us."] == "person:antony-blinken"
    assert speakers["This is a signal to Seoul"] == "person:maria-lopez"


def test_a_headline_quote_is_kept_with_offsets_into_the_title(document) -> None:  # type: ignore[no-untyped-def]
    (headline,) = [quote for quote in document.quotes if quote.field == "title"]
    assert document.metadata.title[headline.start : headline.end] == headline.text == "firm response"
    assert headline.speaker_actor_id == "person:antony-blinken"


def test_every_mention_and_quote_points_at_its_words_in_the_clean_text(document) -> None:  # type: ignore[no-untyped-def]
    assert document.mentions
    for mention in document.mentions:
        assert document.text[mention.start : mention.end] == mention.text
    for quote in document.quotes:
        if quote.field == "text":
            assert document.text[quote.start : quote.end] == quote.text
            assert quote.evidence_text == document.text[quote.evidence_start : quote.evidence_end]
            assert quote.evidence_start <= quote.start and quote.end <= quote.evidence_end


def test_context_actors_keep_their_role_and_affiliation(document) -> None:  # type: ignore[no-untyped-def]
    lopez = next(actor for actor in document.actors if actor.id == "person:maria-lopez")
    assert lopez.role == "professor"
    assert lopez.affiliation is not None and "University of Lisbon" in lopez.affiliation
