"""The working record of one article as it passes through the stages."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.clean import Cleaned
from newsgraph.records import Metadata, RawArticle

__all__ = ["Analysis", "ANALYSIS_FIELDS"]


@dataclass
class Analysis:
    """What the stages have found so far about one article; ``None`` means "not yet assigned"."""

    raw: RawArticle
    cleaned: Cleaned | None = None
    metadata: Metadata | None = None


ANALYSIS_FIELDS = frozenset({"raw", "cleaned", "metadata"})
