"""``newsgraph bench-pages``: median and 95th-percentile load time of each kind of page."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, settings_from
from newsgraph.store import Store

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("bench-pages")(bench_pages_command)


@handle_errors
def bench_pages_command(
    db: Optional[Path] = DB_OPTION,
    samples: int = typer.Option(30, "--samples", min=1, help="Pages timed per kind of page."),
    seed: int = typer.Option(1, "--seed", help="Seed for choosing which pages to time."),
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Serve a database on a local port and print the median and p95 load time (ms) of each kind
    of page: article, actor, timeline, story, search and the listings."""
    from newsgraph.web.bench import bench_pages, render_timings

    settings = settings_from(config, db=db)
    with Store(settings.db, read_only=True):
        pass  # a clear error when there is no database here
    Console().print(render_timings(bench_pages(settings.db, samples=samples, seed=seed)), highlight=False, markup=False)
