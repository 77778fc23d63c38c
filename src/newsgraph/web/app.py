"""The web application: the API, the pages and their static files, over one database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from newsgraph._version import __version__
from newsgraph.events.confidence import load_confidence_model
from newsgraph.settings import Settings
from newsgraph.web import alerts, api, pages
from newsgraph.web.database import WebDatabase
from newsgraph.web.errors import install_error_handlers
from newsgraph.web.openapi30 import as_openapi30
from newsgraph.web.posting import Poster

__all__ = ["create_app", "STATIC", "SWAGGER_UI"]

STATIC = Path(__file__).resolve().parent / "static"
SWAGGER_UI = Path(swagger_ui_bundle.swagger_ui_path)
"""Swagger UI's files, from the swagger-ui-bundle package: /docs loads nothing from elsewhere."""


def create_app(
    db: Path,
    *,
    token: str | None = None,
    today: date | None = None,
    event_threshold: float | None = None,
    max_body_bytes: int | None = None,
    max_article_seconds: float | None = Settings.max_article_seconds,
) -> FastAPI:
    """The app serving ``db``: read-only, unless ``token`` is given, which lets a client holding
    it ingest articles with ``POST /api/documents``, in bodies of at most ``max_body_bytes``
    (default: the max_article_mb setting's), each article taking at most ``max_article_seconds``
    of CPU time (longer: reported and skipped; None: no limit). Events with a confidence under
    ``event_threshold`` (default: the confidence model's threshold) are hidden unless asked for."""
    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    threshold = load_confidence_model().threshold if event_threshold is None else event_threshold
    if not 0 <= threshold <= 1:
        raise ValueError(f"the event threshold must be between 0 and 1, got {threshold}")
    database = WebDatabase(db, writable=token is not None)
    poster = Poster(database, today, threshold, max_article_seconds=max_article_seconds)

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
    app.state.max_body_bytes = int(Settings.max_article_mb * 1024 * 1024) if max_body_bytes is None else max_body_bytes
    app.state.poster = poster
    app.state.pages = pages.Pages()
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(alerts.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.mount("/docs-assets", StaticFiles(directory=SWAGGER_UI), name="docs-assets")

    @app.get("/docs/openapi-3.0.json", include_in_schema=False)
    def docs_description() -> JSONResponse:
        # Swagger UI 4 (the bundle's) reads OpenAPI 3.0; /openapi.json itself stays 3.1.
        return JSONResponse(as_openapi30(app.openapi()))

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/docs/openapi-3.0.json", title="newsgraph API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")

    return app
