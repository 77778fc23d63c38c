"""``newsgraph demo``: ingest the bundled example articles and print what was found."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import DB_OPTION, handle_errors, plain, settings_from

if TYPE_CHECKING:
    from newsgraph.views import DocumentView

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("demo")(demo_command)


@handle_errors
def demo_command(db: Optional[Path] = DB_OPTION) -> None:
    """Ingest the example articles shipped with newsgraph and print a report of each document."""
    from newsgraph.cli.ingest import print_summary
    from newsgraph.examples import example_folder
    from newsgraph.ingestion import ingest
    from newsgraph.store import Store
    from newsgraph.views import document_view

    settings = settings_from(None, db=db)
    summary = ingest([example_folder()], settings)
    print_summary(summary, settings.db)
    console = Console()
    with Store(settings.db, read_only=True) as store:
        for row in store.iter_document_rows():
            if not row["source"].startswith(str(example_folder())):
                continue
            console.print(_document_table(row, document_view(store, row["id"])))
    console.print(
        plain(
            f"Look closer with: newsgraph show DOC_ID --db {settings.db}; stories across outlets with: "
            f"newsgraph story --db {settings.db}; export it with: newsgraph export --db {settings.db} --format jsonl"
        ),
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(1)


def _document_table(row: dict[str, object], view: DocumentView) -> Table:
    table = Table(title=plain(row["title"] or "(no title)"), show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    confidence = row["published_confidence"]
    published = row["published"] or "unknown"
    if row["published"] and isinstance(confidence, float) and confidence < 1:
        published = f"{published} (inferred, confidence {confidence:.1f})"
    captions = row["captions"]
    assert isinstance(captions, list)
    text = str(row["text"])
    for field, value in (
        ("id", row["id"]),
        ("source", Path(str(row["source"])).name),
        ("outlet", row["outlet"] or "unknown"),
        ("authors", ", ".join(row["authors"]) if row["authors"] else "none stated"),  # type: ignore[arg-type]
        ("dateline", row["dateline"] or "none"),
        ("published", published),
        ("captions", "; ".join(f"{c['text']} [{c['credit']}]" for c in captions) or "none"),
        ("actors", "; ".join(f"{a.name} ({a.code or a.type})" for a in view.actors[:8]) or "none"),
        (
            "quotes",
            "\n".join(
                f"{q.speaker or '?'}: “{q.words}”" for q in view.quotes if q.kind != "indirect"
            ) or "none",
        ),
        (
            "events",
            "\n".join(
                f"{e.type} {', '.join(e.sources) or '?'} → {', '.join(e.targets) or '—'} ({e.status}"
                + (f", {e.date})" if e.date else ")")
                for e in view.events
            ) or "none",
        ),
        ("text", text[:300] + ("…" if len(text) > 300 else "")),
    ):
        table.add_row(field, plain(value))
    return table
