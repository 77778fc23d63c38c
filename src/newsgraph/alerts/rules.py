"""Alerts: named standing questions over what ``watch`` brings in, kept in the database.

An alert matches an event whose source actor is ``actor``, whose target is ``target``, of PLOVER
``type``, with ``status``, and whose confidence is at least ``min_confidence`` (every criterion
given must hold). An alert with no target, type or status also matches the quotations ``actor``
speaks. Actors are given as an id (``country:PRK``) or a name or alias, case aside. An alert
looks at the documents stored from its creation on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsgraph.errors import NewsgraphError
from newsgraph.events.ontology import PLOVER_TYPES
from newsgraph.events.records import STATUSES
from newsgraph.store import Store

__all__ = ["Alert", "AlertError", "add_alert", "list_alerts", "remove_alert"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class AlertError(NewsgraphError):
    """An alert that cannot be added or removed as asked."""


@dataclass(frozen=True)
class Alert:
    name: str
    actor: str | None = None
    target: str | None = None
    type: str | None = None
    status: str | None = None
    min_confidence: float | None = None
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise AlertError(f"alert name {self.name!r}: use letters, digits, '-', '_' and '.' (at most 64)")
        if self.type is not None and self.type.upper() not in PLOVER_TYPES:
            raise AlertError(f"--type {self.type!r}: not a PLOVER type; one of {', '.join(PLOVER_TYPES)}")
        if self.type is not None:
            object.__setattr__(self, "type", self.type.upper())
        if self.status is not None and self.status.lower() not in STATUSES:
            raise AlertError(f"--status {self.status!r}: one of {', '.join(STATUSES)}")
        if self.status is not None:
            object.__setattr__(self, "status", self.status.lower())
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise AlertError(f"--min-confidence {self.min_confidence}: give a number from 0 to 1")
        if not (self.actor or self.target or self.type or self.status or self.min_confidence is not None):
            raise AlertError(f"alert {self.name!r} has no criterion: give --actor, --target, --type, --status or --min-confidence")

    @property
    def matches_quotes(self) -> bool:
        """Whether quotations can match: only criteria a quotation has (its speaker) are given."""
        return self.target is None and self.type is None and self.status is None

    def describe(self) -> str:
        """The criteria in words: ``actor=country:PRK type=ACCUSE``."""
        parts = [
            f"{label}={value}"
            for label, value in (
                ("actor", self.actor), ("target", self.target), ("type", self.type), ("status", self.status),
                ("min-confidence", self.min_confidence),
            )
            if value is not None
        ]
        return " ".join(parts) + ("" if self.matches_quotes else " (events only)")


_COLUMNS = "name, actor, target, type, status, min_confidence, created_at"


def add_alert(store: Store, alert: Alert) -> None:
    """Store ``alert``; it will match what is stored from now on."""
    if store.db.execute("SELECT 1 FROM alerts WHERE name = ?", [alert.name]).fetchone():
        raise AlertError(f"an alert called {alert.name!r} exists; remove it first, or choose another name")
    store.db.execute(
        "INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, now(), now())",
        [alert.name, alert.actor, alert.target, alert.type, alert.status, alert.min_confidence],
    )


def list_alerts(store: Store) -> list[Alert]:
    """Every alert, by name."""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM alerts ORDER BY name").fetchall()
    return [Alert(*row) for row in rows]


def remove_alert(store: Store, name: str) -> int:
    """Remove the alert ``name`` and its matches; returns how many matches went with it."""
    if not store.db.execute("SELECT 1 FROM alerts WHERE name = ?", [name]).fetchone():
        raise AlertError(f"no alert called {name!r}; `newsgraph alert list` shows them")
    with store.transaction():
        row = store.db.execute("SELECT count(*) FROM alert_matches WHERE alert = ?", [name]).fetchone()
        store.db.execute("DELETE FROM alert_matches WHERE alert = ?", [name])
        store.db.execute("DELETE FROM alerts WHERE name = ?", [name])
    return int(row[0]) if row else 0
