"""``newsgraph export``: write the stored records per the export contract."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, settings_from

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


@handle_errors
def export_command(
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (one JSON object per line), csv or parquet (one file per record kind)."),
    out: Optional[Path] = typer.Option(
        None, "--out", help="Output file for jsonl (default: standard output); a folder for csv and parquet."
    ),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Export documents (and every extracted record) as JSON Lines, CSV or Parquet."""
    from newsgraph.export import export

    settings = settings_from(config, db=db)
    count = export(settings.db, fmt, out)
    if out is not None:
        err_console.print(f"{count} record(s) -> {out}", highlight=False)
