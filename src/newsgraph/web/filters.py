"""Filters and paging shared by the API and the pages, turned into SQL with bound parameters.

Every value a user gives goes into the query as a parameter, never into its text. Date filters
compare at the stored value's own precision, so "1987-03" lies between 1987-03-01 and 1987-03-31.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from newsgraph.errors import NewsgraphError

__all__ = ["MAX_LIMIT", "MAX_OFFSET", "DEFAULT_LIMIT", "Page", "Where", "Filters", "fetch_dicts", "fetch_page", "parse_dyad", "BadRequest",
           "NotFound"]

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 2**53 - 1
"""The largest offset taken: the largest whole number a JavaScript client reads exactly, and far
below the signed 64-bit limit of the database's OFFSET."""


class BadRequest(NewsgraphError):
    """A filter or paging value the API cannot use (HTTP 400)."""


class NotFound(NewsgraphError):
    """No record with the id asked for (HTTP 404)."""


@dataclass(frozen=True)
class Page:
    """One page of results and the total number matching."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        following = self.offset + self.limit
        return following if following < self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                "items": self.items}


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

    def date_range(self, column: str, start: str | None, end: str | None) -> None:
        if start:
            self.add(f"{column} IS NOT NULL AND left({column}, length(?)) >= left(?, length({column}))", start, start)
        if end:
            self.add(f"{column} IS NOT NULL AND left({column}, length(?)) <= left(?, length({column}))", end, end)


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
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}, got {self.limit}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise BadRequest(f"offset must be between 0 and {MAX_OFFSET}, got {self.offset}")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _is_date_prefix(value):
                raise BadRequest(f"{name} must be a date like 1987-03-26, 1987-03 or 1987, got {value!r}")

    def paging(self) -> str:
        return f"LIMIT {self.limit} OFFSET {self.offset}"


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """``SOURCE,TARGET`` (two actor ids or names) as a pair."""
    if value is None or not value.strip():
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise BadRequest(f"dyad must be two actors separated by a comma (source,target), got {value!r}")
    return parts[0], parts[1]


def _is_date_prefix(value: str) -> bool:
    pieces = value.split("-")
    sizes = [4, 2, 2][: len(pieces)]
    return 1 <= len(pieces) <= 3 and all(len(piece) == size and piece.isdigit() for piece, size in zip(pieces, sizes))


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
    rows = fetch_dicts(
        cursor, f"SELECT {select} FROM {source} {where.sql()} ORDER BY {order} {filters.paging()}", parameters
    ) if total > filters.offset else []
    return Page(rows, total, filters.limit, filters.offset)
