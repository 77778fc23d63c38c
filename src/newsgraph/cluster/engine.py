"""``newsgraph ingest --engine dask``: the per-document pipeline on Dask's distributed scheduler,
writing a Parquet dataset (:mod:`newsgraph.cluster.dataset`) instead of the embedded database.

The driver lists the inputs, reads what the dataset already holds, and cuts the files into tasks;
the workers run them (:func:`newsgraph.cluster.tasks.run_task`). With no scheduler address a local
cluster is started with one single-threaded worker process per ``workers``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Protocol

import dask.bag

from newsgraph.cluster.dataset import known_inputs
from newsgraph.cluster.inputs import InputFile, list_inputs, read_input
from newsgraph.cluster.tasks import Job, Task, TaskResult, run_task
from newsgraph.errors import NewsgraphError, PipelineError
from newsgraph.settings import Settings
from newsgraph.workers import Failure

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterSummary", "ClusterProgress", "dask_client", "ingest_dask", "plan_tasks", "TASK_BYTES"]

TASK_BYTES = 1_000_000
"""Most input bytes per task (about a thousand Reuters articles): small enough that the workers
finish close together, large enough that scheduling costs nothing beside the analysis."""


@dataclass
class ClusterSummary:
    """What a cluster run did: ``articles`` read and not yet in the dataset, ``written`` of them
    as documents, ``skipped`` already there; the largest resident memory of each worker process at
the end of one of its tasks, in MB."""

    files: int = 0
    tasks: int = 0
    articles: int = 0
    written: int = 0
    skipped: int = 0
    raw_chars: int = 0
    seconds: float = 0.0
    failed: list[Failure] = field(default_factory=list)
    worker_rss_mb: dict[int, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, result: TaskResult) -> None:
        self.articles += result.articles
        self.written += result.written
        self.skipped += result.skipped
        self.raw_chars += result.raw_chars
        self.failed.extend(result.failed)
        peak = self.worker_rss_mb.get(result.worker_pid, 0.0)
        self.worker_rss_mb[result.worker_pid] = max(peak, result.worker_rss_mb)


class ClusterProgress(Protocol):
    def start(self, total_tasks: int) -> None: ...

    def task_done(self, summary: ClusterSummary, result: TaskResult) -> None: ...


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers``
    single-threaded worker processes (stopped when the block ends)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as error:
            raise NewsgraphError(
                f"{scheduler}: cannot reach the Dask scheduler ({error}); start one with `dask scheduler` "
                "or leave out --scheduler for a local cluster"
            ) from error
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def ingest_dask(
    inputs: Sequence[str],
    out: str,
    settings: Settings,
    *,
    scheduler: str | None = None,
    client: Client | None = None,
    today: date | None = None,
    limit: int | None = None,
    progress: ClusterProgress | None = None,
) -> ClusterSummary:
    """Analyse every article under ``inputs`` (paths or URLs; the first ``limit`` ones, if given)
    not yet in the dataset at ``out``, and append the results to it.

    Uses ``client`` when given, else connects to ``scheduler``, else starts a local cluster of
    ``settings.workers`` workers.
    """
    started = time.perf_counter()
    summary = ClusterSummary()
    files, problems = list_inputs(inputs)
    summary.failed.extend(Failure(problem.path, str(problem)) for problem in problems)
    summary.files = len(files)
    job = Job(
        out=out,
        run=datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ"),
        today=today or date.today(),
        max_article_bytes=settings.max_article_bytes,
        batch_size=settings.batch_size,
        max_article_seconds=settings.max_article_seconds,
    )
    if files:
        with contextlib.ExitStack() as stack:
            if client is None:
                client = stack.enter_context(dask_client(scheduler, settings.workers))
            # Plan for the workers the cluster has, not the ones this machine would have.
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            tasks = plan_tasks(files, known_inputs(out), limit=limit, max_article_bytes=settings.max_article_bytes, workers=workers)
            summary.tasks = len(tasks)
            if progress:
                progress.start(len(tasks))
            if tasks:
                _run(client, tasks, job, summary, progress)
    summary.seconds = time.perf_counter() - started
    return summary


def _run(client: Client, tasks: list[Task], job: Job, summary: ClusterSummary, progress: ClusterProgress | None) -> None:
    from distributed import as_completed

    bag = dask.bag.from_sequence(tasks, npartitions=len(tasks)).map(run_task, job)
    futures = client.compute(bag.to_delayed())
    try:
        for future in as_completed(futures):
            for result in future.result():
                summary.add(result)
                if progress:
                    progress.task_done(summary, result)
    except Exception as error:
        if isinstance(error, NewsgraphError):
            raise
        raise PipelineError(
            f"a cluster task stopped: {type(error).__name__}: {error}; the finished tasks are in {job.out}, "
            "rerun the same command to do the rest"
        ) from error
    finally:
        client.cancel(futures)


def plan_tasks(
    files: Sequence[InputFile],
    known: dict[str, set[tuple[str, str]]],
    *,
    limit: int | None = None,
    max_article_bytes: int,
    workers: int = 1,
) -> list[Task]:
    """Cut the files into tasks of about :data:`TASK_BYTES` each. With ``limit``, the driver
    counts the articles of the first files (reading them) and cuts those into article ranges."""
    if limit is not None:
        return _limited_tasks(files, known, limit, max_article_bytes, workers)
    # At least four tasks per worker when the input allows, so a small run uses every worker.
    target = min(TASK_BYTES, max(1, sum(file.size for file in files) // (4 * workers)))
    tasks: list[Task] = []
    group: list[InputFile] = []
    size = 0
    for file in files:
        group.append(file)
        size += file.size
        if size >= target:
            tasks.append(_task(len(tasks), group, known))
            group, size = [], 0
    if group:
        tasks.append(_task(len(tasks), group, known))
    return tasks


def _task(number: int, files: Sequence[InputFile], known: dict[str, set[tuple[str, str]]], start: int = 0, stop: int | None = None) -> Task:
    pairs = frozenset(pair for file in files for pair in known.get(file.name, ()))
    return Task(number, tuple(files), pairs, start, stop)


def _limited_tasks(
    files: Sequence[InputFile], known: dict[str, set[tuple[str, str]]], limit: int, max_article_bytes: int, workers: int
) -> list[Task]:
    counts: list[tuple[InputFile, int]] = []
    left = limit
    for file in files:
        if left <= 0:
            break
        count = sum(1 for _ in zip(range(left), read_input(file.name, max_article_bytes=max_article_bytes)))
        counts.append((file, count))
        left -= count
    chunk = max(25, -(-limit // (4 * workers)))
    tasks: list[Task] = []
    for file, count in counts:
        for start in range(0, count, chunk):
            tasks.append(_task(len(tasks), [file], known, start, min(start + chunk, count)))
    return tasks
