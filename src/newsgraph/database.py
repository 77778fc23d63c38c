"""Reading a newsgraph database from Python: what :func:`newsgraph.open` returns.

Every listing runs the HTTP API's own query (:mod:`newsgraph.web.queries`,
:mod:`newsgraph.web.links`) with the same filters, and returns :class:`Results`: the rows as dicts,
with ``total``, convertible to an Arrow table or a pandas DataFrame. Where the API pages (at most
500 rows a request), a listing here returns every row unless given a ``limit``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    import duckdb
    import pandas
    import pyarrow

    from newsgraph.web.database import WebDatabase
    from newsgraph.web.filters import Filters, Page

__all__ = ["Database", "Results"]


@dataclass(frozen=True)
class Results(Sequence[dict[str, Any]]):
    """The rows a listing found (each a dict keyed by column), in the listing's order.

    ``total`` counts every row matching the filters (more than ``len(results)`` when a ``limit``
    or ``offset`` was given); for events, ``hidden_events`` counts those the confidence filter
    left out.

    >>> results = Results([{"id": "event_1", "type": "CONSULT"}, {"id": "event_2", "type": "AGREE"}], total=2)
    >>> results.to_arrow().column_names
    ['id', 'type']
    >>> results.to_pandas()["type"].tolist()
    ['CONSULT', 'AGREE']
    """

    rows: list[dict[str, Any]]
    total: int
    hidden_events: int | None = None

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        return self.rows[index]

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def to_arrow(self) -> pyarrow.Table:
        """The rows as an Arrow table, one column per key (lists stay lists)."""
        import pyarrow

        return pyarrow.Table.from_pylist(self.rows)

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (pandas must be installed: ``pip install pandas``)."""
        try:
            import pandas  # noqa: F401 - only to say clearly that it is missing
        except ImportError:
            from newsgraph.errors import NewsgraphError

            raise NewsgraphError("to_pandas needs pandas, which is not installed; pip install pandas") from None
        return self.to_arrow().to_pandas()


