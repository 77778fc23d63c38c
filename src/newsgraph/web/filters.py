"""Filters and paging shared by the API and the pages, turned into SQL with bound parameters.

Every value a user gives goes into the query as a parameter, never into its text. Date filters
compare at the stored value's own precision, so "1987-03" lies between 1987-03-01 and 1987-03-31.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from newsgraph.errors import NewsgraphError
from newsgraph.dates.bounds import DateBoundError, check_date_range

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "DEFAULT_LIMIT", "MAX_DOWNLOAD", "Page", "Where", "Filters", "fetch_dicts", "fetch_page", "parse_dyad", "BadRequest",
           "NotFound", "too_many", "confidence_floor", "confident", "over_threshold"]

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_DOWNLOAD = 100_000
"""The most rows one download (``format=csv`` or ``json``) holds; past it the filters must narrow."""
MAX_OFFSET = 2**53 - 1
"""The largest offset taken: the largest whole number a JavaScript client reads exactly, and far
below the signed 64-bit limit of the database's OFFSET."""


class BadRequest(NewsgraphError):
    """A filter or paging value the API cannot use (HTTP 400)."""


class NotFound(NewsgraphError):
    """No record with the id asked for (HTTP 404)."""


@dataclass(frozen=True)
class Page:
    """One page of results and the total number matching; for a listing of events filtered by
    confidence, ``hidden_events`` is how many more would match without that filter; for a search
    of several kinds, ``counts`` is how many of each kind match."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    hidden_events: int | None = None
    counts: dict[str, int] | None = None

    @property
    def next_offset(self) -> int | None:
        following = self.offset + self.limit
        return following if following < self.total else None

    def to_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"total": self.total, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                 "items": self.items}
        if self.hidden_events is not None:
            found["hidden_events"] = self.hidden_events
        if self.counts is not None:
            found["counts"] = self.counts
        return found


@dataclass
class Where:
    """SQL conditions joined by AND, and their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    parameters: list[Any] = field(default_factory=list)

    def add(self, clause: str, *parameters: Any) -> None:
        self.clauses.append(clause)
        self.parameters.extend(parameters)

    def sql(self) -> str:
        return "WHERE " + " AND ".join(self.clauses) if self.clauses else ""

    def confident(self, alias: str, min_confidence: float | None) -> None:
        """Keep the events (aliased ``alias``) at or over ``min_confidence``, or of unknown confidence."""
        if min_confidence:
            self.add(f"({alias}.confidence IS NULL OR {alias}.confidence >= ?)", min_confidence)

    def date_range(self, column: str, start: str | None, end: str | None) -> None:
        """Keep the rows whose time in ``column`` meets the period from ``start`` to ``end``, each at
        the other's precision ("1987-03" meets "1987-03-26"); an ISO week ("2024-W25") from its
        Monday to its Sunday."""
        if start:
            last = _week_day(column, 6)
            self.add(f"{column} IS NOT NULL AND left({last}, length(?)) >= left(?, length({last}))", start, start)
        if end:
            first = _week_day(column, 0)
            self.add(f"{column} IS NOT NULL AND left({first}, length(?)) <= left(?, length({first}))", end, end)


def _week_day(column: str, day: int) -> str:
    """SQL for ``column``, with an ISO week ("2024-W25") read as one of its days (0 its Monday)."""
    return (f"CASE WHEN {column} LIKE '____-W__' THEN strftime(date_trunc('week', make_date(CAST(left({column}, 4) AS INTEGER), 1, 4)) "
            f"+ to_days(7 * (CAST(right({column}, 2) AS INTEGER) - 1) + {day}), '%Y-%m-%d') ELSE {column} END")


@dataclass(frozen=True)
class Filters:
    """What a listing can be narrowed by; each listing uses the filters that apply to it."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    q: str | None = None
    doc: str | None = None
    story: str | None = None
    location: str | None = None
    min_confidence: float | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    download: bool = False
    """Every matching row (up to :data:`MAX_DOWNLOAD`), not one page: for a CSV or JSON download."""

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise BadRequest(f"offset must be between 0 and {MAX_OFFSET}, got {self.offset}")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise BadRequest(f"min_confidence must be a number from 0 to 1, got {self.min_confidence}")
        try:
            check_date_range(self.date_from, self.date_to)
        except DateBoundError as error:
            raise BadRequest(str(error)) from None

    def paging(self) -> str:
        if self.download:
            return f"LIMIT {MAX_DOWNLOAD + 1}"
        return f"LIMIT {self.limit} OFFSET {self.offset}"


def confidence_floor(min_confidence: float | None, threshold: float) -> float:
    """The confidence a request keeps events from: the one it asks for, else the server's threshold."""
    return threshold if min_confidence is None else min_confidence


def confident(event: dict[str, Any], min_confidence: float | None) -> bool:
    """Whether an event row is at or over ``min_confidence``; an event of unknown confidence (stored
    before events had one) always is, so an old database does not go empty."""
    return not min_confidence or event["confidence"] is None or event["confidence"] >= min_confidence


def over_threshold(events: list[dict[str, Any]], min_confidence: float | None) -> tuple[list[dict[str, Any]], int]:
    """The event rows at or over ``min_confidence``, and how many were left out."""
    kept = [event for event in events if confident(event, min_confidence)]
    return kept, len(events) - len(kept)


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """``SOURCE,TARGET`` (two actor ids or names) as a pair."""
    if value is None or not value.strip():
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise BadRequest(f"dyad must be two actors separated by a comma (source,target), got {value!r}")
    return parts[0], parts[1]


def fetch_dicts(
    cursor: duckdb.DuckDBPyConnection, sql: str, parameters: list[Any] | dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts keyed by column name."""
    result = cursor.execute(sql, parameters or [])
    columns = [column[0] for column in result.description]
    return [dict(zip(columns, row)) for row in result.fetchall()]


def fetch_page(
    cursor: duckdb.DuckDBPyConnection, select: str, source: str, where: Where, order: str, filters: Filters,
    leading: list[Any] | None = None,
) -> Page:
    """``SELECT select FROM source where ORDER BY order`` paged by ``filters``, with the total.

    Two queries, a count and a top-N, rather than one with a window count: the window makes
    DuckDB keep every matching row, the top-N keeps only the page. ``leading`` are parameters that
    ``source`` itself takes.
    """
    parameters = [*(leading or []), *where.parameters]
    counted = cursor.execute(f"SELECT count(*) FROM {source} {where.sql()}", parameters).fetchone()
    total = int(counted[0]) if counted else 0
    if filters.download:
        too_many(total)
    rows = fetch_dicts(
        cursor, f"SELECT {select} FROM {source} {where.sql()} ORDER BY {order} {filters.paging()}", parameters
    ) if total > filters.offset or filters.download else []
    return Page(rows, total, filters.limit, filters.offset)


def too_many(total: int) -> None:
    """Refuse a download of more than :data:`MAX_DOWNLOAD` rows."""
    if total > MAX_DOWNLOAD:
        raise BadRequest(f"{total} rows match, more than one download holds ({MAX_DOWNLOAD}); narrow the filters "
                         "(dates, type, actor) or use `newsgraph export` for everything")
