"""Time expressions resolved against a fixed publication date: Tuesday, June 18, 2024."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.clean import clean_text
from newsgraph.dates.expressions import Anchor, TimeExpression, find_time_expressions
from newsgraph.dates.names import WEEKDAYS
from newsgraph.dates.partial import PartialDate

TUESDAY = PartialDate(2024, 6, 18)
Row = tuple[str, str | None, str | None, Anchor]


def rows(found: list[TimeExpression]) -> list[Row]:
    return [(e.text, e.value, e.precision, e.anchor) for e in found]


def parsed(nlp: Language, text: str, reference: PartialDate | None = TUESDAY) -> list[Row]:
    return rows(find_time_expressions(text, reference, nlp(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister spoke on Tuesday.", ("Tuesday", "2024-06-18", "day", "published")),
        ("The envoy said Monday that talks had stalled.", ("Monday", "2024-06-17", "day", "published")),
        ("The envoy travelled to Hanoi on Friday.", ("Friday", "2024-06-14", "day", "published")),
        ("The envoy will travel to Hanoi on Friday.", ("Friday", "2024-06-21", "day", "published")),
        (
            "The plane landed in the early hours of Wednesday.",
            ("the early hours of Wednesday", "2024-06-12", "day", "published"),
        ),
        (
            "The leaders are scheduled to meet on Wednesday (Seoul time).",
            ("Wednesday (Seoul time)", "2024-06-19", "day", "published"),
        ),
        ("Shops open Thursday.", ("Thursday", "2024-06-20", "day", "published")),
        ("Shops open Saturday.", ("Saturday", "2024-06-15", "day", "published")),
        ("They met last Tuesday.", ("last Tuesday", "2024-06-11", "day", "published")),
        ("They meet next Friday.", ("next Friday", "2024-06-21", "day", "published")),
    ],
)
def test_weekdays_take_the_nearest_day_on_the_side_of_the_tense(nlp: Language, text: str, expected: Row) -> None:
    assert parsed(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices rose last week.", ("last week", "2024-W24", "week", "published")),
        ("The talks resume this week.", ("this week", "2024-W25", "week", "published")),
        ("A vote is due next week.", ("next week", "2024-W26", "week", "published")),
        ("Output fell last year.", ("last year", "2023", "year", "published")),
        ("Output rose this year.", ("this year", "2024", "year", "published")),
        ("The deal was struck earlier this year.", ("earlier this year", "2024", "year", "published")),
        ("Exports fell last month.", ("last month", "2024-05", "month", "published")),
        ("Exports recover this month.", ("this month", "2024-06", "month", "published")),
        ("The plant closed two years ago.", ("two years ago", "2022", "year", "published")),
        ("He first came 24 years ago.", ("24 years ago", "2000", "year", "published")),
        ("He arrived yesterday.", ("yesterday", "2024-06-17", "day", "published")),
        ("He arrives today.", ("today", "2024-06-18", "day", "published")),
        ("He leaves tomorrow.", ("tomorrow", "2024-06-19", "day", "published")),
        ("Shipments have continued since November.", ("since November", "2023-11", "month", "published")),
        ("The fair opened last November.", ("last November", "2023-11", "month", "published")),
        ("Crowds gathered over the weekend.", ("over the weekend", "2024-06-15", "day", "published")),
    ],
)
def test_relative_expressions_count_from_the_publication_date(nlp: Language, text: str, expected: Row) -> None:
    assert parsed(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council voted in March.", ("March", "2024-03", "month", "published")),
        ("The council voted in August.", ("August", "2023-08", "month", "published")),
        ("The council will vote in March.", ("March", "2025-03", "month", "published")),
        ("The agency reported May 30 that talks had stalled.", ("May 30", "2024-05-30", "day", "published")),
        ("The court ruled on December 28.", ("December 28", "2023-12-28", "day", "published")),
        ("A photo taken September 13, 2023 shows the site.", ("September 13, 2023", "2023-09-13", "day", None)),
        ("Prices have climbed since February 2022.", ("since February 2022", "2022-02", "month", None)),
        ("He first visited the port in 2000.", ("2000", "2000", "year", None)),
    ],
)
def test_dates_without_a_year_take_it_from_the_publication_date(nlp: Language, text: str, expected: Row) -> None:
    assert parsed(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "words", "first", "last"),
    [
        ("The envoy tours Vietnam on June 19-20.", "June 19-20", "2024-06-19", "2024-06-20"),
        ("The fair runs from May 1 to May 3.", "from May 1 to May 3", "2024-05-01", "2024-05-03"),
        ("The fair ran between May 1 and May 3.", "between May 1 and May 3", "2024-05-01", "2024-05-03"),
        ("Talks run from Monday to Wednesday.", "from Monday to Wednesday", "2024-06-17", "2024-06-19"),
        ("Hearings ran December 30-January 2.", "December 30-January 2", "2023-12-30", "2024-01-02"),
        ("Crowds gathered last weekend.", "last weekend", "2024-06-15", "2024-06-16"),
    ],
)
def test_a_range_keeps_its_first_and_last_day(nlp: Language, text: str, words: str, first: str, last: str) -> None:
    (found,) = find_time_expressions(text, TUESDAY, nlp(text))
    assert (found.text, found.value, found.range_end) == (words, first, last)


def test_an_anchored_expression_counts_from_the_last_day_named(nlp: Language) -> None:
    text = "Rebels attacked on Sunday. In 2019 they had struck. The same day, a bridge fell; a week later it rained."
    assert parsed(nlp, text) == [
        ("Sunday", "2024-06-16", "day", "published"),
        ("2019", "2019", "year", None),
        ("The same day", "2024-06-16", "day", 0),
        ("a week later", "2024-W25", "week", 2),
    ]


def test_that_year_counts_from_a_stated_year(nlp: Language) -> None:
    found = parsed(nlp, "The mill opened in 1998. Later that year it burned.")
    assert found[1] == ("Later that year", "1998", "year", 0)


@pytest.mark.parametrize(
    "text",
    [
        "Tensions have grown in recent years.",
        "Aid will flow in the coming weeks.",
        "Factories boomed in the 1990s.",
        "The same day, the bridge fell.",
    ],
)
def test_expressions_without_a_value_keep_their_words(nlp: Language, text: str) -> None:
    (found,) = find_time_expressions(text, TUESDAY, nlp(text))
    assert found.text in text and (found.value, found.precision, found.anchor) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The talks may produce a framework, and we may see more.",
        "May the best team win.",
        "Farmers march on the capital.",
        "Veterans of the 1950 border war gathered.",
    ],
)
def test_words_that_look_like_dates_are_not(nlp: Language, text: str) -> None:
    assert parsed(nlp, text) == []


def test_a_person_named_like_a_month_is_not_a_month(nlp: Language) -> None:
    assert parsed(nlp, "The vote went against Theresa May in the end, since May lost.") == []


def test_without_a_publication_date_only_stated_dates_resolve(nlp: Language) -> None:
    text = "Troops withdrew on Wednesday. On June 3, 2021 they had come; the same day, the town fell."
    assert [(value, anchor) for _, value, _, anchor in parsed(nlp, text, None)] == [
        (None, None),
        ("2021-06-03", None),
        ("2021-06-03", 1),
    ]


def test_a_publication_month_resolves_months_and_years_but_not_weekdays(nlp: Language) -> None:
    text = "Exports fell last month; output rose last year; the plant shut on Friday."
    values = [value for _, value, _, _ in parsed(nlp, text, PartialDate(2024, 6))]
    assert values == ["2024-05", "2023", None]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The envoy will visit on Wednesday.", "2024-06-19"), ("The envoy visited on Wednesday.", "2024-06-12")],
)
def test_without_a_parse_the_tense_comes_from_the_words(text: str, value: str) -> None:
    (found,) = find_time_expressions(text, TUESDAY)
    assert found.value == value


def test_a_parse_of_another_text_is_refused(nlp: Language) -> None:
    with pytest.raises(ValueError, match="parse of text"):
        find_time_expressions("On Monday.", TUESDAY, nlp("On Tuesday."))


def test_offsets_point_at_the_words(nlp: Language) -> None:
    text = "On Monday, a week after talks began last week, the envoy said he would return next year."
    found = find_time_expressions(text, TUESDAY, nlp(text))
    assert found and all(text[e.start : e.end] == e.text for e in found)


# The publication dates of the seed articles, read from the articles.
SEED_PUBLISHED = {
    "000": PartialDate(2024, 6, 18),
    "001": PartialDate(2023, 9, 20),
    "002": PartialDate(2024, 6, 18),
    "003": PartialDate(2024, 6, 19),
    "004": PartialDate(2024, 6, 12),
}
# The day each weekday mention means, in text order, checked by reading each seed.
SEED_WEEKDAYS = {
    "000": ["2024-06-18", "2024-06-19"],
    "001": ["2023-09-20", "2023-09-20"],
    "002": ["2024-06-18", "2024-06-17", "2024-06-17"],
    "003": [
        "2024-06-19", "2024-06-18", "2024-06-19", "2024-06-17", "2024-06-18", "2024-06-18", "2024-06-18", "2024-06-19"
    ],
    "004": ["2024-06-11", "2024-06-12"],
}


def test_every_weekday_in_the_seeds_resolves_to_its_day(nlp: Language, seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        key = path.name[:3]
        text = clean_text(path.read_text(encoding="utf-8")).text
        found = find_time_expressions(text, SEED_PUBLISHED[key], nlp(text))
        weekdays = [e for e in found if any(name in e.text.lower() for name in WEEKDAYS)]
        assert [e.value for e in weekdays] == SEED_WEEKDAYS[key], path.name
        assert all(e.precision == "day" and e.anchor == "published" for e in weekdays)
