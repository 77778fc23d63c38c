"""Finding the names the knowledge base knows in a parsed text.

:func:`find_names` walks the tokens once and, at each token that can start a name, extends the
stretch word by word while it is still the beginning of some name the base knows, keeping the
longest stretch that is a whole name: so "Korean Central News Agency" is the North Korean agency,
not Taiwan's "Central News Agency" inside it, and "North Korean leader" starts with the demonym
"North Korean", not the word "North". The walk is linear in the text (a name is at most a few
words long) and every comparison goes through the knowledge base's own name normal form, so
"Kim Jong-un" and "Kim Jong Un" are one name.

Each stretch found is then read:

- a name that fits one actor is that actor; a place standing for a state (a capital, "the
  Kremlin", "the Pentagon") is a *metonym*: the state's sector (government, military) when it
  acts, but the country itself when it is only where something happens ("talks in Pyongyang",
  "a visit to Pyongyang", "a Washington-based think tank");
- a surname alone ("Blinken", "Kim") is left for coreference, with the people the base knows by
  that surname;
- an ambiguous name ("Washington", "the North") is decided by :meth:`KnowledgeBase.disambiguate`
  from the words around it.

Names inside dates, numbers, events, laws and titles of works ("the Korean War") are not actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.actors._names import fold, is_acronym, name_key
from newsgraph.actors.kb_records import Candidate, MatchKind
from newsgraph.actors.knowledge import KnowledgeBase
from newsgraph.nlp import doc_text, doc_tokens

__all__ = ["NameMatch", "NameIndex", "find_names", "name_index", "is_place_use"]

_MAX_TOKENS = 14
_CONTEXT_CHARS = 60
# Entities whose words never name an actor, even when they contain a country's name.
_NOT_ACTOR_LABELS = {
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW", "WORK_OF_ART", "LANGUAGE",
}
# Entities of which a capital's name is only a part ("Pyongyang International Airport").
_PLACE_LABELS = {"FAC", "LOC", "ORG"}
_PLACE_PREPOSITIONS = {
    "in", "at", "to", "into", "from", "near", "outside", "inside", "around", "across", "toward", "towards", "via",
    "within", "throughout", "through", "downtown",
}
_NAME_PUNCTUATION = {"-", "\u2010", "\u2011", "&", "'", "\u2019", "."}
_NAME_JOINERS = {"for", "of", "and", "the", "on", "in", "de"}
_POSSESSIVE_ENDINGS = {"'s", "\u2019s", "'", "\u2019"}
_PLACE_VERBS = {"visit", "leave", "reach", "tour", "enter", "arrive", "fly", "travel", "return"}


@dataclass(frozen=True)
class NameMatch:
    """A stretch of tokens ``first``..``last`` (inclusive; characters ``start``..``end``) that the
    knowledge base knows as a name.

    ``actor_id`` is the actor it names, or None for a surname alone (``surname_of`` then lists the
    people the base knows by it). ``how`` is the knowledge base's match kind; ``sector`` is set
    when a place stands for part of a state ("the Pentagon": ``MIL``), and ``place`` when that
    place is only where something happens, so it names the country and not its government.
    """

    first: int
    last: int
    start: int
    end: int
    text: str
    actor_id: str | None
    how: MatchKind
    sector: str | None = None
    code: str | None = None
    place: bool = False
    surname_of: tuple[str, ...] = ()

    @property
    def acronym(self) -> bool:
        return is_acronym(name_key(self.text)) and len(name_key(self.text)) >= 2


@dataclass(frozen=True)
class NameIndex:
    """The folded normal forms of every name the knowledge base knows, and their word prefixes."""

    names: frozenset[str]
    prefixes: frozenset[str]


@lru_cache(maxsize=4)
def name_index(kb: KnowledgeBase) -> NameIndex:
    """The name index of ``kb`` (built once per knowledge base, about 0.1 s)."""
    names: set[str] = set()
    prefixes: set[str] = set()
    for form in kb.name_forms():
        key = fold(name_key(form.matched))
        if not key:
            continue
        names.add(key)
        words = key.split()
        for length in range(1, len(words) + 1):
            prefixes.add(" ".join(words[:length]))
    return NameIndex(frozenset(names), frozenset(prefixes))


def find_names(doc: Doc, kb: KnowledgeBase) -> list[NameMatch]:
    """Every name of the knowledge base in ``doc``, longest first at each position, in text order."""
    index = name_index(kb)
    text = doc_text(doc)
    tokens = doc_tokens(doc)
    found: list[NameMatch] = []
    i = 0
    while i < len(doc):
        token = tokens[i]
        if not _may_start(token):
            i += 1
            continue
        ends: list[int] = []
        j = i
        while j < len(doc) and j - i < _MAX_TOKENS:
            word = tokens[j]
            if j > i and not _may_continue(tokens, j):
                break
            stretch = text[token.idx : word.idx + len(word)]
            key = _prefix_key(stretch)
            if not word.is_punct and key in index.names:
                ends.append(j)
            if key not in index.prefixes and not _attached_apostrophe(tokens, j + 1):
                break
            j += 1
        match = _first_known(doc, text, kb, i, ends)
        if match is None:
            i += 1
            continue
        if not _inside_non_actor(doc, match):
            found.append(match)
        i = match.last + 1
    return found


@lru_cache(maxsize=65536)
def _prefix_key(stretch: str) -> str:
    """The folded name key of ``stretch`` as the beginning of a longer name.

    A possessive at the end of a stretch is kept, since it may be part of a longer name
    ("Democratic People's Republic of Korea"); the knowledge base drops it from a whole name.
    """
    return fold(name_key(stretch + " Z"))[:-2]


def _may_continue(doc: list[Token], index: int) -> bool:
    """Whether the token at ``index`` can go on the name begun before it: a word on the same
    line, or a hyphen, apostrophe or ampersand inside the name ("Kim Jong-un", "AT&T")."""
    token, previous = doc[index], doc[index - 1]
    if token.is_space or "\n" in previous.whitespace_:
        return False
    if token.is_punct:
        attached = not previous.whitespace_ or not token.whitespace_
        return token.text in _NAME_PUNCTUATION and (attached or token.text == "&")
    return not previous.is_punct or previous.text in _NAME_PUNCTUATION


def _attached_apostrophe(doc: list[Token], index: int) -> bool:
    """Whether the token at ``index`` is a possessive ending glued to the word before it."""
    return index < len(doc) and doc[index].lower_ in _POSSESSIVE_ENDINGS and not doc[index - 1].whitespace_


def _may_start(token: Token) -> bool:
    return not (token.is_space or token.is_punct) and any(char.isupper() or char.isdigit() for char in token.text[:1])


def _first_known(doc: Doc, text: str, kb: KnowledgeBase, first: int, ends: list[int]) -> NameMatch | None:
    """The longest stretch from ``first`` to one of ``ends`` the knowledge base reads as a name."""
    for last in reversed(ends):
        candidates = _lookup(kb, text[doc[first].idx : doc[last].idx + len(doc[last])])
        if candidates:
            return _read(doc, text, kb, first, last, candidates)
    return None


@lru_cache(maxsize=16384)
def _lookup(kb: KnowledgeBase, text: str) -> tuple[Candidate, ...]:
    """:meth:`KnowledgeBase.lookup`, remembered: the same names come back in every article."""
    return tuple(kb.lookup(text))


def _read(
    doc: Doc, full: str, kb: KnowledgeBase, first: int, last: int, candidates: tuple[Candidate, ...]
) -> NameMatch | None:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = full[start:end]
    if all(candidate.how == "surname" for candidate in candidates):
        if doc[last].pos_ != "PROPN" and doc[last].ent_type_ != "PERSON":
            return None  # "No country ...": a capitalised word that is no one's name here
        people = tuple(candidate.actor.id for candidate in candidates)
        return NameMatch(first, last, start, end, text, None, "surname", surname_of=people)
    if len(candidates) == 1 and not candidates[0].ambiguous:
        only = candidates[0]
        if only.how == "metonym" and _part_of_longer_place(doc, first, last):
            return None
        place = only.sector is not None and is_place_use(doc, first, last)
        return NameMatch(first, last, start, end, text, only.actor.id, only.how, only.sector, only.code, place)
    before = full[max(0, start - _CONTEXT_CHARS) : start]
    after = full[end : end + _CONTEXT_CHARS]
    resolution = kb.disambiguate(text, before=before, after=after, context=full)
    if resolution.reading != "actor" or resolution.actor_id is None:
        return None
    chosen = next((c for c in candidates if c.actor.id == resolution.actor_id), None)
    how: MatchKind = chosen.how if chosen is not None else "ambiguous"
    code = chosen.code if chosen is not None else kb.actor(resolution.actor_id).code
    if resolution.sector is not None and _part_of_longer_place(doc, first, last):
        return None
    place = resolution.sector is not None and is_place_use(doc, first, last)
    return NameMatch(first, last, start, end, text, resolution.actor_id, how, resolution.sector, code, place)


def is_place_use(doc: Doc, first: int, last: int) -> bool:
    """Whether the name at tokens ``first..last`` says where something is or goes, not who acts.

    "in Pyongyang", "a visit to Pyongyang", "visited Pyongyang", "a Washington-based group" and
    "downtown Pyongyang" are places; "Pyongyang denied", "pressure on Pyongyang", "watched by
    Seoul" are the state acting or acted upon.
    """
    head = _span_head(doc, first, last)
    if last + 2 < len(doc) and doc[last + 1].text in {"-", "\u2010", "\u2011"} and doc[last + 2].lower_ == "based":
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPOSITIONS:
        return True
    if first > 0 and doc[first - 1].lower_ == "downtown":
        return True
    return head.dep_ == "dobj" and head.head.lemma_.lower() in _PLACE_VERBS


def _span_head(doc: Doc, first: int, last: int) -> Token:
    """The token of ``first..last`` whose syntactic head lies outside the stretch."""
    for index in range(last, first - 1, -1):
        token = doc[index]
        if not first <= token.head.i <= last or token.head.i == token.i:
            return token
    return doc[last]


def _part_of_longer_place(doc: Doc, first: int, last: int) -> bool:
    """Whether a place name is the first word of a longer facility or organisation name
    ("Pyongyang International Airport", "Moscow State University")."""
    token = doc[first]
    if token.ent_type_ not in _PLACE_LABELS:
        return False
    entity_end = last + 1
    while entity_end < len(doc) and doc[entity_end].ent_iob_ == "I":
        entity_end += 1
    if entity_end == last + 1:
        return False
    return all(
        word.text[:1].isupper() or word.is_punct or word.lower_ in _NAME_JOINERS for word in doc[last + 1 : entity_end]
    )


def _inside_non_actor(doc: Doc, match: NameMatch) -> bool:
    return any(doc[index].ent_type_ in _NOT_ACTOR_LABELS for index in range(match.first, match.last + 1))
