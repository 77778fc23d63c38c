"""The fetcher against a real HTTP server on loopback: politeness, safety, limits."""

from __future__ import annotations

import gzip
import json
import time
import zlib
from collections.abc import Iterator

import pytest
from werkzeug import Request, Response

from livesite import Connections, Site
from newsgraph.errors import FetchError
from newsgraph.fetch import PAGE_TYPES, Fetcher, Validators

MB = 1024 * 1024


class FakeClock:
    """A clock that only moves when the fetcher sleeps: waits are recorded, not waited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fetcher(clock: FakeClock) -> Iterator[Fetcher]:
    with Fetcher(allow_private=True, delay=0.0, timeout=5.0, sleep=clock.sleep, clock=clock) as opened:
        yield opened


def test_a_page_is_fetched_with_a_user_agent_naming_newsgraph_and_the_contact(site: Site) -> None:
    site.page("/a.html", "A page")
    with Fetcher(allow_private=True, delay=0.0, contact="mailto:desk@example.org") as fetcher:
        fetched = fetcher.get(site.url("/a.html"), limit=MB)
    assert fetched.status == 200 and b"A page" in fetched.body
    assert (fetched.media_type, fetched.charset) == ("text/html", "utf-8")
    agents = {request.headers["User-Agent"] for request, _ in site.server.log}
    assert agents == {"newsgraph/0.1.0 (+mailto:desk@example.org)"}


def test_robots_txt_disallowing_a_path_stops_the_fetch_before_the_page(site: Site, fetcher: Fetcher) -> None:
    site.robots = "User-agent: newsgraph\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n"
    site.page("/private/a.html", "Secret")
    site.page("/public/b.html", "Open")
    with pytest.raises(FetchError, match="robots.txt of .* disallows /private/a.html") as refused:
        fetcher.get(site.url("/private/a.html"), limit=MB)
    assert refused.value.path == site.url("/private/a.html")
    assert site.requested("/private/a.html") == 0
    assert fetcher.get(site.url("/public/b.html"), limit=MB).status == 200
    assert site.requested("/robots.txt") == 1  # read once per site


def test_a_robots_txt_that_errors_means_nothing_is_fetched(site: Site, fetcher: Fetcher) -> None:
    site.server.expect_oneshot_request("/robots.txt").respond_with_data("down", status=500)
    site.page("/a.html", "A page")
    with pytest.raises(FetchError, match=r"robots.txt .* unreadable \(HTTP 500\)"):
        fetcher.get(site.url("/a.html"), limit=MB)
    assert site.requested("/a.html") == 0


def test_robots_crawl_delay_and_the_per_host_delay_space_requests(site: Site, clock: FakeClock) -> None:
    site.robots = "User-agent: *\nCrawl-delay: 3\n"
    for name in "abc":
        site.page(f"/{name}.html", name)
    with Fetcher(allow_private=True, delay=1.0, sleep=clock.sleep, clock=clock) as fetcher:
        for name in "abc":
            fetcher.get(site.url(f"/{name}.html"), limit=MB)
    # robots.txt first, then each page the 3 s robots.txt asks for (more than the 1 s delay).
    assert clock.sleeps == [3.0, 3.0, 3.0]


def test_a_conditional_get_gives_not_modified(site: Site, fetcher: Fetcher) -> None:
    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response("<html><body><p>Version one of the page.</p></body></html>", content_type="text/html",
                         headers={"ETag": '"v1"', "Last-Modified": "Tue, 04 Jun 2024 10:00:00 GMT"})

    site.server.expect_request("/a.html").respond_with_handler(answer)
    first = fetcher.get(site.url("/a.html"), limit=MB)
    assert first.validators == Validators('"v1"', "Tue, 04 Jun 2024 10:00:00 GMT")
    again = fetcher.get(site.url("/a.html"), limit=MB, validators=first.validators)
    assert again.not_modified and again.body == b""
    sent = [request.headers.get("If-Modified-Since") for request, _ in site.server.log if request.path == "/a.html"]
    assert sent == [None, "Tue, 04 Jun 2024 10:00:00 GMT"]


def test_redirects_are_followed_and_each_checked(site: Site, fetcher: Fetcher) -> None:
    site.server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new?utm_source=x"})
    site.page("/new", "Moved here")
    fetched = fetcher.get(site.url("/old"), limit=MB)
    assert fetched.final_url == site.url("/new?utm_source=x") and b"Moved here" in fetched.body


@pytest.mark.parametrize(
    ("location", "problem"),
    [
        ("http://169.254.169.254/latest/meta-data/", "redirect to http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a link-local"),
        ("http://[fd00:ec2::254]/latest/", "cloud metadata"),
        ("http://0.0.0.0:80/", "unspecified"),
        ("file:///etc/passwd", "'file:' URLs are not fetched"),
        ("gopher://127.0.0.1:25/", "'gopher:' URLs are not fetched"),
    ],
)
def test_a_redirect_to_a_forbidden_address_is_refused_without_connecting(
    site: Site, fetcher: Fetcher, loopback_only: Connections, location: str, problem: str
) -> None:
    site.server.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})
    with pytest.raises(FetchError, match=problem) as refused:
        fetcher.get(site.url("/go"), limit=MB)
    assert refused.value.path == site.url("/go")
    assert set(loopback_only.hosts) == {"127.0.0.1"}


def test_a_redirect_loop_ends(site: Site, fetcher: Fetcher) -> None:
    site.server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url("/loop"), limit=MB)
    assert site.requested("/loop") == 6


def test_private_addresses_are_refused_without_allow_private(site: Site, loopback_only: Connections) -> None:
    site.page("/a.html", "A page")
    with Fetcher() as fetcher, pytest.raises(FetchError, match="loopback.*give --allow-private"):
        fetcher.get(site.url("/a.html"), limit=MB)
    assert loopback_only.hosts == [] and site.server.log == []


def test_a_slow_server_times_out(site: Site) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("<p>late</p>", content_type="text/html")

    site.server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with Fetcher(allow_private=True, delay=0.0, timeout=0.5) as fetcher, pytest.raises(FetchError, match="timed out waiting for the server"):
        fetcher.get(site.url("/slow"), limit=MB)
    assert time.monotonic() - started < 1.4


def _stream_of(size: int, chunk: int = MB) -> Iterator[bytes]:
    block = b"<p>" + b"x" * (chunk - 7) + b"</p>\n"
    for _ in range(size // chunk):
        yield block


def test_a_50_mb_body_is_cut_off_while_streaming(site: Site, fetcher: Fetcher) -> None:
    sent = []

    def huge(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for block in _stream_of(50 * MB):
                sent.append(len(block))
                yield block

        return Response(body(), content_type="text/html")  # no Content-Length: only counting tells

    site.server.expect_request("/huge").respond_with_handler(huge)
    with pytest.raises(FetchError, match=r"body too large: more than 10.0 MB sent"):
        fetcher.get(site.url("/huge"), limit=10 * MB)
    assert sum(sent) < 20 * MB


def test_a_body_announced_over_the_limit_is_refused_unread(site: Site, fetcher: Fetcher) -> None:
    site.server.expect_request("/big").respond_with_data(b"<p>" + b"x" * (2 * MB) + b"</p>", content_type="text/html")
    with pytest.raises(FetchError, match="the server announces 2.0 MB, over the 1.0 MB limit"):
        fetcher.get(site.url("/big"), limit=MB)


def test_a_gzip_bomb_is_stopped_at_the_limit(site: Site, fetcher: Fetcher) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(MB)
    bomb = b"".join(packer.compress(zeros) for _ in range(200)) + packer.flush()
    assert len(bomb) < MB // 2  # 200 MB once inflated
    site.server.expect_request("/bomb").respond_with_data(bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match=r"more than 10.0 MB once decompressed"):
        fetcher.get(site.url("/bomb"), limit=10 * MB)


def test_a_gzipped_page_is_read_whole(site: Site, fetcher: Fetcher) -> None:
    page = b"<html><body>" + b"<p>Paragraph of the article.</p>" * 2000 + b"</body></html>"
    site.server.expect_request("/zipped").respond_with_data(gzip.compress(page), content_type="text/html", headers={"Content-Encoding": "gzip"})
    assert fetcher.get(site.url("/zipped"), limit=MB).body == page


def test_429_is_retried_after_the_wait_retry_after_asks(site: Site, fetcher: Fetcher, clock: FakeClock) -> None:
    site.server.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "7"})
    site.server.expect_oneshot_request("/busy").respond_with_data("later", status=503)
    site.server.expect_request("/busy").respond_with_data("<p>at last</p>", content_type="text/html")
    assert fetcher.get(site.url("/busy"), limit=MB).body == b"<p>at last</p>"
    assert clock.sleeps == [7.0, 2.0]  # Retry-After, then the backoff of the second attempt


def test_a_retry_after_too_long_is_a_failure_not_a_wait(site: Site, fetcher: Fetcher, clock: FakeClock) -> None:
    site.server.expect_request("/closed").respond_with_data("", status=503, headers={"Retry-After": "86400"})
    with pytest.raises(FetchError, match="HTTP 503: the server asks to wait 86400 s"):
        fetcher.get(site.url("/closed"), limit=MB)
    assert clock.sleeps == []


def test_429_past_the_retries_is_a_failure(site: Site, clock: FakeClock) -> None:
    site.server.expect_request("/busy").respond_with_data("", status=429, headers={"Retry-After": "1"})
    with Fetcher(allow_private=True, delay=0.0, retries=2, sleep=clock.sleep, clock=clock) as fetcher:
        with pytest.raises(FetchError, match="HTTP 429 TOO MANY REQUESTS"):
            fetcher.get(site.url("/busy"), limit=MB)
    assert site.requested("/busy") == 3


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json", "text/plain", ""])
def test_only_pages_and_feeds_are_read(site: Site, fetcher: Fetcher, content_type: str) -> None:
    site.server.expect_request("/file").respond_with_data(b"%PDF-1.4 ...", headers={"Content-Type": content_type} if content_type else {})
    with pytest.raises(FetchError, match="refused: content type"):
        fetcher.get(site.url("/file"), limit=MB)


def test_a_feed_type_is_refused_where_a_page_is_wanted(site: Site, fetcher: Fetcher) -> None:
    site.feed("/feed.xml", "<rss version='2.0'><channel></channel></rss>")
    assert fetcher.get(site.url("/feed.xml"), limit=MB).media_type == "application/rss+xml"
    with pytest.raises(FetchError, match="not an HTML page"):
        fetcher.get(site.url("/feed.xml"), limit=MB, accept=PAGE_TYPES)


def test_http_errors_name_the_status(site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(site.url("/missing"), limit=MB)  # pytest-httpserver answers 500 to what it does not expect


def test_a_webhook_gets_the_json_and_follows_the_same_rules(site: Site, fetcher: Fetcher) -> None:
    site.server.expect_request("/hook", method="POST").respond_with_data("ok")
    fetcher.post_json(site.url("/hook"), {"alert": "kim", "text": "Pyongyang"})
    posted = [request for request, _ in site.server.log if request.path == "/hook"]
    assert json.loads(posted[0].get_data()) == {"alert": "kim", "text": "Pyongyang"}
    with pytest.raises(FetchError, match="link-local"):
        fetcher.post_json("http://169.254.169.254/hook", {})
