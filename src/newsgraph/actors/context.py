"""Actors from context: what appositions and titles say about a person, and who the base does not know.

News introduces a person with a description, after the name ("Victor Cha, a former U.S. national
security official now with the Center for Strategic and International Studies") or before it
("Putin's foreign policy aide Yuri Ushakov", "Deputy Foreign Minister Andrey Rudenko").
:func:`describe` reads such a phrase from the parse into a :class:`Description`:

- the *role*: the description's head noun with its modifiers, without determiners, countries and
  possessors ("former national security official", "foreign policy aide", "professor"); a title
  "of" a department stays whole ("secretary of state");
- the *affiliation*: the organisation after "at", "with", "of", "for" ("a professor at X in
  Honolulu" gives X, without the place);
- the *country*: a country or demonym in the role ("a former U.S. ... official": USA), else the
  country of the possessor ("Putin's aide": RUS);
- the *gender* when a word says it ("sister", "spokeswoman", "Mr.");
- its content *words*, to tell namesakes apart later ("Kim, the professor in Honolulu").

:func:`person_name` tells whether a PERSON entity is a new person (two words or more after any
title: "Lami Kim") or a surname alone ("Kim", "Rudenko's"); :func:`organisation_name` whether an
ORG entity names an organisation worth an actor (its name has an organisation's head word, or it
is someone's affiliation).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.ambiguity import PERSON_TITLES
from newsgraph.actors.sectors import CountryWord

__all__ = [
    "Description",
    "describe",
    "describe_phrase",
    "person_name",
    "organisation_name",
    "titled_as_person",
    "affiliation_span",
    "FEMALE_WORDS",
    "MALE_WORDS",
    "ROLE_SECTORS",
    "ORGANISATION_HEADS",
]

FEMALE_WORDS = frozenset(
    "sister mother daughter wife widow woman girl aunt niece grandmother spokeswoman chairwoman "
    "congresswoman businesswoman queen princess empress actress ms mrs madam lady dame".split()
)
MALE_WORDS = frozenset(
    "brother father son husband widower man boy uncle nephew grandfather spokesman chairman "
    "congressman businessman king prince emperor actor mr sir lord".split()
)
# The CAMEO sector a role word gives a person (with a country): an official is GOV, a general MIL.
ROLE_SECTORS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(
        "minister secretary official spokesperson spokesman spokeswoman aide adviser advisor ambassador "
        "diplomat envoy president premier chancellor governor mayor deputy undersecretary".split(),
        "GOV",
    ),
    **dict.fromkeys("general commander colonel admiral officer soldier marshal".split(), "MIL"),
    **dict.fromkeys("lawmaker senator legislator congressman congresswoman parliamentarian".split(), "LEG"),
    **dict.fromkeys("professor lecturer researcher scholar academic".split(), "EDU"),
})
ORGANISATION_HEADS = frozenset(
    "center centre institute institution agency ministry department university college council party "
    "foundation association company corporation corp group organization organisation commission committee "
    "service bank fund academy society union league federation alliance bureau authority office network "
    "school program programme project initiative observatory mission coalition movement tribunal court".split()
)
# Words that only describe a person: a name they title is a person's, whatever the recogniser said.
_PERSON_ROLES = frozenset(ROLE_SECTORS) | frozenset(
    "aide analyst expert fellow director chief head spokesperson leader researcher correspondent "
    "economist strategist negotiator chairman chairwoman founder executive".split()
) | FEMALE_WORDS | MALE_WORDS
_AFFILIATION_PREPOSITIONS = {"at", "with", "of", "for", "from"}
_PLACE_PREPOSITIONS = {"in", "near", "outside"}
# Titles "of" a department keep their "of": "Secretary of State", "Minister of Foreign Affairs".
_TITLE_OBJECTS = frozenset(
    "state defense defence foreign affairs justice treasury interior homeland security finance war "
    "commerce energy education health labor labour transportation agriculture".split()
)
_NOT_ORGANISATIONS = {"PERSON", "GPE", "NORP", "DATE", "LOC"}
_DROP_DEPS = {"det", "punct", "case", "predet", "cc"}
_TITLE_WORDS = frozenset({t.lower() for t in PERSON_TITLES} | {"comrade", "deputy", "minister", "secretary", "leader"})


@dataclass(frozen=True)
class Description:
    """What a descriptive phrase (tokens ``first..last``) says about the person it describes."""

    first: int
    last: int
    role: str | None
    head: str | None
    affiliation: tuple[int, int] | None
    country: str | None
    possessor: int | None
    words: frozenset[str]
    gender: str | None
    former: bool = False


def describe(
    doc: Doc, first: int, last: int, country_words: Mapping[int, CountryWord], is_name: Callable[[int], bool]
) -> Description | None:
    """The description of the name at tokens ``first..last``, or None when the text gives none.

    The title right before the name ("Deputy Foreign Minister Andrey Rudenko") gives the role
    first, then an apposition after it ("Victor Cha, a former ... official"), then the noun the
    name is itself the apposition of ("Putin's foreign policy adviser, Yuri Ushakov"). Country,
    affiliation, gender and words are gathered from all of them.
    """
    head = _name_head(doc, first, last)
    phrases: list[tuple[int, int, Token]] = []
    before = _title_before(doc, head, first)
    if before is not None:
        phrases.append(before)
    for child in head.children:
        if child.dep_ == "appos" and child.i > last and not is_name(child.i):
            phrases.append((child.left_edge.i, _apposition_end(doc, head, child), child))
    if head.dep_ == "appos" and head.head.i < first and not is_name(head.head.i) and head.head.pos_ in {"NOUN", "PROPN"}:
        owner = head.head
        end = first - 1
        while end > owner.left_edge.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        phrases.append((owner.left_edge.i, end, owner))
    described = [
        item
        for start, end, root in phrases
        if (item := describe_phrase(doc, start, end, root, country_words, is_name)) is not None
    ]
    if not described:
        return None
    main = described[0]
    return Description(
        first=min(item.first for item in described),
        last=max(item.last for item in described),
        role=main.role,
        head=main.head,
        affiliation=next((item.affiliation for item in described if item.affiliation), None),
        country=next((item.country for item in described if item.country), None) or _country_after(head, country_words),
        possessor=next((item.possessor for item in described if item.possessor is not None), None),
        words=frozenset().union(*(item.words for item in described)),
        gender=next((item.gender for item in described if item.gender), None),
        former=main.former,
    )


def _country_after(head: Token, country_words: Mapping[int, CountryWord]) -> str | None:
    """The country "of" or "from" which a titled person is ("President Marcel Dupont of Haiti")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"} and child.i > head.i:
            target = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
            if target is not None and target.i in country_words:
                return country_words[target.i].country
    return None


