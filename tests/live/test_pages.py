"""``ingest URL``: pages fetched from a local server through the HTML path, stored with their URLs."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from livesite import ACCUSATION, DENIAL, Connections, Site, article_html, live_settings
from newsgraph.errors import FetchError
from newsgraph.fetch import Fetcher
from newsgraph.live import FetchState, PageReader, ingest_urls
from newsgraph.pipeline import Pipeline
from newsgraph.store import Store


def _documents(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT source, url, title, version_of FROM documents ORDER BY ingested_at, title").fetchall()


def test_pages_are_stored_with_their_canonical_urls(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    site.page("/world/a.html", "Drones over Pyongyang")
    site.page("/world/b.html", "Seoul denies drone flights", DENIAL, ACCUSATION)
    settings = live_settings(tmp_path)
    urls = [site.url("/world/a.html?utm_source=twitter&fbclid=x"), site.url("/world/b.html")]
    summary = ingest_urls(urls, settings, pipeline=pipeline)
    assert (summary.new, summary.unchanged, summary.failed) == (2, 0, [])
    assert [row[:3] for row in _documents(settings.db)] == [
        (site.url("/world/a.html"), site.url("/world/a.html"), "Drones over Pyongyang"),
        (site.url("/world/b.html"), site.url("/world/b.html"), "Seoul denies drone flights"),
    ]
    again = ingest_urls(urls, settings, pipeline=pipeline)
    assert (again.new, again.unchanged, again.failed) == (0, 2, [])


def test_a_changed_page_is_a_new_version_of_the_same_source(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    settings = live_settings(tmp_path)
    site.server.expect_oneshot_request("/a.html").respond_with_data(
        article_html("Drones over Pyongyang", ACCUSATION), content_type="text/html"
    )
    site.page("/a.html", "Drones over Pyongyang", ACCUSATION, DENIAL)
    assert ingest_urls([site.url("/a.html")], settings, pipeline=pipeline).new == 1
    summary = ingest_urls([site.url("/a.html")], settings, pipeline=pipeline)
    assert (summary.new, summary.versions) == (1, 1)
    (first_source, _, _, first_version_of), (second_source, _, _, second_version_of) = _documents(settings.db)
    assert first_source == second_source == site.url("/a.html")
    with duckdb.connect(str(settings.db), read_only=True) as con:
        first_id = con.execute("SELECT id FROM documents WHERE version_of IS NULL").fetchone()
    assert first_version_of is None and first_id is not None and second_version_of == first_id[0]


def test_the_same_article_with_other_markup_around_it_is_unchanged(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    settings = live_settings(tmp_path)
    page = article_html("Drones over Pyongyang", ACCUSATION)
    site.server.expect_oneshot_request("/a.html").respond_with_data(page, content_type="text/html")
    site.server.expect_request("/a.html").respond_with_data(page.replace("<footer>", "<footer>Ad: buy now. "), content_type="text/html")
    ingest_urls([site.url("/a.html")], settings, pipeline=pipeline)
    again = ingest_urls([site.url("/a.html")], settings, pipeline=pipeline)
    assert (again.new, again.unchanged) == (0, 1)


def test_a_page_not_modified_is_not_fetched_again(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    settings = live_settings(tmp_path)
    site.server.expect_request("/a.html", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    site.page("/a.html", "Drones over Pyongyang", ETag='"v1"')
    ingest_urls([site.url("/a.html")], settings, pipeline=pipeline)
    again = ingest_urls([site.url("/a.html")], settings, pipeline=pipeline)
    assert (again.new, again.unchanged) == (0, 1)
    assert [response.status_code for request, response in site.server.log if request.path == "/a.html"] == [200, 304]


def test_validators_of_a_page_that_was_not_stored_are_not_used(site: Site, tmp_path: Path) -> None:
    settings = live_settings(tmp_path)
    site.page("/a.html", "Drones over Pyongyang", ETag='"v1"')
    with Store(settings.db) as store, Fetcher(allow_private=True, delay=0.0) as fetcher:
        reader = PageReader(fetcher, FetchState(store), settings)
        assert reader.read_page(site.url("/a.html")) is not None  # read, never stored
        assert reader.read_page(site.url("/a.html")) is not None
    sent = [request.headers.get("If-None-Match") for request, _ in site.server.log if request.path == "/a.html"]
    assert sent == [None, None]


def test_every_failure_is_one_line_naming_the_url_and_the_run_goes_on(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    site.page("/good.html", "Drones over Pyongyang")
    site.server.expect_request("/report.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    site.server.expect_request("/menu.html").respond_with_data("<html><body><nav>Home</nav></body></html>", content_type="text/html")
    site.robots = "User-agent: *\nDisallow: /private/\n"
    urls = [site.url("/report.pdf"), site.url("/good.html"), site.url("/menu.html"), site.url("/private/x.html"),
            "ftp://example.org/a.html"]
    summary = ingest_urls(urls, live_settings(tmp_path), pipeline=pipeline)
    assert summary.new == 1 and not summary.ok
    problems = sorted(failure.problem for failure in summary.failed)
    assert [problem.split(": ", 1)[0] for problem in problems] == sorted(urls[:1] + urls[2:])
    assert all("\n" not in problem for problem in problems)
    assert any("content type 'application/pdf' is not an HTML page" in problem for problem in problems)
    assert any("no article text found" in problem for problem in problems)
    assert any("robots.txt" in problem for problem in problems)


def test_refused_urls_open_nothing_and_connect_nowhere(site: Site, tmp_path: Path, loopback_only: Connections) -> None:
    settings = live_settings(tmp_path, allow_private=False)
    urls = ["http://169.254.169.254/latest/meta-data/", site.url("/a.html"), "file:///etc/passwd"]
    summary = ingest_urls(urls, settings)
    assert [failure.source for failure in summary.failed] == urls
    assert loopback_only.hosts == [] and site.server.log == []
    assert not settings.db.exists()


@pytest.mark.parametrize("charset", ["utf-8", "windows-1252"])
def test_the_charset_the_server_declares_decodes_the_page(site: Site, tmp_path: Path, charset: str) -> None:
    text = "Café owners in Zürich said the “new rules” were unfair to small businesses in the old town."
    site.server.expect_request("/a.html").respond_with_data(
        article_html("Zürich cafés", text).encode(charset), content_type=f"text/html; charset={charset}"
    )
    settings = live_settings(tmp_path)
    with Store(settings.db) as store, Fetcher(allow_private=True, delay=0.0) as fetcher:
        article = PageReader(fetcher, FetchState(store), settings).read_page(site.url("/a.html"))
    assert article is not None and text in article.raw_text
    assert article.given["url"] == site.url("/a.html")


def test_a_body_over_max_article_mb_is_refused(site: Site, tmp_path: Path) -> None:
    site.page("/a.html", "Drones over Pyongyang", "word " * 300_000)
    settings = live_settings(tmp_path, max_article_mb=1.0)
    with Store(settings.db) as store, Fetcher(allow_private=True, delay=0.0) as fetcher:
        with pytest.raises(FetchError, match="body too large.*raise max_article_mb"):
            PageReader(fetcher, FetchState(store), settings).read_page(site.url("/a.html"))
