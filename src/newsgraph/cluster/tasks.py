"""One task of a cluster run, as a worker runs it: read some input files, skip what the dataset
already holds, analyse the rest in batches with the same code as ``newsgraph ingest``
(:func:`newsgraph.workers.analyse`), and append each batch's rows to the task's Parquet files.

A worker builds the pipeline (and loads the language model) the first time it runs a task and
keeps it for the next ones. Memory holds one batch of articles and their documents at a time.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import psutil

from newsgraph.cluster.dataset import UNKNOWN_MONTH, DatasetWriter, month_of
from newsgraph.cluster.inputs import InputFile, read_input
from newsgraph.errors import InputError
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.records import Document, RawArticle
from newsgraph.store.rows import SourceSeen, document_rows
from newsgraph.workers import Failure, analyse

__all__ = ["Job", "Task", "TaskResult", "run_task"]


@dataclass(frozen=True)
class Job:
    """What every task of one run shares."""

    out: str
    run: str
    today: date
    max_article_bytes: int
    batch_size: int
    max_article_seconds: float | None = None


@dataclass(frozen=True)
class Task:
    """Some input files (or, with ``stop``, only the articles ``start <= seq < stop`` of one),
    and what the dataset already holds of them: (source, raw_sha) pairs, ``""`` for a failure
    met before the bytes were read."""

    number: int
    files: tuple[InputFile, ...]
    known: frozenset[tuple[str, str]] = frozenset()
    start: int = 0
    stop: int | None = None


@dataclass
class TaskResult:
    """What a task did, and the worker process it ran in (its id, and its resident memory when
    the task ended)."""

    number: int
    articles: int = 0
    written: int = 0
    skipped: int = 0
    raw_chars: int = 0
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    worker_pid: int = 0
    worker_rss_mb: float = 0.0


_pipelines: dict[tuple[date, float | None], Pipeline] = {}
_lock = threading.Lock()


def worker_pipeline(today: date, max_article_seconds: float | None = None) -> Pipeline:
    """This worker process's pipeline, built on first use."""
    with _lock:
        pipeline = _pipelines.get((today, max_article_seconds))
        if pipeline is None:
            pipeline = default_pipeline(today, max_article_seconds=max_article_seconds)
            _pipelines[(today, max_article_seconds)] = pipeline
        return pipeline


def run_task(task: Task, job: Job) -> TaskResult:
    """Run one task; a failed document becomes a ``failures`` row, never an exception."""
    started = time.perf_counter()
    result = TaskResult(task.number)
    pipeline = worker_pipeline(job.today, job.max_article_seconds)
    writer = DatasetWriter(job.out, f"{job.run}-{task.number:06d}")
    try:
        batch: list[tuple[InputFile, int, RawArticle]] = []
        for item in _items(task, job, result, writer):
            batch.append(item)
            if len(batch) >= job.batch_size:
                _write_batch(batch, pipeline, job, result, writer)
                batch = []
        if batch:
            _write_batch(batch, pipeline, job, result, writer)
        writer.close()
    except BaseException:
        writer.abort()
        raise
    result.seconds = time.perf_counter() - started
    result.worker_pid = os.getpid()
    result.worker_rss_mb = psutil.Process().memory_info().rss / (1024 * 1024)
    return result


def _items(task: Task, job: Job, result: TaskResult, writer: DatasetWriter) -> Iterator[tuple[InputFile, int, RawArticle]]:
    """The task's articles not yet in the dataset; read failures go straight to the writer."""
    for file in task.files:
        for seq, item in enumerate(read_input(file.name, max_article_bytes=job.max_article_bytes)):
            if seq < task.start:
                continue
            if task.stop is not None and seq >= task.stop:
                break
            if isinstance(item, InputError):
                if (item.path, "") in task.known:
                    result.skipped += 1
                    continue
                result.articles += 1
                _fail(writer, job, result, file, seq, Failure(item.path, str(item)), None)
                continue
            if (item.source, item.raw_sha) in task.known:
                result.skipped += 1
                continue
            result.articles += 1
            result.raw_chars += len(item.raw_text)
            yield file, seq, item


def _write_batch(
    batch: list[tuple[InputFile, int, RawArticle]], pipeline: Pipeline, job: Job, result: TaskResult, writer: DatasetWriter
) -> None:
    documents: list[tuple[InputFile, int, Document]] = []
    for (file, seq, article), outcome in zip(batch, analyse(pipeline, [article for _, _, article in batch])):
        if isinstance(outcome, Failure):
            _fail(writer, job, result, file, seq, outcome, article.raw_sha)
        else:
            documents.append((file, seq, outcome))
    if not documents:
        return
    months = [month_of(document.metadata.published) for _, _, document in documents]
    month_by_doc = dict(zip((document.id for _, _, document in documents), months))
    rows = document_rows(
        [document for _, _, document in documents],
        [SourceSeen(document.source, document.raw_sha, document.id) for _, _, document in documents],
        pipeline.signature,
    )
    for (file, seq, _), source in zip(documents, rows["sources"]):
        source.update(run=job.run, file=file.name, file_index=file.index, seq=seq)
    for table, table_rows in rows.items():
        if table_rows:
            key = "id" if table == "documents" else "doc_id"
            writer.write(table, table_rows, {i: month_by_doc[row[key]] for i, row in enumerate(table_rows)})
    result.written += len(documents)


def _fail(
    writer: DatasetWriter, job: Job, result: TaskResult, file: InputFile, seq: int, failure: Failure, raw_sha: str | None
) -> None:
    result.failed.append(failure)
    row: dict[str, Any] = {
        "source": failure.source,
        "raw_sha": raw_sha,
        "problem": failure.problem,
        "run": job.run,
        "file": file.name,
        "file_index": file.index,
        "seq": seq,
    }
    writer.write("failures", [row], UNKNOWN_MONTH)
