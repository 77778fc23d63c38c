"""Finding the words that signal events in a parsed sentence, and the pattern each one matches.

Four kinds of trigger:

- a **verb** that a verb pattern matches, constraints and all ("lifted the curfew", "blew up");
- an **adjective** with an infinitive ("is willing to withdraw");
- a **light verb** whose object is an event noun ("held talks", "staged demonstrations",
  "opened an investigation", "carried out air strikes"): the noun says what happened, the verb
  who did it and how the text presents it. A noun such as "effort" or "campaign" hands over to the
  event noun modifying it ("a mediation effort");
- an event **noun** standing on its own ("the summit between Kim and Putin", "Russia's veto").

A word may match several patterns; the most specific one whose constraints all hold wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from newsgraph.events.patterns import Constraint, Pattern, PatternBook, PatternPos
from newsgraph.events.syntax import (
    content_head,
    coordinated,
    dative,
    direct_object,
    lemma,
    modifiers,
    particles,
    prep_lemmas,
    prep_objects,
)
from newsgraph.nlp import doc_tokens

__all__ = ["Predicate", "TriggerKind", "find_predicates", "event_noun"]

TriggerKind = Literal["verb", "adj", "light", "noun"]
IsActor = Callable[[Token], bool]

# Nouns that only carry the event named by their modifier: "a mediation effort", "bombing campaign".
# Nouns that, after "in", say why something was done, not that another event happened.
_IN_AID_OF = frozenset({"support", "response", "retaliation", "solidarity", "defence", "defense", "reprisal"})
# Verbs that call something by a name ("denounced the raid as aggression").
_DESCRIBING = frozenset({
    "describe", "denounce", "condemn", "brand", "label", "characterize", "characterise", "portray", "depict", "see",
    "view", "regard", "treat", "consider", "call", "term", "dismiss", "decry", "slam", "criticize", "criticise",
})
_CARRIERS = frozenset({
    "effort", "campaign", "operation", "process", "initiative", "bid", "drive", "mission", "attempt",
    "plan", "programme", "program", "action", "move", "spree", "wave", "round", "series", "exercise",
})
# Nouns that name a state of affairs: an event only when a verb says it happens ("waged war",
# "declared war"), never on their own ("Russia's war in Ukraine", "since the start of the war").
_ONLY_WITH_A_VERB = frozenset({"war"})
# An agreement named as the subject of what it says or does ("the deal calls for ...", "the
# agreement comes after ...") or as the frame of something else ("under the accord") refers back
# to an agreement; only a verb of making it ("reached", "signed") or a clause saying so codes one.
_AGREEMENTS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "understanding", "settlement"})
_MAKING = frozenset({"reach", "sign", "strike", "seal", "clinch", "conclude", "finalize", "finalise", "broker", "announce", "agree", "approve", "ratify", "negotiate"})
_FRAMING = frozenset({"under", "in", "to", "with", "by", "of"})
_LIGHT_PREPOSITIONS = ("in", "on", "into", "under")
# Entity types no event noun belongs to: "in March" is a month, not a demonstration; a word of a
# name is no event either ("North Atlantic Treaty Organization", "the Istanbul Convention").
_NOT_EVENTS = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
    "ORG", "GPE", "NORP", "FAC", "LOC", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE",
})


@dataclass(frozen=True)
class Predicate:
    """A trigger word with its pattern. ``head`` is the word whose clause gives the event its
    subject and status: the verb or adjective itself, the light verb, or the noun."""

    trigger: Token
    head: Token
    pattern: Pattern
    kind: TriggerKind


def find_predicates(sentence: Span, book: PatternBook, is_actor: IsActor) -> list[Predicate]:
    """Every trigger in ``sentence``, in text order. ``is_actor`` says whether a token heads a
    phrase that names an actor (for the ``@actor`` and ``@person`` classes)."""
    found: list[Predicate] = []
    taken: set[int] = set()
    words = doc_tokens(sentence.doc)[sentence.start : sentence.end]
    for token in words:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADJ" and token.tag_ == "VBN"):
            pattern = match(token, "verb", book, is_actor)
            if pattern is not None:
                found.append(Predicate(token, token, pattern, "verb"))
                continue
            if any(form in book.light_verbs for form in word_forms(token, "verb", book)):
                for noun in _light_objects(token):
                    noun = event_noun(noun, book, is_actor) or noun
                    noun_pattern = match(noun, "noun", book, is_actor)
                    if noun_pattern is not None and noun.i not in taken:
                        found.append(Predicate(noun, token, noun_pattern, "light"))
                        taken.add(noun.i)
        elif token.pos_ == "ADJ":
            pattern = match(token, "adj", book, is_actor)
            if pattern is not None:
                found.append(Predicate(token, token, pattern, "adj"))
    for token in words:
        if token.i in taken or token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in _NOT_EVENTS:
            continue
        if _modifies_a_noun(token) or lemma(token) in _ONLY_WITH_A_VERB or _refers_to_an_agreement(token) or _describes(token):
            continue
        event = event_noun(token, book, is_actor)
        if event is None or event.i in taken:
            continue
        noun_pattern = match(event, "noun", book, is_actor)
        if noun_pattern is not None:
            found.append(Predicate(event, event, noun_pattern, "noun"))
            taken.add(event.i)
    _drop_light_duplicates(found)
    return sorted(found, key=lambda predicate: predicate.trigger.i)


def _modifies_a_noun(token: Token) -> bool:
    """A noun modifying another noun names no event of its own: "war" in "prisoners of war
    exchange" or "war crimes", "ceasefire" in "a ceasefire deal" (the deal is the event). Only a
    carrier noun hands its event to its modifier ("a bombing campaign")."""
    head = token.head
    return token.dep_ == "compound" and head.i != token.i and head.pos_ in ("NOUN", "PROPN") and lemma(head) not in _CARRIERS


def _describes(token: Token) -> bool:
    """A noun that says what something is called or why it was done, not an event of its own:
    "calling them cowardly attacks", "denounced the raid as aggression", "in support of"."""
    if token.dep_ == "oprd":
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "in" and lemma(token) in _IN_AID_OF:
        return True  # "deployed in support of the mission", "in response to", "in retaliation for"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i != token.i:
        return _describes(head.head)  # "as an act of aggression"
    return token.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB" and lemma(head.head) in _DESCRIBING


def _refers_to_an_agreement(token: Token) -> bool:
    """An agreement noun that refers to an agreement already made rather than reporting its
    making: the subject of a clause ("The agreement calls for ...") or the object of "under", "in",
    "to"..., unless a verb of making it hangs on it ("the agreement reached at the talks")."""
    if lemma(token) not in _AGREEMENTS:
        return False
    if any(child.dep_ in ("acl", "relcl") and lemma(child) in _MAKING for child in token.children):
        return False
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return lemma(head) not in _MAKING
    return token.dep_ == "pobj" and head.lower_ in _FRAMING


def _drop_light_duplicates(found: list[Predicate]) -> None:
    """A noun both a light verb's object and on its own counts once, as the light verb's."""
    light = {predicate.trigger.i for predicate in found if predicate.kind == "light"}
    found[:] = [p for p in found if not (p.kind == "noun" and p.trigger.i in light)]


def event_noun(token: Token, book: PatternBook, is_actor: IsActor) -> Token | None:
    """The event noun ``token`` stands for: itself, or the event noun modifying a carrier noun."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    if lemma(token) in _CARRIERS:
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod") and book.patterns_for(lemma(child), "noun"):
                return child
    return token


