"""Events in date order, filtered by actor, date range and confidence, each with its status and sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.dates.bounds import check_date_range

__all__ = ["Timeline", "TimelineEntry", "timeline", "actor_ids", "AmbiguousActor"]


class AmbiguousActor(NewsgraphError):
    """An actor name that several actors answer to; the message lists them."""


@dataclass(frozen=True)
class TimelineEntry:
    """One event of the timeline; ``date_basis`` says how its date was found (``sentence``,
    ``context`` or ``article``; None when undated); ``confidence`` is None for an event stored
    before events had one."""

    date: str | None
    type: str
    cameo: str
    status: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    evidence: str
    doc_id: str
    date_basis: str | None = None
    confidence: float | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Timeline:
    """The events kept, and how many the filters matched that ``min_confidence`` left out."""

    entries: list[TimelineEntry]
    hidden: int


def actor_ids(store: Store, actor: str) -> set[str]:
    """The one actor ``actor`` names: an id, or (ignoring case) a name or an alias. A name several
    actors answer to raises :class:`AmbiguousActor` listing them; a name none answers to says
    which names contain it."""
    key = actor.casefold()
    rows = list(store.iter_rows("actors", "id"))
    if any(row["id"] == actor for row in rows):
        return {actor}
    found = [row for row in rows if row["id"].casefold() == key or row["name"].casefold() == key
             or key in (alias.casefold() for alias in row["aliases"] or [])]
    if len(found) > 1:
        listed = "; ".join(f"{row['id']} ({row['name']})" for row in found[:12])
        more = f" and {len(found) - 12} more" if len(found) > 12 else ""
        raise AmbiguousActor(f"{actor!r} names {len(found)} actors: {listed}{more}; give one of these ids with --actor")
    if not found:
        near = [row for row in rows if key in row["name"].casefold()][:8]
        hint = "; ".join(f"{row['id']} ({row['name']})" for row in near)
        raise NewsgraphError(f"no actor called {actor!r}; " + (f"names containing it: {hint}" if near else
                             "give an actor id (person:antony-blinken) or a name"))
    return {found[0]["id"]}


def timeline(
    store: Store, *, actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
    undated: bool = False, min_confidence: float = 0.0,
) -> Timeline:
    """Dated events (and undated ones when ``undated``) in date order, each with its article's title,
    outlet and publication date. ``actor`` names one actor (see :func:`actor_ids`);
    ``date_from``/``date_to`` are dates, months or years (:mod:`newsgraph.dates.bounds`) compared at
    the event date's own precision ("2024-06" falls between "2024-06-01" and "2024-06-30"). Events
    under ``min_confidence`` are left out (and counted); those of unknown confidence are kept."""
    start, end = check_date_range(date_from, date_to)
    names = {row["id"]: row["name"] for row in store.iter_rows("actors", "id")}
    wanted = actor_ids(store, actor) if actor else None
    articles = {row["id"]: row for row in store.query("SELECT id, title, outlet, published FROM documents")}
    entries = []
    hidden = 0
    for row in store.iter_rows("events", "date NULLS LAST, doc_id, trigger_start"):
        if not _keep(row, wanted, start, end, undated):
            continue
        if row["confidence"] is not None and row["confidence"] < min_confidence:
            hidden += 1
            continue
        article = articles.get(row["doc_id"], {})
        entries.append(
            TimelineEntry(
                date=row["date"],
                type=row["type"],
                cameo=row["cameo"],
                status=row["status"],
                sources=tuple(names.get(i, i) for i in row["source_actor_ids"]),
                targets=tuple(names.get(i, i) for i in row["target_actor_ids"]),
                location=row["location_name"],
                evidence=row["evidence_text"],
                doc_id=row["doc_id"],
                date_basis=row.get("date_basis"),
                confidence=row["confidence"],
                title=article.get("title"),
                outlet=article.get("outlet"),
                published=article.get("published"),
            )
        )
    return Timeline(entries, hidden)


def _keep(row: dict[str, Any], wanted: set[str] | None, start: str | None, end: str | None, undated: bool) -> bool:
    if wanted is not None and not wanted & set(row["source_actor_ids"] + row["target_actor_ids"]):
        return False
    date = row["date"]
    if date is None:
        return undated and start is None and end is None
    if start is not None and date[: len(start)] < start[: len(date)]:
        return False
    if end is not None and date[: len(end)] > end[: len(date)]:
        return False
    return True
