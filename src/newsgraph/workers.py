"""Run the per-document pipeline in this process or in a pool of worker processes.

Either way a batch of articles comes back, in order, as documents or failures, so the output of
``--workers N`` is identical to ``--workers 1``; only the main process writes to the database.
Each worker builds the pipeline (and so loads the language model) once, when it starts, and exits
when the process that started it dies, however it dies (``kill -9`` included).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from types import TracebackType

from newsgraph.documents import build_document
from newsgraph.errors import NewsgraphError
from newsgraph.nlp import release_doc
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.records import Document, RawArticle

__all__ = ["Failure", "Processor", "analyse"]


@dataclass(frozen=True)
class Failure:
    """An input (a file, or an article in one) that did not become a document, and why."""

    source: str
    problem: str


def analyse(pipeline: Pipeline, articles: list[RawArticle]) -> list[Document | Failure]:
    """Articles through the pipeline: each one's document, or why it failed."""
    results: list[Document | Failure] = []
    for article, analysis in zip(articles, pipeline.run_batch(articles)):
        if isinstance(analysis, NewsgraphError):
            results.append(Failure(article.source, str(analysis)))
            continue
        try:
            document = build_document(analysis)
        except NewsgraphError as error:
            results.append(Failure(article.source, str(error)))
            continue
        finally:
            if analysis.parsed is not None:
                release_doc(analysis.parsed)
        if not document.text.strip():
            results.append(Failure(article.source, f"{article.source}: no article text left after cleaning"))
        else:
            results.append(document)
    return results


# The pipeline of a worker process, built once by its initializer (each worker is its own
# process, so this is per-worker state, never shared), and how many batches it has analysed.
_worker_pipeline: Pipeline | None = None
_worker_batches = 0


# How often a worker's watchdog checks that its parent is still alive, in seconds.
_WATCHDOG_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


def _start_worker(today: date, parent: int, max_article_seconds: float | None) -> None:
    global _worker_pipeline
    _exit_with_parent(parent)
    _worker_pipeline = default_pipeline(today, max_article_seconds=max_article_seconds)


def _exit_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` (the process that started it) ends.

    On Linux the kernel kills it at once (``prctl(PR_SET_PDEATHSIG)``); everywhere, a watchdog
    thread checks every second that the parent is still there, since an orphan is handed to
    another parent. A worker holds hundreds of megabytes: it must not outlive a killed run.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watchdog", daemon=True).start()


def _analyse_in_worker(articles: list[RawArticle]) -> list[Document | Failure]:
    global _worker_batches
    assert _worker_pipeline is not None
    if _worker_batches == 1:
        _freeze_long_lived()
    _worker_batches += 1
    return analyse(_worker_pipeline, articles)


def _freeze_long_lived() -> None:
    """After the first batch, what is still alive was loaded to stay: the language model, the
    knowledge base, the gazetteer (hundreds of thousands of objects). Move it out of the garbage
    collector's sight, so that its full collections, which the parses of every batch keep
    triggering, no longer walk all of it each time."""
    gc.collect()
    gc.freeze()


class Processor:
    """Analyses batches of articles with ``workers`` processes (1: in this process).

    The pool starts only when a batch is big enough to be worth it, so a run over a handful of
    articles does not pay for loading the model in every worker.
    """

    def __init__(
        self, workers: int, today: date, pipeline: Pipeline | None = None, *, max_article_seconds: float | None = None
    ) -> None:
        self.workers = 1 if pipeline is not None else workers
        self.today = today
        self.max_article_seconds = max_article_seconds
        self.pipeline = pipeline or default_pipeline(today, max_article_seconds=max_article_seconds)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Processor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=error is None, cancel_futures=True)

    def __call__(self, articles: list[RawArticle]) -> list[Document | Failure]:
        return self.submit(articles)()

    def submit(self, articles: list[RawArticle]) -> Callable[[], list[Document | Failure]]:
        """Start analysing ``articles``; the returned function waits for the results, in order.

        With a pool, the workers go on while the caller writes the previous batch; in this process
        the work happens when the results are asked for.
        """
        if self.workers <= 1 or len(articles) < 4 * self.workers:
            return lambda: analyse(self.pipeline, articles)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.today, os.getpid(), self.max_article_seconds),
            )
        # Several small chunks per worker, so a worker that finishes early takes the next one.
        size = max(1, -(-len(articles) // (4 * self.workers)))
        pool = self._pool
        futures = [pool.submit(_analyse_in_worker, articles[start : start + size]) for start in range(0, len(articles), size)]
        return lambda: [result for future in futures for result in future.result()]
