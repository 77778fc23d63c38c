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


ONE_READER = """Troops deployed as talks stalled
[March 3, 2025]

North Korean soldiers crossed the border on Monday, and South Korean troops fired warning shots.

Egyptian police arrested dozens of protesters in Cairo, and the ministry condemned the rally.

Its troops shelled Kharkiv overnight, Ukraine's military said, accusing Russia of targeting civilians.

Arab League Secretary-General Ahmed Aboul Gheit urged Israel to withdraw its forces.
"""


def test_every_event_actor_is_one_of_the_documents_actors_with_the_same_code() -> None:
    # One reader: the actors stage decides who a phrase names and its code; an event never holds
    # an actor (or a code for it) that the document's actors do not. Every event the coder drafts
    # is checked, whatever its confidence.
    raw = RawArticle(source="one-reader.txt", format="text", raw_text=ONE_READER, raw_sha="sha-one-reader")
    found = build_document(default_pipeline(today=date(2026, 11, 23), confidence_floor=0.0)(raw))
    codes = {actor.id: actor.code for actor in found.actors}
    sides = [
        (ids, event_codes)
        for event in found.events
        for ids, event_codes in ((event.source_actor_ids, event.source_actor_codes), (event.target_actor_ids, event.target_actor_codes))
        if ids
    ]
    assert len(sides) >= 6, [(event.trigger_text, event.source_actor_ids, event.target_actor_ids) for event in found.events]
    for ids, event_codes in sides:
        for actor_id in ids:
            assert actor_id in codes, actor_id
            assert codes[actor_id] in event_codes, (actor_id, codes[actor_id], event_codes)
    soldiers = next(event for event in found.events if event.trigger_text == "fired")
    assert soldiers.source_actor_ids == ["sector:KORMIL"]


def test_we_inside_a_quotation_is_the_speakers_side() -> None:
    text = (
        "Envoys meet in Vienna\n[March 3, 2025]\n\n"
        '"We condemn the arrests of the journalists," Foreign Minister Annalena Baerbock said on Monday.\n'
    )
    raw = RawArticle(source="we.txt", format="text", raw_text=text, raw_sha="sha-we")
    found = build_document(default_pipeline(today=date(2026, 11, 23))(raw))
    condemn = next(event for event in found.events if event.trigger_text == "condemn")
    assert condemn.type == "ACCUSE"
    assert condemn.source_actor_ids == ["person:annalena-baerbock"]
