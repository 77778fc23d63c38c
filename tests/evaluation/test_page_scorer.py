"""score_page: which lines cleaning removed and kept, and the title, outlet and date it read."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import parse_gold
from newsgraph.evaluation.page_scorer import PageScore, same_title, score_page
from newsgraph.evaluation.scores import Ratio

RAW = """Lakeside Courier
Home | World | Share
Ministers meet on river pollution
By Ada Novak
Ministers meet on river pollution

LINZ -- Austrian and Czech ministers met on Friday to dis-
cuss pollution in the Vltava, officials said.
The ministers will share water data from July, the Сzech side said after the talks.
\u201cWe cannot wait,\u201d the Austrian minister said.
Share this article
"""
# What a good cleaner keeps: lines unwrapped, the word broken across lines repaired, the dateline
# and the lookalike Cyrillic letter gone, the quote marks straightened; the title stays once.
CLEAN = (
    "Ministers meet on river pollution\n\n"
    "Austrian and Czech ministers met on Friday to discuss pollution in the Vltava, officials said. "
    "The ministers will share water data from July, the Czech side said after the talks.\n\n"
    '"We cannot wait," the Austrian minister said.'
)
GOLD: dict[str, Any] = {
    "article": "courier.txt",
    "published": "2025-03-07",
    "page": {
        "title": "Ministers meet on river pollution",
        "outlet": "Lakeside Courier",
        "published": "2025-03-07",
        "lines": [
            {"starts": "Lakeside Courier", "kind": "junk"},
            {"starts": "Home World Share", "kind": "junk"},
            {"starts": "Ministers meet on river", "kind": "title"},
            {"starts": "By Ada Novak", "kind": "byline"},
            {"starts": "Ministers meet on river", "kind": "title", "n": 2},
            {"starts": "Share", "kind": "junk"},
        ],
    },
    "actors": [],
    "mentions": [],
    "quotes": [],
    "events": [],
}


def score(
    raw: str = RAW,
    clean: str = CLEAN,
    gold: dict[str, Any] | None = None,
    **metadata: str | None,
) -> tuple[PageScore, list[str]]:
    found = {"title": "Ministers meet on river pollution", "outlet": "Lakeside Courier", "published": "2025-03-07"}
    found.update(metadata)
    result, problems = score_page(parse_gold(copy.deepcopy(gold or GOLD), "courier.json"), raw, clean, **found)
    return result, [problem.line() for problem in problems]


def test_listed_lines_are_removed_unless_their_words_are_left_in_the_body() -> None:
    result, problems = score()
    # One of the two title lines is still in the body; the other listed lines are gone, even
    # "Share", whose word the body also uses.
    assert result.junk == Ratio(5, 6)
    assert result.junk_kinds == {"junk": Ratio(3, 3), "title": Ratio(1, 2), "byline": Ratio(1, 1)}
    assert problems == ["courier.txt: page title kept: expected removed; found 'Ministers meet on river' (n=1)"]


def test_every_body_line_survives_unwrapping_repairs_and_a_dateline_moved_out() -> None:
    result, _ = score()
    assert result.body == Ratio(4, 4) and result.body_lost == 0


def test_a_body_line_cleaning_dropped_is_lost_and_listed() -> None:
    clean = CLEAN.replace("The ministers will share water data from July, the Czech side said after the talks.", "")
    result, problems = score(clean=clean)
    assert result.body == Ratio(3, 4)
    lost = "courier.txt: page body line lost: expected kept; found 'The ministers will share water data from July, ...'"
    assert lost in problems


def test_junk_left_in_the_body_is_counted_by_kind() -> None:
    result, problems = score(clean="Lakeside Courier\n\nBy Ada Novak\n\n" + CLEAN)
    assert result.junk_kinds["junk"] == Ratio(2, 3) and result.junk_kinds["byline"] == Ratio(0, 1)
    assert any("junk kept" in line and "'Lakeside Courier'" in line for line in problems)


@pytest.mark.parametrize(
    ("metadata", "wrong"),
    [
        ({"title": "\u2018MINISTERS  meet\u2019 on river pollution"}, None),
        ({"title": "Ministers meet"}, "title"),
        ({"title": None}, "title"),
        ({"outlet": "The lakeside courier"}, None),
        ({"outlet": None}, "outlet"),
        ({"published": "2025-03-07T09:00"}, None),
        ({"published": "2025-03"}, "publication date"),
        ({"published": None}, "publication date"),
    ],
)
def test_title_outlet_and_date_are_compared_folded(metadata: dict[str, str | None], wrong: str | None) -> None:
    result, problems = score(**metadata)
    rights = {"title": result.title, "outlet": result.outlet, "publication date": result.published}
    assert {name for name, ratio in rights.items() if ratio.right == 0} == ({wrong} if wrong else set())
    assert any(f"wrong {wrong}" in line for line in problems) == (wrong is not None)


def test_a_page_that_shows_nothing_is_right_only_when_nothing_is_found() -> None:
    gold = copy.deepcopy(GOLD)
    gold["page"].update(title=None, outlet=None, published=None)
    assert score(gold=gold, title=None, outlet=None, published=None)[0].title == Ratio(1, 1)
    result, _ = score(gold=gold, title=None, outlet="Lakeside Courier", published="2025-03-07")
    assert (result.outlet, result.published) == (Ratio(0, 1), Ratio(0, 1))


@pytest.mark.parametrize(
    ("predicted", "gold", "same"), [("A \u201cdeal\u201d", "a 'DEAL'", True), ("A deal", "A dealer", False)]
)
def test_titles_fold_case_spacing_and_quote_marks(predicted: str, gold: str, same: bool) -> None:
    assert same_title(predicted, gold) is same


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"starts": "Photo by", "kind": "caption"}, r"page.lines\[6\]: no line of courier.txt starts with 'Photo by'"),
        ({"starts": "By Ada Novak", "kind": "byline", "n": 2}, r"page.lines\[6\]: no line \(n=2\) of courier.txt"),
        ({"starts": "pollution in the Vltava", "kind": "junk"}, r"no line of courier.txt starts with"),
    ],
)
def test_a_listed_line_that_starts_no_line_of_the_page_is_an_input_error(line: dict[str, Any], message: str) -> None:
    gold = copy.deepcopy(GOLD)
    gold["page"]["lines"].append(line)
    with pytest.raises(InputError, match=message):
        score(gold=gold)


def test_page_scores_add_up() -> None:
    first, _ = score()
    total = first + first
    assert total.junk == Ratio(10, 12) and total.junk_kinds["title"] == Ratio(2, 4) and total.title == Ratio(2, 2)


def test_a_glued_date_stamp_taken_off_a_body_line_does_not_lose_it() -> None:
    from newsgraph.evaluation.page_scorer import _line_kept

    line = " date 2023-04-15 WASHINGTON (Reuters) - The flight left Abha on Saturday morning for Sanaa."
    assert _line_kept("The flight left Abha on Saturday morning for Sanaa.", line, broken_start=False)
    assert not _line_kept("The flight left Abha for Sanaa.", line, broken_start=False)
