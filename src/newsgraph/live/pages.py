"""Web pages in, articles out: ``newsgraph ingest URL`` and the articles a watched feed lists.

A page is fetched at its canonical URL (tracking parameters dropped), through the same HTML
extraction as a local ``.html`` file, and stored with its source and ``url`` set to the canonical
address it was finally read from; a page that changed since is a new version of the same source.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Protocol

from newsgraph.errors import FetchError, InputError
from newsgraph.fetch import PAGE_TYPES, Fetcher, canonical_url
from newsgraph.ingestion import IngestProgress, IngestSummary, ingest_articles
from newsgraph.live.state import FetchState
from newsgraph.pipeline import Pipeline
from newsgraph.readers.html import html_article
from newsgraph.records import RawArticle
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.workers import Failure, Processor

__all__ = ["PageReader", "PageProgress", "fetcher_for", "ingest_urls"]


class PageProgress(IngestProgress, Protocol):
    """What :func:`ingest_urls` reports as it goes: ingest's reports, and each page fetched."""

    def page_done(self) -> None: ...


def fetcher_for(settings: Settings) -> Fetcher:
    """A :class:`Fetcher` with the settings' politeness and address rules."""
    return Fetcher(
        contact=settings.contact,
        delay=settings.fetch_delay,
        timeout=settings.fetch_timeout,
        retries=settings.fetch_retries,
        allow_private=settings.allow_private,
    )


class PageReader:
    """Fetches pages and reads each one's article; remembers which failed and how many were not
    modified since the last time they were stored."""

    def __init__(self, fetcher: Fetcher, state: FetchState, settings: Settings) -> None:
        self.fetcher = fetcher
        self.state = state
        self.limit = settings.max_article_bytes
        self.not_modified = 0
        self.failed: set[str] = set()
        self.asked_for: dict[str, str] = {}
        """The canonical URL each article's source (where redirects ended) was asked for as."""

    def read(self, urls: Iterable[str], on_page: Callable[[], None] | None = None) -> Iterator[RawArticle | InputError]:
        """The article of each page, or why it has none; a page not modified is skipped."""
        for url in urls:
            try:
                article = self.read_page(url)
            except InputError as error:
                self.failed.add(url)
                yield error
                continue
            finally:
                if on_page is not None:
                    on_page()
            if article is None:
                self.not_modified += 1
            else:
                yield article

    def read_page(self, url: str) -> RawArticle | None:
        """The article of the page at ``url``, or None when the server says it has not changed
        since the version already stored. Raises :class:`InputError` (a :class:`FetchError`
        when fetching failed)."""
        asked = canonical_url(url)
        remembered = self.state.validators(asked)
        validators = None
        # A conditional GET only when what the validators stand for was stored: an article that
        # failed in the pipeline last time is fetched whole again.
        if remembered is not None and remembered[1] is not None and self.state.is_stored(remembered[1]):
            validators = remembered[0]
        fetched = self.fetcher.get(
            asked,
            limit=self.limit,
            limit_hint="raise max_article_mb if it is a real article",
            validators=validators,
            accept=PAGE_TYPES,
        )
        if fetched.not_modified:
            return None
        source = canonical_url(fetched.final_url)
        try:
            article = html_article(fetched.body, source, charset=fetched.charset, url=source)
        except InputError as error:
            raise FetchError(url, error.problem, error.hint) from None
        self.asked_for[source] = url
        self.state.remember(asked, fetched.validators, article.raw_sha)
        return article


def ingest_urls(
    urls: Sequence[str],
    settings: Settings,
    *,
    fetcher: Fetcher | None = None,
    pipeline: Pipeline | None = None,
    today: date | None = None,
    progress: PageProgress | None = None,
) -> IngestSummary:
    """Fetch the pages at ``urls`` and ingest their articles into ``settings.db``.

    Every URL is checked first (scheme, credentials, the addresses its host resolves to); when
    none may be fetched, nothing is opened, loaded or connected to."""
    started = time.perf_counter()
    owned = fetcher is None
    fetcher = fetcher or fetcher_for(settings)
    try:
        refused: list[Failure] = []
        allowed: list[str] = []
        for url in urls:
            try:
                fetcher.check(url)
            except FetchError as error:
                refused.append(Failure(url, str(error)))
                if progress:
                    progress.failed(refused[-1])
            else:
                allowed.append(url)
        if progress:
            progress.start(len(allowed))
        if not allowed:
            return IngestSummary(files=len(urls), failed=refused, seconds=time.perf_counter() - started)
        processor = Processor(
            settings.workers, today or date.today(), pipeline, max_article_seconds=settings.max_article_seconds
        )
        with Store(settings.db) as store, processor:
            reader = PageReader(fetcher, FetchState(store), settings)
            summary = ingest_articles(
                reader.read(allowed, progress.page_done if progress else None),
                store,
                processor,
                batch_size=settings.batch_size,
                progress=progress,
                link_documents=settings.link,
                event_threshold=settings.event_threshold,
            )
    finally:
        if owned:
            fetcher.close()
    summary.files = len(urls)
    summary.unchanged += reader.not_modified
    summary.failed[:0] = refused
    summary.seconds = time.perf_counter() - started
    return summary
