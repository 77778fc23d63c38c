"""Which stretches of a parsed text may name places, and what their words alone say they are."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.places.finder import default_resolver
from newsgraph.places.spans import find_place_spans, has_region_shape, is_facility_name


@pytest.mark.parametrize(
    ("name", "facility"),
    [
        ("Incheon International Airport", True),
        ("the State Guest House", True),
        ("White House", True),
        ("Kremlin", True),
        ("the House", False),  # a legislature
        ("Airport", False),  # a word, not a name
        ("Center for Strategic Studies", False),
    ],
)
def test_tells_a_facility_by_its_last_word(nlp: Language, name: str, facility: bool) -> None:
    doc = nlp.make_doc(name)
    assert is_facility_name(doc[1:] if doc[0].lower_ == "the" else doc[:]) is facility


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Lake Baikal", True),
        ("Gulf Coast", True),
        ("Northeast", True),
        ("Latin America", True),
        ("Southern Michigan", True),
        ("Terra Nova", False),  # an oil field the recogniser calls a location
        ("Buy Europe", False),
    ],
)
def test_tells_a_region_by_its_shape(nlp: Language, name: str, region: bool) -> None:
    assert has_region_shape(nlp.make_doc(name)[:], default_resolver()) is region


@pytest.mark.parametrize(
    ("sentence", "words", "source"),
    [
        ("Satellites rose from the Vostochny Cosmodrome.", "Vostochny Cosmodrome", "proper noun ending in a facility"),
        ("Shells landed near Donetsk overnight.", "Donetsk", "proper noun naming a city, after a preposition of place"),
        ("The talks were held in the Chilean capital.", "Chilean capital", "a country's capital"),
        ("Power cuts spread across Russia's far east.", "far east", "a part of a country"),
        ("Farmers in the Amur region lost their harvest.", "Amur region", "+ region word"),
    ],
)
def test_finds_places_the_recogniser_misses_or_splits(nlp: Language, sentence: str, words: str, source: str) -> None:
    doc = nlp(sentence)
    spans = {doc[span.start : span.end].text: span.source for span in find_place_spans(doc, default_resolver())}
    assert source in spans[words]


def test_spans_never_overlap(nlp: Language) -> None:
    doc = nlp("Officials at Pyongyang International Airport in the North Korean capital waited.")
    spans = find_place_spans(doc, default_resolver())
    tokens = [token for span in spans for token in range(span.start, span.end)]
    assert len(tokens) == len(set(tokens))
