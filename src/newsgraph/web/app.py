"""The web application: the API, the pages and their static files, over one database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.settings import Settings
from newsgraph.web import api, pages
from newsgraph.web.database import WebDatabase
from newsgraph.web.errors import install_error_handlers
from newsgraph.web.posting import Poster

__all__ = ["create_app", "STATIC"]

STATIC = Path(__file__).resolve().parent / "static"


def create_app(db: Path, *, token: str | None = None, today: date | None = None,
               max_body_bytes: int = Settings().max_article_bytes,
               max_article_seconds: float = Settings().max_article_seconds) -> FastAPI:
    """The app serving ``db``: read-only, unless ``token`` is given, which lets a client holding
    it ingest articles with ``POST /api/documents``, in bodies of at most ``max_body_bytes``, each
    article taking at most ``max_article_seconds`` of CPU time (longer: reported and skipped)."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    database = WebDatabase(db, writable=token is not None)
    poster = Poster(database, today, max_article_seconds=max_article_seconds)

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
    app.state.max_body_bytes = max_body_bytes
    app.state.poster = poster
    app.state.pages = pages.Pages()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
