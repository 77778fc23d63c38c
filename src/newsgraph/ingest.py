"""Ingest: read articles from files and folders, run the pipeline, store whole documents.

A rerun on the same input changes nothing: an article whose (source, raw bytes) pair is already
stored is skipped before any work, and a document whose content id is already stored is not written
again. An edited file becomes a new document linked to its previous version. Problems with one
file or record are collected and the run goes on.
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from newsgraph.errors import InputError
from newsgraph.linking import LinkSummary, link
from newsgraph.pipeline import Pipeline
from newsgraph.readers import discover, read_file
from newsgraph.records import Document, RawArticle
from newsgraph.settings import Settings
from newsgraph.store import SourceSeen, Store
from newsgraph.store.search import rebuild_search_index, search_index_current
from newsgraph.workers import Failure, Processor

__all__ = ["IngestSummary", "Failure", "IngestProgress", "ingest", "ingest_articles"]


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
) -> IngestSummary:
    """Ingest every article under ``paths`` (the first ``limit`` ones, if given) into the
    database named by ``settings.db``."""
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
            articles = _articles(read_file(path, max_article_bytes=settings.max_article_bytes), summary, progress)
            if limit is not None:
                articles = itertools.islice(articles, max(limit - summary.articles, 0))
            _store_articles(articles, store, processor, summary, progress, settings.batch_size)
            summary.files += 1
            if progress:
                progress.file_done(summary)
        if settings.link:
            summary.linked = link(store, batch_size=settings.batch_size, on_batch=progress.linked if progress else None)
        _refresh_search_index(store, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_articles(articles: Sequence[RawArticle], store: Store, processor: Processor, *, batch_size: int = 100) -> IngestSummary:
    """Ingest articles already read (e.g. posted to the HTTP API) into an open, writable store,
    with the same skipping of known sources and content as :func:`ingest`."""
    summary = IngestSummary()
    started = time.perf_counter()
    for article in articles:
        summary.raw_chars += len(article.raw_text)
    _store_articles(iter(articles), store, processor, summary, None, batch_size)
    summary.linked = link(store)
    _refresh_search_index(store, summary)
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


def _refresh_search_index(store: Store, summary: IngestSummary) -> None:
    # The full-text index is not updated by inserts: rebuild it whenever this run added rows (or
    # it is missing), so a read-only server always searches every stored document.
    if summary.new or not search_index_current(store.db):
        rebuild_search_index(store.db)


def _articles(
    items: Iterable[RawArticle | InputError], summary: IngestSummary, progress: IngestProgress | None
) -> Iterator[RawArticle]:
    for item in items:
        if isinstance(item, InputError):
            _fail(summary, progress, Failure(item.path, str(item)))
        else:
            summary.raw_chars += len(item.raw_text)
            yield item


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
    fresh = [article for article in batch if (article.source, article.raw_sha) not in known]
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
