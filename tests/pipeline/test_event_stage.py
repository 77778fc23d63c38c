"""Events through the whole pipeline: resolved actors, a date from the sentence, a place, a status."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.documents import build_document
from newsgraph.pipeline import default_pipeline
from newsgraph.records import Document, RawArticle

ARTICLE = """Leaders meet in Hanoi
[June 18, 2024]

Russian President Vladimir Putin met Vietnamese President To Lam in Hanoi on Wednesday, officials said.

Putin will visit Laos on Friday, the Kremlin said.

Moscow and Hanoi have denied arms transfers.
"""


@pytest.fixture(scope="module")
def document() -> Document:
    raw = RawArticle(source="own.txt", format="text", raw_text=ARTICLE, raw_sha="sha")
    return build_document(default_pipeline(today=date(2026, 11, 23))(raw))


def test_a_meeting_has_its_actors_date_and_place(document: Document) -> None:
    meeting = next(event for event in document.events if event.trigger_text == "met")
    assert meeting.type == "CONSULT"
    assert "person:vladimir-putin" in meeting.source_actor_ids
    # Past tense in an article of Tuesday the 18th: the Wednesday before.
    assert meeting.date == "2024-06-12" and meeting.date_text == "Wednesday"
    assert meeting.location_name == "Hanoi" and meeting.location_country == "VNM"
    assert meeting.status == "asserted"
    assert document.text[meeting.evidence_start : meeting.evidence_end] == meeting.evidence_text


def test_a_future_visit_is_planned_and_a_denial_is_denied(document: Document) -> None:
    statuses = {event.trigger_text: event.status for event in document.events}
    assert statuses["visit"] == "planned"
    assert "denied" in statuses.values()


def test_a_phrase_names_the_actor_nearest_its_head_not_the_last_one() -> None:
    # Resolved mentions inside a long object: the veto is aimed at the UN body, not at Iran.
    text = "Spain in May vetoed the renewal of a committee of inspectors monitoring United Nations sanctions against Iran.\n"
    raw = RawArticle(source="veto.txt", format="text", raw_text=text, raw_sha="sha-veto")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    veto = next(event for event in found.events if event.trigger_text == "vetoed")
    assert (veto.type, veto.source_actor_codes, veto.target_actor_codes) == ("REJECT", ["ESP"], ["IGOUNO"])
