"""One JSON error shape for the whole API, and an HTML error page for the pages.

Every API error is ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``: the
HTTP status, a stable code a client can branch on, and a message saying what to do.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from newsgraph.errors import NewsgraphError, StoreError
from newsgraph.web.filters import BadRequest, NotFound

__all__ = ["ApiError", "error_body", "install_error_handlers"]

log = logging.getLogger("newsgraph.web")

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 500: "internal_error", 503: "unavailable"}


class ApiError(NewsgraphError):
    """An error with its HTTP status and code, raised by a route."""

    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def _respond(request: Request, status: int, code: str, message: str) -> Response:
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        return JSONResponse(error_body(status, code, message), status_code=status)
    pages = getattr(request.app.state, "pages", None)
    if pages is None:
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)
    return HTMLResponse(pages.render("error.html", path=request.url.path, status=status, message=message), status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error, expected or not, through :func:`_respond`."""

    async def api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return _respond(request, error.status, error.code, str(error))

    async def bad_request(request: Request, error: Exception) -> Response:
        return _respond(request, 400, "bad_request", str(error))

    async def not_found(request: Request, error: Exception) -> Response:
        return _respond(request, 404, "not_found", str(error))

    async def user_error(request: Request, error: Exception) -> Response:
        return _respond(request, 400, "bad_request", str(error))

    async def store_error(request: Request, error: Exception) -> Response:
        # The server's database cannot be written (a full disk): not the client's fault.
        log.error("%s: %s", request.url.path, error)
        return _respond(request, 503, "unavailable", str(error))

    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem.get("loc", ()) if part not in ("query", "path", "body"))
            problems.append(f"{where}: {problem.get('msg', 'invalid')}" if where else str(problem.get("msg", "invalid")))
        return _respond(request, 400, "bad_request", "; ".join(problems) or "invalid request")

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        status = error.status_code
        message = str(error.detail) if error.detail else "error"
        if status == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; see /openapi.json for the API and / for the pages"
        return _respond(request, status, _CODES.get(status, "error"), message)

    async def unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _respond(request, 500, "internal_error", "the server failed on this request; see its log")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(BadRequest, bad_request)
    app.add_exception_handler(NotFound, not_found)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(NewsgraphError, user_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)
