from __future__ import annotations

from newsgraph.linking.features import normalise_quote
from newsgraph.linking.profiles import QuoteItem
from newsgraph.linking.quote_clusters import QuoteGroupIndex

LONG = "We will not allow anyone to threaten the security of our people and our allies in the region"


def quote(quote_id: str, doc_id: str, text: str, speaker: str | None = "person:a") -> QuoteItem:
    return QuoteItem(quote_id, doc_id, speaker, tuple(normalise_quote(text)), None)


def test_curly_and_straight_quotes_and_case_do_not_count() -> None:
    index = QuoteGroupIndex()
    first, _ = index.place(quote("q1", "d1", "“We will not allow anyone to threaten us,” "))
    second, _ = index.place(quote("q2", "d2", '"we will not allow anyone to threaten us"'))
    assert first is second and first.doc_ids == {"d1", "d2"}


def test_a_partial_quote_joins_the_full_one() -> None:
    index = QuoteGroupIndex()
    full, _ = index.place(quote("q1", "d1", LONG))
    partial, _ = index.place(quote("q2", "d2", "threaten the security of our people"))
    assert partial is full


def test_short_words_of_two_speakers_stay_apart_but_a_long_shared_run_does_not() -> None:
    index = QuoteGroupIndex()
    one, _ = index.place(quote("q1", "d1", "a very serious concern for us", speaker="person:a"))
    two, _ = index.place(quote("q2", "d2", "a very serious concern for us", speaker="person:b"))
    assert one is not two
    three, _ = index.place(quote("q3", "d3", LONG, speaker="person:a"))
    four, _ = index.place(quote("q4", "d4", LONG, speaker="org:ministry"))
    assert three is four


def test_two_quotes_in_one_article_are_not_merged_with_each_other() -> None:
    index = QuoteGroupIndex()
    one, _ = index.place(quote("q1", "d1", LONG))
    two, _ = index.place(quote("q2", "d1", LONG))
    assert one is not two


def test_a_bridging_quote_folds_two_groups_into_the_older() -> None:
    index = QuoteGroupIndex()
    older, _ = index.place(quote("q1", "d1", "We will not allow anyone to threaten the security"))
    newer, _ = index.place(quote("q2", "d2", "the security of our people and our allies in the region"))
    assert older is not newer
    bridge, merged = index.place(quote("q3", "d3", LONG))
    assert bridge is older and merged == [newer.id]
    assert {q.id for q in bridge.quotes} == {"q1", "q2", "q3"}
