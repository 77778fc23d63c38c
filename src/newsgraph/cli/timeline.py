"""``newsgraph timeline``: events in date order with their status and source sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, plain, settings_from
from newsgraph.store import Store
from newsgraph.views import timeline

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_command)


@handle_errors
def timeline_command(
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor (an id or a name)."),
    between: Optional[tuple[str, str]] = typer.Option(
        None, "--between", help="Only events dated between two ISO dates, e.g. --between 2024-06-01 2024-06-30."
    ),
    undated: bool = typer.Option(False, "--undated", help="Also list events whose sentence gives no date."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Print events in date order: date, type, who to whom, status, place and the sentence."""
    settings = settings_from(config, db=db)
    start, end = between if between else (None, None)
    with Store(settings.db, read_only=True) as store:
        entries = timeline(store, actor=actor, start=start, end=end, undated=undated)
    table = Table(show_lines=True)
    for column in ("date", "event", "who → whom", "status", "where", "sentence"):
        table.add_column(column, overflow="fold")
    for entry in entries:
        table.add_row(
            *map(
                plain,
                (
                    _date(entry.date, entry.date_basis),
                    f"{entry.type} {entry.cameo}",
                    f"{', '.join(entry.sources) or '?'} → {', '.join(entry.targets) or '—'}",
                    entry.status,
                    entry.location or "",
                    entry.evidence,
                ),
            )
        )
    Console().print(table)
    Console(stderr=True).print(f"{len(entries)} event(s)", highlight=False)


def _date(value: str | None, basis: str | None) -> str:
    """The date, with how it was found when not from the event's own sentence."""
    if value is None:
        return "—"
    return value if basis in (None, "sentence") else f"{value} ({basis})"