def _light_objects(verb: Token) -> list[Token]:
    """The event nouns a light verb may carry: its object, and the nouns after in, on and into
    ("engaged in talks", "went on strike", "took part in the summit")."""
    objects: list[Token] = []
    obj = direct_object(verb)
    if obj is not None:
        objects.extend(coordinated(content_head(obj)))
        if lemma(obj) == "part":
            objects.extend(content_head(node) for node in prep_objects(obj, "in"))
    for preposition in _LIGHT_PREPOSITIONS:
        objects.extend(content_head(node) for node in prep_objects(verb, preposition) if node.dep_ == "pobj")
    return [noun for noun in objects if noun.pos_ in ("NOUN", "PROPN")]


def match(token: Token, pos: PatternPos, book: PatternBook, is_actor: IsActor) -> Pattern | None:
    """The most specific pattern for ``token`` as a ``pos`` whose constraints all hold."""
    for form in word_forms(token, pos, book):
        for pattern in book.patterns_for(form, pos):
            if all(_holds(constraint, token, book, is_actor) for constraint in pattern.when):
                return pattern
    return None


def word_forms(token: Token, pos: PatternPos, book: PatternBook) -> list[str]:
    """The lemma, then for a verb the base forms its spelling allows: the lemmatizer sometimes
    misses ("staged" is not "stag"), so "-ed", "-ing" and "-s" endings are undone by rule too."""
    forms = [lemma(token)]
    if pos != "verb":
        return forms
    text = token.lower_
    for ending, replacements in (("ied", ("y",)), ("ed", ("e", "")), ("ing", ("e", "")), ("ies", ("y",)), ("es", ("e", "")), ("s", ("",))):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            stem = text[: -len(ending)]
            for replacement in replacements:
                forms.append(stem + replacement)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])
            break
    return list(dict.fromkeys(form for form in forms if form == forms[0] or book.patterns_for(form, pos) or form in book.light_verbs))


