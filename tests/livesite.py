"""A small news site for the fetching tests: a real HTTP server on loopback (pytest-httpserver),
pages and feeds built here, and a tripwire that fails a test which tries to connect anywhere but
loopback (so a refused address is proven refused before any connection)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.settings import Settings
from newsgraph.workers import Processor

ACCUSATION = (
    "SEOUL, June 4 (Test Gazette) - North Korea accused South Korea on Tuesday of flying drones over "
    "Pyongyang, and warned of retaliation."
)
QUOTATION = (
    '"We will respond," a spokesperson for the North Korean foreign ministry said in a statement carried by '
    "state media."
)
DENIAL = (
    "South Korean officials denied the accusation and said the military had not sent any drones across the "
    "border this week."
)


def article_html(title: str, *paragraphs: str) -> str:
    """A news page: navigation and a footer around the article, as sites serve them."""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in (paragraphs or (ACCUSATION, QUOTATION, DENIAL)))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="og:site_name" content="Test Gazette"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>Copyright Test Gazette</footer></body></html>"
    )


def rss(*items: tuple[str, str]) -> str:
    """An RSS 2.0 feed of (link, pubDate) items."""
    entries = "".join(
        f"<item><title>Item {index}</title><link>{link}</link><pubDate>{stamp}</pubDate></item>"
        for index, (link, stamp) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title><link>http://example.org/</link>{entries}</channel></rss>'


def atom(*items: tuple[str, str]) -> str:
    """An Atom feed of (link, updated) entries."""
    entries = "".join(
        f'<entry><title>Entry {index}</title><id>urn:entry:{index}</id><link rel="alternate" href="{link}"/>'
        f"<updated>{stamp}</updated></entry>"
        for index, (link, stamp) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        f"<id>urn:wire</id><updated>2024-06-04T10:00:00Z</updated>{entries}</feed>"
    )


def sitemap(*items: tuple[str, str]) -> str:
    """A sitemap of (loc, lastmod) URLs."""
    urls = "".join(f"<url><loc>{loc}</loc><lastmod>{stamp}</lastmod></url>" for loc, stamp in items)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


@dataclass
class Connections:
    """Every address a test connected to (all loopback, or the test failed)."""

    hosts: list[str] = field(default_factory=list)


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Connections:
    """Fail the test at once if anything connects to an address that is not loopback."""
    seen = Connections()
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        host = str(address[0]) if isinstance(address, tuple) else str(address)
        seen.hosts.append(host)
        if not ipaddress.ip_address(host.split("%", 1)[0]).is_loopback:
            raise AssertionError(f"the test tried to connect to {address}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


class Site:
    """The test server, with a robots.txt of ``robots`` (None: 404, no rules)."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.robots: str | None = None
        server.expect_request("/robots.txt").respond_with_handler(self._robots)

    def _robots(self, request: Request) -> Response:
        if self.robots is None:
            return Response("not found", status=404, content_type="text/plain")
        return Response(self.robots, content_type="text/plain")

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def page(self, path: str, title: str, *paragraphs: str, **headers: str) -> None:
        self.server.expect_request(path).respond_with_data(
            article_html(title, *paragraphs), content_type="text/html; charset=utf-8", headers=headers
        )

    def feed(self, path: str, xml: str, content_type: str = "application/rss+xml") -> None:
        self.server.expect_request(path).respond_with_data(xml, content_type=content_type)

    def requested(self, path: str) -> int:
        """How many requests ``path`` got."""
        return sum(1 for request, _ in self.server.log if request.path == path)


@pytest.fixture
def site(httpserver: HTTPServer, loopback_only: Connections) -> Site:
    return Site(httpserver)


def live_settings(tmp_path: Any, **overrides: Any) -> Settings:
    """Settings for a test: a fresh database, private addresses allowed, no delay, one process."""
    values: dict[str, Any] = {
        "db": tmp_path / "live.duckdb", "allow_private": True, "fetch_delay": 0.0, "fetch_timeout": 5.0,
        "workers": 1, "progress": False,
    }
    return Settings(**(values | overrides))


TODAY = date(2024, 6, 10)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The whole pipeline, built once for the session."""
    return default_pipeline(TODAY)


@pytest.fixture
def processor(pipeline: Pipeline) -> Iterator[Processor]:
    with Processor(1, TODAY, pipeline) as opened:
        yield opened
