"""Events in date order, filtered by actor, date range and confidence, each with its status and sentence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store

__all__ = ["Timeline", "TimelineEntry", "timeline"]


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


@dataclass(frozen=True)
class Timeline:
    """The events kept, and how many the filters matched that ``min_confidence`` left out."""

    entries: list[TimelineEntry]
    hidden: int


def timeline(
    store: Store, *, actor: str | None = None, start: str | None = None, end: str | None = None, undated: bool = False,
    min_confidence: float = 0.0,
) -> Timeline:
    """Dated events (and undated ones when ``undated``) in date order. ``actor`` matches an actor id
    or, case-insensitively, a name or alias; ``start``/``end`` are ISO dates compared at the
    event date's own precision ("2024-06" falls between "2024-06-01" and "2024-06-30"). Events
    under ``min_confidence`` are left out (and counted); those of unknown confidence are kept."""
    names = {row["id"]: row["name"] for row in store.iter_rows("actors", "id")}
    wanted: set[str] | None = None
    if actor:
        key = actor.casefold()
        wanted = {
            row["id"]
            for row in store.iter_rows("actors", "id")
            if row["id"].casefold() == key
            or row["name"].casefold() == key
            or key in (alias.casefold() for alias in row["aliases"] or [])
        }
        if not wanted:
            raise NewsgraphError(f"no actor called {actor!r}; give an actor id (person:antony-blinken) or a name")
    entries = []
    hidden = 0
    for row in store.iter_rows("events", "date NULLS LAST, doc_id, trigger_start"):
        if not _keep(row, wanted, start, end, undated):
            continue
        if row["confidence"] is not None and row["confidence"] < min_confidence:
            hidden += 1
            continue
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
