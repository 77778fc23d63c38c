"""``newsgraph link``: link the documents not linked yet across outlets (``ingest`` does this by
itself unless ``--no-link``); ``--rebuild`` forgets every link first and relinks everything."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, settings_from
from newsgraph.cli.ingest import link_line

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("link")(link_command)


@handle_errors
def link_command(
    rebuild: bool = typer.Option(False, "--rebuild", help="Forget every link and relink all documents."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Show a progress bar (on a terminal)."
    ),
) -> None:
    """Find near-duplicates, stories, event and quotation clusters and contested claims."""
    from newsgraph.linking import link, unlink_all
    from newsgraph.store import Store

    settings = settings_from(config, db=db, progress=progress)
    show_bar = settings.progress and err_console.is_terminal
    with Store(settings.db) as store:
        if rebuild:
            unlink_all(store)
        with Progress(
            TextColumn("linking"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=not show_bar,
            transient=True,
        ) as bar:
            task = bar.add_task("link", total=None)
            summary = link(
                store,
                batch_size=settings.batch_size,
                on_batch=lambda done, total: bar.update(task, completed=done, total=total),
                event_threshold=settings.event_threshold,
            )
    err_console.print(
        link_line(summary) if summary.documents else "nothing to link: every document is linked", highlight=False
    )
