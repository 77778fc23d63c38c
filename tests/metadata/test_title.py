"""The headline: when the first line is one, its editorial tags, and its repeat."""

from __future__ import annotations

import pytest

from newsgraph.metadata.title import find_title, strip_tags
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

BODY = "Two governments agreed on Tuesday to share gauge readings every hour, officials said.\n"


def run(text: str) -> tuple[str, list[Found]]:
    tracked = TrackedText(text)
    result = find_title(tracked)
    return tracked.apply(result.edits)[0].text, result.found


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("Ministers pledge hourly river data", "Ministers pledge hourly river data"),
        ("(LEAD) Ministers pledge hourly river data", "Ministers pledge hourly river data"),
        ("(2nd LD) (URGENT) Ministers pledge river data", "Ministers pledge river data"),
        ("(News Focus) Why the river data pact matters", "Why the river data pact matters"),
        ("[AMBIENT] Rain returns to the valley", "Rain returns to the valley"),
        ("UPDATE 2-Ministers pledge hourly river data", "Ministers pledge hourly river data"),
        ("EXCLUSIVE-Dam operator hid gauge faults", "Dam operator hid gauge faults"),
        ("NATO-Valdora drills begin near the border", "NATO-Valdora drills begin near the border"),
        ("Ministers pledge 'everything' for the U.S.", "Ministers pledge 'everything' for the U.S."),
        ("Will the river pact hold?", "Will the river pact hold?"),
    ],
)
def test_a_headline_is_the_title_without_its_tags(headline: str, title: str) -> None:
    text, found = run(f"{headline}\n\n{BODY}")
    assert text == f"\n\n{BODY}"
    assert [(item.field, item.value) for item in found] == [("title", title)]


def test_the_evidence_keeps_the_tag() -> None:
    (found,) = run(f"(LEAD) Ministers pledge hourly river data\n\n{BODY}")[1]
    assert found.evidence.text == "(LEAD) Ministers pledge hourly river data"
    assert (found.evidence.raw_start, found.evidence.raw_end) == (0, 41)


def test_a_repeat_of_the_headline_after_the_byline_is_deleted_too() -> None:
    headline = "Ministers pledge hourly river data"
    text, found = run(f"{headline}\n\n\n{headline}\n\n{BODY}")
    assert text == f"\n\n\n\n\n{BODY}"
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        # A first paragraph, not a headline.
        BODY + "\n" + BODY,
        # A short first paragraph ending in a full stop.
        "The gauges went live at noon.\n\n" + BODY,
        # A byline the byline step left (it names no person).
        "By Valdora Shipping Group Inc\n\n" + BODY,
        # A dateline opens the first line.
        "VALDORA (Reuters) - Ministers met at noon on the dam\n\n" + BODY,
        # The first line of hard-wrapped prose that goes on in lower case.
        "Two governments agreed on Tuesday to share\ngauge readings every hour, officials said.\n",
        # The first line of hard-wrapped prose whose next lines stop mid-sentence.
        (
            "Valdora Water Board and Lisbon Hydro\nSA said they plan to pool the money for\n"
            "new gauges along the river, which floods\nevery spring.\n"
        ),
        # Too short to be a headline.
        "Politics\n\n" + BODY,
        # A line that goes on.
        "Ministers said the following:\n\n" + BODY,
    ],
)
def test_no_title_when_the_first_line_is_not_a_headline(text: str) -> None:
    assert run(text) == (text, [])


def test_a_headline_above_paragraph_lines_that_each_end_a_sentence_is_a_title() -> None:
    text = "Ministers pledge hourly river data\nThe pact was signed at noon.\nGauges go live in May.\n"
    assert [item.value for item in run(text)[1]] == ["Ministers pledge hourly river data"]


def test_a_headline_above_a_dateline_paragraph_is_a_title() -> None:
    text = (
        "Ministers pledge hourly river data\n"
        "VALDORA (Reuters) - Two governments agreed on\nTuesday to share gauge readings every hour.\n"
    )
    assert [item.value for item in run(text)[1]] == ["Ministers pledge hourly river data"]


@pytest.mark.parametrize(
    ("headline", "value"), [("(LEAD) X y z", "X y z"), ("(Un)happy valley towns", "(Un)happy valley towns")]
)
def test_strip_tags(headline: str, value: str) -> None:
    assert strip_tags(headline) == value


def test_a_headline_only_brief_keeps_its_headline_as_the_body() -> None:
    text = TrackedText("HARBOUR BOARD SETS NEW FERRY TIMETABLE\n")
    result = find_title(text)
    assert [found.value for found in result.found] == ["HARBOUR BOARD SETS NEW FERRY TIMETABLE"]
    assert result.edits == []


def test_a_first_line_ending_inside_a_quotation_is_prose_not_a_headline() -> None:
    text = TrackedText('The minister told reporters, "We will not back down."\n\nMore text follows here.\n')
    assert find_title(text).found == []


@pytest.mark.parametrize(
    "header",
    [
        "WorldEuropeTop Stories",
        "NewsPoliticsWorldSport",
        "Valdora media US Valdora.us",
        "HomeNewsEurope\nValdora Daily valdora.com",
        "World News",
        "Latest News And Breaking Headlines",
        "No menu items!",
    ],
)
def test_a_site_header_above_the_headline_is_deleted_and_the_headline_read(header: str) -> None:
    headline = "Ministers pledge hourly river data"
    text, found = run(f"{header}\n{headline}\n\n{BODY}")
    assert text == "\n" * (header.count("\n") + 1) + f"\n\n{BODY}"
    assert [(item.field, item.value) for item in found] == [("title", headline)]


@pytest.mark.parametrize(
    "headline",
    ["YouTube removes McCarthy video after complaints", "Amazon.com posts record profit as sales rise"],
)
def test_a_headline_with_one_glued_word_or_a_domain_inside_is_a_headline(headline: str) -> None:
    text, found = run(f"{headline}\n\n{BODY}")
    assert [(item.field, item.value) for item in found] == [("title", headline)]


def test_every_repeat_of_the_headline_near_it_is_deleted() -> None:
    headline = "Ministers pledge hourly river data"
    text, found = run(f"{headline}\n\n{headline}\n\n1 minute read\nBy Ann Lee\n\n{headline}\n\n{headline}\n\n{BODY}")
    assert text == f"\n\n\n\n1 minute read\nBy Ann Lee\n\n\n\n\n\n{BODY}"
    assert len(found) == 1


def test_a_section_label_over_prose_stays() -> None:
    text = "World News\n\n" + BODY
    assert run(text) == (text, [])
