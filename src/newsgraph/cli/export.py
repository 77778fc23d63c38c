"""``newsgraph export``: write the stored records per the export contract."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from
from newsgraph.errors import NewsgraphError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("export")(export_command)


@handle_errors
def export_command(
    # The help names the formats and layouts in words: importing the exporter (DuckDB, Arrow) to
    # list them would slow every `newsgraph --help`.
    fmt: str = typer.Option(
        "jsonl", "--format", help="jsonl (one JSON object per line), csv or parquet (one file per record kind); "
        "with --table also json."),
    out: Optional[Path] = typer.Option(
        None, "--out", help="Output file for jsonl (default: standard output); a folder for csv and parquet; "
        "with --table, one file (standard output for csv, json and jsonl when omitted)."
    ),
    table: Optional[str] = typer.Option(
        None, "--table", help="Instead of every record, one flat table of the events: events, dyads or gdelt "
        "(one row per event, per source-target pair, or per pair in GDELT 2.0's columns).",
    ),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Export documents (and every extracted record) as JSON Lines, CSV or Parquet; or, with
    --table, the events as one flat table for analysis."""
    from newsgraph.export import FLAT_FORMATS, LAYOUTS, export, export_table

    settings = settings_from(config, db=db)
    if table is not None:
        if table not in LAYOUTS:
            raise NewsgraphError(f"--table must be one of {', '.join(LAYOUTS)}, not {table!r}")
        if fmt not in FLAT_FORMATS:
            raise NewsgraphError(f"--table writes one of {', '.join(FLAT_FORMATS)}, not {fmt!r}")
        count = export_table(settings.db, table, fmt, out)
        if out is not None:
            err_console.print(f"{count} row(s) -> {plain(out)}", highlight=False)
        return
    count = export(settings.db, fmt, out)
    if out is not None:
        err_console.print(f"{count} record(s) -> {plain(out)}", highlight=False)
