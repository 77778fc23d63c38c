"""The time one article may take in the pipeline.

An article that would take longer (a megabyte of text, a pathological page) is stopped, reported
by name with the stage it reached, and skipped; the run goes on with the others. Time is the CPU
time of the thread doing the work, so the same article is skipped, or not, however busy the
machine is, and a server's other requests do not count against it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from newsgraph.errors import PipelineError

__all__ = ["Budget", "OverBudget"]


class OverBudget(PipelineError):
    """An article took more than its time budget; it is skipped."""


@dataclass
class Budget:
    """``seconds`` of CPU time for the article ``source``, and what its stages have spent."""

    source: str
    seconds: float
    spent: float = 0.0
    _since: float | None = None

    @contextmanager
    def charging(self, stage: str) -> Iterator[None]:
        """Count this thread's CPU time in the block against the budget, and check it after."""
        outer = self._since is not None
        if not outer:
            self._since = time.thread_time()
        try:
            yield
        finally:
            if not outer and self._since is not None:
                self.spent += time.thread_time() - self._since
                self._since = None
        self.check(stage)

    def check(self, stage: str) -> None:
        """Raise :class:`OverBudget` when the article has used up its time (a long stage calls
        this between pieces of its work, so it stops soon after)."""
        used = self.spent + (time.thread_time() - self._since if self._since is not None else 0.0)
        if used > self.seconds:
            raise OverBudget(
                f"{self.source}: over the time budget of {self.seconds:g} s per article, skipped (stopped after "
                f"{used:.1f} s in stage {stage}; split the article, or raise max_article_seconds)"
            )