def _slot_words(slot: str, token: Token) -> list[Token] | set[str]:
    if slot == "obj":
        obj = direct_object(token)
        if obj is None:
            return []
        heads = coordinated(content_head(obj))
        return heads + [child for head in heads for child in head.children if child.dep_ == "compound"]
    if slot == "theme":
        themes: list[Token] = []
        for node in (direct_object(token), dative(token)):
            if node is not None:
                themes.extend(coordinated(content_head(node)))
        for node in prep_objects(token, "with"):
            themes.extend(coordinated(content_head(node)))
        return themes
    if slot == "objmod":
        obj = direct_object(token)
        return list(modifiers(obj)) if obj is not None else []
    if slot == "mod":
        return list(modifiers(token))
    if slot == "prt":
        return particles(token)
    if slot == "prep":
        return prep_lemmas(token)
    if slot == "any":
        return [child for child in token.children]
    if slot == "xcomp":
        return [child for child in token.children if child.dep_ == "xcomp" or (child.dep_ in ("acl", "advcl") and _infinitive(child))]
    if slot == "form":
        return {token.lower_}
    if slot == "head":
        return [token.head] if token.head.i != token.i else []
    if slot == "ccomp":
        return [child for child in token.children if child.dep_ == "ccomp"]
    if slot.startswith("prep_"):
        return [content_head(node) for node in prep_objects(token, slot[5:])]
    return []


def _infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _holds(constraint: Constraint, token: Token, book: PatternBook, is_actor: IsActor) -> bool:
    filled = _slot_words(constraint.slot, token)
    if constraint.any_word:
        result = bool(filled)
    elif isinstance(filled, set):
        result = bool(filled & constraint.words)
    else:
        result = any(_fits(word, constraint, book, is_actor) for word in filled)
    return result != constraint.negated


def _fits(word: Token, constraint: Constraint, book: PatternBook, is_actor: IsActor) -> bool:
    word_lemma = lemma(word)
    if word_lemma in constraint.words or word.lower_ in constraint.words:
        return True
    for name in constraint.classes:
        if name in ("actor", "person"):
            if is_actor(word):
                return True
        elif book.in_class(word_lemma, name) or book.in_class(word.lower_, name):
            return True
    return False
