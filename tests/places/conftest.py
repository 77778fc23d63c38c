"""Fixtures for the place finder's tests: find the places of a text, pick one mention by its words."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.places import PlaceMention, find_places


@pytest.fixture(scope="session")
def places_of(nlp: Language) -> Callable[..., list[PlaceMention]]:
    """``places_of(text, country_hint=None)``: the places of ``text``."""

    def find(text: str, country_hint: str | None = None) -> list[PlaceMention]:
        return find_places(nlp(text), country_hint)

    return find


@pytest.fixture(scope="session")
def place_in(places_of: Callable[..., list[PlaceMention]]) -> Callable[..., PlaceMention]:
    """``place_in(text, words, country_hint=None)``: the one place of ``text`` written ``words``
    (with or without a leading "the", which the recogniser takes in or leaves out)."""

    def pick(text: str, words: str, country_hint: str | None = None) -> PlaceMention:
        wanted = words.removeprefix("the ")
        found = [place for place in places_of(text, country_hint) if place.text.removeprefix("the ") == wanted]
        assert len(found) == 1, f"expected one mention {words!r} in {text!r}, found {found}"
        return found[0]

    return pick
