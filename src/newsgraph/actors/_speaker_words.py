"""What kind of phrase names a speaker: a pronoun, a name, a body, a person's title, a document.

:func:`speaker_phrase` reads the words of a speaker as the quote finder cut them ("the ministry",
"It", "Lubinets", "a statement", "the former president") and says what kind of reference they
make, so that :mod:`newsgraph.actors.speakers` knows where in the document to look for the actor.
The word lists are constants: a word is on one when news writing uses it as the subject of "said"
for that kind of speaker.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Span, Token

from newsgraph.quotes.cues import BODY_NOUNS, PERSON_NOUNS

__all__ = [
    "AGREEMENT_HEADS",
    "DOCUMENT_HEADS",
    "GENERIC_HEADS",
    "PRONOUNS",
    "SpeakerPhrase",
    "speaker_phrase",
]

_NAMES = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_MEDIA_HEADS = frozenset({"media", "television", "tv", "broadcaster", "radio", "agency", "outlet", "newspaper"})
_STATE_WORDS = frozenset({"state", "state-run", "official", "government", "state-owned", "state-controlled"})

PRONOUNS: Mapping[str, str] = MappingProxyType(
    {"he": "he", "him": "he", "she": "she", "her": "she", "it": "it", "they": "they", "them": "they", "we": "we",
     "i": "i"}
)
"""Personal pronouns a speaker may be, by the form coreference resolves."""

DOCUMENT_HEADS = frozenset(
    "statement release communique communiqué report resolution declaration letter message post notice note "
    "document text announcement bulletin readout transcript decree order ruling verdict filing complaint "
    "indictment warning update tweet".split()
)
"""Nouns naming a text whose words are its author's: "the statement said", "the resolution calls for"."""

AGREEMENT_HEADS = frozenset("deal agreement accord treaty pact ceasefire truce memorandum".split())
"""Nouns naming an agreement, whose words are its parties': "the deal calls for ..."."""

GENERIC_HEADS = frozenset(
    "officials experts analysts sources residents witnesses people critics observers diplomats others "
    "some many several most authorities".split()
)
"""Plural nouns for unnamed people: "officials said", "analysts say" (a country's officials are its
government when the phrase names the country, which the actors stage reads)."""


@dataclass(frozen=True)
class SpeakerPhrase:
    """The kind of reference a speaker phrase makes (``pronoun``, ``name``, ``surname``, ``body``,
    ``person``, ``document``, ``agreement``, ``generic`` or ``other``), its head token, its head word (lower-case
    lemma, or the pronoun's form), the body family for a body, and whether it says "former"."""

    kind: str
    head: Token
    word: str
    family: str | None = None


def speaker_phrase(span: Span) -> SpeakerPhrase:
    """What kind of reference the speaker words ``span`` make."""
    head = span.root
    lower, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ == "PRON" and lower in PRONOUNS:
        return SpeakerPhrase("pronoun", head, PRONOUNS[lower])
    if lemma in DOCUMENT_HEADS or lower in DOCUMENT_HEADS:
        return SpeakerPhrase("document", head, lemma)
    if lemma in AGREEMENT_HEADS:
        return SpeakerPhrase("agreement", head, lemma)
    if lower in GENERIC_HEADS and not any(token.lower_ in {"the", "its", "their"} for token in span):
        return SpeakerPhrase("generic", head, lower)
    if (lemma in _MEDIA_HEADS or lower in _MEDIA_HEADS) and any(token.lower_ in _STATE_WORDS for token in span):
        return SpeakerPhrase("body", head, lemma, "MED")  # "state media", "state television"
    family = BODY_NOUNS.get(lower) or BODY_NOUNS.get(lemma)
    if family is not None:
        return SpeakerPhrase("body", head, lower if lower in BODY_NOUNS else lemma, family)
    if lemma in PERSON_NOUNS or lower in PERSON_NOUNS:
        return SpeakerPhrase("person", head, lemma)
    if _is_name(head):
        names = [token for token in span if _is_name(token)]
        kind = "surname" if len(names) == 1 and head.ent_type_ not in {"ORG", "GPE", "NORP"} else "name"
        return SpeakerPhrase(kind, head, lower)
    return SpeakerPhrase("other", head, lemma)


def _is_name(token: Token) -> bool:
    """A proper noun, or a capitalised noun inside a sentence (the tagger sometimes takes a
    foreign surname for a common noun: "Zelenskyy added")."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and (not token.is_sent_start or token.ent_type_ in _NAMES)
