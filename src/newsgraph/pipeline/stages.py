"""The stages of the per-document pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.clean import clean_text
from newsgraph.events import load_ontology, load_patterns
from newsgraph.metadata import resolve_metadata
from newsgraph.nlp import load_nlp
from newsgraph.pipeline.analysis import Analysis
from newsgraph.pipeline.context_stages import AmountsStage, PlacesStage, TimesStage
from newsgraph.pipeline.event_stage import EventsStage
from newsgraph.pipeline.nlp_stages import ActorsStage, ParseStage, QuotesStage
from newsgraph.pipeline.runner import Pipeline, RegisteredStage
from newsgraph.places.finder import default_resolver

__all__ = ["CleanStage", "MetadataStage", "default_pipeline"]


@dataclass(frozen=True)
class CleanStage(RegisteredStage):
    """Raw text to clean body text with an offset map, captions and metadata lines taken out."""

    key: ClassVar[str] = "clean"

    def __call__(self, analysis: Analysis) -> Analysis:
        analysis.cleaned = clean_text(analysis.raw.raw_text, site_lines=analysis.raw.site_lines)
        return analysis


@dataclass(frozen=True)
class MetadataStage(RegisteredStage):
    """Title, outlet, authors, dateline, publication date and language, each with its evidence.

    ``today`` bounds the inference of a missing year; it is injected so results are reproducible.
    """

    key: ClassVar[str] = "metadata"
    today: date = field(default_factory=date.today)

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


def default_pipeline(
    today: date | None = None, *, confidence_floor: float | None = None, max_article_seconds: float | None = None
) -> Pipeline:
    """Clean, metadata, parse, actors, quotes, times, places, amounts, events (events under
    ``confidence_floor`` not coded; None: the confidence model's floor); with
    ``max_article_seconds``, an article taking more CPU time than that is stopped and skipped.

    The heavy resources are loaded here, once, and given to the stages that read with them: the
    language model (parse, and the quotations of the title), the knowledge base (actors,
    quotations' speakers), the gazetteer with the knowledge base (places), the event ontology and
    pattern dictionary (events)."""
    nlp, kb = load_nlp(), load_knowledge_base()
    return Pipeline(
        [
            CleanStage(),
            MetadataStage(today=today or date.today()),
            ParseStage(nlp),
            ActorsStage(kb),
            QuotesStage(kb, nlp),
            TimesStage(),
            PlacesStage(default_resolver()),
            AmountsStage(),
            EventsStage(load_ontology(), load_patterns(), confidence_floor=confidence_floor),
        ],
        max_seconds=max_article_seconds,
    )
