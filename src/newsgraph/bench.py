"""The benchmark: ingest a corpus into a fresh database and measure speed and memory.

Figures come from one run on this machine; they are printed, never asserted by tests.
"""

from __future__ import annotations

import resource
import tempfile
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.ingest import IngestSummary, ingest
from newsgraph.settings import Settings

__all__ = ["DEFAULT_CORPUS", "BenchmarkReport", "run_benchmark"]

DEFAULT_CORPUS = Path("../shared/corpus/reuters21578")


@dataclass(frozen=True)
class BenchmarkReport:
    corpus: Path
    first: IngestSummary
    rerun: IngestSummary
    peak_memory_mb: float
    db_mb: float

    def render(self) -> str:
        first, rerun = self.first, self.rerun
        megabytes = first.raw_chars / 1_000_000
        lines = [
            f"corpus            {self.corpus}",
            f"articles          {first.articles} ({first.new} stored, {len(first.failed)} failed)",
            f"article text      {megabytes:.1f} MB",
            f"ingest            {first.seconds:.1f} s  = {first.articles / first.seconds:.0f} articles/s, "
            f"{megabytes / first.seconds:.2f} MB/s",
            f"rerun (no change) {rerun.seconds:.1f} s  = {rerun.articles / max(rerun.seconds, 1e-9):.0f} articles/s, "
            f"{rerun.new} new",
            f"peak memory       {self.peak_memory_mb:.0f} MB (resident set of this process)",
            f"database size     {self.db_mb:.1f} MB",
        ]
        return "\n".join(lines)


def run_benchmark(corpus: Path, *, sample: int | None = None, db: Path | None = None) -> BenchmarkReport:
    if not corpus.exists():
        raise NewsgraphError(
            f"{corpus}: corpus folder not found; pass --corpus PATH (the Reuters-21578 .sgm files)"
        )
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as scratch:
        target = db or Path(scratch) / "bench.duckdb"
        settings = Settings(db=target)
        first = ingest([corpus], settings, limit=sample)
        rerun = ingest([corpus], settings, limit=sample)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = target.stat().st_size + sum(p.stat().st_size for p in target.parent.glob(target.name + ".wal"))
        return BenchmarkReport(corpus, first, rerun, peak_kb / 1024, size / 1_000_000)
