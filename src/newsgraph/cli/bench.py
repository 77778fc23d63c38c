"""``newsgraph bench``: measure ingest speed and memory on the Reuters-21578 corpus."""

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
) -> None:
    """Ingest a corpus into a fresh database and print articles/s, MB/s, words/s and peak memory,
    beside the bare parse of the same texts."""
    report = run_benchmark(corpus, sample=sample, db=db, workers=workers)
    Console().print(report.render(), highlight=False)
