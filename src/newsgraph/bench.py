"""The benchmark: ingest a corpus into a fresh database and measure speed and memory, then parse
the same clean texts with the bare language model, so the pipeline's cost is seen beside it.

Figures come from one run on this machine; they are printed, never asserted by tests.
"""

from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.ingest import IngestSummary, ingest
from newsgraph.linking.benchmark import LinkingRun, bench_linking
from newsgraph.nlp import load_nlp
from newsgraph.settings import Settings
from newsgraph.store import Store

__all__ = ["DEFAULT_CORPUS", "BenchmarkReport", "BareParse", "run_benchmark", "render_linking"]

DEFAULT_CORPUS = Path("../shared/corpus/reuters21578")


@dataclass(frozen=True)
class BareParse:
    """spaCy alone over the stored clean texts, with the same number of processes."""

    words: int
    sentences: int
    seconds: float


@dataclass(frozen=True)
class BenchmarkReport:
    corpus: Path
    workers: int
    first: IngestSummary
    rerun: IngestSummary
    bare: BareParse
    peak_memory_mb: float
    db_mb: float
    linking: tuple[LinkingRun, ...] = ()

    def render(self) -> str:
        first, rerun, bare = self.first, self.rerun, self.bare
        megabytes = first.raw_chars / 1_000_000
        ratio = first.seconds / bare.seconds if bare.seconds else float("nan")
        lines = [
            f"corpus            {self.corpus} ({self.workers} worker process(es))",
            f"articles          {first.articles} ({first.new} stored, {len(first.failed)} failed)",
            f"article text      {megabytes:.1f} MB, {bare.words:,} words, {bare.sentences:,} sentences",
            f"ingest            {first.seconds:.1f} s  = {first.articles / first.seconds:.1f} articles/s, "
            f"{megabytes / first.seconds:.3f} MB/s, {bare.words / first.seconds:,.0f} words/s, "
            f"{bare.sentences / first.seconds:,.0f} sentences/s (end to end)",
            f"bare parse        {bare.seconds:.1f} s  = {bare.words / bare.seconds:,.0f} words/s, "
            f"{bare.sentences / bare.seconds:,.0f} sentences/s (spaCy alone, same texts)",
            f"pipeline / parse  {ratio:.2f}x",
            f"rerun (no change) {rerun.seconds:.1f} s  = {rerun.articles / max(rerun.seconds, 1e-9):.0f} articles/s, "
            f"{rerun.new} new",
            f"peak memory       {self.peak_memory_mb:.0f} MB (largest resident set of this process or a worker)",
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
    linking_sizes: tuple[int, ...] = (),
) -> BenchmarkReport:
    """Ingest the corpus (without linking, so the per-document pipeline is timed alone), then
    time linking the first N articles from scratch for each N in ``linking_sizes``."""
    if not corpus.exists():
        raise NewsgraphError(f"{corpus}: corpus folder not found; pass --corpus PATH (the Reuters-21578 .sgm files)")
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as scratch:
        target = db or Path(scratch) / "bench.duckdb"
        settings = Settings(db=target, link=False)
        if workers is not None:
            settings = Settings(db=target, link=False, workers=workers)
        first = ingest([corpus], settings, limit=sample)
        rerun = ingest([corpus], settings, limit=sample)
        bare = _bare_parse(target, settings.workers)
        peak_kb = max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        )
        size = target.stat().st_size + sum(p.stat().st_size for p in target.parent.glob(target.name + ".wal"))
        with Store(target, read_only=True) as store:
            stored = store.count("documents")
        linking = tuple(bench_linking(target, [n for n in linking_sizes if n <= stored]))
        return BenchmarkReport(corpus, settings.workers, first, rerun, bare, peak_kb / 1024, size / 1_000_000, linking)


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
