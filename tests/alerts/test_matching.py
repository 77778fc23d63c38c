"""Alerts fire once per new matching event or quotation, as watch brings articles in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from livesite import ACCUSATION, DENIAL, QUOTATION, Site, article_html, live_settings, rss
from newsgraph.alerts import Alert, Delivery, add_alert, check_alerts, recent_matches
from newsgraph.fetch import Fetcher
from newsgraph.live import Watcher
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.workers import Processor

STAMP = "Tue, 04 Jun 2024 10:00:00 GMT"
LATER = "Wed, 05 Jun 2024 10:00:00 GMT"
SANCTIONS = "Japan accused China on Wednesday of blocking seafood imports from Fukushima without evidence."


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return live_settings(tmp_path)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(allow_private=True, delay=0.0) as opened:
        yield opened


def _alert(settings: Settings, alert: Alert) -> None:
    with Store(settings.db) as store:
        add_alert(store, alert)


def _feed(site: Site, *pages: tuple[str, str]) -> None:
    site.feed("/feed.xml", rss(*pages))


def test_an_alert_fires_once_per_new_matching_event(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    _alert(settings, Alert("pyongyang-accuses", actor="North Korea", type="ACCUSE"))
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION, QUOTATION)
    site.page("/b.html", "Seafood row", SANCTIONS)
    site.server.expect_oneshot_request("/feed.xml").respond_with_data(rss((site.url("/a.html"), STAMP)), content_type="application/rss+xml")
    _feed(site, (site.url("/a.html"), STAMP), (site.url("/b.html"), LATER))
    watcher = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor)
    first = watcher.poll()
    assert [(match.alert, match.kind, match.record["type"], match.record["source_actor_ids"]) for match in first.matches] == [
        ("pyongyang-accuses", "event", "ACCUSE", ["country:PRK"])
    ]
    assert first.matches[0].record["url"] == site.url("/a.html")
    confidence = first.matches[0].record["confidence"]
    assert 0 <= confidence <= 1
    line = f"alert pyongyang-accuses: ACCUSE country:PRK -> country:KOR (asserted, {confidence:.2f})"
    assert line in first.matches[0].line()
    second = watcher.poll()  # a new article, with nothing North Korea did
    assert (second.new, second.matches) == (1, [])
    assert watcher.poll().matches == []


def test_the_same_event_in_an_updated_article_does_not_fire_again(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    _alert(settings, Alert("pyongyang-accuses", actor="country:PRK", type="ACCUSE"))
    site.server.expect_oneshot_request("/a.html").respond_with_data(article_html("Drones over Pyongyang", ACCUSATION), content_type="text/html")
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION, DENIAL)
    site.server.expect_oneshot_request("/feed.xml").respond_with_data(rss((site.url("/a.html"), STAMP)), content_type="application/rss+xml")
    _feed(site, (site.url("/a.html"), LATER))
    watcher = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor)
    assert len(watcher.poll().matches) == 1
    updated = watcher.poll()
    assert (updated.versions, updated.matches) == (1, [])
    with Store(settings.db) as store:  # the new version does report the same event
        rows = store.query("SELECT doc_id FROM events WHERE type = 'ACCUSE' AND list_contains(source_actor_ids, 'country:PRK')")
    assert len({row["doc_id"] for row in rows}) == 2


def test_an_alert_sees_only_what_is_stored_after_it(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    site.page("/a.html", "Drones over Pyongyang")
    _feed(site, (site.url("/a.html"), STAMP))
    watcher = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor)
    watcher.poll()
    _alert(settings, Alert("late", actor="country:PRK"))
    assert watcher.poll().matches == []


def test_an_actor_alert_also_matches_what_the_actor_says(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    _alert(settings, Alert("ministry", actor="sector:PRKGOV"))
    site.page("/a.html", "Drones over Pyongyang", QUOTATION)
    _feed(site, (site.url("/a.html"), STAMP))
    matches = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor).poll().matches
    assert [(match.kind, match.record["text"]) for match in matches] == [("quote", "We will respond")]


@pytest.mark.parametrize(
    ("confidence", "minimum", "fires"),
    [(None, 0.9, True), (0.95, 0.9, True), (0.4, 0.9, False), (0.4, None, True)],
)
def test_min_confidence_reads_the_events_confidence(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor,
    confidence: float | None, minimum: float | None, fires: bool,
) -> None:
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION)
    _feed(site, (site.url("/a.html"), STAMP))
    Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor).poll()
    with Store(settings.db) as store:
        # NULL: an event stored before events had a confidence, taken as certain.
        store.db.execute("UPDATE events SET confidence = ?", [confidence])
        add_alert(store, Alert("sure", type="ACCUSE", min_confidence=minimum, status="asserted"))
        store.db.execute("UPDATE alerts SET checked_from = TIMESTAMP '2000-01-01'")  # as if made before the poll
        matches = check_alerts(store)
        assert bool(matches) is fires
        if fires:
            assert matches[0].record["confidence"] == (1.0 if confidence is None else confidence)


def test_matches_go_to_a_jsonl_file_a_webhook_and_the_store(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor, tmp_path: Path
) -> None:
    _alert(settings, Alert("pyongyang-accuses", actor="North Korea", type="ACCUSE"))
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION)
    _feed(site, (site.url("/a.html"), STAMP))
    site.server.expect_request("/hook", method="POST").respond_with_data("ok")
    out = tmp_path / "alerts" / "matches.jsonl"
    delivery = Delivery(out=out, webhook=site.url("/hook"), fetcher=fetcher)
    summary = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor, delivery=delivery).poll()
    assert summary.ok and len(summary.matches) == 1
    written = [json.loads(line) for line in out.read_text().splitlines()]
    posted = [json.loads(request.get_data()) for request, _ in site.server.log if request.path == "/hook"]
    assert written == posted == [summary.matches[0].record]
    assert written[0]["alert"] == "pyongyang-accuses" and written[0]["type"] == "ACCUSE"
    with duckdb.connect(str(settings.db), read_only=True) as con:
        assert [match["record_id"] for match in recent_matches(con)] == [summary.matches[0].record_id]


def test_a_webhook_that_fails_is_one_failure_and_the_match_stays(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    _alert(settings, Alert("pyongyang-accuses", actor="North Korea", type="ACCUSE"))
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION)
    _feed(site, (site.url("/a.html"), STAMP))
    site.server.expect_request("/hook", method="POST").respond_with_data("no", status=404)
    delivery = Delivery(webhook=site.url("/hook"), fetcher=fetcher)
    summary = Watcher([site.url("/feed.xml")], settings, fetcher=fetcher, processor=processor, delivery=delivery).poll()
    assert len(summary.matches) == 1
    assert [failure.problem for failure in summary.failed] == [f"webhook {site.url('/hook')}: HTTP 404 NOT FOUND (check the address)"]


def test_a_webhook_at_a_forbidden_address_is_refused_before_any_poll() -> None:
    with Fetcher() as fetcher:
        with pytest.raises(Exception, match="link-local"):
            Delivery(webhook="http://169.254.169.254/hook", fetcher=fetcher).check()
