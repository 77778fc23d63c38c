"""A filtered list seen as a whole: facet counts (how many of the matches have each type, status,
outlet, actor, month...), event counts over time by type for the chart, and the places events
happened at for the map. Each reads the same conditions as the list it stands beside, so its
counts add up to the list's total."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from newsgraph.web.filters import Filters, Where
from newsgraph.web.links import actor_names
from newsgraph.web.maps import MapPlace
from newsgraph.web.queries import event_query, outlet_column, when_column

__all__ = ["Facet", "FacetValue", "event_facets", "document_facets", "actor_facets", "story_facets", "event_counts",
           "event_places"]

_SHOWN = 10


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet, how many matches have it, and the filters that narrow to it (None
    when the value cannot be filtered on, as an unknown outlet)."""

    label: str
    count: int
    narrow: dict[str, str] | None


@dataclass(frozen=True)
class Facet:
    """The values of one field among the matches, most frequent first (months in order), and how
    many other values there are."""

    name: str
    label: str
    values: list[FacetValue]
    others: int = 0


def _facet(cursor: duckdb.DuckDBPyConnection, name: str, label: str, sql: str, parameters: list[Any],
           narrow: Any, *, by_value: bool = False, shown: int = _SHOWN) -> Facet:
    """``sql`` returns (value, count) rows; ``narrow(value)`` gives the filters of one value."""
    return _facet_of(name, label, cursor.execute(sql, parameters).fetchall(), narrow, by_value=by_value, shown=shown)


def _facet_of(name: str, label: str, rows: list[Any], narrow: Any, *, by_value: bool = False,
              shown: int = _SHOWN) -> Facet:
    """The facet of (value, count) ``rows``: the most frequent (or, ``by_value``, the last in order)."""
    rows = list(rows)
    rows.sort(key=(lambda row: (row[0] is None, str(row[0]))) if by_value else (lambda row: (-row[1], str(row[0]))))
    kept = rows[-shown:] if by_value else rows[:shown]
    values = [FacetValue(str(value) if value is not None else "unknown", int(count),
                         narrow(value) if value is not None else None) for value, count in kept]
    return Facet(name, label, values, len(rows) - len(kept))


def _grouped(expression: str, source: str, where: Where) -> str:
    return f"SELECT {expression} AS value, count(*) FROM {source} {where.sql()} GROUP BY 1"


def _month_filters(value: str) -> dict[str, str]:
    return {"date_from": value, "date_to": value}


