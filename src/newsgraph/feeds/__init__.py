"""Watched sources: RSS 2.0 and Atom feeds, sitemaps and sitemap indexes, read into the list of
articles they point at."""

from __future__ import annotations

from newsgraph.feeds.parse import FeedItem, Listing, parse_listing

__all__ = ["FeedItem", "Listing", "parse_listing"]
