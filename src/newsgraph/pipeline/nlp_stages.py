"""The language stages: parse the clean body, resolve its actors, find its quotations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.knowledge import load_knowledge_base
from newsgraph.actors.resolve import resolve_actors
from newsgraph.actors.speakers import resolve_speakers, resolve_title_speaker
from newsgraph.errors import PipelineError
from newsgraph.nlp import load_nlp
from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.quotes import find_quotes

__all__ = ["ParseStage", "ActorsStage", "QuotesStage", "reference_date", "text_pieces", "PIECE_CHARS"]


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


# A text longer than this is parsed in pieces of at most this many characters, cut at paragraph
# breaks: the parser's memory grows with the length of what it is given at once (a megabyte in one
# piece took 3 GB), and between pieces the article's time budget is checked.
PIECE_CHARS = 50_000


@dataclass(frozen=True)
class ParseStage:
    """Sentences, tokens, entities and the dependency parse of the clean body (spaCy)."""

    name: str = "newsgraph.parse.v1"
    requires: tuple[str, ...] = ("cleaned",)
    assigns: tuple[str, ...] = ("parsed",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.cleaned is not None
        nlp = load_nlp()
        text = analysis.cleaned.text
        analysis.parsed = nlp(text) if len(text) <= PIECE_CHARS else _parse_in_pieces(nlp, analysis)
        return analysis

    def batch(self, analyses: list[Analysis]) -> list[Analysis | PipelineError]:
        """Parse the articles in one ``nlp.pipe`` call, which is faster than one by one; a long one
        is parsed alone, in pieces, against its own time budget (over it: its error)."""
        nlp = load_nlp()
        texts = [analysis.cleaned.text if analysis.cleaned is not None else "" for analysis in analyses]
        short = [index for index, text in enumerate(texts) if len(text) <= PIECE_CHARS]
        for index, parsed in zip(short, nlp.pipe([texts[index] for index in short], batch_size=64)):
            analyses[index].parsed = parsed
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


def _parse_in_pieces(nlp: Language, analysis: Analysis) -> Doc:
    """The parse of a long text, made piece by piece and joined into one doc of the same text."""
    assert analysis.cleaned is not None
    text = analysis.cleaned.text
    docs = []
    for piece in nlp.pipe(text_pieces(text, PIECE_CHARS), batch_size=1):
        docs.append(piece)
        if analysis.budget is not None:
            analysis.budget.check(ParseStage.name)
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
class ActorsStage:
    """Every person, country and organisation the body names, resolved to one identity each."""

    name: str = "newsgraph.actors.v1"
    requires: tuple[str, ...] = ("parsed", "metadata")
    assigns: tuple[str, ...] = ("actors",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.metadata is not None
        published = reference_date(analysis.metadata.published)
        analysis.actors = resolve_actors(analysis.parsed, load_knowledge_base(), published)
        return analysis


@dataclass(frozen=True)
class QuotesStage:
    """Quotations in the body and the title, each with its speaker resolved to an actor."""

    name: str = "newsgraph.quotes.v1"
    requires: tuple[str, ...] = ("parsed", "actors", "metadata")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, analysis: Analysis) -> Analysis:
        assert analysis.parsed is not None and analysis.actors is not None and analysis.metadata is not None
        kb = load_knowledge_base()
        published = reference_date(analysis.metadata.published)
        body = find_quotes(analysis.parsed)
        speakers = resolve_speakers(analysis.parsed, analysis.actors, body, kb, published)
        found = [FoundQuote("text", span, speaker) for span, speaker in zip(body, speakers)]
        title = analysis.metadata.title
        if title and ('"' in title or "'" in title):
            title_doc = load_nlp()(title)
            in_title = find_quotes(title_doc)
            title_speakers = resolve_title_speaker(title_doc, in_title, analysis.actors, kb, published)
            found += [FoundQuote("title", span, speaker) for span, speaker in zip(in_title, title_speakers)]
        analysis.quotes = found
        return analysis
