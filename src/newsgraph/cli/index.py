"""``newsgraph index``: (re)build the full-text search index of a database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("index")(index_command)


@handle_errors
def index_command(db: Optional[Path] = DB_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """Rebuild the full-text index over quotes, events and documents (ingest keeps it current; this
    is for databases made by an older newsgraph)."""
    from newsgraph.store import Store
    from newsgraph.store.search import rebuild_search_index

    settings = settings_from(config, db=db)
    with Store(settings.db, read_only=True):
        pass  # a clear error when there is no database yet, before creating one
    with Store(settings.db) as store:
        counts = rebuild_search_index(store.db)
    err_console.print("indexed " + ", ".join(f"{rows} {table}" for table, rows in counts.items()) + f" in {plain(settings.db)}",
                      highlight=False)
