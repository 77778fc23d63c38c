"""``watch``: poll feeds and sitemaps, ingest and link the articles not seen before, report alerts.

Each poll reads every source (a conditional GET: an unchanged feed costs one small answer), takes
the articles it lists by canonical URL (so one article in two feeds is fetched once), fetches
those never seen or whose source marks them updated, ingests and links them like any other
article, then checks the alerts. The database is open only during a poll, so other commands can
read it in between. The fetcher and the pipeline stay loaded from one poll to the next.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from newsgraph.alerts import AlertMatch, Delivery, check_alerts
from newsgraph.errors import FetchError
from newsgraph.feeds import Listing, parse_listing
from newsgraph.fetch import ALLOWED_TYPES, Fetcher, Validators, canonical_url
from newsgraph.ingestion import ingest_articles
from newsgraph.linking import LinkSummary
from newsgraph.live.state import FetchState, ItemOutcome
from newsgraph.live.pages import PageReader
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.workers import Failure, Processor

__all__ = ["PollSummary", "PollProgress", "Watcher", "MAX_CHILD_SITEMAPS"]

MAX_CHILD_SITEMAPS = 50
"""Child sitemaps read from one sitemap index per poll (an index of indexes is not followed)."""


@dataclass
class PollSummary:
    """What one poll did. ``new`` counts new documents, ``versions`` of them the new versions of
    an article stored before; ``unchanged`` counts listed articles already stored."""

    number: int
    started: datetime
    sources: int
    not_modified: int = 0
    """Sources (feeds, sitemaps) that answered a conditional GET with "not modified"."""
    listed: int = 0
    new: int = 0
    versions: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    matches: list[AlertMatch] = field(default_factory=list)
    linked: LinkSummary | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


class PollProgress(Protocol):
    """What a poll reports as it goes; the command line draws it."""

    def start(self, total_files: int) -> None: ...

    def page_done(self) -> None: ...

    def failed(self, failure: Failure) -> None: ...

    def linked(self, done: int, total: int) -> None: ...

    def file_done(self, summary: object) -> None: ...


class Watcher:
    """Polls ``sources`` into ``settings.db`` with ``fetcher`` and ``processor`` (kept open by
    the caller for as long as the watch runs)."""

    def __init__(
        self,
        sources: Sequence[str],
        settings: Settings,
        *,
        fetcher: Fetcher,
        processor: Processor,
        delivery: Delivery | None = None,
    ) -> None:
        if not sources:
            raise FetchError("watch", "no sources to watch", "give feed or sitemap URLs, or a [watch] table in newsgraph.toml")
        self.sources = list(dict.fromkeys(sources))
        self.settings = settings
        self.fetcher = fetcher
        self.processor = processor
        self.delivery = delivery or Delivery()
        self.polls = 0

    def poll(self, progress: PollProgress | None = None) -> PollSummary:
        """Poll every source once; failures are in the summary, never raised."""
        started = time.perf_counter()
        self.polls += 1
        summary = PollSummary(self.polls, datetime.now().astimezone(), len(self.sources))
        with Store(self.settings.db) as store:
            state = FetchState(store)
            listed, read_sources = self._listed(state, summary, progress)
            seen = state.seen_items(list(listed))
            due = [url for url, marker in listed.items() if url not in seen or seen[url].due(marker)]
            summary.listed = len(listed)
            summary.unchanged = len(listed) - len(due)
            if progress:
                progress.start(len(due))
            reader = PageReader(self.fetcher, state, self.settings)
            ingested = ingest_articles(
                reader.read(due, progress.page_done if progress else None),
                store,
                self.processor,
                batch_size=self.settings.batch_size,
                progress=progress,
                link_documents=self.settings.link,
                event_threshold=self.settings.event_threshold,
            )
            summary.new = ingested.new
            summary.versions = ingested.versions
            summary.unchanged += ingested.unchanged + reader.not_modified
            summary.failed += ingested.failed
            summary.linked = ingested.linked
            failed = reader.failed | {reader.asked_for.get(failure.source, failure.source) for failure in ingested.failed}
            state.record_items(ItemOutcome(url, listed[url], url in failed) for url in due)
            # Only now that its articles are recorded: an interrupted poll reads the feed again.
            for url, validators in read_sources:
                state.remember(url, validators, None)
            summary.matches = check_alerts(store)
        for failure in self.delivery.deliver(summary.matches):
            summary.failed.append(failure)
            if progress:
                progress.failed(failure)
        summary.seconds = time.perf_counter() - started
        return summary

    def run(
        self,
        *,
        once: bool,
        every: float,
        on_poll: Callable[[PollSummary], None],
        progress: Callable[[], PollProgress | None] = lambda: None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> bool:
        """Poll once, or every ``every`` seconds (start to start) until interrupted; returns
        whether every poll went without a failure."""
        ok = True
        while True:
            began = clock()
            summary = self.poll(progress())
            ok = ok and summary.ok
            on_poll(summary)
            if once:
                return ok
            try:
                sleep(max(0.0, began + every - clock()))
            except KeyboardInterrupt:
                return ok

    def _listed(
        self, state: FetchState, summary: PollSummary, progress: PollProgress | None
    ) -> tuple[dict[str, str | None], list[tuple[str, Validators]]]:
        """The articles the sources list (canonical URL: marker, first source first) and the
        validators of each source read, to remember once the poll is done."""
        listed: dict[str, str | None] = {}
        read: list[tuple[str, Validators]] = []
        pending = [(source, True) for source in self.sources]
        while pending:
            source, top = pending.pop(0)
            try:
                listing = self._read_source(source, state, read)
            except FetchError as error:
                failure = Failure(source, str(error))
                summary.failed.append(failure)
                if progress:
                    progress.failed(failure)
                continue
            if listing is None:
                summary.not_modified += 1
                continue
            if top:
                pending += [(child, False) for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]]
            for item in listing.items:
                listed.setdefault(item.url, item.marker)
        return listed, read

    def _read_source(self, url: str, state: FetchState, read: list[tuple[str, Validators]]) -> Listing | None:
        """The source's listing, or None when it has not changed since it was last read."""
        asked = canonical_url(url)
        remembered = state.validators(asked)
        fetched = self.fetcher.get(
            asked,
            limit=self.settings.max_feed_bytes,
            limit_hint="raise max_feed_mb",
            validators=remembered[0] if remembered else None,
            accept=ALLOWED_TYPES,
        )
        if fetched.not_modified:
            return None
        listing = parse_listing(fetched.body, fetched.final_url, fetched.media_type)
        read.append((asked, fetched.validators))
        return listing
