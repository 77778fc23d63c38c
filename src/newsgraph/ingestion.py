"""Ingest: read articles from files and folders, run the pipeline, store whole documents.

The articles of one batch that belong to one outlet are looked at together first: the short lines
the outlet repeats across them are site furniture, which cleaning removes
(:mod:`newsgraph.clean.site_lines`).

A rerun on the same input changes nothing: an article whose (source, raw bytes) pair is already
stored is skipped before any work, and a document whose content id is already stored is not written
again. An edited file becomes a new document linked to its previous version. Problems with one
file or record are collected and the run goes on.
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from newsgraph.clean.site_lines import with_site_lines
from newsgraph.errors import InputError
from newsgraph.linking import LinkSummary, link
from newsgraph.linking.story_dates import apply_story_dates, infer_story_dates
from newsgraph.pipeline import Pipeline
from newsgraph.readers import discover, read_file
from newsgraph.records import Document, RawArticle
from newsgraph.settings import Settings
from newsgraph.store import SourceSeen, Store
from newsgraph.store.search import rebuild_search_index, search_index_current
from newsgraph.workers import Failure, Processor

__all__ = ["IngestSummary", "Failure", "IngestProgress", "Settled", "ingest", "ingest_articles", "settle"]


@dataclass
class IngestSummary:
    """What a run did. ``unchanged`` counts articles already stored (same source and bytes, or the
    same content from another source); ``versions`` counts new documents that replace an earlier
    version of the same source."""

    files: int = 0
    new: int = 0
    unchanged: int = 0
    versions: int = 0
    raw_chars: int = 0
    seconds: float = 0.0
    failed: list[Failure] = field(default_factory=list)
    linked: LinkSummary | None = None
    dated_from_stories: int = 0

    @property
    def articles(self) -> int:
        return self.new + self.unchanged + len(self.failed)

    @property
    def ok(self) -> bool:
        return not self.failed


class IngestProgress(Protocol):
    """What ingest reports as it goes; the command line draws it as a progress bar."""

    def start(self, total_files: int) -> None: ...

    def file_done(self, summary: IngestSummary) -> None: ...

    def failed(self, failure: Failure) -> None: ...

    def linked(self, done: int, total: int) -> None: ...


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    today: date | None = None,
    progress: IngestProgress | None = None,
    limit: int | None = None,
    given: Mapping[str, Any] | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` (the first ``limit`` ones, if given) into the
    database named by ``settings.db``. ``given`` states metadata of every article of the run
    (``published``, ``outlet``, ``url``), over what the files say or the text suggests."""
    summary = IngestSummary()
    started = time.perf_counter()
    files: list[Path] = []
    for found in discover(paths):
        if isinstance(found, InputError):
            _fail(summary, progress, Failure(found.path, str(found)))
        else:
            files.append(found)
    if progress:
        progress.start(len(files))
    processor = Processor(settings.workers, today or date.today(), pipeline, max_article_seconds=settings.max_article_seconds)
    with Store(settings.db) as store, processor:
        for path in files:
            if limit is not None and summary.articles >= limit:
                break
            articles = _articles(read_file(path, max_article_bytes=settings.max_article_bytes), summary, progress, given)
            if limit is not None:
                articles = itertools.islice(articles, max(limit - summary.articles, 0))
            _store_articles(articles, store, processor, summary, progress, settings.batch_size)
            summary.files += 1
            if progress:
                progress.file_done(summary)
        settled = settle(store, stored=summary.new, link_documents=settings.link, event_threshold=settings.event_threshold,
                         batch_size=settings.batch_size, processor=processor, progress=progress)
        summary.linked, summary.dated_from_stories = settled.linked, settled.dated_from_stories
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_articles(
    articles: Iterable[RawArticle | InputError],
    store: Store,
    processor: Processor,
    *,
    batch_size: int = 100,
    progress: IngestProgress | None = None,
    link_documents: bool = True,
    event_threshold: float | None = None,
) -> IngestSummary:
    """Ingest articles read elsewhere (posted to the HTTP API, fetched from the web) into an open,
    writable store, with the same skipping of known sources and content as :func:`ingest`; an
    :class:`InputError` among them is a failure, and the run goes on. Linking counts events at or
    over ``event_threshold`` (see :func:`newsgraph.linking.link`)."""
    summary = IngestSummary()
    started = time.perf_counter()
    _store_articles(_articles(articles, summary, progress), store, processor, summary, progress, batch_size)
    settled = settle(store, stored=summary.new, link_documents=link_documents, event_threshold=event_threshold,
                     processor=processor, progress=progress)
    summary.linked, summary.dated_from_stories = settled.linked, settled.dated_from_stories
    summary.seconds = time.perf_counter() - started
    return summary


