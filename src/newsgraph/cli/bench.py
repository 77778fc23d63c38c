"""``newsgraph bench``: ingest speed and memory on the Reuters-21578 corpus, per engine, and linking's
cost as the corpus grows; ``newsgraph bench-pages``: median and 95th-percentile load time of each
kind of web page. Both run :mod:`newsgraph.bench`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, settings_from
from newsgraph.errors import NewsgraphError

__all__ = ["DEFAULT_CORPUS", "register"]

DEFAULT_CORPUS = Path("../shared/corpus/reuters21578")


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)
    app.command("bench-pages")(bench_pages_command)


@handle_errors
def bench_command(
    corpus: Path = typer.Option(
        DEFAULT_CORPUS, "--corpus", help="Folder of Reuters-21578 .sgm files (or any articles)."
    ),
    sample: Optional[int] = typer.Option(None, "--sample", help="Ingest only the first N articles."),
    db: Optional[Path] = typer.Option(None, "--db", help="Database to fill (default: a fresh temporary one)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes running the pipeline (default: one per core)."),
    dask: bool = typer.Option(True, "--dask/--no-dask", help="Also time a local Dask cluster of --workers workers."),
    single: bool = typer.Option(
        True, "--single/--no-single", help="Also time one worker process first (the baseline of the speedup column)."
    ),
    linking: Optional[str] = typer.Option(
        None,
        "--linking",
        help="Also time linking the first N articles from scratch, for each N (e.g. 1000,5000,20000).",
    ),
    linking_only: bool = typer.Option(
        False, "--linking-only", help="Skip the ingest: time linking on the articles already in --db (left unchanged)."
    ),
) -> None:
    """Ingest a corpus with 1 and --workers processes and on a local Dask cluster, and print
    articles/s and peak memory per worker, then MB/s and words/s beside the bare parse; with
    --linking, how linking's cost grows with the number of articles."""
    from newsgraph.bench.ingest import render_linking, run_benchmark
    from newsgraph.bench.linking import bench_linking

    sizes = _sizes(linking)
    if linking_only:
        if db is None or not sizes:
            raise NewsgraphError("--linking-only needs --db (an ingested database) and --linking SIZES")
        Console().print("\n".join(render_linking(bench_linking(db, sizes))), highlight=False, markup=False)
        return
    report = run_benchmark(
        corpus, sample=sample, db=db, workers=workers, dask=dask, single=single, linking_sizes=sizes
    )
    Console().print(report.render(), highlight=False, soft_wrap=True, markup=False)


def _sizes(value: str | None) -> tuple[int, ...]:
    if not value:
        return ()
    try:
        sizes = tuple(int(part) for part in value.split(","))
    except ValueError:
        raise NewsgraphError(f"--linking takes whole numbers separated by commas, got {value!r}") from None
    if any(size < 1 for size in sizes):
        raise NewsgraphError(f"--linking sizes must be positive, got {value!r}")
    return sizes


@handle_errors
def bench_pages_command(
    db: Optional[Path] = DB_OPTION,
    samples: int = typer.Option(30, "--samples", min=1, help="Pages timed per kind of page."),
    seed: int = typer.Option(1, "--seed", help="Seed for choosing which pages to time."),
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Serve a database on a local port and print the median and p95 load time (ms) of each kind
    of page: article, actor, timeline, story, search and the listings."""
    from newsgraph.bench.pages import bench_pages, render_timings
    from newsgraph.store import Store

    settings = settings_from(config, db=db)
    with Store(settings.db, read_only=True):
        pass  # a clear error when there is no database here
    Console().print(render_timings(bench_pages(settings.db, samples=samples, seed=seed)), highlight=False, markup=False)
