"""The web application: the API, the pages and their static files, over one database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph._version import __version__
from newsgraph.events.confidence import load_confidence_model
from newsgraph.web import alerts, api, pages
from newsgraph.web.database import WebDatabase
from newsgraph.web.errors import install_error_handlers
from newsgraph.web.posting import Poster

__all__ = ["create_app", "STATIC"]

STATIC = Path(__file__).resolve().parent / "static"


def create_app(
    db: Path, *, token: str | None = None, today: date | None = None, event_threshold: float | None = None
) -> FastAPI:
    """The app serving ``db``: read-only, unless ``token`` is given, which lets a client holding
    it ingest articles with ``POST /api/documents``. Events with a confidence under
    ``event_threshold`` (default: the confidence model's threshold) are hidden unless asked for."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    threshold = load_confidence_model().threshold if event_threshold is None else event_threshold
    if not 0 <= threshold <= 1:
        raise ValueError(f"the event threshold must be between 0 and 1, got {threshold}")
    database = WebDatabase(db, writable=token is not None)
    poster = Poster(database, today, threshold)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            poster.close()
            database.close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Documents, actors, quotes, events and stories extracted from news articles, each with "
        "the document and the sentence it came from. Every error is {\"error\": {\"status\", \"code\", \"message\"}}.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    app.state.token = token
    app.state.event_threshold = threshold
    app.state.poster = poster
    app.state.pages = pages.Pages()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(alerts.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
