"""What a watched source lists: the articles of an RSS 2.0 or Atom feed (read by feedparser) or of
a sitemap, and the child sitemaps of a sitemap index (read with lxml, entities and the network
off). Each item has its canonical URL and a ``marker`` (its updated, published or lastmod stamp)
that changes when the article is updated."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import feedparser
from lxml import etree

from newsgraph.errors import FetchError
from newsgraph.fetch.urls import canonical_url

__all__ = ["FeedItem", "Listing", "parse_listing"]


@dataclass(frozen=True)
class FeedItem:
    """One article a source lists."""

    url: str
    marker: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Listing:
    """What one source lists. ``kind`` is feedparser's version (``rss20``, ``atom10``...),
    ``sitemap`` or ``sitemapindex``; ``sitemaps`` are the children of a sitemap index."""

    kind: str
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


# The first element's name, past the XML declaration, comments, doctype and a byte-order mark.
_ROOT = re.compile(rb"<(?![?!])(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_SITEMAP_ROOTS = frozenset({b"urlset", b"sitemapindex"})


def parse_listing(data: bytes, url: str, media_type: str = "application/xml") -> Listing:
    """The items listed in ``data``, fetched from ``url`` (relative links resolve against it) and
    served as ``media_type``. Raises :class:`FetchError` naming ``url`` when it is neither a feed
    nor a sitemap."""
    root = _ROOT.search(data[:4096])
    if root is not None and root.group(1) in _SITEMAP_ROOTS:
        return _sitemap(data, url)
    return _feed(data, url, media_type)


def _feed(data: bytes, url: str, media_type: str) -> Listing:
    # Always bytes: given a string that looks like an address, feedparser would fetch it itself.
    parsed = feedparser.parse(
        data,
        response_headers={"content-location": url, "content-type": media_type},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    items: list[FeedItem] = []
    for entry in parsed.get("entries") or []:
        link = _entry_link(entry)
        if link:
            # dict.get: feedparser's own get() maps a missing "updated" to "published", with a warning.
            marker = dict.get(entry, "updated") or dict.get(entry, "published")
            items.append(FeedItem(canonical_url(urljoin(url, link)), marker or None, entry.get("title") or None))
    # A feed with small faults still lists its articles (feedparser reads it leniently); one
    # that lists none and is broken, or is not a feed at all, is a failure.
    if not items and (parsed.get("bozo") or not parsed.get("version")):
        reason = parsed.get("bozo_exception")
        detail = f": {_one_line(str(reason))}" if reason else ""
        raise FetchError(url, f"not an RSS or Atom feed, nor a sitemap{detail}", "check the feed's address")
    return Listing(parsed.get("version") or "feed", items)


def _entry_link(entry: feedparser.FeedParserDict) -> str | None:
    link = entry.get("link")
    if not link:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if not link and entry.get("guidislink") and entry.get("id"):
        link = entry["id"]
    return str(link).strip() if link else None


def _sitemap(data: bytes, url: str) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as error:
        raise FetchError(url, f"malformed sitemap: {_one_line(str(error))}", "check the sitemap's address") from None
    kind = etree.QName(root).localname
    items: list[FeedItem] = []
    sitemaps: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        values = {etree.QName(child).localname: (child.text or "").strip() for child in entry.iter() if isinstance(child.tag, str)}
        location = values.get("loc")
        if not location:
            continue
        if kind == "sitemapindex":
            sitemaps.append(urljoin(url, location))
        else:
            marker = values.get("lastmod") or values.get("publication_date") or None
            items.append(FeedItem(canonical_url(urljoin(url, location)), marker, values.get("title") or None))
    return Listing(kind, items, sitemaps)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]
