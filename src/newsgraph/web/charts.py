"""Events over time by type, drawn on the server as an SVG bar chart (no script, no CDN).

:func:`time_chart` takes counts of events per stored time (``2024-06-19``, ``2024-W25``,
``2024-06``, ``1987``) and type, picks one bar per day, week, month or year so that the span fits
in at most :data:`MAX_BARS` bars, and stacks each bar by type (the most frequent types each in
its colour, the rest as "other"). An event dated less precisely than the bars (a month when the
bars are weeks) is not drawn in any one bar: the chart says how many such events it leaves out
rather than pretend they happened on the first day of their period. Each bar links to the
timeline of its period.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

__all__ = ["TimeChart", "time_chart", "MAX_BARS", "TYPE_COLOURS"]

MAX_BARS = 60
_TYPES_SHOWN = 7
TYPE_COLOURS = ("#1f5fbf", "#e07b39", "#2e8b57", "#c0392b", "#8e6bbf", "#8c6d31", "#d16ba5", "#9aa3ad")
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class TimeChart:
    """The chart's SVG, its unit (day, week, month or year), the types in their colours, how many
    events it draws, and how many it leaves out for a date coarser than its unit or none."""

    svg: Markup
    unit: str
    legend: list[tuple[str, str]]
    drawn: int
    coarser: int
    undated: int


def _start(value: str) -> tuple[dt.date, str] | None:
    """The first day of a stored time and its precision."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value), "day"
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1), "week"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:7]), 1), "month"
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def _bucket(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def _next(start: dt.date, unit: str) -> dt.date:
    if unit == "day":
        return start + dt.timedelta(days=1)
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _unit(first: dt.date, last: dt.date) -> str:
    for unit in ("day", "week", "month"):
        count, at = 0, _bucket(first, unit)
        while at <= last and count <= MAX_BARS:
            at, count = _next(at, unit), count + 1
        if count <= MAX_BARS:
            return unit
    return "year"


def _label(start: dt.date, unit: str) -> str:
    if unit == "day":
        return start.isoformat()
    if unit == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        return start.strftime("%Y-%m")
    return str(start.year)


def _period(start: dt.date, unit: str) -> tuple[str, str]:
    """The date_from and date_to of a bar."""
    if unit == "week":
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    label = _label(start, unit)
    return label, label


def time_chart(counts: Iterable[tuple[str | None, str, int]], link: Callable[[str, str], str],
               *, width: int = 900, height: int = 200) -> TimeChart:
    """The chart of ``counts`` ((time, type, events) rows); ``link(date_from, date_to)`` is the
    address a bar opens."""
    rows = list(counts)
    undated = sum(n for when, _, n in rows if not when or _start(when) is None)
    dated = [(_start(when), kind, n) for when, kind, n in rows if when]
    known = [(start, kind, n) for start, kind, n in dated if start is not None]
    totals: Counter[str] = Counter()
    for _, kind, n in known:
        totals[kind] += n
    if not known:
        return TimeChart(Markup(""), "day", [], 0, 0, undated)
    finest = min(_RANK[precision] for (_, precision), _, _ in known)
    fine = [day for (day, precision), _, _ in known if _RANK[precision] == finest]
    unit = _unit(min(fine), max(fine))
    shown = [kind for kind, _ in totals.most_common(_TYPES_SHOWN)]
    if len(totals) == len(shown) + 1:
        shown = [kind for kind, _ in totals.most_common(_TYPES_SHOWN + 1)]
    bars: dict[dt.date, Counter[str]] = defaultdict(Counter)
    coarser = 0
    for (day, precision), kind, n in known:
        if _RANK[precision] > _RANK[unit]:
            coarser += n
            continue
        bars[_bucket(day, unit)][kind if kind in shown else "other"] += n
    legend = [(kind, TYPE_COLOURS[i]) for i, kind in enumerate(shown)]
    if any("other" in bar for bar in bars.values()):
        legend.append(("other", TYPE_COLOURS[-1]))
    svg = _draw(bars, unit, legend, link, width, height) if bars else Markup("")
    return TimeChart(svg, unit, legend, sum(sum(bar.values()) for bar in bars.values()), coarser, undated)


def _draw(bars: dict[dt.date, Counter[str]], unit: str, legend: list[tuple[str, str]],
          link: Callable[[str, str], str], width: int, height: int) -> Markup:
    starts = [min(bars)]
    while starts[-1] < max(bars):
        starts.append(_next(starts[-1], unit))
    left, bottom, top = 34, 22, 8
    plot_w, plot_h = width - left - 6, height - bottom - top
    peak = max(sum(bar.values()) for bar in bars.values())
    step = plot_w / len(starts)
    gap = min(2.0, step * 0.2)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="Events per {unit} by type">',
             f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"/>',
             f'<text class="tick" x="{left - 4}" y="{top + 8}" text-anchor="end">{peak}</text>',
             f'<text class="tick" x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>']
    every = max(1, round(len(starts) / 8))
    for i, start in enumerate(starts):
        x = left + i * step
        bar = bars.get(start, Counter())
        label = _label(start, unit)
        date_from, date_to = _period(start, unit)
        if bar:
            parts.append(f'<a href="{escape(link(date_from, date_to))}" class="bar">')
            y = float(top + plot_h)
            for kind, colour in legend:
                n = bar.get(kind, 0)
                if not n:
                    continue
                h = n / peak * plot_h
                y -= h
                parts.append(f'<rect x="{x + gap / 2:.1f}" y="{y:.1f}" width="{max(step - gap, 1):.1f}" height="{h:.1f}" '
                             f'fill="{colour}"><title>{escape(label)} · {escape(kind)}: {n}</title></rect>')
            parts.append("</a>")
        if i % every == 0:
            parts.append(f'<text class="tick" x="{x + step / 2:.1f}" y="{height - 6}" text-anchor="middle">'
                         f'{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
