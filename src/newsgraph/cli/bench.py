"""``newsgraph bench``: measure ingest speed and memory on the Reuters-21578 corpus, per engine."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from newsgraph.bench import DEFAULT_CORPUS, render_linking, run_benchmark
from newsgraph.cli._common import handle_errors
from newsgraph.errors import NewsgraphError
from newsgraph.linking.benchmark import bench_linking

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)


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
