"""Quoted names that quote nobody are no quotations; a name someone coins or calls a person by is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes import find_quotes


def quoted(nlp: Language, text: str) -> list[str]:
    return [quote.text.rstrip(",") for quote in find_quotes(nlp(text)) if quote.kind != "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('The army launched Operation "Iron Shield" on Monday.', id="an-operation"),
        pytest.param("The government has published the white paper \u201cSecurity First\u201d this week.", id="a-document"),
        pytest.param('The raid, code-named "Northern Gate," began at dawn.', id="a-name-with-the-writers-comma"),
        pytest.param('The festival opened with the film "The Last Harvest" on Friday.', id="a-film-with-joining-words"),
    ],
)
def test_a_name_in_quotes_is_no_quotation(nlp: Language, text: str) -> None:
    assert quoted(nlp, text) == []


@pytest.mark.parametrize(
    "text, quotation",
    [
        pytest.param('The minister called the plan "dead" on Monday.', "dead", id="a-word-in-lower-case"),
        pytest.param('Ruiz announced a mission she called "Northern Watch" on Monday.', "Northern Watch", id="a-name-its-speaker-coins"),
        pytest.param('He greeted "Comrade" Tomas Varga warmly at the airport.', "Comrade", id="a-person-called-by-it"),
        pytest.param('Minister Says "We Will Win" As Talks Open In Geneva', "We Will Win", id="a-headline-in-title-case"),
        pytest.param('"Never," she said when asked about a deal.', "Never", id="a-one-word-answer"),
    ],
)
def test_words_in_quotes_are_still_a_quotation(nlp: Language, text: str, quotation: str) -> None:
    assert quotation in quoted(nlp, text)
