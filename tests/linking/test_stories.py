from __future__ import annotations

import pytest

from newsgraph.linking.profiles import DocumentProfile, EventItem
from newsgraph.linking.stories import JOIN_SCORE, Story, StoryIndex, story_score


def profile(
    doc_id: str, terms: dict[str, float], *, published: str | None = None, events: list[EventItem] | None = None
) -> DocumentProfile:
    return DocumentProfile(doc_id, None, None, published, terms, {"person:x": 1.0}, events=events or [])


def meeting(doc_id: str, cameo: str, source: str, target: str) -> EventItem:
    return EventItem(
        id=doc_id + cameo,
        doc_id=doc_id,
        family="MEET",
        type="CONSULT",
        sources=frozenset({source}),
        targets=frozenset({target}),
        date=None,
        location_country=None,
        status="asserted",
        published=None,
        cameo=cameo,
        reported_by=None,
    )


def story_of(*profiles: DocumentProfile) -> Story:
    story = Story(id="story:1", title=None, first_published=None, last_published=None)
    for p in profiles:
        story.add(p)
    return story


@pytest.mark.parametrize(
    ("cameo", "source", "target", "place"),
    [("042", "RUS", "PRK", "PRK"), ("043", "RUS", "PRK", "RUS"), ("040", "RUS", "PRK", None)],
)
def test_a_visit_happens_in_the_country_visited_and_a_hosted_one_at_the_host(
    cameo: str, source: str, target: str, place: str | None
) -> None:
    assert meeting("d", cameo, source, target).place == place


def test_the_same_leaders_meeting_elsewhere_lowers_the_fit() -> None:
    words = {"summit": 0.8, "missiles": 0.6}
    earlier = story_of(profile("d1", words, events=[meeting("d1", "043", "RUS", "PRK")]))
    same_place = profile("d2", words, events=[meeting("d2", "042", "PRK", "RUS")])
    elsewhere = profile("d3", words, events=[meeting("d3", "042", "RUS", "PRK")])
    assert story_score(elsewhere, earlier) < story_score(same_place, earlier)


def test_an_article_joins_a_running_story_but_not_one_long_over() -> None:
    index = StoryIndex()
    story = story_of(profile("d1", {"earthquake": 0.9, "ankara": 0.4}, published="2024-02-06"))
    index.add(story)
    soon = profile("d2", {"earthquake": 0.9, "ankara": 0.4}, published="2024-02-10")
    months_later = profile("d3", {"earthquake": 0.9, "ankara": 0.4}, published="2024-09-10")
    assert index.best(soon)[0] is story
    assert index.best(months_later)[0] is None


def test_an_unrelated_article_starts_its_own_story() -> None:
    index = StoryIndex()
    index.add(story_of(profile("d1", {"earthquake": 0.9, "ankara": 0.4})))
    found, score = index.best(DocumentProfile("d2", None, None, None, {"election": 0.9, "ankara": 0.1}, {}))
    assert found is None and score < JOIN_SCORE
