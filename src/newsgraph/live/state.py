"""What fetching remembers in the database between runs: each URL's validators for a conditional
GET, and each article a watched source listed (so a poll fetches only what is new or updated)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsgraph.fetch import Validators
from newsgraph.store import Store, id_list

__all__ = ["FetchState", "SeenItem", "ItemOutcome", "MAX_ATTEMPTS"]

MAX_ATTEMPTS = 3
"""Times an article that failed is fetched again on later polls before it is given up."""


@dataclass(frozen=True)
class SeenItem:
    marker: str | None
    failed: bool
    attempts: int

    def due(self, marker: str | None) -> bool:
        """Whether the article should be fetched again, now that its source lists it with ``marker``."""
        if marker is not None and marker != self.marker:
            return True
        return self.failed and self.attempts < MAX_ATTEMPTS


@dataclass(frozen=True)
class ItemOutcome:
    url: str
    marker: str | None
    failed: bool


class FetchState:
    """The fetch tables of an open, writable store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def validators(self, url: str) -> tuple[Validators, str | None] | None:
        """The validators last stored for ``url`` and the ``raw_sha`` of what that version gave."""
        row = self.store.db.execute("SELECT etag, last_modified, raw_sha FROM fetch_state WHERE url = ?", [url]).fetchone()
        if row is None:
            return None
        return Validators(row[0], row[1]), row[2]

    def remember(self, url: str, validators: Validators, raw_sha: str | None) -> None:
        """Keep ``url``'s validators, or forget them when the server sent none."""
        if validators.etag is None and validators.last_modified is None:
            self.store.db.execute("DELETE FROM fetch_state WHERE url = ?", [url])
            return
        self.store.db.execute(
            "INSERT OR REPLACE INTO fetch_state VALUES (?, ?, ?, ?, now())",
            [url, validators.etag, validators.last_modified, raw_sha],
        )

    def is_stored(self, raw_sha: str) -> bool:
        """Whether an article with this ``raw_sha`` (for a fetched page: the hash of its text and
        metadata, its URL included) became a document."""
        return self.store.db.execute("SELECT 1 FROM sources WHERE raw_sha = ? LIMIT 1", [raw_sha]).fetchone() is not None

    def seen_items(self, urls: Sequence[str]) -> dict[str, SeenItem]:
        """Of these article URLs, those listed before, with what was recorded of them."""
        if not urls:
            return {}
        rows = self.store.db.execute(
            "SELECT url, marker, failed, attempts FROM watch_items WHERE url IN (SELECT unnest(?::JSON::VARCHAR[]))",
            [id_list(urls)],
        ).fetchall()
        return {url: SeenItem(marker, failed, attempts) for url, marker, failed, attempts in rows}

    def record_items(self, outcomes: Iterable[ItemOutcome]) -> None:
        """Record the articles a poll fetched (or tried to), in one transaction."""
        rows = [[outcome.url, outcome.marker, outcome.failed] for outcome in outcomes]
        if not rows:
            return
        with self.store.transaction():
            self.store.db.executemany(
                "INSERT INTO watch_items VALUES (?, ?, ?, 1, now(), now()) ON CONFLICT (url) DO UPDATE SET "
                "marker = excluded.marker, failed = excluded.failed, last_seen = excluded.last_seen, "
                "attempts = CASE WHEN excluded.failed THEN watch_items.attempts + 1 ELSE 1 END",
                rows,
            )
