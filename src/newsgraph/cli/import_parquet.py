"""``newsgraph import-parquet DIR``: load the Parquet dataset of a cluster run into the database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import (
    CONFIG_OPTION,
    DB_OPTION,
    err_console,
    handle_errors,
    plain,
    settings_from,
)
from newsgraph.cli.ingest import link_line

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("import-parquet")(import_parquet_command)


@handle_errors
def import_parquet_command(
    dataset: str = typer.Argument(..., help="The --out folder (or fsspec URL) of `newsgraph ingest --engine dask`."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Load a Parquet dataset written by a cluster run into the database, in one transaction.
    Importing the same dataset again changes nothing."""
    from newsgraph.cluster import import_parquet

    settings = settings_from(config, db=db)
    summary = import_parquet(dataset, settings)
    err_console.print(
        f"{summary.documents} new document(s) ({summary.versions} new version(s) of edited sources), "
        f"{summary.sources} new source(s) in {summary.seconds:.1f} s; the dataset records {summary.failures} "
        f"failed article(s) -> {plain(settings.db)}",
        highlight=False,
    )
    if summary.linked is not None and summary.linked.documents:
        err_console.print(link_line(summary.linked), highlight=False)