def describe_phrase(
    doc: Doc,
    start: int,
    end: int,
    root: Token,
    country_words: Mapping[int, CountryWord],
    is_name: Callable[[int], bool],
) -> Description | None:
    """The description given by the phrase at tokens ``start..end`` whose head noun is ``root``."""
    if root.pos_ not in {"NOUN", "PROPN"} or is_name(root.i):
        return None
    affiliation = affiliation_span(doc, root, start, end)
    possessor = next(
        (child.i for child in root.children if child.dep_ == "poss" and start <= child.i and child.pos_ != "PRON"),
        None,
    )
    dropped: set[int] = set()
    if possessor is not None:
        dropped.update(token.i for token in doc[possessor].subtree)
    if affiliation is not None:
        dropped.update(range(affiliation[0], affiliation[1] + 1))
    role_tokens = _role_tokens(doc, root, start, dropped, country_words)
    country = next(
        (country_words[i].country for i in range(start, root.i + 1) if i in country_words and i not in dropped),
        None,
    )
    if country is None and affiliation is not None:
        # "assistant secretary at the U.S. State Department": the body's country is the person's.
        country = next((country_words[i].country for i in range(affiliation[0], affiliation[1] + 1) if i in country_words), None)
    role = " ".join(token.lower_ for token in role_tokens) or None
    content = {token.lemma_.lower() for token in doc[start : end + 1] if token.pos_ in {"NOUN", "PROPN", "ADJ"}}
    gender = _gender(token.lower_.rstrip(".") for token in doc[start : end + 1])
    return Description(
        first=start,
        last=end,
        role=role,
        head=root.lemma_.lower(),
        affiliation=affiliation,
        country=country,
        possessor=possessor,
        words=frozenset(content),
        gender=gender,
        former=any(token.lower_ in {"former", "ex"} for token in role_tokens),
    )


def affiliation_span(doc: Doc, root: Token, start: int, end: int) -> tuple[int, int] | None:
    """The organisation a role belongs to: the name after "at", "with", "of", "for" or "from"
    hanging on the role (or, for an apposition, on the person it describes), without its article
    and without a trailing place ("in Honolulu")."""
    preps = [child for child in root.children if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS]
    if root.dep_ == "appos":
        preps += [
            child
            for child in root.head.children
            if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS and start <= child.i <= end
        ]
    for prep in preps:
        target = next((child for child in prep.children if child.dep_ == "pobj"), None)
        if target is None or target.pos_ != "PROPN" or target.ent_type_ in _NOT_ORGANISATIONS:
            continue
        if prep.lower_ == "of" and _is_title_object(doc, target):
            continue
        span = _organisation_tokens(doc, target)
        if span is not None:
            return span
    return None


def _is_title_object(doc: Doc, target: Token) -> bool:
    words = [token.lower_ for token in doc[target.left_edge.i : target.right_edge.i + 1] if not token.is_punct]
    return bool(words) and all(word in _TITLE_OBJECTS or word == "and" for word in words)


