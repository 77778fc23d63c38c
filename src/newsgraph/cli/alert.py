"""``newsgraph alert add|list|remove``: the alerts ``watch`` reports on."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from

__all__ = ["register"]

alert_app = typer.Typer(
    help="Alerts: new events and quotations that `watch` reports (terminal, --alerts-out, --webhook, the web page /alerts).",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(alert_app, name="alert")


@alert_app.command("add")
@handle_errors
def add_command(
    name: str = typer.Argument(..., help="A name for the alert (letters, digits, '-', '_', '.')."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Who did it (an event's source) or said it (a quotation's speaker): an actor id or name."),
    target: Optional[str] = typer.Option(None, "--target", help="Whom it was done to (an event's target): an actor id or name."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ACCUSE, THREATEN, ASSAULT."),
    status: Optional[str] = typer.Option(None, "--status", help="asserted, planned, alleged, denied or hypothetical."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", help="Only events with at least this confidence (0-1)."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Add an alert; it matches what is stored from now on. With --target, --type or --status it
    matches events only; otherwise also the quotations of --actor."""
    from newsgraph.alerts import Alert, add_alert
    from newsgraph.store import Store

    settings = settings_from(config, db=db)
    alert = Alert(name, actor=actor, target=target, type=type_, status=status, min_confidence=min_confidence)
    with Store(settings.db) as store:
        add_alert(store, alert)
    err_console.print(f"alert {plain(alert.name)} added: {plain(alert.describe())} -> {plain(settings.db)}", highlight=False, soft_wrap=True)


@alert_app.command("list")
@handle_errors
def list_command(db: Optional[Path] = DB_OPTION, config: Optional[Path] = CONFIG_OPTION) -> None:
    """List the alerts, with the number of matches each has had."""
    from newsgraph.alerts import list_alerts
    from newsgraph.store import Store

    settings = settings_from(config, db=db)
    with Store(settings.db) as store:
        alerts = list_alerts(store)
        counts = dict(store.db.execute("SELECT alert, count(*) FROM alert_matches GROUP BY alert").fetchall())
    table = Table()
    for column in ("name", "criteria", "since", "matches"):
        table.add_column(column, overflow="fold")
    for alert in alerts:
        since = f"{alert.created_at:%Y-%m-%d %H:%M}" if alert.created_at else ""
        table.add_row(*map(plain, (alert.name, alert.describe(), since, counts.get(alert.name, 0))))
    Console().print(table)
    err_console.print(f"{len(alerts)} alert(s)", highlight=False)


@alert_app.command("remove")
@handle_errors
def remove_command(
    name: str = typer.Argument(..., help="The alert's name."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Remove an alert and its recorded matches."""
    from newsgraph.alerts import remove_alert
    from newsgraph.store import Store

    settings = settings_from(config, db=db)
    with Store(settings.db) as store:
        matches = remove_alert(store, name)
    err_console.print(f"alert {plain(name)} removed, with its {matches} match(es)", highlight=False)
