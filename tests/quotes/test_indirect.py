from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes.indirect import find_reported_clauses


def reported(
    nlp: Language, text: str, quoted: set[int] | None = None
) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    found = find_reported_clauses(doc, quoted or set())
    return [
        (
            text[clause.start : clause.end],
            clause.attribution.speaker.text if clause.attribution.speaker else None,
            clause.attribution.reporter.text if clause.attribution.reporter else None,
        )
        for clause in found
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lopez said that the talks had failed.", [("the talks had failed", "Lopez", None)]),
        (
            "Lopez told reporters on Friday that the line would reopen.",
            [("the line would reopen", "Lopez", None)],
        ),
        (
            "According to the union, the talks failed on Friday.",
            [("the talks failed on Friday", "the union", None)],
        ),
        (
            "The talks failed on Friday, according to the union.",
            [("The talks failed on Friday", "the union", None)],
        ),
        (
            "The city council, they said, is worried about the line.",
            [("The city council, they said, is worried about the line", "they", None)],
        ),
        (
            "The tour will include talks and a dinner, Spain's EFE news agency quoted Lopez as saying.",
            [("The tour will include talks and a dinner", "Lopez", "Spain's EFE news agency")],
        ),
        (
            "The tour will include talks and a dinner, the ministry said, news agency EFE reported.",
            [("The tour will include talks and a dinner", "the ministry", "news agency EFE")],
        ),
    ],
)
def test_finds_the_reported_clause_and_who_reported_it(
    nlp: Language, text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert reported(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Monday.",
        "The report shows the pictures of what it says is debris.",
        "He said that.",
        "Lopez visited Lyon and warned residents.",
    ],
)
def test_reports_no_clause_where_there_is_none(nlp: Language, text: str) -> None:
    assert reported(nlp, text) == []


def test_according_to_beside_a_speech_verb_is_its_reporter_not_a_second_report(nlp: Language) -> None:
    text = "Lopez also said the line will reopen, according to EFE."
    assert reported(nlp, text) == [("the line will reopen", "Lopez", "EFE")]


def test_a_clause_mostly_in_quote_marks_is_left_to_the_quote(nlp: Language) -> None:
    text = 'He said "the line will reopen soon."'
    doc = nlp(text)
    quoted = {token.i for token in doc if token.idx >= text.index('"')}
    assert find_reported_clauses(doc, quoted) == []
    assert [clause.start for clause in find_reported_clauses(doc, set())] == [text.index("the")]
