from __future__ import annotations

from datetime import date

from newsgraph.linking.event_clusters import EventClusterIndex
from newsgraph.linking.profiles import EventItem, family_of

PERIOD = (date(2024, 6, 17), date(2024, 6, 20))


def event(
    event_id: str,
    doc_id: str,
    *,
    family: str = "MEET",
    sources: tuple[str, ...] = ("RUS",),
    targets: tuple[str, ...] = ("PRK",),
    date_value: str | None = None,
    published: str | None = "2024-06-18",
    status: str = "asserted",
    where: str | None = None,
) -> EventItem:
    return EventItem(
        id=event_id,
        doc_id=doc_id,
        family=family,
        type=family,
        sources=frozenset(sources),
        targets=frozenset(targets),
        date=date_value,
        location_country=where,
        status=status,
        reported_by=None,
        published=published,
    )


def test_a_summit_announced_and_the_summit_held_are_one_family() -> None:
    assert family_of("AGREE", "036") == family_of("CONSULT", "040") == "MEET"
    assert family_of("AGREE", "031") == "AGREE"


def test_the_same_happening_reported_by_two_articles_is_one_cluster() -> None:
    index = EventClusterIndex()
    first = index.place(event("e1", "d1", status="planned", published="2024-06-17"), "s1", PERIOD)
    second = index.place(event("e2", "d2", date_value="2024-06-19", where="PRK"), "s1", PERIOD)
    assert first is second and second.size == 2


def test_the_reverse_direction_is_another_happening() -> None:
    index = EventClusterIndex()
    supply = index.place(event("e1", "d1", family="AID", sources=("PRK",), targets=("RUS",)), "s1", PERIOD)
    other = index.place(event("e2", "d2", family="AID", sources=("RUS",), targets=("PRK",)), "s1", PERIOD)
    assert supply is not other


def test_a_dated_background_event_stays_apart_from_the_news() -> None:
    index = EventClusterIndex()
    news = index.place(event("e1", "d1", published=None), "s1", PERIOD)
    background = index.place(event("e2", "d2", date_value="2000", published=None), "s1", PERIOD)
    assert news is not background


def test_undated_reports_merge_only_within_one_story() -> None:
    index = EventClusterIndex()
    first = index.place(event("e1", "d1", published=None), "s1", None)
    same_story = index.place(event("e2", "d2", published=None), "s1", None)
    other_story = index.place(event("e3", "d3", published=None), "s2", None)
    assert first is same_story and other_story is not first


def test_events_with_one_party_or_another_place_do_not_merge() -> None:
    index = EventClusterIndex()
    base = index.place(event("e1", "d1", where="PRK"), "s1", PERIOD)
    assert index.place(event("e2", "d2", targets=()), "s1", PERIOD) is not base
    assert index.place(event("e3", "d3", where="RUS"), "s1", PERIOD) is not base


def test_a_denial_joins_the_cluster_of_what_it_denies() -> None:
    index = EventClusterIndex()
    alleged = index.place(
        event("e1", "d1", family="AID", sources=("PRK",), targets=("RUS",), status="alleged"), "s1", PERIOD
    )
    denied = index.place(
        event("e2", "d2", family="AID", sources=("PRK", "RUS"), targets=(), status="denied"), "s1", PERIOD
    )
    assert denied is alleged


def test_an_undated_retelling_of_a_recent_past_event_joins_it_but_a_plan_does_not() -> None:
    index = EventClusterIndex()
    veto = index.place(event("e1", "d1", family="REJECT", date_value="2024-03"), "s1", PERIOD)
    retold = index.place(event("e2", "d2", family="REJECT", published=None), "s1", PERIOD)
    planned = index.place(event("e3", "d3", family="REJECT", published=None, status="planned"), "s1", PERIOD)
    assert retold is veto and planned is not veto


def test_the_story_s_own_time_wins_over_a_past_cluster() -> None:
    index = EventClusterIndex()
    past = index.place(event("e1", "d1", date_value="2024-01-10"), "s1", PERIOD)
    current = index.place(event("e2", "d2", date_value="2024-06-18"), "s1", PERIOD)
    undated = index.place(event("e3", "d3", published=None), "s1", PERIOD)
    assert past is not current and undated is current
