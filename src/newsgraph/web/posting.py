"""Ingest through the API: JSON articles posted by a client holding the server's token.

Each article is checked like a line of a JSON Lines file (a ``text``, and optional ``title``,
``url``, ``date``, ``outlet``, ``authors``, ``language``). Its source is its ``url`` when given,
else ``api#`` and a hash of the article, so posting the same article again changes nothing and
posting an edited article under the same url stores a new version of it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date
from typing import Any

from starlette.requests import Request

from newsgraph.ingestion import ingest_articles
from newsgraph.readers.jsonl import read_record
from newsgraph.records import RawArticle
from newsgraph.web.database import WebDatabase
from newsgraph.web.errors import ApiError
from newsgraph.web.filters import BadRequest
from newsgraph.workers import Processor

__all__ = ["MAX_ARTICLES", "token_matches", "read_json_body", "articles_from", "Poster"]

MAX_ARTICLES = 500


def token_matches(expected: str, authorization: str | None) -> bool:
    """Whether an ``Authorization: Bearer TOKEN`` header carries the expected token."""
    if not authorization or not authorization.startswith("Bearer "):
        return False
    return hmac.compare_digest(authorization.removeprefix("Bearer ").strip().encode(), expected.encode())


async def read_json_body(request: Request, max_bytes: int) -> Any:
    """The request's JSON body, read only up to ``max_bytes``: a body announced or found to be
    larger is refused (413) as soon as that is known, without reading the rest."""
    too_large = ApiError(413, f"the body is over the server's limit of {max_bytes:,} bytes (its max_article_mb); "
                              "send the articles in smaller parts")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise too_large
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest(f"the body is not JSON: {error}; send a JSON object {{\"articles\": [...]}}") from None


def articles_from(payload: Any) -> list[RawArticle]:
    """The articles of a posted body ``{"articles": [...]}``; raises :class:`BadRequest` naming
    the first bad one (nothing is stored unless every article is good)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("articles"), list):
        raise BadRequest('send a JSON object {"articles": [{"text": ..., "title": ..., ...}, ...]}')
    items = payload["articles"]
    if not items:
        raise BadRequest("articles is empty; send at least one article")
    if len(items) > MAX_ARTICLES:
        raise BadRequest(f"at most {MAX_ARTICLES} articles per request, got {len(items)}; send them in parts")
    articles = []
    for number, item in enumerate(items):
        line = json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")
        url = item.get("url") if isinstance(item, dict) else None
        where = url if isinstance(url, str) and url.strip() else "api#" + hashlib.sha256(line).hexdigest()[:16]
        found = read_record(where, line)
        if isinstance(found, RawArticle):
            articles.append(found)
        else:
            raise BadRequest(f"articles[{number}]: {found.problem}")
    return articles


class Poster:
    """Runs posted articles through the pipeline into the server's (writable) database.

    The pipeline, and so the language model, loads on the first post, not at start-up.
    """

    def __init__(
        self,
        database: WebDatabase,
        today: date | None = None,
        event_threshold: float | None = None,
        *,
        max_article_seconds: float | None = None,
    ) -> None:
        self.database = database
        self.today = today
        self.event_threshold = event_threshold
        self.max_article_seconds = max_article_seconds
        self._processor: Processor | None = None

    def post(self, payload: Any) -> dict[str, Any]:
        articles = articles_from(payload)
        with self.database.write_lock:
            if self._processor is None:
                self._processor = Processor(1, self.today or date.today(), max_article_seconds=self.max_article_seconds)
            summary = ingest_articles(articles, self.database.store, self._processor,
                                      event_threshold=self.event_threshold)
            self.database.refresh()
            known = self.database.store.known_sources([(article.source, article.raw_sha) for article in articles])
        return {
            "new": summary.new,
            "unchanged": summary.unchanged,
            "failed": [{"source": failure.source, "problem": failure.problem} for failure in summary.failed],
            "documents": [
                {"source": article.source, "doc_id": known.get((article.source, article.raw_sha))} for article in articles
            ],
        }

    def close(self) -> None:
        if self._processor is not None:
            self._processor.__exit__(None, None, None)
