"""Feeds and sitemaps read into the articles they list."""

from __future__ import annotations

import pytest

from livesite import atom, rss, sitemap
from newsgraph.errors import FetchError
from newsgraph.feeds import FeedItem, parse_listing

FEED_URL = "https://news.example.org/feeds/world.xml"


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (rss(("https://news.example.org/a?utm_source=rss", "Tue, 04 Jun 2024 10:00:00 GMT")), "rss20"),
        (atom(("https://news.example.org/a?utm_source=rss", "Tue, 04 Jun 2024 10:00:00 GMT")), "atom10"),
        (sitemap(("https://news.example.org/a?utm_source=rss", "Tue, 04 Jun 2024 10:00:00 GMT")), "urlset"),
    ],
)
def test_each_kind_of_source_lists_its_articles_by_canonical_url(document: str, kind: str) -> None:
    listing = parse_listing(document.encode(), FEED_URL)
    assert listing.kind == kind
    assert [(item.url, item.marker) for item in listing.items] == [
        ("https://news.example.org/a", "Tue, 04 Jun 2024 10:00:00 GMT")
    ]


def test_an_empty_feed_lists_nothing() -> None:
    assert parse_listing(rss().encode(), FEED_URL, "application/rss+xml").items == []


def test_relative_links_resolve_against_the_feed() -> None:
    listing = parse_listing(rss(("/2024/06/a.html", "Tue, 04 Jun 2024 10:00:00 GMT")).encode(), FEED_URL)
    assert listing.items[0].url == "https://news.example.org/2024/06/a.html"


def test_a_sitemap_index_lists_its_child_sitemaps() -> None:
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://news.example.org/sitemap-1.xml</loc></sitemap>"
        "<sitemap><loc>/sitemap-2.xml</loc></sitemap></sitemapindex>"
    )
    listing = parse_listing(index.encode(), "https://news.example.org/sitemap.xml")
    assert (listing.kind, listing.items) == ("sitemapindex", [])
    assert listing.sitemaps == ["https://news.example.org/sitemap-1.xml", "https://news.example.org/sitemap-2.xml"]


def test_a_news_sitemap_gives_the_publication_date_and_title() -> None:
    news = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://news.example.org/b</loc>'
        "<news:news><news:publication_date>2024-06-04T10:00:00Z</news:publication_date>"
        "<news:title>Drones over Pyongyang</news:title></news:news></url></urlset>"
    )
    assert parse_listing(news.encode(), FEED_URL).items == [
        FeedItem("https://news.example.org/b", "2024-06-04T10:00:00Z", "Drones over Pyongyang")
    ]


@pytest.mark.parametrize(
    "document",
    [b"this is not xml <<<", b"<html><body><p>A page, not a feed.</p></body></html>", b"", b"<rss><channel><item><title>cut"],
)
def test_what_is_not_a_feed_is_one_failure_naming_the_url(document: bytes) -> None:
    with pytest.raises(FetchError, match="not an RSS or Atom feed, nor a sitemap") as failed:
        parse_listing(document, FEED_URL)
    assert failed.value.path == FEED_URL


def test_a_malformed_sitemap_is_a_failure() -> None:
    with pytest.raises(FetchError, match="malformed sitemap"):
        parse_listing(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>x</url>', FEED_URL)


def test_a_sitemap_never_reads_external_entities() -> None:
    hostile = (
        b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://news.example.org/&secret;</loc></url></urlset>'
    )
    for item in parse_listing(hostile, FEED_URL).items:
        assert item.url.startswith("https://news.example.org/")
        assert open("/etc/hostname").read().strip() not in item.url.removeprefix("https://news.example.org/")
