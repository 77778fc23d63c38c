"""The public names of the packages that read the web: fetch, feeds, live and alerts."""

from __future__ import annotations

import importlib

import pytest

PUBLIC = {
    "newsgraph.fetch": ["AddressPolicy", "AddressRefused", "ALLOWED_TYPES", "FEED_TYPES", "PAGE_TYPES", "FetchError",
                        "Fetched", "Fetcher", "MAX_REDIRECTS", "ROBOTS_AGENT", "Validators", "canonical_url",
                        "check_url", "is_url", "user_agent"],
    "newsgraph.feeds": ["FeedItem", "Listing", "parse_listing"],
    "newsgraph.live": ["FetchState", "MAX_ATTEMPTS", "MAX_CHILD_SITEMAPS", "PageProgress", "PageReader",
                       "PollProgress", "PollSummary", "Watcher", "fetcher_for", "ingest_urls"],
    "newsgraph.alerts": ["Alert", "AlertError", "AlertMatch", "Delivery", "add_alert", "check_alerts",
                         "list_alerts", "recent_matches", "remove_alert"],
}
MODULES = ["newsgraph.fetch.urls", "newsgraph.fetch.addresses", "newsgraph.fetch.body", "newsgraph.fetch.client",
           "newsgraph.fetch._transport", "newsgraph.feeds.parse", "newsgraph.live.state", "newsgraph.live.pages",
           "newsgraph.live.watch", "newsgraph.alerts.rules", "newsgraph.alerts.matching", "newsgraph.alerts.delivery"]


@pytest.mark.parametrize("package", PUBLIC)
def test_public_api_is_pinned(package: str) -> None:
    assert importlib.import_module(package).__all__ == PUBLIC[package]


@pytest.mark.parametrize("name", MODULES)
def test_every_module_exports_what_it_names(name: str) -> None:
    module = importlib.import_module(name)
    assert all(hasattr(module, exported) for exported in module.__all__)
