"""The words naming a speaker, cut into the name itself and the phrase describing it.

A speaker is a noun phrase in the parse (the subject of "said", the object of "quoted ... as
saying"). Later stages resolve it to an actor, so the name and its description are kept apart:

* a person's name (as the entity recogniser marks it) keeps only the name ("Ana Ruiz");
  the words describing it go into the apposition: the phrase after it ("Dubois, the professor in
  Lyon" -> "the professor in Lyon") or, failing that, the title before it ("Transport
  Minister Ana Ruiz" -> "Transport Minister");
* a phrase whose apposition is a better name is turned round: in "the minister's adviser, Ana
  Ruiz," the speaker is "Ana Ruiz" and the apposition "the minister's adviser", and so in "Deputy
  Minister Ana Ruiz" when the parser makes the person's name the apposition of the title, and in a
  long title ending in a person's name that the parser made the head ("The EU's High
  Representative ... and Vice-President of the Commission Kaja Kallas");
* any other noun phrase is kept whole up to its first comma, determiner and modifiers included
  ("The Spanish Foreign Ministry", "a Transport Ministry spokesperson", "six senior officials",
  "France and Spain"), with an apposition after the comma kept apart as for a person ("EFE, the
  state news agency"); a pronoun is kept as written ("he", "they") for coreference to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.quotes.cues import PERSON_NOUNS

__all__ = ["Mention", "mention_span", "speaker_mentions", "words_mention"]

_EDGE_WORDS = {"punct", "cc", "case"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
_PHRASE_DEPS = {"prep", "amod", "nummod", "compound", "flat"}


@dataclass(frozen=True)
class Mention:
    """A span of the document's text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


def mention_span(doc: Doc, first: int, last: int) -> Mention | None:
    """The mention covering tokens ``first..last`` (inclusive), trimmed of edge punctuation."""
    while first <= last and (doc[first].dep_ in _EDGE_WORDS or doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].dep_ in _EDGE_WORDS or doc[last].is_punct or doc[last].is_space):
        last -= 1
    if first > last:
        return None
    return words_mention(doc, first, last)


def words_mention(doc: Doc, first: int, last: int) -> Mention:
    """The mention covering tokens ``first..last`` (inclusive), as they stand."""
    words = doc[first : last + 1]
    return Mention(words.start_char, words.end_char, words.text)


def speaker_mentions(head: Token) -> tuple[Mention | None, Mention | None]:
    """The speaker mention whose syntactic head is ``head``, and its apposition if it has one."""
    doc = head.doc
    if head.pos_ == "PRON":
        return mention_span(doc, head.i, head.i), None
    person = _trailing_person(head)
    if person is not None:
        first, _ = _name_tokens(person)
        return _name(person), mention_span(doc, head.left_edge.i, first - 1)
    conjuncts = [child for child in head.children if child.dep_ == "conj"]
    if conjuncts:
        return mention_span(doc, head.left_edge.i, conjuncts[-1].right_edge.i), None
    appositions = [child for child in head.children if child.dep_ == "appos"]
    if appositions and _names_better(appositions[0], head):
        name = appositions[0]
        return _name(name), mention_span(doc, head.left_edge.i, name.left_edge.i - 1)
    if head.ent_type_ == "PERSON":
        return _name(head), _description(head)
    first, last = _hyphen_joined(doc, head.left_edge.i, _phrase_end(head))
    after = mention_span(doc, appositions[0].left_edge.i, head.right_edge.i) if appositions else None
    return mention_span(doc, first, last), after


def _trailing_person(head: Token) -> Token | None:
    """The person named at the end of a long title the parser made the head ("The European Union's
    High Representative for ... and Vice-President of the European Commission Kaja Kallas")."""
    if head.ent_type_ == "PERSON" or head.lemma_.lower() not in PERSON_NOUNS:
        return None
    last = head.right_edge
    while last.i > head.i and last.is_punct:
        last = last.doc[last.i - 1]
    return last if last.i > head.i and last.ent_type_ == "PERSON" else None


def _phrase_end(head: Token) -> int:
    """The last token of ``head``'s phrase before any apposition, relative clause or comma."""
    last = head.i
    for child in head.rights:
        if child.dep_ not in _PHRASE_DEPS:
            break
        last = child.right_edge.i
    return last


def _names_better(apposition: Token, head: Token) -> bool:
    """Whether the apposition, rather than its head, is the speaker's name."""
    if apposition.ent_type_ == "PERSON":
        return head.ent_type_ != "PERSON"
    return _is_name(apposition) and not _is_name(head)


def _is_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.ent_type_ in _NAME_LABELS and token.pos_ != "PRON")


def _name(head: Token) -> Mention | None:
    first, last = _name_tokens(head)
    return mention_span(head.doc, first, last)


def _name_tokens(head: Token) -> tuple[int, int]:
    """The first and last token of the proper name headed by ``head``, within its phrase, with
    the parts of a hyphenated name the tokenizer split ("Park Min-jae")."""
    first, last = _name_core(head)
    return _hyphen_joined(head.doc, first, last)


def _hyphen_joined(doc: Doc, first: int, last: int) -> tuple[int, int]:
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ and not doc[last + 1].whitespace_:
        last += 2
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_:
        first -= 2
    return first, last


def _name_core(head: Token) -> tuple[int, int]:
    doc = head.doc
    low, high = head.left_edge.i, head.right_edge.i
    if head.ent_iob_ in {"B", "I"}:
        # The whole entity, even where the parser split it ("Park Min-jae" as three subjects).
        first = head.i
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        last = head.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        return first, last
    first = head.i
    while first > low and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == head:
        first -= 1
    return first, head.i


def _description(head: Token) -> Mention | None:
    """The phrase after a person's name (apposition and modifiers), else the title before it."""
    doc = head.doc
    first, last = _name_tokens(head)
    after = mention_span(doc, last + 1, head.right_edge.i)
    if after is not None:
        return after
    before = head.left_edge.i
    while before < first and doc[before].dep_ == "det":
        before += 1
    return mention_span(doc, before, first - 1)
