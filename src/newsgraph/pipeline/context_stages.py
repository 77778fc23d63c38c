"""The stages that read the when, where and how many of an article: time expressions resolved
against its publication date, places geocoded with their role, and amounts of counted things."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from newsgraph.amounts import find_amounts
from newsgraph.dates.expressions import find_time_expressions
from newsgraph.dates.partial import PartialDate
from newsgraph.nlp import doc_text
from newsgraph.pipeline.analysis import Analysis
from newsgraph.pipeline.runner import RegisteredStage
from newsgraph.places import find_places
from newsgraph.places.finder import default_resolver
from newsgraph.places.readings import PlaceResolver

__all__ = ["TimesStage", "PlacesStage", "AmountsStage", "publication_reference"]


def publication_reference(published: str | None) -> PartialDate | None:
    """The publication date as the reference for relative expressions, at its known precision."""
    if not published:
        return None
    try:
        return PartialDate.from_iso(published)
    except ValueError:
        return None


@dataclass(frozen=True)
class TimesStage(RegisteredStage):
    """Every time expression, resolved against the publication date ("on Tuesday", "last week")."""

    key: ClassVar[str] = "times"

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.metadata is not None
        reference = publication_reference(analysis.metadata.published)
        analysis.times = find_time_expressions(doc_text(analysis.parsed), reference, analysis.parsed)
        return analysis


@dataclass(frozen=True)
class PlacesStage(RegisteredStage):
    """Every place named, geocoded with ``resolver`` (the gazetteer and the knowledge base), with
    whether it is where something happened or an actor."""

    key: ClassVar[str] = "places"
    resolver: PlaceResolver = field(default_factory=default_resolver, repr=False, compare=False)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None
        analysis.places = find_places(analysis.parsed, resolver=self.resolver)
        return analysis


@dataclass(frozen=True)
class AmountsStage(RegisteredStage):
    """Counted things with their qualifiers ("more than 11,000 containers of munitions")."""

    key: ClassVar[str] = "amounts"

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None
        analysis.amounts = find_amounts(analysis.parsed)
        return analysis
