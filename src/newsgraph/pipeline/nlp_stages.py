"""The language stages: parse the clean body, resolve its actors, find its quotations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.actors.speakers import Speaker, resolve_speakers, resolve_title_speakers
from newsgraph.errors import NewsgraphError
from newsgraph.nlp import load_nlp
from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.quotes import QUOTES_VERSION, QuoteSpan, find_quotes

__all__ = ["ParseStage", "ActorsStage", "QuotesStage", "reference_date"]


def reference_date(published: str | None) -> date | None:
    """The day an article's ISO date (at any precision) stands for when choosing office holders:
    the day itself, the middle of a month, or the middle of a year."""
    if not published or published.startswith("-"):
        return None
    parts = [int(part) for part in published.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 15)
    return date(parts[0], 7, 1)


@dataclass(frozen=True)
class ParseStage:
    """Sentences, tokens, entities and the dependency parse of the clean body (spaCy)."""

    name: str = "newsgraph.parse.v1"
    requires: tuple[str, ...] = ("cleaned",)
    assigns: tuple[str, ...] = ("parsed",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.cleaned is not None
        nlp = load_nlp()
        if len(analysis.cleaned.text) > nlp.max_length:
            raise NewsgraphError(
                f"{analysis.raw.source}: the article is {len(analysis.cleaned.text):,} characters long, over the "
                f"parser's limit of {nlp.max_length:,}; split it into articles"
            )
        analysis.parsed = nlp(analysis.cleaned.text)
        return analysis

    def batch(self, analyses: list[Analysis]) -> list[Analysis]:
        """Parse many articles in one ``nlp.pipe`` call, which is faster than one by one."""
        nlp = load_nlp()
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
class ActorsStage:
    """Every person, country and organisation the body names, resolved to one identity each, and
    the one reading of which actor any phrase names that the later stages consult."""

    name: str = "newsgraph.actors.v1"
    requires: tuple[str, ...] = ("parsed", "metadata")
    assigns: tuple[str, ...] = ("actors", "reading")

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.metadata is not None
        reading = read_actors(analysis.parsed, load_knowledge_base(), reference_date(analysis.metadata.published))
        analysis.actors, analysis.reading = reading.resolved, reading
        return analysis


@dataclass(frozen=True)
class QuotesStage:
    """Quotations in the body and the title, each with its speaker resolved to an actor on the
    actors stage's reading, or unresolved with the reason, and a confidence."""

    name: str = QUOTES_VERSION
    requires: tuple[str, ...] = ("parsed", "actors", "reading", "metadata")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.reading is not None and analysis.metadata is not None
        kb = load_knowledge_base()
        published = reference_date(analysis.metadata.published)
        body = find_quotes(analysis.parsed)
        speakers = resolve_speakers(analysis.reading, body, kb)
        found = [_found("text", span, speaker) for span, speaker in zip(body, speakers)]
        title = analysis.metadata.title
        if title and ('"' in title or "'" in title):
            title_doc = load_nlp()(title)
            in_title = find_quotes(title_doc)
            actors = analysis.reading.document_actors()
            title_speakers = resolve_title_speakers(title_doc, in_title, actors, kb, published)
            found += [_found("title", span, speaker) for span, speaker in zip(in_title, title_speakers)]
        analysis.quotes = found
        return analysis


def _found(field: str, span: QuoteSpan, speaker: Speaker) -> FoundQuote:
    return FoundQuote(field, span, speaker.actor_id, speaker.reason, speaker.how, speaker.confidence)
