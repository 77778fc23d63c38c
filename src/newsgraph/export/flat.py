"""Flat event tables, as analysts load them into a spreadsheet, pandas or R: one row per event
(``events``), one per source-target pair of an event (``dyads``), or the same pairs in GDELT 2.0's
event columns (``gdelt``).

Each row carries what the event is (PLOVER type, CAMEO code, quad class, Goldstein score,
status, confidence), who did it to whom (ids, names and CAMEO codes), when (``date`` with its
``date_precision``: day, week, month, year or range, and how it was found), where (the place's
name as the article wrote it and as the gazetteer knows it, country, latitude, longitude and the
precision of that point: facility, city, region or country) and from which article (title,
outlet, URL, publication date). A column holds one value: lists are lists in Parquet and JSON,
and ``;``-joined text in CSV.

The GDELT layout keeps GDELT 2.0's 61 column names and order. Where newsgraph knows less or
otherwise than GDELT the cell says so: ``GLOBALEVENTID`` is newsgraph's event id (text), country
codes are ISO 3166 alpha-3 (GDELT's geography uses FIPS 10-4), ``SQLDATE`` is the event's day
when its date is a day and its article's publication day otherwise (GDELT's own rule), and what
newsgraph does not measure (tone, ADM codes, feature ids, religion and ethnic codes) is empty.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

import duckdb
import pyarrow as pa

from newsgraph.errors import NewsgraphError
from newsgraph.dates.bounds import date_precision_sql

__all__ = [
    "LAYOUTS",
    "FlatTable",
    "event_place_join",
    "events_date_precision",
    "flat_table",
    "write_flat",
    "FLAT_FORMATS",
]

LAYOUTS = ("events", "dyads", "gdelt")
FLAT_FORMATS = ("csv", "json", "jsonl", "parquet")

_TEXT, _FLOAT, _INT, _BOOL, _LIST = pa.string(), pa.float64(), pa.int64(), pa.bool_(), pa.list_(pa.string())

_EVENT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", _TEXT), ("date", _TEXT), ("date_precision", _TEXT), ("date_basis", _TEXT), ("date_text", _TEXT),
    ("type", _TEXT), ("mode", _TEXT), ("cameo", _TEXT), ("quad_class", _INT), ("goldstein", _FLOAT),
    ("status", _TEXT), ("negated", _BOOL), ("confidence", _FLOAT),
    ("source_actor_ids", _LIST), ("source_actor_names", _LIST), ("source_actor_codes", _LIST),
    ("target_actor_ids", _LIST), ("target_actor_names", _LIST), ("target_actor_codes", _LIST),
    ("reported_by_actor_id", _TEXT), ("reported_by_actor_name", _TEXT),
    ("trigger_text", _TEXT), ("evidence_text", _TEXT),
    ("location_name", _TEXT), ("location_text", _LIST), ("location_country", _TEXT), ("location_lat", _FLOAT),
    ("location_lon", _FLOAT), ("location_precision", _TEXT),
    ("doc_id", _TEXT), ("article_title", _TEXT), ("outlet", _TEXT), ("url", _TEXT), ("published", _TEXT),
)
_PAIR = (("source_actor_id", _TEXT), ("source_actor_name", _TEXT), ("source_actor_code", _TEXT),
         ("target_actor_id", _TEXT), ("target_actor_name", _TEXT), ("target_actor_code", _TEXT))
_DYAD_COLUMNS = (_EVENT_COLUMNS[:13] + _PAIR
                 + tuple(column for column in _EVENT_COLUMNS[13:] if not column[0].startswith(("source_", "target_"))))

_ACTOR_GDELT = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code")
_GEO_GDELT = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_GDELT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    (("GLOBALEVENTID", _TEXT), ("SQLDATE", _INT), ("MonthYear", _INT), ("Year", _INT), ("FractionDate", _FLOAT))
    + tuple((f"Actor{n}{name}", _TEXT) for n in (1, 2) for name in _ACTOR_GDELT)
    + (("IsRootEvent", _INT), ("EventCode", _TEXT), ("EventBaseCode", _TEXT), ("EventRootCode", _TEXT),
       ("QuadClass", _INT), ("GoldsteinScale", _FLOAT), ("NumMentions", _INT), ("NumSources", _INT),
       ("NumArticles", _INT), ("AvgTone", _FLOAT))
    + tuple((f"{who}Geo_{name}", _INT if name == "Type" else _FLOAT if name in ("Lat", "Long") else _TEXT)
            for who in ("Actor1", "Actor2", "Action") for name in _GEO_GDELT)
    + (("DATEADDED", _INT), ("SOURCEURL", _TEXT))
)


@dataclass(frozen=True)
class FlatTable:
    """Rows (dicts keyed by column name, in column order) and the Arrow type of each column."""

    layout: str
    columns: tuple[tuple[str, pa.DataType], ...]
    rows: list[dict[str, Any]]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def schema(self) -> pa.Schema:
        return pa.schema([pa.field(name, kind) for name, kind in self.columns])


def events_date_precision(cursor: duckdb.DuckDBPyConnection, alias: str = "e") -> str:
    """SQL for the precision of each event's date: the events' own ``date_precision`` column (set
    by the coder; migration 0011 fills it for events stored before), else the shape of the date."""
    return f"coalesce({alias}.date_precision, {date_precision_sql(alias + '.date')})"


def event_place_join(alias: str = "e") -> str:
    """A LEFT JOIN giving each event (aliased ``alias``) the place it was located at, as ``p``:
    ``p.precision`` (what its point locates) and ``p.texts`` (the place as the article wrote
    it). An event keeps its place's name and point; the place is the article's place of that
    name at that point (each such place has one precision)."""
    return (
        "LEFT JOIN (SELECT doc_id, name, lat, lon, min(precision) AS precision, list(DISTINCT text ORDER BY text) AS texts "
        "FROM places GROUP BY doc_id, name, lat, lon) p "
        f"ON p.doc_id = {alias}.doc_id AND p.name = {alias}.location_name "
        f"AND p.lat IS NOT DISTINCT FROM {alias}.lat AND p.lon IS NOT DISTINCT FROM {alias}.lon"
    )


def _event_sql(cursor: duckdb.DuckDBPyConnection, ids_sql: str | None) -> str:
    chosen = f"WHERE e.id IN ({ids_sql})" if ids_sql else ""
    return (
        f"SELECT e.id, e.date, {events_date_precision(cursor)} AS date_precision, e.date_basis, e.date_text, e.type, "
        "e.mode, e.cameo, e.goldstein, e.status, e.negated, e.confidence, e.source_actor_ids, e.source_actor_codes, "
        "e.target_actor_ids, e.target_actor_codes, e.reported_by_actor_id, e.trigger_text, e.evidence_text, "
        "e.location_name, p.texts AS location_text, e.location_country, e.lat, e.lon, p.precision AS location_precision, "
        "e.doc_id, d.title, d.outlet, d.url, d.published, c.n_articles, c.n_outlets "
        f"FROM events e JOIN documents d ON d.id = e.doc_id {event_place_join()} "
        "LEFT JOIN (SELECT m.event_id, c.n_articles, c.n_outlets FROM event_cluster_members m "
        "JOIN event_clusters c ON c.id = m.cluster_id) c ON c.event_id = e.id "
        f"{chosen} ORDER BY coalesce(e.date, left(d.published, 10)) NULLS LAST, e.doc_id, e.trigger_start, e.id"
    )


def flat_table(cursor: duckdb.DuckDBPyConnection, layout: str = "events", *, ids_sql: str | None = None,
               parameters: Sequence[Any] = ()) -> FlatTable:
    """The events of the database (or those whose id ``ids_sql``, a query taking ``parameters``,
    returns) in ``layout``, in time order."""
    if layout not in LAYOUTS:
        raise NewsgraphError(f"unknown table layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    result = cursor.execute(_event_sql(cursor, ids_sql), list(parameters))
    names = [column[0] for column in result.description]
    events = [dict(zip(names, row)) for row in result.fetchall()]
    actor_ids = {i for event in events for i in [*event["source_actor_ids"], *event["target_actor_ids"],
                                                  event["reported_by_actor_id"]] if i}
    actors = _actors(cursor, actor_ids)
    if layout == "events":
        return FlatTable(layout, _EVENT_COLUMNS, [_event_row(event, actors) for event in events])
    pairs = [(event, pair) for event in events for pair in _pairs(event, actors)]
    if layout == "dyads":
        return FlatTable(layout, _DYAD_COLUMNS, [_dyad_row(event, pair, actors) for event, pair in pairs])
    return FlatTable(layout, _GDELT_COLUMNS, [_gdelt_row(event, pair, actors) for event, pair in pairs])


def _actors(cursor: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, tuple[str, str | None, str | None]]:
    """id -> (name, CAMEO code, country) of the actors named."""
    if not ids:
        return {}
    rows = cursor.execute("SELECT id, name, code, country FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                          [sorted(ids)]).fetchall()
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


Actor = tuple[str | None, str | None, str]  # id, name, code
Actors = dict[str, tuple[str, str | None, str | None]]


def _side(ids: list[str], codes: list[str], actors: Actors) -> list[Actor]:
    """The actors of one side with names and codes: the resolved ones by id (the actor's own code,
    else the event's when the lists line up), else only the codes the coder gave."""
    if not ids:
        return [(None, None, code) for code in codes if code]
    found: list[Actor] = []
    aligned = len(ids) == len(codes)
    for n, actor_id in enumerate(ids):
        name, code, _ = actors.get(actor_id, (actor_id, None, None))
        found.append((actor_id, name, code or (codes[n] if aligned else "") or ""))
    return found


def _quad_class(cameo: str) -> int | None:
    root = int(cameo[:2]) if cameo[:2].isdigit() else 0
    if not root:
        return None
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _event_row(event: dict[str, Any], actors: Actors) -> dict[str, Any]:
    sources = _side(event["source_actor_ids"], event["source_actor_codes"], actors)
    targets = _side(event["target_actor_ids"], event["target_actor_codes"], actors)
    reporter = event["reported_by_actor_id"]
    return {
        "event_id": event["id"], "date": event["date"], "date_precision": event["date_precision"],
        "date_basis": event["date_basis"], "date_text": event["date_text"], "type": event["type"],
        "mode": event["mode"], "cameo": event["cameo"], "quad_class": _quad_class(event["cameo"]),
        "goldstein": event["goldstein"], "status": event["status"], "negated": event["negated"],
        "confidence": event["confidence"],
        "source_actor_ids": [a[0] or "" for a in sources], "source_actor_names": [a[1] or "" for a in sources],
        "source_actor_codes": [a[2] for a in sources],
        "target_actor_ids": [a[0] or "" for a in targets], "target_actor_names": [a[1] or "" for a in targets],
        "target_actor_codes": [a[2] for a in targets],
        "reported_by_actor_id": reporter, "reported_by_actor_name": actors[reporter][0] if reporter in actors else None,
        "trigger_text": event["trigger_text"], "evidence_text": event["evidence_text"],
        **_place(event), **_article(event),
    }


def _place(event: dict[str, Any]) -> dict[str, Any]:
    return {"location_name": event["location_name"], "location_text": list(event["location_text"] or []),
            "location_country": event["location_country"], "location_lat": event["lat"], "location_lon": event["lon"],
            "location_precision": event["location_precision"]}


def _article(event: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": event["doc_id"], "article_title": event["title"], "outlet": event["outlet"], "url": event["url"],
            "published": event["published"]}


def _pairs(event: dict[str, Any], actors: Actors) -> list[tuple[Actor | None, Actor | None]]:
    """Every source-target pair of the event; a side with nobody pairs with None."""
    sources: list[Actor | None] = list(_side(event["source_actor_ids"], event["source_actor_codes"], actors)) or [None]
    targets: list[Actor | None] = list(_side(event["target_actor_ids"], event["target_actor_codes"], actors)) or [None]
    return [(source, target) for source in sources for target in targets]


def _dyad_row(event: dict[str, Any], pair: tuple[Actor | None, Actor | None], actors: Actors) -> dict[str, Any]:
    row = _event_row(event, actors)
    flat = {name: row[name] for name, _ in _EVENT_COLUMNS[:13]}
    for side, actor in zip(("source", "target"), pair):
        flat[f"{side}_actor_id"], flat[f"{side}_actor_name"], flat[f"{side}_actor_code"] = actor or (None, None, None)
    flat.update({name: row[name] for name, _ in _DYAD_COLUMNS if name not in flat})
    return flat


def _day(value: str | None) -> int | None:
    if value and len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace("-", "").isdigit():
        return int(value[:10].replace("-", ""))
    return None


def _geo_type(precision: str | None, country: str | None) -> int | None:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (region).
    if precision is None:
        return None
    if precision == "country":
        return 1
    if precision == "region":
        return 2 if country == "USA" else 5
    return 3 if country == "USA" else 4


def _gdelt_row(event: dict[str, Any], pair: tuple[Actor | None, Actor | None], actors: Actors) -> dict[str, Any]:
    day = _day(event["date"]) if event["date_precision"] == "day" else None
    day = day or _day(event["published"])
    row: dict[str, Any] = {name: None for name, _ in _GDELT_COLUMNS}
    row.update({"GLOBALEVENTID": event["id"], "SQLDATE": day, "MonthYear": day // 100 if day else None,
                "Year": day // 10000 if day else None})
    if day:
        year, month, date = day // 10000, day // 100 % 100, day % 100
        row["FractionDate"] = round(year + ((month - 1) * 30.4375 + date) / 365.25, 4)
    for n, actor in enumerate(pair, start=1):
        if actor is None:
            continue
        actor_id, name, code = actor
        country = actors[actor_id][2] if actor_id in actors else None
        row.update({f"Actor{n}Code": code or None, f"Actor{n}Name": (name or "").upper() or None,
                    f"Actor{n}CountryCode": country or (code[:3] if len(code) >= 3 else None),
                    f"Actor{n}Type1Code": code[3:6] or None if len(code) >= 6 else None})
    cameo = event["cameo"]
    row.update({
        "IsRootEvent": 0, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": _quad_class(cameo), "GoldsteinScale": event["goldstein"],
        "NumMentions": event["n_articles"] or 1, "NumSources": event["n_outlets"] or 1,
        "NumArticles": event["n_articles"] or 1,
        "SOURCEURL": event["url"],
        "DATEADDED": int(f"{_day(event['published'])}000000") if _day(event["published"]) else None,
    })
    if event["location_name"]:
        row.update({"ActionGeo_Type": _geo_type(event["location_precision"], event["location_country"]),
                    "ActionGeo_FullName": event["location_name"], "ActionGeo_CountryCode": event["location_country"],
                    "ActionGeo_Lat": event["lat"], "ActionGeo_Long": event["lon"]})
    return row


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return "" if value is None else value


def csv_lines(names: Sequence[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text, the header first, in pieces; lists ``;``-joined."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    for row in rows:
        writer.writerow([_csv_cell(row.get(name)) for name in names])
        if buffer.tell() > 65536:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def write_flat(table: FlatTable, fmt: str, out: IO[str] | IO[bytes]) -> int:
    """Write ``table`` as CSV, a JSON array, JSON Lines (text streams) or Parquet (a binary
    stream); return the rows written."""
    if fmt not in FLAT_FORMATS:
        raise NewsgraphError(f"unknown format {fmt!r} for a flat table; choose one of {', '.join(FLAT_FORMATS)}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(table.rows, schema=table.schema()), out)
        return len(table.rows)
    text: IO[str] = out  # type: ignore[assignment]
    if fmt == "csv":
        for piece in csv_lines(table.names, table.rows):
            text.write(piece)
    elif fmt == "json":
        text.write(json.dumps(table.rows, ensure_ascii=False, default=str))
    else:
        for row in table.rows:
            text.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return len(table.rows)
