"""Downloads of a filtered list: every row it matches (not one page) as CSV or JSON, with the
same filters as the list. Events download as the flat analyst table
(:mod:`newsgraph.export.flat`): one row per event, per source-target pair, or GDELT's columns."""

from __future__ import annotations

import json
from typing import Any

import duckdb
from fastapi.responses import Response, StreamingResponse

from newsgraph.export.flat import LAYOUTS, csv_lines, flat_table
from newsgraph.web.filters import BadRequest

__all__ = ["DOWNLOAD_FORMATS", "download", "event_download", "check_format"]

DOWNLOAD_FORMATS = ("csv", "json")


def check_format(fmt: str | None, layout: str | None = None) -> None:
    """Refuse a download format or table layout the API does not write."""
    if fmt is not None and fmt not in DOWNLOAD_FORMATS:
        raise BadRequest(f"format must be csv or json (leave it out for a page of JSON), got {fmt!r}")
    if layout is not None and layout not in LAYOUTS:
        raise BadRequest(f"layout must be one of {', '.join(LAYOUTS)}, got {layout!r}")


def _headers(name: str, fmt: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}


def download(rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    """``rows`` as a CSV (lists ``;``-joined, objects as JSON) or JSON file named ``name``."""
    if fmt == "json":
        return Response(json.dumps(rows, ensure_ascii=False, default=str), media_type="application/json",
                        headers=_headers(name, fmt))
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    cells = ({key: json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, dict)
              or (isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value)) else value
              for key, value in row.items()} for row in rows)
    return StreamingResponse(csv_lines(columns, cells), media_type="text/csv; charset=utf-8", headers=_headers(name, fmt))


def event_download(cursor: duckdb.DuckDBPyConnection, ids: list[str], fmt: str, layout: str, name: str) -> Response:
    """The events ``ids`` as the flat table of ``layout``, in CSV or JSON."""
    table = flat_table(cursor, layout, ids_sql="SELECT unnest(?::VARCHAR[])", parameters=[ids])
    if fmt == "json":
        return Response(json.dumps(table.rows, ensure_ascii=False, default=str), media_type="application/json",
                        headers=_headers(name, fmt))
    return StreamingResponse(csv_lines(table.names, table.rows), media_type="text/csv; charset=utf-8",
                             headers=_headers(name, fmt))
