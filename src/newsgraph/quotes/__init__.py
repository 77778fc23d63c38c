"""Quotations and their speakers: who said what, in which words, according to whom.

:func:`find_quotes` takes a clean article body parsed by :func:`newsgraph.nlp.load_nlp` and
returns one :class:`QuoteSpan` per quotation, in text order: direct quotations, partial ones (a
phrase in quotes inside the writer's sentence) and indirect speech ("X said that ..."), each with
its speech cue, its speaker as written, the speaker's apposition, the reporter that relayed it
and the sentences that are its evidence. Speakers stay as written ("he", "the secretary");
resolving them to actors is the next stage's job.
"""

from __future__ import annotations

from newsgraph.quotes.cues import CUE_VERBS
from newsgraph.quotes.finder import QUOTES_VERSION, find_quotes, find_quotes_in_text
from newsgraph.quotes.span import QUOTE_KINDS, QuoteSpan

__all__ = ["CUE_VERBS", "QUOTES_VERSION", "QUOTE_KINDS", "QuoteSpan", "find_quotes", "find_quotes_in_text"]
