"""The quote finder on the five real seed articles: floors measured on them, to only go up."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes import QuoteSpan, find_quotes

QUOTED_FLOOR = 60
ATTRIBUTED_SHARE_FLOOR = 0.9


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language, seed_texts: dict[str, str]) -> dict[str, list[QuoteSpan]]:
    return {name: find_quotes(nlp(text)) for name, text in seed_texts.items()}


def marked(found: dict[str, list[QuoteSpan]]) -> list[QuoteSpan]:
    return [quote for quotes in found.values() for quote in quotes if quote.kind != "indirect"]


def test_finds_the_quotations_in_quote_marks(seed_quotes: dict[str, list[QuoteSpan]]) -> None:
    assert len(marked(seed_quotes)) >= QUOTED_FLOOR


def test_attributes_nearly_every_quotation_to_a_speaker(seed_quotes: dict[str, list[QuoteSpan]]) -> None:
    quotes = marked(seed_quotes)
    attributed = [quote for quote in quotes if quote.speaker_text]
    assert len(attributed) / len(quotes) >= ATTRIBUTED_SHARE_FLOOR


def test_every_span_points_at_its_words_within_one_paragraph(
    seed_texts: dict[str, str], seed_quotes: dict[str, list[QuoteSpan]]
) -> None:
    for name, quotes in seed_quotes.items():
        text = seed_texts[name]
        for quote in quotes:
            assert text[quote.start : quote.end] == quote.text and "\n\n" not in quote.text
            assert quote.sentence_start <= quote.start <= quote.end <= quote.sentence_end
            if quote.speaker_start is not None and quote.carried_from is None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


def test_a_carried_quotation_points_back_at_an_attributed_one(
    seed_quotes: dict[str, list[QuoteSpan]],
) -> None:
    carried = [
        (quotes, quote)
        for quotes in seed_quotes.values()
        for quote in quotes
        if quote.carried_from is not None
    ]
    assert carried
    for quotes, quote in carried:
        origin = quotes[quote.carried_from or 0]
        assert origin.carried_from is None and origin.speaker_text == quote.speaker_text
