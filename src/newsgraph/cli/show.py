"""``newsgraph show DOC``: one article's actors and quotations, to check the work at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, plain, settings_from

if TYPE_CHECKING:
    from newsgraph.views import DocumentView

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)


@handle_errors
def show_command(
    doc: str = typer.Argument(..., help="A document id (or its first characters) or a source path."),
    indirect: bool = typer.Option(False, "--indirect", help="Also list indirect speech."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Print a document's actors and, for each quotation, the speaker and the words."""
    from newsgraph.store import Store
    from newsgraph.views import document_view

    settings = settings_from(config, db=db)
    with Store(settings.db, read_only=True) as store:
        view = document_view(store, doc)
    _render(view, Console(), indirect)


def _render(view: DocumentView, console: Console, indirect: bool) -> None:
    document = view.document
    console.print(f"[bold]{plain(document['title'] or '(no title)')}[/bold]", highlight=False)
    console.print(
        plain(
            f"{document['id']} · {document['outlet'] or 'outlet unknown'} · {document['published'] or 'date unknown'}"
            f" · {document['source']}"
        ),
        highlight=False,
    )
    actors = Table(title="Actors", title_justify="left")
    for column in ("actor", "type", "code", "mentions", "as written"):
        actors.add_column(column, overflow="fold")
    for line in view.actors:
        name = f"{line.name} ({line.role})" if line.role else line.name
        actors.add_row(*map(plain, (name, line.type, line.code or "", line.mentions, "; ".join(line.forms))))
    console.print(actors)
    quotes = Table(title="Quotations", title_justify="left")
    for column in ("speaker", "kind", "words"):
        quotes.add_column(column, overflow="fold")
    for quote in view.quotes:
        if quote.kind == "indirect" and not indirect:
            continue
        speaker = quote.speaker or f"? ({quote.speaker_text})" if quote.speaker_text else quote.speaker or "?"
        if not quote.speaker and quote.unresolved_reason:
            speaker = f"{speaker}: {quote.unresolved_reason}"
        if quote.speaker and quote.speaker_text and quote.speaker_text != quote.speaker:
            speaker = f"{quote.speaker} ← “{quote.speaker_text}”"
        where = " (title)" if quote.field == "title" else ""
        quotes.add_row(*map(plain, (speaker, quote.kind + where, f"“{quote.words}”")))
    console.print(quotes)
    events = Table(title="Events", title_justify="left")
    for column in ("event", "who → whom", "status", "date", "trigger", "confidence"):
        events.add_column(column, overflow="fold")
    for event in view.events:
        events.add_row(
            *map(
                plain,
                (
                    f"{event.type} {event.cameo}",
                    f"{', '.join(event.sources) or '?'} → {', '.join(event.targets) or '—'}",
                    event.status,
                    event.date or "",
                    event.trigger,
                    "unknown" if event.confidence is None else f"{event.confidence:.2f}",
                ),
            )
        )
    console.print(events)
