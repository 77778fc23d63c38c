"""The records actor resolution returns: stable ids, which actor a span means, the JSON shape."""

from __future__ import annotations

import pytest

import newsgraph.actors
from newsgraph.actors.records import ActorRecord, DocumentActors, MentionRecord, slug_id


def test_the_package_exports_the_resolution_api() -> None:
    assert {"ActorRecord", "MentionRecord", "DocumentActors", "resolve_actors", "resolve_speakers",
            "resolve_title_speakers", "Speaker", "ACTORS_VERSION"} <= set(newsgraph.actors.__all__)
    assert all(hasattr(newsgraph.actors, name) for name in newsgraph.actors.__all__)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Lami Kim", "person:lami-kim"),
        ("Lámi  KIM", "person:lami-kim"),
        ("Jean-Luc O'Neill", "person:jean-luc-oneill"),
        ("Center for Strategic and International Studies", "person:center-for-strategic-and-international-studies"),
    ],
)
def test_slug_ids_ignore_case_accents_and_punctuation(name: str, expected: str) -> None:
    assert slug_id("person", name) == expected


# "North Korean leader Kim Jong-un and Seoul": offsets into that text.
MENTIONS = DocumentActors(
    actors=[],
    mentions=[
        MentionRecord("country:PRK", 0, 12, "North Korean", "demonym"),
        MentionRecord("person:kim-jong-un", 20, 31, "Kim Jong-un", "alias"),
        MentionRecord("sector:KORGOV", 36, 41, "Seoul", "metonym"),
    ],
)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (20, 31, "person:kim-jong-un"),  # the mention itself
        (0, 31, "person:kim-jong-un"),  # the head of the phrase, not its demonym
        (0, 19, "country:PRK"),  # only a demonym inside: that is all there is
        (22, 25, "person:kim-jong-un"),  # a part of a mention
        (32, 35, None),  # no mention there
    ],
)
def test_actor_at_picks_the_mention_a_span_refers_to(start: int, end: int, expected: str | None) -> None:
    assert MENTIONS.actor_at(start, end) == expected


def test_records_serialise_to_the_contract_fields() -> None:
    actor = ActorRecord("person:lami-kim", "Lami Kim", "person", None, None, ("Lami Kim", "Kim"), "professor")
    assert actor.to_json() == {
        "id": "person:lami-kim", "name": "Lami Kim", "type": "person", "country": None, "code": None,
        "aliases": ["Lami Kim", "Kim"], "role": "professor", "affiliation": None, "from_kb": False,
    }
    assert DocumentActors([actor], []).to_json()["actors"][0]["id"] == "person:lami-kim"


@pytest.mark.parametrize("how, start, end", [("nickname", 0, 3), ("name", 5, 5)])
def test_a_mention_refuses_an_unknown_kind_or_an_empty_span(how: str, start: int, end: int) -> None:
    with pytest.raises(ValueError):
        MentionRecord("person:x", start, end, "abc", how)  # type: ignore[arg-type]
