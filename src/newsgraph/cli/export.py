"""``newsgraph export``: write the stored records per the export contract."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from
from newsgraph.export import FORMATS, export

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


@handle_errors
def export_command(
    fmt: str = typer.Option("jsonl", "--format", help=f"One of: {', '.join(FORMATS)}."),
    out: Optional[Path] = typer.Option(
        None, "--out", help="Output file for jsonl (default: standard output); a folder for csv and parquet."
    ),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Export documents (and every extracted record) as JSON Lines, CSV or Parquet."""
    settings = settings_from(config, db=db)
    count = export(settings.db, fmt, out)
    if out is not None:
        err_console.print(f"{count} record(s) -> {plain(out)}", highlight=False)
