"""Anchors: a gold mention is the n-th whole-word occurrence of its text; a quote, the n-th run of its first words."""

from __future__ import annotations

import pytest
from evaluation.ruiz_case import BODY, gold_data, make_gold

from newsgraph.errors import InputError
from newsgraph.evaluation import find_phrase, find_words, locate_gold
from newsgraph.evaluation.anchors import count_words


@pytest.mark.parametrize(
    ("text", "phrase", "n", "found"),
    [
        ("Kim Jong Un met Kim Yo Jong.", "Kim", 2, "Kim Yo"),
        ("Kim Jong Un met Kimberly.", "Kim", 2, None),
        ("He said the agency said", "he", 1, None),
        ("The agency said the agency", "the agency", 1, "the agency"),
        ("Seoul’s envoy", "Seoul's", 1, "Seoul’s"),
        ("U.S.-led push", "U.S.", 1, "U.S."),
    ],
    ids=[
        "counts-inside-longer-names",
        "whole-words-only",
        "case-sensitive",
        "case-sensitive-phrase",
        "curly-apostrophe",
        "before-a-hyphen",
    ],
)
def test_find_phrase_counts_whole_word_occurrences(text: str, phrase: str, n: int, found: str | None) -> None:
    span = find_phrase(text, phrase, n)
    assert (None if span is None else text[span[0] : span[0] + len(found or "")]) == found


@pytest.mark.parametrize(
    ("text", "words", "found"),
    [
        ('to do "everything" we can', "do everything we", 3),
        ("to do ‘everything’ we", "do everything", 3),
        ('"We are\nready," he said', "we are ready", 1),
        ("fully com-\nmitted", "fully committed", None),
        ("Russia-North Korea ties", "Russia North Korea", 0),
    ],
    ids=[
        "straight-quotes-between",
        "curly-quotes-between",
        "case-and-line-break",
        "a-broken-word-is-not-the-word",
        "hyphens",
    ],
)
def test_find_words_ignores_what_separates_the_words(text: str, words: str, found: int | None) -> None:
    span = find_words(text, words)
    assert (None if span is None else span[0]) == found


def test_locate_gold_puts_every_anchor_on_its_span() -> None:
    located = locate_gold(make_gold(), BODY, "Ruiz is 'ready to listen'")
    assert [BODY[item.start : item.end] for item in located.mentions] == [
        "Portuguese",
        "Ana Ruiz",
        "Ruiz",
        "Tomas Ruiz",
        "Lisbon Institute",
        "he",
        "Portugal",
    ]
    by_anchor = {item.quote.starts: item.start for item in located.quotes if item.quote.where == "body"}
    assert BODY[by_anchor["But not forever"] :].startswith("But not forever")


def test_overlapping_gold_mentions_are_a_gold_error() -> None:
    data = gold_data()
    data["mentions"].append({"actor": "ana", "text": "Ruiz", "n": 1})
    with pytest.raises(InputError, match=r"ruiz\.json: mentions 'Ana Ruiz' \(n=1\) and 'Ruiz' \(n=1\) overlap"):
        locate_gold(make_gold(data), BODY, "t 'ready to listen'")


def test_a_quote_anchor_not_in_the_text_names_gold_file_and_article() -> None:
    data = gold_data()
    data["quotes"][2]["starts"] = "We were never ready"
    with pytest.raises(
        InputError, match=r"ruiz\.json: quote 'We were never ready' \(n=1\) is not in the clean body of ruiz\.txt"
    ):
        locate_gold(make_gold(data), BODY, "t 'ready to listen'")


@pytest.mark.parametrize(
    ("inner", "optional", "allowed"),
    [("Portuguese", True, True), ("Portuguese", False, False), ("Minister Ana", True, False)],
    ids=["optional-inside", "required-inside", "optional-straddling"],
)
def test_only_an_optional_mention_may_nest_inside_another(inner: str, optional: bool, allowed: bool) -> None:
    data = gold_data()
    data["mentions"] = [mention for mention in data["mentions"] if mention["text"] not in ("Portuguese", "Ana Ruiz")]
    data["mentions"].append({"actor": "ana", "text": "Portuguese Foreign Minister", "n": 1})
    data["mentions"].append({"actor": "prt", "text": inner, "n": 1, "optional": optional})
    gold = make_gold(data)
    if allowed:
        assert len(locate_gold(gold, BODY, "t 'ready to listen'").mentions) == len(data["mentions"])
    else:
        with pytest.raises(InputError, match="only an optional mention may sit inside another"):
            locate_gold(gold, BODY, "t 'ready to listen'")


@pytest.mark.parametrize(
    ("words", "count"), [("share", 2), ("Share this", 1), ("to share", 1), ("shares", 0), ("!!", 0)]
)
def test_count_words_counts_what_find_words_finds(words: str, count: int) -> None:
    text = "Share this article. We want to \u201cshare\u201d more."
    assert count_words(text, words) == count
    assert (find_words(text, words, count) is not None) == (count > 0)
