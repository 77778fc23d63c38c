"""The polite, safe fetcher: the one way newsgraph reads the web.

Polite: robots.txt obeyed (its Crawl-delay too, up to a minute), one request at a time per host
with ``delay`` seconds between them, a User-Agent naming newsgraph and whom to contact,
conditional GET, retries with backoff on 429 and 503 honouring Retry-After. Safe: only http(s),
every address checked (:mod:`newsgraph.fetch.addresses`) before connecting and on each redirect,
timeouts on connect and read and on the whole body, a size cap on the body as it streams and once
decompressed, and only HTML, XML and feed content types. Every refusal or failure is a
:class:`FetchError` naming the URL asked for and the reason.
"""

from __future__ import annotations

import json
import time
from contextlib import closing
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from newsgraph._version import __version__
from newsgraph.errors import FetchError
from newsgraph.fetch._transport import GuardedTransport
from newsgraph.fetch.addresses import AddressPolicy, AddressRefused
from newsgraph.fetch.body import ACCEPT_ENCODING, ALLOWED_TYPES, PAGE_TYPES, content_type, read_body
from newsgraph.fetch.urls import check_url

__all__ = ["Fetcher", "Fetched", "Validators", "user_agent", "ROBOTS_AGENT", "MAX_REDIRECTS"]

ROBOTS_AGENT = "newsgraph"
"""The name robots.txt rules are matched against."""

MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRIED = frozenset({429, 503})
_ROBOTS_LIMIT = 512 * 1024
_ROBOTS_TTL = 24 * 3600.0  # RFC 9309: a cached robots.txt is good for a day at most
_MAX_CRAWL_DELAY = 60.0


def user_agent(contact: str | None) -> str:
    """``newsgraph/VERSION`` and, when given, ``(+CONTACT)``: a URL or an email address."""
    return f"{ROBOTS_AGENT}/{__version__}" + (f" (+{contact})" if contact else "")


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version it sent: sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {}
        if self.etag:
            found["If-None-Match"] = self.etag
        if self.last_modified:
            found["If-Modified-Since"] = self.last_modified
        return found


@dataclass(frozen=True)
class Fetched:
    """A successful fetch: ``body`` (decompressed), or ``not_modified`` after a conditional GET."""

    url: str
    final_url: str
    status: int
    media_type: str = ""
    charset: str | None = None
    body: bytes = b""
    validators: Validators = field(default_factory=Validators)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class _Robots:
    rules: Protego | None
    fetched_at: float


