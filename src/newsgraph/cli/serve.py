"""``newsgraph serve``: the web pages and HTTP API over a database."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli._common import CONFIG_OPTION, DB_OPTION, err_console, handle_errors, plain, settings_from
from newsgraph.errors import ConfigError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


@handle_errors
def serve_command(
    db: Optional[Path] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: Optional[str] = typer.Option(
        None, "--token", envvar="NEWSGRAPH_TOKEN",
        help="Accept articles by POST /api/documents from clients sending this token (the database is then "
        "opened for writing); without it the server is read-only.",
    ),
    event_threshold: Optional[float] = typer.Option(
        None, "--event-threshold", min=0.0, max=1.0,
        help="Hide events with a confidence under this (0-1) unless a page or request asks for every event "
        "(default: the event_threshold setting).",
    ),
    max_article_mb: Optional[float] = typer.Option(
        None, "--max-article-mb", help="Largest body POST /api/documents reads, in MB (larger: 413)."
    ),
    max_article_seconds: Optional[float] = typer.Option(
        None, "--max-article-seconds", help="Most CPU time one posted article may take (longer: reported and skipped)."
    ),
    config: Optional[Path] = CONFIG_OPTION,
) -> None:
    """Serve the pages (article, actor, timeline, story, search) and the HTTP API over a database."""
    import uvicorn

    from newsgraph.web import create_app

    settings = settings_from(
        config, db=db, event_threshold=event_threshold, max_article_mb=max_article_mb, max_article_seconds=max_article_seconds
    )
    if token is not None and len(token.strip()) < 8:
        raise ConfigError("--token must be at least 8 characters")
    app = create_app(settings.db, token=token, event_threshold=settings.event_threshold,
                     max_body_bytes=settings.max_article_bytes, max_article_seconds=settings.max_article_seconds)
    mode = "ingest by POST /api/documents with the token" if token else "read-only"
    err_console.print(f"newsgraph: serving {plain(settings.db)} ({mode}) at http://{host}:{port}/ "
                      f"(API description: http://{host}:{port}/openapi.json)", highlight=False)
    if not app.state.database.search_ready:
        err_console.print(f"note: the search index does not cover every row; run `newsgraph index --db {plain(settings.db)}` "
                          "(until then search scans the text, more slowly)", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