def _organisation_tokens(doc: Doc, target: Token) -> tuple[int, int] | None:
    """The name of the organisation headed by ``target``: its ORG entity (joined with an ORG entity
    right beside it, which the recogniser sometimes splits off), else its run of proper nouns."""
    if target.ent_type_ == "ORG":
        first, last = target.i, target.i
        while first > 0 and doc[first - 1].ent_type_ == "ORG":
            first -= 1
        while last + 1 < len(doc) and doc[last + 1].ent_type_ == "ORG":
            last += 1
    else:
        first, last = target.i, target.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i >= first - 1:
            first -= 1
        for token in doc[target.i + 1 : target.right_edge.i + 1]:
            if token.dep_ == "prep" and token.lower_ in _PLACE_PREPOSITIONS:
                break
            last = token.i
    while first <= last and (doc[first].dep_ == "det" or doc[first].is_punct):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].dep_ in {"cc", "prep"}):
        last -= 1
    return (first, last) if first <= last else None


def _role_tokens(
    doc: Doc, root: Token, start: int, dropped: set[int], country_words: Mapping[int, CountryWord]
) -> list[Token]:
    """The role words: the root, the modifiers before it and a title's "of" object."""
    tokens = [
        token
        for token in doc[max(root.left_edge.i, start) : root.i + 1]
        if token.i not in dropped
        and token.i not in country_words
        and token.dep_ not in _DROP_DEPS
        and not token.is_punct
        and token.ent_type_ not in {"PERSON", "DATE", "CARDINAL"}
        and token.lower_ not in {"now", "then", "also"}
    ]
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            target = next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
            if target is not None and _is_title_object(doc, target):
                tokens.extend(doc[child.i : target.right_edge.i + 1])
    return tokens


def _gender(words: Iterable[str]) -> str | None:
    for word in words:
        if word in FEMALE_WORDS:
            return "female"
        if word in MALE_WORDS:
            return "male"
    return None


def _name_head(doc: Doc, first: int, last: int) -> Token:
    for index in range(last, first - 1, -1):
        token = doc[index]
        if not first <= token.head.i <= last or token.head.i == token.i:
            return token
    return doc[last]


def _title_before(doc: Doc, head: Token, first: int) -> tuple[int, int, Token] | None:
    """The title right before a name, inside its noun phrase ("U.S. Secretary of State Antony
    Blinken", "Putin's foreign policy aide Yuri Ushakov"), with the title's own head noun."""
    start = head.left_edge.i
    while start < first and doc[start].dep_ in {"det", "punct"}:
        start += 1
    if start >= first:
        return None
    end = first - 1
    while end >= start and doc[end].is_punct:
        end -= 1
    if end < start:
        return None
    root = doc[end]
    # "U.S. Secretary of State": the title's head is the noun before its "of" phrase.
    while root.dep_ == "pobj" and root.head.dep_ == "prep" and start <= root.head.head.i < root.i:
        root = root.head.head
    return start, end, root


def _apposition_end(doc: Doc, head: Token, apposition: Token) -> int:
    """Where an apposition ends: its own words, then any "now with X" hanging on the name."""
    end = apposition.right_edge.i
    for child in head.rights:
        if child.i > end and child.dep_ in {"prep", "advmod"} and child.lower_ in _AFFILIATION_PREPOSITIONS | {"now"}:
            end = child.right_edge.i
    while end > apposition.i and doc[end].is_punct:
        end -= 1
    return end


def person_name(entity: Span) -> tuple[int, int] | None:
    """The tokens of a PERSON entity's name without titles or roles before it ("Spokeswoman Maria
    Zakharova") or a possessive after it.

    Returns None for an entity that is no name once those are gone.
    """
    first, last = entity.start, entity.end - 1
    doc = entity.doc
    while first <= last and (
        doc[first].lower_.rstrip(".") in _TITLE_WORDS or doc[first].lower_ in ROLE_SECTORS or doc[first].is_punct
    ):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].lower_ in {"'s", "\u2019s", "'", "\u2019"}):
        last -= 1
    return (first, last) if first <= last else None


def organisation_name(doc: Doc, entity: Span) -> tuple[int, int] | None:
    """The tokens of an ORG entity worth an actor of its own: one whose name holds an
    organisation's head word ("Center", "Institute", "Agency"), without a leading article."""
    first, last = entity.start, entity.end - 1
    while first <= last and (doc[first].dep_ == "det" or doc[first].is_punct):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].lower_ in {"'s", "\u2019s"}):
        last -= 1
    if first > last or not any(doc[i].lower_ in ORGANISATION_HEADS for i in range(first, last + 1)):
        return None
    return first, last


def titled_as_person(doc: Doc, first: int, last: int) -> bool:
    """Whether the proper name at tokens ``first..last`` is described as a person: a person's
    title right before it ("foreign policy aide Pavel Orlov"), an apposition naming a person's
    role ("Orlov, an analyst at X"), or a role it is the apposition of ("the minister's adviser,
    Pavel Orlov"). For names the recogniser did not label PERSON."""
    head = _name_head(doc, first, last)
    if any(token.lemma_.lower() in _PERSON_ROLES for token in doc[head.left_edge.i : first]):
        return True
    if any(child.dep_ == "appos" and child.lemma_.lower() in _PERSON_ROLES for child in head.children):
        return True
    return head.dep_ == "appos" and head.head.lemma_.lower() in _PERSON_ROLES
