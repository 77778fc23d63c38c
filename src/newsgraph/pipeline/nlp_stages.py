"""The language stages: parse the clean body, resolve its actors, find its quotations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.reading import read_actors
from newsgraph.actors.speakers import Speaker, resolve_speakers, resolve_title_speakers
from newsgraph.dates.partial import PartialDate
from newsgraph.errors import PipelineError
from newsgraph.nlp import load_nlp, remember_text
from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.pipeline.runner import RegisteredStage
from newsgraph.quotes import QuoteSpan, find_quotes

__all__ = ["ParseStage", "ActorsStage", "QuotesStage", "reference_date", "text_pieces", "PIECE_CHARS"]


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


# A text longer than this is parsed in pieces of at most this many characters, cut at paragraph
# breaks: the parser's memory grows with the length of what it is given at once (a megabyte in one
# piece took 3 GB), and between pieces the article's time budget is checked.
PIECE_CHARS = 50_000


@dataclass(frozen=True)
class ParseStage(RegisteredStage):
    """Sentences, tokens, entities and the dependency parse of the clean body, with ``nlp`` (the
    spaCy pipeline of :func:`newsgraph.nlp.load_nlp` unless given)."""

    key: ClassVar[str] = "parse"
    nlp: Language = field(default_factory=load_nlp, repr=False, compare=False)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.cleaned is not None
        text = analysis.cleaned.text
        parsed = self.nlp(text) if len(text) <= PIECE_CHARS else _parse_in_pieces(self.nlp, analysis, self.name)
        analysis.parsed = remember_text(parsed, text)
        return analysis

    def batch(self, analyses: list[Analysis]) -> list[Analysis | PipelineError]:
        """Parse the articles in one ``nlp.pipe`` call, which is faster than one by one; a long one
        is parsed alone, in pieces, against its own time budget (over it: its error)."""
        nlp = self.nlp
        texts = [analysis.cleaned.text if analysis.cleaned is not None else "" for analysis in analyses]
        short = [index for index, text in enumerate(texts) if len(text) <= PIECE_CHARS]
        for index, parsed in zip(short, nlp.pipe([texts[index] for index in short], batch_size=64)):
            analyses[index].parsed = remember_text(parsed, texts[index])
        done: list[Analysis | PipelineError] = []
        for analysis in analyses:
            try:
                if analysis.parsed is not None:
                    pass
                elif analysis.budget is None:
                    self(analysis)
                else:
                    with analysis.budget.charging(self.name):
                        self(analysis)
                done.append(analysis)
            except PipelineError as error:
                done.append(error)
        return done


def _parse_in_pieces(nlp: Language, analysis: Analysis, stage: str) -> Doc:
    """The parse of a long text, made piece by piece and joined into one doc of the same text."""
    assert analysis.cleaned is not None
    text = analysis.cleaned.text
    docs = []
    for piece in nlp.pipe(text_pieces(text, PIECE_CHARS), batch_size=1):
        docs.append(piece)
        if analysis.budget is not None:
            analysis.budget.check(stage)
    return Doc.from_docs(docs, ensure_whitespace=False)


def text_pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters that join back into it, each ending at a
    paragraph break where there is one, else at a line break, a sentence end or a space."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next(
            (found + len(mark) for mark in ("\n\n", "\n", ". ", " ") if (found := window.rfind(mark)) > 0),
            size,
        )
        yield text[start : start + cut]
        start += cut
    yield text[start:]


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
    return FoundQuote(where, span, speaker.actor_id, speaker.reason, speaker.how, speaker.confidence, speaker.evidence)