class Fetcher:
    """Fetches URLs one at a time; use as a context manager (it holds a connection pool).

    ``sleep`` and ``clock`` are injected so tests can check the waits without waiting.
    """

    def __init__(
        self,
        *,
        contact: str | None = None,
        delay: float = 1.0,
        timeout: float = 15.0,
        retries: int = 3,
        max_wait: float = 120.0,
        allow_private: bool = False,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.user_agent = user_agent(contact)
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.max_wait = max_wait
        self.policy = AddressPolicy(allow_private=allow_private)
        self.sleep = sleep
        self.clock = clock
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self.client = httpx.Client(
            transport=GuardedTransport(self.policy),
            trust_env=False,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": self.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def check(self, url: str, *, asked: str | None = None) -> None:
        """Raise :class:`FetchError` (naming ``asked``, default ``url``) unless ``url`` may be
        fetched: http(s), no credentials, and a host whose every address the policy allows.
        Nothing is sent."""
        asked = asked or url
        try:
            check_url(url)
        except FetchError as error:
            where = "" if url == asked else f"redirect to {url} "
            raise FetchError(asked, where + error.problem, error.hint) from None
        parts = urlsplit(url)
        assert parts.hostname is not None
        try:
            self.policy.resolve(parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))
        except AddressRefused as refused:
            raise _refused(asked, url, refused) from None
        except OSError as error:
            raise FetchError(asked, f"cannot resolve {parts.hostname}: {error.strerror or error}", "check the address") from None

    def get(
        self,
        url: str,
        *,
        limit: int,
        limit_hint: str = "",
        validators: Validators | None = None,
        accept: Collection[str] = ALLOWED_TYPES,
    ) -> Fetched:
        """GET ``url`` (checked, robots.txt permitting), following up to :data:`MAX_REDIRECTS`
        redirects, each checked before it is followed. With ``validators``, a 304 answer comes back
        as ``not_modified``. Raises :class:`FetchError` naming ``url``."""
        self.check(url)
        headers = {"Accept": _accept_header(accept)}
        if validators is not None:
            headers.update(validators.headers())
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._obey_robots(current, url)
            with closing(self._send("GET", current, url, headers=headers)) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    target = urljoin(current, response.headers["location"].strip())
                    self.check(target, asked=url)
                    current = target
                    continue
                if response.status_code == 304 and validators is not None:
                    return Fetched(url, current, 304, validators=validators)
                if response.status_code != 200:
                    raise _status_error(url, current, response)
                media, charset = content_type(response)
                if not _allowed(media, accept):
                    raise _wrong_type(url, media, accept)
                body = read_body(response, url, limit=limit, seconds=4 * self.timeout, limit_hint=limit_hint, clock=self.clock)
                return Fetched(url, current, 200, media, charset, body, _validators(response))
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", "give the address the redirects end at")

    def post_json(self, url: str, payload: dict[str, Any]) -> None:
        """POST ``payload`` as JSON to ``url`` (a webhook), under the same address rules; a
        redirect is not followed. Raises :class:`FetchError` unless the answer is 2xx."""
        self.check(url)
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        with closing(self._send("POST", url, url, headers=headers, content=body)) as response:
            if not 200 <= response.status_code < 300:
                raise _status_error(url, url, response)

    # The politeness machinery

    def _send(self, method: str, url: str, asked: str, **options: Any) -> httpx.Response:
        """One request, retried on 429 and 503 (waiting as Retry-After says, else 1, 2, 4... s);
        the response is open (streaming): close it."""
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            request = self.client.build_request(method, url, **options)
            try:
                response = self.client.send(request, stream=True)
            except AddressRefused as refused:
                raise _refused(asked, url, refused) from None
            except httpx.TimeoutException as error:
                what = "connecting" if isinstance(error, httpx.ConnectTimeout) else "waiting for the server"
                raise FetchError(asked, f"timed out {what} (over {self.timeout:.0f} s)", "try again later, or raise fetch_timeout") from None
            except httpx.HTTPError as error:
                raise FetchError(asked, f"cannot fetch: {error or type(error).__name__}", "check the address, or try again later") from None
            if response.status_code not in _RETRIED or attempt == self.retries:
                return response
            wait = _retry_after(response.headers.get("retry-after"))
            if wait is None:
                wait = float(2**attempt)
            response.close()
            if wait > self.max_wait:
                raise FetchError(
                    asked,
                    f"HTTP {response.status_code}: the server asks to wait {wait:.0f} s, longer than newsgraph waits ({self.max_wait:.0f} s)",
                    "try again later",
                )
            self.sleep(wait)
        raise AssertionError("unreachable")

    def _wait_turn(self, url: str) -> None:
        """Wait until this host's last request is ``delay`` seconds (or its Crawl-delay) old."""
        host = urlsplit(url).netloc.lower()
        delay = self.delay
        robots = self._robots.get(_origin(url))
        if robots is not None and robots.rules is not None:
            stated = robots.rules.crawl_delay(ROBOTS_AGENT)
            if stated:
                delay = max(delay, min(float(stated), _MAX_CRAWL_DELAY))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _obey_robots(self, url: str, asked: str) -> None:
        origin = _origin(url)
        robots = self._robots.get(origin)
        if robots is None or self.clock() - robots.fetched_at > _ROBOTS_TTL:
            robots = _Robots(self._read_robots(origin, asked), self.clock())
            self._robots[origin] = robots
        if robots.rules is not None and not robots.rules.can_fetch(url, ROBOTS_AGENT):
            raise FetchError(asked, f"robots.txt of {origin} disallows {urlsplit(url).path or '/'}", "newsgraph does not fetch what a site asks robots not to")

    def _read_robots(self, origin: str, asked: str) -> Protego | None:
        """The rules of ``origin``'s robots.txt; None (anything allowed) when it has none (4xx).
        A server error means the rules are unknown: nothing is fetched (RFC 9309)."""
        current = origin + "/robots.txt"
        for _ in range(MAX_REDIRECTS + 1):
            try:
                response = self._send("GET", current, asked, headers={"Accept": "text/plain"})
            except FetchError as error:
                raise FetchError(asked, f"robots.txt of {origin} unreadable: {error.problem}", "try again later") from None
            with closing(response):
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = urljoin(current, response.headers["location"].strip())
                    self.check(current, asked=asked)
                    continue
                if 400 <= response.status_code < 500:
                    return None
                if response.status_code != 200:
                    raise FetchError(asked, f"robots.txt of {origin} unreadable (HTTP {response.status_code}): not fetching from the site", "try again later")
                text = read_body(response, asked, limit=_ROBOTS_LIMIT, seconds=4 * self.timeout, clock=self.clock)
                return Protego.parse(text.decode("utf-8", errors="replace"))
        return None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def _accept_header(accept: Collection[str]) -> str:
    return ", ".join(sorted(accept)) + ";q=1.0, */*;q=0.1"


def _allowed(media: str, accept: Collection[str]) -> bool:
    return media in accept or (media.endswith("+xml") and bool(set(accept) & {"application/xml", "text/xml"}))


def _wrong_type(url: str, media: str, accept: Collection[str]) -> FetchError:
    shown = f"'{media}'" if media else "none given"
    if set(accept) <= PAGE_TYPES:
        return FetchError(url, f"refused: content type {shown} is not an HTML page", "give feeds and sitemaps to `newsgraph watch`")
    return FetchError(url, f"refused: content type {shown} is not a page or a feed", "give the address of an HTML page or an RSS, Atom or sitemap feed")


def _validators(response: httpx.Response) -> Validators:
    return Validators(response.headers.get("etag"), response.headers.get("last-modified"))


def _refused(asked: str, url: str, refused: AddressRefused) -> FetchError:
    where = "" if url == asked else f"redirect to {url} "
    hint = "give --allow-private to fetch from this machine or an intranet" if refused.private else "newsgraph never fetches from such addresses"
    return FetchError(asked, f"{where}refused: {refused.reason}", hint)


def _status_error(asked: str, url: str, response: httpx.Response) -> FetchError:
    where = "" if url == asked else f" (redirected to {url})"
    hint = "try again later" if response.status_code in _RETRIED or response.status_code >= 500 else "check the address"
    return FetchError(asked, f"HTTP {response.status_code} {response.reason_phrase}{where}".rstrip(), hint)


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
