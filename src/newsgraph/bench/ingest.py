"""The benchmark: ingest a corpus sample with one worker process, with ``workers`` processes and on
a local Dask cluster of ``workers`` workers, each into fresh storage, measuring articles/s and the
peak memory of each worker; then a rerun that changes nothing, and the bare language model over
the same clean texts, so the pipeline's cost is seen beside it.

Figures come from one run on this machine; they are printed, never asserted by tests.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.cluster import import_parquet, ingest_dask
from newsgraph.errors import NewsgraphError
from newsgraph.ingestion import IngestSummary, ingest
from newsgraph.bench.linking import LinkingRun, bench_linking
from newsgraph.bench.memory import MemorySampler
from newsgraph.nlp import load_nlp
from newsgraph.settings import Settings
from newsgraph.store import Store

__all__ = ["BenchmarkReport", "BareParse", "EngineRun", "run_benchmark", "render_linking"]


@dataclass(frozen=True)
class BareParse:
    """spaCy alone over the stored clean texts, with the same number of processes."""

    words: int
    sentences: int
    seconds: float


@dataclass(frozen=True)
class EngineRun:
    """One ingest of the sample: ``worker_peak_mb`` is the largest resident set of one worker
    process (this process when it does the work itself), ``driver_peak_mb`` this process's;
    ``cpu_seconds`` the CPU time of this process and all its workers together."""

    name: str
    workers: int
    articles: int
    failed: int
    seconds: float
    worker_peak_mb: float
    driver_peak_mb: float
    cpu_seconds: float
    import_seconds: float | None = None
    dataset_mb: float | None = None

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0


_FAILURES_SHOWN = 5


def _named(source: str, problem: str) -> str:
    """A failure's problem, which may already open with its source's name."""
    return problem if problem.startswith(source) else f"{source}: {problem}"


@dataclass(frozen=True)
class BenchmarkReport:
    corpus: Path
    workers: int
    runs: list[EngineRun]
    first: IngestSummary
    rerun: IngestSummary
    bare: BareParse
    db_mb: float
    linking: tuple[LinkingRun, ...] = ()

    def render(self) -> str:
        first, rerun, bare = self.first, self.rerun, self.bare
        megabytes = first.raw_chars / 1_000_000
        ratio = first.seconds / bare.seconds if bare.seconds else float("nan")
        lines = [
            f"corpus            {self.corpus}",
            f"articles          {first.articles} ({first.new} stored, {len(first.failed)} failed), "
            f"{megabytes:.1f} MB, {bare.words:,} words, {bare.sentences:,} sentences",
            *(f"  failed: {_named(failure.source, failure.problem)}" for failure in first.failed[:_FAILURES_SHOWN]),
        ]
        base = next((run.rate for run in self.runs if run.name == "1 worker"), 0.0)
        for run in self.runs:
            speedup = f"{run.rate / base:.2f}x" if base else "-"
            line = (
                f"{run.name:<17} {run.seconds:7.1f} s = {run.rate:6.1f} articles/s ({speedup}), "
                f"{run.cpu_ms_per_article:.0f} CPU ms/article, "
                f"peak memory {run.worker_peak_mb:.0f} MB per worker, {run.driver_peak_mb:.0f} MB driver"
            )
            if run.import_seconds is not None:
                line += f"; import-parquet {run.import_seconds:.1f} s, Parquet dataset {run.dataset_mb:.1f} MB"
            lines.append(line)
        lines += [
            f"end to end        {megabytes / first.seconds:.3f} MB/s, {bare.words / first.seconds:,.0f} words/s, "
            f"{bare.sentences / first.seconds:,.0f} sentences/s ({self.workers} worker processes)",
            f"bare parse        {bare.seconds:.1f} s  = {bare.words / bare.seconds:,.0f} words/s, "
            f"{bare.sentences / bare.seconds:,.0f} sentences/s (spaCy alone, same texts, same processes)",
            f"pipeline / parse  {ratio:.2f}x",
            f"rerun (no change) {rerun.seconds:.1f} s  = {rerun.articles / max(rerun.seconds, 1e-9):.0f} articles/s, "
            f"{rerun.new} new",
            f"database size     {self.db_mb:.1f} MB",
        ]
        lines.extend(render_linking(self.linking))
        return "\n".join(lines)


def render_linking(runs: tuple[LinkingRun, ...] | list[LinkingRun]) -> list[str]:
    """One line per linking run: how its cost grows with the number of articles."""
    return [
        f"linking {run.articles:>7,} articles  {run.seconds:7.1f} s = {run.ms_per_article:.2f} ms/article; "
        f"{run.stories:,} stories, {run.event_clusters:,} event clusters ({run.multi_article_event_clusters:,} "
        f"across articles), {run.quote_clusters:,} quotation clusters, {run.near_duplicates:,} near-duplicates"
        for run in runs
    ]


def run_benchmark(
    corpus: Path,
    *,
    sample: int | None = None,
    db: Path | None = None,
    workers: int | None = None,
    dask: bool = True,
    single: bool = True,
    linking_sizes: tuple[int, ...] = (),
) -> BenchmarkReport:
    """Ingest the first ``sample`` articles of ``corpus`` with 1 process (with ``single``),
    ``workers`` processes (default: one per core) and, with ``dask``, a local Dask cluster of
    ``workers`` workers, all without linking, so the per-document pipeline is timed alone; then
    time linking the first N articles from scratch for each N in ``linking_sizes``."""
    if not corpus.exists():
        raise NewsgraphError(f"{corpus}: corpus folder not found; pass --corpus PATH (the Reuters-21578 .sgm files)")
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as scratch_name:
        scratch = Path(scratch_name)
        target = db or scratch / "bench.duckdb"
        settings = Settings(db=target, link=False)
        if workers is not None:
            settings = Settings(db=target, link=False, workers=workers)
        runs: list[EngineRun] = []
        if single and settings.workers > 1:
            one = Settings(db=scratch / "one.duckdb", workers=1, link=False)
            runs.append(_measure("1 worker", 1, lambda: _local(corpus, one, sample), in_process=True))
        first_box: list[IngestSummary] = []
        runs.append(
            _measure(
                f"{settings.workers} worker(s)",
                settings.workers,
                lambda: _local(corpus, settings, sample, first_box),
                in_process=settings.workers == 1,
            )
        )
        if dask:
            runs.append(_dask_run(corpus, settings, sample, scratch))
        rerun = ingest([corpus], settings, limit=sample)
        bare = _bare_parse(target, settings.workers)
        size = target.stat().st_size + sum(p.stat().st_size for p in target.parent.glob(target.name + ".wal"))
        with Store(target, read_only=True) as store:
            stored = store.count("documents")
        linking = tuple(bench_linking(target, [n for n in linking_sizes if n <= stored]))
        return BenchmarkReport(corpus, settings.workers, runs, first_box[0], rerun, bare, size / 1_000_000, linking)


def _local(corpus: Path, settings: Settings, sample: int | None, keep: list[IngestSummary] | None = None) -> tuple[int, int]:
    summary = ingest([corpus], settings, limit=sample)
    if keep is not None:
        keep.append(summary)
    return summary.articles, len(summary.failed)


def _measure(name: str, workers: int, run: Callable[[], tuple[int, int]], *, in_process: bool) -> EngineRun:
    with MemorySampler() as memory:
        started = time.perf_counter()
        articles, failed = run()
        seconds = time.perf_counter() - started
    worker = memory.own_peak_mb if in_process else max(memory.worker_peaks_mb.values(), default=0.0)
    return EngineRun(name, workers, articles, failed, seconds, worker, memory.own_peak_mb, memory.cpu_seconds)


def _dask_run(corpus: Path, settings: Settings, sample: int | None, scratch: Path) -> EngineRun:
    """A local Dask cluster (started inside the timing: a cluster run pays for it), then the import."""
    out = str(scratch / "dataset")
    with MemorySampler() as memory:
        started = time.perf_counter()
        summary = ingest_dask([str(corpus)], out, settings, limit=sample)
        seconds = time.perf_counter() - started
    started = time.perf_counter()
    import_parquet(out, Settings(db=scratch / "dask.duckdb", link=False))
    imported = time.perf_counter() - started
    dataset_bytes = sum(path.stat().st_size for path in Path(out).rglob("*.parquet"))
    # The workers' own figure (their memory at the end of each task) catches a peak between samples.
    worker = max([*memory.worker_peaks_mb.values(), *summary.worker_rss_mb.values()], default=0.0)
    return EngineRun(
        f"dask, {settings.workers} worker(s)",
        settings.workers,
        summary.articles,
        len(summary.failed),
        seconds,
        worker,
        memory.own_peak_mb,
        memory.cpu_seconds,
        imported,
        dataset_bytes / 1_000_000,
    )


def _bare_parse(db: Path, workers: int) -> BareParse:
    with Store(db, read_only=True) as store:
        texts = [row["text"] for row in store.iter_rows("documents", "id")]
    nlp = load_nlp()
    started = time.perf_counter()
    words = sentences = 0
    for doc in nlp.pipe(texts, batch_size=64, n_process=workers):
        words += sum(1 for token in doc if not token.is_space and not token.is_punct)
        sentences += sum(1 for _ in doc.sents)
    return BareParse(words, sentences, time.perf_counter() - started)
