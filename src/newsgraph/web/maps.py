"""Maps of where events happened, drawn on the server as SVG over a world outline shipped with
the package (Natural Earth's country boundaries, ``data/countries-50m.json``; see its README).

A place is drawn as precisely as its point is known (:attr:`precision`): a facility or a city as
a dot, a region (a continent's point) as a wide dashed ring, and a place known only by its
country (a country named, "the White House" with no city given) as that country's shape filled,
never as a pin at the country's centre, which would claim a place that nobody reported. Each
mark's tooltip gives the place as the gazetteer knows it, its precision, how many events and
the words the articles used; each mark links to the timeline of its events.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
from markupsafe import Markup, escape

__all__ = ["MapPlace", "WorldMap", "world", "map_svg", "project", "WIDTH", "HEIGHT"]

DATA = Path(__file__).resolve().parent / "data" / "countries-50m.json"
WIDTH = 960
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2
_X_EDGE = 2.7206990  # Equal Earth's x at longitude 180, latitude 0
_Y_EDGE = 1.3173627  # and its y at latitude 90
_SCALE = WIDTH / (2 * _X_EDGE)
HEIGHT = round(2 * _Y_EDGE * _SCALE)
# Natural Earth features without an ISO numeric code, by their name there.
_NAMED = {"Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}
_LEFT_OUT = {"010"}  # Antarctica: no news map needs its bottom fifth


def project(lat: float, lon: float) -> tuple[float, float]:
    """A point's position on the map (Equal Earth projection), in SVG units from the top left."""
    lam, phi = math.radians(max(-180.0, min(180.0, lon))), math.radians(max(-90.0, min(90.0, lat)))
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6 + 3 * _A2 * t2 + _A1))
    y = theta * (_A4 * t6 * t2 + _A3 * t6 + _A2 * t2 + _A1)
    return WIDTH / 2 + x * _SCALE, HEIGHT / 2 - y * _SCALE


@dataclass(frozen=True)
class WorldMap:
    """Each country's outline as SVG path data, by ISO 3166 alpha-3 code, and the whole outline."""

    countries: dict[str, str]
    names: dict[str, str]
    outline: str


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (lon, lat) points (TopoJSON stores them quantised and delta-coded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indexes: Iterable[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _path(polygons: list[list[list[int]]], arcs: list[list[tuple[float, float]]]) -> str:
    pieces = []
    for polygon in polygons:
        for ring in polygon:
            # A ring crossing the 180th meridian (Fiji, Chukotka) is cut there, so that no line
            # runs across the whole map.
            parts: list[list[tuple[float, float]]] = [[]]
            previous: float | None = None
            for lon, lat in _ring(ring, arcs):
                if previous is not None and abs(lon - previous) > 180:
                    parts.append([])
                parts[-1].append(project(lat, lon))
                previous = lon
            for projected in parts:
                kept = [projected[0]] + [p for a, p in zip(projected, projected[1:])
                                         if abs(p[0] - a[0]) + abs(p[1] - a[1]) >= 0.4]
                if len(kept) >= 3:
                    pieces.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + ("Z" if len(parts) == 1 else ""))
    return "".join(pieces)


def _alpha3(geometry: dict[str, Any]) -> str | None:
    numeric = geometry.get("id")
    if numeric in _LEFT_OUT:
        return None
    if numeric:
        country = pycountry.countries.get(numeric=numeric)
        return country.alpha_3 if country else None
    return _NAMED.get(geometry.get("properties", {}).get("name", ""))


@lru_cache(maxsize=1)
def world() -> WorldMap:
    """The world outline, projected once per process (about a second) and kept."""
    topology = json.loads(DATA.read_text(encoding="utf-8"))
    arcs = _arcs(topology)
    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _alpha3(geometry)
        if code is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        countries[code] = countries.get(code, "") + _path(polygons, arcs)
        names.setdefault(code, geometry["properties"]["name"])
    outline = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}">'
               f'<path d="{_sphere()}" fill="#eef4fb" stroke="none"/>'
               f'<path d="{"".join(countries.values())}" fill="#dfe3e8" stroke="#fff" stroke-width="0.5"/></svg>')
    return WorldMap(countries, names, outline)


def _sphere() -> str:
    edge = [project(lat, 180.0) for lat in range(-90, 91, 5)]
    back = [project(lat, -180.0) for lat in range(90, -91, -5)]
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in edge + back) + "Z"


@dataclass(frozen=True)
class MapPlace:
    """A place events happened at: its name and country, its point and the precision of that point
    (facility, city, region, country; None when unknown), how many events, and the words the
    articles used for it."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    events: int
    texts: Sequence[str] = field(default_factory=tuple)

    @property
    def as_country(self) -> bool:
        return self.precision == "country" and self.country is not None


def _tooltip(place: MapPlace) -> str:
    written = "; ".join(f"“{text}”" for text in list(place.texts)[:6])
    precision = place.precision or "precision unknown"
    return (f"{place.name}{f' ({place.country})' if place.country else ''}: {precision} level, "
            f"{place.events} event{'s' if place.events != 1 else ''}" + (f"; written {written}" if written else ""))


def map_svg(places: Sequence[MapPlace], link: Callable[[MapPlace], str], *, outline_url: str = "/map/world.svg") -> Markup:
    """The map of ``places``; ``link(place)`` is the address its mark opens."""
    shapes = world().countries
    peak = max((place.events for place in places), default=1)
    parts = [f'<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="Where the events happened">',
             f'<image href="{escape(outline_url)}" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/>']
    countries: dict[str, list[MapPlace]] = {}
    for place in places:
        if place.as_country and place.country in shapes:
            countries.setdefault(place.country or "", []).append(place)
    for code, marks in sorted(countries.items()):
        events = sum(place.events for place in marks)
        strength = 0.25 + 0.6 * math.sqrt(events / peak)
        title = " · ".join(_tooltip(place) for place in marks)
        parts.append(f'<a href="{escape(link(marks[0]))}" class="mark country-mark" data-precision="country">'
                     f'<path d="{shapes[code]}" fill-opacity="{min(strength, 0.85):.2f}"><title>{escape(title)}</title>'
                     "</path></a>")
    dots = [place for place in places if place.lat is not None and place.lon is not None
            and not (place.as_country and place.country in shapes)]
    for place in sorted(dots, key=lambda p: -p.events):
        x, y = project(place.lat or 0.0, place.lon or 0.0)
        radius = 3 + 9 * math.sqrt(place.events / peak)
        kind = place.precision or "unknown"
        if kind == "region":
            radius = max(radius * 2.5, 16)
        parts.append(f'<a href="{escape(link(place))}" class="mark point-mark" data-precision="{escape(kind)}" data-place="{escape(place.name)}">'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" class="precision-{escape(kind)}">'
                     f"<title>{escape(_tooltip(place))}</title></circle></a>")
    parts.append("</svg>")
    return Markup("".join(parts))
