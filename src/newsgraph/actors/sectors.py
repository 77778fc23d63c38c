"""A country's sectors as actors: its government, military, media, intelligence services, ...

News often names no person but a part of a state: "a U.S. State Department spokesperson", "the
South Korean Foreign Ministry", "the Biden administration", "Russian state media", "U.S.
intelligence officials", "South Korean troops". Each stands for one actor per country and sector,
as the CAMEO actor codebook codes them (``USAGOV``, ``KORGOV``, ``RUSMED``, ``USASPY``,
``KORMIL``), with the stable id ``sector:<code>``.

:func:`find_sector_phrases` finds such phrases in the parse: a noun that names a sector (its
*head*: "ministry", "administration", "media", "officials", "troops") with, among the words before
it, something that says whose it is: a country's name or demonym ("South Korean"), a place standing
for the state ("State Department"), or a person the knowledge base places in a country ("the
Biden administration", "Putin's army"). The sector comes from the head and its modifiers: an
intelligence word makes it ``SPY``, a military or defence word ``MIL``, a media word ``MED``;
a place standing for a sector lends its own ("a Pentagon spokesperson" is ``MIL``).

A phrase that describes a named person ("Victor Cha, a former U.S. official") is not the sector:
it is that person's description (see :mod:`newsgraph.actors.context`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Token

from newsgraph.actors.kb_records import Actor
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.actors.mentions import NameMatch
from newsgraph.nlp import doc_tokens

__all__ = [
    "SECTOR_NAMES",
    "SECTOR_TYPES",
    "CountryWord",
    "SectorPhrase",
    "country_words_of",
    "find_sector_phrases",
    "head_sector",
    "phrase_start",
    "sector_id",
    "sector_name",
]

SECTOR_TYPES: Mapping[str, str] = MappingProxyType({
    "GOV": "government", "MIL": "military", "MED": "media", "SPY": "intelligence", "LEG": "legislature",
    "COP": "police", "JUD": "judiciary",
})
SECTOR_NAMES: Mapping[str, str] = MappingProxyType({
    "GOV": "government", "MIL": "military", "MED": "media", "SPY": "intelligence services", "LEG": "legislature",
    "COP": "police", "JUD": "judiciary", "REB": "rebels", "OPP": "opposition", "PTY": "political parties",
    "CVL": "civilians", "EDU": "education", "BUS": "business", "LAB": "labour", "REF": "refugees", "HLH": "health",
    "REL": "religious groups", "CRM": "criminals", "AGR": "agriculture", "NGO": "non-governmental organisations",
})
_HEADS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(
        "ministry department government administration cabinet embassy consulate presidency official "
        "spokesperson spokesman spokeswoman authority diplomat envoy delegation regime leadership mission "
        "negotiator office".split(),
        "GOV",
    ),
    **dict.fromkeys("military army troop soldier force navy marine commander".split(), "MIL"),
    **dict.fromkeys("media television tv broadcaster press newspaper".split(), "MED"),
    **dict.fromkeys("parliament lawmaker legislator legislature congress senate".split(), "LEG"),
    **dict.fromkeys("police policeman".split(), "COP"),
    **dict.fromkeys("court judiciary prosecutor".split(), "JUD"),
    **dict.fromkeys("intelligence spy".split(), "SPY"),
})
_SPY_WORDS = {"intelligence", "spy", "espionage"}
_MIL_WORDS = {"military", "army", "defense", "defence", "armed", "navy", "naval"}
_PERSON_DEPS = {"appos", "attr"}


@dataclass(frozen=True)
class CountryWord:
    """What one token says about whose something is: the alpha-3 ``country``, and the ``sector``
    when the word is a place standing for part of a state ("State Department": ``GOV``)."""

    country: str
    sector: str | None = None


@dataclass(frozen=True)
class SectorPhrase:
    """A phrase (tokens ``first..last``, characters ``start..end``) naming a country's sector."""

    first: int
    last: int
    start: int
    end: int
    text: str
    country: str
    sector: str

    @property
    def code(self) -> str:
        return self.country + self.sector

    @property
    def actor_id(self) -> str:
        return sector_id(self.country, self.sector)


