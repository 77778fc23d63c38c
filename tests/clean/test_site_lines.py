"""Tests for newsgraph.clean.site_lines: lines an outlet repeats across its documents are furniture."""

from __future__ import annotations

from newsgraph.clean import clean_text
from newsgraph.clean.site_lines import line_key, outlet_key, remove_site_lines, site_lines, with_site_lines
from newsgraph.records import RawArticle
from newsgraph.textmap import TrackedText

SLOGAN = "Valdora Daily \u2014 news you can trust"


def page(number: int, slogan: str = SLOGAN) -> str:
    return (
        f"Ministers meet for talks round {number}\n\n"
        f"The ministers met on day {number} of the talks in Lakeside, officials said.\n\n"
        f"{slogan}\n"
    )


def article(source: str, text: str, **given: str) -> RawArticle:
    return RawArticle(source=source, format="text", raw_text=text, raw_sha=str(hash(text)), given=dict(given))


def test_a_line_in_enough_documents_is_a_site_line_and_text_is_not() -> None:
    found = site_lines([page(1), page(2), page(3, "Valdora Daily - news you can trust"), page(4, "")])
    assert found == {line_key(SLOGAN)}


def test_two_documents_are_too_few() -> None:
    assert site_lines([page(1), page(2)]) == frozenset()


def test_a_line_in_under_half_of_the_documents_stays() -> None:
    pages = [page(1), page(2), page(3)] + [page(number, "") for number in range(4, 10)]
    assert site_lines(pages) == frozenset()


def test_documents_are_grouped_by_outlet_then_host_then_file() -> None:
    assert outlet_key(article("a.txt", "x", outlet="Valdora Daily")) == "outlet:valdora daily"
    assert outlet_key(article("a.txt", "x", url="https://www.valdora.example/x")) == "host:valdora.example"
    assert outlet_key(article("feed.jsonl#L3", "x")) == "file:feed.jsonl"


def test_each_article_gets_the_lines_of_its_own_outlet() -> None:
    ours = [article(f"feed.jsonl#L{number}", page(number)) for number in range(1, 4)]
    other = article("other.txt", page(9))
    marked = with_site_lines([*ours, other])
    assert [bool(item.site_lines) for item in marked] == [True, True, True, False]


def test_cleaning_empties_the_site_lines_and_keeps_the_rest() -> None:
    keys = site_lines([page(1), page(2), page(3)])
    text = TrackedText(page(1))
    assert [edit.reason for edit in remove_site_lines(text, keys).edits] == ["furniture:site_line"]
    cleaned = clean_text(page(1), site_lines=keys)
    assert "trust" not in cleaned.text and "officials said" in cleaned.text
