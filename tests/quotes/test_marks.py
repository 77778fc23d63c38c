from __future__ import annotations

import pytest

from newsgraph.quotes.marks import find_quoted_regions, paragraph_spans


def quoted(text: str) -> list[str]:
    return [text[region.start : region.end] for region in find_quoted_regions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The trains will run," the minister said.', ["The trains will run"]),
        ("\u201cThe trains will run,\u201d the minister said.", ["The trains will run"]),
        ('The mayor vowed to do "whatever it takes" to end it.', ["whatever it takes"]),
        ("Lopez vows to do 'whatever it takes' to end rail strike", ["whatever it takes"]),
        ("Lopez vows \u2018full support\u2019 for the union", ["full support"]),
        (
            'He praised "Citizen" Dubois and promised to "resist pressure", aides said.',
            ["Citizen", "resist pressure"],
        ),
        ('"It works," she said, "but slowly."', ["It works", "but slowly."]),
        ('She said:"We stop now."', ["We stop now."]),
    ],
)
def test_pairs_quote_marks_around_the_quoted_words(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The union's leaders don't expect a return to the '90s.",
        "The Farmers' Union and the drivers' plan were rejected.",
        "The mayor\u2019s office said it wasn\u2019t told.",
        'The sign read 5"4 and the a"b code was wrong.',
        "They sang rock'n'roll until the '24 season.",
    ],
)
def test_apostrophes_and_marks_inside_words_are_never_quotes(text: str) -> None:
    assert quoted(text) == []


def test_a_possessive_after_a_single_quote_does_not_close_it_early() -> None:
    text = "Lopez called it 'the rail workers' strike' on Monday."
    assert quoted(text) == ["the rail workers' strike"]


def test_single_quotes_inside_double_quotes_belong_to_the_outer_quote() -> None:
    text = "\"They told us 'no' twice,\" Lopez said."
    assert quoted(text) == ["They told us 'no' twice"]


def test_an_unclosed_quote_stops_at_its_paragraph() -> None:
    text = 'He said "we will win and never stop.\n\nThe minister disagreed with "all of it".'
    regions = find_quoted_regions(text)
    assert [text[region.start : region.end] for region in regions] == [
        "we will win and never stop.",
        "all of it",
    ]
    assert [(region.closed, region.continues) for region in regions] == [(False, False), (True, False)]


def test_a_quote_left_open_continues_when_the_next_paragraph_opens_with_a_quote() -> None:
    text = 'Lopez said: "We will not stop.\n\n"The ministry ignored us," he added.'
    first, second = find_quoted_regions(text)
    assert (first.continues, first.closed, first.paragraph) == (True, False, 0)
    assert (second.paragraph, text[second.start : second.end]) == (1, "The ministry ignored us")


def test_an_unclosed_single_quote_is_taken_for_an_apostrophe() -> None:
    assert quoted("The 'strike was over by noon.") == []


def test_a_second_opening_mark_cuts_an_unclosed_quote() -> None:
    text = "He said \u201cwe stop and then \u201cwe talk\u201d on Friday."
    assert quoted(text) == ["we stop and then", "we talk"]


def test_paragraphs_are_separated_by_blank_lines() -> None:
    text = "  First one.\n\nSecond\n \nThird.  "
    assert [text[start:end] for start, end in paragraph_spans(text)] == ["First one.", "Second", "Third."]