def country_words_of(names: Sequence[NameMatch], kb: KnowledgeBase) -> dict[int, CountryWord]:
    """What each token of the names found says about a country, by token index.

    A country's name, alias or demonym gives the country ("South Korean"); a place standing for a
    sector gives the country and the sector ("State Department": USA, ``GOV``), unless it is only
    where something happens; a person the base places in a country gives that country ("the
    Biden administration"), and so does a surname all of whose bearers share a country.
    """
    found: dict[int, CountryWord] = {}
    for match in names:
        word: CountryWord | None = None
        if match.actor_id is not None:
            actor = kb.actor(match.actor_id)
            if actor.country and actor.type in {"country", "person"}:
                word = CountryWord(actor.country, None if match.place else match.sector)
        else:
            countries = {kb.actor(person).country for person in match.surname_of}
            if len(countries) == 1 and None not in countries:
                word = CountryWord(str(countries.pop()))
        if word is not None:
            for index in range(match.first, match.last + 1):
                found[index] = word
    return found


def sector_id(country: str, sector: str) -> str:
    """The stable id of a country's sector: ``sector:USAGOV``."""
    return f"sector:{country}{sector}"


def sector_name(country: Actor, sector: str) -> str:
    """The display name of a country's sector: "United States government"."""
    return f"{country.name} {SECTOR_NAMES.get(sector, sector.lower())}"


def find_sector_phrases(
    doc: Doc, country_words: Mapping[int, CountryWord], taken: set[int], people: set[int]
) -> list[SectorPhrase]:
    """Every phrase of ``doc`` naming a country's sector, in text order.

    ``country_words`` maps a token index to what that token says about a country (from the names
    already found); ``taken`` holds the tokens of names already standing for an actor (the head
    "Department" of "State Department" is the place's, not a new phrase's); ``people`` the tokens
    of people's names (a phrase describing a person is not a sector).
    """
    found: list[SectorPhrase] = []
    tokens = doc_tokens(doc)
    for head in tokens:
        sector = head_sector(head)
        if sector is None or head.pos_ not in {"NOUN", "PROPN"} or head.i in taken or head.i in people:
            continue
        if _describes_a_person(head, people):
            continue
        words = [token for token in tokens[phrase_start(head) : head.i] if not token.is_punct]
        owner = _owner(words, country_words)
        if owner is None:
            continue
        lowered = {token.lower_ for token in words} | {head.lemma_.lower(), head.lower_}
        found.append(_phrase(doc, head, owner, _sector(sector, lowered, owner)))
    return found


def head_sector(head: Token) -> str | None:
    """The sector a noun names as the head of a phrase ("ministry": ``GOV``, "troops": ``MIL``)."""
    return _HEADS.get(head.lemma_.lower()) or _HEADS.get(head.lower_)


def _describes_a_person(head: Token, people: set[int]) -> bool:
    """Whether the noun is a person's title or apposition ("U.S. official John Doe", "Doe, a U.S.
    official"), or modifies another noun ("government officials": the outer noun counts)."""
    if head.dep_ in _PERSON_DEPS or head.dep_ == "compound":
        return True
    if head.head.i in people and head.dep_ in {"compound", "nmod", "amod"}:
        return True
    return any(child.dep_ == "appos" and child.i in people for child in head.children)


def _owner(words: list[Token], country_words: Mapping[int, CountryWord]) -> CountryWord | None:
    """The country word nearest the head among the words before it."""
    for token in reversed(words):
        found = country_words.get(token.i)
        if found is not None:
            return found
    return None


def _sector(head_sector: str, words: set[str], owner: CountryWord) -> str:
    if words & _SPY_WORDS:
        return "SPY"
    if words & _MIL_WORDS:
        return "MIL"
    if head_sector == "GOV" and owner.sector is not None:
        return owner.sector
    return head_sector


def phrase_start(head: Token) -> int:
    """The first token of the noun phrase ``head`` ends: the unbroken run of its modifiers before
    it, stopping at a conjunction or a comma (a parser that joins "on alert and Japanese state
    media" into one phrase still gives "Japanese state media")."""
    doc = head.doc
    index = head.i
    while index > head.left_edge.i:
        before = doc[index - 1]
        if before.dep_ == "cc" or before.text in {",", ";", "(", ")", "—", "–", ":"}:
            break
        index -= 1
    return index


def _phrase(doc: Doc, head: Token, owner: CountryWord, sector: str) -> SectorPhrase:
    first = phrase_start(head)
    span = doc[first : head.i + 1]
    return SectorPhrase(first, head.i, span.start_char, span.end_char, span.text, owner.country, sector)