class Database:
    """A newsgraph database open read-only; several may read one file at once. Use as a context
    manager, or call :meth:`close`. Built by :func:`newsgraph.open`.

    Filters are those of the HTTP API: ``actor`` (an id such as ``country:USA``, or a name),
    ``dyad`` (source and target actors), ``type``, ``status``, ``outlet``, ``date_from`` and
    ``date_to`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive, compared at the stored date's
    precision), ``q`` (full-text search words), ``doc`` and ``story`` (ids). What returns events
    takes ``min_confidence`` (default: the database's ``event_threshold``; ``0``: every event).
    A bad filter raises :class:`~newsgraph.web.filters.BadRequest`, an unknown id
    :class:`~newsgraph.web.filters.NotFound` (both :class:`~newsgraph.errors.NewsgraphError`).
    """

    def __init__(self, path: Path, *, event_threshold: float | None = None) -> None:
        from newsgraph.events.confidence import load_confidence_model
        from newsgraph.web.database import WebDatabase

        self.path = path
        self.event_threshold = load_confidence_model().threshold if event_threshold is None else event_threshold
        self._db: WebDatabase = WebDatabase(path)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def counts(self) -> dict[str, int]:
        """How many documents, actors, quotes, events, stories, clusters and claims it holds."""
        from newsgraph.web import queries

        with self._db.cursor() as cursor:
            return queries.counts(cursor)

    # Listings

    def documents(self, *, q: str | None = None, outlet: str | None = None, actor: str | None = None,
                  date_from: str | None = None, date_to: str | None = None, story: str | None = None,
                  limit: int | None = None, offset: int = 0) -> Results:
        """Documents, newest first (without their text: :meth:`document` has it)."""
        from newsgraph.web import queries

        return self._listing(lambda cursor, page: queries.list_documents(cursor, page, search_ready=self._db.search_ready),
                             limit, offset, q=q, outlet=outlet, actor=actor, date_from=date_from, date_to=date_to,
                             story=story)

    def actors(self, *, q: str | None = None, type: str | None = None, limit: int | None = None,
               offset: int = 0) -> Results:
        """Actors, most mentioned first; ``q`` is part of a name or an alias, ``type`` ``country``,
        ``person``, ``organization``..."""
        from newsgraph.web import queries

        return self._listing(lambda cursor, page: queries.list_actors(cursor, page, search_ready=self._db.search_ready),
                             limit, offset, q=q, type=type)

    def quotes(self, *, actor: str | None = None, kind: str | None = None, doc: str | None = None,
               outlet: str | None = None, date_from: str | None = None, date_to: str | None = None,
               q: str | None = None, story: str | None = None, limit: int | None = None, offset: int = 0) -> Results:
        """Quotations, newest article first; ``actor`` is the speaker, ``kind`` ``direct``,
        ``partial`` or ``indirect``."""
        from newsgraph.web import queries

        return self._listing(lambda cursor, page: queries.list_quotes(cursor, page, search_ready=self._db.search_ready),
                             limit, offset, actor=actor, type=kind, doc=doc, outlet=outlet, date_from=date_from,
                             date_to=date_to, q=q, story=story)

    def events(self, *, actor: str | None = None, dyad: tuple[str, str] | str | None = None, type: str | None = None,
               status: str | None = None, outlet: str | None = None, date_from: str | None = None,
               date_to: str | None = None, q: str | None = None, doc: str | None = None, story: str | None = None,
               min_confidence: float | None = None, limit: int | None = None, offset: int = 0) -> Results:
        """Events in time order (the event's date, else its article's); ``dyad`` is ``(source,
        target)`` or ``"SOURCE,TARGET"``, ``type`` a PLOVER type, ``status`` ``asserted``,
        ``planned``, ``alleged``, ``denied`` or ``hypothetical``."""
        from newsgraph.web import queries
        from newsgraph.web.filters import parse_dyad

        return self._listing(lambda cursor, page: queries.list_events(cursor, page, search_ready=self._db.search_ready),
                             limit, offset, actor=actor, dyad=parse_dyad(dyad) if isinstance(dyad, str) else dyad,
                             type=type, status=status, outlet=outlet, date_from=date_from, date_to=date_to, q=q,
                             doc=doc, story=story, min_confidence=self._floor(min_confidence))

    def stories(self, *, q: str | None = None, outlet: str | None = None, actor: str | None = None,
                date_from: str | None = None, date_to: str | None = None, limit: int | None = None,
                offset: int = 0) -> Results:
        """Stories, most widely reported first; ``q`` is part of the title."""
        from newsgraph.web import links

        return self._listing(links.list_stories, limit, offset, q=q, outlet=outlet, actor=actor, date_from=date_from,
                             date_to=date_to)

    def search(self, q: str, *, kind: str = "all", min_confidence: float | None = None,
               limit: int | None = None, offset: int = 0) -> Results:
        """Events, quotations and articles (``kind="all"``), or one kind (``"events"``,
        ``"quotes"``, ``"documents"``), matching the words ``q``, best match first."""
        from newsgraph.web import search

        return self._listing(lambda cursor, page: search.search(cursor, q, kind, page, search_ready=self._db.search_ready),
                             limit, offset, min_confidence=self._floor(min_confidence))

    # One record

    def document(self, doc_id: str, *, raw: bool = False, min_confidence: float | None = None) -> dict[str, Any]:
        """One document with its text (and ``raw_text`` if ``raw``), mentions, quotations, events
        (with ``hidden_events``), places, times, near-duplicates and story."""
        from newsgraph.web import queries
        from newsgraph.web.filters import over_threshold

        with self._db.cursor() as cursor:
            found = queries.get_document(cursor, doc_id, raw=raw)
        found["events"], found["hidden_events"] = over_threshold(found["events"], self._floor(min_confidence))
        return found

    def actor(self, actor_id: str, *, min_confidence: float | None = None) -> dict[str, Any]:
        """One actor with its relations: whom it met, accused, supported or threatened..."""
        from newsgraph.web import queries
        from newsgraph.web.relations import hidden_relation_events, relations

        floor = self._floor(min_confidence)
        ready = self._db.search_ready
        with self._db.cursor() as cursor:
            found = queries.get_actor(cursor, actor_id, search_ready=ready)
            found["relations"] = [relation.to_json() for relation in relations(
                cursor, actor_id, summaries_ready=ready, min_confidence=floor)]
            found["hidden_events"] = hidden_relation_events(cursor, actor_id, floor, summaries_ready=ready)
        return found

    def event(self, event_id: str) -> dict[str, Any]:
        """One event, with its cluster: the same event in other articles."""
        from newsgraph.web import queries

        with self._db.cursor() as cursor:
            return queries.get_event(cursor, event_id)

    def story(self, story_id: str, *, min_confidence: float | None = None) -> dict[str, Any]:
        """One story: its articles, events, event and quotation clusters, and contested claims."""
        from newsgraph.web import links
        from newsgraph.web.filters import over_threshold

        with self._db.cursor() as cursor:
            found = links.get_story(cursor, story_id, summaries_ready=self._db.search_ready)
        found["events"], found["hidden_events"] = over_threshold(found["events"], self._floor(min_confidence))
        return found

    def _floor(self, min_confidence: float | None) -> float:
        return self.event_threshold if min_confidence is None else min_confidence

    def _listing(self, query: Callable[[duckdb.DuckDBPyConnection, Filters], Page], limit: int | None, offset: int,
                 **filters: Any) -> Results:
        """Every row ``query`` finds with these :class:`~newsgraph.web.filters.Filters` from
        ``offset`` on (the first ``limit`` if given), read a page of at most the API's largest
        page at a time."""
        from newsgraph.web.filters import MAX_LIMIT, BadRequest, Filters

        if limit is not None and limit < 1:
            raise BadRequest(f"limit must be 1 or more, got {limit}")
        rows: list[dict[str, Any]] = []
        with self._db.cursor() as cursor:
            while True:
                wanted = MAX_LIMIT if limit is None else min(MAX_LIMIT, limit - len(rows))
                page = query(cursor, Filters(**filters, limit=wanted, offset=offset + len(rows)))
                rows.extend(page.items)
                if page.next_offset is None or not page.items or (limit is not None and len(rows) >= limit):
                    return Results(rows, page.total, page.hidden_events)
