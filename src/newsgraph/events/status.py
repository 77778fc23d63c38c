"""How a sentence presents an event: asserted, planned, hypothetical, denied, negated, reported.

:func:`read_framing` looks at the clause of an event's head word and at the clauses governing it,
up to the nearest reporting verb:

- **negation** on the head or on a governing verb ("did not attend", "refused" is a REJECT of its
  own, "failed to reach") makes the event negated;
- a **denial** verb governing it ("have denied arms transfers", "denied that ... supplied") makes
  it denied, by the denier;
- **modals and control verbs** make it planned ("will", "is set to", "is expected to", "plans
  to", "is due to") or hypothetical ("could", "may", "might", "should", "tried to"); "would" after
  a past reporting verb is the future seen from the past ("said they would meet"), planned;
  elsewhere it is hypothetical. A clause introduced by "if" or "unless" is hypothetical;
- the nearest **reporting verb** ("said", "revealed", "told"), a parenthetical one ("..., officials
  said") or "according to" gives the reporter; whether the report makes the event alleged depends
  on who the reporter is, which the coder decides;
- an **obligation** modal ("must", "should", "have to") under a reporting verb is recorded, for
  the coder to read "X said Y must do Z" as X's demand on Y.

An event noun ("summit", "attack") has the status its own modifiers give ("the planned summit",
"a possible attack", "no talks"); only a denial verb whose object it is reaches it from outside.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.patterns import PatternBook
from newsgraph.events.records import Status
from newsgraph.events.syntax import clause_chain, is_passive, lemma, prep_objects, subject

__all__ = ["Framing", "read_framing", "read_noun_framing"]

_PAST = ("VBD", "VBN")


@dataclass(frozen=True)
class Framing:
    """What the sentence says about an event's reality, before the coder weighs who reports it.

    ``reporter`` is the token heading the reporting party's phrase, ``speech`` the reporting verb;
    ``denier`` heads the phrase of whoever denies the event. ``conditional`` is true when the
    event's clause carries an "if" or "unless" condition; ``obligation`` when it is something a
    reported speaker says another must do; ``future`` when a modal or control verb puts it in the
    future ("will", "would", "plans to"), whatever its status.
    """

    status: Status
    negated: bool
    reporter: Token | None = None
    speech: Token | None = None
    denier: Token | None = None
    conditional: bool = False
    obligation: bool = False
    future: bool = False


@dataclass
class _Reading:
    negated: bool = False
    planned: bool = False
    hypothetical: bool = False
    reported_future: bool = False
    obligation: bool = False


def _own_marks(token: Token, book: PatternBook, reading: _Reading) -> None:
    """Negation and modals on ``token`` itself (or on the verb it is coordinated with, when it has
    no auxiliary of its own)."""
    carrier = token
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        carrier = token.head
    auxiliaries = [child for child in carrier.children if child.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if not any(child.dep_ == "aux" for child in auxiliaries) and carrier.dep_ == "conj":
        auxiliaries += [child for child in carrier.head.children if child.dep_ == "aux"]
    negators = book.status_words["negators"]
    for child in auxiliaries:
        word = child.lower_
        if child.dep_ == "neg" or word in ("never", "not", "n't"):
            reading.negated = True
            continue
        effect = book.modals.get(word) or book.modals.get(child.lemma_.lower())
        if effect == "planned":
            reading.planned = True
        elif effect == "hypothetical":
            reading.hypothetical = True
            if word in book.obligation or child.lemma_.lower() in book.obligation:
                reading.obligation = True
        elif effect == "reported_future":
            reading.reported_future = True
    if any(child.dep_ == "det" and child.lower_ in negators for child in token.children):
        reading.negated = True
    for subject in (child for child in carrier.children if child.dep_ in ("nsubj", "nsubjpass")):
        # "No military facilities were targeted", "no one was arrested": the subject negates.
        if subject.lower_ in ("nobody", "none") or any(det.dep_ == "det" and det.lower_ == "no" for det in subject.children):
            reading.negated = True
        elif subject.lower_ == "one" and any(det.lower_ == "no" for det in subject.children):
            reading.negated = True


def _control(governor: Token, book: PatternBook, reading: _Reading) -> None:
    effect = book.control.get(lemma(governor))
    if effect == "planned":
        reading.planned = True
    elif effect == "hypothetical":
        reading.hypothetical = True
    elif effect == "negated":
        reading.negated = True
    if lemma(governor) == "have" and any(child.dep_ == "xcomp" for child in governor.children):
        reading.obligation = True
        reading.hypothetical = True
    _own_marks(governor, book, reading)


def _condition(token: Token, book: PatternBook) -> tuple[bool, bool]:
    """Whether ``token``'s clause is itself a condition, and whether it carries one."""
    conditional_words = book.status_words["conditional"]
    is_condition = token.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in conditional_words for child in token.children
    )
    carries = any(
        child.dep_ == "advcl" and any(mark.dep_ == "mark" and mark.lower_ in conditional_words for mark in child.children)
        for child in token.children
    )
    return is_condition, carries


