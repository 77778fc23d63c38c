"""Speakers' names: which words of a phrase are a person's name, whether a name is a person's,
the full name a surname stands for, and how names are compared ("Zelenskyy", "Zelensky").

Helpers of :mod:`newsgraph.actors.speakers`.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from newsgraph.actors._names import fold, name_key
from newsgraph.actors._speaker_context import MEDIA_WORDS, SpeakerContext
from newsgraph.actors._speaker_words import SpeakerPhrase
from newsgraph.actors.context import ORGANISATION_HEADS
from newsgraph.actors.records import ActorRecord
from newsgraph.quotes.cues import PERSON_NOUNS

__all__ = [
    "MAX_NAME_TOKENS",
    "forms",
    "full_name",
    "folded",
    "looks_like_a_persons_name",
    "name_tokens",
    "naming_words",
    "strip_possessive",
    "surname_fits",
    "titled_name",
    "untitled",
]

_FUZZY_SURNAME = 88.0
_FUZZY_MIN = 5
MAX_NAME_TOKENS = 4
_POSSESSIVES = ("'s", "\u2019s", "'", "\u2019")
_PLACE_LABELS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC"})
# Capitalised words before a name that belong to a title, not to the name: "Commissioner for Trade
# Cecilia Malmström", "Vice-President Kamala Harris".
_NOT_GIVEN_NAMES = frozenset(
    "trade state defense defence foreign affairs justice treasury interior homeland security finance war "
    "commerce energy education health labor labour transportation agriculture economy development "
    "mr mrs ms dr sir president vice prime minister secretary general chief deputy senior high "
    "representative ambassador envoy commissioner spokesman spokeswoman spokesperson chairman "
    "governor mayor senator judge justice lieutenant colonel admiral king queen prince sheikh "
    "former acting interim new".split()
) | PERSON_NOUNS


def forms(record: ActorRecord) -> set[str]:
    """The folded forms of an actor's name and aliases."""
    return {folded(form) for form in (record.name, *record.aliases)}


def folded(text: str) -> str:
    """A name in the form names are compared in: no case, accents, hyphens or possessive."""
    return fold(name_key(text))


def surname_fits(record: ActorRecord, surname: str) -> bool:
    """Whether a person goes by ``surname`` (folded): the last word of a name or alias, or one a
    letter or two off ("Zelenskyy", "Zelensky")."""
    for form in (record.name, *record.aliases):
        words = folded(form).split()
        if not words:
            continue
        if words[-1] == surname:
            return True
        if len(surname) >= _FUZZY_MIN and fuzz.ratio(words[-1], surname) >= _FUZZY_SURNAME and len(words) > 1:
            return True
    return False


def strip_possessive(text: str) -> str:
    for ending in _POSSESSIVES:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)].rstrip()
    return text


def titled_name(span: Span, phrase: SpeakerPhrase) -> tuple[int, int] | None:
    """The tokens of a person's name ending a phrase headed by their title, which the parser did
    not make the head: "EU Commissioner for Trade Cecilia Malmström"."""
    if phrase.kind != "person":
        return None
    doc = span.doc
    last = span.end - 1
    while last > phrase.head.i and doc[last].is_punct:
        last -= 1
    first = last + 1
    while first - 1 > phrase.head.i and _name_word(doc[first - 1]):
        first -= 1
    while first <= last and doc[first].lower_ in _NOT_GIVEN_NAMES:
        first += 1
    if first > last or (first == last and doc[last].ent_type_ != "PERSON"):
        return None
    if any(doc[index].ent_type_ in _PLACE_LABELS for index in range(first, last + 1)):
        # The recogniser often runs an organisation into the name after it ("the UN Fu Cong"):
        # two or three capitalised words right after a title or acronym are a person's name unless
        # they read as a body's; after "of" or "the" they name the body ("head of Human Rights Watch").
        if doc[first - 1].pos_ in {"ADP", "DET"} or not looks_like_a_persons_name(doc[first : last + 1], ""):
            return None
    return first, last


