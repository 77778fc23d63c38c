"""``watch``: polls of RSS, Atom and sitemap sources on a local server, each article once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from livesite import ACCUSATION, DENIAL, Site, article_html, atom, live_settings, rss, sitemap
from newsgraph.fetch import Fetcher
from newsgraph.live import MAX_ATTEMPTS, PollSummary, Watcher
from newsgraph.settings import Settings
from newsgraph.workers import Processor

STAMP = "Tue, 04 Jun 2024 10:00:00 GMT"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return live_settings(tmp_path)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(allow_private=True, delay=0.0, timeout=5.0) as opened:
        yield opened


def _watcher(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor, *paths: str) -> Watcher:
    return Watcher([site.url(path) for path in paths], settings, fetcher=fetcher, processor=processor)


def _urls(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return [row[0] for row in con.execute("SELECT url FROM documents ORDER BY url").fetchall()]


def _counts(summary: PollSummary) -> tuple[int, int, int, int]:
    return summary.new, summary.versions, summary.unchanged, len(summary.failed)


def test_rss_atom_and_a_sitemap_give_each_article_once(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    for name in "abc":
        site.page(f"/{name}.html", f"Article {name} on the drones")
    site.feed("/rss.xml", rss((site.url("/a.html?utm_source=rss"), STAMP), (site.url("/b.html"), STAMP)))
    site.feed("/atom.xml", atom((site.url("/b.html?utm_source=atom&utm_medium=x"), STAMP)), "application/atom+xml")
    site.feed("/sitemap.xml", sitemap((site.url("/a.html"), STAMP), (site.url("/c.html"), STAMP)), "application/xml")
    watcher = _watcher(site, settings, fetcher, processor, "/rss.xml", "/atom.xml", "/sitemap.xml")
    first = watcher.poll()
    assert (first.listed, _counts(first)) == (3, (3, 0, 0, 0))
    assert _urls(settings.db) == [site.url(f"/{name}.html") for name in "abc"]
    assert [site.requested(f"/{name}.html") for name in "abc"] == [1, 1, 1]
    second = watcher.poll()
    assert _counts(second) == (0, 0, 3, 0)
    assert [site.requested(f"/{name}.html") for name in "abc"] == [1, 1, 1]


def test_an_unchanged_feed_costs_one_conditional_request(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    site.page("/a.html", "Article a on the drones")
    site.server.expect_request("/feed.xml", headers={"If-None-Match": '"f1"'}).respond_with_data("", status=304)
    site.server.expect_request("/feed.xml").respond_with_data(
        rss((site.url("/a.html"), STAMP)), content_type="application/rss+xml", headers={"ETag": '"f1"'}
    )
    watcher = _watcher(site, settings, fetcher, processor, "/feed.xml")
    assert _counts(watcher.poll()) == (1, 0, 0, 0)
    again = watcher.poll()
    assert (_counts(again), again.not_modified) == ((0, 0, 0, 0), 1)
    assert [response.status_code for request, response in site.server.log if request.path == "/feed.xml"] == [200, 304]


def test_an_updated_article_becomes_a_new_version(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    site.server.expect_oneshot_request("/a.html").respond_with_data(_page(ACCUSATION), content_type="text/html")
    site.server.expect_request("/a.html").respond_with_data(_page(ACCUSATION, DENIAL), content_type="text/html")
    site.server.expect_oneshot_request("/feed.xml").respond_with_data(rss((site.url("/a.html"), STAMP)), content_type="application/rss+xml")
    site.feed("/feed.xml", rss((site.url("/a.html"), "Tue, 04 Jun 2024 18:30:00 GMT")))
    watcher = _watcher(site, settings, fetcher, processor, "/feed.xml")
    assert _counts(watcher.poll()) == (1, 0, 0, 0)
    assert _counts(watcher.poll()) == (1, 1, 0, 0)
    with duckdb.connect(str(settings.db), read_only=True) as con:
        rows = con.execute("SELECT source, version_of IS NOT NULL FROM documents ORDER BY ingested_at").fetchall()
    assert rows == [(site.url("/a.html"), False), (site.url("/a.html"), True)]


def test_a_malformed_feed_fails_alone(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    site.page("/a.html", "Article a on the drones")
    site.feed("/broken.xml", "<rss version='2.0'><channel><item><title>cut off")
    site.feed("/good.xml", rss((site.url("/a.html"), STAMP)))
    summary = _watcher(site, settings, fetcher, processor, "/broken.xml", "/good.xml").poll()
    assert _counts(summary) == (1, 0, 0, 1) and not summary.ok
    assert summary.failed[0].problem.startswith(site.url("/broken.xml") + ": not an RSS or Atom feed")


def test_a_sitemap_index_is_followed_to_its_sitemaps(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    site.page("/a.html", "Article a on the drones")
    site.page("/b.html", "Article b on the drones")
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/s1.xml')}</loc></sitemap><sitemap><loc>{site.url('/s2.xml')}</loc></sitemap></sitemapindex>"
    )
    site.feed("/index.xml", index, "application/xml")
    site.feed("/s1.xml", sitemap((site.url("/a.html"), "2024-06-04")), "application/xml")
    site.feed("/s2.xml", sitemap((site.url("/b.html"), "2024-06-04")), "text/xml")
    assert _counts(_watcher(site, settings, fetcher, processor, "/index.xml").poll()) == (2, 0, 0, 0)


def test_a_failing_article_is_tried_again_a_few_times_then_left(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    site.feed("/feed.xml", rss((site.url("/gone.html"), STAMP)))
    site.server.expect_request("/gone.html").respond_with_data("gone", status=410)
    watcher = _watcher(site, settings, fetcher, processor, "/feed.xml")
    polls = [_counts(watcher.poll()) for _ in range(MAX_ATTEMPTS + 1)]
    assert polls == [(0, 0, 0, 1)] * MAX_ATTEMPTS + [(0, 0, 1, 0)]
    assert site.requested("/gone.html") == MAX_ATTEMPTS


def test_robots_txt_keeps_an_article_out(site: Site, settings: Settings, fetcher: Fetcher, processor: Processor) -> None:
    site.robots = "User-agent: *\nDisallow: /members/\n"
    site.page("/a.html", "Article a on the drones")
    site.page("/members/b.html", "Members only")
    site.feed("/feed.xml", rss((site.url("/a.html"), STAMP), (site.url("/members/b.html"), STAMP)))
    summary = _watcher(site, settings, fetcher, processor, "/feed.xml").poll()
    assert _counts(summary) == (1, 0, 0, 1)
    assert "robots.txt" in summary.failed[0].problem and site.requested("/members/b.html") == 0


def test_run_polls_every_n_seconds_from_start_to_start_until_interrupted(
    site: Site, settings: Settings, fetcher: Fetcher, processor: Processor
) -> None:
    site.feed("/feed.xml", rss())
    watcher = _watcher(site, settings, fetcher, processor, "/feed.xml")
    waits: list[float] = []
    now = [0.0]

    def clock() -> float:
        now[0] += 10.0  # each poll appears to take 10 s
        return now[0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 3:
            raise KeyboardInterrupt

    polls: list[PollSummary] = []
    ok = watcher.run(once=False, every=60.0, on_poll=polls.append, sleep=sleep, clock=clock)
    assert ok is True, [poll.failed for poll in polls]
    assert [poll.number for poll in polls] == [1, 2, 3]
    assert waits == [50.0, 50.0, 50.0]


def _page(*paragraphs: str) -> str:
    return article_html("Drones over Pyongyang", *paragraphs)