def _store_articles(
    articles: Iterator[RawArticle],
    store: Store,
    processor: Processor,
    summary: IngestSummary,
    progress: IngestProgress | None,
    batch_size: int,
) -> None:
    # While the workers analyse one batch, this process stores the one before.
    pending: Callable[[], None] | None = None
    for batch in _batches(articles, batch_size):
        job = _start_batch(batch, store, processor, summary)
        if pending is not None:
            pending()
        pending = functools.partial(_finish_batch, job, store, processor, summary, progress)
    if pending is not None:
        pending()


@dataclass(frozen=True)
class Settled:
    """What :func:`settle` did: the linking (None when not asked for) and how many undated
    documents their stories dated."""

    linked: LinkSummary | None = None
    dated_from_stories: int = 0


def settle(
    store: Store,
    *,
    stored: int,
    link_documents: bool,
    event_threshold: float | None,
    batch_size: int = 500,
    processor: Processor | None = None,
    progress: IngestProgress | None = None,
) -> Settled:
    """What every way into the database (ingest, the API, the web pages, a cluster run's import)
    does once it has stored ``stored`` new documents: link what is not linked yet (when
    ``link_documents``; ``batch_size`` documents per transaction), analyse again the undated
    documents their stories date (with ``processor``, else one made for them), then rebuild the
    full-text index and the summary tables, which inserts do not update, when anything was stored
    or they are out of date, so a read-only server always finds them current."""
    linked, dated = None, 0
    if link_documents:
        linked = link(store, batch_size=batch_size, on_batch=progress.linked if progress else None,
                      event_threshold=event_threshold)
        found = infer_story_dates(store)
        if found and processor is not None:
            dated = apply_story_dates(store, found, processor)
        elif found:
            with Processor(1, date.today()) as own:
                dated = apply_story_dates(store, found, own)
    if stored or dated or not search_index_current(store.db):
        rebuild_search_index(store.db)
    return Settled(linked, dated)


def _articles(
    items: Iterable[RawArticle | InputError],
    summary: IngestSummary,
    progress: IngestProgress | None,
    given: Mapping[str, Any] | None = None,
) -> Iterator[RawArticle]:
    for item in items:
        if isinstance(item, InputError):
            _fail(summary, progress, Failure(item.path, str(item)))
        else:
            summary.raw_chars += len(item.raw_text)
            yield replace(item, given={**item.given, **given}) if given else item


def _batches(articles: Iterator[RawArticle], size: int) -> Iterator[list[RawArticle]]:
    batch: list[RawArticle] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _start_batch(
    batch: list[RawArticle], store: Store, processor: Processor, summary: IngestSummary
) -> Callable[[], list[Document | Failure]]:
    """Skip the articles already stored and start analysing the rest."""
    known = store.known_sources([(article.source, article.raw_sha) for article in batch])
    marked = with_site_lines(batch)
    fresh = [article for article in marked if (article.source, article.raw_sha) not in known]
    summary.unchanged += len(batch) - len(fresh)
    return processor.submit(fresh)


def _finish_batch(
    job: Callable[[], list[Document | Failure]],
    store: Store,
    processor: Processor,
    summary: IngestSummary,
    progress: IngestProgress | None,
) -> None:
    """Store the batch's new documents (a content id already stored counts as unchanged)."""
    documents: list[Document] = []
    for result in job():
        if isinstance(result, Failure):
            _fail(summary, progress, result)
        else:
            documents.append(result)
    stored = store.existing_documents(document.id for document in documents)
    previous = store.latest_documents_of(document.source for document in documents)
    new: list[Document] = []
    for document in documents:
        if document.id in stored:
            summary.unchanged += 1
            continue
        stored.add(document.id)
        earlier = previous.get(document.source)
        if earlier is not None and earlier != document.id:
            document.version_of = earlier
            summary.versions += 1
        new.append(document)
    seen = [SourceSeen(document.source, document.raw_sha, document.id) for document in documents]
    store.write_documents(new, seen, processor.pipeline.signature)
    summary.new += len(new)


def _fail(summary: IngestSummary, progress: IngestProgress | None, failure: Failure) -> None:
    summary.failed.append(failure)
    if progress:
        progress.failed(failure)
