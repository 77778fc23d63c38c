"""``newsgraph story [ID]``: a story's articles side by side; without an id, the most widely reported
stories (most outlets, then most articles), as the web pages list them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, handle_errors, plain, settings_from

if TYPE_CHECKING:
    from newsgraph.views import StoryRow, StoryView

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("story")(story_command)


@handle_errors
def story_command(
    key: Optional[str] = typer.Argument(None, help="A story id, or a document id prefix or source in the story."),
    limit: int = typer.Option(20, "--limit", help="How many stories to list when no id is given."),
    db: Optional[Path] = DB_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Show which outlet reported which event and quotation first, what each left out, and the
    claims one side asserts and another denies."""
    from newsgraph.store import Store
    from newsgraph.views import list_stories, story_view

    settings = settings_from(config, db=db)
    console = Console()
    with Store(settings.db, read_only=True) as store:
        if key is None:
            table = Table("story", "articles", "outlets", "first published", "title")
            for s in list_stories(store, limit=limit):
                table.add_row(*map(plain, (s.id, s.n_articles, s.n_outlets, s.first_published or "—", s.title or "")))
            console.print(table)
            return
        view = story_view(store, key)
    _print_story(console, view)


def _print_story(console: Console, view: StoryView) -> None:
    console.print(
        f"[bold]{plain(view.title or view.id)}[/bold]  "
        + plain(f"{view.id}  {view.first_published or '?'} – {view.last_published or '?'}")
    )
    labels = {a.doc_id: chr(ord("A") + n) if n < 26 else str(n) for n, a in enumerate(view.articles)}
    articles = Table("", "outlet", "published", "title", "fit")
    for a in view.articles:
        articles.add_row(
            *map(plain, (labels[a.doc_id], a.outlet or "—", a.published or "—", a.title or a.doc_id, f"{a.score:.2f}"))
        )
    console.print(articles)
    for heading, rows in (("events", view.events), ("quotations", view.quotes)):
        shared = [r for r in rows if r.n_articles > 1] or rows[:10]
        table = Table(heading, *labels.values(), "articles", "outlets", show_lines=False)
        for row in shared:
            table.add_row(
                *map(plain, (row.label, *(_cell(row, doc_id) for doc_id in labels), row.n_articles, row.n_outlets))
            )
        console.print(table)
        if len(shared) < len(rows):
            console.print(f"... and {len(rows) - len(shared)} {heading} reported by one article only", highlight=False)
    for claim in view.claims:
        console.print(f"[bold red]contested[/bold red] {plain(claim.summary)}", highlight=False)
        for side, actors, doc_id, sentence in claim.sides:
            console.print(
                plain(f"  {labels.get(doc_id, doc_id)} {side} ({', '.join(actors) or 'the article'}): {sentence.strip()}"),
                highlight=False,
            )
    for doc_id, original, similarity in view.near_duplicates:
        console.print(
            plain(f"{labels.get(doc_id, doc_id)} is a near-duplicate of {labels.get(original, original)} ({similarity:.2f})")
        )


def _cell(row: StoryRow, doc_id: str) -> str:
    status = row.by_article.get(doc_id)
    if status is None:
        return "·"
    return status + (" (first)" if doc_id == row.first_doc_id else "")