def _according_to(token: Token) -> Token | None:
    for node in [token, *token.ancestors]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                objects = prep_objects(child, "to")
                if objects:
                    return objects[0]
    return None


def _parenthetical(token: Token, book: PatternBook) -> Token | None:
    """A reporting verb hanging on the sentence root: "X did Y, officials said"."""
    root = token
    while root.head.i != root.i:
        root = root.head
    for node in (token, root):
        for child in node.children:
            if child.dep_ in ("parataxis", "advcl", "ccomp") and lemma(child) in book.reporting and child.i > token.i:
                return child
    return None


def read_framing(head: Token, book: PatternBook) -> Framing:
    """The framing of a verb, adjective or light-verb event whose clause is headed by ``head``."""
    reading = _Reading()
    _own_marks(head, book, reading)
    is_condition, carries = _condition(head, book)
    if is_condition:
        reading.hypothetical = True
    speech: Token | None = None
    denier: Token | None = None
    for governor in clause_chain(head):
        word = lemma(governor)
        if word in book.denial_verbs:
            denier = subject(governor)
            break
        if word in book.reporting and not is_passive(governor):
            speech = governor
            break
        _control(governor, book, reading)
    if speech is None:
        speech = _parenthetical(head, book)
    reporter = subject(speech) if speech is not None else _according_to(head)
    if any(child.lower_ in book.status_words["reported_adverbs"] for child in head.children):
        reporter = reporter or head
    status: Status
    if reading.negated:
        status = "denied"
    elif denier is not None:
        status = "denied"
    elif reading.hypothetical:
        status = "hypothetical"
    elif reading.reported_future:
        status = "planned" if speech is not None and speech.tag_ in _PAST else "hypothetical"
    elif reading.planned:
        status = "planned"
    else:
        status = "asserted"
    return Framing(
        status=status,
        negated=reading.negated,
        reporter=reporter,
        speech=speech,
        denier=denier,
        conditional=carries,
        obligation=reading.obligation and speech is not None,
        future=reading.planned or reading.reported_future,
    )


def read_noun_framing(noun: Token, book: PatternBook) -> Framing:
    """The framing of an event noun standing on its own: its modifiers, and a denial verb whose
    object it is."""
    words = book.status_words
    modifiers = {child.lower_ for child in noun.children if child.dep_ in ("amod", "det", "compound", "neg", "nmod")}
    negated = bool(modifiers & words["negators"]) or (noun.dep_ == "pobj" and noun.head.lower_ == "without")
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    denier = subject(governor) if governor is not None and lemma(governor) in book.denial_verbs else None
    status: Status
    if negated or denier is not None:
        status = "denied"
    elif modifiers & words["hypothetical"]:
        status = "hypothetical"
    elif modifiers & words["planned"]:
        status = "planned"
    else:
        status = "asserted"
    return Framing(status=status, negated=negated, denier=denier)
