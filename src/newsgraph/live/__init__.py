"""Live news: pages ingested by URL and feeds watched, through the polite, safe fetcher."""

from __future__ import annotations

from newsgraph.live.pages import PageProgress, PageReader, fetcher_for, ingest_urls
from newsgraph.live.state import MAX_ATTEMPTS, FetchState
from newsgraph.live.watch import MAX_CHILD_SITEMAPS, PollProgress, PollSummary, Watcher

__all__ = [
    "FetchState",
    "MAX_ATTEMPTS",
    "MAX_CHILD_SITEMAPS",
    "PageProgress",
    "PageReader",
    "PollProgress",
    "PollSummary",
    "Watcher",
    "fetcher_for",
    "ingest_urls",
]
