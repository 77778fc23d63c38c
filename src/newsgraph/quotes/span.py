"""The record of one quotation: the words, how they are quoted, and who said them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["QUOTE_KINDS", "QuoteSpan"]

QUOTE_KINDS = ("direct", "partial", "indirect")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in a clean text; every offset is a character offset into that text.

    ``start``/``end``/``text`` are the quoted words without the quote marks (and without the
    comma house style puts before a closing mark); for indirect speech, the reported clause
    without its "that".

    ``kind`` is ``"direct"`` (a whole sentence or clause in quotes, possibly several sentences),
    ``"partial"`` (a phrase in quotes inside the writer's sentence: called the plan "a disgrace") or
    ``"indirect"`` (reported speech without quote marks: X said that ...). A direct quotation split
    around its attribution ('"...," he said, "..."') gives two spans, one per quoted stretch, both
    attributed to the same cue, so every span is one contiguous stretch of text. A quotation running
    over several paragraphs gives one span per paragraph.

    ``cue`` is the speech verb's lemma ("say", "tell", "point out") or ``"according to"``, and
    ``cue_start``/``cue_end`` its span. ``speaker_*`` is the speaker as written: a name without its
    description ("Ana Ruiz"), a description when there is no name ("a ministry
    spokesperson"), or a pronoun ("he") for coreference to resolve. ``apposition_*`` is the phrase
    describing a named speaker (the apposition after the name, or the title before it), kept apart
    to tell namesakes apart. ``reporter_*`` is whoever relayed the words ("Y quoted X as saying",
    "according to Y", "..., Y reported"). Any of these is None when the text does not say.

    ``sentence_start``/``sentence_end`` cover the sentence(s) holding the quotation and its
    attribution, the evidence to show a reader; ``paragraph`` is the index of the paragraph
    (paragraphs are separated by blank lines).

    ``carried_from`` is set on a quotation with no attribution of its own that continues an earlier
    one (news style lets a quote in the next paragraph, or the next sentence, go unattributed), or
    that runs on into later paragraphs where it is attributed: it is the index, in the list
    :func:`~newsgraph.quotes.find_quotes` returns, of the quotation whose attribution it inherits
    (an earlier one, or a later part of the same quotation). The cue, speaker, apposition and reporter fields are then copied from
    that quotation, so they point at text outside this quotation's sentences.
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    sentence_start: int
    sentence_end: int
    paragraph: int
    carried_from: int | None = None
    apposition_text: str | None = None
    apposition_start: int | None = None
    apposition_end: int | None = None
    reporter_text: str | None = None
    reporter_start: int | None = None
    reporter_end: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in QUOTE_KINDS:
            raise ValueError(f"quote kind must be one of {QUOTE_KINDS}, not {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad quote span {self.start}..{self.end}")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