def untitled(doc: Doc, first: int, last: int) -> int:
    """The first token of a name run ``first..last`` after the title words that lead it ("Foreign
    Minister Ana Ruiz": "Ana"); ``first`` when none lead it, or when what is left is one word the
    recogniser did not call a person's."""
    start = first
    while start < last and doc[start].lower_.rstrip(".") in _NOT_GIVEN_NAMES:
        start += 1
    if start == last and doc[last].ent_type_ != "PERSON":
        return first  # "General Staff", "Security Council": a body's name, not a title and a surname
    return start


def _name_word(token: Token) -> bool:
    text = token.text
    if not (token.pos_ == "PROPN" and text[:1].isupper() and not text.isupper()):
        return False
    # A name the recogniser took for an organisation's, which titled_name checks as a whole.
    return token.ent_type_ not in _PLACE_LABELS or token.ent_type_ == "ORG"


def name_tokens(span: Span, head: Token) -> tuple[int, int]:
    """The run of name words around ``head`` inside ``span`` (a hyphenated part counts as one)."""
    doc = span.doc
    first = last = head.i
    while first - 1 >= span.start and _capitalised(doc[first - 1]) and last - first + 1 < MAX_NAME_TOKENS:
        first -= 1
    while last + 1 < span.end and _capitalised(doc[last + 1]) and last - first + 1 < MAX_NAME_TOKENS:
        last += 1
    while last + 2 < span.end and doc[last + 1].text == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_:
        last += 2
    return first, last


def naming_words(span: Span) -> tuple[int, int] | None:
    """The proper name qualifying a common noun that heads a speaker phrase: "Magen David Adom" of
    "Israel's Magen David Adom rescue service", "Wagner" of "the Wagner mercenary outfit"; None
    when no such name stands before the head (a country's name or a possessor is no such name)."""
    head = span.root
    names = [
        token
        for token in span
        if token.i < head.i and _name_word(token) and token.ent_type_ != "PERSON"
        and token.dep_ != "poss" and token.head.i != token.i
    ]
    if not names:
        return None
    last = names[-1].i
    first = last
    while first - 1 >= span.start and span.doc[first - 1] in names:
        first -= 1
    return first, last


def looks_like_a_persons_name(words: Span, label: str) -> bool:
    """A name the recogniser called a person's, or two or three capitalised words with no
    organisation's word or acronym in them ("Ana Ruiz", not "Meydan TV" or "KFOR"); a single word
    is a surname unless called an organisation."""
    if label == "PERSON":
        return True
    if len(words) == 1:
        return label not in {"ORG", "FAC", "GPE", "NORP", "LOC"}
    lower = {token.lower_ for token in words}
    acronym = any(token.text.isupper() and len(token.text) > 1 for token in words)
    return 2 <= len(words) <= MAX_NAME_TOKENS and not acronym and not lower & (ORGANISATION_HEADS | MEDIA_WORDS)


def _capitalised(token: Token) -> bool:
    return token.pos_ in {"PROPN", "NOUN"} and token.text[:1].isupper() and token.dep_ != "poss"


def full_name(doc: Doc, context: SpeakerContext, surname: Token) -> str | None:
    """A full name ending in ``surname`` elsewhere in the document ("Dmytro Lubinets"), the first."""
    wanted = folded(strip_possessive(surname.text))
    for token in doc:
        if token.i == surname.i or folded(strip_possessive(token.text)) != wanted or context.quoted(token.idx):
            continue
        first = token.i
        while (
            first > 0 and token.i - first < MAX_NAME_TOKENS - 1 and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].text[:1].isupper() and doc[first - 1].lower_ not in _NOT_GIVEN_NAMES
            and doc[first - 1].ent_type_ not in {"GPE", "NORP", "ORG"}
        ):
            first -= 1
        if first < token.i:
            return strip_possessive(doc[first : token.i + 1].text)
    return None
