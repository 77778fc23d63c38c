"""Whether a date in a sentence is told as past or as future, from the verb that governs it.

A weekday or a month without a year means a different day in "Putin visited on Wednesday" (the
Wednesday just gone) and in "Putin will visit on Wednesday" (the coming one). The tense of the
governing verb decides. :func:`tense_in_doc` reads it from spaCy's parse; :func:`tense_in_text`
is the fallback for plain text and reads the nearest tense cue before the date in its sentence.
Both give ``None`` when the tense is present, conditional or unclear, and the caller then takes
the date nearest the publication date.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc, Token

__all__ = ["Tense", "tense_in_doc", "tense_in_text"]

Tense = Literal["past", "future"]
"""The time a sentence tells about, relative to when it was written."""

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
# A verb of planning or expectation governing a to-infinitive puts the infinitive in the future:
# "is set to hold", "scheduled to visit", "is due to arrive", "is to sign", "is going to meet".
_PLANNING = frozenset(
    {"set", "schedule", "due", "expect", "plan", "slate", "intend", "poise", "prepare", "aim", "be", "go"}
)
_PLAN_NEEDS_INFINITIVE = frozenset({"be", "go"})
# Dependencies through which a non-finite verb takes its tense from the verb above it.
_CLIMB = frozenset({"xcomp", "advcl", "pcomp", "prep", "conj", "acl", "pobj", "relcl", "npadvmod"})
_MAX_CLIMB = 12


def tense_in_doc(doc: Doc, start: int, end: int) -> Tense | None:
    """The tense of the verb governing ``doc.text[start:end]``, or ``None`` when not past or future.

    Past: a past-tense verb ("met"), a past auxiliary ("did meet", "was held") or a perfect ("has
    met", "has been providing"). Future: "will" or "shall", or a verb of planning or expectation
    over a to-infinitive ("is set to", "scheduled to", "expected to", "is due to", "is to", "going
    to") or alone in the passive ("is scheduled for Friday", "is expected on Thursday"), unless
    that verb is itself in the past ("was expected to" says nothing of whether it happened). A
    non-finite verb ("leaving", "to hold") takes the tense of the verb it depends on.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = _governing_verb(span.root)
    steps = 0
    while verb is not None and steps < _MAX_CLIMB:
        steps += 1
        tense, settled = _verb_tense(verb)
        if settled:
            return tense
        verb = _governing_verb(verb.head) if verb.dep_ in _CLIMB and verb.head.i != verb.i else None
    return None


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in ("VERB", "AUX") or (current.pos_ == "ADJ" and current.lemma_ == "due"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _verb_tense(verb: Token) -> tuple[Tense | None, bool]:
    """The tense ``verb`` shows, and whether it settles the question (a finite verb does)."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    past = verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries)
    if any(aux.lower_ in _FUTURE_AUX for aux in auxiliaries):
        return "future", True
    if verb.lemma_ in _PLANNING:
        infinitive = any(child.dep_ == "xcomp" for child in verb.children)
        if verb.lemma_ in _PLAN_NEEDS_INFINITIVE:
            # "is to sign", "is going to sign"; not "is in Seoul", "went to Seoul".
            plans = infinitive and (verb.lemma_ == "be" or verb.tag_ == "VBG")
        else:
            # "set to hold", or a passive alone: "is scheduled for Friday", "is due Thursday".
            plans = infinitive or verb.pos_ == "ADJ" or any(aux.dep_ == "auxpass" for aux in auxiliaries)
        if plans:
            # "was expected to arrive" says nothing of whether it happened.
            return (None if past else "future"), True
    if any(aux.tag_ == "MD" for aux in auxiliaries):
        return None, True
    if past:
        return "past", True
    if any(aux.lemma_ == "have" and aux.dep_ == "aux" for aux in auxiliaries):
        # A perfect ("has met", "has been providing") tells of a time before the writing.
        return "past", True
    finite = verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxiliaries)
    return None, finite


# Plain-text cues, the nearest one before the date deciding. The future cues are tried first at
# each place so that "scheduled to" is read as a plan, not as the past tense "scheduled".
_FUTURE_CUES = re.compile(
    r"(?i)\b(?:will|shall|won't|going\s+to|(?:set|scheduled|due|expected|slated|poised|planning|plans?|"
    r"intends?|aims?|is|are|was|were)\s+to|(?:is|are)\s+(?:set|scheduled|due|expected|slated|planned)\b)"
    r"|['’]ll\b"
)
_PAST_CUES = re.compile(
    r"\b(?:said|told|met|held|went|came|left|began|made|took|gave|spoke|saw|sent|won|lost|struck|shot|"
    r"fell|rose|flew|fought|led|brought|built|bought|sought|thought|found|got|hit|ran|wrote|was|were|"
    r"had|did|been|(?!(?:need|feed|seed|speed|hundred|bleed|breed)\b)[a-z]{3,}ed)\b"
)
_SENTENCE_START = re.compile(r"[.!?]\s+|\n")
_PAST_PLAN = re.compile(r"(?i)\b(?:was|were)\s+to$")


def tense_in_text(text: str, start: int) -> Tense | None:
    """The tense of the nearest cue before ``text[start:]`` in its sentence, or ``None``.

    Future cues are "will", "'ll", "shall", "going to" and "set/scheduled/due/expected ... to";
    past cues are common irregular past forms ("said", "met", "was") and words in "-ed". This is
    a fallback for text without a parse: a cue from another clause of the sentence can mislead it.
    """
    sentence_start = 0
    for match in _SENTENCE_START.finditer(text, 0, start):
        sentence_start = match.end()
    window = text[sentence_start:start]
    cues = [(match.end(), "future") for match in _FUTURE_CUES.finditer(window)]
    cues += [(match.end(), "past") for match in _PAST_CUES.finditer(window)]
    if not cues:
        return None
    # At one place the future cue wins: "scheduled to" ends where the past "scheduled" ends plus "to".
    end, nearest = max(cues, key=lambda cue: (cue[0], cue[1] == "future"))
    if nearest == "future":
        # "was to visit" tells of a plan made in the past, not of the future.
        return None if _PAST_PLAN.search(window, 0, end) else "future"
    return "past"