def event_facets(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> list[Facet]:
    """Counts by type, status, outlet, actor and month of the events the filters match."""
    source, leading, where = event_query(cursor, filters, search_ready)
    parameters = [*leading, *where.parameters]
    outlet, when = outlet_column(search_ready), when_column(search_ready)
    # Type, status, outlet and month counted in one pass over the matches.
    grouped = cursor.execute(
        f"SELECT e.type, e.status, {outlet}, left({when}, 7), GROUPING(e.type, e.status, {outlet}, left({when}, 7)), "
        f"count(*) FROM {source} {where.sql()} "
        f"GROUP BY GROUPING SETS ((e.type), (e.status), ({outlet}), (left({when}, 7)))", parameters).fetchall()
    # GROUPING's bits, first column highest: 0b0111 is the rows grouped by type alone.
    by = {bits: [(row[column], row[5]) for row in grouped if row[4] == bits]
          for column, bits in ((0, 0b0111), (1, 0b1011), (2, 0b1101), (3, 0b1110))}
    facets = [
        _facet_of("type", "Type", by[0b0111], lambda v: {"type": v}),
        _facet_of("status", "Status", by[0b1011], lambda v: {"status": v}),
        _facet_of("outlet", "Outlet", by[0b1101], lambda v: {"outlet": v}),
    ]
    actors = _facet(
        cursor, "actor", "Actor",
        f"SELECT actor, count(*) FROM (SELECT unnest(list_distinct(list_concat(e.source_actor_ids, e.target_actor_ids))) "
        f"AS actor FROM {source} {where.sql()}) GROUP BY 1", parameters, lambda v: {"actor": v})
    names = actor_names(cursor, {value.label for value in actors.values})
    facets.append(Facet(actors.name, actors.label, [FacetValue(names.get(value.label, value.label), value.count, value.narrow)
                                                    for value in actors.values], actors.others))
    facets.append(_facet_of("month", "Month", by[0b1110], _month_filters, by_value=True, shown=24))
    return facets


def document_facets(cursor: duckdb.DuckDBPyConnection, source: str, where: Where) -> list[Facet]:
    """Counts by outlet and month of publication of the articles a listing matches."""
    return [
        _facet(cursor, "outlet", "Outlet", _grouped("d.outlet", source, where), where.parameters, lambda v: {"outlet": v}),
        _facet(cursor, "month", "Month", _grouped("left(d.published, 7)", source, where), where.parameters,
               _month_filters, by_value=True, shown=24),
    ]


def actor_facets(cursor: duckdb.DuckDBPyConnection, source: str, where: Where) -> list[Facet]:
    """Counts by type and country of the actors a listing matches."""
    return [
        _facet(cursor, "type", "Type", _grouped("a.type", source, where), where.parameters, lambda v: {"type": v}),
        _facet(cursor, "country", "Country", _grouped("a.country", source, where), where.parameters, lambda v: None),
    ]


def story_facets(cursor: duckdb.DuckDBPyConnection, source: str, where: Where) -> list[Facet]:
    """Counts by month of first report and by number of outlets of the stories a listing matches."""
    return [
        _facet(cursor, "month", "First reported", _grouped("left(s.first_published, 7)", source, where),
               where.parameters, _month_filters, by_value=True, shown=24),
        _facet(cursor, "outlets", "Outlets", _grouped("s.n_outlets", source, where), where.parameters, lambda v: None,
               by_value=True),
    ]


def event_counts(cursor: duckdb.DuckDBPyConnection, filters: Filters, *,
                 search_ready: bool = True) -> list[tuple[str | None, str, int]]:
    """(time, type, events) of the events the filters match, for :func:`newsgraph.web.charts.time_chart`."""
    source, leading, where = event_query(cursor, filters, search_ready)
    rows = cursor.execute(f"SELECT {when_column(search_ready)}, e.type, count(*) FROM {source} {where.sql()} GROUP BY 1, 2",
                          [*leading, *where.parameters]).fetchall()
    return [(row[0], row[1], int(row[2])) for row in rows]


def event_places(cursor: duckdb.DuckDBPyConnection, filters: Filters, *, search_ready: bool = True) -> list[MapPlace]:
    """The places the events the filters match happened at, with how many events each, the
    precision of its point and the words the articles used, most events first."""
    source, leading, where = event_query(cursor, filters, search_ready)
    located = "ev"
    if search_ready:
        source = f"{source} JOIN events ev ON ev.id = e.id"
    else:
        located = "e"
    where.add(f"{located}.location_name IS NOT NULL")
    # The located events first, then only their articles' places: far less than every place.
    rows = cursor.execute(
        f"WITH located AS (SELECT {located}.id, {located}.doc_id, {located}.location_name AS name, "
        f"{located}.location_country AS country, {located}.lat, {located}.lon FROM {source} {where.sql()}) "
        "SELECT l.name, l.country, l.lat, l.lon, min(p.precision), list(DISTINCT p.text) FILTER (p.text IS NOT NULL), "
        "count(DISTINCT l.id) FROM located l LEFT JOIN places p ON p.doc_id = l.doc_id AND p.name = l.name "
        "AND p.lat = l.lat AND p.lon = l.lon "
        "GROUP BY 1, 2, 3, 4 ORDER BY 7 DESC, 1",
        [*leading, *where.parameters]).fetchall()
    return [MapPlace(row[0], row[1], row[2], row[3], row[4], int(row[6]), tuple(sorted(row[5] or [])[:8])) for row in rows]

