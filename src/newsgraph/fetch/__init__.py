"""Fetching from the web, politely and safely: URLs checked and made canonical, addresses
refused before connecting, robots.txt obeyed, bodies capped. See :mod:`newsgraph.fetch.client`."""

from __future__ import annotations

from newsgraph.errors import FetchError
from newsgraph.fetch.addresses import AddressPolicy, AddressRefused
from newsgraph.fetch.body import ALLOWED_TYPES, FEED_TYPES, PAGE_TYPES
from newsgraph.fetch.client import MAX_REDIRECTS, ROBOTS_AGENT, Fetched, Fetcher, Validators, user_agent
from newsgraph.fetch.urls import canonical_url, check_url, is_url

__all__ = [
    "AddressPolicy",
    "AddressRefused",
    "ALLOWED_TYPES",
    "FEED_TYPES",
    "PAGE_TYPES",
    "FetchError",
    "Fetched",
    "Fetcher",
    "MAX_REDIRECTS",
    "ROBOTS_AGENT",
    "Validators",
    "canonical_url",
    "check_url",
    "is_url",
    "user_agent",
]
