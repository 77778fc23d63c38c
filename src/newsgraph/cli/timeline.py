"""``newsgraph timeline``: events in date order with their status and source sentence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, plain, settings_from

if TYPE_CHECKING:
    from newsgraph.views import TimelineEntry

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("timeline")(timeline_command)


@handle_errors
def timeline_command(
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor (an id or a name)."),
    date_from: Optional[str] = typer.Option(
        None, "--date-from", help="Only events dated on or after this day, month or year (2024-06-01, 2024-06, 2024)."
    ),
    date_to: Optional[str] = typer.Option(
        None, "--date-to", help="Only events dated on or before this day, month or year (2024-06-30, 2024-06, 2024)."
    ),
    undated: bool = typer.Option(False, "--undated", help="Also list events whose sentence gives no date."),
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", min=0.0, max=1.0,
        help="Leave out events with a confidence under this (0-1; default: the event_threshold setting).",
    ),
    show_all: bool = typer.Option(False, "--all", help="List every event, whatever its confidence."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Print events in date order: date, type, who to whom, status, place, confidence, the sentence,
    and the article (title, outlet, publication date)."""
    from newsgraph.store import Store
    from newsgraph.views import timeline

    settings = settings_from(config, db=db)
    floor = 0.0 if show_all else settings.event_threshold if min_confidence is None else min_confidence
    with Store(settings.db, read_only=True) as store:
        found = timeline(store, actor=actor, date_from=date_from, date_to=date_to, undated=undated, min_confidence=floor)
    table = Table(show_lines=True)
    for column in ("date", "event", "who → whom", "status", "where", "confidence", "sentence", "article", "outlet"):
        table.add_column(column, overflow="fold")
    for entry in found.entries:
        table.add_row(
            *map(
                plain,
                (
                    _date(entry.date, entry.date_basis),
                    f"{entry.type} {entry.cameo}",
                    f"{', '.join(entry.sources) or '?'} → {', '.join(entry.targets) or '—'}",
                    entry.status,
                    entry.location or "",
                    _confidence(entry),
                    entry.evidence,
                    f"{entry.title or '(no title)'} ({entry.published or 'date unknown'})",
                    entry.outlet or "unknown",
                ),
            )
        )
    Console().print(table)
    hidden = f"; {found.hidden} under confidence {floor:.2f} left out (--all lists them)" if found.hidden else ""
    Console(stderr=True).print(f"{len(found.entries)} event(s){hidden}", highlight=False)


def _confidence(entry: TimelineEntry) -> str:
    return "unknown" if entry.confidence is None else f"{entry.confidence:.2f}"


def _date(value: str | None, basis: str | None) -> str:
    """The date, with how it was found when not from the event's own sentence."""
    if value is None:
        return "—"
    return value if basis in (None, "sentence") else f"{value} ({basis})"
