"""How the cost of linking grows with the number of articles: link the first N articles of an
ingested database (in publication order) from scratch, for several N, on a scratch copy."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.linking.runner import link, pending_documents, unlink_all
from newsgraph.store import Store

__all__ = ["LinkingRun", "bench_linking"]


@dataclass(frozen=True)
class LinkingRun:
    articles: int
    seconds: float
    stories: int
    event_clusters: int
    multi_article_event_clusters: int
    quote_clusters: int
    near_duplicates: int

    @property
    def ms_per_article(self) -> float:
        return 1000.0 * self.seconds / self.articles if self.articles else 0.0


def bench_linking(db: Path, sizes: Sequence[int]) -> list[LinkingRun]:
    """Link the first ``n`` articles for each ``n`` in ``sizes``, timing each run from scratch.
    The database is copied first; the original is never changed."""
    if not db.exists():
        raise NewsgraphError(f"{db}: no database here; ingest a corpus first (newsgraph ingest ... --db {db})")
    runs = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-linkbench-") as scratch:
        copy = Path(scratch) / "bench.duckdb"
        shutil.copy(db, copy)
        with Store(copy) as store:
            unlink_all(store)
            order = pending_documents(store)
            for size in sizes:
                if size > len(order):
                    raise NewsgraphError(f"{db} holds {len(order)} articles, fewer than {size}")
                unlink_all(store)
                started = time.perf_counter()
                link(store, only=order[:size])
                seconds = time.perf_counter() - started
                runs.append(
                    LinkingRun(
                        articles=size,
                        seconds=seconds,
                        stories=_count(store, "SELECT count(*) FROM stories"),
                        event_clusters=_count(store, "SELECT count(*) FROM event_clusters"),
                        multi_article_event_clusters=_count(
                            store, "SELECT count(*) FROM event_clusters WHERE n_articles > 1"
                        ),
                        quote_clusters=_count(store, "SELECT count(*) FROM quote_clusters"),
                        near_duplicates=_count(store, "SELECT count(*) FROM near_duplicates"),
                    )
                )
    return runs


def _count(store: Store, sql: str) -> int:
    row = store.db.execute(sql).fetchone()
    return int(row[0]) if row else 0
