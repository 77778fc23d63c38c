"""Marking an article's text: overlapping marks, anchors for events, and escaping."""

from __future__ import annotations

import re

import pytest

from newsgraph.web.highlight import Mark, highlight

TEXT = 'Ann said "we <b>won</b>" today.'


def _plain(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&")


@pytest.mark.parametrize(
    "marks",
    [
        [],
        [Mark(0, 3, "actor", "person:ann", "Ann")],
        [Mark(0, 31, "event", "event_1", "CLAIM"), Mark(4, 8, "trigger", "event_1", "CLAIM"),
         Mark(10, 23, "quote", "quote_1", "direct"), Mark(0, 3, "actor", "person:ann", "Ann")],
        [Mark(5, 500, "quote", "quote_x", "out of range"), Mark(3, 3, "actor", "a", "empty")],
    ],
    ids=["none", "one", "overlapping", "unusable"],
)
def test_the_text_survives_marking_unchanged(marks: list[Mark]) -> None:
    assert _plain(str(highlight(TEXT, marks))) == TEXT


def test_markup_in_the_text_is_escaped() -> None:
    html = str(highlight(TEXT, [Mark(10, 23, "quote", "quote_1", 'direct "quote" <i>')]))
    assert "<b>" not in html and "&lt;b&gt;won&lt;/b&gt;" in html
    assert "<i>" not in html


def test_each_piece_carries_every_mark_covering_it() -> None:
    marks = [Mark(0, 31, "event", "event_1", "CLAIM"), Mark(0, 3, "actor", "person:ann", "Ann"),
             Mark(4, 8, "trigger", "event_1", "CLAIM")]
    html = str(highlight(TEXT, marks))
    assert html.startswith('<a class="anchor" id="event-event_1"></a><a href="/actors/person:ann" class="actor event"')
    assert '<span class="event trigger" title="CLAIM" data-events="event_1">said</span>' in html
    assert html.count('data-events="event_1"') == 4  # "Ann", " ", "said", the rest
