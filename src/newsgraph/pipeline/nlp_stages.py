"""The language stages: parse the clean body, resolve its actors, find its quotations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from spacy.language import Language

from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.actors.speakers import Speaker, resolve_speakers, resolve_title_speakers
from newsgraph.dates.partial import PartialDate
from newsgraph.errors import NewsgraphError
from newsgraph.nlp import load_nlp
from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.pipeline.runner import RegisteredStage
from newsgraph.quotes import QuoteSpan, find_quotes

__all__ = ["ParseStage", "ActorsStage", "QuotesStage", "reference_date"]


def reference_date(published: str | None) -> date | None:
    """The day an article's ISO date (at any precision) stands for when choosing office holders:
    the day itself, the middle of a month, or the middle of a year."""
    try:
        value = PartialDate.from_iso(published or "")
    except ValueError:
        return None
    if value.year is None:
        return None
    return date(value.year, value.month or 7, value.day or (15 if value.month else 1))


@dataclass(frozen=True)
class ParseStage(RegisteredStage):
    """Sentences, tokens, entities and the dependency parse of the clean body, with ``nlp`` (the
    spaCy pipeline of :func:`newsgraph.nlp.load_nlp` unless given)."""

    key: ClassVar[str] = "parse"
    nlp: Language = field(default_factory=load_nlp, repr=False, compare=False)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.cleaned is not None
        nlp = self.nlp
        if len(analysis.cleaned.text) > nlp.max_length:
            raise NewsgraphError(
                f"{analysis.raw.source}: the article is {len(analysis.cleaned.text):,} characters long, over the "
                f"parser's limit of {nlp.max_length:,}; split it into articles"
            )
        analysis.parsed = nlp(analysis.cleaned.text)
        return analysis

    def batch(self, analyses: list[Analysis]) -> list[Analysis]:
        """Parse many articles in one ``nlp.pipe`` call, which is faster than one by one."""
        nlp = self.nlp
        texts = []
        for analysis in analyses:
            assert analysis.cleaned is not None
            if len(analysis.cleaned.text) > nlp.max_length:
                raise ValueError("an article is over the parser's limit; parse one by one")
            texts.append(analysis.cleaned.text)
        for analysis, parsed in zip(analyses, nlp.pipe(texts, batch_size=64)):
            analysis.parsed = parsed
        return analyses


@dataclass(frozen=True)
class ActorsStage(RegisteredStage):
    """Every person, country and organisation the body names, resolved to one identity each with
    the knowledge base ``kb``, and the one reading of which actor any phrase names that the later
    stages consult."""

    key: ClassVar[str] = "actors"
    kb: KnowledgeBase = field(default_factory=load_knowledge_base, repr=False, compare=False)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.metadata is not None
        reading = read_actors(analysis.parsed, self.kb, reference_date(analysis.metadata.published))
        analysis.actors, analysis.reading = reading.resolved, reading
        return analysis


@dataclass(frozen=True)
class QuotesStage(RegisteredStage):
    """Quotations in the body and the title, each with its speaker resolved to an actor on the
    actors stage's reading (with the knowledge base ``kb``), or unresolved with the reason, and a
    confidence; the title is parsed with ``nlp``."""

    key: ClassVar[str] = "quotes"
    kb: KnowledgeBase = field(default_factory=load_knowledge_base, repr=False, compare=False)
    nlp: Language = field(default_factory=load_nlp, repr=False, compare=False)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.reading is not None and analysis.metadata is not None
        kb = self.kb
        published = reference_date(analysis.metadata.published)
        body = find_quotes(analysis.parsed)
        speakers = resolve_speakers(analysis.reading, body, kb)
        found = [_found("text", span, speaker) for span, speaker in zip(body, speakers)]
        title = analysis.metadata.title
        if title and ('"' in title or "'" in title):
            title_doc = self.nlp(title)
            in_title = find_quotes(title_doc)
            actors = analysis.reading.document_actors()
            title_speakers = resolve_title_speakers(title_doc, in_title, actors, kb, published)
            found += [_found("title", span, speaker) for span, speaker in zip(in_title, title_speakers)]
        analysis.quotes = found
        return analysis


def _found(where: str, span: QuoteSpan, speaker: Speaker) -> FoundQuote:
    return FoundQuote(where, span, speaker.actor_id, speaker.reason, speaker.how, speaker.confidence)
