"""Where new alert matches go besides the terminal: a JSON Lines file and a webhook."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from newsgraph.alerts.matching import AlertMatch
from newsgraph.errors import FetchError
from newsgraph.fetch import Fetcher
from newsgraph.workers import Failure

__all__ = ["Delivery"]


class Delivery:
    """Appends each match to ``out`` (one JSON object a line) and posts it to ``webhook`` (the
    same object, through ``fetcher``'s address rules). A failure is reported, not raised: the
    match stays recorded, and the watch goes on."""

    def __init__(self, *, out: Path | None = None, webhook: str | None = None, fetcher: Fetcher | None = None) -> None:
        if webhook is not None and fetcher is None:
            raise ValueError("a webhook needs a fetcher")
        self.out = out
        self.webhook = webhook
        self.fetcher = fetcher

    def check(self) -> None:
        """Raise :class:`FetchError` now if the webhook's address may not be posted to."""
        if self.webhook is not None and self.fetcher is not None:
            self.fetcher.check(self.webhook)

    def deliver(self, matches: Sequence[AlertMatch]) -> list[Failure]:
        failures: list[Failure] = []
        if not matches:
            return failures
        if self.out is not None:
            try:
                self.out.parent.mkdir(parents=True, exist_ok=True)
                with self.out.open("a", encoding="utf-8") as handle:
                    for match in matches:
                        handle.write(json.dumps(match.record, ensure_ascii=False, default=str) + "\n")
            except OSError as error:
                failures.append(Failure(str(self.out), f"{self.out}: cannot write the alerts: {error.strerror or error}"))
        if self.webhook is not None and self.fetcher is not None:
            for match in matches:
                try:
                    self.fetcher.post_json(self.webhook, match.record)
                except FetchError as error:
                    failures.append(Failure(self.webhook, f"webhook {error}"))
        return failures
