"""What a place does in its sentence: where something happens, who acts, or where someone is from.

The rules read the dependency parse around the place's head word, in this order:

1. **Affiliation by form**: a dateline ("SEOUL, June 18 -"), "X-based" or "X-born".
2. **Coordination and apposition**: "Seoul and Washington", "Amur region, Russia" take the role of
   the first place; a place modifying another place ("Russia's far east", "Russia-North Korea
   ties") takes that place's role.
3. **Subject**: "Pyongyang has denied", "Washington warned" make the place a participant.
4. **Object**: after a verb of visiting or leaving ("will visit Vietnam", "left North Korea") a
   location, after any other verb a participant ("accused Seoul", "praised Pyongyang").
5. **Prepositional object**, by the preposition and the word it hangs on:

   - "in", "at", "near", "inside", "across", ... (and "from", "of") after a person or an
     organisation ("a professor in Honolulu", "officials in the West", "the embassy in Seoul",
     "the mayor of Osaka") an affiliation; after another place that place's role ("a port in the
     Kamchatka region"); otherwise "in", "at", ... make a location ("met in Pyongyang", "the war
     in Ukraine", "found in Kharkiv"). An organisation's name that is a gathering ("the General
     Assembly in New York") does not count as an organisation;
   - "on" a location for a region or facility ("on the Korean Peninsula"), else a participant
     ("pressure on Pyongyang");
   - "to", "into", "from", "toward" after a word of motion ("a trip to Pyongyang", "invited him to
     Moscow", "returned from Hanoi"), "to" a facility and "from" a region or facility
     ("launched from the cosmodrome") a location, else a participant ("supplied missiles to
     Russia", "seeks arms from the North");
   - "for" after a word of motion ("left Odesa for Istanbul") a location;
   - "after", "before" a location (a stop on a journey);
   - any other ("for", "against", "with", "between", "of", "by", "like") a participant;
   - a preposition coordinated with an earlier one ("to Laos as well as to Cambodia") takes the
     earlier place's role.

6. **Modifier of a noun** ("U.S. officials", "Russia's news agency", "Seoul's mayor") an
   affiliation when the noun is a person or an organisation, else a participant ("Russia's war",
   "U.S. pressure", "North Korea's support").
7. Otherwise (a headline fragment, a place named on its own) a location.

Because the small English parser sometimes hangs "in Seoul" on the verb rather than on the
embassy just before it, a place right after "<person or organisation> in" is an affiliation
whatever the parse says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsgraph.places._lexicon import (
    BASED_WORDS,
    DATELINE_AFTER,
    DIRECTIONAL_PREPOSITIONS,
    GATHERING_NOUNS,
    LOCATIVE_PREPOSITIONS,
    MOTION_WORDS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PLACE_OBJECT_VERBS,
    SEQUENCE_PREPOSITIONS,
    SURFACE_PREPOSITIONS,
)
from newsgraph.places.mention import PlaceKind, PlaceRole

__all__ = ["RoleDecision", "decide_role", "is_person_or_organisation"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_OBJECTS = frozenset({"dobj", "dative", "oprd", "attr"})
_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod"})


@dataclass(frozen=True)
class RoleDecision:
    """A role with its reason, or ``follows``: the index of the place mention whose role this one
    takes (a conjunct, an apposition, a place inside another place's phrase)."""

    role: PlaceRole | None
    reason: str
    follows: int | None = None


def is_person_or_organisation(token: Token, places: Mapping[int, int]) -> bool:
    """Whether ``token`` heads a phrase naming people or an organisation (and not a place)."""
    if token.i in places or token.lemma_.lower() in GATHERING_NOUNS:
        return False
    if token.ent_type_ in ("ORG", "NORP"):
        return True
    return token.lemma_.lower() in PERSON_NOUNS or token.lemma_.lower() in ORGANISATION_NOUNS


def _is_dateline(span: Span) -> bool:
    doc = span.doc
    return (
        span.start == span.sent.start
        and any(char.isalpha() for char in span.text)
        and span.text.isupper()
        and span.end < len(doc)
        and doc[span.end].text[:1] in DATELINE_AFTER
    )


def _is_based(span: Span) -> bool:
    doc, root = span.doc, span.root
    if root.dep_ == "npadvmod" and root.head.lower_ in BASED_WORDS:
        return True
    return (
        span.end + 1 < len(doc)
        and doc[span.end].text == "-"
        and (doc[span.end + 1].lower_ in BASED_WORDS or doc[span.end + 1].lemma_ in BASED_WORDS)
    )


def _is_motion(word: Token) -> bool:
    return word.lemma_.lower() in MOTION_WORDS or word.lower_ in MOTION_WORDS


def _coordinated_with(preposition: Token, places: Mapping[int, int], own: int) -> int | None:
    """The place this preposition's phrase is coordinated with: in "a visit to Laos as well as to
    Cambodia" the second "to" takes the role of the first."""
    index, joined = preposition.i - 1, False
    doc = preposition.doc
    while index >= 0 and (doc[index].pos_ in ("CCONJ", "ADV", "PUNCT") or doc[index].lower_ == "as"):
        joined = joined or doc[index].pos_ == "CCONJ" or doc[index].lower_ == "as"
        index -= 1
    if not joined or index < 0 or index not in places or places[index] == own:
        return None
    earlier = doc[index]
    while earlier.dep_ in ("compound", "conj", "appos") and earlier.head.i in places:
        earlier = earlier.head
    if earlier.dep_ == "pobj" and earlier.head.lower_ == preposition.lower_:
        return places[index]
    return None


def _prepositional(token: Token, kind: PlaceKind, places: Mapping[int, int], own: int) -> RoleDecision:
    preposition = token.head
    coordinated = _coordinated_with(preposition, places, own)
    if coordinated is not None:
        why = f"'{preposition.text} X' coordinated with an earlier '{preposition.text}'"
        return RoleDecision(None, why, follows=coordinated)
    governor = preposition.head
    while governor.pos_ in ("ADP", "CCONJ", "ADV", "SCONJ", "PART") and governor.head.i != governor.i:
        governor = governor.head  # "as well as to Vietnam": the word the whole phrase hangs on
    word = preposition.lower_
    if preposition.dep_ == "agent":
        return RoleDecision("participant", "agent of a passive verb ('by')")
    before = token.doc[preposition.i - 1] if preposition.i > 0 else None
    if word in LOCATIVE_PREPOSITIONS or word in ("from", "of"):
        for candidate in (before, governor):
            if candidate is not None and candidate.i in places and places[candidate.i] != own:
                return RoleDecision(None, f"'{word}' after another place", follows=places[candidate.i])
            if candidate is not None and is_person_or_organisation(candidate, places):
                why = f"'{word} X' after the person or organisation '{candidate.text}'"
                return RoleDecision("origin/affiliation", why)
    if word in LOCATIVE_PREPOSITIONS:
        return RoleDecision("location", f"'{word} X' attached to '{governor.text}'")
    if word == "from" and kind in ("region", "facility"):
        return RoleDecision("location", "'from' a region or facility: where it started")
    if word in SURFACE_PREPOSITIONS:
        if kind in ("region", "facility"):
            return RoleDecision("location", f"'{word}' a region or facility")
        return RoleDecision("participant", f"'{word} X' for a city or country: a target")
    if word in DIRECTIONAL_PREPOSITIONS:
        if word in ("to", "into") and kind == "facility":
            return RoleDecision("location", f"'{word}' a facility: a destination")
        if _is_motion(governor):
            return RoleDecision("location", f"'{word} X' after the word of motion '{governor.text}'")
        return RoleDecision("participant", f"'{word} X' after '{governor.text}', not a word of motion")
    if word == "for" and _is_motion(governor):
        return RoleDecision("location", f"'for X' after the word of motion '{governor.text}': a destination")
    if word in SEQUENCE_PREPOSITIONS:
        return RoleDecision("location", f"'{word} X': a stop on a journey")
    return RoleDecision("participant", f"object of '{word}'")


def decide_role(span: Span, kind: PlaceKind, places: Mapping[int, int], own: int) -> RoleDecision:
    """The role of the place ``span`` (see the module doc); ``places`` maps each token of every
    place mention in the doc to that mention's index, ``own`` is this mention's index."""
    if _is_dateline(span):
        return RoleDecision("origin/affiliation", "a dateline: where the report was filed")
    if _is_based(span):
        return RoleDecision("origin/affiliation", "'X-based': where someone is based")
    token = span.root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        head = token.head
        if head.i in places and places[head.i] != own:
            return RoleDecision(None, f"'{token.dep_}' of another place", follows=places[head.i])
        token = head
    dep, head = token.dep_, token.head
    if dep in _MODIFIERS and head.i in places and places[head.i] != own:
        return RoleDecision(None, "part of another place's name or phrase", follows=places[head.i])
    if dep in _SUBJECTS:
        if dep == "nsubjpass" and head.lemma_ in PLACE_OBJECT_VERBS:
            return RoleDecision("location", f"passive subject of '{head.text}'")
        return RoleDecision("participant", f"subject of '{head.text}'")
    if dep in _OBJECTS:
        if head.lemma_ in PLACE_OBJECT_VERBS:
            return RoleDecision("location", f"object of '{head.text}': the place visited or left")
        return RoleDecision("participant", f"object of '{head.text}'")
    if dep == "pobj":
        return _prepositional(token, kind, places, own)
    if dep in _MODIFIERS or dep == "npadvmod":
        if head.lower_ in BASED_WORDS:
            return RoleDecision("origin/affiliation", f"'{token.text} {head.text}'")
        if is_person_or_organisation(head, places):
            return RoleDecision("origin/affiliation", f"modifies the person or organisation '{head.text}'")
        return RoleDecision("participant", f"modifies '{head.text}': its owner or agent")
    return RoleDecision("location", "no syntactic role: a place named on its own")
