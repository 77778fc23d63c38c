"""Finding every quotation in a parsed article, with its kind, cue and speaker.

The steps: pair the quote marks (:mod:`newsgraph.quotes.marks`); leave out the quoted names that
quote nobody (:mod:`newsgraph.quotes.quoted_names`); call each quoted stretch direct
or partial from where it stands; attribute it (:mod:`newsgraph.quotes.attribution`); add the
reported speech found outside quote marks (:mod:`newsgraph.quotes.indirect`); then let a direct
quotation left without attribution inherit the attribution of the latest attributed quotation in
its own or the previous paragraph, the news convention for a quote that goes on after "he said". A quotation left open at the end
of its paragraph and running on into the next takes the attribution its later part has, when the
first part has none ('"... [paragraph] "...," said Ana Ruiz').

A stretch is direct when it opens its paragraph, follows a colon, opens a sentence with a capital,
follows a comma and ends its sentence with a capital first letter (``added, "The ..."``), or is
the second half of a quotation split around its attribution (``"...," he said, "..."``). Any
other quoted stretch is a phrase inside the writer's sentence: partial.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp import doc_text, load_nlp
from newsgraph.quotes.attribution import Attribution, attribute_after_colon, attribute_quote, tokens_between
from newsgraph.quotes.indirect import find_reported_clauses
from newsgraph.quotes.marks import QuotedRegion, find_quoted_regions, paragraph_spans
from newsgraph.quotes.mentions import Mention
from newsgraph.quotes.quoted_names import names_a_thing
from newsgraph.quotes.span import QuoteSpan
from newsgraph.registry import stage_spec

__all__ = ["QUOTES_VERSION", "find_quotes", "find_quotes_in_text"]

QUOTES_VERSION = stage_spec("quotes").name
"""The name and version of this quote finder, stored with what it finds (declared in
:data:`newsgraph.registry.STAGES`)."""

_SENTENCE_END = ".!?"
_CLOSING = "\"'\u201d\u2019\u00bb)"
_SPLIT_GAP = 120


@dataclass(frozen=True)
class _Draft:
    start: int
    end: int
    kind: str
    paragraph: int
    attribution: Attribution | None
    continues: bool = False


def find_quotes_in_text(text: str, nlp: Language | None = None) -> list[QuoteSpan]:
    """Parse ``text`` (a clean article body) with ``nlp`` (default :func:`load_nlp`) and find its quotes."""
    return find_quotes((nlp or load_nlp())(text))


def find_quotes(doc: Doc) -> list[QuoteSpan]:
    """Every direct, partial and indirect quotation in ``doc``, in text order.

    ``doc`` is a clean article body parsed by a pipeline with a tagger, lemmatizer, parser and
    entity recogniser (see :mod:`newsgraph.nlp`).
    """
    text = doc_text(doc)
    paragraphs = paragraph_spans(text)
    regions = find_quoted_regions(text)
    quoted = {
        token.i for region in regions for token in tokens_between(doc, region.outer_start, region.outer_end)
    }
    drafts: list[_Draft] = []
    previous: tuple[QuotedRegion, bool] | None = None
    for region in regions:
        if names_a_thing(doc, text, region, paragraphs[region.paragraph]):
            continue  # 'Operation "Iron Shield"' quotes nobody
        direct = _is_direct(text, region, paragraphs[region.paragraph], previous)
        attribution = attribute_quote(doc, region, direct, quoted, paragraphs[region.paragraph])
        if attribution is None and direct and region.paragraph > 0:
            previous_paragraph = paragraphs[region.paragraph - 1]
            attribution = attribute_after_colon(doc, region, quoted, paragraphs[region.paragraph], previous_paragraph)
        kind = "direct" if direct else "partial"
        drafts.append(_Draft(region.start, region.end, kind, region.paragraph, attribution, region.continues))
        previous = (region, direct)
    paragraph_starts = [start for start, _ in paragraphs]
    for clause in find_reported_clauses(doc, quoted):
        paragraph = max(bisect_right(paragraph_starts, clause.start) - 1, 0)
        drafts.append(_Draft(clause.start, clause.end, "indirect", paragraph, clause.attribution))
    drafts.sort(key=lambda draft: (draft.start, draft.end))
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    return _assemble(text, drafts, sentences, paragraphs)


def _is_direct(
    text: str, region: QuotedRegion, paragraph: tuple[int, int], previous: tuple[QuotedRegion, bool] | None
) -> bool:
    before = text[paragraph[0] : region.outer_start].rstrip()
    capital = text[region.start].isupper() or text[region.start].isdigit()
    if not before or before.endswith(":"):
        return True
    if before.rstrip(_CLOSING).endswith(tuple(_SENTENCE_END)):
        return capital
    if not before.endswith(","):
        return False
    if capital and _ends_sentence(text, region, paragraph):
        return True
    if previous is None or not previous[1] or previous[0].paragraph != region.paragraph:
        return False
    gap = text[previous[0].outer_end : region.outer_start]
    return len(gap) <= _SPLIT_GAP and not any(mark in gap for mark in _SENTENCE_END)


def _ends_sentence(text: str, region: QuotedRegion, paragraph: tuple[int, int]) -> bool:
    after = text[region.outer_end : paragraph[1]].lstrip()
    return not after or after[0] in _SENTENCE_END or (region.closed and text[region.end - 1] in _SENTENCE_END)


def _assemble(
    text: str, drafts: list[_Draft], sentences: list[tuple[int, int]], paragraphs: list[tuple[int, int]]
) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    attributions: list[Attribution | None] = []
    sentence_ends = [end for _, end in sentences]
    for index, draft in enumerate(drafts):
        attribution, carried = draft.attribution, None
        if attribution is None and draft.kind == "direct":
            carried = _carried_forward(drafts, index)
            if carried is not None:
                attribution = drafts[carried].attribution
            else:
                carried = _carried_from(quotes, attributions, draft.paragraph)
                attribution = attributions[carried] if carried is not None else None
        own = [] if carried is not None or attribution is None else _own_spans(attribution)
        evidence = _evidence(text, [(draft.start, draft.end), *own], sentences, sentence_ends, paragraphs[draft.paragraph])
        quotes.append(_quote_span(text, draft, attribution, carried, evidence))
        attributions.append(attribution)
    return quotes


def _carried_forward(drafts: list[_Draft], index: int) -> int | None:
    """The index of the draft whose attribution a quotation left open at its paragraph's end
    takes: the first attributed part of the quotation in the paragraphs it runs on into ('"...
    [paragraph] "...," said Ana Ruiz')."""
    draft = drafts[index]
    paragraph = draft.paragraph
    for later in range(index + 1, len(drafts)):
        if not draft.continues:
            return None
        following = drafts[later]
        if following.paragraph == paragraph:
            continue
        if following.paragraph != paragraph + 1 or following.kind != "direct":
            return None
        if following.attribution is not None and following.attribution.speaker is not None:
            return later
        draft, paragraph = following, following.paragraph
    return None


def _carried_from(
    quotes: list[QuoteSpan], attributions: list[Attribution | None], paragraph: int
) -> int | None:
    """The index of the quotation whose attribution an unattributed one inherits, if any."""
    for index in range(len(quotes) - 1, -1, -1):
        if quotes[index].paragraph < paragraph - 1:
            return None
        attribution = attributions[index]
        if attribution is not None and attribution.speaker is not None:
            origin = quotes[index].carried_from
            return index if origin is None else origin
    return None


def _own_spans(attribution: Attribution) -> list[tuple[int, int]]:
    mentions = [attribution.cue_span, attribution.speaker, attribution.reporter]
    return [(mention.start, mention.end) for mention in mentions if mention is not None]


def _evidence(
    text: str,
    spans: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    sentence_ends: list[int],
    paragraph: tuple[int, int],
) -> tuple[int, int]:
    """The sentences covering ``spans``, cut to the paragraph and stripped of edge spaces.

    ``sentences`` are in text order and do not overlap (``sentence_ends`` are their ends): the
    covering ones are found from the first that ends past the spans, not by reading them all.
    """
    low, high = min(start for start, _ in spans), max(end for _, end in spans)
    covering = []
    for index in range(bisect_right(sentence_ends, low), len(sentences)):
        if sentences[index][0] >= high:
            break
        covering.append(sentences[index])
    start = max(min((start for start, _ in covering), default=low), paragraph[0])
    end = min(max((end for _, end in covering), default=high), paragraph[1])
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote_span(
    text: str, draft: _Draft, attribution: Attribution | None, carried: int | None, evidence: tuple[int, int]
) -> QuoteSpan:
    cue = attribution.cue_span if attribution else None
    speaker = attribution.speaker if attribution else None
    apposition = attribution.apposition if attribution else None
    reporter = attribution.reporter if attribution else None
    return QuoteSpan(
        start=draft.start,
        end=draft.end,
        text=text[draft.start : draft.end],
        kind=draft.kind,
        cue=attribution.cue if attribution else None,
        cue_start=_start(cue),
        cue_end=_end(cue),
        speaker_text=_text(speaker),
        speaker_start=_start(speaker),
        speaker_end=_end(speaker),
        sentence_start=evidence[0],
        sentence_end=evidence[1],
        paragraph=draft.paragraph,
        carried_from=carried,
        apposition_text=_text(apposition),
        apposition_start=_start(apposition),
        apposition_end=_end(apposition),
        reporter_text=_text(reporter),
        reporter_start=_start(reporter),
        reporter_end=_end(reporter),
    )


def _start(mention: Mention | None) -> int | None:
    return mention.start if mention else None


def _end(mention: Mention | None) -> int | None:
    return mention.end if mention else None


def _text(mention: Mention | None) -> str | None:
    return mention.text if mention else None
