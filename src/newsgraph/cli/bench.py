"""``newsgraph bench``: measure ingest speed and memory on the Reuters-21578 corpus, per engine."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from newsgraph.bench import DEFAULT_CORPUS, run_benchmark
from newsgraph.cli._common import handle_errors

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)


@handle_errors
def bench_command(
    corpus: Path = typer.Option(DEFAULT_CORPUS, "--corpus", help="Folder of Reuters-21578 .sgm files (or any articles)."),
    sample: Optional[int] = typer.Option(None, "--sample", help="Ingest only the first N articles."),
    db: Optional[Path] = typer.Option(None, "--db", help="Database to fill (default: a fresh temporary one)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes running the pipeline (default: one per core)."),
    dask: bool = typer.Option(True, "--dask/--no-dask", help="Also time a local Dask cluster of --workers workers."),
) -> None:
    """Ingest a corpus with 1 and --workers processes and on a local Dask cluster, and print
    articles/s and peak memory per worker, then MB/s and words/s beside the bare parse."""
    report = run_benchmark(corpus, sample=sample, db=db, workers=workers, dask=dask)
    Console().print(report.render(), highlight=False, soft_wrap=True)
