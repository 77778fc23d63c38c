"""The library's three entry points: :func:`analyze` one text, :func:`ingest` files and web pages
into a database, :func:`open` a database to read it.

Importing this module costs nothing: the language model, the database and the pipeline load when
a function first needs them.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import fields
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import InputError, NewsgraphError

if TYPE_CHECKING:
    from newsgraph.database import Database
    from newsgraph.ingestion import IngestSummary
    from newsgraph.linking import LinkSummary
    from newsgraph.pipeline import Pipeline
    from newsgraph.records import Document

__all__ = ["analyze", "ingest", "open"]

_TEXT_SOURCE = "text"


def analyze(
    text: str,
    *,
    title: str | None = None,
    published: str | date | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> Document:
    """Run the whole per-document pipeline over one article's text, without any database.

    ``text`` is the article as scraped (headline, byline, body, furniture and all: cleaning takes
    out what is not the article). ``title``, ``published`` (an ISO date at any precision,
    ``2024-06-18``, ``2024-06`` or ``2024``, or a :class:`datetime.date`), ``outlet`` and ``url``
    state what is known about it, over what the text says, as ``newsgraph ingest --date --outlet
    --url`` does. Returns the :class:`~newsgraph.records.Document` with its actors, mentions,
    quotations, time expressions, places, amounts and events; raises
    :class:`~newsgraph.errors.InputError` for an empty text or a date that is not one, and
    :class:`~newsgraph.errors.NewsgraphError` when nothing of the article is left after cleaning.

    >>> import newsgraph
    >>> doc = newsgraph.analyze("Vladimir Putin met Kim Jong-un in Pyongyang on Wednesday.", published="2024-06-19")
    >>> event = doc.events[0]
    >>> event.type, event.source_actor_ids, event.target_actor_ids, event.date, event.location_name
    ('CONSULT', ['person:vladimir-putin'], ['person:kim-jong-un'], '2024-06-19', 'Pyongyang')
    """
    from newsgraph.records import RawArticle
    from newsgraph.workers import Failure, analyse

    source = url.strip() if url and url.strip() else _TEXT_SOURCE
    if not text.strip():
        raise InputError(source, "the text is empty", "pass the article's text")
    given: dict[str, Any] = {"encoding": "utf-8"}
    if published is not None:
        given["published"] = _iso_date(published, source)
    for name, value in (("title", title), ("outlet", outlet), ("url", url)):
        if value is not None and value.strip():
            given[name] = " ".join(value.split())
    raw = RawArticle(
        source=source,
        format="text",
        raw_text=text,
        raw_sha=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        given=given,
    )
    [result] = analyse(_pipeline(date.today()), [raw])
    if isinstance(result, Failure):
        raise NewsgraphError(result.problem)
    return result


def ingest(
    paths_or_urls: str | PathLike[str] | Iterable[str | PathLike[str]],
    *,
    db: str | PathLike[str] | None = None,
    workers: int | None = None,
    link: bool | None = None,
    allow_private: bool | None = None,
) -> IngestSummary:
    """Ingest files, folders (recursively) and web pages (``http``/``https`` URLs) into the
    database ``db``, then link the new documents across outlets, as ``newsgraph ingest`` does.

    Settings not given here come from ``./newsgraph.toml`` (or ``$NEWSGRAPH_CONFIG``) when there is
    one, else from the defaults (``db``: ``newsgraph.duckdb``; ``workers``: one per core). A file,
    record or page that cannot be read is a failure listed in the summary's ``failed``; the run
    goes on. Rerunning on the same input changes nothing.

    >>> import tempfile, newsgraph
    >>> from newsgraph.examples import example_folder
    >>> db = Path(tempfile.mkdtemp()) / "news.duckdb"
    >>> summary = newsgraph.ingest(example_folder() / "page.html", db=db, workers=1)
    >>> summary.new, summary.failed
    (1, [])
    >>> newsgraph.ingest(example_folder() / "page.html", db=db, workers=1).unchanged
    1
    """
    from newsgraph.fetch import is_url
    from newsgraph.ingestion import ingest as ingest_files
    from newsgraph.live import ingest_urls
    from newsgraph.settings import load_settings

    items = [paths_or_urls] if isinstance(paths_or_urls, (str, PathLike)) else list(paths_or_urls)
    settings = load_settings(
        None, db=Path(db) if db is not None else None, workers=workers, link=link, allow_private=allow_private,
        progress=False,
    )
    urls = [str(item) for item in items if isinstance(item, str) and is_url(item)]
    paths = [Path(item) for item in items if not (isinstance(item, str) and is_url(item))]
    summaries = []
    if paths or not urls:
        summaries.append(ingest_files(paths, settings))
    if urls:
        summaries.append(ingest_urls(urls, settings))
    return functools.reduce(_combined, summaries)


def open(db: str | PathLike[str], *, event_threshold: float | None = None) -> Database:  # noqa: A001 - newsgraph.open, as sqlite3.connect
    """Open the database ``db`` read-only, to read its documents, actors, quotations, events and
    stories with the filters of the HTTP API (see :class:`~newsgraph.database.Database`).

    Events with a confidence under ``event_threshold`` (default: the confidence model's threshold,
    as for ``newsgraph serve``) are left out unless a query asks for them with ``min_confidence``.
    Raises :class:`~newsgraph.errors.StoreError` when there is no database there, or it was made
    by an older newsgraph (``newsgraph index --db FILE`` brings it up to date).
    """
    from newsgraph.database import Database

    return Database(Path(db), event_threshold=event_threshold)


@functools.lru_cache(maxsize=2)
def _pipeline(today: date) -> Pipeline:
    from newsgraph.pipeline import default_pipeline

    return default_pipeline(today)


def _iso_date(value: str | date, source: str) -> str:
    from newsgraph.dates import PartialDate

    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return PartialDate.from_iso(value).iso()
    except ValueError:
        raise InputError(source, f"published {value!r} is not a date", "give it as 2024-06-18, 2024-06 or 2024") from None


def _combined(first: IngestSummary, second: IngestSummary) -> IngestSummary:
    """One summary of two runs into the same database (files, then web pages)."""
    from newsgraph.ingestion import IngestSummary

    linked = first.linked if second.linked is None else second.linked if first.linked is None else _links(first.linked, second.linked)
    return IngestSummary(
        files=first.files + second.files,
        new=first.new + second.new,
        unchanged=first.unchanged + second.unchanged,
        versions=first.versions + second.versions,
        raw_chars=first.raw_chars + second.raw_chars,
        seconds=first.seconds + second.seconds,
        failed=first.failed + second.failed,
        linked=linked,
        dated_from_stories=first.dated_from_stories + second.dated_from_stories,
    )


def _links(first: LinkSummary, second: LinkSummary) -> LinkSummary:
    from newsgraph.linking import LinkSummary

    added = {field.name: getattr(first, field.name) + getattr(second, field.name) for field in fields(first)
             if not field.name.startswith("touched")}
    return LinkSummary(**added, touched_event_clusters=first.touched_event_clusters | second.touched_event_clusters,
                       touched_quote_clusters=first.touched_quote_clusters | second.touched_quote_clusters)
