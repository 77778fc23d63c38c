"""The stages of the per-document pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from newsgraph.clean import clean_text
from newsgraph.metadata import resolve_metadata
from newsgraph.pipeline.analysis import Analysis
from newsgraph.pipeline.context_stages import AmountsStage, PlacesStage, TimesStage
from newsgraph.pipeline.event_stage import EventsStage
from newsgraph.pipeline.nlp_stages import ActorsStage, ParseStage, QuotesStage
from newsgraph.pipeline.runner import Pipeline

__all__ = ["CleanStage", "MetadataStage", "default_pipeline"]


@dataclass(frozen=True)
class CleanStage:
    """Raw text to clean body text with an offset map, captions and metadata lines taken out."""

    name: str = "newsgraph.clean.v1"
    requires: tuple[str, ...] = ("raw",)
    assigns: tuple[str, ...] = ("cleaned",)

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.cleaned = clean_text(analysis.raw.raw_text)
        return analysis


@dataclass(frozen=True)
class MetadataStage:
    """Title, outlet, authors, dateline, publication date and language, each with its evidence.

    ``today`` bounds the inference of a missing year; it is injected so results are reproducible.
    """

    today: date = field(default_factory=date.today)
    name: str = "newsgraph.metadata.v1"
    requires: tuple[str, ...] = ("raw", "cleaned")
    assigns: tuple[str, ...] = ("metadata",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.cleaned is not None
        analysis.metadata = resolve_metadata(
            analysis.raw.given,
            analysis.cleaned.found,
            analysis.cleaned.text,
            self.today,
            offset_map=analysis.cleaned.offset_map,
        )
        return analysis


def default_pipeline(today: date | None = None, *, max_article_seconds: float | None = None) -> Pipeline:
    """Clean, metadata, parse, actors, quotes, times, places, amounts, events; with
    ``max_article_seconds``, an article taking more CPU time than that is stopped and skipped."""
    return Pipeline(
        [
            CleanStage(),
            MetadataStage(today=today or date.today()),
            ParseStage(),
            ActorsStage(),
            QuotesStage(),
            TimesStage(),
            PlacesStage(),
            AmountsStage(),
            EventsStage(),
        ],
        max_seconds=max_article_seconds,
    )
